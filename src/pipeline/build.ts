/**
 * A build, stage by stage: read → repair → extract → assemble → print → archive → write. Each
 * stage is a function of its own module in this folder, returning its value and its diagnostics;
 * this module only sequences them, times them and stops at the first error. `build`, `watch`,
 * `check` and the benchmarks compose the same stage functions. One browser serves every print of
 * a build. The library never prints: progress goes to the `onProgress` callback.
 */
import { fontCharacters } from '../render/pdf-fonts.ts';
import { subsetInlineFonts } from '../typography/subset-fonts.ts';
import path from 'node:path';
import { archiveEdition, type ArchiveResult } from '../archive/archive.ts';
import { recordEdition } from '../archive/record.ts';
import { withPrintedPages, type Edition } from '../assemble/edition.ts';
import { FolioError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { folioVersion } from '../package.ts';
import type { BookletOptions } from '../publish/booklet.ts';
import { openBrowser } from '../render/browser.ts';
import { assembleStage, reviewPage, type AssembleOptions, type AssembledEdition, type PreparedEdition } from './assemble-stage.ts';
import { buildDate } from './build-date.ts';
import { extractStage } from './extract-stage.ts';
import { toFrontMatter } from './front-matter.ts';
import { writeOutputs, type OutputFile } from './outputs.ts';
import { printCompendium, printStage, type PrintedEdition } from './print-stage.ts';
import { readStage } from './read-stage.ts';
import { repairStage } from './repair-stage.ts';
import { timed, type OnProgress } from './stage.ts';

export type { PreparedEdition } from './assemble-stage.ts';
export type { ProgressEvent, StageName } from './stage.ts';

export interface BuildOptions {
  manifestPath: string;
  outDir: string;
  templatesDir?: string;
  stylesheet?: string;
  /** Signatures and print-shop marks of `compendium-booklet.pdf`. */
  booklet?: BookletOptions;
  /** Also store the edition in this archive folder, under its version. */
  archiveDir?: string;
  /** Reproducible-build date, seconds since 1970 (default: `SOURCE_DATE_EPOCH`, else the edition's date). */
  sourceDateEpoch?: string;
  onProgress?: OnProgress;
}

export interface BuildResult {
  /** The edition as printed (with its page numbers). */
  edition: Edition;
  /** Absolute paths of the files written. */
  written: string[];
  diagnostics: Diagnostic[];
  /** Set when the build was archived. */
  archive?: ArchiveResult;
}

/**
 * Reads, repairs and extracts an edition: everything that needs no template and no browser.
 * @param manifestPath the manifest
 * @throws FolioError when the manifest, a source or the editors' glossary cannot be read
 */
export async function prepareEdition(manifestPath: string, options: { onProgress?: OnProgress } = {}): Promise<PreparedEdition> {
  const read = await timed('read', options.onProgress, () => readStage(manifestPath), (r) => `${r.value.loaded.documents.length} sources`);
  const { loaded, lexicon } = read.value;
  const repaired = await timed('repair', options.onProgress, () => repairStage(loaded, lexicon), (r) => `${r.diagnostics.length} diagnostics`);
  const extraction = await timed('extract', options.onProgress, () => extractStage(loaded, repaired.value, lexicon), (x) => `${x.value.glossary.length} acronyms, ${x.value.chronology.length} events`);
  return {
    loaded,
    repaired: repaired.value,
    extraction: extraction.value,
    diagnostics: sortDiagnostics([...read.diagnostics, ...repaired.diagnostics, ...extraction.diagnostics]),
  };
}

/**
 * Prepares and assembles an edition (no browser).
 * @throws FolioError when the sources have errors
 */
export async function assembleEdition(manifestPath: string, options: AssembleOptions & { onProgress?: OnProgress; sourceDateEpoch?: string } = {}): Promise<{ prepared: PreparedEdition; assembled: AssembledEdition; date: Date; diagnostics: Diagnostic[] }> {
  const prepared = await prepareEdition(manifestPath, options);
  if (hasErrors(prepared.diagnostics)) throw new FolioError('The sources have errors: nothing was built.', prepared.diagnostics);
  const date = buildDate(options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH, prepared.loaded.manifest.date);
  const assembled = await timed('assemble', options.onProgress, () => assembleStage(prepared, { ...options, date }), (r) => `${Math.round(r.value.html.length / 1024)} KiB of HTML`);
  return { prepared, assembled: assembled.value, date, diagnostics: sortDiagnostics([...prepared.diagnostics, ...assembled.diagnostics]) };
}

/**
 * Everything a build would report, printing the compendium but writing nothing (`folio check --print`).
 * @throws FolioError when the sources have errors or the browser cannot print
 */
export async function checkEdition(manifestPath: string, options: { print?: boolean; onProgress?: OnProgress } = {}): Promise<Diagnostic[]> {
  if (!options.print) return (await prepareEdition(manifestPath, options)).diagnostics;
  const { assembled, date, diagnostics } = await assembleEdition(manifestPath, options);
  const session = await openBrowser();
  try {
    const printed = await timed('paginate', options.onProgress, () => printCompendium(session, assembled, { date, manifestFile: shownPath(manifestPath) }));
    return sortDiagnostics([...diagnostics, ...printed.diagnostics]);
  } finally {
    await session.close();
  }
}

/**
 * Builds the compendium: HTML, PDF, booklet, handouts, edition model and normalized sources.
 * @throws FolioError when the manifest or a source is invalid, or the browser cannot print;
 *   nothing is written then
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { prepared, assembled, date, diagnostics: assembledDiagnostics } = await assembleEdition(options.manifestPath, options);
  // One browser for every print of the build, closed in every case.
  const session = await openBrowser();
  let printed: { value: PrintedEdition; diagnostics: Diagnostic[] };
  try {
    printed = await printStage(session, assembled, { date, manifestFile: shownPath(options.manifestPath), booklet: options.booklet, onProgress: options.onProgress });
  } finally {
    await session.close();
  }
  const diagnostics = [...assembledDiagnostics, ...printed.diagnostics];
  // A page reference left without its number is an error: nothing is written, the last good output stays.
  if (hasErrors(printed.diagnostics)) throw new FolioError('The print has errors: nothing was written.', sortDiagnostics(diagnostics));
  const edition = withPrintedPages(assembled.edition, printed.value.pagination.pages, printed.diagnostics);
  const { loaded, repaired } = prepared;

  const files: OutputFile[] = [
    // The screen edition leaves hyphenation to the reader's browser (`hyphens: auto`), which knows
    // the width it lays out; the soft hyphens were for the print. Its fonts keep only what the
    // printed pages drew (and what shows on screen only).
    {
      path: 'compendium.html',
      data: await subsetInlineFonts(
        assembled.html.replaceAll('\u00ad', ''),
        await fontCharacters([printed.value.pdf, printed.value.booklet.pdf, ...printed.value.handouts.map((h) => h.pdf)]),
      ),
    },
    { path: 'compendium.pdf', data: printed.value.pdf },
    { path: 'compendium-booklet.pdf', data: printed.value.booklet.pdf },
    ...printed.value.handouts.map((h) => ({ path: `handouts/${h.documentId}.pdf`, data: h.pdf })),
    { path: 'compendium.json', data: `${JSON.stringify(edition, null, 2)}\n` },
    { path: 'repairs.html', data: reviewPage(prepared, assembled, diagnostics) },
    ...repaired.map((d) => ({
      path: `normalized/${d.loaded.id}.md`,
      data: toFrontMatter({ title: d.loaded.entry.title, source: d.loaded.file, sha256: d.loaded.sha256, ...d.result.meta }) + d.result.markdown,
    })),
  ];
  const archiveDir = options.archiveDir;
  const archive = archiveDir
    ? await timed(
        'archive',
        options.onProgress,
        async () => archiveEdition({ dir: archiveDir, edition: await recordEdition(loaded, repaired.map((d) => ({ id: d.loaded.id, ...d.result })), folioVersion), files }),
        (a) => `${a.status} ${path.relative(process.cwd(), a.path) || a.path}`,
      )
    : undefined;
  const written = await timed('write', options.onProgress, () => writeOutputs(options.outDir, files), (w) => `${w.length} files in ${path.relative(process.cwd(), path.resolve(options.outDir)) || '.'}`);
  return { edition, written, diagnostics, archive };
}

/** The manifest's path as messages show it. */
function shownPath(manifestPath: string): string {
  return path.relative(process.cwd(), manifestPath) || manifestPath;
}
