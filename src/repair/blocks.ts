/**
 * Lines into Markdown blocks: the layout pass.
 *
 * Texts arrive either hard-wrapped (PDF exports: lines of about the same width, a paragraph
 * running over many lines) or one paragraph per line (web pages, press releases). This pass
 * finds which, then:
 * - joins wrapped lines into paragraphs (without a space after an elided `l’`, and across a word
 *   that a line break cut in two when the lexicon confirms the whole word);
 * - joins a paragraph that a page break split (a blank line in the middle of a sentence);
 * - recognises headings (a short line standing alone, without final punctuation, before a
 *   paragraph), the document's own title (its first such line), and bulleted lists nested by
 *   indentation; a bullet that heads indented paragraphs is a section of the page, not an item.
 *
 * Every join across a blank line, every heading and the title are reported; unwrapping ordinary
 * lines is reported once per document. Words are never changed here, only the whitespace between
 * them and the Markdown markers before them.
 *
 * Written by hand: Markdown parsers read Markdown, and no library reads damaged plain text layout.
 */
import type { Edit, Note } from './mapped-text.ts';
import type { DocumentMeta, PassContext, PassResult } from './pass.ts';
import { endsSentence, lastWord } from '../language/fr/sentence.ts';
import { isFunctionWord } from '../language/fr/words.ts';

interface Line {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  content: string;
  indent: number;
  blank: boolean;
  /** Offset where the item's text starts, when the line is a bullet item. */
  bulletText?: number;
}

type BlockKind = 'paragraph' | 'heading' | 'item';

interface Block {
  kind: BlockKind;
  lines: Line[];
  /** How each line after the first joins the previous one: ' ', '', without its final hyphen, or on a new line of the item. */
  joins: ('space' | 'none' | 'unhyphenate' | 'break')[];
  indent: number;
  blankBefore: number;
  level: number;
  /** For items: nesting level in their list, from 1. */
  listLevel: number;
  /** Depth of enclosing bullet sections. */
  depth: number;
}

const bulletPattern = /^[•◦▪‣●○■□·][ \t\u00a0]+|^[-–—*+][ \t\u00a0]+(?=\S)/u;
const leadingSpace = /^[ \t\u00a0\u2007\u202f]*/u;
const trailingSpace = /[ \t\u00a0\u2007\u202f]*$/u;

/**
 * The layout pass.
 * @param text the escaped source text (after boilerplate and bold repairs)
 * @param context lexicon for words cut by a line break (optional)
 * @returns edits that turn the lines into Markdown blocks, notes, and the title when found
 */
export function segmentBlocks(text: string, context: Pick<PassContext, 'lexicon'>): PassResult {
  const lines = splitLines(text);
  const layout = analyseLayout(lines);
  const notes: Note[] = [];
  const meta: DocumentMeta = {};
  let blocks = groupLines(lines, layout, context);
  blocks = joinPageBreaks(blocks, notes, context);
  markSections(blocks);
  markHeadings(blocks, notes);
  const title = takeTitle(blocks, notes);
  if (title) meta.title = title.lines.map((l) => l.content).join(' ');

  if (layout.hardWrapped) {
    const joined = blocks.reduce((n, b) => n + b.joins.filter((j) => j !== 'break').length, 0);
    const first = lines.find((l) => !l.blank);
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
    const line: Line = {
      start,
      end: start + raw.length,
      contentStart: start + lead.length,
      contentEnd: start + lead.length + content.length,
      content,
      indent,
      blank: content.length === 0,
    };
    const bullet = bulletPattern.exec(content);
    const previous = lines[lines.length - 1];
    // A dash at a line start continues a sentence unless a list is plausible there.
    const dash = bullet && /^[-–—*+]/u.test(content);
    const listPlace = !previous || previous.blank || listIndent !== undefined || /:$/u.test(previous.content);
    if (bullet && (!dash || listPlace)) line.bulletText = line.contentStart + bullet[0].length;
    if (line.bulletText !== undefined) listIndent = line.indent;
    else if (!line.blank && listIndent !== undefined && line.indent <= listIndent) listIndent = undefined;
    lines.push(line);
    start += raw.length + 1;
  }
  return lines;
}

interface Layout {
  hardWrapped: boolean;
  /** Typical width of a wrapped line, when hard-wrapped. */
  width: number;
}

/** Hard-wrapped: lines rarely long, and lines often run on into the next without punctuation. */
function analyseLayout(lines: Line[]): Layout {
  const text = lines.filter((l) => !l.blank && l.bulletText === undefined);
  if (text.length === 0) return { hardWrapped: false, width: 0 };
  const long = text.filter((l) => l.content.length > 200).length;
  const wrapped: number[] = [];
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (a.blank || b.blank || a.bulletText !== undefined || b.bulletText !== undefined) continue;
    wrapped.push(a.content.length);
    if (!endsSentence(a.content)) runOn += 1;
  }
  const hardWrapped = runOn >= 2 && long / text.length < 0.1;
  wrapped.sort((x, y) => x - y);
  const width = wrapped.length ? wrapped[Math.floor(wrapped.length * 0.9)]! : 0;
  return { hardWrapped, width };
}

