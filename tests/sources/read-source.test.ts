import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/sources/read-source.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('strips a UTF-8 byte order mark and turns CRLF and CR into LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Première ligne\r\nDeuxième\rTroisième\n')]);
    const result = decodeSource(bytes, 'a.txt');
    expect(result.text).toBe('Première ligne\nDeuxième\nTroisième\n');
    expect(result.encoding).toBe('utf-8');
    expect(result.diagnostics).toEqual([]);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const body = Buffer.from('Défense\r\n', 'utf16le');
    const result = decodeSource(new Uint8Array([0xff, 0xfe, ...body]), 'b.txt');
    expect(result.text).toBe('Défense\n');
    expect(result.encoding).toBe('utf-16le');
  });

  it('falls back to Windows-1252 with a warning naming the line of the first bad byte', () => {
    const bytes = new Uint8Array([...utf8('ligne un\nd'), 0xe9, ...utf8('fense\n')]);
    const result = decodeSource(bytes, 'c.txt');
    expect(result.text).toBe('ligne un\ndéfense\n');
    expect(result.diagnostics).toMatchObject([{ file: 'c.txt', line: 2, column: 2, rule: 'encoding', severity: 'warning' }]);
  });

  it('refuses a binary file with an error that says what to do', () => {
    const result = decodeSource(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'd.pdf');
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'encoding', line: 1 });
    expect(result.diagnostics[0]!.message).toMatch(/plain text/);
  });
});
