/**
 * Reading a source file safely, and decoding its bytes into text.
 *
 * Reading: only a regular file is read (never a FIFO, a device or a folder), and only when it is
 * no larger than a limit checked on the opened handle before a byte is read, so `/dev/zero` or a
 * pipe cannot hang or fill a build; a file can be confined to a folder (the project), symbolic
 * links included.
 *
 * Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM; a file that mixes UTF-8 with another
 * encoding keeps its valid UTF-8, and each byte that is not UTF-8 is read as Windows-1252, with a
 * warning per region of lines; a file that looks binary (NUL bytes, many control bytes, mostly
 * invalid sequences) is refused. Line endings become `\n`. Nothing else changes here: control
 * characters and every other repair are passes in `src/repair`, so that they are listed for review.
 */
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export interface DecodedSource {
  text: string;
  /** `mixed`: UTF-8 with some lines in Windows-1252. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';
  diagnostics: Diagnostic[];
}

export interface ReadFileOptions {
  /** Larger files are refused before they are read. */
  maxBytes: number;
  /** When set, a file (or the target of a link) outside this folder is refused. */
  confineTo?: string;
}

export type ReadFileResult = { bytes: Uint8Array } | { problem: string; code: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable' };

/**
 * Reads a file with the checks above.
 * @param file the path (absolute, or relative to the working folder)
 * @param options the size limit and the folder the file must be in
 * @returns the bytes, or a problem in words ("it is a FIFO, not a regular file")
 */
export async function readFileSafely(file: string, options: ReadFileOptions): Promise<ReadFileResult> {
  const absolute = path.resolve(file);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    return failure(error);
  }
  if (options.confineTo !== undefined) {
    const root = await realpath(options.confineTo).catch(() => path.resolve(options.confineTo!));
    if (!isInside(path.resolve(options.confineTo), absolute)) return { code: 'outside', problem: `it is outside the project folder ${options.confineTo}` };
    if (!isInside(root, real)) return { code: 'outside', problem: `it is a link to ${real}, outside the project folder` };
  }
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO that no one writes to must not wait forever.
    handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { code: 'not-a-file', problem: `it is ${fileType(info)}, not a regular file` };
    // The file opened must be the one checked: not swapped for another between the two steps.
    const checked = await stat(real).catch(() => undefined);
    if (!checked || checked.ino !== info.ino || checked.dev !== info.dev) return { code: 'unreadable', problem: 'it changed while it was being opened' };
    if (info.size > options.maxBytes) return { code: 'too-large', problem: `it is ${megabytes(info.size)}, more than the limit of ${megabytes(options.maxBytes)}` };
    // Read at most one byte more than the limit: a file that grows meanwhile is still refused.
    const buffer = Buffer.alloc(Math.min(options.maxBytes + 1, Math.max(info.size, 0) + 65_536));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes) return { code: 'too-large', problem: `it grows beyond the limit of ${megabytes(options.maxBytes)}` };
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

