/**
 * The assemble stage: the edition model, built once from the repaired documents and the
 * extraction, and every HTML Folio prints or writes — the compendium, each handout, the review
 * page of repairs — through the Handlebars templates and the final HTML transforms (page
 * references, marks of the glossary and the chronology, French typography, hyphenation).
 * Reading the templates and stylesheets is its only I/O.
 */
import { messagesFor } from '../messages/catalogue.ts';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { backMatterView } from '../assemble/back-matter.ts';
import { createEdition, type Edition } from '../assemble/edition.ts';
import { transformHtml, type HtmlTransform } from '../assemble/final-html.ts';
import { rehypeMarkExtraction } from '../assemble/mark-extraction.ts';
import { markdownToHtml } from '../assemble/markdown-to-html.ts';
import { linkPageReferences } from '../assemble/page-references.ts';
import { createReviewView } from '../assemble/review.ts';
import { runningHeads } from '../assemble/running-heads.ts';
import { bundleStylesheets, type BundleOptions } from '../assemble/stylesheet.ts';
import { loadTemplates, renderTemplates, type TemplateSet } from '../assemble/templates.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Extraction } from '../extract/index.ts';
import { folioVersion, packageDir } from '../package.ts';
import { loadPublishAssets, type PublishAssets } from '../publish/assets.ts';
import { renderHandout } from '../publish/handouts.ts';
import { compendiumAnchors } from '../render/edition-pdf.ts';
import type { LoadedEdition } from '../sources/load.ts';
import { frenchTypographyTree } from '../typography/french-typography.ts';
import { hyphenateTree } from '../typography/hyphenate.ts';
import { charactersOf, subsetFontsToPrint } from '../typography/subset-fonts.ts';
import { filesNamed, lookupFolders } from './project.ts';
import type { RepairedDocument } from './repair-stage.ts';
import type { StageResult } from './stage.ts';
import { transformKey, type BuildMemory, type TransformedHtml } from './build-cache.ts';

/** What the read, repair and extract stages made of an edition. */
export interface PreparedEdition {
  loaded: LoadedEdition;
  repaired: RepairedDocument[];
  extraction: Extraction;
  /** Every diagnostic so far, sorted. */
  diagnostics: Diagnostic[];
}

export interface AssembleOptions {
  /** A templates folder instead of the project's `templates/` (Folio's own still fill the gaps). */
  templatesDir?: string;
  /** More stylesheets, after Folio's, the project's and the manifest's `css:` (`--css FILE`). */
  stylesheets?: readonly string[];
  /** The date stamped in the colophon (default: the edition's date). */
  date?: Date;
  /** HTML transformed by an earlier build, by a hash of its inputs (`build-cache.ts`). */
  transforms?: TransformMemory;
}

/** Transformed HTML by `transformKey` of its inputs. */
export type TransformMemory = Pick<BuildMemory<TransformedHtml>, 'get' | 'set'>;

export interface AssembledEdition {
  edition: Edition;
  /** The compendium, self-contained. */
  html: string;
  /** The templates, for the review page made once printing has said its part (`reviewPage`). */
  templates: TemplateSet;
  /** The compendium's stylesheet, bundled. */
  css: string;
  /** The files it was bundled from, in cascade order (absolute paths). */
  stylesheets: string[];
  /** Each document's HTML fragment, in edition order. */
  fragments: string[];
  /** The booklet's and handouts' stylesheets and templates. */
  assets: PublishAssets;
  /** Each handout's HTML, self-contained (made on first use). */
  readonly handouts: { documentId: string; html: string }[];
}

/**
 * Assembles the edition model and its HTML.
 * @param prepared the edition as read, repaired and extracted
 * @param options templates, stylesheet, colophon date
 */
