/**
 * The stylesheets and templates of the publishing outputs: `styles/booklet.css`,
 * `styles/handout.css` and `templates/handout.hbs`, looked up file by file like the
 * compendium's: Folio's own, then the project's (a project stylesheet is added after Folio's of
 * the same name; a project template replaces Folio's).
 */
import path from 'node:path';
import { bundleStylesheets, type BundleOptions } from '../assemble/stylesheet.ts';
import type { TemplateSet } from '../assemble/templates.ts';
import { loadHandoutTemplates } from './handouts.ts';
import { existsSync } from 'node:fs';

export interface PublishAssets {
  /** Appended after the compendium's stylesheet for the A5 render. */
  bookletCss: string;
  /** Appended after the compendium's stylesheet for each handout. */
  handoutCss: string;
  handoutTemplates: TemplateSet;
}

/**
 * Loads the booklet and handout stylesheets (self-contained) and the handout templates.
 * @param styleFolders the folders of stylesheets, Folio's first (see `lookupFolders`)
 * @param templateFolders the folders of templates, Folio's first
 * @param bundle where stylesheets may read from
 */
export async function loadPublishAssets(styleFolders: string | readonly string[], templateFolders: string | readonly string[], bundle: BundleOptions = {}): Promise<PublishAssets> {
  const styles = typeof styleFolders === 'string' ? [styleFolders] : styleFolders;
  const named = (name: string): string[] => styles.map((f) => path.join(f, name)).filter((f) => existsSync(f));
  const [bookletCss, handoutCss, handoutTemplates] = await Promise.all([
    bundleStylesheets(named('booklet.css'), bundle),
    bundleStylesheets(named('handout.css'), bundle),
    loadHandoutTemplates(templateFolders),
  ]);
  return { bookletCss, handoutCss, handoutTemplates };
}
