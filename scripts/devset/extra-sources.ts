/**
 * More French DocBook manuals, for TUNE material only: the Debian installation guide, the Debian
 * history and the Debian administrator's handbook (Publican). They feed the extra printed cases of
 * `printed.ts` and nothing else — not the prose set, not the pool the first printed cases are drawn
 * from — so that adding them leaves every existing case, and the test split, as it was.
 *
 * A document is a top-level division (a chapter), as in `sources.ts`. A missing package is not an
 * error here: its cases are left out and the generator says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { hasClass, readBook } from './html.ts';
import { type SourceDocument, docbookContent } from './sources.ts';

interface ExtraBook {
  dir: string;
  index: string;
  package: string;
  short: string;
  book: string;
  /** Publican's pages: their own navigation (banner, logos, `ul.docnav`) is no text either. */
  publican?: boolean;
}

/** A Publican page's content: the body without the banner, the logos and the navigation lists. */
function publicanContent(file: string): () => Element | Root {
  const body = docbookContent(file);
  return () => {
    const root = body();
    const nav = (e: Element): boolean => e.properties?.id === 'banner' || e.properties?.id === 'title' || hasClass(e, 'docnav');
    root.children = root.children.filter((c) => !(c.type === 'element' && nav(c)));
    return root;
  };
}

const extraBooks: ExtraBook[] = [
  { dir: '/usr/share/doc/installation-guide-amd64/fr', index: 'index.html', package: 'installation-guide-amd64', short: 'installation-guide', book: "Manuel d'installation Debian" },
  { dir: '/usr/share/doc/debian-history/docs', index: 'index.fr.html', package: 'debian-history', short: 'debian-history', book: 'Bref historique de Debian' },
  { dir: '/usr/share/doc/debian-handbook/html/fr-FR', index: 'index.html', package: 'debian-handbook', short: 'debian-handbook', book: "Le cahier de l'administrateur Debian", publican: true },
];

/** The books of `extraBooks` that are installed, and the packages that are not. */
export function listExtraDocuments(): { documents: SourceDocument[]; missing: string[] } {
  const documents: SourceDocument[] = [];
  const missing: string[] = [];
  for (const b of extraBooks) {
    if (!existsSync(path.join(b.dir, b.index))) {
      missing.push(b.package);
      continue;
    }
    const groups = new Map<string, SourceDocument>();
    for (const page of readBook(b.dir, b.index)) {
      const key = (page.ancestors[0] ?? page.file).replace(/(?:\.fr)?\.html$/, '');
      const doc = `${b.short}/${key}`;
      let entry = groups.get(doc);
      if (!entry) groups.set(doc, (entry = { doc, package: b.package, typesetter: 'DocBook', book: b.book, pages: [] }));
      entry.pages.push({ path: page.path, content: (b.publican ? publicanContent : docbookContent)(page.path) });
    }
    documents.push(...groups.values());
  }
  return { documents, missing };
}
