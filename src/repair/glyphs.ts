/**
 * Characters as a PDF extraction gives them, made the characters the text means: Unicode
 * normalized to NFC (an `e` followed by a combining acute becomes `é`), TeX's glyph pairs
 * composed (a dotless `ı` under a combining circumflex, a spacing accent printed before its
 * letter: `ˆu` → `û`), a degree sign set in TeX's T1 encoding (`360ř` → `360°`), typographic
 * ligatures spelt out (`ﬁ` → `fi`), and the control characters
 * that `pdftotext` emits for TeX fonts without a Unicode map read for what they stood for.
 *
 * Those control characters are the font's own code points. The same code means different
 * things in different TeX encodings, so the context decides:
 * - a pair that opens and closes around a phrase (`\x13 … \x14` in T1 fonts, `\x1c … \x1d` when
 *   the guillemets were drawn with the math symbols ≪ ≫ of an OT1 setup) is « … »;
 * - a code inside a word is a ligature (T1: `\x1b`–`\x1f` for ff, fi, fl, ffi, ffl; OT1:
 *   `\x0b`–`\x0f`) or a dotless i, and is mapped only when the French lexicon knows the word it
 *   makes;
 * - anything else (the big brackets of a formula in TeX's math extension font) means nothing
 *   as text and is removed, each removal reported.
 *
 * Runs first, so that every later pass (and the lexicon) sees ordinary letters. Form feeds, tabs
 * and line breaks are layout, left to the page and block passes. Written by hand: Unicode
 * normalization is `String.prototype.normalize`; the TeX encodings are small fixed tables.
 */
import type { Lexicon } from '../language/fr/lexicon.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

/** Spacing accents and the combining marks they stand for (a TeX accent printed as its own glyph). */
const spacingAccents: Record<string, string> = {
  '\u00b4': '\u0301', // ´ acute
  '\u02ca': '\u0301',
  '\u02cb': '\u0300', // ˋ grave (the modifier letter, not the ASCII backtick)
  '\u02c6': '\u0302', // ˆ circumflex
  '\u00a8': '\u0308', // ¨ diaeresis
  '\u02dc': '\u0303', // ˜ tilde
  '\u02d8': '\u0306', // ˘ breve
  '\u02c7': '\u030c', // ˇ caron
  '\u02da': '\u030a', // ˚ ring
  '\u02d9': '\u0307', // ˙ dot
  '\u02dd': '\u030b', // ˝ double acute
  '\u00af': '\u0304', // ¯ macron
};

/** Presentation forms of ligatures, spelt out. */
const ligatures: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/**
 * What a control code may stand for inside a word, by TeX font encoding: a ligature, a dotless i,
 * or an accent printed as its own glyph before its letter (a combining mark here).
 */
const inWordCodes: Record<number, string[]> = {
  0x00: ['\u0300'], // T1 grave
  0x01: ['\u0301'], // T1 acute
  0x02: ['\u0302'], // T1 circumflex
  0x03: ['\u0303'], // T1 tilde
  0x04: ['\u0308'], // T1 diaeresis
  0x12: ['\u0300'], // OT1 grave
  0x13: ['\u0301'], // OT1 acute
  0x7f: ['\u0308'], // OT1 diaeresis
  0x0b: ['ff'], // OT1
  0x0c: ['fi'],
  0x0d: ['fl'],
  0x0e: ['ffi'],
  0x0f: ['ffl'],
  0x10: ['i'], // OT1 dotless i, usually under an accent
  0x19: ['i'], // T1 dotless i
  0x1b: ['ff', 'œ'], // T1 ff; OT1 œ
  0x1c: ['fi'], // T1
  0x1d: ['fl'], // T1
  0x1e: ['ffi', 'Œ'], // T1 ffi; OT1 Œ
  0x1f: ['ffl'], // T1
};

/** Opening and closing codes of guillemets: T1's « », and the math symbols ≪ ≫ used for them with OT1. */
const guillemetPairs: [string, string][] = [
  ['\x13', '\x14'],
  ['\x1c', '\x1d'],
];

/** Control characters other than tab, line feed, form feed and carriage return; DEL; the C1 controls. */
const controlPattern = /[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]/gu;

interface Tally {
  count: number;
  first: number;
  example: string;
}

/**
 * The glyph pass.
 * @param text the source text as decoded
 * @param context the lexicon decides what a control code inside a word stood for
 * @returns character edits, a note per kind of change (with a count and the first place), and a
 *   finding for each character removed
 */
