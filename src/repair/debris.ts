/**
 * Debris of a PDF extraction: lines that were never text of the document but pieces of its
 * drawing — the entries of a printed table of contents (a title, leader dots and a page number),
 * a column of bare numbers (the page numbers of a table of contents, the scale of a chart), the
 * labels of a figure (`GND`, `A1`, `R2` one under the other), a lone mathematical symbol left over
 * from a formula, the arrow a typesetter prints where it wrapped a line of code (`←`).
 * Each line removed is reported with its text, so an editor can put it back.
 *
 * What is removed is decided by the line's shape only, and conservatively: a lone number or a
 * lone label stays (it may be a table's cell); only runs of them go. Quotes, brackets and
 * punctuation alone on a line are text cut by the extraction (`«`, `}`) and stay.
 *
 * Written by hand: no library tells a figure's labels from text in extracted plain text.
 */
import { isDivisionName } from '../language/fr/words.ts';
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

interface TextLine {
  start: number;
  /** Just past the line break (or the end of the text). */
  end: number;
  content: string;
}

/** A table of contents' entry: leader dots, then perhaps a page number. */
const leaderDots = /(?:\.\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})?\s*$|…{3,}/iu;
/** A bare number: an integer, a decimal, a signed value. */
const bareNumber = /^[-−+±]?\d{1,6}(?:[.,]\d{1,4})?\s?%?$/u;
/** A label of a figure: capitals and digits, short (`GND`, `A1`, `IN2`, `100 kΩ`). */
const figureLabel = /^(?:[\p{Lu}\d][\p{Lu}\d]{0,5}(?:\s?[\p{Lu}\d]{1,4})?|\d{1,4}\s?[kMmµnp]?[ΩVAFHz]{1,2})$/u;
/** Mathematical symbols and arrows alone: no letter, digit, quote, bracket or punctuation of text. */
const loneSymbol = /^(?=.*[\p{Sm}\u2190-\u21ff\u2200-\u22ff\u25a0-\u25ff])[\p{Sm}\u2190-\u21ff\u2200-\u22ff\u25a0-\u25ff \t-]+$/u;
const continuationArrow = /^←-?$/u;

/**
 * The debris pass.
 * @param text the text (after page furniture)
 * @returns the removal of each debris line, with its finding
 */
export function removeDebris(text: string): PassResult {
  const lines = readLines(text);
  const edits: Edit[] = [];
  const remove = (l: TextLine, why: string): void => {
    edits.push({ start: l.start, end: l.end, insert: '', finding: { rule: 'debris', severity: 'info', message: `“${shorten(l.content)}” was removed: ${why}.` } });
  };
  const taken = new Set<TextLine>();

  for (const l of lines) {
    if (!l.content) continue;
    if (leaderDots.test(l.content) && /\p{L}/u.test(l.content)) {
      taken.add(l);
      remove(l, 'an entry of the PDF’s own table of contents (its page numbers are not the compendium’s)');
    } else if (/^(?:\.\s?){5,}$/u.test(l.content)) {
      taken.add(l);
      remove(l, 'leader dots of a table of contents');
    } else if (continuationArrow.test(l.content)) {
      taken.add(l);
      remove(l, 'the arrow a typesetter prints where it wrapped a line of code');
    } else if (loneSymbol.test(l.content) && !/^[-–—•]$/u.test(l.content)) {
      taken.add(l);
      remove(l, 'a lone symbol left over from a formula or a drawing');
    }
  }

  // Runs of bare numbers or figure labels, blank lines between them allowed.
  const nonBlank = lines.filter((l) => l.content && l.content !== '\f');
  for (let i = 0; i < nonBlank.length; ) {
    let j = i;
    while (j < nonBlank.length && !taken.has(nonBlank[j]!) && isLabel(nonBlank[j]!.content)) j++;
    const run = nonBlank.slice(i, j);
    const numbers = run.filter((l) => bareNumber.test(l.content)).length;
    // Two labels of a figure, or three numbers: one alone may be a table's cell.
    if (run.length >= 3 || (run.length === 2 && numbers < 2)) {
      for (const l of run) {
        taken.add(l);
        remove(l, bareNumber.test(l.content) ? 'one of a column of bare numbers (page numbers of a table of contents, the scale of a chart)' : 'a label of a figure (one of several short labels one under the other)');
      }
    }
    i = Math.max(j, i + 1);
  }
  return { edits };
}

function isLabel(s: string): boolean {
  // `CHAPITRE` over its number is a heading the typesetter set on two lines, not a drawing.
  return s.length <= 8 && !isDivisionName(s) && (bareNumber.test(s) || figureLabel.test(s));
}

function shorten(s: string, n = 70): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

function readLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const end = Math.min(text.length, start + raw.length + 1);
    // Only spaces and tabs are trimmed: a form feed is a page break, not blank.
    out.push({ start, end, content: raw.replace(/^[ \t]+|[ \t]+$/gu, '') });
    start += raw.length + 1;
  }
  return out;
}
