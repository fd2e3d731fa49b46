/**
 * Lines into Markdown blocks: the layout pass.
 *
 * Texts arrive either hard-wrapped (PDF extractions: lines of about the same width, a paragraph
 * running over many lines, often with no blank line between paragraphs) or one paragraph per line
 * (web pages, press releases). This pass finds which, then:
 * - measures the text's usual full line, and ends a paragraph where a line ends a sentence short
 *   of that measure; a full line runs on into the next one, and so does a line left short only
 *   because the next word was too long to fit in it;
 * - joins wrapped lines into paragraphs: without a space after an elided `l’`, inside a word a
 *   break cut in two (when the lexicon confirms the whole word), inside an address or a path cut
 *   at a line end (`https:` + `//www…`, `/usr/share/` + `doc`), without the hyphen of a word
 *   hyphenated at the line end (`coopé-` + `ration`) but keeping a real one (`arc-` + `en-ciel`);
 * - joins a sentence that a page break (a form feed left by `page-furniture.ts`, with the running
 *   heads between the halves already removed) or a blank line split, and one whose words in code
 *   type the extraction set in a block of their own (`Vous tapez` ⏎⏎ `Ctrl-R à l’invite…`);
 * - keeps lines that are neither sentences nor headings (code, table rows, addresses) as lines of
 *   one block;
 * - recognises list items (`•`, `–`, `—`, `-`, `*`, `1.`, `a)` …) and their continuation lines,
 *   indented or not, nested by indentation where the text has it;
 * - recognises headings: a short line standing alone without final punctuation, a heading wrapped
 *   over two lines, a section number on its own line (`3.2`, `Chapitre 4`) with the title after
 *   it; never a figure's caption, a line of code or a word of a justified line;
 * - takes the document's own title (its first heading-like line).
 *
 * Every join across a page break or blank line, every heading and the title are reported, and so
 * is every repair inside a line join (hyphen, address); unwrapping ordinary lines is reported once
 * per document. Words are never changed here, only the whitespace between them, a hyphen at a line
 * end and the Markdown markers before them.
 *
 * Written by hand: Markdown parsers read Markdown, and no library reads damaged plain-text layout.
 */
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { DocumentMeta, PassContext, PassResult } from './pass.ts';
import { endsSentence, lastWord } from '../language/fr/sentence.ts';
import { divisionNamePattern, isDeterminer, isDivisionName, isFunctionWord } from '../language/fr/words.ts';

interface Line {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  content: string;
  indent: number;
  blank: boolean;
  /** A form feed: the page break `page-furniture.ts` leaves, on a line of its own. */
  pageBreak: boolean;
  /** Offset where the item's text starts, when the line is a list item. */
  bulletText?: number;
  /** The item's number, for an ordered item (`3.` → 3). */
  ordinal?: number;
  /** Text moved before this line's own from elsewhere in its passage (a piece the extraction put out of place). */
  moved?: string;
}

type BlockKind = 'paragraph' | 'heading' | 'item';

/**
 * How a line joins the previous one of its block: with a space, with nothing (inside a word or an
 * address), without the previous line's final hyphen, as a hard break inside an item (a title
 * line, then its text), or as a line of its own inside the block (code, table rows).
 */
type Join = 'space' | 'none' | 'unhyphenate' | 'break' | 'line';

interface Block {
  kind: BlockKind;
  lines: Line[];
  joins: Join[];
  /** The repair each join made, reported with it (a hyphen dropped, an address rejoined). */
  joinFindings: (Edit['finding'] | undefined)[];
  indent: number;
  blankBefore: number;
  /** True when a page break (a form feed) stands between this block and the previous one. */
  pageBefore: boolean;
  level: number;
  /** For items: nesting level in their list, from 1. */
  listLevel: number;
  /** Depth of enclosing bullet sections. */
  depth: number;
  /** For headings made of a section number and a title: the number's own lines come first. */
  numbered?: boolean;
  /** A heading found in the running text (after a sentence, before one): its number of lines. */
  titleLines?: number;
  /** Made of words a justified line gave one by one: its last line was a full line, not a paragraph's last. */
  stretched?: boolean;
}

const bulletPattern = /^[•◦▪‣●○■□·∙][ \t\u00a0]+|^[-–—*+][ \t\u00a0]+(?=\S)/u;
/** `1.` `2)` `a)` `(b)` `iv.` at a line start (escaped by `escape-markdown.ts` when it is `1.`). */
const orderedPattern = /^(?:(\d{1,2})\\?[.)]|\(?([a-z])\)|\(([ivx]{1,4})\)|([ivx]{1,4})\.)[ \t\u00a0]+(?=\S)/u;
const footnoteDefinition = /^\[\^[^\]\s]+\]:/u;
const leadingSpace = /^[ \t\u00a0\u2007\u202f]*/u;
const trailingSpace = /[ \t\u00a0\u2007\u202f]*$/u;
/** A section number alone on its line: `3`, `3.2`, `3.2.1.`, `A.1`, `Chapitre 4`, `CHAPITRE`, `Annexe B`. */
const sectionNumber = new RegExp(`^(?:(?:${divisionNamePattern})(?:\\s+(?:\\d{1,3}|[IVXLC]{1,6}|[A-Z]))?|\\d{1,2}(?:\\.\\d{1,3}){0,4}\\.?|[A-Z](?:\\.\\d{1,3}){1,4}\\.?)$`, 'iu');
/** A heading with its number on the same line: `2.1.3 Discussion`, `Chapitre 4 Résultats`. */
const numberedTitle = /^(?:\d{1,2}(?:\.\d{1,3}){1,4}\.?|(?:chapitre|chapter|annexe|appendix)\s+(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])\.?)\s+[\p{Lu}«"“(]/u;

/** Captions of figures and tables: text of their own, never a heading. */
const captionPattern = /^(?:\*\*)?(?:figure|fig\.|table|tableau|illustration|image|exemple|example|listing|équation|graphique|photo)\s*[\dA-Z][\d.]*\b/iu;

/**
 * The layout pass.
 * @param text the escaped source text (after page furniture, bold and glyph repairs)
 * @param context lexicon for words cut by a line break (optional)
 * @returns edits that turn the lines into Markdown blocks, notes, and the title when found
 */
export function segmentBlocks(text: string, context: Pick<PassContext, 'lexicon'>): PassResult {
  const lines = splitLines(text);
  const layout = analyseLayout(lines);
  const notes: Note[] = [];
  const meta: DocumentMeta = {};
  const lexicon = context.lexicon;
  let blocks = groupLines(lines, layout, lexicon);
  if (layout.hardWrapped) blocks = mergeWordRuns(blocks, notes, lexicon);
  if (!layout.markdown) blocks = joinBreaks(blocks, layout, notes, lexicon);
  blocks = mergeSectionNumbers(blocks, layout, notes);
  markSections(blocks);
  // Markdown that Folio wrote (normalized once already) keeps its headings and title as they are.
  const title = layout.markdown ? undefined : (markHeadings(blocks, layout, notes), takeTitle(blocks, notes));
  if (layout.markdown) for (const b of blocks) if (b.kind === 'heading') reportHeading(b, notes);
  if (title) meta.title = blockText(title);

  if (layout.hardWrapped) {
    const joined = blocks.reduce((n, b) => n + b.joins.filter((j) => j !== 'break' && j !== 'line').length, 0);
    const first = lines.find((l) => !l.blank && !l.pageBreak);
    if (first && joined > 0) {
      notes.push({
        at: first.contentStart,
        finding: {
          rule: 'hard-wrap',
          severity: 'info',
          message: `The text is hard-wrapped at about ${layout.width} characters: ${joined} line breaks inside paragraphs were joined.`,
        },
      });
    }
  }
  return { edits: renderEdits(text, blocks, title), notes, meta };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  /** Indentation of the bullet of the list the lines are in, if any. */
  let listIndent: number | undefined;
  for (const raw of text.split('\n')) {
    const lead = leadingSpace.exec(raw)![0];
    const body = raw.slice(lead.length);
    const content = body.replace(trailingSpace, '');
    const indent = [...lead].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);
    const pageBreak = /^\f+$/u.test(content);
    const line: Line = {
      start,
      end: start + raw.length,
      contentStart: start + lead.length,
      contentEnd: start + lead.length + content.length,
      content,
      indent,
      blank: content.length === 0,
      pageBreak,
    };
    if (!pageBreak) {
      const bullet = bulletPattern.exec(content);
      const previous = lines.findLast((l) => !l.pageBreak);
      // A dash at a line start continues a sentence unless a list is plausible there.
      const dash = bullet && /^[-–—*+]/u.test(content);
      const listPlace =
        !previous || previous.blank || listIndent !== undefined || /[:.;!?]$/u.test(previous.content) || previous.content.length < 40;
      if (bullet && (!dash || listPlace)) line.bulletText = line.contentStart + bullet[0].length;
      const ordered = bullet ? null : orderedPattern.exec(content);
      if (ordered) {
        line.bulletText = line.contentStart + ordered[0].length;
        line.ordinal = ordered[1] ? Number(ordered[1]) : ordered[2] ? ordered[2].charCodeAt(0) - 96 : 0;
      }
      if (line.bulletText !== undefined) listIndent = line.indent;
      else if (!line.blank && listIndent !== undefined && line.indent <= listIndent) listIndent = undefined;
    }
    lines.push(line);
    start += raw.length + 1;
  }
  confirmOrderedItems(lines);
  return lines;
}

