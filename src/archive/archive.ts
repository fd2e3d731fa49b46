/**
 * The archive of published editions: `DIR/<version>/` holds everything one `folio build` made
 * for that version (PDFs, booklet, handouts, HTML, edition model, repaired Markdown) and a
 * `manifest.json` with the SHA-256 of every source and every file, Folio's version and the
 * edition date.
 *
 * An archived version is written once and never changed:
 * - archiving the same edition again leaves it as it is (and says which of this build's outputs
 *   differ from the archived ones: a newer browser, a new layout);
 * - archiving different content under an archived version is refused, with an error that says
 *   to raise the version.
 * "The same edition" means the same manifest (as parsed: comments and spacing do not count), the
 * same sources and the same repaired text (each document's Markdown and metadata). Output files
 * are left out of that comparison on purpose: a PDF's bytes change with the browser's version,
 * and the normalized files name their source by a path that depends on where the build ran,
 * while the edition stays the same.
 *
 * This module writes the archive itself rather than through `pipeline/outputs.ts`, because the rules
 * are opposite: outputs are replaced at each build, an archived version never is. A version is
 * written into a staging folder and renamed into place in one step (rename refuses to replace a
 * folder that is not empty), and its files are made read-only.
 *
 * Not for: listing and verifying an archive (`verify.ts`).
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import { archiveFormat, checkArchivedFiles, manifestName, readArchivedManifest, sha256, type ArchiveManifest } from './archived-version.ts';

export { archiveFormat, manifestName, readArchivedManifest, sha256, type ArchiveManifest } from './archived-version.ts';

export interface ArchiveFile {
  /** Path inside the version's folder, `/`-separated (`handouts/x.pdf`). */
  path: string;
  data: string | Uint8Array;
}

export interface SourceRecord {
  /** Path relative to the manifest, as the manifest names it. */
  file: string;
  sha256: string;
  bytes: number;
}

/** The repaired text of one document: SHA-256 of its Markdown and metadata. */
export interface TextRecord {
  id: string;
  sha256: string;
}

/** What identifies an edition, besides its files. */
export interface EditionRecord {
  title: string;
  version: string;
  /** The edition date (`YYYY-MM-DD`), from the manifest. */
  date: string;
  folioVersion: string;
  /** The edition manifest: its file and bytes' hash, and its validated content. */
  manifest: { file: string; sha256: string; parsed: unknown };
  sources: SourceRecord[];
  texts: TextRecord[];
}

export interface ArchiveRequest {
  /** The archive folder (holds one folder per version). */
  dir: string;
  edition: EditionRecord;
  files: readonly ArchiveFile[];
  /** Archiving time; defaults to now. */
  now?: Date;
}

export type ArchiveResult =
  | { status: 'created'; path: string; manifest: ArchiveManifest }
  | { status: 'unchanged'; path: string; manifest: ArchiveManifest; differing: string[] };

/** JSON with object keys sorted and undefined values left out, so equal values hash equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The manifest an archived version would get.
 * @returns the manifest, to write as `manifest.json`
 */
export function describeEdition(request: Omit<ArchiveRequest, 'dir'>): ArchiveManifest {
  const files = [...request.files]
    .map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { edition } = request;
  const content = sha256(
    canonicalJson({
      manifest: edition.manifest.parsed,
      sources: edition.sources.map((s) => [s.file, s.sha256]),
      texts: edition.texts.map((t) => [t.id, t.sha256]),
    }),
  );
  return {
    format: archiveFormat,
    title: edition.title,
    version: edition.version,
    date: edition.date,
    folio: edition.folioVersion,
    archivedAt: (request.now ?? new Date()).toISOString(),
    content,
    manifest: { file: edition.manifest.file, sha256: edition.manifest.sha256 },
    sources: edition.sources,
    texts: edition.texts,
    files,
  };
}

/**
 * Archives an edition under `dir/<version>/`, or leaves the archive as it is when that version
 * already holds the same edition.
 * @throws FolioError (input) when the version is archived with different content
 */
