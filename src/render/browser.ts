/**
 * The one module that drives a browser. It finds an installed Chrome or Chromium, launches it
 * once per build with a fresh profile and no network, loads HTML into pages, prints PDFs, and
 * owns the browser's whole life:
 * - every load and print has a time-out; a browser that takes longer, or stops answering, is
 *   killed and the error names the document being printed;
 * - a browser that crashes gives an error saying what to do, not a protocol message;
 * - an `AbortSignal` (the CLI's Ctrl-C, SIGTERM, SIGHUP) closes it at once;
 * - Chrome is connected through a pipe (`--remote-debugging-pipe`), so it exits by itself when
 *   Folio dies, even by SIGKILL; on `process.exit` the browser is killed and its profile removed;
 * - its profile folder (`folio-chrome-<pid>-…` in the temporary folder) is removed in every
 *   case, and the profiles of Folio processes that died without cleaning up are swept at launch.
 * Puppeteer's own signal handlers are off: they would exit the process and leave the profile.
 *
 * Not for: deciding what to print or what to do with the PDF (see `paginate.ts`).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FolioError } from '../diagnostics.ts';

export interface ResolveBrowserOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
  /** Lists a folder (for puppeteer's cache); returns [] when it does not exist. */
  list?: (dir: string) => string[];
  home?: string;
}

const systemPaths: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** How to get a browser, by platform, for the error message. */
const installHint: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'On Debian or Ubuntu: `sudo apt-get install chromium` (or run `bash .ci/run`, which installs it).',
  darwin: 'Install Google Chrome from https://www.google.com/chrome/.',
  win32: 'Install Google Chrome from https://www.google.com/chrome/.',
};

/**
 * Finds the browser to drive: `FOLIO_CHROME`, then `PUPPETEER_EXECUTABLE_PATH`, then the usual
 * system paths, then puppeteer's cache (`~/.cache/puppeteer`).
 * @returns the executable's path
 * @throws FolioError saying how to install one when none is found
 */
export function resolveBrowser(options: ResolveBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const list = options.list ?? ((dir: string) => (existsSync(dir) ? readdirSync(dir) : []));
  const home = options.home ?? os.homedir();

  for (const name of ['FOLIO_CHROME', 'PUPPETEER_EXECUTABLE_PATH'] as const) {
    const value = env[name];
    if (!value) continue;
    if (exists(value)) return value;
    throw new FolioError(`${name} is set to ${value}, but there is no such file. Fix the path or unset ${name}.`);
  }
  for (const candidate of systemPaths[platform] ?? []) if (exists(candidate)) return candidate;

  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(home, '.cache', 'puppeteer');
  for (const kind of ['chrome', 'chrome-headless-shell']) {
    const versions = list(path.join(cache, kind)).sort().reverse();
    for (const version of versions) {
      for (const sub of list(path.join(cache, kind, version))) {
        for (const exe of ['chrome', 'chrome-headless-shell', 'chrome.exe', 'chrome-headless-shell.exe']) {
          const file = path.join(cache, kind, version, sub, exe);
          if (exists(file)) return file;
        }
      }
    }
  }
  throw new FolioError(
    `No Chrome or Chromium found to print the PDF. ${installHint[platform] ?? 'Install Chrome or Chromium.'} ` +
      'Or set FOLIO_CHROME to the path of a Chrome or Chromium executable.',
  );
}

/** Command-line switches for a quiet, offline, reproducible headless browser. */
export const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--hide-scrollbars',
  '--font-render-hinting=none',
];

export interface PdfOptions {
  /** Chrome's own outline from the headings (bookmarks). */
  outline?: boolean;
  /** Tagged PDF (structure tree). */
  tagged?: boolean;
  timeoutMs?: number;
}

