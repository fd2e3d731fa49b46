/**
 * The read stage: the manifest and every source it names, decoded. The French lexicon the
 * repairs and the extraction use is loaded by the build only when they run (a build that keeps
 * the last repairs does not hold it in memory).
 */
import { loadEdition, type LoadedEdition } from '../sources/load.ts';
import type { StageResult } from './stage.ts';

export interface ReadEdition {
  loaded: LoadedEdition;
}

/**
 * Reads an edition.
 * @param manifestPath the manifest
 * @throws FolioError when the manifest or a source cannot be read
 */
export async function readStage(manifestPath: string): Promise<StageResult<ReadEdition>> {
  const loaded = await loadEdition(manifestPath);
  return { value: { loaded }, diagnostics: loaded.diagnostics };
}
