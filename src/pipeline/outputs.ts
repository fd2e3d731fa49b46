/**
 * The one module that writes a build's products. Everything is produced in memory first, then
 * written to a staging folder inside the output folder, then moved into place entry by entry;
 * what it replaces is kept until the end and put back if a move fails. A build that fails before
 * this step leaves the previous outputs exactly as they were.
 */
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import { displayPath } from '../sources/load.ts';

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
  let staging: string;
  try {
    await mkdir(root, { recursive: true });
    staging = await mkdtemp(path.join(root, '.staging-'));
  } catch (error) {
    throw cannotWrite(root, error);
  }
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
    throw cannotWrite(root, error);
  }
  await rm(staging, { recursive: true, force: true });
  return files.map((f) => path.join(root, ...f.path.split('/')));
}

/**
 * Checks, before a build spends minutes printing, that its output folder can be made: it is a
 * folder or does not exist yet, and the nearest folder that exists is writable. Creates nothing.
 * @throws FolioError (environment) saying what is in the way
 */
export async function checkOutputFolder(outDir: string): Promise<void> {
  let folder = path.resolve(outDir);
  for (;;) {
    const info = await stat(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(cannotWrite(path.resolve(outDir), error))));
    if (info) {
      if (!info.isDirectory()) throw cannotWrite(path.resolve(outDir), Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
      await access(folder, constants.W_OK).catch((error: unknown) => Promise.reject(cannotWrite(path.resolve(outDir), error)));
      return;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

/** A write that failed, in the user's words: which folder, why, what to do. */
function cannotWrite(root: string, error: unknown): Error {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  // Not a file-system error: Folio's own fault, reported as such.
  if (!code) return error instanceof Error ? error : new Error(String(error));
  const shown = displayPath(root);
  const why: Record<string, string> = {
    EEXIST: 'a file of that name is in the way (an output folder must be a folder)',
    ENOTDIR: 'a file of that name is in the way (an output folder must be a folder)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EISDIR: 'a folder is in the way of an output file',
  };
  const reason = why[code] ?? (error instanceof Error ? error.message : String(error));
  return new FolioError(`Cannot write the outputs into ${shown}: ${reason}. Choose another folder with --out (or \`output:\` in the manifest), or free it; the previous outputs are as they were.`, [], 'environment');
}
