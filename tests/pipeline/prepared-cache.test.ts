/**
 * A rebuild of the same sources takes the repairs and the extraction of the last build, and gives
 * the same edition; a changed source, manifest or editors' glossary, or `cache: false`, repairs
 * afresh. Each test has a cache folder of its own.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareEdition, type ProgressEvent } from '../../src/pipeline/build.ts';
import { makeProject } from '../helpers/project.ts';

const text = 'Le rapport annuel\n\nLa commission a rendu son avis le 3 mars 2031. Le Bureau\ndes normes (BDN) en prend acte.\n';
const manifest = 'title: T\ndocuments: [a.txt]\n';

const saved = process.env.FOLIO_CACHE_DIR;
beforeEach(async () => {
  process.env.FOLIO_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
});
afterEach(() => {
  if (saved === undefined) delete process.env.FOLIO_CACHE_DIR;
  else process.env.FOLIO_CACHE_DIR = saved;
});

/** Prepares the project; says whether the repairs were kept from the last build. */
async function prepare(dir: string, cache?: boolean) {
  const events: ProgressEvent[] = [];
  const prepared = await prepareEdition(path.join(dir, 'compendium.yaml'), { onProgress: (e) => events.push(e), cache });
  const kept = events.some((e) => e.stage === 'repair' && /kept from the last build/.test(e.detail ?? ''));
  return { prepared, kept };
}

const comparable = ({ prepared }: Awaited<ReturnType<typeof prepare>>) => ({
  repaired: prepared.repaired.map((d) => ({ markdown: d.result.markdown, origin: [...d.result.origin], tree: d.tree, title: d.title, file: d.loaded.file })),
  extraction: prepared.extraction,
  diagnostics: prepared.diagnostics,
});

describe('the repairs of the last build', () => {
  it('are kept when nothing changed, and give the same edition', async () => {
    const dir = await makeProject(manifest, { 'a.txt': text });
    const first = await prepare(dir);
    const second = await prepare(dir);
    expect(first.kept).toBe(false);
    expect(second.kept).toBe(true);
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.prepared.extraction.glossary.map((e) => e.term)).toContain('BDN');
    expect(await readdir(process.env.FOLIO_CACHE_DIR!)).toContainEqual(expect.stringMatching(/^prepared-/));
  });

  it('are made again when a source, the manifest or the editors’ glossary changed', async () => {
    const dir = await makeProject(manifest, { 'a.txt': text });
    await prepare(dir);
    await writeFile(path.join(dir, 'a.txt'), text.replace('3 mars', '4 mars'));
    const changedSource = await prepare(dir);
    expect(changedSource.kept).toBe(false);
    expect(changedSource.prepared.extraction.chronology.map((e) => e.date)).toContain('2031-03-04');
    await writeFile(path.join(dir, 'compendium.yaml'), 'title: T\ndocuments:\n  - file: a.txt\n    title: Un autre titre\n');
    const retitled = await prepare(dir);
    expect(retitled.kept).toBe(false);
    expect(retitled.prepared.repaired[0]!.title).toBe('Un autre titre');
    await writeFile(path.join(dir, 'glossary.yaml'), '- term: BDN\n  expansion: Bureau des normes\n');
    expect((await prepare(dir)).kept).toBe(false);
    expect((await prepare(dir)).kept).toBe(true);
  });

  it('are not taken when the build asks for fresh repairs', async () => {
    const dir = await makeProject(manifest, { 'a.txt': text });
    await prepare(dir);
    expect((await prepare(dir, false)).kept).toBe(false);
  });
});