function newBlock(kind: BlockKind, line: Line, blankBefore: number): Block {
  return { kind, lines: [line], joins: [], indent: line.indent, blankBefore, level: 0, listLevel: 1, depth: 0 };
}

/** Groups consecutive lines into blocks: wrapped lines, items with their continuation lines. */
function groupLines(lines: Line[], layout: Layout, context: Pick<PassContext, 'lexicon'>): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  let current: Block | undefined;
  for (const line of lines) {
    if (line.blank) {
      blank += 1;
      current = undefined;
      continue;
    }
    if (line.bulletText !== undefined) {
      current = newBlock('item', line, blank);
      blocks.push(current);
    } else if (current && current.kind === 'item' && line.indent > current.indent) {
      const previous = current.lines[current.lines.length - 1]!;
      current.joins.push(layout.hardWrapped && wrapsInto(previous, line, layout, false) ? joinKind(previous, line, context) : 'break');
      current.lines.push(line);
    } else if (current && current.kind === 'paragraph' && layout.hardWrapped && wrapsInto(current.lines[current.lines.length - 1]!, line, layout, current.lines.length === 1)) {
      current.joins.push(joinKind(current.lines[current.lines.length - 1]!, line, context));
      current.lines.push(line);
    } else {
      current = newBlock('paragraph', line, blank);
      blocks.push(current);
    }
    blank = 0;
  }
  return blocks;
}

/**
 * In hard-wrapped text: does line `a` run on into line `b`? A short line ending a sentence does
 * not, nor a short first line that reads as a heading; a line inside a paragraph always does.
 */
function wrapsInto(a: Line, b: Line, layout: Layout, aStartsBlock: boolean): boolean {
  const short = a.content.length < layout.width * 0.75;
  if (!short) return true;
  if (endsSentence(a.content)) return false;
  if (startsLower(b.content) || endsWithJoiner(a.content)) return true;
  return !aStartsBlock || !isHeadingCandidate(a.content, 120);
}

/**
 * How two lines of one paragraph join: after an apostrophe or inside a cut word, without a space;
 * after a hyphen that only split a word at the line's end, without the hyphen (`réhabi-` +
 * `litation`), or keeping it when the word is a compound (`socio-` + `éducatifs`).
 */
function joinKind(a: Line, b: Line, context: Pick<PassContext, 'lexicon'>): 'space' | 'none' | 'unhyphenate' {
  if (/['’]$/.test(a.content)) return 'none';
  const hyphen = /(\p{L}+)-$/u.exec(a.content);
  const next = /^(\p{Ll}+)/u.exec(b.content);
  if (hyphen && next) {
    const lexicon = context.lexicon;
    const joined = hyphen[1]! + next[1]!;
    return lexicon && lexicon.has(joined) && !lexicon.has(`${hyphen[1]}-${next[1]}`) ? 'unhyphenate' : 'none';
  }
  if (cutWord(a.content, b.content, context)) return 'none';
  return 'space';
}

/** A word cut by a break (`l` + `es`): neither piece is a word, or only a one-letter piece is, and the whole is. */
function cutWord(a: string, b: string, context: Pick<PassContext, 'lexicon'>): boolean {
  const lexicon = context.lexicon;
  if (!lexicon) return false;
  const head = /(\p{L}+)$/u.exec(a)?.[1];
  const tail = /^(\p{Ll}+)/u.exec(b)?.[1];
  if (!head || !tail) return false;
  const whole = head + tail;
  if (!lexicon.has(whole)) return false;
  const headIsWord = head.length > 1 ? lexicon.has(head) : /^[aày]$/iu.test(head);
  const tailIsWord = tail.length > 1 ? lexicon.has(tail) : /^[aày]$/u.test(tail);
  return !headIsWord && (!tailIsWord || head.length === 1);
}

function startsLower(s: string): boolean {
  return /^(?:\*\*|\\[*_])?[\p{Ll},;.)»:]/u.test(s);
}

function endsWithJoiner(s: string): boolean {
  return /['’,]$/.test(s) || isFunctionWord(lastWord(s));
}

/**
 * Joins paragraphs that a page break split: the first ends in the middle of a sentence (after an
 * apostrophe, a comma, an article or a preposition, or before a lowercase word).
 */
function joinPageBreaks(blocks: Block[], notes: Note[], context: Pick<PassContext, 'lexicon'>): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (previous && block.kind === 'paragraph' && previous.kind !== 'heading' && block.blankBefore > 0 && splitByBreak(previous, block)) {
      const a = previous.lines[previous.lines.length - 1]!;
      const b = block.lines[0]!;
      const kind = joinKind(a, b, context);
      previous.joins.push(kind, ...block.joins);
      previous.lines.push(...block.lines);
      notes.push({
        at: b.contentStart,
        finding: {
          rule: 'page-break-join',
          severity: 'info',
          message: `A sentence split by a page break was joined: “${tail(a.content)}” + “${head(b.content)}”${kind === 'none' ? ', without a space: the break had cut a word' : ''}.`,
        },
      });
      continue;
    }
    out.push(block);
  }
  return out;
}

