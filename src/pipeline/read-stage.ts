/**
 * The read stage: the manifest and every source it names, decoded, and the French lexicon the
 * repairs and the extraction use.
 */
import { loadFrenchLexicon, type Lexicon } from '../language/fr/lexicon.ts';
import { loadEdition, type LoadedEdition } from '../sources/load.ts';
import type { StageResult } from './stage.ts';

export interface ReadEdition {
  loaded: LoadedEdition;
  lexicon: Lexicon;
}

/**
 * Reads an edition.
 * @param manifestPath the manifest
 * @throws FolioError when the manifest or a source cannot be read
 */
export async function readStage(manifestPath: string): Promise<StageResult<ReadEdition>> {
  const [loaded, lexicon] = await Promise.all([loadEdition(manifestPath), loadFrenchLexicon()]);
  return { value: { loaded, lexicon }, diagnostics: loaded.diagnostics };
}
