/**
 * The one module that drives a browser. It finds an installed Chrome or Chromium, launches it
 * once per build with a fresh profile and no network, loads HTML into pages, prints PDFs, and
 * closes everything in every case (puppeteer also kills the browser on SIGINT/SIGTERM/SIGHUP).
 *
 * Not for: deciding what to print or what to do with the PDF (see `paginate.ts`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
}

/**
 * Launches the browser.
 * @param executablePath defaults to `resolveBrowser()`
 */
export async function openBrowser(executablePath = resolveBrowser()): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'folio-chrome-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...browserArgs, `--user-data-dir=${profile}`],
      userDataDir: profile,
      timeout: 60_000,
      protocolTimeout: 300_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new FolioError(`Could not start the browser at ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : error}. Set FOLIO_CHROME to another Chrome or Chromium.`);
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await browser.close();
    } catch {
      browser.process()?.kill('SIGKILL');
    }
    await rm(profile, { recursive: true, force: true });
  };
  return {
    async load(html: string, timeoutMs = 120_000): Promise<LoadedPage> {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url === 'about:blank') void request.continue();
        else void request.abort('blockedbyclient');
      });
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return wrapPage(page, timeoutMs);
    },
    version: () => browser.version(),
    close,
    [Symbol.asyncDispose]: close,
  };
}

function wrapPage(page: Page, timeoutMs: number): LoadedPage {
  return {
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async pdf(options: PdfOptions = {}): Promise<Uint8Array> {
      const data = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        outline: options.outline ?? true,
        tagged: options.tagged ?? true,
        timeout: options.timeoutMs ?? timeoutMs,
      });
      return new Uint8Array(data);
    },
    close: () => page.close(),
  };
}
