/**
 * A build, stage by stage: load → repair → assemble → paginate → booklet → handouts → archive →
 * write. Each stage is a function of its own; this module only sequences them, times them and
 * stops at the first error. One browser serves every print of a build.
 * The library never prints: progress goes to the `onProgress` callback.
 */
import path from 'node:path';
import { archiveEdition, type ArchiveResult } from '../archive/archive.ts';
import { recordEdition } from '../archive/record.ts';
import { FolioError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { buildCorpusStats, type CorpusStats } from '../language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../language/lexicon.ts';
import { createEdition, type Edition } from '../assemble/edition.ts';
import { markdownToHtml } from '../assemble/markdown-to-html.ts';
import { bundleStylesheet } from '../assemble/stylesheet.ts';
import { createReviewView } from '../assemble/review.ts';
import { loadTemplates, renderTemplates } from '../assemble/templates.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import { loadPublishAssets } from '../publish/assets.ts';
import { printBooklet, type BookletOptions } from '../publish/booklet.ts';
import { printHandouts, renderHandout } from '../publish/handouts.ts';
import { transformHtml, type HtmlTransform } from '../assemble/final-html.ts';
import { linkPageReferences } from '../assemble/page-references.ts';
import { runningHeads } from '../assemble/running-heads.ts';
import { frenchTypographyTree } from '../typography/french-typography.ts';
import { hyphenateTree } from '../typography/hyphenate.ts';
import { openBrowser } from '../render/browser.ts';
import { compendiumAnchors, editionOutline, editionPdfMetadata } from '../render/edition-pdf.ts';
import { finishPdf } from '../render/finish-pdf.ts';
import { paginate } from '../render/paginate.ts';
import { paginationDiagnostics } from '../render/pagination-diagnostics.ts';
import { buildDate } from './build-date.ts';
import { loadEdition, type LoadedEdition } from '../sources/load.ts';
import { writeOutputs, type OutputFile } from './outputs.ts';
import { extractStage, type Extraction } from './extract-stage.ts';
import { backMatterView } from '../extract/back-matter.ts';
import { rehypeMarkExtraction } from '../extract/mark-html.ts';
import { folioVersion, projectFolder } from './project.ts';
import { toFrontMatter } from './front-matter.ts';

export type Stage = 'load' | 'repair' | 'extract' | 'assemble' | 'paginate' | 'booklet' | 'handouts' | 'archive' | 'write';

export interface ProgressEvent {
  stage: Stage;
  /** Milliseconds the stage took. */
  ms: number;
  detail?: string;
}

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
  onProgress?: (event: ProgressEvent) => void;
}

export interface BuildResult {
  edition: Edition;
  /** Absolute paths of the files written. */
  written: string[];
  diagnostics: Diagnostic[];
  /** Set when the build was archived. */
  archive?: ArchiveResult;
}

export interface RepairedDocument {
  loaded: LoadedEdition['documents'][number];
  result: NormalizedText;
}

/** Times a stage and reports it. */
async function stage<T>(name: Stage, options: Pick<BuildOptions, 'onProgress'>, run: () => Promise<T> | T, detail?: (r: T) => string): Promise<T> {
  const start = performance.now();
  const result = await run();
  options.onProgress?.({ stage: name, ms: Math.round(performance.now() - start), detail: detail?.(result) });
  return result;
}

/**
 * Loads the edition and repairs every source.
 * @throws FolioError when the manifest or a source cannot be read
 */
export async function loadAndRepair(
  manifestPath: string,
  options: Pick<BuildOptions, 'onProgress'> = {},
): Promise<{ loaded: LoadedEdition; repaired: RepairedDocument[]; diagnostics: Diagnostic[] }> {
  const { loaded, lexicon } = await stage(
    'load',
    options,
    async () => ({ loaded: await loadEdition(manifestPath), lexicon: await loadFrenchLexicon() }),
    (r) => `${r.loaded.documents.length} sources`,
  );
  const repaired = await stage('repair', options, () => repairAll(loaded, lexicon), (r) => `${r.reduce((n, d) => n + d.result.diagnostics.length, 0)} diagnostics`);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...repaired.flatMap((d) => d.result.diagnostics)]);
  return { loaded, repaired, diagnostics };
}

