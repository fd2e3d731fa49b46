/**
 * The blocks a PDF was read into, written as Markdown the way Folio writes it (one paragraph per
 * line, `**bold**`, `*italic*`, `[^1]` notes, GFM tables), with, for every character written, the
 * place in the PDF it comes from (page, line on the page, column), so that every diagnostic of
 * the repairs that follow names a page and a line.
 *
 * Written by hand rather than through mdast-util-to-markdown, because the place of each character
 * has to be kept; the escaping follows CommonMark's rules for the characters that can start syntax.
 */
import type { Block, Origin, Span } from './structure.ts';

export interface PlacedMarkdown {
  text: string;
  /** For each character (and one past the end): page, line and column in the PDF. */
  page: Int32Array;
  line: Int32Array;
  column: Int32Array;
}

class Writer {
  private readonly parts: string[] = [];
  private readonly pages: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private length = 0;

  /** Writes `text`; its `i`-th character comes from `origin` shifted by `i` columns when `advance`. */
  write(text: string, origin: Origin, advance = false): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.pages.push(origin.page);
      this.lines.push(origin.line);
      this.columns.push(origin.column + (advance ? i : 0));
    }
    this.length += text.length;
  }

  get size(): number {
    return this.length;
  }

  finish(end: Origin): PlacedMarkdown {
    this.pages.push(end.page);
    this.lines.push(end.line);
    this.columns.push(end.column);
    return { text: this.parts.join(''), page: Int32Array.from(this.pages), line: Int32Array.from(this.lines), column: Int32Array.from(this.columns) };
  }
}

/**
 * Writes blocks as Markdown.
 * @param blocks the document's blocks, notes last
 * @returns the Markdown (ending with a newline when not empty) and the origin of each character
 */
export function writeMarkdown(blocks: readonly Block[]): PlacedMarkdown {
  const w = new Writer();
  let previous: Block | undefined;
  let last: Origin = { page: 1, line: 1, column: 1 };
  for (const block of blocks) {
    if (previous) w.write(previous.kind === 'item' && block.kind === 'item' ? '\n' : '\n\n', block.origin);
    switch (block.kind) {
      case 'heading':
        w.write(`${'#'.repeat(block.level)} `, block.origin);
        writeInline(w, block.spans, false);
        break;
      case 'paragraph':
        writeInline(w, block.spans, true);
        break;
      case 'item':
        w.write(`${'  '.repeat(block.depth)}${block.ordered && block.start !== undefined ? `${block.start}.` : '-'} `, block.origin);
        writeInline(w, block.spans, false);
        break;
      case 'note':
        w.write(`[^${block.label}]: `, block.origin);
        writeInline(w, block.spans, false);
        break;
      case 'code': {
        const longest = Math.max(2, ...block.lines.map((l) => /`+/u.exec(l.text)?.[0].length ?? 0));
        const fence = '`'.repeat(longest + 1);
        w.write(`${fence}\n`, block.origin);
        for (const l of block.lines) {
          w.write(l.text, l.origin, true);
          w.write('\n', l.origin);
        }
        w.write(fence, block.lines[block.lines.length - 1]?.origin ?? block.origin);
        break;
      }
      case 'table': {
        const width = Math.max(...block.rows.map((r) => r.length));
        block.rows.forEach((row, i) => {
          const origin = row[0]?.[0]?.origin ?? block.origin;
          if (i > 0) w.write('\n', origin);
          w.write('|', origin);
          for (let c = 0; c < width; c++) {
            const cell = row[c] ?? [];
            w.write(' ', cell[0]?.origin ?? origin);
            writeInline(w, cell, false, true);
            w.write(' |', cell[cell.length - 1]?.origin ?? origin);
          }
          if (i === 0) w.write(`\n|${' --- |'.repeat(width)}`, origin);
        });
        break;
      }
    }
    previous = block;
    last = lastOrigin(block) ?? last;
  }
  if (w.size) w.write('\n', last);
  return w.finish(last);
}

function lastOrigin(block: Block): Origin | undefined {
  if (block.kind === 'code') return block.lines[block.lines.length - 1]?.origin;
  if (block.kind === 'table') return block.rows[block.rows.length - 1]?.[0]?.[0]?.origin;
  return block.spans[block.spans.length - 1]?.origin ?? block.origin;
}

/**
 * Writes spans: emphasis around the words (spaces outside the markers), links around their text,
 * references as `[^label]`.
 * @param blockStart escape what would start a block (`#`, `>`, `-`, `1.`) at the start
 * @param inTable escape `|`
 */
function writeInline(w: Writer, given: readonly Span[], blockStart: boolean, inTable = false): void {
  const spans = joinCode(given);
  let first = blockStart;
  for (let i = 0; i < spans.length; ) {
    const s = spans[i]!;
    if (s.ref) {
      w.write(`[^${s.ref}]`, s.origin);
      i += 1;
      first = false;
      continue;
    }
    if (s.link) {
      let j = i;
      while (j < spans.length && spans[j]!.link === s.link && !spans[j]!.ref) j += 1;
      const group = spans.slice(i, j);
      const lead = /^\s*/u.exec(group.map((g) => g.text).join(''))![0];
      const textAll = group.map((g) => g.text).join('');
      const trail = /\s*$/u.exec(textAll)![0];
      if (!textAll.trim()) {
        w.write(textAll, s.origin);
      } else {
        if (lead) w.write(lead, s.origin);
        w.write('[', s.origin);
        const trimmed = trimSpans(group);
        for (const g of trimmed) writeStyled(w, g, first, inTable);
        w.write(`](${linkDestination(s.link)})`, group[group.length - 1]!.origin);
        if (trail) w.write(trail, group[group.length - 1]!.origin);
      }
      first = false;
      i = j;
      continue;
    }
    writeStyled(w, s, first, inTable);
    if (s.text.trim()) first = false;
    i += 1;
  }
}

/**
 * Monospace pieces that touch (a path whose last part is set in italic, `/etc/default/` +
 * *`nom`*) as one code span: two code spans side by side would read as one with backticks in it,
 * and code holds no emphasis.
 */
function joinCode(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last?.code && s.code && !last.ref && !s.ref && last.link === s.link && /\S$/u.test(last.text) && /^\S/u.test(s.text)) {
      out[out.length - 1] = { ...last, text: last.text + s.text, bold: last.bold && s.bold, italic: last.italic && s.italic };
    } else out.push(s);
  }
  return out;
}

