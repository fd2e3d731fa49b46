/**
 * The two printers of the PDF cases made here: headless Chromium (puppeteer-core) and WeasyPrint
 * (its command). Each turns an HTML file into a PDF, offline.
 *
 * The dev set has its own small Chromium launcher rather than Folio's browser module: the set
 * must not change when the code it measures changes, and it needs nothing of Folio's pagination.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';

const run = promisify(execFile);

/** The Chromium to drive: `$CHROME_PATH`, else the Debian package's. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** A headless Chromium with a fresh profile, closed (and its profile removed) by `close`. */
export interface Chromium {
  print(htmlFile: string, pdfFile: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium for printing; every request but `file:` and `data:` is refused. */
export async function openChromium(): Promise<Chromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'folio-devset-chrome-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start Chromium (${chromiumPath()}): ${error instanceof Error ? error.message : String(error)}; set CHROME_PATH`);
  }
  return {
    async print(htmlFile, pdfFile) {
      const page = await browser.newPage();
      try {
        await page.setRequestInterception(true);
        page.on('request', (r) => void (/^(file|data|about):/.test(r.url()) ? r.continue() : r.abort()));
        await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
        await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Prints an HTML file with WeasyPrint (the `weasyprint` command; `$WEASYPRINT` to override). */
export async function printWeasy(htmlFile: string, pdfFile: string): Promise<void> {
  const command = process.env.WEASYPRINT || 'weasyprint';
  try {
    await run(command, ['--quiet', htmlFile, pdfFile], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`WeasyPrint failed on ${htmlFile}: ${error instanceof Error ? error.message : String(error)} (apt-get install weasyprint)`);
  }
}
