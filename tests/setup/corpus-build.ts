/**
 * Vitest global setup: builds the real corpus ONCE, with an archive, for every end-to-end test
 * file (`tests/helpers/corpus-build.ts` gives them the result). Building is the slow part of the
 * suite; reading the outputs is fast. Skips, loudly, when no browser is installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../src/pipeline/build.ts';
import { browserAvailable } from '../helpers/browser.ts';
import type { CorpusBuild } from '../helpers/corpus-build.ts';

export const manifestPath = path.join(import.meta.dirname, '..', '..', 'sources', 'compendium.yaml');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!browserAvailable()) {
    project.provide('corpusBuild', null);
    return async () => undefined;
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-corpus-build-'));
  const outDir = path.join(root, 'output');
  const archiveDir = path.join(root, 'archive');
  const started = performance.now();
  const result = await build({ manifestPath, outDir, archiveDir, sourceDateEpoch: '' });
  const corpus: CorpusBuild = {
    manifestPath,
    outDir,
    archiveDir,
    edition: result.edition,
    diagnostics: result.diagnostics,
    archiveStatus: result.archive?.status,
    seconds: (performance.now() - started) / 1000,
  };
  project.provide('corpusBuild', JSON.parse(JSON.stringify(corpus)) as CorpusBuild);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
