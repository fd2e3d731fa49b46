/**
 * The repair pipeline: a source text in, normalized Markdown out, with a diagnostic for every
 * change and every doubt, located in the source as received.
 *
 * The passes run in a fixed order, each on the output of the previous one. Which passes exist
 * and in what order is visible in `passes` below; each lives in its own file.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { buildCorpusStats, type CorpusStats } from '../language/corpus.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { ManifestDocument, SwitchableRepair } from '../sources/manifest.ts';
import type { SourceFormat } from '../sources/formats.ts';
import { textLocator, type SourceLocator } from '../sources/positions.ts';
import { segmentBlocks } from './blocks.ts';
import { removeControlCharacters, removeTerminalEscapes } from './control-characters.ts';
import { repairDisplacedBold } from './displaced-bold.ts';
import { linkFootnoteCalls } from './footnote-calls.ts';
import { restoreLostHyphens } from './lost-hyphens.ts';
import { limitNesting } from './nesting-depth.ts';
import { superscriptOrdinals } from './ordinals.ts';
import { normalizeSpacing } from './spacing.ts';
import { markTruncatedSource } from './truncated-source.ts';
import { removeWebClutter } from './web-clutter.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { repairGlyphs } from './glyphs.ts';
import { removePageFurniture } from './page-furniture.ts';
import { removeDebris } from './debris.ts';
import { movePageNotes } from './page-notes.ts';
import { restoreColumnOrder } from './columns.ts';
import { restoreDroppedHyphens } from './dropped-hyphens.ts';
import { applyEdits, fromSource } from './mapped-text.ts';
import { protectedRanges } from './markdown-protect.ts';
import type { DocumentMeta, PassContext, RepairPass } from './pass.ts';

export interface PassDefinition {
  id: string;
  run: RepairPass;
  /** Set for passes the manifest or `--repair` can force on or off. */
  switchable?: SwitchableRepair;
  /**
   * Set for passes that also run on Markdown (a `.md` source, or what was read from a PDF or a
   * web page). The others repair what an extraction to plain text broke — escaping, clutter,
   * displaced bold, line layout, footnote calls glued to words — which a Markdown source, or a
   * reader that saw fonts and positions, does not have.
   */
  markdown?: true;
}

/** The passes, in the order they run. */
export const passes: readonly PassDefinition[] = [
  { id: 'terminal-escapes', run: removeTerminalEscapes, markdown: true },
  // After escapes, before the last control characters go: TeX fonts' codes are glyphs here.
  { id: 'glyphs', run: repairGlyphs, markdown: true },
  { id: 'escape-markdown', run: escapeMarkdown },
  { id: 'page-furniture', run: removePageFurniture },
  { id: 'debris', run: removeDebris },
  { id: 'page-notes', run: movePageNotes },
  // After the notes left the page foot: what stays on a page is its columns.
  { id: 'columns', run: restoreColumnOrder },
  { id: 'dropped-hyphens', run: restoreDroppedHyphens },
  { id: 'web-clutter', run: unlessPaged(removeWebClutter) },
  { id: 'displaced-bold', run: repairDisplacedBold, switchable: 'displaced-bold' },
  { id: 'blocks', run: segmentBlocks },
  { id: 'lost-hyphens', run: restoreLostHyphens, markdown: true },
  { id: 'footnote-calls', run: linkFootnoteCalls },
  { id: 'ordinals', run: superscriptOrdinals, markdown: true },
  { id: 'spacing', run: normalizeSpacing, markdown: true },
  { id: 'truncated-source', run: markTruncatedSource, markdown: true },
  { id: 'control-characters', run: removeControlCharacters, markdown: true },
  { id: 'nesting-depth', run: limitNesting, markdown: true },
];

/**
 * A web-page pass does not run on a PDF extraction (a text with form feeds between its pages): an
 * English sentence in a French manual is text there, not the caption of a photo. Nor does it run
 * again on Markdown that Folio wrote (it has `##` headings, which no web page's text has): what
 * it would remove, it removed the first time.
 */
