/**
 * `folio watch`: rebuilds the edition's HTML whenever a source, the manifest, a template or a
 * stylesheet changes, serves it on localhost, and reloads the open pages. PDFs (compendium,
 * booklet, handouts) are printed on demand, when their link is opened, with one browser kept
 * for the session. A failed rebuild shows its errors in the page, as `file:line:column`.
 *
 * Hand-written on Node's `fs.watch` and `http`: the folders to watch are a handful (the
 * manifest's, the sources', templates/, styles/), watched without recursion, and the server has
 * five routes; a file-watching or server library would not make either simpler.
 *
 * Not for: writing outputs (`folio build` does) — nothing here touches the disk but to read.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Edition } from '../assemble/edition.ts';
import type { AssembledEdition } from '../pipeline/assemble-stage.ts';
import { assembleEdition } from '../pipeline/build.ts';
import { handoutRequests, openingAnchors, printCompendium } from '../pipeline/print-stage.ts';
import { projectRoot } from '../pipeline/project.ts';
import { FolioError, countBySeverity, type Diagnostic } from '../diagnostics.ts';
import { bookletHtml, printBooklet } from '../publish/booklet.ts';
import { printHandouts } from '../publish/handouts.ts';
import { editionPdfMetadata } from '../render/edition-pdf.ts';
import { openBrowser as launchBrowser, type BrowserSession } from '../render/browser.ts';
import { createEventStream } from './event-stream.ts';
import { errorPage, eventsPath, withLiveReload, type ToolbarLink } from './pages.ts';

export interface WatchOptions {
  manifestPath: string;
  /** A templates folder instead of the project's `templates/`. */
  templatesDir?: string;
  /** More stylesheets after the edition's own (`--css FILE`). */
  stylesheets?: readonly string[];
  /** Port to listen on; 0 picks a free one. Default 4321. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1: the edition is not shown to the network. */
  host?: string;
  /** Quiet time after a change before rebuilding, so that a save of several files builds once. */
  debounceMs?: number;
  onEvent?: (event: WatchEvent) => void;
  /** How to get a browser for PDFs; default: launch the installed Chrome. */
  openBrowser?: () => Promise<BrowserSession>;
  /** Longest one step of a print may take (default: the browser module's). */
  printTimeoutMs?: number;
}

export type WatchEvent =
  | { type: 'built'; ms: number; warnings: number; infos: number }
  | { type: 'failed'; ms: number; message: string; diagnostics: Diagnostic[] }
  | { type: 'changed'; file: string }
  | { type: 'printed'; path: string; ms: number }
  | { type: 'print-failed'; path: string; message: string };

export interface WatchSession {
  /** Address of the served edition. */
  url: string;
  /** The latest build. */
  readonly state: BuildState;
  /** Resolves once the build running or scheduled now has finished. */
  settled(): Promise<BuildState>;
  /** Stops watching and serving, and closes the browser. */
  close(): Promise<void>;
}

export type BuildState =
  | { ok: true; id: number; edition: Edition; html: string; assembled: AssembledEdition; date: Date }
  | { ok: false; id: number; message: string; diagnostics: Diagnostic[] };

const compendiumPdf = '/compendium.pdf';
const bookletPdf = '/compendium-booklet.pdf';