/**
 * Loads, repairs, then extracts the glossary and the chronology.
 * @throws FolioError when the manifest, a source or the editors' glossary cannot be read
 */
export async function loadRepairAndExtract(
  manifestPath: string,
  options: Pick<BuildOptions, 'onProgress'> = {},
): Promise<{ loaded: LoadedEdition; repaired: RepairedDocument[]; extraction: Extraction; diagnostics: Diagnostic[] }> {
  const { loaded, repaired, diagnostics } = await loadAndRepair(manifestPath, options);
  const lexicon = await loadFrenchLexicon();
  const extraction = await stage('extract', options, () => extractStage(loaded, repaired, lexicon), (x) => `${x.glossary.length} acronyms, ${x.chronology.length} events`);
  return { loaded, repaired, extraction, diagnostics: sortDiagnostics([...diagnostics, ...extraction.diagnostics]) };
}

/** Repairs every document of an edition against the statistics of the whole corpus. */
export function repairAll(loaded: LoadedEdition, lexicon: Lexicon, corpus: CorpusStats = buildCorpusStats(loaded.documents.map((d) => d.text))): RepairedDocument[] {
  return loaded.documents.map((doc) => ({
    loaded: doc,
    result: normalizeText(doc.text, doc.file, { repairs: doc.entry.repairs, lexicon, corpus, format: doc.format, locator: doc.locator, meta: doc.meta }),
  }));
}

