/**
 * What identifies an edition for the archive, taken from a loaded and repaired edition: the
 * manifest (its bytes' hash and its validated content), each source's hash, and each document's
 * repaired text (Markdown and metadata) as a hash. Paths are the manifest's own, relative to it,
 * so the record does not depend on the folder the build ran from.
 */
import { readFile } from 'node:fs/promises';
import type { DocumentMeta } from '../repair/pass.ts';
import type { LoadedEdition } from '../sources/load.ts';
import { canonicalJson, sha256, type EditionRecord } from './archive.ts';

/**
 * Describes an edition for `archiveEdition`.
 * @param loaded the edition as loaded (manifest and sources)
 * @param texts each document's repaired Markdown and metadata, by document id
 * @param folioVersion the version of Folio that built it
 */
export async function recordEdition(loaded: LoadedEdition, texts: readonly { id: string; markdown: string; meta: DocumentMeta }[], folioVersion: string): Promise<EditionRecord> {
  const { manifest } = loaded;
  return {
    title: manifest.title,
    version: manifest.version,
    date: manifest.date,
    folioVersion,
    manifest: { file: loaded.manifestFile, sha256: sha256(await readFile(loaded.manifestPath)), parsed: manifest },
    sources: loaded.documents.map((d) => ({ file: d.entry.file, sha256: d.sha256, bytes: d.bytes })),
    texts: texts.map((t) => ({ id: t.id, sha256: sha256(canonicalJson({ markdown: t.markdown, meta: t.meta })) })),
  };
}