function splitByBreak(a: Block, b: Block): boolean {
  const last = a.lines[a.lines.length - 1]!.content;
  const first = b.lines[0]!.content;
  if (Math.abs(a.lines[a.lines.length - 1]!.indent - b.indent) > 1) return false;
  if (a.kind === 'item' && a.joins.includes('break')) return false;
  if (endsSentence(last)) return false;
  if (/['’]$/.test(last)) return true;
  // A heading is never followed by a lowercase word: the sentence goes on.
  if (startsLower(first)) return true;
  return /,$/.test(last) || isFunctionWord(lastWord(last));
}

/** Items that head indented paragraphs are sections: they become headings, their content is lifted. */
function markSections(blocks: Block[]): void {
  const open: { indent: number; contentIndent: number }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    while (open.length && b.indent <= open[open.length - 1]!.indent) open.pop();
    b.depth = open.length;
    if (b.kind !== 'item' || b.lines.length > 1) continue;
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

/** Short lines alone, without final punctuation, before a paragraph that starts a sentence. */
function markHeadings(blocks: Block[], notes: Note[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.kind === 'heading') {
      reportHeading(b, notes);
      continue;
    }
    if (b.kind !== 'paragraph' || b.lines.length > 1 || !next) continue;
    if (!isHeadingCandidate(b.lines[0]!.content, 120) || startsLower(next.lines[0]!.content)) continue;
    if (b.blankBefore === 0 && i > 0 && blocks[i - 1]!.kind === 'paragraph' && next.blankBefore === 0) {
      // A short line between two paragraph lines without blank lines is a heading only in one-line-per-paragraph text.
      if (blocks[i - 1]!.lines.length > 1) continue;
    }
    b.kind = 'heading';
    b.level = Math.min(6, 2 + b.depth + (b.indent > 0 && b.depth === 0 ? 1 : 0));
    reportHeading(b, notes);
  }
}

function reportHeading(b: Block, notes: Note[]): void {
  notes.push({
    at: b.lines[0]!.contentStart,
    finding: {
      rule: 'heading',
      severity: 'info',
      message: `“${head(blockText(b), 60)}” was taken as a heading (level ${b.level}): a short line standing alone, without final punctuation.`,
    },
  });
}

/** The document's own title: its first block, when that block reads as a heading. */
function takeTitle(blocks: Block[], notes: Note[]): Block | undefined {
  const first = blocks[0];
  const second = blocks[1];
  if (!first || !second || first.kind === 'item' || first.lines.length > 1) return undefined;
  const text = first.lines[0]!.content;
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
  if (!/\p{L}{2}/u.test(t)) return false;
  return t.split(/\s+/).length <= (maxLength > 150 ? 45 : 18);
}

function itemText(b: Block): string {
  const first = b.lines[0]!;
  return first.content.slice((first.bulletText ?? first.contentStart) - first.contentStart);
}

function blockText(b: Block): string {
  return b.kind === 'item' || b.lines[0]!.bulletText !== undefined ? itemText(b) : b.lines.map((l) => l.content).join(' ');
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
    const line = title.lines[0]!;
    edits.push({ start: line.contentStart, end: line.contentEnd, insert: '' });
    edits.push({ start: 0, end: line.contentStart, insert: '' });
    previousEnd = line.contentEnd;
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
        if (block.lines[0]!.bulletText !== undefined) contentStart = line.bulletText!;
        const tightItem = block.kind === 'item' && previousBlock?.kind === 'item';
        separator = (first ? '' : tightItem ? '\n' : '\n\n') + prefix;
      } else {
        const join = block.joins[i - 1]!;
        const previous = block.lines[i - 1]!;
        if (join === 'unhyphenate') {
          start -= 1;
          separator = '';
          const head = /(\p{L}+)-$/u.exec(previous.content)?.[1] ?? '';
          const tail = /^\p{L}+/u.exec(line.content)?.[0] ?? '';
          finding = {
            rule: 'line-end-hyphen',
            severity: 'info',
            message: `“${head}-” + “${tail}” was one word hyphenated at the end of a line: joined as “${head}${tail}”.`,
          };
        } else if (join === 'break') {
          // A hard line break inside an item (a title line, then its text).
          separator = `${previous.content.endsWith('\\') ? '' : '\\'}\n${'  '.repeat(block.listLevel)}`;
        } else separator = join === 'space' ? ' ' : '';
      }
      edits.push({ start, end: contentStart, insert: separator, finding });
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
  if (block.kind === 'item') return `${'  '.repeat(block.listLevel - 1)}- `;
  return '';
}
