/**
 * The print benchmark of issue 12: Folio against bare Chrome on the same HTML, at several sizes of
 * the corpus, in one run. Prints numbers; asserts nothing (timings do not belong in tests).
 *
 *   npm run bench -- [--scales 1,20] [--runs 1] [--others] [--keep DIR]
 *
 * For each scale N, a temporary project holds the corpus's sources repeated N times (each copy a
 * document of its own). Then, each as its own process, timed from start to exit, with the peak
 * memory of its process tree (PSS, from /proc, Chromium included):
 * - bare Chrome: puppeteer-core launches Chromium, loads Folio's own `compendium.html` of that
 *   project and prints it in one go, tagged, with an outline (`scratch` script below);
 * - `folio build --only pdf` (the compiled CLI, `node bin/folio.js`), which takes the repairs of
 *   the `--only html` build made first (the same sources), and `--only pdf --fresh`, which repairs again;
 * - `folio build` (HTML, PDF, booklet, handouts);
 * - after the runs, once one source changed (the middle document gets a paragraph): `--only pdf`,
 *   then (one sentence more) the whole build — what a user waits for after an edit;
 * - with `--others`, at the smallest scale: pagedjs-cli (installed once from the npm registry
 *   into a cache folder, without the browser it would download, and run on the installed
 *   Chromium) and WeasyPrint, on the same HTML.
 * Runs alternate (bare, folio, build, bare, …) so that a busy machine slows them alike; with
 * `--runs` > 1 the medians are shown. The ratios to bare Chrome of the same run are what count.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { resolveBrowser } from '../src/render/browser.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,20' },
    runs: { type: 'string', default: '1' },
    others: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const root = path.join(import.meta.dirname, '..');
const scales = values.scales.split(',').map(Number).filter((n) => n >= 1);
const runs = Math.max(1, Number(values.runs));
const chrome = resolveBrowser();

if (!existsSync(path.join(root, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'compile'], { cwd: root, stdio: 'inherit' });

/** A project with the corpus's documents repeated `times` times. */
async function repeatedProject(times: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `folio-bench-x${times}-`));
  const from = path.join(root, 'sources');
  const to = path.join(dir, 'sources');
  await mkdir(to, { recursive: true });
  const manifest = YAML.parse(await readFile(path.join(from, 'compendium.yaml'), 'utf8')) as { documents: { file: string; id?: string }[] };
  for (const name of readdirSync(from)) if (name !== 'compendium.yaml') await copyFile(path.join(from, name), path.join(to, name));
  const documents: { file: string; id?: string }[] = [];
  for (let k = 1; k <= times; k++) {
    for (const d of manifest.documents) {
      if (k === 1) {
        documents.push(d);
        continue;
      }
      const file = d.file.replace(/\.txt$/, `-x${k}.txt`);
      await copyFile(path.join(from, d.file), path.join(to, file));
      documents.push({ ...d, file, id: `${path.basename(d.file, '.txt')}-x${k}` });
    }
  }
  await writeFile(path.join(to, 'compendium.yaml'), YAML.stringify({ ...manifest, documents }));
  return dir;
}

/** The PSS of a process and all its descendants, in bytes (0 when /proc is not there). */
function treePss(pid: number): number {
  let children: Map<number, number[]>;
  try {
    children = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

interface Measure {
  seconds: number;
  peakBytes: number;
  ok: boolean;
  output: string;
}

/** Runs a command to its end, sampling the memory of its process tree. */
function measure(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Measure> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treePss(child.pid!))), 150);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, ok: code === 0, output });
    });
  });
}

/** Bare Chrome: one print of the whole HTML, tagged, with outline (what Folio is measured against). */
const bareScript = `
import puppeteer from 'puppeteer-core';
import { readFileSync, writeFileSync } from 'node:fs';
const [, , chrome, html, out] = process.argv;
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'], protocolTimeout: 0 });
const page = await browser.newPage();
await page.setContent(readFileSync(html, 'utf8'), { waitUntil: 'load', timeout: 0 });
writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 }));
await browser.close();
`;

