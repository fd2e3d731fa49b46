/**
 * Bundles a stylesheet into one self-contained string: `@import`s are inlined and every `url()`
 * (fonts, images) becomes a `data:` URI, so the HTML needs no network and no file next to it.
 * Fonts are inlined as woff2 only.
 * A URL starting with a package name (`source-serif/…/font.css`) is resolved in
 * `node_modules` (the project's, then Folio's); any other relative URL, next to the file that
 * names it — and, for a project's stylesheet that imports a file the project does not have, in
 * Folio's own styles. A project's stylesheet reads only inside the project and Folio's package:
 * `url(/etc/passwd)` would otherwise publish that file inside the HTML.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import { packageDir } from '../package.ts';
import { displayPath } from '../sources/load.ts';
import { isInside } from '../sources/read-source.ts';

const mimeTypes: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export interface BundleOptions {
  /** Folders a stylesheet may read from (its imports, fonts, images); default: anywhere. */
  confineTo?: readonly string[];
  /**
   * Folio's own styles: a relative `@import` of a project stylesheet that the project does not
   * have (`./fonts.css` in a copy of Folio's stylesheet) is read from here.
   */
  fallbackDir?: string;
}

/**
 * Reads a CSS file and inlines what it refers to.
 * @param file path of the main stylesheet
 * @returns the CSS, self-contained
 */
export async function bundleStylesheet(file: string, options: BundleOptions = {}): Promise<string> {
  return bundleStylesheets([file], options);
}

/**
 * Bundles stylesheets one after the other, each self-contained; a file imported by several of
 * them (Folio's fonts) is inlined once.
 * @param files the stylesheets, in cascade order (the last wins)
 * @throws FolioError (input) naming the stylesheet when a file it names is missing or outside
 *   the allowed folders
 */
export async function bundleStylesheets(files: readonly string[], options: BundleOptions = {}): Promise<string> {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const file of files) parts.push(await inline(path.resolve(file), seen, options, undefined));
  return parts.join('\n');
}

async function inline(file: string, seen: Set<string>, options: BundleOptions, from: string | undefined): Promise<string> {
  if (seen.has(file)) return '';
  seen.add(file);
  const bytes = await readAsset(file, from, options);
  // A project's copy of one of Folio's files (its fonts.css) is not inlined a second time.
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (seen.has(digest)) return '';
  seen.add(digest);
  // Every browser Folio drives reads woff2: drop the woff fallbacks rather than inline both.
  const css = bytes.toString('utf8').replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, '');
  const dir = path.dirname(file);
  const parts: string[] = [];
  let last = 0;
  const pattern = /@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;|url\(\s*(["']?)([^"')]+)\2\s*\)/g;
  for (const m of css.matchAll(pattern)) {
    parts.push(css.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      parts.push(await inline(resolveAsset(m[1], dir, options), seen, options, file));
    } else {
      const url = m[3]!;
      if (/^(data:|#|https?:)/.test(url)) {
        parts.push(m[0]);
        continue;
      }
      const target = resolveAsset(url, dir, options);
      const mime = mimeTypes[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
      const data = await readAsset(target, file, options);
      parts.push(`url("data:${mime};base64,${data.toString('base64')}")`);
    }
  }
  parts.push(css.slice(last));
  return parts.join('');
}

async function readAsset(file: string, from: string | undefined, options: BundleOptions): Promise<Buffer> {
  const by = from ? ` named by ${displayPath(from)}` : '';
  if (options.confineTo && !options.confineTo.some((root) => isInside(root, file))) {
    throw new FolioError(`The stylesheet file ${displayPath(file)}${by} is outside the project folder: copy it into the project.`, [], 'input');
  }
  try {
    return await readFile(file);
  } catch {
    throw new FolioError(`Cannot read the stylesheet file ${displayPath(file)}${by}: no such file. Check the path: it is relative to the file that names it.`, [], 'input');
  }
}

function resolveAsset(url: string, dir: string, options: BundleOptions): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!);
  if (clean.startsWith('.') || clean.startsWith('/')) {
    const target = path.resolve(dir, clean);
    if (options.fallbackDir && !existsSync(target) && !clean.startsWith('/')) {
      const own = path.resolve(options.fallbackDir, clean);
      if (existsSync(own)) return own;
    }
    return target;
  }
  const require = createRequire(path.join(dir, 'noop.js'));
  const [scopeOrName, ...rest] = clean.split('/');
  const pkgName = scopeOrName!.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName!;
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${pkgName}/package.json`, { paths: [dir, packageDir] });
  } catch {
    return path.resolve(dir, clean);
  }
  return path.join(path.dirname(pkgJson), ...rest);
}

/**
 * Adds a stylesheet after the document's own, so its rules win at equal specificity (a booklet's
 * `@page` size over the compendium's).
 * @throws Error when the HTML has no `</head>` to put it in
 */
export function appendStylesheet(html: string, css: string): string {
  const end = html.search(/<\/head\s*>/i);
  if (end < 0) throw new Error('The HTML has no </head>: the template must have a <head> for the booklet stylesheet.');
  return `${html.slice(0, end)}<style>\n${css}\n</style>\n${html.slice(end)}`;
}