export function repairGlyphs(text: string, context: Pick<PassContext, 'lexicon'>): PassResult {
  const edits: Edit[] = [];
  const taken = new Set<number>();
  const tallies = new Map<string, Tally>();
  const tally = (kind: string, at: number, example: string): void => {
    const t = tallies.get(kind);
    if (t) t.count += 1;
    else tallies.set(kind, { count: 1, first: at, example });
  };
  const claim = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken.has(i)) return false;
    for (let i = start; i < end; i++) taken.add(i);
    return true;
  };

  // Guillemets first: they are decided by pairs, before the codes are read one by one.
  for (const [open, close] of guillemetPairs) {
    for (const [a, b] of guillemetSpans(text, open, close)) {
      if (!claim(a, a + 1) || !claim(b, b + 1)) continue;
      edits.push({ start: a, end: a + 1, insert: '«' }, { start: b, end: b + 1, insert: '»' });
      tally('guillemets', a, text.slice(a, Math.min(b + 1, a + 40)));
    }
  }

  for (const m of text.matchAll(controlPattern)) {
    const at = m.index;
    if (taken.has(at)) continue;
    const fix = inWordCode(text, at, context.lexicon);
    if (fix && claim(at, fix.end)) {
      edits.push({ start: at, end: fix.end, insert: fix.insert });
      tally('control-in-word', at, fix.insert);
      continue;
    }
    claim(at, at + 1);
    edits.push({
      start: at,
      end: at + 1,
      insert: '',
      finding: {
        rule: 'font-control-code',
        severity: 'info',
        message: `An invisible control character (U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) was removed: a PDF extraction gives such codes for glyphs of TeX fonts that have no text meaning (the brackets of a formula, for instance).`,
      },
    });
  }

  for (const m of text.matchAll(/[\ufb00-\ufb06]/gu)) {
    if (!claim(m.index, m.index + 1)) continue;
    edits.push({ start: m.index, end: m.index + 1, insert: ligatures[m[0]]! });
    tally('ligature', m.index, m[0]);
  }

  // A degree sign typed in Latin-1 (code 0xB0) and set in a TeX font of the T1 encoding, where
  // that code is `ř`: after a digit (`360ř`, `20řC`) no word has an r with a caron.
  for (const m of text.matchAll(/(?<=\d)\u0159/gu)) {
    if (!claim(m.index, m.index + 1)) continue;
    edits.push({ start: m.index, end: m.index + 1, insert: '°' });
    tally('degree', m.index, text.slice(Math.max(0, m.index - 6), m.index + 2).trim());
  }

  // Soft hyphens: a browser's PDF keeps them in its text. Inside a line they are invisible and go;
  // at a line's end (with the hyphen printed after it) they mark a word the typesetter hyphenated,
  // and one soft hyphen stays there for the layout pass to join the word without a hyphen. A
  // soft hyphen opening a line after a space is a piece of a word the text layer broke: the
  // line joins the previous one; so is a soft hyphen that a space follows inside a line, before
  // the rest of the word in small letters (`diffé\u00ad rentes`: the invisible glyph took room).
  for (const m of text.matchAll(/\n\u00ad[ \t]+|\u00ad+[\u2010-]?(?=\n)|\u00ad+[ \t]+(?=\p{Ll})|\u00ad+/gu)) {
    if (!claim(m.index, m.index + m[0].length)) continue;
    const atEnd = m[0][0] === '\u00ad' && text[m.index + m[0].length] === '\n';
    if (atEnd && m[0] === '\u00ad') continue;
    edits.push({ start: m.index, end: m.index + m[0].length, insert: atEnd ? '\u00ad' : '' });
    tally('soft-hyphen', m.index, m[0]);
  }

  // TeX accents: a dotless i under a combining accent, a spacing accent before its letter (or a
  // spacing cedilla after its c).
  const accentClass = Object.keys(spacingAccents).join('');
  const texAccent = new RegExp(`[\u0131\u0237](\\p{M}+)|([${accentClass}])(\\p{L})|([cC])\u00b8`, 'gu');
  for (const m of text.matchAll(texAccent)) {
    let composed: string | undefined;
    if (m[1] !== undefined) composed = (m[0][0] === '\u0131' ? 'i' : 'j') + m[1];
    else if (m[2] !== undefined) composed = m[3]! + spacingAccents[m[2]]!;
    else composed = `${m[4]}\u0327`;
    const nfc = composed.normalize('NFC');
    // Only where the pair makes one accented letter: `ˆ` before a digit or `¨` alone stay as written.
    if ([...nfc].length !== 1 || !claim(m.index, m.index + m[0].length)) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, insert: nfc });
    tally('tex-accent', m.index, `${m[0]} → ${nfc}`);
  }

  // NFC: a letter with its combining marks, or a character NFC replaces, becomes its composed form.
  for (const m of text.matchAll(/\P{M}\p{M}+|[\u2126\u212a\u212b\u0340\u0341\u0343\u0344\u0374\u037e\u0387]/gu)) {
    const nfc = m[0].normalize('NFC');
    if (nfc === m[0] || !claim(m.index, m.index + m[0].length)) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, insert: nfc });
    tally('nfc', m.index, nfc);
  }

  const notes: Note[] = [];
  for (const [kind, t] of tallies) notes.push({ at: t.first, finding: tallyFinding(kind, t) });
  return { edits, notes };
}

