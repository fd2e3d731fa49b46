/**
 * A build, stage by stage: read → repair → extract → assemble → print → archive → write. Each
 * stage is a function of its own module in this folder, returning its value and its diagnostics;
 * this module only sequences them, times them and stops at the first error. `build`, `watch`,
 * `check` and the benchmarks compose the same stage functions. One browser serves every print of
 * a build. The library never prints: progress goes to the `onProgress` callback.
 *
 * Each stage's module is imported when the build runs it: the browser starts while the rest
 * loads, a rebuild of unchanged sources does not load the repairs, a build of the PDF alone not
 * the font subsetter.
 */
import path from 'node:path';
import type { ArchiveResult } from '../archive/archive.ts';
import type { Edition } from '../assemble/edition.ts';
import { FolioError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { folioVersion } from '../package.ts';
import type { BookletOptions } from '../publish/booklet.ts';
import { openBrowser } from '../render/browser.ts';
import type { AssembleOptions, AssembledEdition, PreparedEdition } from './assemble-stage.ts';
import { buildDate } from './build-date.ts';
import { openLayouts, openTransforms, preparationKey, readPrepared, writePrepared } from './build-cache.ts';
import { loadEditorialGlossary } from './editorial-glossary.ts';
import { toFrontMatter } from './front-matter.ts';
import { checkOutputFolder, writeOutputs, type OutputFile } from './outputs.ts';
import type { PrintProduct, PrintedEdition } from './print-stage.ts';
import { loadFrenchLexicon } from '../language/fr/lexicon.ts';
import { readStage } from './read-stage.ts';
import { displayPath } from '../sources/load.ts';
import { timed, type OnProgress } from './stage.ts';

export type { PreparedEdition } from './assemble-stage.ts';
export type { PrintProduct } from './print-stage.ts';

/** What `folio build --only` can ask for: the HTML edition (and its companions), or one of the PDFs. */
export type BuildOutput = 'html' | PrintProduct;

/** Every output, in the order of `--only`'s help. */
export const buildOutputs: readonly BuildOutput[] = ['html', 'pdf', 'booklet', 'handouts'];
export type { ProgressEvent, StageName } from './stage.ts';

export interface BuildOptions {
  manifestPath: string;
  /** The output folder (default: the manifest's `output:`, relative to the project: `<project>/output`). */
  outDir?: string;
  /** A templates folder instead of the project's `templates/`. */
  templatesDir?: string;
  /** More stylesheets after the edition's own (`--css FILE`). */
  stylesheets?: readonly string[];
  /** Signatures and print-shop marks of `compendium-booklet.pdf`. */
  booklet?: BookletOptions;
  /** Also store the edition in this archive folder, under its version. */
  archiveDir?: string;
  /** Reproducible-build date, seconds since 1970 (default: `SOURCE_DATE_EPOCH`, else the edition's date). */
  sourceDateEpoch?: string;
  /**
   * The outputs to build (default: all). The others are not made, and their files in `outDir`
   * are left as they were. Archiving needs them all.
   */
  only?: ReadonlySet<BuildOutput>;
  /**
   * Takes the repairs and the extraction from the last build of the same sources, manifest and
   * Folio when there is one, and the layouts of the parts it printed (`build-cache.ts`); default
   * true, but an archived build always starts afresh.
   */
  cache?: boolean;
  /** Pages of the browser printing at once (default: see `defaultPrintPages`). */
  printPages?: number;
  /** Longest one step of a print may take (default: `defaultPrintTimeoutMs`). */
  printTimeoutMs?: number;
  /** Stops the build between stages and closes the browser at once; nothing is written then. */
  signal?: AbortSignal;
  onProgress?: OnProgress;
}

export interface BuildResult {
  /** The edition as printed (with its page numbers). */
  edition: Edition;
  /** The output folder (absolute). */
  outDir: string;
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
export async function prepareEdition(manifestPath: string, options: { onProgress?: OnProgress; signal?: AbortSignal; cache?: boolean } = {}): Promise<PreparedEdition> {
  const { signal } = options;
  const read = await timed('read', options.onProgress, () => readStage(manifestPath), (r) => `${r.value.loaded.documents.length} sources`);
  const { loaded } = read.value;
  signal?.throwIfAborted();
  const editorial = await loadEditorialGlossary(loaded);
  const key = options.cache === false ? undefined : await preparationKey(loaded, editorial.entries);
  const kept = key === undefined ? undefined : await readPrepared(loaded, key);
  if (kept) {
    options.onProgress?.({ stage: 'repair', ms: 0, detail: `${kept.repairDiagnostics.length} diagnostics, kept from the last build of the same sources` });
    options.onProgress?.({ stage: 'extract', ms: 0, detail: `${kept.extraction.glossary.length} acronyms, ${kept.extraction.chronology.length} events, kept from the last build` });
    return {
      loaded,
      repaired: kept.documents.map((d, i) => ({ ...d, loaded: loaded.documents[i]! })),
      extraction: kept.extraction,
      diagnostics: sortDiagnostics([...read.diagnostics, ...kept.repairDiagnostics, ...kept.extractDiagnostics]),
    };
  }
  const [{ repairStage }, { extractStage }, lexicon] = await Promise.all([import('./repair-stage.ts'), import('./extract-stage.ts'), loadFrenchLexicon()]);
  const repaired = await timed('repair', options.onProgress, () => repairStage(loaded, lexicon), (r) => `${r.diagnostics.length} diagnostics`);
  signal?.throwIfAborted();
  const extraction = await timed('extract', options.onProgress, () => extractStage(loaded, repaired.value, lexicon, editorial.entries), (x) => `${x.value.glossary.length} acronyms, ${x.value.chronology.length} events`);
  signal?.throwIfAborted();
  if (key !== undefined) {
    await writePrepared(loaded, key, {
      documents: repaired.value.map(({ loaded: _loaded, ...d }) => d),
      extraction: extraction.value,
      repairDiagnostics: repaired.diagnostics,
      extractDiagnostics: extraction.diagnostics,
    });
  }
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
export async function assembleEdition(manifestPath: string, options: AssembleOptions & { onProgress?: OnProgress; sourceDateEpoch?: string; signal?: AbortSignal; cache?: boolean } = {}): Promise<{ prepared: PreparedEdition; assembled: AssembledEdition; date: Date; diagnostics: Diagnostic[] }> {
  const prepared = await prepareEdition(manifestPath, options);
  if (hasErrors(prepared.diagnostics)) throw new FolioError('The sources have errors: nothing was built.', prepared.diagnostics);
  const date = buildDate(options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH, prepared.loaded.manifest.date);
  const { assembleStage } = await import('./assemble-stage.ts');
  const assembled = await timed('assemble', options.onProgress, () => assembleStage(prepared, { ...options, date }), (r) => `${Math.round(r.value.html.length / 1024)} KiB of HTML`);
  options.signal?.throwIfAborted();
  return { prepared, assembled: assembled.value, date, diagnostics: sortDiagnostics([...prepared.diagnostics, ...assembled.diagnostics]) };
}

/**
 * Everything a build would report, printing the compendium but writing nothing (`folio check --print`).
 * @throws FolioError when the sources have errors or the browser cannot print
 */
export async function checkEdition(manifestPath: string, options: { print?: boolean; onProgress?: OnProgress; signal?: AbortSignal; printTimeoutMs?: number } = {}): Promise<Diagnostic[]> {
  if (!options.print) return (await prepareEdition(manifestPath, options)).diagnostics;
  const { prepared, assembled, date, diagnostics } = await assembleEdition(manifestPath, options);
  const session = await openBrowser({ signal: options.signal, timeoutMs: options.printTimeoutMs });
  try {
    const { printCompendium } = await import('./print-stage.ts');
    const printed = await timed('paginate', options.onProgress, async () => printCompendium(session, assembled, { date, manifestFile: prepared.loaded.manifestFile, printer: await session.version() }));
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
  const only = options.only ?? new Set(buildOutputs);
  if (options.archiveDir && buildOutputs.some((o) => !only.has(o))) {
    throw new FolioError('An archived edition holds every output: build them all (no --only) to archive it.', [], 'input');
  }
  const products = new Set(buildOutputs.filter((o): o is PrintProduct => o !== 'html' && only.has(o)));
  // One browser for every print of the build, closed in every case. It starts while the sources
  // are read and repaired: the other core is free then.
  const browser = products.size ? openBrowser({ signal: options.signal, timeoutMs: options.printTimeoutMs }) : undefined;
  // A browser that fails to start is reported when it is awaited, after the sources' own errors.
  browser?.catch(() => undefined);
  const closeBrowser = (): Promise<void> | undefined => browser?.then((b) => b.close(), () => undefined);
  const caching = options.cache !== false && !options.archiveDir;
  let assembledEdition: Awaited<ReturnType<typeof assembleEdition>>;
  let transforms: Awaited<ReturnType<typeof openTransforms>> | undefined;
  let outDir: string;
  try {
    transforms = caching ? await openTransforms({ manifestPath: options.manifestPath }) : undefined;
    assembledEdition = await assembleEdition(options.manifestPath, { ...options, cache: caching, transforms });
    const { loaded } = assembledEdition.prepared;
    outDir = path.resolve(options.outDir ?? path.resolve(loaded.root, loaded.manifest.output));
    // Before minutes of printing: an output folder that cannot be made is said at once.
    await checkOutputFolder(outDir);
  } catch (error) {
    await closeBrowser();
    throw error;
  }
  const { prepared, assembled, date } = assembledEdition;
  const { loaded } = prepared;
  let printed: { value: PrintedEdition; diagnostics: Diagnostic[] } = { value: {}, diagnostics: [] };
  // The browser quits (and its profile folder is removed) while the outputs are written.
  let closing: Promise<void> | undefined;
  if (browser) {
    const session = await browser;
    try {
      const layouts = caching ? await openLayouts(loaded, await session.version()) : undefined;
      const { printStage } = await import('./print-stage.ts');
      printed = await printStage(session, assembled, { date, manifestFile: loaded.manifestFile, booklet: options.booklet, products, printPages: options.printPages, layouts, onProgress: options.onProgress });
      await layouts?.save();
    } finally {
      closing = session.close();
    }
  }
  // After the print, which made the handouts' HTML.
  await transforms?.save();
  try {
    return await finishBuild(options, only, outDir, assembledEdition, printed);
  } finally {
    await closing;
  }
}

/** The outputs of a printed build written (and archived): what `build` does once the browser is done. */
async function finishBuild(
  options: BuildOptions,
  only: ReadonlySet<BuildOutput>,
  outDir: string,
  { prepared, assembled, diagnostics: assembledDiagnostics }: Awaited<ReturnType<typeof assembleEdition>>,
  printed: { value: PrintedEdition; diagnostics: Diagnostic[] },
): Promise<BuildResult> {
  const { loaded, repaired } = prepared;
  options.signal?.throwIfAborted();
  const diagnostics = [...assembledDiagnostics, ...printed.diagnostics];
  // A page reference left without its number is an error: nothing is written, the last good output stays.
  if (hasErrors(printed.diagnostics)) throw new FolioError('The print has errors: nothing was written.', sortDiagnostics(diagnostics));
  const { compendium, booklet, handouts } = printed.value;
  const { withPrintedPages } = await import('../assemble/edition.ts');
  const edition = compendium ? withPrintedPages(assembled.edition, compendium.pagination.pages, printed.diagnostics) : assembled.edition;

  const files: OutputFile[] = [];
  if (only.has('html')) {
    const [{ subsetInlineFonts }, { fontCharacters }, { reviewPage }] = await Promise.all([import('../typography/subset-fonts.ts'), import('../render/pdf-fonts.ts'), import('./assemble-stage.ts')]);
    // The screen edition leaves hyphenation to the reader's browser (`hyphens: auto`), which knows
    // the width it lays out; the soft hyphens were for the print. Its fonts keep only what the
    // printed pages drew (and what shows on screen only) when the compendium was printed, which
    // draws everything the HTML prints; without it, every character of the HTML.
    const printedPdfs = compendium ? [compendium.pdf, ...(booklet ? [booklet.pdf] : []), ...(handouts ?? []).map((h) => h.pdf)] : [];
    files.push(
      {
        path: 'compendium.html',
        data: await subsetInlineFonts(assembled.html.replaceAll('\u00ad', ''), printedPdfs.length ? await fontCharacters(printedPdfs) : undefined),
      },
      { path: 'repairs.html', data: reviewPage(prepared, assembled, diagnostics) },
      ...repaired.map((d) => ({
        path: `normalized/${d.loaded.id}.md`,
        data: toFrontMatter({ title: d.title, source: d.loaded.file, sha256: d.loaded.sha256, ...d.result.meta }) + d.result.markdown,
      })),
    );
  }
  // The edition model carries the page numbers: written with the PDF, or with the HTML (without them) when no PDF is built.
  if (compendium || only.has('html')) files.push({ path: 'compendium.json', data: `${JSON.stringify(edition, null, 2)}\n` });
  if (compendium) files.push({ path: 'compendium.pdf', data: compendium.pdf });
  if (booklet) files.push({ path: 'compendium-booklet.pdf', data: booklet.pdf });
  if (handouts) files.push(...handouts.map((h) => ({ path: `handouts/${h.documentId}.pdf`, data: h.pdf })));
  // The outputs first; the archive keeps only an edition whose outputs were written.
  const written = await timed('write', options.onProgress, () => writeOutputs(outDir, files), (w) => `${w.length} files in ${displayPath(outDir)}`);
  const archiveDir = options.archiveDir;
  const archive = archiveDir
    ? await timed(
        'archive',
        options.onProgress,
        async () => {
          const [{ archiveEdition }, { recordEdition }] = await Promise.all([import('../archive/archive.ts'), import('../archive/record.ts')]);
          return archiveEdition({ dir: archiveDir, edition: await recordEdition(loaded, repaired.map((d) => ({ id: d.loaded.id, ...d.result })), folioVersion), files });
        },
        (a) => `${a.status} ${displayPath(a.path)}`,
      )
    : undefined;
  return { edition, outDir, written, diagnostics, archive };
}
