import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/pipeline/build-date.ts';

describe('buildDate', () => {
  it('takes SOURCE_DATE_EPOCH when it is set', () => {
    expect(buildDate('1700000000', '2026-11-21').toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('falls back to the edition’s date, at midnight UTC', () => {
    expect(buildDate(undefined, '2026-11-21').toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(buildDate('  ', '2026-11-21').toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('says what is wrong with a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    expect(() => buildDate('yesterday', '2026-11-21')).toThrow(/SOURCE_DATE_EPOCH is "yesterday".*whole number of seconds/);
  });
});
