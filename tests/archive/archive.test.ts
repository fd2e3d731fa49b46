/**
 * The archive of published editions, on small synthetic editions: a version is written once,
 * archiving it again changes nothing, different content under it is refused, and verification
 * finds any file that changed.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveEdition, nextPatch, sha256, type ArchiveFile, type ArchiveRequest } from '../../src/archive/archive.ts';
import { compareVersions, isIntact, listArchive, verifyArchive } from '../../src/archive/verify.ts';
import { FolioError } from '../../src/diagnostics.ts';
import { folio } from '../helpers/folio.ts';


function request(dir: string, overrides: { version?: string; text?: string; pdf?: string; title?: string } = {}): ArchiveRequest {
  const text = overrides.text ?? '---\ntitle: A\n---\n\nThe repaired text.\n';
  const files: ArchiveFile[] = [
    { path: 'compendium.pdf', data: new TextEncoder().encode(overrides.pdf ?? '%PDF-1.4 first print') },
    { path: 'compendium.html', data: '<!DOCTYPE html><p>The repaired text.</p>' },
    { path: 'handouts/a.pdf', data: new Uint8Array([1, 2, 3]) },
    { path: 'normalized/a.md', data: text },
  ];
  const version = overrides.version ?? '1.0.0';
  return {
    dir,
    edition: {
      title: overrides.title ?? 'Edition',
      version,
      date: '2026-11-21',
      folioVersion: '0.1.0',
      manifest: { file: 'sources/compendium.yaml', sha256: sha256(`title: ${overrides.title ?? 'Edition'}`), parsed: { title: overrides.title ?? 'Edition', version } },
      sources: [{ file: 'a.txt', sha256: sha256('source a'), bytes: 8 }],
      texts: [{ id: 'a', sha256: sha256(text) }],
    },
    files,
    now: new Date('2026-11-21T12:00:00Z'),
  };
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'folio-archive-'));
}

describe('archiveEdition', () => {
  it('stores every file under DIR/<version>/ with a manifest of checksums, read-only', async () => {
    const dir = await tempDir();
    const result = await archiveEdition(request(dir));
    expect(result.status).toBe('created');
    const folder = path.join(dir, '1.0.0');
    expect((await readdir(folder, { recursive: true })).sort()).toEqual(['compendium.html', 'compendium.pdf', 'handouts', 'handouts/a.pdf', 'manifest.json', 'normalized', 'normalized/a.md']);
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'folio-archive/1', version: '1.0.0', date: '2026-11-21', folio: '0.1.0', title: 'Edition', archivedAt: '2026-11-21T12:00:00.000Z' });
    expect(manifest.sources).toEqual([{ file: 'a.txt', sha256: sha256('source a'), bytes: 8 }]);
    expect(manifest.texts).toEqual([{ id: 'a', sha256: sha256('---\ntitle: A\n---\n\nThe repaired text.\n') }]);
    for (const f of manifest.files) expect(f.sha256).toBe(sha256(await readFile(path.join(folder, ...f.path.split('/')))));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(['compendium.html', 'compendium.pdf', 'handouts/a.pdf', 'normalized/a.md']);
    expect((await stat(path.join(folder, 'compendium.pdf'))).mode & 0o222).toBe(0);
    // Nothing of the staging is left behind.
    expect(await readdir(dir)).toEqual(['1.0.0']);
  });

  it('changes nothing when the same edition is archived again, and says which outputs differ', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const before = await stat(path.join(dir, '1.0.0', 'compendium.pdf'));
    const again = await archiveEdition(request(dir, { pdf: '%PDF-1.4 printed by a newer browser' }));
    expect(again.status).toBe('unchanged');
    expect(again.status === 'unchanged' && again.differing).toEqual(['compendium.pdf']);
    expect(await readFile(path.join(dir, '1.0.0', 'compendium.pdf'), 'utf8')).toBe('%PDF-1.4 first print');
    expect((await stat(path.join(dir, '1.0.0', 'compendium.pdf'))).mtimeMs).toBe(before.mtimeMs);
    expect(again.manifest.archivedAt).toBe('2026-11-21T12:00:00.000Z');
    const same = await archiveEdition(request(dir));
    expect(same.status === 'unchanged' && same.differing).toEqual([]);
  });

  it('refuses different content under an archived version and says to raise the version', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const error = await archiveEdition(request(dir, { text: '---\ntitle: A\n---\n\nA corrected text.\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).kind).toBe('input');
    expect((error as FolioError).message).toMatch(/Version 1\.0\.0 is already archived .* different content \(repaired text of a\)/);
    expect((error as FolioError).message).toMatch(/raise the version in sources\/compendium\.yaml \(for example to 1\.0\.1\)/);
    const titled = await archiveEdition(request(dir, { title: 'Another title' })).catch((e: unknown) => e);
    expect((titled as FolioError).message).toMatch(/the manifest sources\/compendium\.yaml/);
    // The archived version is as it was; the new version goes beside it.
    expect(isIntact((await verifyArchive(dir))[0]!)).toBe(true);
    expect((await archiveEdition(request(dir, { version: '1.0.1', text: 'A corrected text.\n' }))).status).toBe('created');
    expect(await readdir(dir)).toEqual(['1.0.0', '1.0.1']);
  });

  it('writes a version once when two builds archive it at the same time', async () => {
    const dir = await tempDir();
    const results = await Promise.allSettled([archiveEdition(request(dir)), archiveEdition(request(dir, { text: 'Other.\n' })), archiveEdition(request(dir))]);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'created');
    expect(created).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['1.0.0']);
    expect(isIntact((await verifyArchive(dir))[0]!)).toBe(true);
  });

  it('notices, when the same edition is archived again, that an archived file was changed', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const file = path.join(dir, '1.0.0', 'compendium.html');
    await chmod(file, 0o644);
    await writeFile(file, '<p>tampered</p>');
    await writeFile(path.join(dir, '1.0.0', 'extra.txt'), 'added');
    const error = await archiveEdition(request(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).kind).toBe('input');
    expect((error as FolioError).message).toMatch(/The archived version 1\.0\.0 in .* is no longer as it was archived \(compendium\.html changed; extra\.txt added\)\. Restore it/);
    expect(await readFile(file, 'utf8')).toBe('<p>tampered</p>');
  });

  it('refuses paths that leave the version folder', async () => {
    const dir = await tempDir();
    const bad = { ...request(dir), files: [{ path: '../escape.txt', data: 'x' }] };
    await expect(archiveEdition(bad)).rejects.toThrow(/relative/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('verifyArchive and listArchive', () => {
  it('re-hashes every file and reports those changed, missing or added', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    await archiveEdition(request(dir, { version: '1.1.0', text: 'v1.1\n' }));
    const folder = path.join(dir, '1.0.0');
    expect((await verifyArchive(dir)).map(isIntact)).toEqual([true, true]);

    await chmod(path.join(folder, 'compendium.html'), 0o644);
    await writeFile(path.join(folder, 'compendium.html'), '<p>tampered</p>');
    await rm(path.join(folder, 'handouts', 'a.pdf'));
    await writeFile(path.join(folder, 'handouts', 'b.pdf'), 'added');
    const [first, second] = await verifyArchive(dir);
    expect(first).toMatchObject({ version: '1.0.0', checked: 4, changed: ['compendium.html'], missing: ['handouts/a.pdf'], unexpected: ['handouts/b.pdf'] });
    expect(isIntact(first!)).toBe(false);
    expect(isIntact(second!)).toBe(true);
  });

  it('lists versions in version order with their date and the checksum of their manifest', async () => {
    const dir = await tempDir();
    for (const version of ['1.10.0', '1.9.0', '1.0.0-rc.1', '1.0.0']) await archiveEdition(request(dir, { version, text: version }));
    const versions = await listArchive(dir);
    expect(versions.map((v) => v.version)).toEqual(['1.0.0-rc.1', '1.0.0', '1.9.0', '1.10.0']);
    for (const v of versions) {
      expect(v.manifest?.date).toBe('2026-11-21');
      expect(v.checksum).toBe(sha256(await readFile(path.join(dir, v.version, 'manifest.json'))));
    }
  });

  it('never follows a path of manifest.json out of the archive', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const folder = path.join(dir, '1.0.0');
    const manifestFile = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await chmod(manifestFile, 0o644);
    for (const escape of ['../../../../etc/passwd', '/etc/passwd', 'handouts/../../x', 'a\\b']) {
      await writeFile(manifestFile, JSON.stringify({ ...manifest, files: [...manifest.files, { path: escape, sha256: sha256('x'), bytes: 1 }] }));
      const [check] = await verifyArchive(dir);
      expect(check!.problem, escape).toMatch(/is not a folio-archive\/1 manifest \(files\.4\.path: a relative path inside the version’s folder\)/);
      expect(check!.checked).toBe(0);
    }
    await writeFile(manifestFile, JSON.stringify(manifest));
    // A file replaced by a link to a file outside is changed, and the outside file is not read.
    await rm(path.join(folder, 'handouts', 'a.pdf'), { force: true });
    await symlink('/etc/hostname', path.join(folder, 'handouts', 'a.pdf'));
    const [check] = await verifyArchive(dir);
    expect(check).toMatchObject({ changed: ['handouts/a.pdf'], missing: [] });
  });

  it('reads manifest.json through its schema', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const manifestFile = path.join(dir, '1.0.0', 'manifest.json');
    await chmod(manifestFile, 0o644);
    await writeFile(manifestFile, JSON.stringify({ format: 'folio-archive/1', files: 'all of them' }));
    const [entry] = await listArchive(dir);
    expect(entry!.problem).toMatch(/is not a folio-archive\/1 manifest/);
    await writeFile(manifestFile, '{ not json');
    expect((await listArchive(dir))[0]!.problem).toMatch(/is not JSON/);
  });

  it('says when the archive folder does not exist', async () => {
    await expect(listArchive('/no/such/archive')).rejects.toThrow(/Cannot read the archive \/no\/such\/archive: no such folder/);
  });
});

describe('version numbers', () => {
  it('compare the semantic-versioning way', () => {
    expect(['1.1', '1.0.9', '1.0', '2'].sort(compareVersions)).toEqual(['1.0', '1.0.9', '1.1', '2']);
    const sorted = ['2.0.0', '1.0.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0-rc.1', '0.9.9', 'notes'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '2.0.0', 'notes']);
  });

  it('suggest the next patch', () => {
    expect(nextPatch('1.0.0')).toBe('1.0.1');
    expect(nextPatch('2.3.9+build.5')).toBe('2.3.10');
    expect(nextPatch('1.0.0-rc.1')).toBe('1.0.0-rc.2');
    expect(nextPatch('1.0')).toBe('1.1');
  });
});

describe('folio archive', () => {
  it('lists, verifies, and exits with 1 when a file changed', async () => {
    const dir = await tempDir();
    await archiveEdition(request(dir));
    const list = await folio('archive', 'list', dir, '--files');
    expect(list.code).toBe(0);
    const checksum = sha256(await readFile(path.join(dir, '1.0.0', 'manifest.json')));
    expect(list.stdout).toContain(`1.0.0  2026-11-21  4 files  sha256:${checksum}`);
    expect(list.stdout).toContain(`${sha256('<!DOCTYPE html><p>The repaired text.</p>')}  compendium.html`);
    expect(await folio('archive', 'verify', dir)).toMatchObject({ code: 0, stdout: '1.0.0: ok, 4 files match their checksums\n' });
    await chmod(path.join(dir, '1.0.0', 'compendium.pdf'), 0o644);
    await writeFile(path.join(dir, '1.0.0', 'compendium.pdf'), 'changed');
    expect(await folio('archive', 'verify', dir)).toMatchObject({ code: 1, stdout: '1.0.0: CHANGED\n    changed: compendium.pdf\n' });
    expect((await folio('archive', 'check', dir)).code).toBe(2);
    expect(await folio('archive', 'list', path.join(dir, 'none'))).toMatchObject({ code: 1 });
  });
});
