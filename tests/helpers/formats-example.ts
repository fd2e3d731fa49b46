/** The test edition of one source per format (`tests/fixtures/sources-formats/`), laid out in a folder with its PDF printed. */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserSession } from '../../src/render/browser.ts';
import { printMarkdown } from './print-markdown.ts';

export const formatsFixtures = path.join(import.meta.dirname, '..', 'fixtures', 'sources-formats');

/**
 * Writes the edition into `dir`: `rapport.pdf` printed from `rapport.md` with running heads, the
 * other sources and `compendium.yaml` copied.
 * @returns the manifest's path
 */
export async function writeFormatsExample(session: BrowserSession, dir: string): Promise<string> {
  const pdf = await printMarkdown(session, await readFile(path.join(formatsFixtures, 'rapport.md'), 'utf8'), { runningHead: 'Agence spatiale fictive — rapport annuel' });
  await writeFile(path.join(dir, 'rapport.pdf'), pdf);
  for (const f of ['article.html', 'note.md', 'texte.txt', 'compendium.yaml']) await copyFile(path.join(formatsFixtures, f), path.join(dir, f));
  return path.join(dir, 'compendium.yaml');
}