/**
 * Builds the edition, serves it and watches its files.
 * @throws FolioError when the port cannot be used
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const root = projectRoot(options.manifestPath);
  const templatesDir = path.resolve(options.templatesDir ?? path.join(root, 'templates'));
  const stylesheets = (options.stylesheets ?? []).map((f) => path.resolve(f));
  const emit = options.onEvent ?? (() => undefined);
  const events = createEventStream();
  const watchers = new Map<string, FSWatcher>();
  let state: BuildState = { ok: false, id: 0, message: 'The first build has not finished yet.', diagnostics: [] };
  let pdfs = new Map<string, Promise<Uint8Array>>();
  let browser: Promise<BrowserSession> | undefined;
  let closed = false;

  // Builds run one at a time; changes during a build schedule one more.
  let running: Promise<BuildState> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const runBuilds = async (): Promise<BuildState> => {
    do {
      again = false;
      events.send('building');
      state = await buildOnce(state.id + 1);
      pdfs = new Map();
      watchFolders();
      events.send('reload', String(state.id));
    } while (again && !closed);
    running = undefined;
    return state;
  };
  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) again = true;
      else running = runBuilds();
    }, options.debounceMs ?? 120);
  };

  async function buildOnce(id: number): Promise<BuildState> {
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    try {
      const { assembled, date, diagnostics } = await assembleEdition(options.manifestPath, { templatesDir: options.templatesDir, stylesheets });
      const counts = countBySeverity(diagnostics);
      emit({ type: 'built', ms: ms(), warnings: counts.warning, infos: counts.info });
      return { ok: true, id, edition: assembled.edition, html: assembled.html, assembled, date };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const diagnostics = error instanceof FolioError ? error.diagnostics : [];
      emit({ type: 'failed', ms: ms(), message, diagnostics });
      return { ok: false, id, message, diagnostics };
    }
  }

  /** Watches the folders of the manifest, the sources, the templates and the stylesheets. */
  function watchFolders(): void {
    const folders = new Set([root, templatesDir, path.join(root, 'styles'), ...stylesheets.map((f) => path.dirname(f))]);
    if (state.ok) {
      for (const d of state.edition.documents) folders.add(path.dirname(path.resolve(root, d.source.file)));
      for (const f of state.assembled.stylesheets) folders.add(path.dirname(path.resolve(root, f)));
    }
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          // Editors' swap and backup files are not the edition.
          if (name && (name.startsWith('.') || name.endsWith('~') || /^\d+$/.test(name))) return;
          emit({ type: 'changed', file: name ? path.join(folder, name) : folder });
          schedule();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist (yet) is watched again after the next build.
      }
    }
  }

  function links(): ToolbarLink[] {
    if (!state.ok) return [];
    return [
      { href: compendiumPdf, label: 'PDF' },
      { href: bookletPdf, label: 'booklet' },
      ...state.edition.documents.map((d, i) => ({ href: `/handouts/${d.id}.pdf`, label: `handout ${i + 1}`, title: d.title })),
    ];
  }

  async function print(route: string, current: Extract<BuildState, { ok: true }>): Promise<Uint8Array | undefined> {
    const handout = /^\/handouts\/([a-z0-9-]+)\.pdf$/.exec(route);
    const index = handout ? current.edition.documents.findIndex((d) => d.id === handout[1]) : -1;
    if (route !== compendiumPdf && route !== bookletPdf && index < 0) return undefined;
    browser ??= options.openBrowser ? options.openBrowser() : launchBrowser({ timeoutMs: options.printTimeoutMs });
    const session = await browser;
    // The same print functions as `folio build`: the same PDFs, byte for byte.
    const { assembled, date } = current;
    const printer = await session.version();
    if (route === compendiumPdf) return (await printCompendium(session, assembled, { date, manifestFile: options.manifestPath, printer })).value.pdf;
    if (route === bookletPdf) {
      const html = bookletHtml(assembled.html, assembled.assets.bookletCss);
      return (await printBooklet(session, html, { metadata: editionPdfMetadata(assembled.edition, date, html, printer), openingAnchors: openingAnchors(assembled.edition) })).pdf;
    }
    const [printed] = await printHandouts(session, handoutRequests(assembled.edition, [assembled.handouts[index]!], date, printer));
    return printed!.pdf;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page of another site can reach this server through DNS rebinding (its own name made to
    // point at 127.0.0.1): such a request names that site in Host, and is refused.
    const port = (server.address() as AddressInfo).port;
    if (!hostAllowed(request.headers.host, port, host)) return send(response, 403, 'text/plain', 'Forbidden: folio watch answers only requests addressed to this machine (http://localhost:PORT/).\n');
    const route = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Only GET.\n');
    if (route === eventsPath) {
      if (!originAllowed(request.headers.origin, port, host)) return send(response, 403, 'text/plain', 'Forbidden: the event stream is for the pages folio watch serves.\n');
      return events.attach(request, response);
    }
    if (route === '/' || route === '/index.html') {
      if (state.ok) return send(response, 200, 'text/html', withLiveReload(state.html, links()));
      return send(response, 500, 'text/html', withLiveReload(errorPage(state.message, state.diagnostics)));
    }
    if (!route.endsWith('.pdf')) return send(response, 404, 'text/plain', 'Not found.\n');
    const current = state;
    if (!current.ok) return send(response, 500, 'text/html', withLiveReload(errorPage(current.message, current.diagnostics)));
    const started = performance.now();
    let pending = pdfs.get(route);
    if (!pending) {
      pending = print(route, current).then((pdf) => {
        if (!pdf) throw new NotFound();
        return pdf;
      });
      // A failed print is not kept: the next request tries again.
      pending.catch(() => pdfs.get(route) === pending && pdfs.delete(route));
      pdfs.set(route, pending);
    }
    try {
      const pdf = await pending;
      emit({ type: 'printed', path: route, ms: Math.round(performance.now() - started) });
      return send(response, 200, 'application/pdf', pdf);
    } catch (error) {
      if (error instanceof NotFound) return send(response, 404, 'text/plain', 'Not found.\n');
      const message = error instanceof Error ? error.message : String(error);
      emit({ type: 'print-failed', path: route, message });
      return send(response, 500, 'text/html', withLiveReload(errorPage(`Printing ${route} failed: ${message}`)));
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `${error instanceof Error ? error.message : String(error)}\n`);
      else response.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4321;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new FolioError(`Port ${port} on ${host} is in use. Choose another with --port, or --port 0 for any free port.`)
          : new FolioError(`Cannot serve on ${host}:${port}: ${error.message}.`),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  running = runBuilds();
  await running;

  return {
    url: `http://${shownHost}:${address.port}/`,
    get state() {
      return state;
    },
    async settled() {
      // A change seen just now is still in its quiet time: wait for it to become a build.
      while (timer || running) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, 20));
      }
      return state;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await running?.catch(() => undefined);
      if (browser) await (await browser.catch(() => undefined))?.close();
    },
  };
}

class NotFound extends Error {}

/**
 * Whether a request's `Host` names this server: `localhost` (or a name under it, which
 * browsers resolve to this machine themselves), a loopback address, or — when the server listens
 * on another interface — an IP address, with the server's port. A name of any other site is
 * refused: an IP address cannot be rebound, a name can.
 * @param header the `Host` header
 * @param port the server's port
 * @param listening the interface the server listens on
 */
export function hostAllowed(header: string | undefined, port: number, listening = '127.0.0.1'): boolean {
  if (!header) return false;
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(header.trim());
  if (!m || Number(m[3] ?? 80) !== port) return false;
  const name = (m[1] ?? m[2]!).toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  const loopbackOnly = listening === '127.0.0.1' || listening === '::1' || listening === 'localhost';
  return !loopbackOnly && (m[1] !== undefined || /^\d{1,3}(\.\d{1,3}){3}$/.test(name));
}

/** Whether an `Origin` header, when there is one, is a page of this server. */
export function originAllowed(origin: string | undefined, port: number, listening?: string): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && hostAllowed(url.host || 'none', port, listening) && (url.port === '' ? 80 : Number(url.port)) === port;
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, {
    'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
    'cache-control': 'no-store',
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  });
  response.end(body);
}
