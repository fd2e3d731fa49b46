/** Content streams parsed and written back: the same drawing, operand for operand. */
import { describe, expect, it } from 'vitest';
import { decodeTextString, dictEntry, encodeTextString, parseContent, writeContent } from '../../src/render/pdf-content.ts';

describe('content streams', () => {
  const stream = 'q 1 0 0 1 0 0 cm\n/Span<</ActualText <FEFF00AD> /MCID 3>> BDC\nBT /F4 12 Tf 1 0 0 -1 5 6 Tm (a\\)b) Tj [<0013> -12 <0108>] TJ ET\nEMC Q % a comment\n';

  it('reads operators with their operands, strings, arrays and dictionaries whole', () => {
    const ops = parseContent(stream)!;
    expect(ops.map((o) => o.operator)).toEqual(['q', 'cm', 'BDC', 'BT', 'Tf', 'Tm', 'Tj', 'TJ', 'ET', 'EMC', 'Q']);
    expect(ops[2]!.operands).toEqual(['/Span', '<</ActualText <FEFF00AD> /MCID 3>>']);
    expect(ops[6]!.operands).toEqual(['(a\\)b)']);
    expect(ops[7]!.operands).toEqual(['[<0013> -12 <0108>]']);
  });

  it('writes back a stream that reads the same', () => {
    const ops = parseContent(stream)!;
    expect(parseContent(writeContent(ops))).toEqual(ops);
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(parseContent('BI /W 1 /H 1 ID xx EI')).toBeUndefined();
    expect(parseContent('(unclosed Tj')).toBeUndefined();
  });

  it('reads dictionary entries and text strings', () => {
    expect(dictEntry('<</ActualText <FEFF00AD> /MCID 3>>', 'MCID')).toBe('3');
    expect(decodeTextString(dictEntry('<</ActualText <FEFF00AD> /MCID 3>>', 'ActualText')!)).toBe('\u00ad');
    expect(decodeTextString('(l\\(a\\))')).toBe('l(a)');
    expect(decodeTextString(encodeTextString('ffi é'))).toBe('ffi é');
  });
});
