/**
 * Bundles a stylesheet into one self-contained string: `@import`s are inlined (with their media,
 * supports and layer conditions, by `postcss-import`) and every `url()` (fonts, images) becomes a
 * `data:` URI, so the HTML needs no network and no file next to it. Fonts are inlined as woff2
 * only. A URL starting with a package name (`source-serif/…/font.css`) is resolved in
 * `node_modules`; any other relative URL, next to the file that names it.
 *
 * PostCSS parses the CSS, so a `url()` or an `@import` inside a comment or a string is left alone;
 * the only hand-written part is the small plugin that inlines `url()`s, since the existing
 * plugins either copy files beside the output or cannot resolve package paths.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import postcss, { type Plugin } from 'postcss';
import postcssImport from 'postcss-import';
import valueParser from 'postcss-value-parser';

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
  const from = path.resolve(file);
  const css = await readFile(from, 'utf8');
  const result = await postcss([postcssImport({ resolve: (id, basedir) => resolveAsset(id, basedir) }), inlineUrls()]).process(css, { from, map: false });
  return result.css;
}

/** PostCSS plugin: every `url()` of a declaration as a `data:` URI; woff fallbacks of woff2 fonts dropped. */
function inlineUrls(): Plugin {
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
              const target = resolveAsset(url, dir);
              const mime = mimeTypes[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
              node.nodes = [{ type: 'string', quote: '"', value: `data:${mime};base64,${(await readFile(target)).toString('base64')}`, sourceIndex: 0, sourceEndIndex: 0 } as valueParser.StringNode];
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