export async function archiveEdition(request: ArchiveRequest): Promise<ArchiveResult> {
  for (const f of request.files) checkRelative(f.path);
  const version = request.edition.version;
  if (!/^[0-9A-Za-z.+-]+$/.test(version) || version.startsWith('.')) throw new FolioError(`Cannot archive version "${version}": it is not a version number.`, [], 'input');
  const root = path.resolve(request.dir);
  const target = path.join(root, version);
  const manifest = describeEdition(request);

  const existing = await readArchivedManifest(target);
  if (existing) return await compareWithArchived(existing, manifest, target, request.dir);

  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(path.join(root, '.staging-'));
  try {
    const folder = path.join(staging, version);
    for (const f of [...request.files, { path: manifestName, data: `${JSON.stringify(manifest, null, 2)}\n` }]) {
      const file = path.join(folder, ...f.path.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, f.data, { mode: 0o444, flag: 'wx' });
    }
    try {
      await rename(folder, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // Someone archived this version meanwhile: judge against what is there now.
      const now = await readArchivedManifest(target);
      if (!now) throw error;
      return await compareWithArchived(now, manifest, target, request.dir);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { status: 'created', path: target, manifest };
}

async function compareWithArchived(archived: ArchiveManifest, next: ArchiveManifest, target: string, dir: string): Promise<ArchiveResult> {
  // What is archived must still be what was archived: a changed file is not "the same edition".
  const check = await checkArchivedFiles(target, archived);
  const tampered = [...check.changed.map((f) => `${f} changed`), ...check.missing.map((f) => `${f} missing`), ...check.unexpected.map((f) => `${f} added`)];
  if (archived.version !== next.version) tampered.unshift(`${manifestName} is for version ${archived.version}`);
  if (tampered.length) {
    throw new FolioError(
      `The archived version ${next.version} in ${path.join(dir, next.version)} is no longer as it was archived (${tampered.join('; ')}). ` +
        'Restore it from a copy of the archive (`folio archive verify` lists what differs); nothing was archived.',
      [],
      'input',
    );
  }
  if (archived.content === next.content) {
    const before = new Map(archived.files.map((f) => [f.path, f.sha256]));
    const differing = next.files.filter((f) => before.get(f.path) !== f.sha256).map((f) => f.path);
    return { status: 'unchanged', path: target, manifest: archived, differing };
  }
  const what = describeDifferences(archived, next);
  throw new FolioError(
    `Version ${next.version} is already archived in ${path.join(dir, next.version)} with different content (${what}). ` +
      `An archived edition is never changed: raise the version in ${next.manifest.file} (for example to ${nextPatch(next.version)}) and build again.`,
    [],
    'input',
  );
}

function describeDifferences(archived: ArchiveManifest, next: ArchiveManifest): string {
  const differences: string[] = [];
  if (archived.manifest.sha256 !== next.manifest.sha256) differences.push(`the manifest ${next.manifest.file}`);
  const changed = <T extends { sha256: string }>(before: T[], after: T[], key: (x: T) => string): { changed: string[]; removed: string[] } => {
    const old = new Map(before.map((x) => [key(x), x.sha256]));
    return {
      changed: after.filter((x) => old.get(key(x)) !== x.sha256).map(key),
      removed: before.filter((x) => !after.some((y) => key(y) === key(x))).map(key),
    };
  };
  const sources = changed(archived.sources, next.sources, (s) => s.file);
  if (sources.changed.length) differences.push(`source ${sources.changed.join(', ')}`);
  if (sources.removed.length) differences.push(`no more source ${sources.removed.join(', ')}`);
  const texts = changed(archived.texts ?? [], next.texts, (t) => t.id);
  if (texts.changed.length) differences.push(`repaired text of ${texts.changed.join(', ')}`);
  return differences.length ? differences.join('; ') : 'the edition manifest';
}

/** `1.2.3` → `1.2.4`, `1.0` → `1.1`; a pre-release `1.2.3-rc.1` → `1.2.3-rc.2` when it ends in a number. */
export function nextPatch(version: string): string {
  const pre = /^(.*[.-])(\d+)$/.exec(version.split('+')[0]!);
  if (version.includes('-') && pre) return `${pre[1]}${Number(pre[2]) + 1}`;
  const m = /^((?:\d+\.)*)(\d+)(?=$|[-+])/.exec(version);
  return m ? `${m[1]}${Number(m[2]) + 1}` : version;
}

function checkRelative(filePath: string): void {
  const parts = filePath.split('/');
  if (!filePath || path.isAbsolute(filePath) || parts.some((p) => p === '..' || p === '' || p === '.') || filePath === manifestName) {
    throw new Error(`Cannot archive a file at "${filePath}": archived paths are relative, inside the version's folder, and not ${manifestName}.`);
  }
}