/**
 * Builds the compendium: HTML, PDF, edition model and normalized sources.
 * @throws FolioError when the manifest or a source is invalid, or the browser cannot print;
 *   nothing is written then
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { loaded, repaired, extraction, diagnostics } = await loadRepairAndExtract(options.manifestPath, options);
  if (hasErrors(diagnostics)) throw new FolioError('The sources have errors: nothing was built.', diagnostics);

  const date = buildDate(options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH, loaded.manifest.date);
  const { edition, html, review, css, fragments } = await stage(
    'assemble',
    options,
    async () => assemble(loaded, repaired, diagnostics, { ...options, date }, extraction),
    (r) => `${Math.round(r.html.length / 1024)} KiB of HTML`,
  );
  const stylesheet = options.stylesheet ?? path.join(projectFolder('styles'), 'compendium.css');
  const assets = await loadPublishAssets(path.dirname(stylesheet), options.templatesDir ?? projectFolder('templates'));
  const handouts = edition.documents.map((doc, i) => ({
    documentId: doc.id,
    html: transformHtml(renderHandout(assets.handoutTemplates, edition, doc, fragments[i]!, `${css}\n${assets.handoutCss}`), typographyTransforms(edition.language)),
  }));

  // One browser for every print of the build, closed in every case.
  const session = await openBrowser();
  let printed;
  try {
    const compendium = await stage(
      'paginate',
      options,
      async () => {
        const pagination = await paginate(session, html, { pdf: { outline: false, tagged: true } });
        const metadata = editionPdfMetadata(edition, date, html, await session.version());
        const finished = await finishPdf(pagination.pdf, { metadata, outline: editionOutline(edition), positions: pagination.positions, printedText: html });
        return { pdf: finished.pdf, pagination };
      },
      (r) => `${r.pagination.pageCount} pages in ${r.pagination.passes} passes, ${Math.round(r.pdf.length / 1024)} KiB of PDF`,
    );
    const booklet = await stage('booklet', options, () => printBooklet(session, html, assets.bookletCss, options.booklet), (b) => `${b.pages} pages + ${b.blanks} blank on ${b.sheets} sheets`);
    const handoutPdfs = await stage('handouts', options, () => printHandouts(session, handouts), (h) => `${h.length} handouts`);
    printed = { ...compendium, booklet, handoutPdfs };
  } finally {
    await session.close();
  }
  for (const entry of edition.toc) entry.page = printed.pagination.pages[entry.id];

  const files: OutputFile[] = [
    { path: 'compendium.html', data: html },
    { path: 'compendium.pdf', data: printed.pdf },
    { path: 'compendium-booklet.pdf', data: printed.booklet.pdf },
    ...printed.handoutPdfs.map((h) => ({ path: `handouts/${h.documentId}.pdf`, data: h.pdf })),
    { path: 'compendium.json', data: `${JSON.stringify(edition, null, 2)}\n` },
    { path: 'repairs.html', data: review },
    ...repaired.map((d) => ({
      path: `normalized/${d.loaded.id}.md`,
      data: toFrontMatter({ title: d.loaded.entry.title, source: d.loaded.file, sha256: d.loaded.sha256, ...d.result.meta }) + d.result.markdown,
    })),
  ];
  const archiveDir = options.archiveDir;
  const archive = archiveDir
    ? await stage(
        'archive',
        options,
        async () => archiveEdition({ dir: archiveDir, edition: await recordEdition(loaded, repaired.map((d) => ({ id: d.loaded.id, ...d.result })), folioVersion), files }),
        (a) => `${a.status} ${path.relative(process.cwd(), a.path) || a.path}`,
      )
    : undefined;
  const written = await stage('write', options, () => writeOutputs(options.outDir, files), (w) => `${w.length} files in ${path.relative(process.cwd(), path.resolve(options.outDir)) || '.'}`);
  const manifestFile = path.relative(process.cwd(), options.manifestPath) || options.manifestPath;
  return { edition, written, diagnostics: [...diagnostics, ...paginationDiagnostics(printed.pagination, manifestFile)], archive };
}

/** Assembles the edition model and its HTML. */
export async function assemble(
  loaded: LoadedEdition,
  repaired: RepairedDocument[],
  diagnostics: Diagnostic[],
  options: Pick<BuildOptions, 'templatesDir' | 'stylesheet'> & { date?: Date } = {},
  extraction?: Extraction,
): Promise<{ edition: Edition; html: string; review: string; css: string; fragments: string[] }> {
  const converted = repaired.map((d) => ({ d, ...markdownToHtml(d.result.markdown, d.loaded.id) }));
  const edition = createEdition(
    loaded.manifest,
    converted.map(({ d, headings }) => ({
      id: d.loaded.id,
      entry: d.loaded.entry,
      source: { file: d.loaded.file, sha256: d.loaded.sha256, bytes: d.loaded.bytes },
      meta: d.result.meta,
      headings,
      diagnostics: d.result.diagnostics,
    })),
    folioVersion,
    diagnostics,
  );
  if (extraction) {
    edition.glossary = extraction.glossary;
    edition.chronology = extraction.chronology;
  }
  const templates = await loadTemplates(options.templatesDir ?? projectFolder('templates'));
  const css = await bundleStylesheet(options.stylesheet ?? path.join(projectFolder('styles'), 'compendium.css'));
  const rendered = renderTemplates(templates, {
    edition,
    documents: edition.documents.map((doc, i) => ({ ...doc, html: converted[i]!.html })),
    backMatter: backMatterView(edition),
    css,
    runningHeads: runningHeads(edition, [
      { anchor: compendiumAnchors.toc, title: 'Sommaire' },
      { anchor: compendiumAnchors.colophon, title: 'Colophon' },
    ]),
    build: {
      date: (options.date ?? new Date(`${edition.date}T00:00:00Z`)).toISOString().slice(0, 10),
      repairs: edition.documents.reduce((n, d) => n + d.repairs.changes, 0),
      notes: repaired.reduce((n, d) => n + d.result.diagnostics.length, 0),
      repairsPage: 'repairs.html',
    },
  });
  // Page references first; acronyms before anything that adds letters; hyphenation last.
  const html = transformHtml(rendered, [
    linkPageReferences,
    ...(extraction ? [rehypeMarkExtraction(extraction.marks)] : []),
    ...typographyTransforms(edition.language),
  ]);
  const reviewView = createReviewView(
    edition,
    repaired.map((d) => ({
      id: d.loaded.id,
      title: d.loaded.entry.title,
      file: d.loaded.file,
      text: d.loaded.text,
      locator: d.loaded.locator,
      markdown: d.result.markdown,
      origin: d.result.origin,
    })),
    diagnostics,
  );
  const review = renderTemplates({ ...templates, main: 'repairs' }, reviewView);
  return { edition, html, review, css, fragments: converted.map((c) => c.html) };
}

/** French typography, then hyphenation: the last transforms of every HTML Folio prints. */
function typographyTransforms(language: string): HtmlTransform[] {
  return [frenchTypographyTree, (tree) => hyphenateTree(tree, language)];
}
