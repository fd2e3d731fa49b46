/**
 * Tagged PDF that a checker accepts, from what Chrome writes (`tagged: true`):
 *
 * - **Standard structure types.** Chrome names some elements with PDF 2.0 types (`/Strong`,
 *   `/Em`) in a PDF 1.7 file: the structure tree's RoleMap maps each type that is not standard in
 *   PDF 1.7 to the standard one that reads the same (ISO 32000-1, 14.8.4).
 * - **Page furniture as artifacts.** Chrome draws running heads, folios, backgrounds and rules
 *   outside any marked content: neither real content nor artifact, which checkers reject. Every
 *   such graphics object is wrapped as an `/Artifact`, typed `/Pagination` with subtype
 *   `/Header` or `/Footer` in the top and bottom bands of the page (ISO 32000-1, 14.8.2.2).
 * - **Words whole.** At a line end inside one block (a paragraph, a list item, a cell) Chrome
 *   draws no space: text read from the structure tree glues the last word of a line to the first
 *   of the next (`sur⏎les` → `surles`). An invisible space glyph is drawn after the last glyph of
 *   such a line (not after a hyphen, where the word goes on).
 * - **No running head on an opening page**: Chrome cannot select the first page of a named page,
 *   so the head it drew there is removed (`openingPages`).
 *
 * `Lang` on elements comes from Chrome itself, from the HTML's `lang` attributes.
 * Not for: soft hyphens (`pdf-text-layer.ts`), outlines or metadata.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { dictEntry, parseContent, readPageContent, rewritePages, type Operation, type PageRewrite } from './pdf-content.ts';
import { decodeStream } from './pdf-streams.ts';
import { isTextShowing } from './pdf-text-layer.ts';
import { parseToUnicode } from './pdf-text-mapping.ts';

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4). */
export const standardStructureTypes: ReadonlySet<string> = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/** PDF 2.0 types (and others browsers write) → the PDF 1.7 type that reads the same. */
const roleOf: Record<string, string> = {
  Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'H1', FENote: 'Note', Aside: 'Div', DocumentFragment: 'Div', Artifact: 'NonStruct',
};

/** Structure types whose content is one block of text: a line break inside one is a wrap. */
const blockTypes = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'LBody', 'Lbl', 'TD', 'TH', 'Caption', 'TOCI', 'BlockQuote', 'Note', 'Quote']);

/** Share of the page height, at the top and at the bottom, where page furniture is drawn. */
const furnitureBand = 0.14;

export interface TagOptions {
  /** Pages (1-based) that open a part: their running head is removed. */
  openingPages?: readonly number[];
}

export interface TagReport {
  /** Structure types mapped in the RoleMap (`Strong → Span`). */
  roleMap: Record<string, string>;
  /** Graphics objects marked as artifacts. */
  artifacts: number;
  /** Spaces drawn at line ends inside a block. */
  lineEndSpaces: number;
  /** Running heads removed from opening pages. */
  removedHeads: number;
  /** Pages whose content could not be read (left as they were). */
  unreadPages: number[];
}

/**
 * Makes a Chrome-tagged PDF acceptable to checkers; does nothing to an untagged one.
 * @param doc the PDF, changed in place
 */
export function fixTags(doc: PDFDocument, options: TagOptions = {}): TagReport {
  const report = emptyTagReport();
  const rewrite = tagsRewrite(doc, options, report);
  if (rewrite) report.unreadPages = rewritePages(doc, [rewrite]);
  return report;
}

/** A report of nothing changed yet. */
export function emptyTagReport(): TagReport {
  return { roleMap: {}, artifacts: 0, lineEndSpaces: 0, removedHeads: 0, unreadPages: [] };
}

/**
 * The document's side of the tags (the RoleMap), done at once, and their pass over each page for
 * `rewritePages`, which counts in `report` what it changed.
 * @returns undefined for an untagged PDF: there is nothing to do
 */
export function tagsRewrite(doc: PDFDocument, options: TagOptions, report: TagReport): PageRewrite | undefined {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return undefined;
  report.roleMap = addRoleMap(doc, root);
  const parents = parentTree(doc, root);
  const opening = new Set(options.openingPages ?? []);
  const fontCache: FontCache = new Map();
  return (ops, page, index) => {
    const structParents = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const blockOf = blocksByMcid(doc, structParents === undefined ? undefined : parents.get(structParents));
    const fonts = pageFonts(doc, page, fontCache);
    const withSpaces = addLineEndSpaces(ops, page.getHeight(), fonts, blockOf);
    const marked = markArtifacts(withSpaces.ops, page.getHeight(), opening.has(index + 1));
    report.lineEndSpaces += withSpaces.spaces;
    report.artifacts += marked.artifacts;
    report.removedHeads += marked.removedHeads;
    return marked.ops;
  };
}

