/**
 * Dates written the French way: `13 février 2024`, `1er mai 2016`, `février 2024`, `2024`.
 * Precision is kept: a month stays a month.
 */

import { frenchMonthName } from '../language/months.ts';

/** Formats `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns other values unchanged. */
export function formatFrenchDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year!;
  const name = frenchMonthName(Number(month));
  if (!name) return iso;
  if (!day) return `${name} ${year}`;
  const d = Number(day);
  return `${d === 1 ? '1er' : d} ${name} ${year}`;
}
