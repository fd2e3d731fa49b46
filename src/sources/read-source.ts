/**
 * Decoding a source file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM,
 * and Windows-1252 as a reported fallback for files that are not valid UTF-8.
 * Line endings become `\n`. Nothing else changes here: every other repair is a pass in
 * `src/repair`, so that it is listed for review.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { createLineIndex } from './positions.ts';

export interface DecodedSource {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  diagnostics: Diagnostic[];
}

/**
 * Decodes the bytes of a source text.
 * @param bytes the file as read from disk
 * @param file the path to name in diagnostics
 * @returns the text with `\n` line endings, the encoding used, and diagnostics (an error when
 *   the file is binary, a warning when it had to fall back to Windows-1252)
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  const diagnostics: Diagnostic[] = [];
  let encoding: DecodedSource['encoding'] = 'utf-8';
  let text: string;

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const nul = body.indexOf(0);
    if (nul >= 0) {
      const before = new TextDecoder('utf-8').decode(body.subarray(0, nul));
      const pos = createLineIndex(before).at(before.length);
      diagnostics.push(
        diagnostic(file, pos, {
          rule: 'encoding',
          severity: 'error',
          message: 'This file holds a NUL byte: it looks like a binary file, not a text. Export it as plain text (UTF-8) and try again.',
        }),
      );
      return { text: '', encoding, diagnostics };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      encoding = 'windows-1252';
      const bad = firstInvalidUtf8(body);
      const pos = createLineIndex(new TextDecoder('utf-8').decode(body.subarray(0, bad))).at(Infinity);
      text = new TextDecoder('windows-1252').decode(body);
      diagnostics.push(
        diagnostic(file, pos, {
          rule: 'encoding',
          severity: 'warning',
          message: `This file is not valid UTF-8 (first bad byte at offset ${bad}); it was read as Windows-1252. Check its accents, or save it as UTF-8.`,
        }),
      );
    }
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, diagnostics };
}

/** Offset of the first byte that breaks UTF-8, or the length when there is none. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
