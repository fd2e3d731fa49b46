/** The `folio` command as a user runs it: arguments, output streams, exit codes. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const run = promisify(execFile);

async function folio(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin', 'folio.js'), ...args], { cwd: root, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('folio', () => {
  it('prints help with the exit codes', { timeout: 120_000 }, async () => {
    const r = await folio('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/folio build/);
    expect(r.stdout).toMatch(/Exit codes/);
    for (const cmd of ['build', 'normalize', 'check']) expect((await folio(cmd, '--help')).stdout).toMatch(new RegExp(`Usage: folio ${cmd}`));
  });

  it('refuses an unknown command or option with exit code 2', async () => {
    expect((await folio('publish')).code).toBe(2);
    const r = await folio('build', '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/colour/);
  });

  it('normalize prints Markdown on stdout and diagnostics on stderr, for any text file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
    const file = path.join(dir, 'note.txt');
    await writeFile(file, 'Une note\n\nPremier paragraphe de la note, écrit sur une seule ligne et terminé par un point.\n');
    const r = await folio('normalize', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('---\ntitle: Une note\n---\n\nPremier paragraphe de la note, écrit sur une seule ligne et terminé par un point.\n');
    expect(r.stderr).toMatch(/note\.txt:1:1: info: .*\[title\]/);
  });

  it('normalize on a missing file says so and exits with 1, without a stack trace', async () => {
    const r = await folio('normalize', 'no/such/file.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot read no\/such\/file\.txt: no such file/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('check lists the diagnostics of the corpus as file:line:column and exits with 0', async () => {
    const r = await folio('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sources\/[\w-]+\.txt:\d+:\d+: (info|warning): .+ \[[\w-]+\]$/m);
    expect(r.stdout).toMatch(/0 error\(s\)/);
  });

  it('check exits with 1 and names the line of an invalid manifest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
    const manifest = path.join(dir, 'm.yaml');
    await writeFile(manifest, 'title: T\nversion: 1 beta\ndate: 2026-11-21\npublisher: P\ndocuments: []\n');
    const r = await folio('check', '--manifest', manifest);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m\.yaml:2:\d+: error: version: expected a version such as 1\.0\.0/);
    expect(r.stderr).toMatch(/m\.yaml:5:\d+: error: documents: expected at least one entry/);
  });
});