/** pagedjs-cli, installed (not timed) on first use, printing with the installed Chromium. */
async function pagedjs(html: string, out: string, cwd: string): Promise<Measure> {
  const dir = path.join(os.tmpdir(), 'folio-bench-pagedjs');
  const bin = path.join(dir, 'node_modules', '.bin', 'pagedjs-cli');
  if (!existsSync(bin)) {
    await mkdir(dir, { recursive: true });
    const install = await measure('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', 'pagedjs-cli@0.4'], dir, { PUPPETEER_SKIP_DOWNLOAD: '1' });
    if (!install.ok) return install;
  }
  return measure(bin, [html, '-o', out, '--browserArgs', '--no-sandbox'], cwd, { PUPPETEER_EXECUTABLE_PATH: chrome });
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const pages = (file: string): number => {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

const folio = path.join(root, 'bin', 'folio.js');
const bare = path.join(root, 'scratch', 'bench-bare-chrome.mjs');
await mkdir(path.dirname(bare), { recursive: true });
await writeFile(bare, bareScript);

const help = await measure(process.execPath, [folio, '--help'], root);
const node = await measure(process.execPath, ['-e', '0'], root);
console.log(`Folio benchmark — ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${execFileSync(chrome, ['--version'], { encoding: 'utf8' }).trim()}`);
console.log(`folio --help: ${help.seconds.toFixed(2)} s (node -e 0: ${node.seconds.toFixed(2)} s)\n`);

const rows: { scale: number; pages: number; bare: number; pdf: number; fresh: number; build: number; pdfPeak: number; buildPeak: number; barePeak: number; editPdf: number; editBuild: number }[] = [];
for (const scale of scales) {
  const project = await repeatedProject(scale);
  const out = path.join(project, 'output');
  const env = { SOURCE_DATE_EPOCH: '' };
  const prepare = await measure(process.execPath, [folio, 'build', '--only', 'html', '--out', out], project, env);
  if (!prepare.ok) throw new Error(`folio build --only html failed at ×${scale}:\n${prepare.output}`);
  const html = path.join(out, 'compendium.html');
  const times = { bare: [] as number[], pdf: [] as number[], fresh: [] as number[], build: [] as number[] };
  const peaks = { bare: 0, pdf: 0, fresh: 0, build: 0 };
  for (let run = 1; run <= runs; run++) {
    const b = await measure(process.execPath, [bare, chrome, html, path.join(project, 'bare.pdf')], path.join(root, 'scratch'));
    const p = await measure(process.execPath, [folio, 'build', '--only', 'pdf', '--out', out, '--quiet'], project, env);
    const f = await measure(process.execPath, [folio, 'build', '--only', 'pdf', '--out', out, '--quiet', '--fresh'], project, env);
    const w = await measure(process.execPath, [folio, 'build', '--out', path.join(project, 'whole'), '--quiet'], project, env);
    for (const [name, m] of [['bare', b], ['pdf', p], ['fresh', f], ['build', w]] as const) {
      if (!m.ok) throw new Error(`${name} failed at ×${scale}:\n${m.output}`);
      times[name].push(m.seconds);
      peaks[name] = Math.max(peaks[name], m.peakBytes);
    }
    console.log(`×${scale} run ${run}: bare Chrome ${b.seconds.toFixed(1)} s, folio --only pdf ${p.seconds.toFixed(1)} s (--fresh ${f.seconds.toFixed(1)} s), folio build ${w.seconds.toFixed(1)} s`);
  }
  // What a user waits for after changing one source: the middle document gets a paragraph more
  // (its part is laid out again, and every number after it moves); the other parts' layouts are
  // remembered from the builds above.
  const manifest = YAML.parse(await readFile(path.join(project, 'sources', 'compendium.yaml'), 'utf8')) as { documents: { file: string }[] };
  const edited = path.join(project, 'sources', manifest.documents[Math.floor(manifest.documents.length / 2)]!.file);
  await writeFile(edited, (await readFile(edited, 'utf8')) + '\n\nUn paragraphe ajouté par le banc d’essai, pour voir ce que coûte une modification d’une seule source : quelques lignes de plus, qui décalent les pages de tout ce qui suit.\n');
  const editedPdf = await measure(process.execPath, [folio, 'build', '--only', 'pdf', '--out', out, '--quiet'], project, env);
  await writeFile(edited, (await readFile(edited, 'utf8')) + '\nEt une phrase encore.\n');
  const editedBuild = await measure(process.execPath, [folio, 'build', '--out', path.join(project, 'whole'), '--quiet'], project, env);
  for (const [name, m] of [['--only pdf after an edit', editedPdf], ['build after an edit', editedBuild]] as const) if (!m.ok) throw new Error(`${name} failed at ×${scale}:\n${m.output}`);
  console.log(`×${scale} after one source changed: folio --only pdf ${editedPdf.seconds.toFixed(1)} s, folio build ${editedBuild.seconds.toFixed(1)} s`);
  const row = { scale, pages: pages(path.join(out, 'compendium.pdf')), bare: median(times.bare), pdf: median(times.pdf), fresh: median(times.fresh), build: median(times.build), pdfPeak: peaks.pdf, buildPeak: Math.max(peaks.build, editedBuild.peakBytes), barePeak: peaks.bare, editPdf: editedPdf.seconds, editBuild: editedBuild.seconds };
  rows.push(row);

  if (values.others && scale === scales[0]) {
    const weasy = await measure('weasyprint', [html, path.join(project, 'weasyprint.pdf')], project);
    console.log(`×${scale} WeasyPrint: ${weasy.ok ? `${weasy.seconds.toFixed(1)} s (${(weasy.seconds / row.bare).toFixed(2)}× bare Chrome)` : `failed: ${weasy.output.split('\n')[0]}`}`);
    const paged = await pagedjs(html, path.join(project, 'pagedjs.pdf'), project);
    console.log(`×${scale} pagedjs-cli: ${paged.ok ? `${paged.seconds.toFixed(1)} s (${(paged.seconds / row.bare).toFixed(2)}× bare Chrome)` : `failed: ${(paged.output.split('\n').find((l) => /Error|Exception/.test(l)) ?? paged.output.trim().split('\n').slice(-1)[0])!.trim()}`}`);
  }
  if (values.keep) console.log(`×${scale} project kept in ${project}`);
  else await rm(project, { recursive: true, force: true });
}

console.log('\n--only pdf and the whole build take the repairs of the --only html build before them (same sources: `build-cache.ts`); --fresh repairs again. In run 1, --only pdf lays every part out for the first time; "after an edit" is a rebuild once one source changed (its repairs and its part done again, the other parts\' layouts remembered).');
console.log('| scale | pages | bare Chrome | --only pdf | ratio | --only pdf --fresh | ratio | whole build | ratio | --only pdf after an edit | ratio | build after an edit | ratio | peak --only pdf | peak build | peak bare |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const x = (t: number): string => `${(t / r.bare).toFixed(2)}×`;
  console.log(`| ×${r.scale} | ${r.pages} | ${r.bare.toFixed(1)} s | ${r.pdf.toFixed(1)} s | ${x(r.pdf)} | ${r.fresh.toFixed(1)} s | ${x(r.fresh)} | ${r.build.toFixed(1)} s | ${x(r.build)} | ${r.editPdf.toFixed(1)} s | ${x(r.editPdf)} | ${r.editBuild.toFixed(1)} s | ${x(r.editBuild)} | ${gb(r.pdfPeak)} | ${gb(r.buildPeak)} | ${gb(r.barePeak)} |`);
}
if (rows.length > 1) {
  const [first] = rows;
  console.log('\nGrowth from the first scale (seconds per page, relative): ' + rows.map((r) => `×${r.scale}: pdf ${((r.pdf / r.pages) / (first!.pdf / first!.pages)).toFixed(2)}, build ${((r.build / r.pages) / (first!.build / first!.pages)).toFixed(2)}, bare ${((r.bare / r.pages) / (first!.bare / first!.pages)).toFixed(2)}`).join('; '));
}