function unlessPaged(pass: RepairPass): RepairPass {
  return (text, context) => (text.includes('\f') || /^#{2,6} \S/mu.test(text) ? { edits: [] } : pass(text, context));
}

export interface RepairOptions {
  /** The manifest's `repairs` setting for this document. */
  repairs?: ManifestDocument['repairs'];
  /** How to read the source text (default `text`): Markdown runs only the passes marked for it. */
  format?: SourceFormat;
  /** Where the source text's characters are in the file (default: the text is the file). */
  locator?: SourceLocator;
  /** What the reader learned of the document (a web page's title, author, dates); the passes' findings come on top. */
  meta?: DocumentMeta;
  lexicon?: Lexicon;
  corpus?: CorpusStats;
}

export interface NormalizedText {
  /** The repaired text as Markdown (without front matter). */
  markdown: string;
  /** For each character of `markdown`, the offset in the source it came from. */
  origin: Int32Array;
  meta: DocumentMeta;
  diagnostics: Diagnostic[];
}

/**
 * Repairs one source text.
 * @param source the decoded text of the source (see `decodeSource`)
 * @param file the path to name in diagnostics
 * @param options repairs switches, lexicon and corpus statistics
 * @returns the Markdown, what the repairs learned about the document, and the diagnostics
 */
export function normalizeText(source: string, file: string, options: RepairOptions = {}): NormalizedText {
  return runPasses(passes, source, file, options);
}

/**
 * Runs a chosen list of passes (all of them in `normalizeText`; one at a time in fixture tests).
 * @param list the passes, in order
 */
export function runPasses(list: readonly PassDefinition[], source: string, file: string, options: RepairOptions = {}): NormalizedText {
  const lines = options.locator ?? textLocator(source);
  const markdown = options.format === 'markdown';
  const diagnostics: Diagnostic[] = [];
  const meta: DocumentMeta = { ...options.meta };
  let current = fromSource(source);
  // Without the edition's statistics, the text's own are better than none.
  const corpus = options.corpus ?? buildCorpusStats([source]);
  // The Markdown's protected parts, parsed again only when a pass changed the text: parsing a
  // long document is the dearest step of the Markdown passes, and most passes change nothing.
  let guard: { text: string; ranges: Guard } | undefined;
  const guardOf = (text: string): Guard => {
    if (guard?.text !== text) guard = { text, ranges: guardRanges(protectedRanges(text)) };
    return guard.ranges;
  };
  for (const pass of list) {
    if (markdown && !pass.markdown) continue;
    const mode = pass.switchable ? modeOf(options.repairs, pass.switchable) : 'on';
    if (mode === 'off') continue;
    const context: PassContext = { lexicon: options.lexicon, corpus, mode };
    const result = pass.run(current.text, context);
    // In Markdown, code, link targets and HTML are not prose: a repair never touches them.
    const proposes = result.edits.length > 0 || (result.notes?.length ?? 0) > 0;
    const guarded = markdown && proposes ? guardOf(current.text) : noGuard;
    const edits = result.edits.filter((e) => !guarded.overlaps(e.start, e.end));
    const inGuard = (at: number): boolean => guarded.overlaps(at, at + 1);
    for (const original of result.notes ?? []) {
      // A note placed in code or a link's address moves to the first prose the pass changed.
      const note = inGuard(original.at) ? { ...original, at: edits.find((e) => !inGuard(e.start))?.start ?? -1 } : original;
      if (note.at < 0) continue;
      diagnostics.push(diagnostic(file, lines.at(current.origin[note.at] ?? source.length), note.finding));
    }
    const { output, changes } = applyEdits(current, edits);
    for (const c of changes) diagnostics.push(diagnostic(file, lines.at(c.sourceOffset), c.finding, { end: lines.at(c.sourceEnd), change: c.change }));
    Object.assign(meta, result.meta);
    current = output;
  }
  return { markdown: current.text, origin: current.origin, meta, diagnostics };
}

/** Protected ranges, asked whether a stretch of text meets one of them. */
interface Guard {
  /**
   * Whether `[start, end)` meets a range: overlaps it, or, when empty, falls strictly inside it
   * (an insertion at a range's edge is outside it).
   */
  overlaps(start: number, end: number): boolean;
}

const noGuard: Guard = { overlaps: () => false };

/**
 * A guard over ranges sorted by their start: the ranges that start before `end` are a prefix of
 * them, and one of them reaches past `start` when the furthest end of that prefix does — a binary
 * search rather than a look at every range, since a long document has thousands (links, code).
 */
function guardRanges(ranges: readonly [number, number][]): Guard {
  const starts = ranges.map((r) => r[0]);
  const reach: number[] = [];
  for (const [i, r] of ranges.entries()) reach.push(Math.max(r[1], reach[i - 1] ?? -Infinity));
  return {
    overlaps(start: number, end: number): boolean {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < end) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && reach[lo - 1]! > start;
    },
  };
}

function modeOf(repairs: RepairOptions['repairs'], pass: SwitchableRepair): PassContext['mode'] {
  if (repairs === undefined || repairs === 'auto') return 'auto';
  if (repairs === 'none') return 'off';
  return repairs[pass] ?? 'auto';
}
