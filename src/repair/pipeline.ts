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
import { createLineIndex } from '../sources/positions.ts';
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
import { restoreDroppedHyphens } from './dropped-hyphens.ts';
import { applyEdits, fromSource } from './mapped-text.ts';
import type { DocumentMeta, PassContext, RepairPass } from './pass.ts';

export interface PassDefinition {
  id: string;
  run: RepairPass;
  /** Set for passes the manifest or `--repair` can force on or off. */
  switchable?: SwitchableRepair;
}

/** The passes, in the order they run. */
export const passes: readonly PassDefinition[] = [
  { id: 'terminal-escapes', run: removeTerminalEscapes },
  // After escapes, before the last control characters go: TeX fonts' codes are glyphs here.
  { id: 'glyphs', run: repairGlyphs },
  { id: 'escape-markdown', run: escapeMarkdown },
  { id: 'page-furniture', run: removePageFurniture },
  { id: 'debris', run: removeDebris },
  { id: 'page-notes', run: movePageNotes },
  { id: 'dropped-hyphens', run: restoreDroppedHyphens },
  { id: 'web-clutter', run: unlessPaged(removeWebClutter) },
  { id: 'displaced-bold', run: repairDisplacedBold, switchable: 'displaced-bold' },
  { id: 'blocks', run: segmentBlocks },
  { id: 'lost-hyphens', run: restoreLostHyphens },
  { id: 'footnote-calls', run: linkFootnoteCalls },
  { id: 'ordinals', run: superscriptOrdinals },
  { id: 'spacing', run: normalizeSpacing },
  { id: 'truncated-source', run: markTruncatedSource },
  { id: 'control-characters', run: removeControlCharacters },
  { id: 'nesting-depth', run: limitNesting },
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
  const lines = createLineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const meta: DocumentMeta = {};
  let current = fromSource(source);
  // Without the edition's statistics, the text's own are better than none.
  const corpus = options.corpus ?? buildCorpusStats([source]);
  for (const pass of list) {
    const mode = pass.switchable ? modeOf(options.repairs, pass.switchable) : 'on';
    if (mode === 'off') continue;
    const context: PassContext = { lexicon: options.lexicon, corpus, mode };
    const result = pass.run(current.text, context);
    for (const note of result.notes ?? []) {
      diagnostics.push(diagnostic(file, lines.at(current.origin[note.at] ?? source.length), note.finding));
    }
    const { output, changes } = applyEdits(current, result.edits);
    for (const c of changes) diagnostics.push(diagnostic(file, lines.at(c.sourceOffset), c.finding, { end: lines.at(c.sourceEnd), change: c.change }));
    Object.assign(meta, result.meta);
    current = output;
  }
  return { markdown: current.text, origin: current.origin, meta, diagnostics };
}

function modeOf(repairs: RepairOptions['repairs'], pass: SwitchableRepair): PassContext['mode'] {
  if (repairs === undefined || repairs === 'auto') return 'auto';
  if (repairs === 'none') return 'off';
  return repairs[pass] ?? 'auto';
}
