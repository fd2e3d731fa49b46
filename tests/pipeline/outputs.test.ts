import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/pipeline/outputs.ts';

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
