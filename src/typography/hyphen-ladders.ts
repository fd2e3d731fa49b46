/**
 * No more than two hyphenated lines in a row: Chrome breaks lines greedily at any soft hyphen and
 * has no `hyphenate-limit-lines`, so the text it prints may end four or five lines running with a
 * hyphen (a “ladder”). This module runs inside the page, before it is printed: it lays the text
 * out as it will be printed (print styles, the page's text width), finds each line end, and
 * where more than `maxRun` lines in a row end with a hyphen, it takes the soft hyphens out of the
 * word broken at the line that makes the run too long, so that Chrome breaks that line elsewhere;
 * then it lays out again, until no run is too long (or `maxRounds` rounds).
 *
 * The function is serialized into the page by the browser driver: it may use only its arguments
 * and the DOM, and it defines no named inner function (the TypeScript runner would wrap those in
 * a helper the page does not have). It puts the page back as it was (media rules, body width) before returning.
 *
 * Not for: where soft hyphens go (`hyphenate.ts`), nor the facts (`src/language/fr/line-breaking.ts`).
 */

/** What the pass did. */
export interface LadderReport {
  /** Words whose soft hyphens were taken out. */
  words: number;
  /** Layout rounds made. */
  rounds: number;
  /** Longest run of hyphenated lines left (in the page's own layout). */
  longest: number;
  /**
   * The soft hyphens taken out, by their rank among the body's soft hyphens before the pass (in
   * document order, from 0): what `removeSoftHyphens` does again to the same text without
   * laying it out.
   */
  removed: number[];
}

/**
 * Breaks up runs of hyphenated lines longer than `maxRun`. Runs in the page.
 * @param maxRun most hyphenated lines in a row
 * @param maxRounds most layout rounds
 */
