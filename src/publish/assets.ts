/**
 * The stylesheets and templates of the publishing outputs: `styles/booklet.css`,
 * `styles/handout.css` and `templates/handout.hbs`, taken from the project's folders like the
 * compendium's, with Folio's own stylesheets as fallback for a project that styles only the
 * compendium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleStylesheet } from '../assemble/stylesheet.ts';
import type { TemplateSet } from '../assemble/templates.ts';
import { packageDir } from '../package.ts';
import { loadHandoutTemplates } from './handouts.ts';

export interface PublishAssets {
  /** Appended after the compendium's stylesheet for the A5 render. */
  bookletCss: string;
  /** Appended after the compendium's stylesheet for each handout. */
  handoutCss: string;
  handoutTemplates: TemplateSet;
}

/**
 * Loads the booklet and handout stylesheets (self-contained) and the handout templates.
 * @param stylesDir the folder of the compendium's stylesheet
 * @param templatesDir the folder of the compendium's templates
 */
export async function loadPublishAssets(stylesDir: string, templatesDir: string): Promise<PublishAssets> {
  const style = (name: string): string => {
    const own = path.join(stylesDir, name);
    return existsSync(own) ? own : path.join(packageDir, 'styles', name);
  };
  const [bookletCss, handoutCss, handoutTemplates] = await Promise.all([
    bundleStylesheet(style('booklet.css')),
    bundleStylesheet(style('handout.css')),
    loadHandoutTemplates(templatesDir),
  ]);
  return { bookletCss, handoutCss, handoutTemplates };
}
