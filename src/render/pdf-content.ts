/**
 * Page content streams as a list of operations, and back: what the PDF post-processes that edit
 * drawn content (the text layer, the tags, the running heads) read and write. Each operation
 * keeps its operands as written, so a stream parsed and written again draws exactly the same.
 *
 * Written by hand: pdf-lib writes content streams but does not parse them, and pdf.js parses them
 * only into its own rendering lists. The syntax is small (ISO 32000-1, 7.2 and 8.2): numbers,
 * names, strings, hex strings, arrays, dictionaries, operators. Inline images (`BI … ID … EI`) are
 * not parsed: a stream holding one is reported as unreadable and left alone (Chrome writes none).
 *
 * Not for: deciding what to change (see `pdf-text-layer.ts`, `pdf-tags.ts`).
 */
import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import { decodeStream, flateStream } from './pdf-streams.ts';

/** One operator with its operands, as written in the stream. */
export interface Operation {
  operator: string;
  /** Operands' source text, in order (`/F4`, `12`, `<0013>`, `<</MCID 0>>`). */
  operands: string[];
}

/** Character classes of the syntax, by code (ISO 32000-1, 7.2.2): 1 white-space, 2 delimiter. */
const charClass = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) charClass[c] = 1;
for (const c of '()<>[]{}/%') charClass[c.charCodeAt(0)] = 2;
const [OPEN_PAREN, CLOSE_PAREN, LESS, GREATER, OPEN_BRACKET, CLOSE_BRACKET, SLASH, PERCENT, BACKSLASH, CR, LF] = [...'()<>[]/%\\\r\n'].map((c) => c.charCodeAt(0));

/** Whether the character at `i` is white space (false past the end). Streams are latin1: one byte per character. */
const isSpaceAt = (source: string, i: number): boolean => i < source.length && charClass[source.charCodeAt(i) & 0xff] === 1;

/** Reads one object (operand, or an operator's name) starting at `start`; returns where it ends, -1 when malformed. */
function readObject(source: string, start: number): number {
  const n = source.length;
  const c = source.charCodeAt(start);
  if (c === OPEN_PAREN) {
    let depth = 0;
    for (let j = start; j < n; j++) {
      const d = source.charCodeAt(j);
      if (d === BACKSLASH) j++;
      else if (d === OPEN_PAREN) depth++;
      else if (d === CLOSE_PAREN && --depth === 0) return j + 1;
    }
    return -1;
  }
  const dictionary = c === LESS && source.charCodeAt(start + 1) === LESS;
  if (dictionary || c === OPEN_BRACKET) {
    let j = start + (dictionary ? 2 : 1);
    while (j < n) {
      const d = source.charCodeAt(j);
      if (dictionary ? d === GREATER && source.charCodeAt(j + 1) === GREATER : d === CLOSE_BRACKET) return j + (dictionary ? 2 : 1);
      if (charClass[d & 0xff] === 1) {
        j++;
        continue;
      }
      const end = readObject(source, j);
      if (end < 0) return -1;
      j = end;
    }
    return -1;
  }
  if (c === LESS) {
    const end = source.indexOf('>', start);
    return end < 0 ? -1 : end + 1;
  }
  if (c === PERCENT) {
    let j = start;
    while (j < n && source.charCodeAt(j) !== CR && source.charCodeAt(j) !== LF) j++;
    return j;
  }
  let j = start + (c === SLASH ? 1 : 0);
  while (j < n && charClass[source.charCodeAt(j) & 0xff] === 0) j++;
  return j === start ? -1 : j;
}

/** Calls `each` with every object of the text, in order (comments skipped); false when the text is malformed. */
function eachObject(source: string, each: (from: number, to: number) => void): boolean {
  for (let i = 0; i < source.length; ) {
    if (isSpaceAt(source, i)) {
      i++;
      continue;
    }
    const end = readObject(source, i);
    if (end < 0) return false;
    if (source.charCodeAt(i) !== PERCENT) each(i, end);
    i = end;
  }
  return true;
}

/** Whether the object at `from`–`to` is an operator: a name that starts with a letter or `'` `"` `*`, but not a boolean or null. */
function isOperator(source: string, from: number, to: number): boolean {
  const c = source.charCodeAt(from);
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || c === 0x22 || c === 0x2a;
  if (!letter) return false;
  const length = to - from;
  if (length !== 4 && length !== 5) return true;
  const word = source.slice(from, to);
  return word !== 'true' && word !== 'false' && word !== 'null';
}

/**
 * Parses a content stream.
 * @param source the decoded stream, one character per byte (latin1)
 * @returns its operations, or undefined when it holds something this parser does not read
 */
export function parseContent(source: string): Operation[] | undefined {
  const ops: Operation[] = [];
  let operands: string[] = [];
  let inlineImage = false;
  const read = eachObject(source, (from, to) => {
    const token = source.slice(from, to);
    if (isOperator(source, from, to)) {
      if (token === 'BI' || token === 'ID' || token === 'EI') inlineImage = true;
      ops.push({ operator: token, operands });
      operands = [];
    } else operands.push(token);
  });
  return !read || inlineImage || operands.length ? undefined : ops;
}