export function limitHyphenLadders(maxRun: number, maxRounds = 8): LadderReport {
  const shy = '\u00ad';
  // 1. Lay out for print: print rules on, screen rules off, the body as wide as the page's text.
  const switched: { rule: CSSMediaRule; media: string }[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRule[] = [];
    try {
      rules = Array.from(sheet.cssRules);
    } catch {
      continue; // a sheet the page cannot read
    }
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        const media = rule.media.mediaText;
        const print = /\bprint\b/.test(media);
        const screen = /\bscreen\b/.test(media);
        if (print || screen) {
          switched.push({ rule, media });
          rule.media.mediaText = print && !/\bnot\b/.test(media) ? 'all' : 'not all';
        }
      }
    }
  }
  // Lengths in CSS pixels, by the Typed OM (`24mm` → 90.7).
  const sizes: Record<string, [string, string]> = { a3: ['297mm', '420mm'], a4: ['210mm', '297mm'], a5: ['148mm', '210mm'], a6: ['105mm', '148mm'], letter: ['8.5in', '11in'], legal: ['8.5in', '14in'] };
  let pageWidth = CSSNumericValue.parse('210mm').to('px').value;
  let marginLeft = 0;
  let marginRight = 0;
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRule[] = [];
    try {
      rules = Array.from(sheet.cssRules);
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSPageRule) || !/^(|:right)$/.test(rule.selectorText.trim())) continue;
      const size = rule.style.getPropertyValue('size').trim().toLowerCase();
      if (size) {
        const named = sizes[size.split(/\s+/)[0]!];
        const landscape = /landscape/.test(size);
        const [w, h] = named ?? (size.split(/\s+/) as [string, string]);
        pageWidth = CSSNumericValue.parse(landscape ? h : w).to('px').value;
      }
      const ml = rule.style.getPropertyValue('margin-left');
      const mr = rule.style.getPropertyValue('margin-right');
      if (ml) marginLeft = CSSNumericValue.parse(ml).to('px').value;
      if (mr) marginRight = CSSNumericValue.parse(mr).to('px').value;
    }
  }
  // Chrome prints pages of whole points (A5 is 420 pt wide, not 419.5): lay out on the same width.
  pageWidth = Math.round(pageWidth * 0.75) / 0.75;
  const body = document.body;
  const saved = { width: body.style.width, maxWidth: body.style.maxWidth, margin: body.style.margin, padding: body.style.padding };
  body.style.width = `${pageWidth - marginLeft - marginRight}px`;
  body.style.maxWidth = 'none';
  body.style.margin = '0';
  body.style.padding = '0';

  // 2. Find the line ends of each block of running text, and whether each ends with a hyphen.
  // The body's text before the pass, to tell at the end which soft hyphens went.
  const before: [Text, string][] = [];
  const all = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = all.nextNode() as Text | null; node; node = all.nextNode() as Text | null) if (node.data.includes(shy)) before.push([node, node.data]);
  let pending = Array.from(document.querySelectorAll('p, li, dd, td, blockquote, figcaption')).filter((el) => el.textContent?.includes(shy));
  const range = document.createRange();
  let words = 0;
  let rounds = 0;
  let longest = 0;
  for (; rounds < maxRounds; rounds++) {
    const changed: Element[] = [];
    for (const block of pending) {
      // A new line starts lower by about a line; an inline set smaller sits a little lower, not a line.
      const step = (parseFloat(getComputedStyle(block).lineHeight) || 12) / 2;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      // Break opportunities in reading order: after a space, a soft hyphen, a hyphen.
      const ends: { node: Text; offset: number; hyphen: boolean; soft: boolean }[] = [];
      let lastTop: number | undefined;
      let lastPlace: { node: Text; offset: number; char: string } | undefined;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = node.data;
        for (let i = 0; i < text.length; i++) {
          const c = text[i]!;
          if (c === shy || /\s/.test(c)) {
            lastPlace = { node, offset: i, char: c };
            continue;
          }
          // Only the first visible character after a break opportunity can start a line.
          if (!lastPlace && lastTop !== undefined && i > 0 && text[i - 1] !== '-' && text[i - 1] !== '\u2010') continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = range.getClientRects();
          if (!rects.length) continue;
          const t = rects[rects.length - 1]!.top;
          if (lastTop !== undefined && t > lastTop + step && lastPlace) {
            const soft = lastPlace.char === shy;
            ends.push({ node: lastPlace.node, offset: lastPlace.offset, hyphen: soft, soft });
          } else if (lastTop !== undefined && t > lastTop + step && i > 0 && /[-\u2010]/.test(text[i - 1]!)) {
            ends.push({ node, offset: i - 1, hyphen: true, soft: false });
          }
          lastTop = t;
          lastPlace = undefined;
        }
      }
      let run = 0;
      for (const end of ends) {
        run = end.hyphen ? run + 1 : 0;
        longest = Math.max(longest, run);
        if (run > maxRun && end.soft && end.node.isConnected) {
          // Take the soft hyphens out of the whole word, so that it is not broken one place further.
          const data = end.node.data;
          let from = end.offset;
          let to = end.offset;
          while (from > 0 && /[^\s]/.test(data[from - 1]!)) from--;
          while (to < data.length && /[^\s]/.test(data[to]!)) to++;
          end.node.data = data.slice(0, from) + data.slice(from, to).replaceAll(shy, '') + data.slice(to);
          words += 1;
          changed.push(block);
          break; // the block's lines moved: measure it again next round
        }
      }
    }
    if (changed.length === 0) break;
    pending = changed;
  }

  // 3. Put the page back, and say which soft hyphens went (the pass only ever takes them out).
  for (const { rule, media } of switched) rule.media.mediaText = media;
  Object.assign(body.style, saved);
  const removed: number[] = [];
  let rank = 0;
  for (const [node, text] of before) {
    const now = node.data;
    for (let i = 0, j = 0; i < text.length; i++) {
      if (text[i] !== shy) {
        j++;
        continue;
      }
      if (now[j] === shy) j++;
      else removed.push(rank);
      rank++;
    }
  }
  return { words, rounds: rounds + 1, longest, removed };
}

/**
 * Takes out the soft hyphens that `limitHyphenLadders` took out of the same text before, by
 * their rank in the body (its `removed`), without laying anything out. Runs in the page.
 * @param removed ranks of soft hyphens among the body's, in document order, ascending
 */
export function removeSoftHyphens(removed: readonly number[]): number {
  const shy = '\u00ad';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let rank = 0;
  let next = 0;
  for (let node = walker.nextNode() as Text | null; node && next < removed.length; node = walker.nextNode() as Text | null) {
    const text = node.data;
    if (!text.includes(shy)) continue;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (text[i] === shy) {
        if (removed[next] === rank) {
          next++;
          rank++;
          continue;
        }
        rank++;
      }
      out += text[i];
    }
    if (out !== text) node.data = out;
  }
  return next;
}
