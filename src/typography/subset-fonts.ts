/**
 * Subset fonts for a self-contained HTML document: every font inlined as a `data:` URI keeps only
 * the glyphs of the characters the document uses, so the HTML edition weighs what its text
 * weighs, not seven whole fonts. The subsetter is HarfBuzz's (npm `subset-font`, WebAssembly):
 * it keeps every OpenType feature (small capitals, superior letters, tabular figures, ligatures)
 * and the glyphs they reach, so the page looks the same as with the whole font.
 *
 * The characters kept: those of the document's text, attributes and stylesheets (generated
 * content such as running heads and “p. ” is written there), both cases of every letter, printable
 * ASCII, and what a browser writes by itself (the hyphen it draws at a soft hyphen, the ellipsis).
 * When the printed PDFs of the same document say which characters each face drew (`usage`, by
 * PostScript name), a face keeps only those, plus the characters that no face drew in print
 * (what shows on screen only); a face that drew nothing keeps nothing but its space: the screen
 * uses the same elements and faces as the print.
 *
 * Not for: the fonts of the PDF (Chrome subsets what it embeds), or fonts loaded by URL.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fontverter from 'fontverter';
import subsetFont from 'subset-font';
import { cacheDirectory, readCacheEntry, writeCacheEntry } from '../language/fr/cache.ts';

/** The subsetter's version, part of every cached subset's key. */
const subsetterVersion = (createRequire(import.meta.url)('subset-font/package.json') as { version: string }).version;

/** Characters a browser may draw without their being in the text. */
const browserCharacters = '\u2010\u2011\u00ad\u2026\u00a0\u202f\u2013\u2014\u2019\ufffd';

const dataFont = /url\(\s*(["']?)data:(font\/woff2|font\/woff|font\/ttf|font\/otf);base64,([A-Za-z0-9+/=]+)\1\s*\)(\s*format\(\s*(["']?)[\w-]+\5\s*\))?/g;

/**
 * Puts each inlined font's subset in its place, with the format hint that says what it now is
 * (a browser skips a font whose hint names another format).
 */
function replaceFonts(text: string, subsets: ReadonlyMap<string, string>, format: 'woff2' | 'sfnt'): string {
  const [mime, hint] = format === 'sfnt' ? ['font/ttf', 'truetype'] : ['font/woff2', 'woff2'];
  return text.replace(dataFont, (_whole, _quote: string, _mime: string, base64: string, hinted?: string) => `url("data:${mime};base64,${subsets.get(base64)}")${hinted ? ` format("${hint}")` : ''}`);
}

/**
 * The characters a document may draw.
 * @param html the document, fonts inlined or not
 */
export function charactersOf(html: string): string {
  const text = html
    .replace(dataFont, '')
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    // CSS escapes in generated content: `\2002`, `\00a0 `.
    .replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)));
  const set = new Set<string>();
  const add = (s: string): void => {
    for (const c of s) set.add(c);
  };
  for (let c = 0x20; c < 0x7f; c++) set.add(String.fromCharCode(c));
  add(browserCharacters);
  for (const c of new Set(text)) {
    set.add(c);
    add(c.toLocaleUpperCase('fr'));
    add(c.toLocaleLowerCase('fr'));
  }
  return [...set].filter((c) => c >= ' ').sort().join('');
}

/**
 * A font's subset for some characters, as woff2. Compressing woff2 (Brotli at its best quality)
 * is most of a build's time for the HTML, and its result depends only on the font, the
 * characters and the subsetter: it is kept in the user's cache folder under a hash of the three,
 * so a rebuild that draws the same characters gives the same bytes at once.
 */
async function cachedSubset(font: Buffer, keep: string, format: 'woff2' | 'sfnt' = 'woff2'): Promise<Buffer> {
  const dir = cacheDirectory();
  const name = `subset-${createHash('sha256').update(subsetterVersion).update('\0').update(keep).update('\0').update(font).digest('hex').slice(0, 32)}.${format === 'sfnt' ? 'ttf' : 'woff2'}`;
  const cached = await readCacheEntry(dir, name);
  if (cached) return cached;
  const subset = await subsetFont(font, keep, { targetFormat: format });
  await writeCacheEntry(dir, name, subset);
  return subset;
}

/**
 * Replaces every inlined font of a document by its subset for the document's characters.
 * @param html a self-contained HTML document
 * @returns the same document with smaller fonts; unchanged when it inlines none
 */
export async function subsetInlineFonts(html: string, usage?: ReadonlyMap<string, ReadonlySet<string>>): Promise<string> {
  const fonts = [...new Set([...html.matchAll(dataFont)].map((m) => m[3]!))];
  if (!fonts.length) return html;
  const characters = charactersOf(html);
  const printed = new Set<string>();
  for (const set of usage?.values() ?? []) for (const c of set) printed.add(c);
  const screenOnly = [...characters].filter((c) => !printed.has(c)).join('');
  const subsets = new Map<string, string>();
  for (const base64 of fonts) {
    const font = Buffer.from(base64, 'base64');
    const drawn = usage ? usage.get(postScriptName(await fontverter.convert(font, 'sfnt')) ?? '') : undefined;
    const keep = !usage ? characters : drawn ? [...drawn].join('') + screenOnly : ' ';
    subsets.set(base64, (await cachedSubset(font, keep)).toString('base64'));
  }
  return replaceFonts(html, subsets, 'woff2');
}

/**
 * The fonts of a stylesheet about to be printed, each inlined font cut down to the characters
 * the print may draw. Chrome embeds in the PDF only what it draws anyway, so this is for speed:
 * every printing page loads the stylesheet, every part's print goes through its fonts, and whole
 * fonts are most of its bytes. The subsets are TrueType, not woff2: Brotli at its best quality is
 * most of what making and loading a woff2 costs, and these are never downloaded.
 * @param css a stylesheet, fonts inlined
 * @param characters what the print may draw (`charactersOf` the documents it prints)
 */
export async function subsetFontsToPrint(css: string, characters: string): Promise<string> {
  const fonts = [...new Set([...css.matchAll(dataFont)].map((m) => m[3]!))];
  const subsets = new Map<string, string>();
  for (const base64 of fonts) subsets.set(base64, (await cachedSubset(Buffer.from(base64, 'base64'), characters, 'sfnt')).toString('base64'));
  return replaceFonts(css, subsets, 'sfnt');
}

/**
 * The PostScript name of an OpenType font (`name` table, id 6), which is what PDF writers name
 * the font (`BaseFont`).
 * @param sfnt the font as TrueType/OpenType bytes
 */
export function postScriptName(sfnt: Buffer): string | undefined {
  const tables = sfnt.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (sfnt.toString('latin1', record, record + 4) !== 'name') continue;
    const table = sfnt.readUInt32BE(record + 8);
    const count = sfnt.readUInt16BE(table + 2);
    const strings = table + sfnt.readUInt16BE(table + 4);
    for (let r = 0; r < count; r++) {
      const at = table + 6 + r * 12;
      if (sfnt.readUInt16BE(at + 6) !== 6) continue;
      const platform = sfnt.readUInt16BE(at);
      const length = sfnt.readUInt16BE(at + 8);
      const start = strings + sfnt.readUInt16BE(at + 10);
      const bytes = sfnt.subarray(start, start + length);
      // Windows names are UTF-16BE; Macintosh ones, one byte per character.
      return platform === 3 ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('latin1');
    }
  }
  return undefined;
}
