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
 *
 * Not for: the fonts of the PDF (Chrome subsets what it embeds), or fonts loaded by URL.
 */
import subsetFont from 'subset-font';

/** Characters a browser may draw without their being in the text. */
const browserCharacters = '\u2010\u2011\u00ad\u2026\u00a0\u202f\u2013\u2014\u2019\ufffd';

const dataFont = /url\(\s*(["']?)data:(font\/woff2|font\/woff|font\/ttf|font\/otf);base64,([A-Za-z0-9+/=]+)\1\s*\)/g;

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
 * Replaces every inlined font of a document by its subset for the document's characters.
 * @param html a self-contained HTML document
 * @returns the same document with smaller fonts; unchanged when it inlines none
 */
export async function subsetInlineFonts(html: string): Promise<string> {
  const fonts = [...new Set([...html.matchAll(dataFont)].map((m) => m[3]!))];
  if (!fonts.length) return html;
  const characters = charactersOf(html);
  const subsets = new Map<string, string>();
  for (const base64 of fonts) {
    const subset = await subsetFont(Buffer.from(base64, 'base64'), characters, { targetFormat: 'woff2' });
    subsets.set(base64, subset.toString('base64'));
  }
  return html.replace(dataFont, (_whole, _quote: string, _mime: string, base64: string) => `url("data:font/woff2;base64,${subsets.get(base64)}")`);
}