/**
 * Counts the line wraps inside a block whose last glyph is followed by no space: the words a
 * reader of the structure tree would see glued (`sur⏎les`). What `fixTags` leaves should be 0.
 * @param doc a tagged PDF
 */
export function countGluedLineEnds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const parents = parentTree(doc, root);
  let glued = 0;
  for (const page of doc.getPages()) {
    const ops = parseContent(readPageContent(doc, page) ?? '');
    if (!ops) continue;
    const structParents = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const blockOf = blocksByMcid(doc, structParents === undefined ? undefined : parents.get(structParents));
    glued += addLineEndSpaces(ops, page.getHeight(), pageFonts(doc, page), blockOf).spaces;
  }
  return glued;
}

/** The structure types a structure tree uses (`P`, `Strong`…). */
export function usedStructureTypes(doc: PDFDocument, root: PDFDict): Set<string> {
  const used = new Set<string>();
  const seen = new Set<PDFObject>();
  const walk = (node: PDFObject | undefined): void => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (!value || seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFArray) return value.asArray().forEach(walk);
    if (!(value instanceof PDFDict)) return;
    const type = value.get(PDFName.of('S'));
    if (type instanceof PDFName) used.add(type.decodeText());
    walk(value.get(PDFName.of('K')));
  };
  walk(root.get(PDFName.of('K')));
  return used;
}

/** Adds a RoleMap entry for every structure type of the tree that PDF 1.7 does not define. */
function addRoleMap(doc: PDFDocument, root: PDFDict): Record<string, string> {
  const used = usedStructureTypes(doc, root);
  const existing = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const map: Record<string, string> = {};
  for (const type of [...used].sort()) {
    if (standardStructureTypes.has(type) || existing?.has(PDFName.of(type))) continue;
    map[type] = roleOf[type] ?? 'Span';
  }
  if (Object.keys(map).length) {
    const dict = existing ?? doc.context.obj({});
    for (const [from, to] of Object.entries(map)) dict.set(PDFName.of(from), PDFName.of(to));
    root.set(PDFName.of('RoleMap'), dict);
  }
  return map;
}

/** The parent tree: for each page's StructParents key, the structure element of each MCID. */
function parentTree(doc: PDFDocument, root: PDFDict): Map<number, PDFArray> {
  const out = new Map<number, PDFArray>();
  const walk = (node: PDFDict, seen: Set<PDFDict>): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.lookup(i);
        const value = nums.lookup(i + 1);
        if (key instanceof PDFNumber && value instanceof PDFArray) out.set(key.asNumber(), value);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (const kid of kids.asArray()) {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (dict instanceof PDFDict) walk(dict, seen);
    }
  };
  const tree = root.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (tree) walk(tree, new Set());
  return out;
}

/** For each MCID of a page, a key naming the block element (paragraph, item…) it is in. */
function blocksByMcid(doc: PDFDocument, elements: PDFArray | undefined): (mcid: number) => string | undefined {
  const cache = new Map<number, string | undefined>();
  return (mcid) => {
    if (!elements || mcid >= elements.size()) return undefined;
    if (cache.has(mcid)) return cache.get(mcid);
    let ref: PDFObject | undefined = elements.get(mcid);
    let block: string | undefined;
    for (let depth = 0; ref instanceof PDFRef && depth < 64; depth++) {
      const element: PDFObject | undefined = doc.context.lookup(ref);
      if (!(element instanceof PDFDict)) break;
      const type = element.get(PDFName.of('S'));
      if (type instanceof PDFName && blockTypes.has(type.decodeText())) {
        block = ref.toString();
        break;
      }
      ref = element.get(PDFName.of('P'));
    }
    cache.set(mcid, block);
    return block;
  };
}

interface PageFont {
  /** Glyph code → text. */
  toUnicode: Map<number, string>;
  /** The code of the font's space glyph, as a hex operand, when it has one. */
  space?: string;
}

/** Fonts read already, by their dictionary: the pages of a document share their fonts. */
type FontCache = Map<PDFDict, PageFont | undefined>;

/** The fonts of a page's resources, by resource name (`/F4`). */
function pageFonts(doc: PDFDocument, page: PDFPage, cache: FontCache = new Map()): Map<string, PageFont> {
  const out = new Map<string, PageFont>();
  const resources = page.node.Resources();
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) return out;
  for (const [name, ref] of fonts.entries()) {
    const font = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(font instanceof PDFDict)) continue;
    if (!cache.has(font)) cache.set(font, readFont(font));
    const read = cache.get(font);
    if (read) out.set(name.asString(), read);
  }
  return out;
}

