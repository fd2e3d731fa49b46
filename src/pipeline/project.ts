/**
 * The project: the folder of the manifest. Everything a build reads or writes by default is
 * found from it, never from the working folder — the outputs (`<project>/output`), the templates
 * and the stylesheets — so the same project builds the same way from anywhere.
 *
 * Templates and stylesheets are looked up file by file: the project's `templates/` and `styles/`
 * hold only what the project changes, and Folio's own supply the rest. A template of the project
 * replaces Folio's of the same name; a stylesheet of the project (`styles/compendium.css`,
 * `styles/booklet.css`, `styles/handout.css`) is added AFTER Folio's of the same name, so its
 * rules win and one rule changes one thing — a stylesheet that replaced Folio's would lose the
 * fonts, the page format and the layout to a one-line file without a word.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageDir } from '../package.ts';

export { folioVersion, packageDir } from '../package.ts';

/** The manifest's usual name in a project folder. */
export const manifestName = 'compendium.yaml';

/** Where a command looks for the manifest when none is named: here, then `sources/` (Folio's own corpus). */
export const manifestCandidates = [manifestName, path.join('sources', manifestName)] as const;

/**
 * The manifest a command reads.
 * @param given a manifest file or a project folder from the command line, if any
 * @param cwd the working folder
 * @returns its absolute path (which may not exist: reading it reports that)
 */
export function resolveManifest(given: string | undefined, cwd = process.cwd()): string {
  if (given !== undefined) {
    const absolute = path.resolve(cwd, given);
    return isFolder(absolute) ? path.join(absolute, manifestName) : absolute;
  }
  for (const candidate of manifestCandidates) {
    const absolute = path.resolve(cwd, candidate);
    if (existsSync(absolute)) return absolute;
  }
  return path.resolve(cwd, manifestName);
}

/** The project folder of a manifest. */
export function projectRoot(manifestPath: string): string {
  return path.dirname(path.resolve(manifestPath));
}

/**
 * The folders a kind of file is looked up in, Folio's first: a file in a later folder overrides
 * (templates) or follows (stylesheets) the one of the same name in an earlier one.
 * @param root the project folder
 * @param name `templates` or `styles`
 * @param own a folder given instead of the project's (`--templates`)
 */
export function lookupFolders(root: string, name: 'templates' | 'styles', own?: string): string[] {
  const folio = path.join(packageDir, name);
  const project = path.resolve(own ?? path.join(root, name));
  return project !== folio && isFolder(project) ? [folio, project] : [folio];
}

/**
 * Every file of that name in the lookup folders, Folio's first.
 * @param folders from `lookupFolders`
 * @param file a file name (`compendium.css`)
 */
export function filesNamed(folders: readonly string[], file: string): string[] {
  return folders.map((f) => path.join(f, file)).filter((f) => existsSync(f));
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