/** Writes operations back as a content stream, one per line. */
export function writeContent(ops: readonly Operation[]): string {
  return ops.map((op) => (op.operands.length ? `${op.operands.join(' ')} ${op.operator}` : op.operator)).join('\n') + '\n';
}

/**
 * The decoded content of a page (its streams joined, as a reader draws them).
 * @returns the text, one character per byte, or undefined when a stream cannot be decoded
 */
export function readPageContent(doc: PDFDocument, page: PDFPage): string | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const parts: string[] = [];
  for (const ref of refs) {
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) return undefined;
    parts.push(new TextDecoder('latin1').decode(decodeStream(stream)));
  }
  return parts.join('\n');
}

/** The content streams a page draws, by reference: its `/Contents` and, when that is an array, its items. */
function contentRefs(doc: PDFDocument, page: PDFPage): PDFRef[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = (contents instanceof PDFArray ? contents.asArray() : [contents]).filter((r): r is PDFRef => r instanceof PDFRef);
  if (contents instanceof PDFRef) {
    const target = doc.context.lookup(contents);
    if (target instanceof PDFArray) refs.push(...target.asArray().filter((r): r is PDFRef => r instanceof PDFRef));
  }
  return refs;
}

/** How many pages draw each content stream: what `writePageContent` needs to rewrite every page of a document in one pass. */
export type ContentStreamUsers = Map<string, number>;

/** Counts, once for a whole document, the pages that draw each content stream. */
export function contentStreamUsers(doc: PDFDocument): ContentStreamUsers {
  const users: ContentStreamUsers = new Map();
  for (const page of doc.getPages()) for (const ref of contentRefs(doc, page)) users.set(ref.toString(), (users.get(ref.toString()) ?? 0) + 1);
  return users;
}

/**
 * Replaces a page's content by one compressed stream. The old streams are deleted (pdf-lib
 * would otherwise write them too), unless another page shares them.
 * @param users the pages' use of streams, from `contentStreamUsers`, kept up to date here: pass
 *   the same map for every page of a pass, so the pass stays linear in the number of pages
 */
export function writePageContent(doc: PDFDocument, page: PDFPage, content: string, users: ContentStreamUsers = contentStreamUsers(doc)): void {
  const oldRefs = contentRefs(doc, page);
  // One byte per character (the content was decoded as latin1).
  const bytes = Buffer.from(content, 'latin1');
  page.node.set(PDFName.of('Contents'), doc.context.register(flateStream(doc.context, bytes)));
  for (const ref of oldRefs) {
    const left = (users.get(ref.toString()) ?? 1) - 1;
    if (left > 0) users.set(ref.toString(), left);
    else {
      users.delete(ref.toString());
      doc.context.delete(ref);
    }
  }
}

/** One pass over a page's operations: the new operations, or undefined when it leaves the page as it is. */
export type PageRewrite = (ops: Operation[], page: PDFPage, index: number) => Operation[] | undefined;

/**
 * Runs passes over every page of a document, in order, each page's content read, parsed and
 * written once whatever the number of passes (decoding and compressing are what a pass costs).
 * @returns the pages (1-based) left as they were because their content could not be read
 */
export function rewritePages(doc: PDFDocument, rewrites: readonly PageRewrite[]): number[] {
  const users = contentStreamUsers(doc);
  const unread: number[] = [];
  doc.getPages().forEach((page, index) => {
    const source = readPageContent(doc, page);
    const ops = source === undefined ? undefined : parseContent(source);
    if (!ops) {
      unread.push(index + 1);
      return;
    }
    let current = ops;
    let changed = false;
    for (const rewrite of rewrites) {
      const next = rewrite(current, page, index);
      if (next) [current, changed] = [next, true];
    }
    if (changed) writePageContent(doc, page, writeContent(current), users);
  });
  return unread;
}

/** Decodes a PDF text string operand (`(…)` or `<FEFF…>`) to text. */
export function decodeTextString(operand: string): string {
  if (operand.startsWith('<')) {
    const hex = operand.slice(1, -1).replace(/\s+/g, '');
    const bytes: number[] = [];
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let out = '';
      for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return out;
    }
    return String.fromCharCode(...bytes);
  }
  return operand
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' })[e] ?? String.fromCharCode(parseInt(e, 8)));
}

/** Encodes text as a PDF text string (UTF-16BE hex, which any text fits). */
export function encodeTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** The value of a key in a dictionary operand (`<</ActualText <FEFF00AD> >>`), as written. */
export function dictEntry(dict: string, key: string): string | undefined {
  if (!dict.startsWith('<<')) return undefined;
  const name = `/${key}`;
  // Most dictionaries a pass asks about do not hold the key: no need to read them.
  if (!dict.includes(name)) return undefined;
  const body = dict.slice(2, dict.lastIndexOf('>>'));
  // Keys and values alternate; the value after the key, read without splitting the rest.
  let index = 0;
  let wanted = false;
  for (let i = 0; i < body.length; ) {
    if (isSpaceAt(body, i)) {
      i++;
      continue;
    }
    const end = readObject(body, i);
    if (end < 0) return undefined;
    if (body.charCodeAt(i) !== PERCENT) {
      if (wanted) return body.slice(i, end);
      wanted = index % 2 === 0 && end - i === name.length && body.startsWith(name, i);
      index++;
    }
    i = end;
  }
  return undefined;
}