function trimSpans(group: Span[]): Span[] {
  const out = group.map((g) => ({ ...g }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/u, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/u, '');
  return out;
}

function linkDestination(url: string): string {
  return /[\s()<>]/u.test(url) ? `<${url.replace(/[<>]/gu, (c) => encodeURIComponent(c))}>` : url;
}

/** Writes one span with its emphasis, spaces kept outside the markers. */
function writeStyled(w: Writer, s: Span, blockStart: boolean, inTable: boolean): void {
  const lead = /^\s*/u.exec(s.text)![0];
  const trail = s.text.length > lead.length ? /\s*$/u.exec(s.text)![0] : '';
  const core = s.text.slice(lead.length, s.text.length - trail.length);
  const at = (k: number): Origin => ({ ...s.origin, column: s.origin.column + k });
  if (lead) w.write(lead, s.origin, true);
  if (!core) return;
  if (s.code) {
    const ticks = '`'.repeat(Math.max(0, ...[...core.matchAll(/`+/gu)].map((m) => m[0].length)) + 1);
    const pad = /^`|`$/u.test(core) ? ' ' : '';
    w.write(ticks + pad, at(lead.length));
    w.write(inTable ? core.replace(/\|/gu, '\\|') : core, at(lead.length), true);
    w.write(pad + ticks, at(lead.length + core.length - 1));
  } else {
    const marker = s.bold && s.italic ? '***' : s.bold ? '**' : s.italic ? '*' : '';
    if (marker) w.write(marker, at(lead.length));
    writeEscaped(w, core, at(lead.length), blockStart && !lead, inTable);
    if (marker) w.write(marker, at(lead.length + core.length - 1));
  }
  if (trail) w.write(trail, at(lead.length + core.length), true);
}

/** Writes text with a backslash before each character Markdown would read as syntax. */
function writeEscaped(w: Writer, text: string, origin: Origin, blockStart: boolean, inTable: boolean): void {
  const escapeAt = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';
    if (c === '\\' || c === '*' || c === '_' || c === '`' || c === '[' || c === ']') escapeAt.add(i);
    else if (c === '<' && /[A-Za-z/!?]/u.test(next)) escapeAt.add(i);
    else if (c === '&' && /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu.test(text.slice(i))) escapeAt.add(i);
    else if (c === '~' && (next === '~' || text[i - 1] === '~')) escapeAt.add(i);
    else if (c === '|' && inTable) escapeAt.add(i);
    else if (c === '!' && next === '[') escapeAt.add(i);
  }
  if (blockStart) {
    const start = /^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-+\s*$)/u.exec(text);
    if (start) escapeAt.add(0);
    const ordered = /^(\d{1,9})([.)])(?=\s|$)/u.exec(text);
    if (ordered) escapeAt.add(ordered[1]!.length);
  }
  let from = 0;
  for (const i of [...escapeAt].sort((a, b) => a - b)) {
    w.write(text.slice(from, i), { ...origin, column: origin.column + from }, true);
    w.write('\\', { ...origin, column: origin.column + i });
    from = i;
  }
  w.write(text.slice(from), { ...origin, column: origin.column + from }, true);
}
