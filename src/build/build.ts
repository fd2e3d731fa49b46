/**
 * A build, stage by stage: load → repair → assemble → paginate → write. Each stage is a function
 * of its own; this module only sequences them, times them and stops at the first error.
 * The library never prints: progress goes to the `onProgress` callback.
 */
import path from 'node:path';
import { FolioError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { buildCorpusStats, type CorpusStats } from '../language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../language/lexicon.ts';
import { createEdition, type Edition } from '../assemble/edition.ts';
import { markdownToHtml } from '../assemble/markdown-to-html.ts';
import { bundleStylesheet } from '../assemble/stylesheet.ts';
import { loadTemplates, renderTemplates } from '../assemble/templates.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import { transformHtml } from '../assemble/final-html.ts';
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
import { folioVersion, projectFolder } from './project.ts';
import { toFrontMatter } from './front-matter.ts';

export type Stage = 'load' | 'repair' | 'assemble' | 'paginate' | 'write';

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
  /** Reproducible-build date, seconds since 1970 (default: `SOURCE_DATE_EPOCH`, else the edition's date). */
  sourceDateEpoch?: string;
  onProgress?: (event: ProgressEvent) => void;
}

export interface BuildResult {
  edition: Edition;
  /** Absolute paths of the files written. */
  written: string[];
  diagnostics: Diagnostic[];
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

/** Repairs every document of an edition against the statistics of the whole corpus. */
export function repairAll(loaded: LoadedEdition, lexicon: Lexicon, corpus: CorpusStats = buildCorpusStats(loaded.documents.map((d) => d.text))): RepairedDocument[] {
  return loaded.documents.map((doc) => ({
    loaded: doc,
    result: normalizeText(doc.text, doc.file, { repairs: doc.entry.repairs, lexicon, corpus }),
  }));
}

/**
 * Builds the compendium: HTML, PDF, edition model and normalized sources.
 * @throws FolioError when the manifest or a source is invalid, or the browser cannot print;
 *   nothing is written then
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { loaded, repaired, diagnostics } = await loadAndRepair(options.manifestPath, options);
  if (hasErrors(diagnostics)) throw new FolioError('The sources have errors: nothing was built.', diagnostics);

  const date = buildDate(options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH, loaded.manifest.date);
  const { edition, html } = await stage('assemble', options, async () => assemble(loaded, repaired, diagnostics, { ...options, date }), (r) => `${Math.round(r.html.length / 1024)} KiB of HTML`);

  const { pdf, pagination } = await stage(
    'paginate',
    options,
    async () => {
      const session = await openBrowser();
      try {
        const pagination = await paginate(session, html, { pdf: { outline: false, tagged: true } });
        const metadata = editionPdfMetadata(edition, date, html, await session.version());
        const finished = await finishPdf(pagination.pdf, { metadata, outline: editionOutline(edition), positions: pagination.positions, printedText: html });
        return { pdf: finished.pdf, pagination };
      } finally {
        await session.close();
      }
    },
    (r) => `${r.pagination.pageCount} pages in ${r.pagination.passes} passes, ${Math.round(r.pdf.length / 1024)} KiB of PDF`,
  );
  for (const entry of edition.toc) entry.page = pagination.pages[entry.id];

  const files: OutputFile[] = [
    { path: 'compendium.html', data: html },
    { path: 'compendium.pdf', data: pdf },
    { path: 'compendium.json', data: `${JSON.stringify(edition, null, 2)}\n` },
    ...repaired.map((d) => ({
      path: `normalized/${d.loaded.id}.md`,
      data: toFrontMatter({ title: d.loaded.entry.title, source: d.loaded.file, sha256: d.loaded.sha256, ...d.result.meta }) + d.result.markdown,
    })),
  ];
  const written = await stage('write', options, () => writeOutputs(options.outDir, files), (w) => `${w.length} files in ${path.relative(process.cwd(), path.resolve(options.outDir)) || '.'}`);
  return { edition, written, diagnostics: [...diagnostics, ...paginationDiagnostics(pagination, path.relative(process.cwd(), options.manifestPath) || options.manifestPath)] };
}

/** Assembles the edition model and its HTML. */
export async function assemble(
  loaded: LoadedEdition,
  repaired: RepairedDocument[],
  diagnostics: Diagnostic[],
  options: Pick<BuildOptions, 'templatesDir' | 'stylesheet'> & { date?: Date } = {},
): Promise<{ edition: Edition; html: string }> {
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
  const templates = await loadTemplates(options.templatesDir ?? projectFolder('templates'));
  const css = await bundleStylesheet(options.stylesheet ?? path.join(projectFolder('styles'), 'compendium.css'));
  const rendered = renderTemplates(templates, {
    edition,
    documents: edition.documents.map((doc, i) => ({ ...doc, html: converted[i]!.html })),
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
  const html = transformHtml(rendered, [linkPageReferences, frenchTypographyTree, (tree) => hyphenateTree(tree, edition.language)]);
  return { edition, html };
}
