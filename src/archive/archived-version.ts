/**
 * One archived version as it lies on disk: its `manifest.json`, read through a zod schema (a
 * file that says it is an archive manifest is still input: an archive can be copied, edited or
 * forged), and the check of its files against it. The paths a manifest lists are relative paths
 * inside the version's folder; a path that leaves it (`../`, an absolute path, a link to a file
 * outside) is never followed.
 *
 * Shared by `archive.ts` (re-archiving an edition checks what is there) and `verify.ts`.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { FolioError } from '../diagnostics.ts';
import { readFileSafely } from '../sources/read-source.ts';

/** Name of the checksums file of each archived version. */
export const manifestName = 'manifest.json';
export const archiveFormat = 'folio-archive/1';

/** SHA-256 in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
/** A path inside the version's folder: relative, `/`-separated, no `.` or `..` segment. */
const insidePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !/^[A-Za-z]:/.test(p) && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..') && !p.includes('\0'), 'a relative path inside the version’s folder');

const sourceRecord = z.object({ file: z.string(), sha256: hash, bytes: z.number().int().nonnegative() });

/** The schema of `manifest.json`. */
export const archiveManifestSchema = z.object({
  format: z.literal(archiveFormat),
  title: z.string(),
  version: z.string().min(1),
  date: z.string(),
  folio: z.string(),
  archivedAt: z.string(),
  content: hash,
  manifest: z.object({ file: z.string(), sha256: hash }),
  sources: z.array(sourceRecord),
  texts: z.array(z.object({ id: z.string(), sha256: hash })).default([]),
  files: z.array(z.object({ path: insidePath, sha256: hash, bytes: z.number().int().nonnegative() })),
});

/** `manifest.json` of an archived version. */
export type ArchiveManifest = z.output<typeof archiveManifestSchema>;

/**
 * The `manifest.json` of an archived version, or undefined when the version is not archived.
 * @throws FolioError (input) when the file is not a valid archive manifest
 */
export async function readArchivedManifest(versionDir: string): Promise<ArchiveManifest | undefined> {
  const file = path.join(versionDir, manifestName);
  const read = await readFileSafely(file, { maxBytes: 50_000_000, confineTo: versionDir });
  if ('problem' in read) {
    if (read.code === 'missing') return undefined;
    throw new FolioError(`${file} cannot be read (${read.problem}). Restore it from a copy of the archive.`, [], 'input');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch (error) {
    throw new FolioError(`${file} is not JSON (${error instanceof Error ? error.message : error}). Restore it from a copy of the archive.`, [], 'input');
  }
  const parsed = archiveManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join('.') || 'the file';
    throw new FolioError(`${file} is not a ${archiveFormat} manifest (${where}: ${issue.message}). Restore it from a copy of the archive.`, [], 'input');
  }
  return parsed.data;
}

export interface FilesCheck {
  /** Files listed and checked. */
  checked: number;
  /** Files whose bytes are no longer the archived ones (or that became a link out of the folder). */
  changed: string[];
  missing: string[];
  /** Files in the folder that `manifest.json` does not list. */
  unexpected: string[];
}

/**
 * Re-hashes the files of an archived version against its manifest.
 * @param versionDir the version's folder
 * @param manifest its `manifest.json`
 */
export async function checkArchivedFiles(versionDir: string, manifest: ArchiveManifest): Promise<FilesCheck> {
  const check: FilesCheck = { checked: 0, changed: [], missing: [], unexpected: [] };
  for (const file of manifest.files) {
    check.checked++;
    const read = await readFileSafely(path.join(versionDir, ...file.path.split('/')), { maxBytes: Math.max(file.bytes, 1) * 2 + 1_000_000, confineTo: versionDir });
    if ('problem' in read) {
      (read.code === 'missing' ? check.missing : check.changed).push(file.path);
      continue;
    }
    if (sha256(read.bytes) !== file.sha256) check.changed.push(file.path);
  }
  const listed = new Set([manifestName, ...manifest.files.map((f) => f.path)]);
  check.unexpected = (await filesUnder(versionDir)).filter((f) => !listed.has(f));
  return check;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Reads a whole file (the manifest's own bytes, for its checksum). */
export async function readManifestBytes(versionDir: string): Promise<Buffer> {
  return readFile(path.join(versionDir, manifestName));
}
