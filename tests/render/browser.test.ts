import { describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/render/browser.ts';

const none = (): boolean => false;

describe('resolveBrowser', () => {
  it('takes FOLIO_CHROME first, then PUPPETEER_EXECUTABLE_PATH', () => {
    const exists = (f: string): boolean => f === '/opt/chrome' || f === '/opt/other' || f === '/usr/bin/chromium';
    expect(resolveBrowser({ env: { FOLIO_CHROME: '/opt/chrome', PUPPETEER_EXECUTABLE_PATH: '/opt/other' }, exists, platform: 'linux' })).toBe('/opt/chrome');
    expect(resolveBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/opt/other' }, exists, platform: 'linux' })).toBe('/opt/other');
  });

  it('says when a variable names a missing file', () => {
    expect(() => resolveBrowser({ env: { FOLIO_CHROME: '/nope' }, exists: none, platform: 'linux' })).toThrow(/FOLIO_CHROME is set to \/nope/);
  });

  it('finds the usual system paths', () => {
    expect(resolveBrowser({ env: {}, exists: (f) => f === '/usr/bin/google-chrome', platform: 'linux' })).toBe('/usr/bin/google-chrome');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(resolveBrowser({ env: {}, exists: (f) => f === mac, platform: 'darwin' })).toBe(mac);
  });

  it("falls back to puppeteer's cache, newest version first", () => {
    const listing: Record<string, string[]> = {
      '/home/u/.cache/puppeteer/chrome': ['linux-120.0.0', 'linux-131.0.1'],
      '/home/u/.cache/puppeteer/chrome/linux-131.0.1': ['chrome-linux64'],
    };
    const found = resolveBrowser({
      env: {},
      home: '/home/u',
      platform: 'linux',
      exists: (f) => f === '/home/u/.cache/puppeteer/chrome/linux-131.0.1/chrome-linux64/chrome',
      list: (d) => listing[d] ?? [],
    });
    expect(found).toBe('/home/u/.cache/puppeteer/chrome/linux-131.0.1/chrome-linux64/chrome');
  });

  it('explains how to install a browser when there is none', () => {
    expect(() => resolveBrowser({ env: {}, exists: none, list: () => [], platform: 'linux' })).toThrow(/apt-get install chromium.*FOLIO_CHROME/s);
  });
});
