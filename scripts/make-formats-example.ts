/**
 * Lays out the test edition of one source per format (a PDF printed here by Chrome, a saved web
 * page, a Markdown note, a text) in a folder, to build it by hand:
 *
 *   npx tsx scripts/make-formats-example.ts /tmp/sources-formats
 *   npx folio build --manifest /tmp/sources-formats/compendium.yaml --out /tmp/sources-formats/out
 */
import { mkdir } from 'node:fs/promises';
import { openBrowser } from '../src/render/browser.ts';
import { writeFormatsExample } from '../tests/helpers/formats-example.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npx tsx scripts/make-formats-example.ts DIR');
  process.exit(2);
}
await mkdir(dir, { recursive: true });
const session = await openBrowser();
try {
  console.log(await writeFormatsExample(session, dir));
} finally {
  await session.close();
}
