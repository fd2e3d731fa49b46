/**
 * The date a build stamps on what it makes (colophon, PDF metadata). Never the clock: two builds
 * of the same sources must give the same bytes. `SOURCE_DATE_EPOCH` (the reproducible-builds
 * convention: seconds since 1970, UTC) wins when it is set; otherwise the edition's own date.
 */
import { FolioError } from '../diagnostics.ts';

/**
 * Resolves the build date.
 * @param sourceDateEpoch the value of `SOURCE_DATE_EPOCH`, if any
 * @param editionDate the edition's date, `YYYY-MM-DD`
 * @returns the date, in UTC
 * @throws FolioError when `SOURCE_DATE_EPOCH` is not a whole number of seconds
 */
export function buildDate(sourceDateEpoch: string | undefined, editionDate: string): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== '') {
    const value = sourceDateEpoch.trim();
    if (!/^\d{1,12}$/.test(value)) {
      throw new FolioError(`SOURCE_DATE_EPOCH is "${sourceDateEpoch}", but it must be a whole number of seconds since 1970-01-01 UTC (as \`date +%s\` prints). Fix it or unset it.`, [], 'input');
    }
    return new Date(Number(value) * 1000);
  }
  return new Date(`${editionDate}T00:00:00Z`);
}
