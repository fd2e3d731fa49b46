/**
 * Makes the text of a PDF come out as it was written when it is copied, searched or read aloud.
 *
 * A PDF maps each glyph back to characters through the font's ToUnicode map. When a font draws
 * two characters with one glyph (Source Serif draws the apostrophe ’ U+2019 and the modifier
 * letter ʼ U+02BC alike), Chrome's PDF writer picks the lower code point, so every French
 * apostrophe is read back as U+02BC and a search for “l’usine” finds nothing. When the printed
 * text never used the look-alike, the glyph can only have come from the usual character: this
 * module rewrites those entries of the ToUnicode maps.
 *
 * Written by hand: no PDF library edits CMaps; the format used here (bfchar/bfrange) is small.
 * Not for: text that really mixes both characters (left as it is: the PDF cannot tell them apart).
 */
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';
import { decodeStream, flateStream } from './pdf-streams.ts';

/** Look-alike → usual character, for glyphs fonts commonly share. */
export const usualCharacters: ReadonlyMap<number, number> = new Map([
  [0x02bc, 0x2019], // modifier letter apostrophe → right single quotation mark (the apostrophe)
  [0x02bb, 0x2018], // modifier letter turned comma → left single quotation mark
]);

/**
 * Characters that differ from the usual one only in how lines break: always read back as the
 * usual one, so that a search for `Terres-Neuves` finds the compound the typography bound with a
 * non-breaking hyphen.
 */
export const sameLetters: ReadonlyMap<number, number> = new Map([
  [0x2011, 0x002d], // non-breaking hyphen → hyphen-minus
]);

/**
 * Picks the replacements that are safe for a given printed text.
 * @param text all the text the PDF was printed from
 * @returns look-alike → usual character, for the look-alikes that do not occur in the text (and
 *   the `sameLetters`, always)
 */
export function safeReplacements(text: string): Map<number, number> {
  const out = new Map<number, number>(sameLetters);
  for (const [from, to] of usualCharacters) if (!text.includes(String.fromCodePoint(from))) out.set(from, to);
  return out;
}

/**
 * Rewrites the ToUnicode maps of every font that maps a glyph to one of the look-alikes.
 * @param doc a PDF loaded with pdf-lib
 * @param replacements look-alike code point → usual code point (see `safeReplacements`)
 * @returns the number of glyph mappings changed
 */
export function remapLookAlikes(doc: PDFDocument, replacements: ReadonlyMap<number, number>): number {
  if (replacements.size === 0) return 0;
  let changed = 0;
  const done = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef) || done.has(ref.toString())) continue;
    done.add(ref.toString());
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder('latin1').decode(decodeStream(stream));
    const mapping = parseToUnicode(cmap);
    let here = 0;
    for (const [glyph, text] of mapping) {
      const replaced = String.fromCodePoint(...[...text].map((c) => replacements.get(c.codePointAt(0)!) ?? c.codePointAt(0)!));
      if (replaced !== text) {
        mapping.set(glyph, replaced);
        here += 1;
      }
    }
    if (here === 0) continue;
    changed += here;
    const codespace = /begincodespacerange\s*([\s\S]*?)\s*endcodespacerange/.exec(cmap)?.[1];
    doc.context.assign(ref, flateStream(doc.context, Buffer.from(writeToUnicode(mapping, codespace), 'latin1')));
  }
  return changed;
}

/** Reads a ToUnicode CMap's bfchar and bfrange sections into glyph code → text. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string): string => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(m[1]!, 16), hexText(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const low = parseInt(m[1]!, 16);
      const high = parseInt(m[2]!, 16);
      if (m[3] !== undefined) {
        // Consecutive glyphs map to consecutive text: the last UTF-16 unit is incremented.
        const base = hexText(m[3]);
        const last = base.charCodeAt(base.length - 1);
        for (let g = low; g <= high; g++) map.set(g, base.slice(0, -1) + String.fromCharCode(last + (g - low)));
      } else {
        const items = [...m[4]!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => hexText(x[1]!));
        items.forEach((text, i) => map.set(low + i, text));
      }
    }
  }
  return map;
}

/**
 * Writes glyph code → text as a ToUnicode CMap (bfchar sections only).
 * @param codespace the code space range(s) of the original map (`<0000> <FFFF>`)
 */
export function writeToUnicode(mapping: ReadonlyMap<number, string>, codespace = '<0000> <FFFF>'): string {
  const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
  const codeDigits = /<([0-9A-Fa-f]+)>/.exec(codespace)?.[1]?.length ?? 4;
  const code = (n: number): string => n.toString(16).toUpperCase().padStart(codeDigits, '0');
  const entries = [...mapping].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  // A bfchar block holds at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    const lines = chunk.map(([glyph, text]) => `<${code(glyph)}> <${[...text].map((c) => {
      const cp = c.codePointAt(0)!;
      if (cp <= 0xffff) return hex4(cp);
      const v = cp - 0x10000;
      return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
    }).join('')}>`);
    blocks.push(`${chunk.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    `${codespace.split('\n').filter((l) => l.trim()).length} begincodespacerange`,
    codespace.trim(),
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
