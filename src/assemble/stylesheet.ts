/**
 * Bundles a stylesheet into one self-contained string: `@import`s are inlined and every `url()`
 * (fonts, images) becomes a `data:` URI, so the HTML needs no network and no file next to it.
 * Fonts are inlined as woff2 only.
 * A URL starting with a package name (`source-serif/…/font.css`) is resolved in
 * `node_modules`; any other relative URL, next to the file that names it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

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

/**
 * Reads a CSS file and inlines what it refers to.
 * @param file path of the main stylesheet
 * @returns the CSS, self-contained
 */
export async function bundleStylesheet(file: string): Promise<string> {
  return inline(path.resolve(file), new Set());
}

async function inline(file: string, seen: Set<string>): Promise<string> {
  if (seen.has(file)) return '';
  seen.add(file);
  // Every browser Folio drives reads woff2: drop the woff fallbacks rather than inline both.
  const css = (await readFile(file, 'utf8')).replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, '');
  const dir = path.dirname(file);
  const parts: string[] = [];
  let last = 0;
  const pattern = /@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;|url\(\s*(["']?)([^"')]+)\2\s*\)/g;
  for (const m of css.matchAll(pattern)) {
    parts.push(css.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      parts.push(await inline(resolveAsset(m[1], dir), seen));
    } else {
      const url = m[3]!;
      if (/^(data:|#|https?:)/.test(url)) {
        parts.push(m[0]);
        continue;
      }
      const target = resolveAsset(url, dir);
      const mime = mimeTypes[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
      const data = await readFile(target);
      parts.push(`url("data:${mime};base64,${data.toString('base64')}")`);
    }
  }
  parts.push(css.slice(last));
  return parts.join('');
}

function resolveAsset(url: string, dir: string): string {
  const clean = url.split(/[?#]/)[0]!;
  if (clean.startsWith('.') || clean.startsWith('/')) return path.resolve(dir, clean);
  const require = createRequire(path.join(dir, 'noop.js'));
  const [scopeOrName, ...rest] = clean.split('/');
  const pkgName = scopeOrName!.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName!;
  const pkgJson = require.resolve(`${pkgName}/package.json`, { paths: [dir, process.cwd()] });
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
