/**
 * A newcomer's first hour and input that cannot hurt, through the command line (in-process, no
 * browser): `folio init`, minimal manifests, JSON diagnostics, `--errors-only`, control
 * characters kept off the terminal, a user's broken template or alias bomb reported as the
 * user's error with its file and line — never a stack trace, never "bug in Folio".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/sources/manifest.ts';
import { folio } from '../helpers/folio.ts';
import { makeProject } from '../helpers/project.ts';

const repository = path.join(import.meta.dirname, '..', '..');
const text = 'Une note de la commune\n\nLe conseil a décidé de rénover la halle du marché avant l’hiver prochain, pour la somme prévue au budget.\n';

const project = (manifest: string, files: Record<string, string | Uint8Array> = { 'a.txt': text }): Promise<string> => makeProject(manifest, files);

function userError(r: { stdout: string; stderr: string }): void {
  expect(r.stderr + r.stdout).not.toMatch(/bug in Folio|internal error|\n\s+at .*:\d+:\d+/);
}

describe('folio init', () => {
  it('makes a project that checks without an error, named after its folder', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'folio-init-'));
    const dir = path.join(parent, 'eau-potable');
    const r = await folio('init', dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/created .*compendium\.yaml.*\.gitignore.*textes\/exemple\.txt/);
    expect(r.stderr).toMatch(/folio build .*eau-potable/);
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'compendium.yaml', 'textes']);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('output/\n');
    const manifest = await readFile(path.join(dir, 'compendium.yaml'), 'utf8');
    expect(manifest).toMatch(/^# /);
    expect(parseManifest(manifest, 'compendium.yaml', { today: '2026-01-01' }).manifest).toMatchObject({ title: 'Eau potable', documents: [{ file: 'textes/exemple.txt' }] });
    const check = await folio('check', dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });

  it('never overwrites a file, and takes a title', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-init-'));
    expect((await folio('init', dir, '--title', 'Dossier « test » : premier')).code).toBe(0);
    expect(await readFile(path.join(dir, 'compendium.yaml'), 'utf8')).toContain('title: "Dossier « test » : premier"');
    await writeFile(path.join(dir, 'compendium.yaml'), 'title: mine\ndocuments: [a.txt]\n');
    const again = await folio('init', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds .*compendium\.yaml.*nothing was written/);
    expect(await readFile(path.join(dir, 'compendium.yaml'), 'utf8')).toBe('title: mine\ndocuments: [a.txt]\n');
  });
});

describe('folio check', () => {
  it('takes a project folder and shows paths from where it runs', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n');
    const r = await folio('check', dir);
    expect(r.code).toBe(0);
    const shown = path.relative(process.cwd(), path.join(dir, 'a.txt'));
    expect(r.stdout).toContain(`${shown}:1:1: info:`);
  });

  it('gives machine-readable diagnostics with --format json, with each rule’s description', async () => {
    const dir = await project('title: T\ndocuments: [a.txt, vide.txt]\n', { 'a.txt': text, 'vide.txt': '' });
    const r = await folio('check', dir, '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; project: string; counts: Record<string, number>; diagnostics: Record<string, unknown>[] };
    expect(report.ok).toBe(true);
    expect(report.project).toBe(dir);
    expect(report.counts.warning).toBe(1);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'vide.txt', line: 1, column: 1, rule: 'empty-source', severity: 'warning', source: 'read', description: expect.stringMatching(/holds no text/), doc: expect.stringMatching(/^README\.md#/) }),
    );
  });

  it('gives the errors of an invalid manifest as JSON too, with exit code 1', async () => {
    const dir = await project('title: T\ntitre: X\ndocuments: [a.txt]\n');
    const r = await folio('check', dir, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; error: string; diagnostics: { line: number; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^titre: unknown key\. Did you mean `title:`/) });
  });

  it('prints errors only with --errors-only', async () => {
    const long = `Un titre\n\n${Array.from({ length: 30 }, () => 'Une ligne de texte coupée').join('\n')}\n`;
    const dir = await project('title: T\nmaxLineLength: 200\ndocuments: [a.txt, b.txt]\n', { 'a.txt': long, 'b.txt': Uint8Array.from([...Buffer.from('Un titre\n\nd'), 0xe9, ...Buffer.from('fense et é\n')]) });
    const all = await folio('check', dir);
    expect(all.stdout).toMatch(/warning: /);
    const errors = await folio('check', dir, '--errors-only');
    expect(errors.code).toBe(1);
    const lines = errors.stdout.trim().split('\n');
    expect(lines.slice(0, -1).every((l) => /: error: /.test(l))).toBe(true);
    expect(lines.join('\n')).toMatch(/a\.txt:3:1: error: The paragraph starting here is \d+ characters long/);
  });

  it('never sends a source’s control characters to the terminal', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'a.txt': 'Titre\x1b]0;piège\x07\n\nUne phrase\x1b[2J\x1b[H avec un effacement d’écran, puis la suite du texte.\n' });
    const r = await folio('check', dir);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toMatch(/a\.txt:1:6: warning: A terminal escape sequence \(ESC \] 0 ; .*\) was removed: it is not text\. \[control-character\]/);
    expect(r.stdout).toMatch(/a\.txt:3:11: warning: .*\[control-character\]/);
  });

  it('refuses a javascript: link and an impossible date, at their lines', async () => {
    const dir = await project('title: T\ndate: 2026-02-31\ndocuments:\n  - file: a.txt\n    url: "javascript:alert(1)"\n');
    const r = await folio('check', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/compendium\.yaml:2:7: error: date: expected a day of the calendar \(February 2026 has 28 days\)/);
    expect(r.stderr).toMatch(/compendium\.yaml:5:10: error: documents\[0\]\.url: expected a web address starting with https:/);
  });

  it('reports a YAML alias bomb as the user’s error', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i, all) => `${k}: &${k} [${Array(10).fill(`*${i ? all[i - 1] : 'a'}`).join(', ')}]`)];
    const dir = await project(`title: T\n${levels.join('\n')}\ndocuments: [a.txt]\n`);
    const r = await folio('check', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/repeats its aliases/);
  });

  it('names a source outside the project and exits with 1', async () => {
    const dir = await project('title: T\ndocuments: [../../../../../../etc/passwd]\n');
    const r = await folio('check', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/compendium\.yaml:2:\d+: error: documents\[0\]: cannot read .*etc\/passwd: it is outside the project folder/);
  });

  it('names an editors’ glossary outside the project', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'folio-outside-'));
    await writeFile(path.join(outside, 'glossaire.yaml'), '- term: ASF\n  expansion: Agence spatiale fictive\n');
    const dir = await project(`title: T\nglossary: ${path.join(outside, 'glossaire.yaml')}\ndocuments: [a.txt]\n`);
    const r = await folio('check', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/Cannot read the editors' glossary .*glossaire\.yaml named by the manifest's `glossary:` key: it is outside the project folder.*allowOutside: true/);
  });
});

describe('folio build, before printing', () => {
  it('reports a template syntax error with the template’s file and line, and leaves the outputs', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'a.txt': text, 'templates/cover.hbs': '<section>\n{{#if edition.title}}\n<h1>{{edition.title}}</h1>\n', 'output/compendium.pdf': 'previous' });
    const r = await folio('build', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/templates\/cover\.hbs:\d+:1: error: Handlebars syntax error in cover\.hbs: .*\[template\]/);
    expect(await readdir(path.join(dir, 'output'))).toEqual(['compendium.pdf']);
    expect(await readFile(path.join(dir, 'output', 'compendium.pdf'), 'utf8')).toBe('previous');
  });

  it('names a partial that does not exist', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'a.txt': text, 'templates/cover.hbs': '<section>\n  {{> bandeau}}\n</section>\n' });
    const r = await folio('build', dir);
    expect(r.code).toBe(1);
    userError(r);
    expect(r.stderr).toMatch(/templates\/cover\.hbs:2:3: error: cover\.hbs includes \{\{> bandeau\}\}, but there is no template bandeau\.hbs/);
  });

  it('says at once, with exit code 3, that an output folder which is a file cannot be made', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'a.txt': text, output: 'a file, not a folder' });
    const r = await folio('build', dir, '--archive', path.join(dir, 'archive'));
    expect(r.code).toBe(3);
    userError(r);
    expect(r.stderr).toMatch(/Cannot write the outputs into .*output: a file of that name is in the way/);
    expect(await readdir(dir)).not.toContain('archive');
  });
});

describe('folio normalize -', () => {
  it('reads the standard input', { timeout: 120_000 }, async () => {
    const child = execFile(process.execPath, [path.join(repository, 'bin', 'folio.js'), 'normalize', '-'], { cwd: os.tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: string) => (stdout += d));
    child.stderr!.on('data', (d: string) => (stderr += d));
    child.stdin!.end('Un titre lu\n\nUn texte venu de l’entrée standard\x1b[2J, sur une ligne.\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toBe('---\ntitle: Un titre lu\n---\n\nUn texte venu de l’entrée standard, sur une ligne.\n');
    expect(stderr).toMatch(/<stdin>:3:35: warning: A terminal escape sequence/);
    expect(stderr).not.toContain('\x1b');
  });
});
