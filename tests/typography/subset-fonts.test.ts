/** Inlined fonts subset to the characters of the document, and the subsets kept in the cache folder. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { charactersOf, subsetFontsToPrint, subsetInlineFonts } from '../../src/typography/subset-fonts.ts';

const require = createRequire(import.meta.url);
const fontFile = require.resolve('source-serif/WOFF2/TTF/SourceSerif4SmText-Regular.ttf.woff2');
const saved = process.env.FOLIO_CACHE_DIR;

afterEach(() => {
  if (saved === undefined) delete process.env.FOLIO_CACHE_DIR;
  else process.env.FOLIO_CACHE_DIR = saved;
});

describe('subsetInlineFonts', () => {
  it('keeps a subset of each inlined font, the same bytes again from the cache', async () => {
    process.env.FOLIO_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
    const font = (await readFile(fontFile)).toString('base64');
    const html = `<style>@font-face { font-family: T; src: url("data:font/woff2;base64,${font}") }</style><p>Une édition fictive.</p>`;
    const first = await subsetInlineFonts(html);
    expect(first.length).toBeLessThan(html.length / 2);
    expect(first).toContain('<p>Une édition fictive.</p>');
    expect(await readdir(process.env.FOLIO_CACHE_DIR)).toHaveLength(1);
    expect(await subsetInlineFonts(html)).toBe(first);
    // Other characters, another subset.
    const other = await subsetInlineFonts(html.replace('fictive', 'ĳ'));
    expect(other).not.toBe(first);
    expect(await readdir(process.env.FOLIO_CACHE_DIR)).toHaveLength(2);
  });

  it('gives a woff2 back its format hint, whatever the hint said before', async () => {
    process.env.FOLIO_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
    const font = (await readFile(fontFile)).toString('base64');
    const html = `<style>@font-face { font-family: T; src: url("data:font/ttf;base64,${font}") format("truetype") }</style><p>Texte.</p>`;
    const out = await subsetInlineFonts(html);
    expect(out).toMatch(/url\("data:font\/woff2;base64,[^"]+"\) format\("woff2"\)/);
    expect(out).not.toContain('truetype');
  });
});

describe('subsetFontsToPrint', () => {
  it('cuts each font of a stylesheet down to the characters given, as TrueType with its hint, the rest of the stylesheet as it was', async () => {
    process.env.FOLIO_CACHE_DIR = await mkdtemp(path.join(os.tmpdir(), 'folio-cache-'));
    const font = (await readFile(fontFile)).toString('base64');
    const css = `@font-face { font-family: T; src: url("data:font/woff2;base64,${font}") format("woff2"); }\n@page { @top-center { content: "Tête"; } }`;
    const out = await subsetFontsToPrint(css, charactersOf('<p>Une édition</p>'));
    const match = /url\("data:font\/ttf;base64,([^"]+)"\) format\("truetype"\)/.exec(out);
    expect(match).not.toBeNull();
    expect(out).toContain('@page { @top-center { content: "Tête"; } }');
    const subset = Buffer.from(match![1]!, 'base64');
    // An sfnt: TrueType outlines (0x00010000) or CFF ones (`OTTO`), not `wOF2`.
    expect(['00010000', '4f54544f']).toContain(subset.subarray(0, 4).toString('hex'));
    // Smaller than the whole font, even uncompressed.
    expect(subset.length).toBeLessThan(Buffer.from(font, 'base64').length);
  });
});
