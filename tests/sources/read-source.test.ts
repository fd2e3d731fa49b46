import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryEvidence, decodeSource, readFileSafely } from '../../src/sources/read-source.ts';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const decode = (bytes: number[] | Uint8Array, file = 'x.txt') => decodeSource(Uint8Array.from(bytes), file);

describe('decodeSource', () => {
  it('strips a UTF-8 byte order mark and turns CRLF and CR into LF', () => {
    const result = decode([0xef, 0xbb, 0xbf, ...utf8('Première ligne\r\nDeuxième\rTroisième\n')], 'a.txt');
    expect(result.text).toBe('Première ligne\nDeuxième\nTroisième\n');
    expect(result.encoding).toBe('utf-8');
    expect(result.diagnostics).toEqual([]);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const body = Buffer.from('Défense\r\n', 'utf16le');
    const result = decode([0xff, 0xfe, ...body], 'b.txt');
    expect(result.text).toBe('Défense\n');
    expect(result.encoding).toBe('utf-16le');
  });

  it('reads a file wholly in Windows-1252 with one warning at the first byte that is not UTF-8', () => {
    const result = decode([...utf8('ligne un\nd'), 0xe9, ...utf8('fense\n'), 0xe0, ...utf8(' la ligne\n')], 'c.txt');
    expect(result.text).toBe('ligne un\ndéfense\nà la ligne\n');
    expect(result.encoding).toBe('windows-1252');
    expect(result.diagnostics).toMatchObject([{ file: 'c.txt', line: 2, column: 2, rule: 'encoding', severity: 'warning' }]);
  });

  it('keeps the valid UTF-8 of a file that mixes encodings, with a warning per region of lines', () => {
    const bytes = [
      ...utf8('Première ligne, déjà en UTF-8.\n'),
      ...utf8('La r'), 0xe9, ...utf8('gion deux, '), 0xe0, ...utf8(' lire.\n'),
      ...utf8('Toujours l'), 0xe0, ...utf8('.\n'),
      ...utf8('Retour à l’UTF-8 : « guillemets ».\n'),
      0xc9, ...utf8('t'), 0xe9, ...utf8(' et ça dans la même ligne.\n'),
    ];
    const result = decode(bytes, 'm.txt');
    expect(result.encoding).toBe('mixed');
    expect(result.text).toBe('Première ligne, déjà en UTF-8.\nLa région deux, à lire.\nToujours là.\nRetour à l’UTF-8 : « guillemets ».\nÉté et ça dans la même ligne.\n');
    expect(result.diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([
      [2, 5, 'warning'],
      [5, 1, 'warning'],
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^Lines 2–3 are not valid UTF-8 while the rest of the file is/);
    expect(result.diagnostics[1]!.message).toMatch(/^Line 5 is not valid UTF-8/);
  });

  it('refuses a file with a NUL byte as binary, saying what to do', () => {
    const result = decode([0x25, 0x50, 0x44, 0x46, 0x00, 0x01], 'd.pdf');
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'encoding', line: 1 });
    expect(result.diagnostics[0]!.message).toMatch(/binary file.*plain text/);
  });

  it('refuses random bytes without a NUL as binary', () => {
    for (const size of [64, 1_000, 100_000]) {
      const bytes = randomBytes(size).map((b) => b || 1);
      const result = decode(bytes);
      expect(result.diagnostics[0], `${size} bytes`).toMatchObject({ severity: 'error', rule: 'encoding' });
      expect(result.text).toBe('');
    }
  });

  it('does not take a text with a few control characters or escape sequences for binary', () => {
    expect(binaryEvidence(Uint8Array.from(utf8('Titre\x1b]0;titre\x07\x1b[2J et la suite du texte, assez longue pour être un texte.\n\x0cPage deux.\n')))).toBeUndefined();
    expect(binaryEvidence(Uint8Array.from([...utf8('Une ligne en Latin-1 : d'), 0xe9, ...utf8('j'), 0xe0, ...utf8(' lue.\n')]))).toBeUndefined();
  });
});

describe('readFileSafely', () => {
  const limits = { maxBytes: 1_000 };

  it('reads a regular file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-read-'));
    await writeFile(path.join(dir, 'a.txt'), 'un texte');
    const result = await readFileSafely(path.join(dir, 'a.txt'), { ...limits, confineTo: dir });
    expect('bytes' in result && new TextDecoder().decode(result.bytes)).toBe('un texte');
  });

  it('refuses a device, a folder and a FIFO, without waiting for the FIFO', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-read-'));
    expect(await readFileSafely('/dev/zero', limits)).toMatchObject({ code: 'not-a-file', problem: 'it is a device, not a regular file' });
    expect(await readFileSafely(dir, limits)).toMatchObject({ code: 'not-a-file', problem: 'it is a folder, not a regular file' });
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    expect(await readFileSafely(fifo, limits)).toMatchObject({ code: 'not-a-file', problem: 'it is a FIFO (named pipe), not a regular file' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-read-'));
    await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(1_001));
    expect(await readFileSafely(path.join(dir, 'big.txt'), limits)).toMatchObject({ code: 'too-large', problem: 'it is 1001 bytes, more than the limit of 1000 bytes' });
  });

  it('keeps a confined read inside its folder, links included', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'folio-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-read-'));
    await mkdir(path.join(dir, 'textes'));
    await writeFile(path.join(dir, 'textes', 'ok.txt'), 'ok');
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'textes', 'lien.txt'));
    await symlink(path.join(dir, 'textes', 'ok.txt'), path.join(dir, 'lien-interne.txt'));
    const confined = { ...limits, confineTo: dir };
    expect(await readFileSafely(path.join(dir, '..', path.basename(outside), 'secret.txt'), confined)).toMatchObject({ code: 'outside' });
    expect(await readFileSafely('/etc/passwd', confined)).toMatchObject({ code: 'outside' });
    expect(await readFileSafely(path.join(dir, 'textes', 'lien.txt'), confined)).toMatchObject({ code: 'outside', problem: expect.stringMatching(/^it is a link to .*secret\.txt, outside the project folder$/) });
    expect(await readFileSafely(path.join(dir, 'lien-interne.txt'), confined)).toHaveProperty('bytes');
    expect(await readFileSafely(path.join(dir, 'textes', 'lien.txt'), limits)).toHaveProperty('bytes');
    expect(await readFileSafely(path.join(dir, 'absent.txt'), confined)).toMatchObject({ code: 'missing', problem: 'no such file' });
  });
});
