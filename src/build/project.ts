/**
 * Where Folio finds its own files: its version, and the default templates and styles, which a
 * project can override with its own `templates/` and `styles/` folders.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of Folio's package (where its package.json is). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folio's version, from its package.json. */
export const folioVersion: string = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/** `dir/name` when it exists, else Folio's own `name` folder. */
export function projectFolder(name: 'templates' | 'styles', dir = process.cwd()): string {
  const local = path.resolve(dir, name);
  return existsSync(local) ? local : path.join(packageDir, name);
}
