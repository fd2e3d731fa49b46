/**
 * Where a build finds the templates and styles: a project can override Folio's own with its
 * `templates/` and `styles/` folders.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageDir } from '../package.ts';

export { folioVersion, packageDir } from '../package.ts';

/** `dir/name` when it exists, else Folio's own `name` folder. */
export function projectFolder(name: 'templates' | 'styles', dir = process.cwd()): string {
  const local = path.resolve(dir, name);
  return existsSync(local) ? local : path.join(packageDir, name);
}
