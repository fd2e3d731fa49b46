/**
 * `folio watch` on a small project in a temporary folder: it serves the edition, rebuilds and
 * tells the open pages to reload when a file changes, shows errors in the page, and prints PDFs
 * on demand (with a browser; those tests skip without one).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { hostAllowed, originAllowed, startWatch, type WatchSession } from '../../src/watch/watch.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { readPdfText } from '../helpers/pdf.ts';

const root = path.join(import.meta.dirname, '..', '..');
const manifestText = `title: Édition de test
version: 1.0.0
date: 2026-11-21
publisher: Éditeur
documents:
  - file: note.txt
    title: Une note de service
    kind: communiqué
`;

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-watch-'));
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await cp(path.join(root, 'styles'), path.join(dir, 'styles'), { recursive: true });
  await writeFile(path.join(dir, 'compendium.yaml'), manifestText);
  await writeFile(path.join(dir, 'note.txt'), 'Une note de service\n\nPremière version du texte, sur une seule ligne.\n');
  return dir;
}

let session: WatchSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function watchProject(dir: string): Promise<WatchSession> {
  session = await startWatch({
    manifestPath: path.join(dir, 'compendium.yaml'),
    port: 0,
    debounceMs: 50,
  });
  return session;
}

/** Listens to the event stream; `next(name)` resolves with the data of the next such event. */
function listen(url: string): Promise<{ next: (name: string) => Promise<string>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const waiting: { name: string; resolve: (data: string) => void }[] = [];
    const request = http.get(new URL('/events', url), (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
          const i = waiting.findIndex((w) => w.name === name);
          if (i >= 0) waiting.splice(i, 1)[0]!.resolve(data);
        }
      });
      resolve({
        next: (name) => new Promise((r) => waiting.push({ name, resolve: r })),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/** Text as a reader sees it: without the soft hyphens and with plain spaces for the no-break ones typography sets. */
function readable(text: string): string {
  return text.replace(/\u00ad/gu, '').replace(/[\u00a0\u202f]/gu, ' ');
}

describe('folio watch', () => {
  it('serves the edition with a live-reload client, and reloads it when a source changes', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    expect(watch.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const first = await fetch(watch.url);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(readable(html)).toContain('Première version du texte');
    expect(html).toContain('new EventSource("/events")');
    expect(html).toContain('href="/compendium.pdf"');

    const events = await listen(watch.url);
    const reloaded = events.next('reload');
    await writeFile(path.join(dir, 'note.txt'), 'Une note de service\n\nSeconde version du texte, corrigée.\n');
    expect(Number(await reloaded)).toBeGreaterThan(1);
    const second = await (await fetch(watch.url)).text();
    expect(readable(second)).toContain('Seconde version du texte');
    expect(readable(second)).not.toContain('Première version');
    events.close();
  });

  it('shows the errors in the page, with file and line, until the file is fixed', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    const events = await listen(watch.url);

    let reloaded = events.next('reload');
    await writeFile(path.join(dir, 'compendium.yaml'), manifestText.replace('kind: communiqué', 'kind: communiqué\n    date: 2026-02-31'));
    await reloaded;
    const broken = await fetch(watch.url);
    expect(broken.status).toBe(500);
    const page = await broken.text();
    expect(page).toContain('L’édition ne se compose pas');
    expect(page).toMatch(/compendium\.yaml:9:\d+: error: documents\[0\]\.date: expected a day of the calendar/);
    expect(page).toContain('new EventSource');

    reloaded = events.next('reload');
    await writeFile(path.join(dir, 'templates', 'cover.hbs'), '{{#if}}');
    await writeFile(path.join(dir, 'compendium.yaml'), manifestText);
    await reloaded;
    await watch.settled();
    const templateError = await (await fetch(watch.url)).text();
    expect(templateError).toContain('L’édition ne se compose pas');
    expect(templateError).toMatch(/templates\/cover\.hbs:1:1: error: Handlebars syntax error in cover\.hbs/);

    reloaded = events.next('reload');
    await writeFile(path.join(dir, 'templates', 'cover.hbs'), await readFile(path.join(root, 'templates', 'cover.hbs'), 'utf8'));
    await reloaded;
    await watch.settled();
    expect((await fetch(watch.url)).status).toBe(200);
    events.close();
  });

  it('rebuilds when a stylesheet changes', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    const events = await listen(watch.url);
    const reloaded = events.next('reload');
    const css = path.join(dir, 'styles', 'compendium.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n.marker-from-test { color: red; }\n`);
    await reloaded;
    await watch.settled();
    expect(await (await fetch(watch.url)).text()).toContain('.marker-from-test');
    events.close();
  });

  it('answers only requests addressed to this machine (DNS rebinding), and the event stream only its own pages', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    const port = Number(new URL(watch.url).port);
    const get = (headers: Record<string, string>, route = '/'): Promise<number> =>
      new Promise((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path: route, headers }, (response) => {
          resolve(response.statusCode!);
          response.destroy();
        });
        request.on('error', reject);
      });
    expect(await get({ host: `localhost:${port}` })).toBe(200);
    expect(await get({ host: `127.0.0.1:${port}` })).toBe(200);
    expect(await get({ host: `[::1]:${port}` })).toBe(200);
    expect(await get({ host: `evil.example:${port}` })).toBe(403);
    expect(await get({ host: `localhost.evil.example:${port}` })).toBe(403);
    expect(await get({ host: `localhost:${port + 1}` })).toBe(403);
    expect(await get({ host: `evil.example:${port}` }, '/compendium.pdf')).toBe(403);
    expect(await get({ host: `localhost:${port}`, origin: 'http://evil.example' }, '/events')).toBe(403);
    expect(await get({ host: `localhost:${port}`, origin: `http://localhost:${port}` }, '/events')).toBe(200);
  });

  it('says when the port is taken', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    const port = Number(new URL(watch.url).port);
    await expect(startWatch({ manifestPath: path.join(dir, 'compendium.yaml'), port })).rejects.toThrow(FolioError);
    await expect(startWatch({ manifestPath: path.join(dir, 'compendium.yaml'), port })).rejects.toThrow(/Port \d+ on 127\.0\.0\.1 is in use/);
  });

  it.skipIf(!browserAvailable())('prints the PDF, the booklet and a handout on demand', async () => {
    const dir = await project();
    const watch = await watchProject(dir);
    const pdf = await fetch(new URL('/compendium.pdf', watch.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text.pages[0]).toContain('Édition de test');
    const handout = await readPdfText(new Uint8Array(await (await fetch(new URL('/handouts/note.pdf', watch.url))).arrayBuffer()));
    expect(readable(handout.pages.join(' '))).toContain('Première version du texte');
    expect(handout.pages[0]).toContain('1 / 1');
    const booklet = await fetch(new URL('/compendium-booklet.pdf', watch.url));
    expect(booklet.status).toBe(200);
    expect((await fetch(new URL('/handouts/absent.pdf', watch.url))).status).toBe(404);
  });
});