export async function assembleStage(prepared: PreparedEdition, options: AssembleOptions = {}): Promise<StageResult<AssembledEdition>> {
  const { loaded, repaired, extraction, diagnostics } = prepared;
  const templateFolders = lookupFolders(loaded.root, 'templates', options.templatesDir);
  const styleFolders = lookupFolders(loaded.root, 'styles');
  // Folio's stylesheet, then the project's, then the manifest's `css:`, then `--css`: the last wins.
  const stylesheets = [...filesNamed(styleFolders, 'compendium.css'), ...loaded.manifest.css.map((f) => path.resolve(loaded.root, f)), ...(options.stylesheets ?? []).map((f) => path.resolve(f))];
  const bundle: BundleOptions = { fallbackDir: path.join(packageDir, 'styles'), confineTo: loaded.manifest.allowOutside ? undefined : [loaded.root, packageDir, ...installedPackages, ...(options.stylesheets ?? []).map((f) => path.dirname(path.resolve(f)))] };
  const converted = repaired.map((d) => ({ d, ...markdownToHtml(d.tree, d.loaded.id, loaded.manifest.language) }));
  const edition = createEdition(
    loaded.manifest,
    converted.map(({ d, headings }) => ({
      id: d.loaded.id,
      entry: d.loaded.entry,
      title: d.title,
      source: { file: d.loaded.file, sha256: d.loaded.sha256, bytes: d.loaded.bytes },
      meta: d.result.meta,
      headings,
      diagnostics: d.result.diagnostics,
    })),
    { glossary: extraction.glossary, chronology: extraction.chronology },
    folioVersion,
    diagnostics,
  );
  const [templates, bundled, published] = await Promise.all([loadTemplates(templateFolders), bundleStylesheets(stylesheets, bundle), loadPublishAssets(styleFolders, templateFolders, bundle)]);
  const rendered = renderTemplates(templates, {
    edition,
    documents: edition.documents.map((doc, i) => ({ ...doc, html: converted[i]!.html })),
    backMatter: backMatterView(edition),
    css: stylesheetSlot,
    runningHeads: runningHeads(edition, [
      { anchor: compendiumAnchors.toc, title: messagesFor(edition.language).edition.contents },
      { anchor: compendiumAnchors.colophon, title: messagesFor(edition.language).edition.colophon },
    ]),
    build: {
      date: (options.date ?? new Date(`${edition.date}T00:00:00Z`)).toISOString().slice(0, 10),
      repairs: edition.documents.reduce((n, d) => n + d.repairs.changes, 0),
      notes: repaired.reduce((n, d) => n + d.result.diagnostics.length, 0),
      repairsPage: 'repairs.html',
    },
  });
  // Page references first; acronyms before anything that adds letters; hyphenation last.
  const memo = remembered(options.transforms);
  const compendium = memo(transformKey('compendium', rendered, JSON.stringify(extraction.marks), edition.language), () =>
    transformHtml(rendered, [linkPageReferences, rehypeMarkExtraction(extraction.marks), ...typographyTransforms(edition.language)]),
  );
  // The fonts cut down to what the prints may draw: the compendium's text, and what the handouts
  // print besides (their templates' words, the edition's facts, the messages).
  const printable = charactersOf(
    [compendium.html, ...Object.values(published.handoutTemplates.sources), JSON.stringify(edition), JSON.stringify(messagesFor(edition.language)), bundled, published.bookletCss, published.handoutCss].join('\n'),
  );
  const [css, bookletCss, handoutCss] = await Promise.all([subsetFontsToPrint(bundled, printable), subsetFontsToPrint(published.bookletCss, printable), subsetFontsToPrint(published.handoutCss, printable)]);
  const assets: PublishAssets = { ...published, bookletCss, handoutCss };
  const fragments = converted.map((c) => c.html);
  // The handouts' HTML is made when first asked for: a build without handouts does not pay for a
  // second typography and hyphenation of every document.
  let handouts: AssembledEdition['handouts'] | undefined;
  const value: AssembledEdition = {
    edition,
    html: fillStylesheet(compendium.html, css),
    templates,
    css,
    stylesheets,
    fragments,
    assets,
    get handouts() {
      handouts ??= edition.documents.map((doc, i) => {
        const rendered = renderHandout(assets.handoutTemplates, edition, doc, fragments[i]!, stylesheetSlot);
        const transformed = memo(transformKey('handout', rendered, edition.language), () => transformHtml(rendered, typographyTransforms(edition.language)));
        // The stylesheet (about a megabyte with its fonts) goes in when the HTML is asked for:
        // a hundred handouts do not hold a hundred copies of it at once.
        return {
          documentId: doc.id,
          get html() {
            return fillStylesheet(transformed.html, `${css}\n${assets.handoutCss}`);
          },
        };
      });
      return handouts;
    },
  };
  return { value, diagnostics: compendium.diagnostics };
}

/**
 * The review page of repairs (`repairs.html`): every line a repair touched or doubted, and what
 * the edition as a whole was told (manifest, glossary, printing).
 * @param prepared the edition as read and repaired
 * @param assembled its assembly (model and templates)
 * @param diagnostics every diagnostic of the build, printing's included
 */
export function reviewPage(prepared: PreparedEdition, assembled: AssembledEdition, diagnostics: readonly Diagnostic[]): string {
  const view = createReviewView(
    assembled.edition,
    prepared.repaired.map((d) => ({
      id: d.loaded.id,
      title: d.title,
      file: d.loaded.file,
      text: d.loaded.text,
      locator: d.loaded.locator,
      markdown: d.result.markdown,
      origin: d.result.origin,
    })),
    diagnostics,
  );
  return renderTemplates({ ...assembled.templates, main: 'repairs' }, view);
}

/** Runs a transform, or takes its result from the memory when the same inputs were transformed before. */
function remembered(memory: TransformMemory | undefined): (key: string, run: () => TransformedHtml) => TransformedHtml {
  return (key, run) => {
    const known = memory?.get(key);
    if (known) return known;
    const made = run();
    memory?.set(key, { html: made.html, diagnostics: made.diagnostics });
    return made;
  };
}

/**
 * Where Folio's own dependencies (its fonts) really are, when its `node_modules` is a link to
 * another folder (a second working copy sharing the first one's packages): inside Folio all the same.
 */
const installedPackages: string[] = (() => {
  try {
    const real = realpathSync(path.join(packageDir, 'node_modules'));
    return real === path.join(packageDir, 'node_modules') ? [] : [real];
  } catch {
    return [];
  }
})();

/**
 * Where the stylesheet goes while the HTML transforms run: the stylesheet (fonts inlined, most of
 * the document's bytes) is put in after them, so that it is not parsed into a tree and written
 * out again for the compendium and for every handout.
 */
const stylesheetSlot = '/*folio:stylesheet*/';

function fillStylesheet(html: string, css: string): string {
  return html.replace(stylesheetSlot, () => css);
}

/** French typography, then hyphenation: the last transforms of every HTML Folio prints. */
export function typographyTransforms(language: string): HtmlTransform[] {
  return [(tree) => frenchTypographyTree(tree), (tree) => hyphenateTree(tree, language)];
}