/**
 * An ordered marker makes an item only inside a numbered list: a `1.` with a `2.` after it, a `3.`
 * after a `2.`. A year or a lone `1.` heading a line stays text.
 */
function confirmOrderedItems(lines: Line[]): void {
  const ordered = lines.filter((l) => l.ordinal !== undefined);
  // Measured in characters, not lines, so that the decision is the same once lines are joined.
  const near = (x: Line, y: Line): boolean => Math.abs(x.start - y.start) <= 3000;
  const keep = ordered.map((l, k) =>
    [ordered[k - 1], ordered[k + 1]].some((o) => o !== undefined && near(o, l) && Math.abs(o.ordinal! - l.ordinal!) === 1 && o.indent === l.indent),
  );
  ordered.forEach((l, k) => {
    if (keep[k]) return;
    l.bulletText = undefined;
    l.ordinal = undefined;
  });
}

interface Layout {
  hardWrapped: boolean;
  /** The text is Markdown as Folio writes it: its headings are marked, its paragraphs on one line each. */
  markdown: boolean;
  /** Typical width of a full line, when hard-wrapped. */
  width: number;
}

/** Hard-wrapped: lines rarely long, and lines often run on into the next without punctuation; or pages. */
function analyseLayout(lines: Line[]): Layout {
  const text = lines.filter((l) => !l.blank && !l.pageBreak && l.bulletText === undefined);
  if (text.length === 0) return { hardWrapped: false, markdown: false, width: 0 };
  const long = text.filter((l) => l.content.length > 200).length;
  const paged = lines.some((l) => l.pageBreak);
  if (!paged && long > 0 && text.some((l) => /^#{2,6} \S/u.test(l.content))) return { hardWrapped: false, markdown: true, width: 0 };
  const runOnLengths: number[] = [];
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (a.blank || b.blank || a.pageBreak || b.pageBreak || a.bulletText !== undefined || b.bulletText !== undefined) continue;
    if (!endsSentence(a.content)) {
      runOn += 1;
      runOnLengths.push(a.content.length);
    }
  }
  // `pdftotext` joins the two lines of a word hyphenated at a line end: a few lines are twice as long.
  const hardWrapped = (runOn >= 2 && long / text.length < 0.1) || (paged && runOn >= 2 && long / text.length < 0.3);
  runOnLengths.sort((x, y) => x - y);
  // Lines that run on into the next are full lines: their median is the measure.
  const width = runOnLengths.length ? runOnLengths[Math.floor(runOnLengths.length * 0.5)]! : 0;
  return { hardWrapped, markdown: false, width };
}

function newBlock(kind: BlockKind, line: Line, blankBefore: number, pageBefore: boolean): Block {
  return { kind, lines: [line], joins: [], joinFindings: [], indent: line.indent, blankBefore, pageBefore, level: 0, listLevel: 1, depth: 0 };
}

function isFull(line: Line, layout: Layout, item = false): boolean {
  // Only hard-wrapped text has a measure; a line of a one-paragraph-per-line text is never "full".
  return layout.hardWrapped && layout.width > 0 && line.content.length >= layout.width * (item ? 0.78 : 0.85);
}

/** Groups consecutive lines into blocks: wrapped lines, items with their continuation lines. */
function groupLines(lines: Line[], layout: Layout, lexicon: Lexicon | undefined): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  let page = false;
  let current: Block | undefined;
  const push = (b: Block): void => {
    blocks.push(b);
    current = b;
  };
  lines.forEach((line, index) => {
    if (line.blank || line.pageBreak) {
      if (line.blank) blank += 1;
      else page = true;
      current = undefined;
      return;
    }
    const previous = current?.lines[current.lines.length - 1];
    const title = layout.hardWrapped && line.bulletText === undefined ? titleAhead(lines, index, layout) : 0;
    if (current?.titleLines !== undefined && current.lines.length >= current.titleLines) {
      // The heading found ahead ends here: what follows is its text.
      push(line.bulletText !== undefined ? newBlock('item', line, blank, page) : newBlock('paragraph', line, blank, page));
    } else if (title > 0 && previous && endsSentence(previous.content) && current?.kind === 'paragraph' && !labelledValueCut(previous.content, line.content)) {
      // After a sentence's end, one or two short lines without punctuation before a new sentence: a heading.
      push(newBlock('paragraph', line, blank, page));
      current!.titleLines = title;
    } else if (line.bulletText !== undefined) {
      push(newBlock('item', line, blank, page));
    } else if (footnoteDefinition.test(line.content)) {
      push(newBlock('paragraph', line, blank, page));
    } else if (current && previous && current.kind === 'item' && line.indent > current.indent) {
      // An indented line under an item: its text goes on, or a new line of it (a title, then its text).
      const join = layout.hardWrapped ? lineJoin(previous, line, layout, current, lexicon) : undefined;
      addLine(current, line, join && join.join !== 'line' ? join : { join: 'break' });
    } else if (current && previous && (current.kind === 'item' || current.kind === 'paragraph')) {
      const join = lineJoin(previous, line, layout, current, lexicon, lines[index + 1]);
      if (!join) push(newBlock('paragraph', line, blank, page));
      else {
        addLine(current, line, join);
        // The title ends on the line it wrapped onto: what follows is its text.
        if (join.endsTitle) current.titleLines = current.lines.length;
      }
    } else {
      push(newBlock('paragraph', line, blank, page));
    }
    if (current?.lines.length === 1) {
      blank = 0;
      page = false;
    }
  });
  return blocks;
}

/**
 * How many lines from `index` read as a heading set in the running text: one line, or two when
 * the first runs on into the second, none ending with punctuation, the last short of the
 * measure, and a sentence or a block starting after them. 0 when they do not.
 */
