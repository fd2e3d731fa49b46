import { cp, mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.ts';
import { FolioError } from '../../src/diagnostics.ts';

describe('a failed build', () => {
  it('stops on an invalid manifest, names the key, and leaves the previous outputs untouched', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-fail-'));
    await writeFile(path.join(dir, 'a.txt'), 'Un texte.\n');
    await writeFile(path.join(dir, 'compendium.yaml'), 'title: T\nversion: 1.0.0\ndate: 2026-11-21\npublisher: P\ndocuments:\n  - file: a.txt\n    title: A\n    kind: note\n    date: 2026-02-31\n');
    const out = path.join(dir, 'output');
    await mkdir(out);
    await writeFile(path.join(out, 'compendium.pdf'), 'previous PDF');
    const error = await build({ manifestPath: path.join(dir, 'compendium.yaml'), outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).diagnostics[0]).toMatchObject({ line: 9, column: 11, rule: 'manifest', severity: 'error' });
    expect((error as FolioError).diagnostics[0]!.message).toMatch(/^documents\[0\]\.date: expected a day of the calendar \(February 2026 has 28 days\), got "2026-02-31"\. Write for example: `date: /);
    expect(await readdir(out)).toEqual(['compendium.pdf']);
    expect(await readFile(path.join(out, 'compendium.pdf'), 'utf8')).toBe('previous PDF');
  });

  it('names the manifest line of a missing source', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-fail-'));
    await cp(path.join(import.meta.dirname, '..', '..', 'sources'), dir, { recursive: true });
    const manifest = path.join(dir, 'compendium.yaml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('ue-otan-onzieme-rapport-etape.txt', 'absent.txt'));
    const error = (await build({ manifestPath: manifest, outDir: path.join(dir, 'out') }).catch((e: unknown) => e)) as FolioError;
    expect(error.diagnostics[0]).toMatchObject({ file: 'compendium.yaml', rule: 'source', severity: 'error' });
    expect(error.diagnostics[0]!.message).toMatch(/^documents\[1\]: cannot read absent\.txt: no such file\. Check the path/);
    expect(error.diagnostics[0]!.line).toBe((await readFile(manifest, 'utf8')).split('\n').findIndex((l) => l.includes('absent.txt')) + 1);
  });
});