/** True when `file` is `folder` itself or inside it. */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** `12.3 MB` (decimal megabytes, as the limit is written). */
export function megabytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB` : `${bytes} bytes`;
}

function fileType(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

function failure(error: unknown): ReadFileResult {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'missing', problem: 'no such file' };
  if (code === 'ELOOP') return { code: 'unreadable', problem: 'it is a loop of symbolic links' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', problem: 'permission denied' };
  if (code === 'EISDIR') return { code: 'not-a-file', problem: 'it is a folder, not a regular file' };
  return { code: 'unreadable', problem: error instanceof Error ? error.message : String(error) };
}

/** Windows-1252, byte by byte (the five bytes it leaves undefined are read as Latin-1 does). */
const windows1252 = Array.from({ length: 256 }, (_, b) => new TextDecoder('windows-1252').decode(new Uint8Array([b])));

/**
 * Decodes the bytes of a source text.
 * @param bytes the file as read from disk
 * @param file the path to name in diagnostics
 * @returns the text with `\n` line endings, the encoding used, and diagnostics (an error when
 *   the file looks binary, a warning for each region of lines read as Windows-1252)
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const binary = binaryEvidence(body);
  if (binary) {
    return {
      text: '',
      encoding: 'utf-8',
      diagnostics: [diagnostic(file, { line: 1, column: 1 }, { rule: 'encoding', severity: 'error', message: `This file looks like a binary file, not a text (${binary}). Export it as plain text (UTF-8) and try again.` })],
    };
  }
  const lines: string[] = [];
  const bad: { line: number; column: number }[] = [];
  let start = 0;
  const decodeLine = (from: number, to: number): void => {
    const line = lines.length + 1;
    let out = '';
    let firstBad = -1;
    let i = from;
    let run = from;
    while (i < to) {
      const b = body[i]!;
      if (b < 0x80) {
        i++;
        continue;
      }
      const need = utf8Length(body, i, to);
      if (need > 0) {
        i += need;
        continue;
      }
      // One byte that is no UTF-8: the valid run before it as UTF-8, the byte as Windows-1252.
      out += utf8Decoder.decode(body.subarray(run, i));
      if (firstBad < 0) firstBad = [...out].length;
      out += windows1252[b]!;
      i++;
      run = i;
    }
    out += utf8Decoder.decode(body.subarray(run, to));
    if (firstBad >= 0) bad.push({ line, column: firstBad + 1 });
    lines.push(out);
  };
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b !== 0x0a && b !== 0x0d) continue;
    decodeLine(start, i);
    if (b === 0x0d && body[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  decodeLine(start, body.length);
  const text = lines.join('\n');
  if (!bad.length) return { text, encoding: 'utf-8', diagnostics: [] };

  if (!hasMultibyteUtf8(body)) {
    return {
      text,
      encoding: 'windows-1252',
      diagnostics: [
        diagnostic(file, bad[0]!, {
          rule: 'encoding',
          severity: 'warning',
          message: 'This file is not UTF-8: it was read as Windows-1252 (first byte that is not UTF-8 here). Check its accents, or save it as UTF-8.',
        }),
      ],
    };
  }
  // A file that mixes encodings: one warning per region of consecutive lines that are not UTF-8.
  const diagnostics: Diagnostic[] = [];
  for (let r = 0; r < bad.length; ) {
    let end = r;
    while (end + 1 < bad.length && bad[end + 1]!.line === bad[end]!.line + 1) end++;
    const from = bad[r]!;
    const which = from.line === bad[end]!.line ? `Line ${from.line} is` : `Lines ${from.line}–${bad[end]!.line} are`;
    diagnostics.push(
      diagnostic(file, from, {
        rule: 'encoding',
        severity: 'warning',
        message: `${which} not valid UTF-8 while the rest of the file is: the bytes that are not UTF-8 were read as Windows-1252. Check their accents, or save the file as UTF-8.`,
      }),
    );
    r = end + 1;
  }
  return { text, encoding: 'mixed', diagnostics };
}

const utf8Decoder = new TextDecoder('utf-8');

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedSource {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  return { text: text.replace(/\r\n?/g, '\n'), encoding, diagnostics: [] };
}

/** Length of the valid UTF-8 sequence of more than one byte at `i`, or 0. */
function utf8Length(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0 || i + need >= end) return 0;
  for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const c1 = bytes[i + 1]!;
  // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8.
  if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return 0;
  return need + 1;
}

function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 && utf8Length(bytes, i, bytes.length) > 0) return true;
  return false;
}

/**
 * Why the bytes look binary, or undefined when they look like text: a NUL byte; control bytes
 * (other than tab, line feed, carriage return, form feed, vertical tab, escape and bell, which
 * texts carry) in more than 1 % of the bytes; or a majority of bytes above 0x7F that form no
 * UTF-8 (a French text in Windows-1252 has a few percent of them; random bytes, half).
 */
export function binaryEvidence(bytes: Uint8Array): string | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `a NUL byte at offset ${nul}`;
  let controls = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b && b !== 0x07) controls++;
    } else if (b === 0x7f) controls++;
    else if (b >= 0x80) {
      const n = utf8Length(bytes, i, bytes.length);
      if (n > 0) i += n - 1;
      else invalid++;
    }
  }
  if (controls >= 4 && controls > bytes.length / 100) return `${controls} control bytes in ${bytes.length}`;
  if (invalid >= 16 && invalid > bytes.length * 0.3) return `${invalid} of its ${bytes.length} bytes are neither ASCII nor UTF-8`;
  return undefined;
}
