/**
 * Reading an archive back: which versions it holds (`folio archive list`) and whether their files
 * are still the ones archived (`folio archive verify`: every file re-hashed against its version's
 * `manifest.json`). Only reads; never repairs anything.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../diagnostics.ts';
import semver from 'semver';
import { semanticVersion } from '../sources/manifest.ts';
import { checkArchivedFiles, manifestName, readArchivedManifest, readManifestBytes, sha256, type ArchiveManifest } from './archived-version.ts';

export interface ArchivedVersion {
  version: string;
  /** The version's folder. */
  path: string;
  /** Its `manifest.json`, or the reason it cannot be read. */
  manifest?: ArchiveManifest;
  problem?: string;
  /** SHA-256 of `manifest.json`: one checksum that stands for every file of the version. */
  checksum?: string;
}

export interface VersionCheck {
  version: string;
  path: string;
  /** Files listed in `manifest.json` and checked. */
  checked: number;
  /** Files whose bytes are no longer the archived ones. */
  changed: string[];
  missing: string[];
  /** Files in the folder that `manifest.json` does not list. */
  unexpected: string[];
  /** Set when the version cannot be checked at all. */
  problem?: string;
}

/**
 * Lists the archived versions, oldest version number first.
 * @param dir the archive folder
 * @throws FolioError when the folder cannot be read
 */
export async function listArchive(dir: string): Promise<ArchivedVersion[]> {
  const versions: ArchivedVersion[] = [];
  for (const name of await versionFolders(dir)) {
    const folder = path.join(dir, name);
    try {
      const manifest = await readArchivedManifest(folder);
      if (!manifest) {
        versions.push({ version: name, path: folder, problem: `no ${manifestName}` });
        continue;
      }
      const checksum = sha256(await readManifestBytes(folder));
      versions.push({ version: name, path: folder, manifest, checksum });
    } catch (error) {
      versions.push({ version: name, path: folder, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return versions;
}

/**
 * Re-hashes every file of every archived version.
 * @param dir the archive folder
 * @returns one check per version; a version is intact when nothing is changed, missing or unexpected
 */
export async function verifyArchive(dir: string): Promise<VersionCheck[]> {
  const checks: VersionCheck[] = [];
  for (const entry of await listArchive(dir)) {
    const check: VersionCheck = { version: entry.version, path: entry.path, checked: 0, changed: [], missing: [], unexpected: [] };
    checks.push(check);
    if (!entry.manifest) {
      check.problem = entry.problem;
      continue;
    }
    if (entry.manifest.version !== entry.version) check.problem = `${manifestName} is for version ${entry.manifest.version}, not ${entry.version}`;
    Object.assign(check, await checkArchivedFiles(entry.path, entry.manifest));
  }
  return checks;
}

/** True when a version's check found nothing wrong. */
export function isIntact(check: VersionCheck): boolean {
  return !check.problem && check.changed.length === 0 && check.missing.length === 0 && check.unexpected.length === 0;
}

/**
 * Compares version numbers the semantic-versioning way (`1.10.0` after `1.9.0`, `1.0.0-rc.1`
 * before `1.0.0`, `1.1` as `1.1.0`), with npm's `semver`; names that are not versions sort
 * after, alphabetically.
 */
export function compareVersions(a: string, b: string): number {
  const pa = semanticVersion(a);
  const pb = semanticVersion(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a.localeCompare(b);
  return semver.compare(pa, pb);
}

async function versionFolders(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FolioError(`Cannot read the archive ${dir}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'it is not a folder' : String(error)}.`, [], 'input');
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(compareVersions);
}
