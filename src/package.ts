/**
 * Facts about Folio's own package: where it is installed and its version. A leaf module: every
 * stage may read it, it imports nothing of Folio's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of Folio's package (where its package.json is). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folio's version, from its package.json. */
export const folioVersion: string = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
