/**
 * `folio build --only`: what is not asked for is not made, and its files are left as they were.
 * The HTML needs no browser, so these run everywhere.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { build } from '../../src/pipeline/build.ts';
import { folio } from '../helpers/folio.ts';

async function project(): Promise<{ manifestPath: string; out: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-only-'));
  await writeFile(path.join(dir, 'note.txt'), 'Une note de service\n\nPremier paragraphe de la note, écrit sur une seule ligne et terminé par un point.\n');
  await writeFile(path.join(dir, 'compendium.yaml'), 'title: Édition de test\nversion: 1.0.0\ndate: 2026-11-21\npublisher: Éditeur\ndocuments:\n  - file: note.txt\n    title: Une note de service\n    kind: communiqué\n');
  const out = path.join(dir, 'output');
  await mkdir(path.join(out, 'handouts'), { recursive: true });
  await writeFile(path.join(out, 'compendium.pdf'), 'previous PDF');
  await writeFile(path.join(out, 'handouts', 'old.pdf'), 'previous handout');
  return { manifestPath: path.join(dir, 'compendium.yaml'), out };
}

describe('build --only', () => {
  it('builds only the HTML edition and its companions, and leaves the PDFs of an earlier build as they were', async () => {
    const { manifestPath, out } = await project();
    const result = await build({ manifestPath, outDir: out, only: new Set(['html']) });
    expect((await readdir(out)).sort()).toEqual(['compendium.html', 'compendium.json', 'compendium.pdf', 'handouts', 'normalized', 'repairs.html']);
    expect(await readFile(path.join(out, 'compendium.pdf'), 'utf8')).toBe('previous PDF');
    expect(await readdir(path.join(out, 'handouts'))).toEqual(['old.pdf']);
    expect(result.written.map((f) => path.relative(out, f)).sort()).toEqual(['compendium.html', 'compendium.json', 'normalized/note.md', 'repairs.html']);
    // Without a PDF, the edition model has no page numbers.
    const model = JSON.parse(await readFile(path.join(out, 'compendium.json'), 'utf8'));
    expect(model.toc.every((e: { page?: number }) => e.page === undefined)).toBe(true);
  });

  it('refuses to archive a partial build', async () => {
    const { manifestPath, out } = await project();
    const error = await build({ manifestPath, outDir: out, only: new Set(['html']), archiveDir: path.join(out, '..', 'archive') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as Error).message).toMatch(/every output/);
  });

  it('is a usage error (exit code 2) with an unknown output, or with --archive', async () => {
    const unknown = await folio('build', '--only', 'pdf,epub');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--only takes a comma-separated list among html, pdf, booklet, handouts, not "epub"/);
    const archive = await folio('build', '--only', 'pdf', '--archive', 'somewhere');
    expect(archive.code).toBe(2);
    expect(archive.stderr).toMatch(/--archive stores every output/);
  });
});
