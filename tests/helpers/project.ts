/** A small project in a temporary folder: a manifest and the files it names, as a test gives them. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Makes a project folder.
 * @param manifest the text of `compendium.yaml`
 * @param files other files, by path inside the project
 * @returns the folder
 */
export async function makeProject(manifest: string, files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-project-'));
  await writeFile(path.join(dir, 'compendium.yaml'), manifest);
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), data);
  }
  return dir;
}