/** A loaded page: run a script in it, print it. */
export interface LoadedPage {
  /** Runs a function in the page and returns its (serializable) result. */
  evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Prints the page with its own CSS page size. */
  pdf(options?: PdfOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface BrowserSession {
  /** Loads a self-contained HTML document into a new page. Requests to the network are refused. */
  load(html: string, timeoutMs?: number): Promise<LoadedPage>;
  /** The browser's product and version (`HeadlessChrome/156.0.7390.54`). */
  version(): Promise<string>;
  /** Closes the browser and removes its profile. Safe to call twice. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  /** The browser's process id (for tests and watchdogs), when known. */
  readonly pid?: number;
}

export interface OpenBrowserOptions {
  /** Default: `resolveBrowser()`. */
  executablePath?: string;
  /** Longest one step of a print (loading a page, running a script, printing it) may take. */
  timeoutMs?: number;
  /** Closes the browser when aborted; the pending steps then reject with the signal's reason. */
  signal?: AbortSignal;
}

/** Default time-out of one step of a print: long enough for a book of a few hundred pages on a slow machine. */
export const defaultPrintTimeoutMs = 180_000;

const profilePrefix = 'folio-chrome-';

/**
 * Launches the browser.
 * @param options the executable (or its path), the time-out of each step, an abort signal
 * @throws FolioError (environment) when it cannot start
 */
export async function openBrowser(options: string | OpenBrowserOptions = {}): Promise<BrowserSession> {
  const { executablePath = resolveBrowser(), timeoutMs = defaultPrintTimeoutMs, signal } = typeof options === 'string' ? { executablePath: options } : options;
  signal?.throwIfAborted();
  await sweepStaleProfiles();
  const profile = await mkdtemp(path.join(os.tmpdir(), `${profilePrefix}${process.pid}-`));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...browserArgs, `--user-data-dir=${profile}`],
      userDataDir: profile,
      timeout: 60_000,
      // A backstop: every step has its own, shorter, time-out below.
      protocolTimeout: timeoutMs + 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new FolioError(`Could not start the browser at ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : error}. Set FOLIO_CHROME to another Chrome or Chromium.`);
  }
  const pid = browser.process()?.pid;
  let closing = false;
  let crashed = false;
  // Whatever ends the process, the browser and its profile go with it.
  const killNow = (): void => {
    if (pid !== undefined) {
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(profile, { recursive: true, force: true });
  };
  process.on('exit', killNow);
  let disconnect!: () => void;
  const disconnected = new Promise<void>((resolve) => (disconnect = resolve));
  browser.on('disconnected', () => {
    if (!closing) crashed = true;
    disconnect();
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      signal?.removeEventListener('abort', onAbort);
      const gentle = browser.close().catch(() => undefined);
      // A browser that does not answer (stopped, or busy with a page that never ends) is killed.
      const answered = await Promise.race([gentle.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref())]);
      if (!answered) killNow();
      await rm(profile, { recursive: true, force: true });
      process.off('exit', killNow);
    })());
  const onAbort = (): void => void close();
  signal?.addEventListener('abort', onAbort, { once: true });

  /** Runs one step with the time-out; turns a crash, a time-out or an abort into a clear error. */
  const step = async <T>(what: string, run: () => Promise<T>, ms = timeoutMs): Promise<T> => {
    signal?.throwIfAborted();
    if (crashed || closing) throw stopped(what);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    const running = run();
    running.catch(() => undefined);
    try {
      const result = await Promise.race([running, expired, disconnected.then(() => 'disconnected' as const)]);
      if (result === 'timeout') {
        await close();
        throw new FolioError(`The browser took more than ${Math.round(ms / 1000)} s ${what}, and was stopped. A document this long may need more time (--print-timeout SECONDS) or to be split in several; a browser that hangs, to be run again.`);
      }
      if (result === 'disconnected') throw stopped(what);
      return result as T;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof FolioError) throw error;
      if (crashed || closing) throw stopped(what);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  const stopped = (what: string): Error =>
    signal?.aborted
      ? (signal.reason as Error)
      : new FolioError(`The browser stopped ${what}: it crashed or was killed. Run the build again; if it happens again, check the memory left on this machine, or set FOLIO_CHROME to another Chrome or Chromium (now ${executablePath}).`);

  return {
    async load(html: string, loadTimeoutMs = timeoutMs): Promise<LoadedPage> {
      const what = `while loading ${documentName(html)}`;
      const page = await step(what, () => browser.newPage());
      await step(what, async () => {
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          const url = request.url();
          if (url.startsWith('data:') || url === 'about:blank') void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.setContent(html, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(loadEveryFace);
      }, loadTimeoutMs);
      return wrapPage(page, (label, run, ms) => step(`${label} ${documentName(html)}`, run, ms), loadTimeoutMs);
    },
    version: () => step('while starting', () => browser.version()),
    close,
    pid,
    [Symbol.asyncDispose]: close,
  };
}

/**
 * Loads every face the page's stylesheets declare (runs in the page). A face that only a margin
 * box uses (a running head in italics) is not loaded by the body's layout, and Chrome would print
 * that box in a fallback font — or not, depending on what the page printed before.
 */
export function loadEveryFace(): Promise<void> {
  return Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))
    .then(() => document.fonts.ready)
    .then(() => undefined);
}

/** The `<title>` of an HTML document, quoted, to name it in messages. */
function documentName(html: string): string {
  const title = /<title>([^<]{1,200})<\/title>/i.exec(html.slice(0, 20_000))?.[1]?.trim();
  return title ? `“${title.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"')}”` : 'a document';
}

type Step = <T>(label: string, run: () => Promise<T>, ms?: number) => Promise<T>;

function wrapPage(page: Page, step: Step, timeoutMs: number): LoadedPage {
  return {
    evaluate: (fn, ...args) => step('while laying out', () => page.evaluate(fn as never, ...(args as unknown as never[])) as never),
    async pdf(options: PdfOptions = {}): Promise<Uint8Array> {
      const ms = options.timeoutMs ?? timeoutMs;
      const data = await step(
        'while printing',
        () =>
          page.pdf({
            preferCSSPageSize: true,
            printBackground: true,
            outline: options.outline ?? true,
            tagged: options.tagged ?? true,
            timeout: 0,
          }),
        ms,
      );
      return new Uint8Array(data);
    },
    close: () => step('while closing', () => page.close(), 10_000).catch(() => undefined),
  };
}

/**
 * Removes the profiles that Folio processes which died without cleaning up (killed by SIGKILL,
 * a power cut) left in the temporary folder. A profile is named after its process: one whose
 * process is alive is never touched.
 */
export async function sweepStaleProfiles(tmp = os.tmpdir()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tmp);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = new RegExp(`^${profilePrefix}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