function tallyFinding(kind: string, t: Tally): Note['finding'] {
  switch (kind) {
    case 'guillemets':
      return {
        rule: 'tex-guillemets',
        severity: 'info',
        message: `${t.count} pair(s) of control characters that a TeX font printed as guillemets became « » (first: “${t.example.replace(/[\x00-\x1f]/gu, '·')}”).`,
      };
    case 'control-in-word':
      return {
        rule: 'ligature',
        severity: 'info',
        message: `${t.count} control character(s) inside words were TeX ligatures or a dotless i: spelt out where the French lexicon knows the word (first: “${t.example}”).`,
      };
    case 'soft-hyphen':
      return {
        rule: 'soft-hyphen',
        severity: 'info',
        message: `${t.count} soft hyphen(s) of the PDF's text layer were removed (inside words, where they are invisible) or marked for joining the word they split at a line's end.`,
      };
    case 'ligature':
      return { rule: 'ligature', severity: 'info', message: `${t.count} typographic ligature(s) (ﬁ, ﬂ, ﬀ…) were spelt out as letters (first: “${t.example}”).` };
    case 'degree':
      return {
        rule: 'tex-degree',
        severity: 'info',
        message: `${t.count} degree sign(s) that a TeX font printed as “ř” (the Latin-1 code of ° read in TeX's T1 encoding) became ° (first: “${t.example}”).`,
      };
    case 'tex-accent':
      return {
        rule: 'tex-accent',
        severity: 'info',
        message: `${t.count} accent(s) that TeX printed apart from their letter were put back on it (first: ${t.example}).`,
      };
    default:
      return {
        rule: 'unicode-normalization',
        severity: 'info',
        message: `${t.count} letter(s) written as a base letter and a separate accent were composed (Unicode NFC; first: “${t.example}”).`,
      };
  }
}

/**
 * Pairs of `open` … `close` codes that read as guillemets: each opening code followed, before the
 * next opening one and within a few lines, by a closing one; French spacing or a word inside.
 */
function guillemetSpans(text: string, open: string, close: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const a = text.indexOf(open, from);
    if (a < 0) break;
    const nextOpen = text.indexOf(open, a + 1);
    const b = text.indexOf(close, a + 1);
    if (b < 0) break;
    const inner = text.slice(a + 1, b);
    const plausible = (nextOpen < 0 || b < nextOpen) && b - a <= 300 && /\S/u.test(inner) && (inner.match(/\n/gu)?.length ?? 0) <= 3;
    // A ligature code inside a word (`dé\x1cnir`) is not a guillemet: guillemets stand between words.
    const wordBefore = /\p{L}/u.test(text[a - 1] ?? '') && /\p{L}/u.test(text[a + 1] ?? '');
    const wordAfter = /\p{L}/u.test(text[b - 1] ?? '') && /\p{L}/u.test(text[b + 1] ?? '');
    if (plausible && !wordBefore && !wordAfter) {
      spans.push([a, b]);
      from = b + 1;
    } else from = a + 1;
  }
  return spans;
}

/**
 * What a control code between letters stood for, when exactly one reading makes a French word:
 * the text that replaces the code (and the accents or the letter it combines with), up to `end`.
 */
function inWordCode(text: string, at: number, lexicon: Lexicon | undefined): { end: number; insert: string } | undefined {
  const candidates = inWordCodes[text.charCodeAt(at)];
  if (!candidates || !lexicon) return undefined;
  const before = /\p{L}*$/u.exec(text.slice(Math.max(0, at - 40), at))![0];
  const after = /^[\p{L}\p{M}]*/u.exec(text.slice(at + 1, at + 41))![0];
  if (!before && !after) return undefined;
  const readings: { end: number; insert: string }[] = [];
  for (const c of candidates) {
    if (/^\p{M}$/u.test(c)) {
      // An accent goes on the letter after it (and the marks already on that letter).
      const letter = /^\p{L}\p{M}*/u.exec(after)?.[0];
      if (letter && lexicon.has(`${before}${letter[0]}${c}${after.slice(1)}`.normalize('NFC'))) {
        readings.push({ end: at + 1 + letter.length, insert: `${letter[0]}${c}${letter.slice(1)}`.normalize('NFC') });
      }
      continue;
    }
    // A dotless i stands under an accent or inside a word, never at its end.
    if (c === 'i' && !after) continue;
    if (!lexicon.has(`${before}${c}${after}`.normalize('NFC'))) continue;
    const marks = /^\p{M}*/u.exec(after)![0];
    readings.push({ end: at + 1 + marks.length, insert: (c + marks).normalize('NFC') });
  }
  return readings.length === 1 ? readings[0] : undefined;
}
