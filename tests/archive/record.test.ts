/** The record that tells editions apart does not depend on where the build runs from. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEdition } from '../../src/archive/archive.ts';
import { recordEdition } from '../../src/archive/record.ts';
import { loadEdition } from '../../src/sources/load.ts';

describe('recordEdition', () => {
  it('names sources as the manifest does, and gives the same content hash wherever the build runs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-record-'));
    await writeFile(path.join(dir, 'compendium.yaml'), 'title: T\nversion: 1.0.0\ndate: 2026-11-21\npublisher: P\ndocuments:\n  - file: a.txt\n    title: A\n    kind: article\n');
    await writeFile(path.join(dir, 'a.txt'), 'Un texte.\n');
    const loaded = await loadEdition(path.join(dir, 'compendium.yaml'));
    const texts = [{ id: 'a', markdown: 'Un texte.\n', meta: {} }];
    const here = await recordEdition(loaded, texts, '0.1.0');
    expect(here.sources).toEqual([{ file: 'a.txt', sha256: loaded.documents[0]!.sha256, bytes: 10 }]);
    // The same edition seen from another working folder: display paths differ, nothing else.
    const elsewhere = await recordEdition(
      { ...loaded, manifestFile: 'elsewhere/compendium.yaml', documents: loaded.documents.map((d) => ({ ...d, file: `elsewhere/${d.file}` })) },
      texts,
      '0.2.0',
    );
    const content = (edition: typeof here): string => describeEdition({ edition, files: [] }).content;
    expect(content(elsewhere)).toBe(content(here));
    expect(content(await recordEdition(loaded, [{ id: 'a', markdown: 'Un autre texte.\n', meta: {} }], '0.1.0'))).not.toBe(content(here));
    expect(content(await recordEdition(loaded, [{ id: 'a', markdown: 'Un texte.\n', meta: { title: 'Titre' } }], '0.1.0'))).not.toBe(content(here));
  });
});