describe('hostAllowed', () => {
  it('takes loopback names and addresses with the port, and refuses other names', () => {
    for (const ok of ['localhost:4321', 'LOCALHOST:4321', 'app.localhost:4321', '127.0.0.1:4321', '127.1.2.3:4321', '[::1]:4321']) expect(hostAllowed(ok, 4321), ok).toBe(true);
    for (const bad of [undefined, '', 'localhost', 'localhost:80', 'evil.example:4321', '127.0.0.1.nip.io:4321', '192.168.1.5:4321', '[::1]', 'localhost:4321:1']) expect(hostAllowed(bad, 4321), String(bad)).toBe(false);
    expect(hostAllowed('localhost', 80)).toBe(true);
  });

  it('takes the IP addresses of the machine when it listens on another interface, never a name', () => {
    expect(hostAllowed('192.168.1.5:4321', 4321, '0.0.0.0')).toBe(true);
    expect(hostAllowed('[fe80::1]:4321', 4321, '::')).toBe(true);
    expect(hostAllowed('intranet.example:4321', 4321, '0.0.0.0')).toBe(false);
  });

  it('checks an Origin when there is one', () => {
    expect(originAllowed(undefined, 4321)).toBe(true);
    expect(originAllowed('http://localhost:4321', 4321)).toBe(true);
    expect(originAllowed('http://evil.example:4321', 4321)).toBe(false);
    expect(originAllowed('https://localhost:4321', 4321)).toBe(false);
    expect(originAllowed('null', 4321)).toBe(false);
  });
});