/** A font's text mapping and space glyph; undefined without a ToUnicode map. */
function readFont(font: PDFDict): PageFont | undefined {
  const stream = font.lookup(PDFName.of('ToUnicode'));
  if (!(stream instanceof PDFRawStream)) return undefined;
  const toUnicode = parseToUnicode(new TextDecoder('latin1').decode(decodeStream(stream)));
  const two = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Type0';
  let space: string | undefined;
  for (const [code, text] of toUnicode) if (text === ' ' && (space === undefined || code < parseInt(space.slice(1, -1), 16))) space = `<${code.toString(16).toUpperCase().padStart(two ? 4 : 2, '0')}>`;
  return { toUnicode, space };
}

type Matrix = [number, number, number, number, number, number];
const identity: Matrix = [1, 0, 0, 1, 0, 0];
/** m1 × m2, as PDF concatenates matrices. */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const numbers = (op: Operation): number[] => op.operands.map(Number);
const operandNumber = (op: Operation, k: number): number => Number(op.operands[k]);

/**
 * Follows the graphics and text state of a content stream: where the next glyph is drawn (in
 * the page's default space), which font is set, and which marked content is open.
 */
class ContentState {
  private ctm: Matrix = identity;
  private stack: Matrix[] = [];
  private tm: Matrix = identity;
  private tlm: Matrix = identity;
  private leading = 0;
  font = '';
  /** Open marked-content sequences: their tag and MCID, if any. */
  marked: { tag: string; mcid?: number }[] = [];

  apply(op: Operation): void {
    // Operands are read as numbers only by the operators that take numbers.
    switch (op.operator) {
      case 'q': this.stack.push(this.ctm); break;
      case 'Q': this.ctm = this.stack.pop() ?? identity; break;
      case 'cm': this.ctm = multiply(numbers(op) as Matrix, this.ctm); break;
      case 'BT': this.tm = this.tlm = identity; break;
      case 'Tm': this.tm = this.tlm = numbers(op) as Matrix; break;
      case 'Td': this.tm = this.tlm = multiply([1, 0, 0, 1, operandNumber(op, 0), operandNumber(op, 1)], this.tlm); break;
      case 'TD': this.leading = -operandNumber(op, 1); this.tm = this.tlm = multiply([1, 0, 0, 1, operandNumber(op, 0), operandNumber(op, 1)], this.tlm); break;
      case 'TL': this.leading = operandNumber(op, 0); break;
      case 'T*': case "'": case '"': this.tm = this.tlm = multiply([1, 0, 0, 1, 0, -this.leading], this.tlm); break;
      case 'Tf': this.font = op.operands[0] ?? ''; break;
      case 'BDC': case 'BMC': {
        const mcid = op.operands[1] ? dictEntry(op.operands[1], 'MCID') : undefined;
        this.marked.push({ tag: op.operands[0] ?? '', mcid: mcid === undefined ? undefined : Number(mcid) });
        break;
      }
      case 'EMC': this.marked.pop(); break;
    }
  }

  /** The vertical position of the text origin, in the page's default space. */
  textY(): number {
    // The last entry of tm × ctm, without making the matrix.
    const [tm, ctm] = [this.tm, this.ctm];
    return tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5];
  }

  /** Whether a `/Span` marked-content sequence is open. */
  inSpan(): boolean {
    for (let i = 0; i < this.marked.length; i++) if (this.marked[i]!.tag === '/Span') return true;
    return false;
  }

  /** The innermost MCID open, if any. */
  mcid(): number | undefined {
    for (let i = this.marked.length - 1; i >= 0; i--) if (this.marked[i]!.mcid !== undefined) return this.marked[i]!.mcid;
    return undefined;
  }
}

/** The last glyph code shown by a text operator (`<01B1> Tj`, `[<0013> 12 <0108>] TJ`). */
function lastCode(op: Operation): number | undefined {
  const operand = op.operator === 'TJ' ? op.operands[0] : op.operands.at(-1);
  if (!operand) return undefined;
  // The last hex string of the operand: from the end, the first `>` whose `<` holds only hex
  // digits and white space; its last four digits.
  for (let close = operand.lastIndexOf('>'); close > 0; close = operand.lastIndexOf('>', close - 1)) {
    let code = 0;
    let digits = 0;
    let k = close - 1;
    for (; k >= 0; k--) {
      const c = operand.charCodeAt(k);
      const value = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (value >= 0) {
        if (digits < 4) code += value * 16 ** digits;
        digits += 1;
      } else if (!(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c)) break;
    }
    if (k < 0) return undefined;
    if (operand.charCodeAt(k) !== 0x3c) continue;
    return digits ? code : undefined;
  }
  return undefined;
}