function titleAhead(lines: Line[], index: number, layout: Layout): number {
  const first = lines[index]!;
  if (startsLower(first.content) || captionPattern.test(first.content) || first.bulletText !== undefined) return 0;
  for (const n of [1, 2]) {
    const group = lines.slice(index, index + n);
    if (group.length < n || group.some((l) => l.blank || l.pageBreak || /[.;:!?,]$/u.test(l.content))) return 0;
    if (n === 2 && !(startsLower(group[1]!.content) || endsWithJoiner(group[0]!.content))) return 0;
    const last = group[n - 1]!;
    if (isFull(last, layout)) continue;
    const after = lines[index + n];
    const text = group.map((l) => l.content).join(' ');
    if (!isHeadingCandidate(text, 150) || /[=$<>{}|\\[\]@]/u.test(text)) return 0;
    if (after && !after.blank && !after.pageBreak && (startsLower(after.content) || after.bulletText !== undefined)) return 0;
    return n;
  }
  return 0;
}

function addLine(block: Block, line: Line, join: { join: Join; finding?: Edit['finding'] }): void {
  block.joins.push(join.join);
  block.joinFindings.push(join.finding);
  block.lines.push(line);
}

/**
 * Does line `b` go on the block whose last line is `a` (no blank line between them), and how?
 * - A full line runs on into the next.
 * - A line that ends a sentence short of the measure ends its paragraph (unless the next line
 *   starts in lowercase: `etc.` inside a sentence).
 * - A short line that does not end a sentence runs on when the next starts in lowercase or the
 *   line ends on a word that cannot end one (`de`, `l’`, a comma); a heading-like first line of a
 *   block before a longer line stands alone; any other short line stays a line of the block
 *   (code, a table's row, an address).
 * - A numbered title goes on in a short lowercase line under it, and ends there (`endsTitle`).
 * In text with one paragraph per line, a line ending a sentence ends its paragraph, and other
 * lines stay lines of their block.
 * @param after the line after `b` (what follows a title's second line tells that it ended)
 * @returns how to join, or undefined for a new block
 */
