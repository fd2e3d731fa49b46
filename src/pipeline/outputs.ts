/**
 * The one module that writes a build's products. Everything is produced in memory first, then
 * written to a staging folder inside the output folder, then moved into place entry by entry;
 * what it replaces is kept until the end and put back if a move fails. A build that fails before
 * this step leaves the previous outputs exactly as they were.
 */
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Path inside the output folder, with `/` separators (`normalized/x.md`). */
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes files into `outDir`, replacing each top-level entry they belong to (a file, or a whole
 * folder such as `normalized/`) at once. Other entries of `outDir` are left alone.
 * @returns the absolute paths written
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const root = path.resolve(outDir);
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(path.join(root, '.staging-'));
  const trash = path.join(staging, '.replaced');
  const moved: { target: string; previous?: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.path.split('/'));
      if (!target.startsWith(staging + path.sep)) throw new Error(`Output path escapes the output folder: ${file.path}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.data);
    }
    await mkdir(trash);
    const entries = (await readdir(staging)).filter((e) => e !== '.replaced');
    for (const entry of entries) {
      const target = path.join(root, entry);
      const previous = path.join(trash, entry);
      let hadPrevious = true;
      try {
        await rename(target, previous);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      moved.push({ target, previous: hadPrevious ? previous : undefined });
      await rename(path.join(staging, entry), target);
    }
  } catch (error) {
    // Put back what was replaced, newest first.
    for (const m of moved.reverse()) {
      await rm(m.target, { recursive: true, force: true }).catch(() => undefined);
      if (m.previous) await rename(m.previous, m.target).catch(() => undefined);
    }
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(staging, { recursive: true, force: true });
  return files.map((f) => path.join(root, ...f.path.split('/')));
}
