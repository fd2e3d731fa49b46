/**
 * Generates Folio's development sets from French manuals shipped by Debian packages:
 *
 *   npm run devset                 # everything, into ${FOLIO_DEVSET:-~/.cache/folio/devset}
 *   npm run devset -- prose        # only the prose set
 *   npm run devset -- pdf          # only the PDF extraction pairs
 *   npm run devset -- pdf-extra    # only the extra tune PDF cases, added to a PDF set already built
 *   FOLIO_DEVSET=/some/dir npm run devset
 *
 * Needs the Debian packages debian-reference-fr, gimp-help-fr, aptitude-doc-fr, eyes17-manuals-fr,
 * linuxcnc-doc-fr, expeyes-doc-fr, poppler-utils, weasyprint, unzip, and Chromium; the extra tune
 * cases also use installation-guide-amd64, debian-history and debian-handbook when installed.
 * The data is derived and regenerable: it is never committed.
 */
import path from 'node:path';
import { devsetRoot } from './paths.ts';
import { buildProseSet } from './prose.ts';
import { listDocuments } from './sources.ts';

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;
const root = devsetRoot();
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;

try {
  const documents = listDocuments(path.join(root, '.cache'));
  if (all || wanted.has('prose')) {
    const c = buildProseSet(documents, path.join(root, 'prose'));
    console.log(`prose: ${c.paragraphs.tune} tune + ${c.paragraphs.test} test paragraphs in ${path.join(root, 'prose')} (${seconds()})`);
  }
  if (all || wanted.has('pdf')) {
    const { buildPdfSet } = await import('./pdf-set.ts');
    const cases = await buildPdfSet(documents, path.join(root, 'pdf'));
    console.log(`pdf: ${cases.length} cases in ${path.join(root, 'pdf')} (${seconds()})`);
  }
  if (wanted.has('pdf-extra') && !wanted.has('pdf')) {
    const { addExtraCases } = await import('./pdf-set.ts');
    const cases = await addExtraCases(path.join(root, 'pdf'));
    console.log(`pdf: ${cases.filter((c) => c.name.startsWith('extra-')).length} extra tune cases added, ${cases.length} in all (${seconds()})`);
  }
} catch (error) {
  console.error(`devset: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
