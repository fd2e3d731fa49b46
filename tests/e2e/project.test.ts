/**
 * A newcomer's project, end to end, with the real command and a real browser: `folio init`,
 * then `folio build` from two different folders gives the same bytes; a build stopped by
 * SIGTERM, SIGINT or SIGHUP closes its browser, removes its profile, leaves the previous outputs
 * and says so in one line; a Folio killed by SIGKILL takes its browser with it. Browser
 * processes are found by the process tree, never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepStaleProfiles } from '../../src/render/browser.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { alive, descendants, until } from '../helpers/processes.ts';

const repository = path.join(import.meta.dirname, '..', '..');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], cwd: string): { child: ChildProcess; done: Promise<Ended> } {
  const child = spawn(process.execPath, [path.join(repository, 'bin', 'folio.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name)));
  }
  return out;
}

/**
 * An output as compared between two builds: its bytes — except for the one thing in them that
 * is not the project's: Chrome stamps the clock as /CreationDate and /ModDate in the PDFs Folio
 * does not finish itself (the booklet, the handouts), inside compressed object streams. Those
 * PDFs are compared stream by stream, inflated, with the two dates masked (and without the
 * cross-reference streams, whose offsets move with them); every other byte, paths included,
 * must be the same.
 */
function comparable(name: string, bytes: Buffer): Buffer {
  if (!name.endsWith('.pdf') || name === 'compendium.pdf') return bytes;
  const streams: string[] = [];
  for (const m of bytes.toString('latin1').matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    // A cross-reference stream holds byte offsets, which move with the dates' lengths.
    if (/\/Type\s*\/XRef/.test(m[1]!)) continue;
    let body = m[2]!;
    try {
      body = inflateSync(Buffer.from(body, 'latin1')).toString('latin1');
    } catch {
      // not compressed
    }
    const clock = (t: string): string => t.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '/$1 (D:clock)');
    streams.push(clock(m[1]!.replace(/\/Length \d+/, '')), clock(body));
  }
  return Buffer.from(streams.join('\n---\n'), 'latin1');
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [name, bytes] of a) expect(comparable(name, b.get(name)!).equals(comparable(name, bytes)), name).toBe(true);
}

async function profilesOf(pid: number): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((n) => n.startsWith(`folio-chrome-${pid}-`));
}

/** Starts a build and waits until its browser runs; returns the browser's processes. */
async function buildUntilPrinting(dir: string): Promise<{ child: ChildProcess; done: Promise<Ended>; browser: number[] }> {
  const { child, done } = start(['build', dir], os.tmpdir());
  const printing = await until(async () => (await profilesOf(child.pid!)).length > 0 && descendants(child.pid!).length >= 3, 240_000, 200);
  expect(printing, 'the build never started its browser').toBe(true);
  return { child, done, browser: descendants(child.pid!) };
}

describe.skipIf(!browserAvailable())('a project made by folio init', () => {
  let dir: string;
  let first: Map<string, Buffer>;

  beforeAll(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-')), 'mon-dossier');
    const init = await start(['init', dir], os.tmpdir()).done;
    expect(init.code).toBe(0);
    const built = await start(['build'], dir).done;
    expect(built.stderr).not.toMatch(/error|bug in Folio/i);
    expect(built.code).toBe(0);
    first = await files(path.join(dir, 'output'));
  }, 600_000);

  it('builds into its own output/ folder', () => {
    expect([...first.keys()].sort()).toEqual(['compendium-booklet.pdf', 'compendium.html', 'compendium.json', 'compendium.pdf', 'handouts/exemple.pdf', 'normalized/exemple.md', 'repairs.html']);
    expect(first.get('normalized/exemple.md')!.toString()).toMatch(/^---\ntitle: Note sur l’eau des fontaines publiques\nsource: textes\/exemple\.txt\n/);
  });

  it('gives the same bytes when built from another folder', { timeout: 600_000 }, async () => {
    const saved = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-saved-'));
    await cp(path.join(dir, 'output'), saved, { recursive: true });
    const again = await start(['build', path.relative(os.homedir(), dir), '--format', 'json', '--quiet'], os.homedir()).done;
    expect(again.code).toBe(0);
    // With --format json, the diagnostics and the files written are on stdout.
    const report = JSON.parse(again.stdout) as { ok: boolean; outDir: string; written: string[]; diagnostics: { rule: string; description: string }[] };
    expect(report).toMatchObject({ ok: true, outDir: path.join(dir, 'output') });
    expect(report.written).toContain('compendium.pdf');
    expect(report.diagnostics.length).toBeGreaterThan(0);
    for (const d of report.diagnostics) expect(d.description, d.rule).toBeTruthy();
    const second = await files(path.join(dir, 'output'));
    same(first, second);
    first = second;
  });

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const) {
    it(`stops cleanly on ${signal}: browser closed, profile removed, previous outputs intact`, { timeout: 600_000 }, async () => {
      const { child, done, browser } = await buildUntilPrinting(dir);
      child.kill(signal);
      const result = await done;
      expect(result.code).toBe(code);
      const last = result.stderr.trim().split('\n').pop()!;
      expect(last).toMatch(new RegExp(`^folio: stopped by ${signal}.*the browser was closed and nothing was written; the previous outputs are as they were\\.$`));
      expect(result.stderr).not.toMatch(/bug in Folio|internal error/);
      expect(await until(() => browser.every((p) => !alive(p)), 10_000)).toBe(true);
      expect(await profilesOf(child.pid!)).toEqual([]);
      const after = await files(path.join(dir, 'output'));
      for (const [name, bytes] of first) expect(after.get(name)!.equals(bytes), `${name} was replaced`).toBe(true);
      expect((await readdir(path.join(dir, 'output'))).filter((n) => n.startsWith('.'))).toEqual([]);
    });
  }

  it('takes its browser with it when killed by SIGKILL, and the next launch sweeps the profile', { timeout: 600_000 }, async () => {
    const { child, done, browser } = await buildUntilPrinting(dir);
    child.kill('SIGKILL');
    await done;
    expect(await until(() => browser.every((p) => !alive(p)), 15_000)).toBe(true);
    expect(await profilesOf(child.pid!)).toHaveLength(1);
    await sweepStaleProfiles();
    expect(await profilesOf(child.pid!)).toEqual([]);
    const after = await files(path.join(dir, 'output'));
    for (const [name, bytes] of first) expect(after.get(name)!.equals(bytes), `${name} was replaced`).toBe(true);
  });
});