function lineJoin(a: Line, b: Line, layout: Layout, block: Block, lexicon: Lexicon | undefined, after?: Line): { join: Join; finding?: Edit['finding']; endsTitle?: boolean } | undefined {
  if (!layout.hardWrapped) {
    if (/^#{1,6} /u.test(a.content) || /^#{1,6} /u.test(b.content)) return undefined;
    // A line in lowercase after an unfinished one is its continuation, in an item too.
    if (!layout.markdown && startsLower(b.content) && !endsSentence(a.content)) return joinKind(a, b, lexicon);
    if (block.kind === 'item') return undefined;
    // Folio's Markdown: lines of one block stay lines of that block.
    if (layout.markdown) return footnoteDefinition.test(b.content) ? undefined : { join: 'line' };
    if (endsSentence(a.content)) return undefined;
    // A title or a heading line before a paragraph stands alone; other lines that do not end a
    // sentence stay lines of their block (code, an address, or what a first normalization kept so).
    return block.lines.length === 1 && isHeadingCandidate(a.content, 300) && b.content.length > 120 ? undefined : { join: 'line' };
  }
  if (sectionNumber.test(a.content) && block.lines.length === 1) return undefined;
  // An address cut at the line's end goes on whatever ends the line (`https:` + `//www…`).
  if (splitAddress(a.content, b.content, lexicon)) return joinKind(a, b, lexicon);
  if (labelledValueCut(a.content, b.content)) return { join: 'none' };
  // A numbered heading on its own line starts a block, and ends one: its text follows on the next line.
  // (Unless the title's quotation closes on the next line: the title goes on there, and ends.)
  if (block.lines.length === 2 && isNumberedTitle(block.lines[0]!) && quoteGoesOn(block.lines[0]!.content, a.content)) return undefined;
  if (block.lines.length === 1 && isNumberedTitle(a) && titleWrapsOnto(a, b, after, layout)) return { join: 'space', endsTitle: true };
  if (isNumberedTitle(b) || (block.lines.length === 1 && isNumberedTitle(a) && !isFull(a, layout) && !quoteGoesOn(a.content, b.content))) return undefined;
  // A line that starts in lowercase or with a bracket or quotation goes on with an unfinished sentence.
  const lower = startsLower(b.content) || /^[(\[«“]/u.test(b.content);
  const item = block.kind === 'item';
  if (isFull(a, layout, item) || (!endsSentence(a.content) && (lower || endsWithJoiner(a.content) || nextWordOverflows(a, b, layout, block)))) {
    // A caption or a section number after a full line starts a block of its own.
    if (!lower && (captionPattern.test(b.content) || (sectionNumber.test(b.content) && !numberEndsSentence(a.content, b.content)))) return undefined;
    return joinKind(a, b, lexicon);
  }
  if (endsSentence(a.content)) return lower ? joinKind(a, b, lexicon) : undefined;
  if (block.lines.length === 1 && !item && isHeadingCandidate(a.content, 120) && (isFull(b, layout) || endsSentence(b.content))) return undefined;
  // An item ends on a short line: what follows, not in lowercase, is a paragraph of its own. Other
  // short lines one under the other (code, a table's rows) stay lines of one block.
  return item ? undefined : { join: 'line' };
}

/**
 * A numbered title wrapped onto the next line (`3.2. Réglage de la teinte` + `de fond`): that line
 * starts with a lowercase word, is short and ends with no punctuation, the two read as one title,
 * and what follows starts anew (a capital, an item, a blank line, a page break or the end). Body
 * text never starts in lowercase under its heading, so the short line is the title's end.
 */
function titleWrapsOnto(a: Line, b: Line, after: Line | undefined, layout: Layout): boolean {
  if (!/^\p{Ll}/u.test(b.content) || /[.;:!?,]$/u.test(b.content) || isFull(b, layout) || b.bulletText !== undefined) return false;
  if (!isHeadingCandidate(`${a.content} ${b.content}`, 150)) return false;
  return !after || after.blank || after.pageBreak || after.bulletText !== undefined || !startsLower(after.content);
}

/**
 * The line is short only because the next line's first word did not fit in it: with that word
 * (and a space) it would pass the measure. A typesetter moves such a word down whole (`pour le` +
 * `Saint-Jean-de-Luz…`), so the line is as good as full and the sentence runs on.
 */
function nextWordOverflows(a: Line, b: Line, layout: Layout, block: Block): boolean {
  // Inside a paragraph set at the measure, between lines of about that measure, words of prose on
  // both sides: not a heading or a table's cell alone on its line, not code before prose.
  if (!layout.hardWrapped || layout.width === 0 || (block.lines.length < 2 && !startsLower(a.content)) || !/\p{L}$/u.test(a.content)) return false;
  if (a.content.length < layout.width * 0.6 || b.content.length > layout.width * 1.2) return false;
  const word = /^\p{L}[\p{L}\p{M}’'-]*/u.exec(b.content)?.[0] ?? '';
  return word.length > 0 && /^[\s,.;:]|^$/u.test(b.content.slice(word.length)) && a.content.length + 1 + word.length > layout.width;
}

const urlLike = /(?:^|[\s(«"“<])((?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.?|~?\.{0,2}\/[\w.~-]+(?:\/[\w.~-]*)*\/?|[a-z][a-z0-9+.-]*:)$/iu;

/**
 * How two lines of one paragraph join: after an apostrophe or inside a cut word, without a space;
 * inside an address or a path cut at the line end, without a space; after a hyphen that only
 * split a word at the line's end, without the hyphen (`réhabi-` + `litation`), or keeping it when
 * the word is a compound (`socio-` + `éducatifs`, `Jean-` + `Pierre`).
 */
function joinKind(a: Line, b: Line, lexicon: Lexicon | undefined, inParenthesis = false): { join: Join; finding?: Edit['finding'] } {
  // After an elided word or an opening bracket, the next word follows without a space.
  if (elisionAtEnd.test(a.content) || /[(\[]$/u.test(a.content)) return { join: 'none' };
  const address = splitAddress(a.content, b.content, lexicon, inParenthesis);
  if (address) {
    return {
      join: 'none',
      finding: {
        rule: 'split-address',
        severity: 'info',
        message: `“${tail(address[0], 40)}” + “${head(address[1], 30)}” is one address or path cut at the end of a line: joined without a space.`,
      },
    };
  }
  const soft = /(\p{L}+)\u00ad$/u.exec(a.content);
  if (soft) {
    const next = /^\p{L}+/u.exec(b.content)?.[0] ?? '';
    return {
      join: 'unhyphenate',
      finding: {
        rule: 'line-end-hyphen',
        severity: 'info',
        message: `“${soft[1]}-” + “${next}” was one word the typesetter hyphenated at the end of a line (a soft hyphen): joined as “${soft[1]}${next}”.`,
      },
    };
  }
  const hyphen = /(\p{L}+)[-\u2010]$/u.exec(a.content);
  if (hyphen) {
    const next = /^(\p{Ll}+)/u.exec(b.content);
    if (!next) return { join: 'none' }; // `Jean-` + `Pierre`, `COVID-` + `19`: the hyphen is the word's.
    const joined = hyphen[1]! + next[1]!;
    if (lexicon && lexicon.has(joined) && !lexicon.has(`${hyphen[1]}-${next[1]}`)) {
      return {
        join: 'unhyphenate',
        finding: {
          rule: 'line-end-hyphen',
          severity: 'info',
          message: `“${hyphen[1]}-” + “${next[1]}” was one word hyphenated at the end of a line: joined as “${joined}”.`,
        },
      };
    }
    if (lexicon && !lexicon.has(`${hyphen[1]}-${next[1]}`) && !lexicon.has(joined)) {
      return {
        join: 'none',
        finding: {
          rule: 'line-end-hyphen',
          severity: 'info',
          message: `“${hyphen[1]}-” + “${next[1]}”: the lexicon knows neither “${joined}” nor “${hyphen[1]}-${next[1]}”, so the hyphen was kept as printed. Check the original if in doubt.`,
        },
      };
    }
    return { join: 'none' };
  }
  if (cutWord(a.content, b.content, lexicon)) return { join: 'none' };
  return { join: 'space' };
}

/**
 * A value cut from its label at the line's end (`V:930, I:` + `999`), where the line itself
 * writes its labels glued to their values (`V:930`): a narrow cell wrapped after the colon.
 */
function labelledValueCut(a: string, b: string): boolean {
  const label = /(?:^|[\s,;(])\p{L}{1,4}:$/u.exec(a);
  return label !== null && /^\d/u.test(b) && /(?:^|[\s,;(])\p{L}{1,4}:\d/u.test(a.slice(0, label.index + 1));
}

/**
 * An address (`https://…`, `www.…`, `nom@domaine.fr`) or a path (`/usr/share/`) cut at a line end:
 * the line ends on it, and it goes on in the next line, either because it ends on a separator
 * (`/`, `.`, `-`, `_`, `:`, `=`, `?`, `&`, `#`) or because the next line starts with what only an
 * address holds (no French word: `doc/x.html`, `//www`, `org`).
 * @returns the two pieces, or undefined
 */
function splitAddress(a: string, b: string, lexicon: Lexicon | undefined, inParenthesis = false): [string, string] | undefined {
  const m = urlLike.exec(a);
  if (!m) return undefined;
  const piece = m[1]!;
  const next = /^\S+/u.exec(b)?.[0];
  if (!next) return undefined;
  // A bare `mot:` ends a label unless an address follows (`https:` + `//www`).
  if (/^[a-z][a-z0-9+.-]*:$/iu.test(piece)) return /^\/\//u.test(next) ? [piece, next] : undefined;
  const isAddress = /:\/\/|^www\.|^mailto:|@|^~?\.{0,2}\//iu.test(piece) && piece.length >= 4;
  if (!isAddress) return undefined;
  // The sentence goes on after the address: the next line starts with a word.
  const word = /^[\p{L}’'-]+[,.;:!?)»]*$/u.test(next) && (lexicon ? lexicon.has(next.replace(/[,.;:!?)»]+$/u, '')) : /^\p{Ll}/u.test(next) === false);
  if (/[/._\-:=?&#~%+]$/u.test(piece)) return word && !/[/_\-=?&#~%+]$/u.test(piece) ? undefined : [piece, next];
  if (/[/.=?&#_%~]/u.test(next) && !/^[«(“"]/u.test(next) && !word) return [piece, next];
  // A browser cuts an address anywhere (`…/wiki/Domain_Name_Sy` + `stem),`): an address ends the
  // parenthesis it stands in, so a piece glued to the closing bracket is its tail (two characters
  // at least: `b)` opens a list's item).
  const closing = /^([\w%.~/#=&?+-]{2,40})\)/u.exec(next);
  if (inParenthesis && closing && !piece.includes(')')) return [piece, next];
  return undefined;
}

/** A word cut by a break (`l` + `es`): neither piece is a word, or only a one-letter piece is, and the whole is. */
function cutWord(a: string, b: string, lexicon: Lexicon | undefined): boolean {
  if (!lexicon) return false;
  const head = /(\p{L}+)$/u.exec(a)?.[1];
  const tail = /^(\p{Ll}+)/u.exec(b)?.[1];
  // A capital alone is a letter of its own (`les canaux L, C` + `et H`), not the start of a cut word.
  if (!head || !tail || /^\p{Lu}$/u.test(head)) return false;
  const whole = head + tail;
  if (!lexicon.has(whole)) return false;
  const headIsWord = head.length > 1 ? lexicon.has(head) : /^[aày]$/iu.test(head);
  const tailIsWord = tail.length > 1 ? lexicon.has(tail) : /^[aày]$/u.test(tail);
  return !headIsWord && (!tailIsWord || head.length === 1);
}

function startsLower(s: string): boolean {
  return /^(?:\*\*|\\[*_])?[\p{Ll},;.)»:]/u.test(s);
}

/**
 * An elided article or pronoun at a line's end (`l’`, `qu’`): the next word follows it without a
 * space. It stands alone: the end of an option or a code (`ls -l'`, `x='l'`) is none.
 */
const elisionAtEnd = /(?<![\p{L}\p{N}=\/_'’-])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’]$/iu;

function endsWithJoiner(s: string): boolean {
  if (elisionAtEnd.test(s) || /[,«(\[“]$|\p{L}[-\u2010\u00ad]$/u.test(s)) return true;
  const words = s.toLowerCase().split(/\s+/u);
  // After an article a function word is a noun (`le son`, `la somme`): the phrase is complete.
  return isFunctionWord(lastWord(s)) && !(words.length >= 2 && isDeterminer(words[words.length - 2]!));
}

/**
 * The words of a justified line whose spaces the typesetter stretched come out of `pdftotext` as
 * blocks of one word each (`Le`, `flux`, `de`, `cette`…). A run of three or more such blocks,
 * mostly lowercase words, is one stretch of text: its words are joined, in the order given, into
 * one paragraph (which the page-break joins may then join to its sentence). The order of words
 * from two stretched lines may stay interleaved: the note says so.
 */
function mergeWordRuns(blocks: Block[], notes: Note[], lexicon: Lexicon | undefined): Block[] {
  const out: Block[] = [];
  const isWordBlock = (b: Block): boolean =>
    b.kind === 'paragraph' && (b.lines.length === 1 || (b.lines.length === 2 && addressStart.test(b.lines[0]!.content))) && !b.pageBefore && (b.lines[0]!.content.length <= 40 || addressStart.test(b.lines[0]!.content)) && b.lines[0]!.content.split(/\s+/u).length <= 2 && !footnoteDefinition.test(b.lines[0]!.content);
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j < blocks.length && isWordBlock(blocks[j]!) && (j === i || blocks[j]!.blankBefore > 0)) j++;
    const run = blocks.slice(i, j);
    const lower = run.filter((b) => /^[\p{Ll}(«"“]/u.test(b.lines[0]!.content)).length;
    if (run.length >= 3 && lower * 2 >= run.length) {
      // An address's head and the next word on two lines are two words given one by one too.
      const given = run.flatMap((b) => b.lines.map((l) => l.content));
      const words = placeAddressPieces(run.flatMap((b) => b.lines), out[out.length - 1], blocks[j], notes);
      const merged = run[0]!;
      merged.lines = [words[0]!];
      merged.joins = [];
      merged.joinFindings = [];
      merged.stretched = true;
      // Between the words, the joins of a line's end: none after an opening bracket, none inside
      // an address the browser cut (`…/wiki/` + `Nom_(logiciel))`).
      for (const word of words.slice(1)) {
        const before = blockText(merged);
        const open = (before.match(/\(/gu) ?? []).length > (before.match(/\)/gu) ?? []).length;
        addLine(merged, word, joinKind(merged.lines[merged.lines.length - 1]!, word, lexicon, open));
      }
      out.push(merged);
      notes.push({
        at: merged.lines[0]!.contentStart,
        finding: {
          rule: 'justified-words',
          severity: 'warning',
          message: `${given.length} words that the extraction gave one by one (a justified line with stretched spaces) were joined into one passage, in the order given: “${head(given.join(' '), 60)}”. Check their order against the original.`,
        },
      });
      i = j;
      continue;
    }
    out.push(blocks[i]!);
    i += 1;
  }
  return out;
}

const addressStart = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/iu;
/** The head of an address a line's end cut: a scheme and a few characters, no bracket, no final stop. */
const addressHead = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s()«»"]*[\p{L}\p{N}/_-]$/iu;
/** The tail of a cut address, closing its parenthesis: `g/wiki/Nom_Long).`, `ddress_translation)`. */
const addressTail = /^[\p{L}\p{N}_%~#=&?+-][\p{L}\p{N}_%.~\/#=&?+-]*[\/_.][\p{L}\p{N}_%.~\/#=&?+-]*\)[.,;:]?$/u;
/** How far, in words, a piece of an address strays from its place in a stretched line. */
const strayReach = 12;

/**
 * A browser that justifies a line ending on an address cut in two stretches the space before the
 * address's head; `pdftotext` then gives the head as a word of its own and puts it among the
 * words of the next line: `(` + `g/wiki/Nom).` … `https://fr.exemple.or`. The tail, glued to the
 * bracket that opened the address, says where the head belongs: it goes back there. Likewise an
 * opening bracket given alone before other words goes back to the address it opened (`(` `et`
 * `un` `https://…/Nom)`), an address never being preceded by a space inside its brackets. Only
 * these moves: the other words stay in the order given (the run's note says to check it).
 * @param words the lines of one word each of a run, in the order given
 * @param previous the block before the run, whose last line may end on the opening bracket
 * @param following the block after the run, which may start with an address's tail
 * @returns the words to keep, in order (a moved piece is written before the word it joins)
 */
function placeAddressPieces(words: Line[], previous: Block | undefined, following: Block | undefined, notes: Note[]): Line[] {
  
  const kept = [...words];
  const lastBefore = previous?.kind === 'paragraph' ? previous.lines[previous.lines.length - 1] : undefined;
  // The bracket may leave its line, not its block: a block is never left empty.
  const opensBefore = lastBefore !== undefined && /(?:^|\s)\($/u.test(lastBefore.content) && (previous!.lines.length > 1 || lastBefore.content !== '(');
  const opened = (k: number): boolean => (k === 0 ? opensBefore : kept[k - 1]!.content === '(');
  const move = (from: number, to: number, piece: string, why: string): void => {
    const target = kept[to]!;
    target.moved = piece + (target.moved ?? '');
    target.content = piece + target.content;
    notes.push({ at: target.contentStart, finding: { rule: 'justified-words', severity: 'warning', message: why } });
    if (from >= 0) kept.splice(from, 1);
  };
  for (let t = 0; t < kept.length; t++) {
    if (!addressTail.test(kept[t]!.content) || !opened(t)) continue;
    const h = kept.findIndex((w, k) => k > t && k <= t + strayReach && addressHead.test(w.content));
    if (h < 0) continue;
    const piece = kept[h]!.content;
    move(h, t, piece, `“${head(piece, 40)}” is the head of the address “${head(kept[t]!.content, 40)}”: the extraction had put it ${h - t - 1} words further on. Moved back before its tail.`);
  }
  for (let i = -1; i < kept.length; i++) {
    if (i < 0 ? !opensBefore : kept[i]!.content !== '(') continue;
    const next = kept[i + 1];
    if (!next || addressStart.test(next.content) || next.content === '(' || addressTail.test(next.content)) continue;
    const u = kept.findIndex((w, k) => k > i + 1 && k <= i + 1 + strayReach && addressStart.test(w.content) && kept[k - 1]!.content !== '(');
    if (u < 0 || !balanced(kept.slice(i + 1, u).map((w) => w.content).join(' '))) continue;
    // The address closes the bracket, in its own word or the next (its tail), which may start the next block.
    const closing = [...kept.slice(u, u + 2).map((w) => w.content), u + 1 >= kept.length ? (following?.lines[0]?.content ?? '') : ''].join('');
    if (!/^[^\s(]*\)/u.test(closing)) continue;
    const why = `An opening bracket the extraction gave ${u - i - 1} words before the address “${head(kept[u]!.content, 40)}” was put back before it.`;
    if (i < 0) {
      lastBefore!.content = lastBefore!.content.replace(/\s*\($/u, '');
      lastBefore!.contentEnd = lastBefore!.contentStart + lastBefore!.content.length;
      move(-1, u, '(', why);
    } else {
      move(i, u, '(', why);
      i -= 1;
    }
  }
  return kept;
}

/** Brackets that close what they open, in order (a manual page's `ls(1)` included). */
function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth += 1;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Joins blocks that a page break or a blank line split in the middle of a sentence: the first
 * ends on a word that cannot end one (an article, a preposition, a comma, an apostrophe) or the
 * second starts in lowercase; across a page break, also after a full line that does not end a
 * sentence, or that does when the next page goes on with a sentence of the same paragraph.
 */
function joinBreaks(blocks: Block[], layout: Layout, notes: Note[], lexicon: Lexicon | undefined): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const previous = out[out.length - 1];
    if (previous && block.kind === 'paragraph' && sentenceOpensOnCode(previous, block)) {
      // `…la fin d’une phrase.` + `Tapez` ⏎⏎ `ls -l dans…`: the words set in code type were put
      // in a block of their own, and the sentence that led to them was taken for a title. Whether
      // it opened a paragraph the text does not say: it stays apart from the sentence before.
      previous.titleLines = undefined;
      addLine(previous, block.lines[0]!, { join: 'space' });
      for (let k = 1; k < block.lines.length; k++) addLine(previous, block.lines[k]!, { join: block.joins[k - 1]!, finding: block.joinFindings[k - 1] });
      notes.push({
        at: block.lines[0]!.contentStart,
        finding: {
          rule: 'page-break-join',
          severity: 'info',
          message: `A sentence cut before words in code type was joined: “${tail(previous.lines[0]!.content)}” + “${head(block.lines[0]!.content)}”.`,
        },
      });
      continue;
    }
    if (previous && block.kind === 'paragraph' && previous.kind !== 'heading' && (block.blankBefore > 0 || block.pageBefore) && splitByBreak(previous, block, layout)) {
      const a = previous.lines[previous.lines.length - 1]!;
      const b = block.lines[0]!;
      const before = blockText(previous);
      const kind = joinKind(a, b, lexicon, (before.match(/\(/gu) ?? []).length > (before.match(/\)/gu) ?? []).length);
      addLine(previous, b, kind);
      for (let k = 1; k < block.lines.length; k++) addLine(previous, block.lines[k]!, { join: block.joins[k - 1]!, finding: block.joinFindings[k - 1] });
      notes.push({
        at: b.contentStart,
        finding: {
          rule: 'page-break-join',
          severity: 'info',
          message: `A sentence split by a page break${block.pageBefore ? ' (its running heads and page number removed)' : ''} was joined: “${tail(a.content)}” + “${head(b.content)}”${kind.join === 'none' && !kind.finding ? ', without a space: the break had cut a word' : ''}.`,
        },
      });
      continue;
    }
    out.push(block);
  }
  return out;
}

/**
 * A sentence's first words left alone under the end of the one before (`Vous tapez`, no blank
 * line between them), then a blank line and a block that opens on a term in code type
 * (`Ctrl-R à l’invite…`, `127.0.0.1 en…`, `ls -l…`): an extraction puts words of another
 * font in a block of their own, so the short line is no title but the sentence going on there.
 * The term holds a digit or a sign between letters, and lowercase words follow it.
 */
function sentenceOpensOnCode(a: Block, b: Block): boolean {
  if (a.kind !== 'paragraph' || a.lines.length !== 1 || a.titleLines !== 1 || a.blankBefore > 0 || a.pageBefore) return false;
  if (b.blankBefore === 0 || b.pageBefore) return false;
  const fragment = a.lines[0]!.content;
  const first = b.lines[0]!;
  if (fragment.split(/\s+/u).length > 3 || /[.,;:!?…]$/u.test(fragment) || captionPattern.test(fragment)) return false;
  if (isNumberedTitle(first) || sectionNumber.test(first.content) || footnoteDefinition.test(first.content)) return false;
  const [term, next] = first.content.split(/\s+/u);
  return term !== undefined && next !== undefined && /^[\p{L}\d]+(?:[-.:_/=][\p{L}\d]+)+$|^\p{L}*\d[\p{L}\d]*$/u.test(term) && /[\d\-.:_/=]/u.test(term) && /^\p{Ll}/u.test(next);
}

/** A number alone after a word that cannot end a sentence (`partie de` + `3.0.`): it ends that sentence, it is no section number. */
function numberEndsSentence(last: string, first: string): boolean {
  return /^\d+(?:\.\d+)*[.,;:]?$/u.test(first) && isFunctionWord(lastWord(last)) && !/[.!?:;]$/u.test(last);
}

/**
 * A quotation opened at the end of one block and closed in the first words of the next
 * (`tapez "cd` + `**" puis…`, `le « Service` + `de noms »`): a stretched line or a page broke it,
 * the sentence goes on. Straight quotes, which open and close alike, tell which they do by the
 * space on their outer side.
 */
function quoteGoesOn(last: string, first: string): boolean {
  const opened = /(?:^|\s)"[^"\s][^"]*$/u.test(last) && ((last.match(/"/gu) ?? []).length % 2 === 1);
  // The first quote of the next block closes: a word before it, a space or a stop after it.
  if (opened && /^[^"]*[^"\s]"(?:[\s,.;:)!?]|$)/u.test(first)) return true;
  // French quotes say which they do: one left open, and the next block closes it before opening any.
  const count = (t: string, c: string): number => t.split(c).length - 1;
  return count(last, '«') > count(last, '»') && /^[^«»]+»/u.test(first);
}

function splitByBreak(a: Block, b: Block, layout: Layout): boolean {
  const lastLine = a.lines[a.lines.length - 1]!;
  const last = lastLine.content;
  const firstLine = b.lines[0]!;
  const first = firstLine.content;
  if (Math.abs(lastLine.indent - b.indent) > 1 && !b.pageBefore) return false;
  if (a.kind === 'item' && a.joins.includes('break')) return false;
  if (footnoteDefinition.test(first) || footnoteDefinition.test(a.lines[0]!.content)) return false;
  if (isNumberedTitle(firstLine) || (b.lines.length === 1 && sectionNumber.test(first) && !numberEndsSentence(last, first))) return false;
  if (/^#{1,6} /u.test(first) || /^#{1,6} /u.test(a.lines[0]!.content)) return false;
  if (elisionAtEnd.test(last) || /[«(\[“]$/u.test(last) || /^[»)\]”]/u.test(first)) return true;
  if (quoteGoesOn(blockText(a), first)) return true;
  // A line stretched into words one by one: the lone word before them was the first of them.
  if (b.stretched && /^[^\s.!?:;]+$/u.test(last) && a.lines.length > 1) return true;
  // An address cut at the block's end goes on in the next one, if what follows is no plain word
  // (a final full stop is the sentence's).
  if (!/\.$/u.test(last) && splitAddress(last, first, undefined) && /[^\p{L}\p{M}’'\s,.;:!?]/u.test(/^\S+/u.exec(first)![0])) return true;
  // A heading is never followed by a lowercase word: the sentence goes on.
  // After a sentence's end, only a full line (the break fell there by chance) goes on in lowercase.
  if (startsLower(first)) return !endsSentence(last) || isFull(lastLine, layout);
  if (endsSentence(last)) {
    // A page that ends on a full line with a sentence's end: the paragraph goes on over the page,
    // unless what follows is a heading, a caption or a block of lines of its own.
    return b.pageBefore && isFull(lastLine, layout) && !a.joins.includes('line') && startsParagraphText(b, layout);
  }
  if (/,$/u.test(last) || isFunctionWord(lastWord(last))) return true;
  // Only a paragraph's last line is not justified: after stretched words the paragraph goes on.
  // (A heading is a short line alone.)
  if (a.stretched && /(?:^|\s)[\p{L}’'-]+,?$/u.test(last) && b.kind === 'paragraph' && (b.lines.length > 1 || first.length > 60)) return true;
  // An unfinished sentence goes on into a bracket, a quotation, a path or a number (`la commande`
  // + `(voir…)`, `Section` + `1.4.8, …`): none of them starts a heading. A heading is one line
  // alone: a number that opens lines of running text opens no heading, whether the text is still
  // hard-wrapped or its lines were joined already (so that repairing twice changes nothing).
  if (/^[(\[«"“/–—]/u.test(first) || (/^\d/u.test(first) && !(b.lines.length === 1 && isHeadingCandidate(first, 120)))) return true;
  return b.pageBefore && isFull(lastLine, layout) && !a.joins.includes('line') && startsParagraphText(b, layout);
}

/** The block starts with running text: not a heading, a caption, a section number or lines of code. */
function startsParagraphText(b: Block, layout: Layout): boolean {
  const first = b.lines[0]!;
  if (captionPattern.test(first.content) || sectionNumber.test(first.content)) return false;
  if (b.lines.length === 1 && isHeadingCandidate(first.content, 120) && !isFull(first, layout)) return false;
  return b.joins[0] !== 'line';
}

/**
 * A section number on a line of its own (`3.2`, `Chapitre 4`, `CHAPITRE` then `4`) and the title
 * after it make one heading; a title wrapped over two lines is one heading too.
 */
function mergeSectionNumbers(blocks: Block[], layout: Layout, notes: Note[]): Block[] {
  if (!layout.hardWrapped) return blocks;
  const out: Block[] = [];
  // What followed a title on its block's next lines goes back in the queue: it may be a number too.
  blocks = [...blocks];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph' || b.lines.length !== 1 || !sectionNumber.test(b.lines[0]!.content)) {
      out.push(b);
      continue;
    }
    // `CHAPITRE` + `4` + title; `3.2` + title.
    const numberBlocks = [b];
    let j = i + 1;
    while (j < blocks.length && numberBlocks.length < 3 && isNumberContinuation(numberBlocks, blocks[j]!)) numberBlocks.push(blocks[j++]!);
    const titleBlock = blocks[j];
    if (!titleBlock || titleBlock.kind !== 'paragraph' || titleBlock.pageBefore) {
      out.push(b);
      continue;
    }
    const titleLines = headingLines(titleBlock, layout);
    if (titleLines === 0) {
      out.push(b);
      continue;
    }
    const heading = newBlock('heading', b.lines[0]!, b.blankBefore, b.pageBefore);
    for (const nb of numberBlocks.slice(1)) addLine(heading, nb.lines[0]!, { join: 'space' });
    for (let k = 0; k < titleLines; k++) addLine(heading, titleBlock.lines[k]!, { join: 'space' });
    heading.numbered = true;
    heading.level = headingLevel(numberBlocks.map((nb) => nb.lines[0]!.content).join(' '));
    out.push(heading);
    notes.push({
      at: b.lines[0]!.contentStart,
      finding: {
        rule: 'section-number',
        severity: 'info',
        message: `The section number “${numberBlocks.map((nb) => nb.lines[0]!.content).join(' ')}” stood on a line of its own: it was joined to its title “${head(titleBlock.lines.slice(0, titleLines).map((l) => l.content).join(' '), 50)}”.`,
      },
    });
    if (titleLines < titleBlock.lines.length) {
      // The text that followed the title on the next lines becomes a paragraph of its own.
      const rest = newBlock('paragraph', titleBlock.lines[titleLines]!, 0, false);
      for (let k = titleLines + 1; k < titleBlock.lines.length; k++) addLine(rest, titleBlock.lines[k]!, { join: titleBlock.joins[k - 1]!, finding: titleBlock.joinFindings[k - 1] });
      blocks.splice(j + 1, 0, rest);
    }
    i = j;
  }
  return out;
}

function isNumberedTitle(line: Line): boolean {
  return numberedTitle.test(line.content) && isHeadingCandidate(line.content, 120) && line.content.split(/\s+/u).length <= 14;
}

/** `CHAPITRE` is followed by its number on the next line. */
function isNumberContinuation(numberBlocks: Block[], next: Block): boolean {
  const previous = numberBlocks[numberBlocks.length - 1]!.lines[0]!.content;
  if (next.kind !== 'paragraph' || next.lines.length !== 1 || next.pageBefore) return false;
  return isDivisionName(previous) && /^(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])$/u.test(next.lines[0]!.content);
}

/** How many first lines of a block make a heading: one, two when the title wraps, or none. */
function headingLines(b: Block, layout: Layout): number {
  const [first, second] = b.lines;
  if (!first || !isHeadingCandidate(first.content, 150) || captionPattern.test(first.content)) return 0;
  if (second && b.joins[0] === 'space' && !endsSentence(second.content) && second.content.length < 90 && (b.lines.length === 2 || !isFull(second, layout)) && !opensHeading(first.content, second.content)) {
    // A title over two lines: the second line ends it (no paragraph text runs on from it).
    return isHeadingCandidate(`${first.content} ${second.content}`, 200) ? 2 : 1;
  }
  return 1;
}

/**
 * A line under a title that starts the next heading rather than ending the title: the number of
 * the next section (`7.1`), or a label in capitals under a title that is not (`ASTUCE`, `NOTE`).
 */
function opensHeading(title: string, line: string): boolean {
  if (sectionNumber.test(line)) return true;
  return /^\p{Lu}{3,}$/u.test(line) && /\p{Ll}/u.test(title);
}

function headingLevel(number: string): number {
  if (isDivisionName(number.split(/\s/u)[0]!)) return 2;
  const depth = number.replace(/\.$/u, '').split('.').length;
  return Math.min(6, 1 + depth);
}

/** Items that head indented paragraphs are sections: they become headings, their content is lifted. */
function markSections(blocks: Block[]): void {
  const open: { indent: number; contentIndent: number }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    while (open.length && b.indent <= open[open.length - 1]!.indent) open.pop();
    b.depth = open.length;
    if (b.kind !== 'item' || b.lines.length > 1 || b.lines[0]!.ordinal !== undefined) continue;
    const text = itemText(b);
    const next = blocks[i + 1];
    if (next && next.kind === 'paragraph' && next.indent > b.indent && isHeadingCandidate(text, 120)) {
      b.kind = 'heading';
      b.level = Math.min(6, 2 + open.length);
      open.push({ indent: b.indent, contentIndent: next.indent });
    }
  }
  // List levels: by indentation among the items of each run of items.
  let run: Block[] = [];
  const flush = (): void => {
    const indents = [...new Set(run.map((b) => b.indent))].sort((x, y) => x - y);
    for (const b of run) b.listLevel = indents.indexOf(b.indent) + 1;
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'item') run.push(b);
    else flush();
  }
  flush();
}

/**
 * Short lines alone, without final punctuation, before a paragraph that starts a sentence. In a
 * hard-wrapped text the line must stand apart (a blank line or a page before it, or a section
 * number) and read as a title: no caption, no code, not a lone word amid lone words.
 */
function markHeadings(blocks: Block[], layout: Layout, notes: Note[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.kind === 'heading') {
      if (b.numbered) {
        b.level = Math.min(6, b.level + b.depth);
        reportHeading(b, notes);
      } else reportHeading(b, notes);
      continue;
    }
    if (b.kind !== 'paragraph' || !next) continue;
    if (layout.hardWrapped && b.lines.length === 1 && isNumberedTitle(b.lines[0]!) && !startsLower(next.lines[0]!.content)) {
      b.kind = 'heading';
      b.numbered = true;
      b.level = headingLevel(/^\S+(?:\s+\S+)?/u.exec(b.lines[0]!.content)![0].replace(/\s+\p{Lu}.*$/u, ''));
      reportHeading(b, notes);
      continue;
    }
    const lines = layout.hardWrapped ? headingLines(b, layout) : b.lines.length === 1 && isHeadingCandidate(b.lines[0]!.content, 120) ? 1 : 0;
    if (lines === 0 || lines !== b.lines.length || startsLower(next.lines[0]!.content)) continue;
    if (layout.hardWrapped && !(b.titleLines !== undefined && b.lines.length === b.titleLines) && !readsAsTitle(b, blocks[i - 1], next, blocks[0])) continue;
    if (b.blankBefore === 0 && i > 0 && blocks[i - 1]!.kind === 'paragraph' && next.blankBefore === 0 && !b.pageBefore) {
      // A short line between two paragraph lines without blank lines is a heading only in one-line-per-paragraph text.
      if (blocks[i - 1]!.lines.length > 1 && !layout.hardWrapped) continue;
    }
    b.kind = 'heading';
    const number = /^(\d{1,2}(?:\.\d{1,3}){1,4})\.?\s/u.exec(blockText(b));
    b.numbered = number !== null && layout.hardWrapped;
    b.level = number && layout.hardWrapped ? headingLevel(number[1]!) : Math.min(6, 2 + b.depth + (b.indent > 0 && b.depth === 0 ? 1 : 0));
    reportHeading(b, notes);
  }
}

/**
 * In a PDF extraction, a short line is a title when it stands apart from the text around it, is
 * not a figure's caption or code, and is not one of the lone words a justified line was broken
 * into (a run of one-word blocks).
 */
function readsAsTitle(b: Block, previous: Block | undefined, next: Block, first: Block | undefined): boolean {
  const text = blockText(b);
  if (captionPattern.test(text) || /[=$<>{}|\\[\]@]|^\d+$|\(\)|--|\.\w{1,4}$/u.test(text)) return false;
  const words = text.split(/\s+/u);
  if (words.length === 1 && (oneWordBlock(previous) || oneWordBlock(next))) return false;
  if (!/\p{L}{3}/u.test(text)) return false;
  const apart = b.blankBefore > 0 || b.pageBefore || !previous || previous.kind === 'heading' || (previous === first && isHeadingCandidate(blockText(previous), 300));
  return apart && (next.blankBefore > 0 || next.lines.length > 1 || next.kind === 'item' || next.kind === 'heading' || endsSentence(next.lines[0]!.content));
}

function oneWordBlock(b: Block | undefined): boolean {
  return b !== undefined && b.kind === 'paragraph' && b.lines.length === 1 && !/\s/u.test(b.lines[0]!.content.trim());
}

function reportHeading(b: Block, notes: Note[]): void {
  notes.push({
    at: b.lines[0]!.contentStart,
    finding: {
      rule: 'heading',
      severity: 'info',
      message: `“${head(blockText(b), 60)}” was taken as a heading (level ${b.level}): ${b.numbered ? 'a section number and its title' : 'a short line standing alone, without final punctuation'}.`,
    },
  });
}

/** The document's own title: its first block, when that block reads as a heading. */
function takeTitle(blocks: Block[], notes: Note[]): Block | undefined {
  const first = blocks[0];
  const second = blocks[1];
  if (!first || !second || first.kind === 'item') return undefined;
  if (first.lines.length > 1 && !(first.kind === 'heading' && first.joins.every((j) => j === 'space'))) return undefined;
  const text = blockText(first);
  if (!isHeadingCandidate(text, 300) || startsLower(second.lines[0]!.content)) return undefined;
  // Already reported as a heading: replace that note by the title note.
  const i = notes.findIndex((n) => n.at === first.lines[0]!.contentStart && n.finding.rule === 'heading');
  if (i >= 0) notes.splice(i, 1);
  notes.push({
    at: first.lines[0]!.contentStart,
    finding: {
      rule: 'title',
      severity: 'info',
      message: `The first line, “${head(text, 60)}”, is the document's own title: it moves to the document's metadata.`,
    },
  });
  return first;
}

/** A line that could be a heading: short, starts with a capital or a digit, no final punctuation. */
export function isHeadingCandidate(text: string, maxLength: number): boolean {
  const t = text.replace(/^\\/, '');
  if (t.length === 0 || t.length > maxLength) return false;
  if (!/^[\p{Lu}\p{N}«"“(]/u.test(t)) return false;
  if (/[.,;:…]$/u.test(t)) return false;
  if (footnoteDefinition.test(t)) return false;
  // A title does not end on an article, a preposition or an elided word: the sentence goes on.
  if (endsWithJoiner(t)) return false;
  if (!/\p{L}{2}/u.test(t)) return false;
  return t.split(/\s+/).length <= (maxLength > 150 ? 45 : 18);
}

function itemText(b: Block): string {
  const first = b.lines[0]!;
  return first.content.slice((first.bulletText ?? first.contentStart) - first.contentStart);
}

function blockText(b: Block): string {
  if (b.kind === 'item' || b.lines[0]!.bulletText !== undefined) return itemText(b);
  return b.lines.map((l) => l.content).join(' ');
}

/** The first `n` characters, with an ellipsis when cut. */
function head(s: string, n = 30): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

/** The last `n` characters, with an ellipsis when cut. */
function tail(s: string, n = 30): string {
  return s.length <= n ? s : `…${s.slice(-n)}`;
}

/** Emits the edits: every run of whitespace between two lines' contents becomes its separator. */
function renderEdits(text: string, blocks: Block[], title: Block | undefined): Edit[] {
  const edits: Edit[] = [];
  let previousEnd = 0;
  let previousBlock: Block | undefined;
  let first = true;
  if (title) {
    title.lines.forEach((line, i) => {
      edits.push({ start: i === 0 ? 0 : title.lines[i - 1]!.contentEnd, end: line.contentStart, insert: '' });
      edits.push({ start: line.contentStart, end: line.contentEnd, insert: '' });
    });
    previousEnd = title.lines[title.lines.length - 1]!.contentEnd;
  }
  for (const block of blocks) {
    if (block === title) continue;
    block.lines.forEach((line, i) => {
      let separator: string;
      let start = previousEnd;
      let contentStart = line.contentStart;
      let finding: Edit['finding'];
      if (i === 0) {
        const prefix = blockPrefix(block);
        // The marker goes (Markdown writes its own), but a letter or a roman numeral stays as text.
        if (line.bulletText !== undefined && (line.ordinal === undefined || /^\d/u.test(line.content))) contentStart = line.bulletText;
        const tightItem = block.kind === 'item' && previousBlock?.kind === 'item';
        separator = (first ? '' : tightItem ? '\n' : '\n\n') + prefix;
      } else {
        const join = block.joins[i - 1]!;
        const previous = block.lines[i - 1]!;
        finding = block.joinFindings[i - 1];
        if (join === 'unhyphenate') {
          start -= 1;
          separator = '';
        } else if (join === 'break') {
          // A hard line break inside an item (a title line, then its text).
          separator = `${previous.content.endsWith('\\') ? '' : '\\'}\n${'  '.repeat(block.listLevel)}`;
        } else if (join === 'line') {
          separator = `\n${block.kind === 'item' ? '  '.repeat(block.listLevel) : ''}`;
        } else separator = join === 'space' && line.content !== '' ? ' ' : '';
      }
      edits.push({ start, end: contentStart, insert: separator + (line.moved ?? ''), finding });
      previousEnd = line.contentEnd;
      first = false;
    });
    previousBlock = block;
  }
  edits.push({ start: previousEnd, end: text.length, insert: first ? '' : '\n' });
  return edits.filter((e) => e.finding || (text.slice(e.start, e.end) !== e.insert && (e.end > e.start || e.insert.length > 0)));
}

function blockPrefix(block: Block): string {
  if (block.kind === 'heading') return `${'#'.repeat(block.level)} `;
  if (block.kind === 'item') {
    const indent = '  '.repeat(block.listLevel - 1);
    const n = block.lines[0]!.ordinal;
    return n !== undefined && n > 0 && /^\d/u.test(block.lines[0]!.content) ? `${indent}${n}. ` : `${indent}- `;
  }
  return '';
}
