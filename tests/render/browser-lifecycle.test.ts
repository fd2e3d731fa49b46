/**
 * The browser's life: a step that takes too long kills the browser and names the document; a
 * browser that dies gives an error saying what to do; an abort closes it at once; its profile is
 * removed in every case, and the profiles of dead Folio processes are swept. Processes are found
 * by their tree and their profile, never by name.
 */
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { openBrowser, sweepStaleProfiles } from '../../src/render/browser.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { alive, descendants, until } from '../helpers/processes.ts';

const hasBrowser = browserAvailable();

async function ownProfiles(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((n) => n.startsWith(`folio-chrome-${process.pid}-`));
}

describe.skipIf(!hasBrowser)('a browser session', () => {
  it('kills a browser whose page never finishes loading, naming the document, and removes its profile', { timeout: 120_000 }, async () => {
    const before = await ownProfiles();
    const session = await openBrowser({ timeoutMs: 3_000 });
    const pid = session.pid!;
    expect((await ownProfiles()).length).toBe(before.length + 1);
    const error = await session.load('<!DOCTYPE html><html><head><title>Un document sans fin</title></head><body><script>for (;;) {}</script></body></html>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).message).toMatch(/^The browser took more than 3 s while loading “Un document sans fin”, and was stopped\..*--print-timeout/);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    await session.close();
    expect(await ownProfiles()).toEqual(before);
  });

  it('kills a browser that stops answering mid-print', { timeout: 120_000 }, async () => {
    const session = await openBrowser({ timeoutMs: 3_000 });
    const pid = session.pid!;
    const page = await session.load('<!DOCTYPE html><title>Une note</title><p>Un paragraphe.</p>');
    process.kill(pid, 'SIGSTOP');
    const error = await page.pdf().catch((e: unknown) => e);
    expect((error as FolioError).message).toMatch(/^The browser took more than 3 s while printing “Une note”, and was stopped/);
    expect(await until(() => !alive(pid), 15_000)).toBe(true);
    await session.close();
    expect(await ownProfiles()).toEqual([]);
  });

  it('says what to do when the browser dies, instead of a protocol error', { timeout: 120_000 }, async () => {
    const session = await openBrowser();
    const children = descendants(session.pid!);
    process.kill(session.pid!, 'SIGKILL');
    await until(() => !alive(session.pid!), 10_000);
    const error = await session.load('<!DOCTYPE html><title>Une page</title><p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).message).toMatch(/^The browser stopped while loading “Une page”: it crashed or was killed\. Run the build again/);
    await session.close();
    expect(await until(() => children.every((c) => !alive(c)), 10_000)).toBe(true);
    expect(await ownProfiles()).toEqual([]);
  });

  it('closes at once when its signal is aborted, the pending step rejecting with the reason', { timeout: 120_000 }, async () => {
    const controller = new AbortController();
    const session = await openBrowser({ signal: controller.signal });
    const pid = session.pid!;
    const pending = session.load('<!DOCTYPE html><title>Longue</title><script>for (;;) {}</script>').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 500));
    const reason = new Error('stopped by SIGTERM');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    await session.close();
    expect(await ownProfiles()).toEqual([]);
  });
});

describe('sweepStaleProfiles', () => {
  it('removes the profiles of dead Folio processes only', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-sweep-'));
    // A pid above the kernel's limit is never alive.
    for (const name of ['folio-chrome-4194999-aaaaaa', `folio-chrome-${process.pid}-bbbbbb`, `folio-chrome-${process.ppid}-cccccc`, 'folio-chrome-dddddd', 'other-4194999-x']) await mkdir(path.join(tmp, name));
    expect(await sweepStaleProfiles(tmp)).toEqual(['folio-chrome-4194999-aaaaaa']);
    expect((await readdir(tmp)).sort()).toEqual([`folio-chrome-${process.pid}-bbbbbb`, `folio-chrome-${process.ppid}-cccccc`, 'folio-chrome-dddddd', 'other-4194999-x'].sort());
  });
});