/** Characters after which a line break needs no space: the word goes on, or a space is there. */
const noSpaceAfter = /[\s\u00ad\-\u2010\u2011\u2013\u2014\/]$/u;


/**
 * Draws an invisible space after the last glyph of each line that wraps inside a block, so the
 * words of two lines do not run together when the text is read from the structure tree.
 */
export function addLineEndSpaces(
  ops: readonly Operation[],
  pageHeight: number,
  fonts: ReadonlyMap<string, PageFont>,
  blockOf: (mcid: number) => string | undefined,
): { ops: Operation[]; spaces: number } {
  const state = new ContentState();
  /** The last glyph drawn in tagged content: where it is in `out`, its line and block. */
  let last: { at: number; y: number; block?: string; text: string; font: string; inSpan: boolean } | undefined;
  /** The spaces to draw, by the index of the operation they follow. */
  const after = new Map<number, Operation>();
  for (const [i, op] of ops.entries()) {
    const mcid = isTextShowing(op.operator) ? state.mcid() : undefined;
    if (mcid !== undefined) {
      const y = state.textY();
      const block = blockOf(mcid);
      if (last && block !== undefined && last.block === block && Math.abs(y - last.y) > 0.5 && !noSpaceAfter.test(last.text) && !last.inSpan) {
        const space = fonts.get(last.font)?.space;
        if (space) after.set(last.at, { operator: 'Tj', operands: [space] });
      }
      const code = lastCode(op);
      const text = code === undefined ? '' : (fonts.get(state.font)?.toUnicode.get(code) ?? '');
      last = { at: i, y, block, text, font: state.font, inSpan: state.inSpan() };
    }
    state.apply(op);
  }
  void pageHeight;
  if (after.size === 0) return { ops: [...ops], spaces: 0 };
  const out: Operation[] = [];
  for (const [i, op] of ops.entries()) {
    out.push(op);
    const space = after.get(i);
    if (space) out.push(space);
  }
  return { ops: out, spaces: after.size };
}

/** Operators that build a path, and those that end one. */
const pathBuilding = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

/**
 * Wraps every graphics object drawn outside marked content as an artifact; on an opening page,
 * drops the text drawn in the top band outside marked content (the running head).
 */
export function markArtifacts(ops: readonly Operation[], pageHeight: number, openingPage: boolean): { ops: Operation[]; artifacts: number; removedHeads: number } {
  const state = new ContentState();
  const out: Operation[] = [];
  let artifacts = 0;
  let removedHeads = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (state.marked.length > 0 || !(op.operator === 'BT' || pathBuilding.has(op.operator) || op.operator === 'Do' || op.operator === 'sh')) {
      state.apply(op);
      out.push(op);
      continue;
    }
    // One graphics object: a text object, a path up to its painting operator, an XObject, a shading.
    let end = i;
    if (op.operator === 'BT') while (end < ops.length - 1 && ops[end]!.operator !== 'ET') end++;
    else if (pathBuilding.has(op.operator)) {
      while (end < ops.length - 1 && !pathPainting.has(ops[end]!.operator)) end++;
      // A clipping path paints nothing: it is not content.
      if (ops[end]!.operator === 'n') {
        for (let k = i; k <= end; k++) {
          state.apply(ops[k]!);
          out.push(ops[k]!);
        }
        i = end;
        continue;
      }
    }
    const object = ops.slice(i, end + 1);
    let y: number | undefined;
    for (const o of object) {
      if (isTextShowing(o.operator) && y === undefined) y = state.textY();
      state.apply(o);
    }
    const band = y === undefined ? undefined : y > pageHeight * (1 - furnitureBand) ? 'Header' : y < pageHeight * furnitureBand ? 'Footer' : undefined;
    i = end;
    if (band === 'Header' && openingPage) {
      removedHeads += 1;
      continue;
    }
    artifacts += 1;
    out.push(band ? { operator: 'BDC', operands: ['/Artifact', `<</Type /Pagination /Subtype /${band}>>`] } : { operator: 'BMC', operands: ['/Artifact'] }, ...object, { operator: 'EMC', operands: [] });
  }
  return { ops: out, artifacts, removedHeads };
}
