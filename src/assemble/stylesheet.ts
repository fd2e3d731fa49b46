/**
 * Bundles a stylesheet into one self-contained string: `@import`s are inlined (with their media,
 * supports and layer conditions, by `postcss-import`) and every `url()` (fonts, images) becomes a
 * `data:` URI, so the HTML needs no network and no file next to it. Fonts are inlined as woff2
 * only. A URL starting with a package name (`source-serif/…/font.css`) is resolved in
 * `node_modules` (the project's, then Folio's); any other relative URL, next to the file that
 * names it — and, for a project's stylesheet that imports a file the project does not have
 * (`./fonts.css` in a copy of Folio's), in Folio's own styles. Several stylesheets are bundled one
 * after the other, a file they share inlined once. A project's stylesheet reads only inside the
 * project and Folio's package: `url(/etc/passwd)` would otherwise publish that file in the HTML.
 *
 * PostCSS parses the CSS, so a `url()` or an `@import` inside a comment or a string is left alone;
 * the only hand-written part is the small plugin that inlines `url()`s, since the existing
 * plugins either copy files beside the output or cannot resolve package paths.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import postcss, { type Plugin } from 'postcss';
import postcssImport from 'postcss-import';
import valueParser from 'postcss-value-parser';
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
  /** Folio's own styles: where a relative `@import` the project does not have is read from. */
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
 * Bundles stylesheets one after the other, each self-contained; a file they share (Folio's
 * fonts, or a project's copy of it) is inlined once.
 * @param files the stylesheets, in cascade order (the last wins)
 * @throws FolioError (input) naming the stylesheet when a file it names is missing or outside
 *   the allowed folders
 */
export async function bundleStylesheets(files: readonly string[], options: BundleOptions = {}): Promise<string> {
  const seen = new Set<string>();
  // Each file's content once: an import already inlined (by path or by identical content) is empty.
  const load = async (filename: string, from?: string): Promise<string> => {
    const bytes = await readAsset(filename, from, options);
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(filename) || seen.has(digest)) return '';
    seen.add(filename).add(digest);
    return bytes.toString('utf8');
  };
  const parts: string[] = [];
  for (const file of files) {
    const from = path.resolve(file);
    const css = await load(from);
    const result = await postcss([
      postcssImport({ resolve: (id, basedir) => resolveAsset(id, basedir, options), load: (filename) => load(filename, from), skipDuplicates: false }),
      inlineUrls(options),
    ]).process(css, { from, map: false });
    parts.push(result.css);
  }
  return parts.join('\n');
}

/** PostCSS plugin: every `url()` of a declaration as a `data:` URI; woff fallbacks of woff2 fonts dropped. */
function inlineUrls(options: BundleOptions): Plugin {
  return {
    postcssPlugin: 'folio-inline-urls',
    async OnceExit(root) {
      const jobs: Promise<void>[] = [];
      root.walkDecls((decl) => {
        if (!decl.value.includes('url(')) return;
        const dir = path.dirname(decl.source?.input.file ?? root.source?.input.file ?? '.');
        const value = valueParser(decl.value);
        // Every browser Folio drives reads woff2: drop the woff fallbacks rather than inline both.
        if (decl.prop === 'src') dropWoffFallbacks(value);
        const urls: valueParser.FunctionNode[] = [];
        value.walk((node) => {
          if (node.type === 'function' && node.value === 'url') urls.push(node);
        });
        jobs.push(
          (async () => {
            for (const node of urls) {
              const url = node.nodes[0]?.value ?? '';
              if (!url || /^(data:|#|https?:)/.test(url)) continue;
              const target = resolveAsset(url, dir, options);
              const mime = mimeTypes[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
              const data = await readAsset(target, decl.source?.input.file, options);
              node.nodes = [{ type: 'string', quote: '"', value: `data:${mime};base64,${data.toString('base64')}`, sourceIndex: 0, sourceEndIndex: 0 } as valueParser.StringNode];
            }
            decl.value = value.toString();
          })(),
        );
      });
      await Promise.all(jobs);
    },
  };
}

/** Removes the `url(….woff) format("woff")` entries of a font's `src` list. */
function dropWoffFallbacks(value: valueParser.ParsedValue): void {
  const entries: valueParser.Node[][] = [[]];
  for (const node of value.nodes) {
    if (node.type === 'div' && node.value === ',') entries.push([]);
    else entries[entries.length - 1]!.push(node);
  }
  const isWoff = (entry: valueParser.Node[]): boolean =>
    entry.some((n) => n.type === 'function' && n.value === 'format' && n.nodes.some((a) => a.value === 'woff'));
  const kept = entries.filter((e) => !isWoff(e));
  if (kept.length === entries.length || !kept.length) return;
  const nodes: valueParser.Node[] = [];
  kept.forEach((entry, i) => {
    if (i) nodes.push({ type: 'div', value: ',', before: '', after: ' ', sourceIndex: 0, sourceEndIndex: 0 } as valueParser.DivNode);
    nodes.push(...trim(entry));
  });
  value.nodes = nodes;
}

function trim(nodes: valueParser.Node[]): valueParser.Node[] {
  let a = 0;
  let b = nodes.length;
  while (a < b && nodes[a]!.type === 'space') a++;
  while (b > a && nodes[b - 1]!.type === 'space') b--;
  return nodes.slice(a, b);
}

async function readAsset(file: string, from: string | undefined, options: BundleOptions): Promise<Buffer> {
  const by = from && from !== file ? ` named by ${displayPath(from)}` : '';
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
    if (options.fallbackDir && !clean.startsWith('/') && !existsSync(target)) {
      const own = path.resolve(options.fallbackDir, clean);
      if (existsSync(own)) return own;
    }
    return target;
  }
  const require = createRequire(path.join(dir, 'noop.js'));
  const [scopeOrName, ...rest] = clean.split('/');
  const pkgName = scopeOrName!.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName!;
  try {
    return path.join(path.dirname(require.resolve(`${pkgName}/package.json`, { paths: [dir, packageDir] })), ...rest);
  } catch {
    return path.resolve(dir, clean);
  }
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
