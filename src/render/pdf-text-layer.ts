/**
 * A text layer a search finds: what Chrome writes for the soft hyphens of the hyphenated text,
 * rewritten so that copying, searching and extracting give the words as they are spelt.
 *
 * Chrome draws every soft hyphen (U+00AD) it did not break at as an invisible glyph wrapped in
 * `/Span <</ActualText <FEFF00AD>>> BDC … EMC`, and the hyphen it draws where it did break as a
 * hyphen glyph wrapped in `ActualText` U+2010. Readers honour ActualText, so the extracted text
 * holds one U+00AD per hyphenation point (`réso\u00adlu\u00adtion`), and a word broken at a
 * line end reads `réso\u00ad\u2010⏎lution`, which no search for “résolution” finds.
 *
 * This pass removes the invisible soft-hyphen glyphs (their positioning stays), takes the soft
 * hyphens out of the ActualText of ligatures (`f\u00adfi` → `ffi`), and unwraps the line-end
 * hyphen, whose glyph then reads as the hyphen-minus its font maps it to: extractors that join
 * a word split by a hyphen at a line end (poppler's, pdf.js's search) then see the whole word.
 *
 * Not for: the look-alike characters of the fonts' own maps (`pdf-text-mapping.ts`), or tags.
 */
import type { PDFDocument } from 'pdf-lib';
import { decodeTextString, dictEntry, encodeTextString, rewritePages, type Operation, type PageRewrite } from './pdf-content.ts';

const softHyphen = '\u00ad';
/** What Chrome writes as the ActualText of the hyphen it draws at a soft hyphen break. */
const breakHyphens = new Set(['\u2010', '-']);

/** What the pass changed. */
export interface TextLayerReport {
  /** Invisible soft-hyphen glyphs removed. */
  softHyphens: number;
  /** Line-end hyphens unwrapped. */
  lineEndHyphens: number;
  /** Pages left as they were because their content could not be read. */
  unreadPages: number[];
}

/**
 * Rewrites one page's operations.
 * @returns the new operations, and how many soft hyphens and line-end hyphens were changed
 */
export function cleanSoftHyphens(ops: readonly Operation[]): { ops: Operation[]; softHyphens: number; lineEndHyphens: number } {
  const out: Operation[] = [];
  // For each open marked-content sequence: drop its BDC/EMC pair? drop what it shows?
  const open: { unwrap: boolean; hide: boolean }[] = [];
  let softHyphens = 0;
  let lineEndHyphens = 0;
  for (const op of ops) {
    if (op.operator === 'BDC' && op.operands[0] === '/Span' && op.operands[1]) {
      const raw = dictEntry(op.operands[1], 'ActualText');
      const text = raw === undefined ? undefined : decodeTextString(raw);
      if (text !== undefined && text.includes(softHyphen)) {
        const rest = text.replaceAll(softHyphen, '');
        if (rest === '') {
          softHyphens += 1;
          open.push({ unwrap: true, hide: true });
          continue;
        }
        open.push({ unwrap: false, hide: false });
        out.push({ operator: 'BDC', operands: ['/Span', op.operands[1].replace(raw!, encodeTextString(rest))] });
        continue;
      }
      if (text !== undefined && breakHyphens.has(text)) {
        lineEndHyphens += 1;
        open.push({ unwrap: true, hide: false });
        continue;
      }
      open.push({ unwrap: false, hide: false });
    } else if (op.operator === 'BDC' || op.operator === 'BMC') open.push({ unwrap: false, hide: false });
    else if (op.operator === 'EMC') {
      if (open.pop()?.unwrap) continue;
    } else if (isTextShowing(op.operator) && open.some((o) => o.hide)) continue;
    out.push(op);
  }
  return { ops: out, softHyphens, lineEndHyphens };
}

/** Operators that show glyphs. */
export function isTextShowing(operator: string): boolean {
  return operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"';
}

/**
 * The text layer's pass over each page, for `rewritePages`; counts what it changed in `report`.
 */
export function textLayerRewrite(report: TextLayerReport): PageRewrite {
  return (ops) => {
    // Most pages of a text without hyphenation have no ActualText at all: nothing to clean.
    if (!ops.some((op) => op.operator === 'BDC' && op.operands[1]?.includes('/ActualText'))) return undefined;
    const cleaned = cleanSoftHyphens(ops);
    if (cleaned.softHyphens + cleaned.lineEndHyphens === 0) return undefined;
    report.softHyphens += cleaned.softHyphens;
    report.lineEndHyphens += cleaned.lineEndHyphens;
    return cleaned.ops;
  };
}

/** A report of nothing changed yet. */
export function emptyTextLayerReport(): TextLayerReport {
  return { softHyphens: 0, lineEndHyphens: 0, unreadPages: [] };
}

/**
 * Cleans the soft hyphens of every page of a PDF printed by Chrome.
 * @param doc the PDF, changed in place
 */
export function cleanTextLayer(doc: PDFDocument): TextLayerReport {
  const report = emptyTextLayerReport();
  report.unreadPages = rewritePages(doc, [textLayerRewrite(report)]);
  return report;
}
