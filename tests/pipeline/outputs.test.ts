import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { checkOutputFolder, writeOutputs } from '../../src/pipeline/outputs.ts';

describe('writeOutputs', () => {
  it('writes files and folders, replaces the previous ones whole, and leaves other files alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-out-'));
    await mkdir(path.join(dir, 'normalized'));
    await writeFile(path.join(dir, 'normalized', 'gone.md'), 'old');
    await writeFile(path.join(dir, 'keep.txt'), 'mine');
    await writeOutputs(dir, [
      { path: 'a.html', data: '<p>a</p>' },
      { path: 'normalized/x.md', data: '# x' },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['a.html', 'keep.txt', 'normalized']);
    expect(await readdir(path.join(dir, 'normalized'))).toEqual(['x.md']);
    expect(await readFile(path.join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('leaves the previous outputs as they were when writing fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-out-'));
    await writeFile(path.join(dir, 'a.html'), 'previous');
    await expect(writeOutputs(dir, [{ path: 'a.html', data: 'new' }, { path: '../escape.txt', data: 'x' }])).rejects.toThrow(/escapes/);
    expect(await readFile(path.join(dir, 'a.html'), 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['a.html']);
  });
});

describe('an output folder that cannot be made', () => {
  it('is said at once, as the machine’s problem, naming the folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-out-'));
    await writeFile(path.join(dir, 'output'), 'a file');
    for (const target of [path.join(dir, 'output'), path.join(dir, 'output', 'sub')]) {
      const error = await checkOutputFolder(target).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).kind).toBe('environment');
      expect((error as Error).message).toMatch(/^Cannot write the outputs into .*: a file of that name is in the way/);
      await expect(writeOutputs(target, [{ path: 'a.txt', data: 'x' }])).rejects.toThrow(/a file of that name is in the way/);
    }
    await expect(checkOutputFolder(path.join(dir, 'new', 'folder'))).resolves.toBeUndefined();
    expect(await readdir(dir)).toEqual(['output']);
  });
});
