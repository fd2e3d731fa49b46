/**
 * Spacing and characters: runs of spaces inside a line become one space, a space before a comma
 * or a full stop goes, a doubled full stop after `etc` becomes one, straight apostrophes between
 * letters become typographic (’), no-break spaces become plain spaces (the typography of the
 * compendium puts the right ones back). Guillemets « » and dashes are kept as written.
 * Reported once per kind of change and document, with the first place.
 */
import type { Edit, Note } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

interface Rule {
  pattern: RegExp;
  replace: (m: RegExpMatchArray) => string;
  message: (n: number) => string;
}

const rules: Rule[] = [
  {
    pattern: /(?<=\S)[ \u00a0\u202f\u2007]{2,}(?=\S)/gu,
    replace: () => ' ',
    message: (n) => `${n} run(s) of several spaces inside lines were reduced to one space.`,
  },
  {
    // Not before a shell's `.` command (`. $HOME/.profile`, `then .` + a path on the next line).
    pattern: /(?<=[\p{L}\p{N}’»)*\]]) +(?=[,.](?:[ \t]|$)(?![ \t]*\n?[ \t]*[$/~]))/gmu,
    replace: () => '',
    message: (n) => `${n} space(s) before a comma or a full stop were removed.`,
  },
  {
    pattern: /(?<=\betc)\.{2,}/gu,
    replace: () => '.',
    message: (n) => `${n} doubled full stop(s) after “etc” were made single.`,
  },
  {
    pattern: /(?<=\p{L})'(?=\p{L})/gu,
    replace: () => '’',
    message: (n) => `${n} straight apostrophe(s) were made typographic (’), as in the rest of the text.`,
  },
  {
    pattern: /[\u00a0\u202f\u2007]/gu,
    replace: () => ' ',
    message: (n) => `${n} no-break space(s) of the source became plain spaces; the compendium's typography sets its own.`,
  },
];

/** The spacing pass. */
export function normalizeSpacing(text: string): PassResult {
  const edits: Edit[] = [];
  const notes: Note[] = [];
  const taken = new Set<number>();
  for (const rule of rules) {
    let first: number | undefined;
    let n = 0;
    for (const m of text.matchAll(rule.pattern)) {
      if (taken.has(m.index)) continue;
      for (let i = m.index; i < m.index + Math.max(1, m[0].length); i++) taken.add(i);
      edits.push({ start: m.index, end: m.index + m[0].length, insert: rule.replace(m) });
      first ??= m.index;
      n += 1;
    }
    if (first !== undefined) notes.push({ at: first, finding: { rule: 'spacing', severity: 'info', message: rule.message(n) } });
  }
  // Spaces at the end of a line mean nothing in Markdown as Folio writes it: drop them, silently.
  // (Matched from the start of a run only: trying every space of a long indentation is quadratic.)
  for (const m of text.matchAll(/(?<![ \t])[ \t]+$/gmu)) if (!taken.has(m.index)) edits.push({ start: m.index, end: m.index + m[0].length, insert: '' });
  return { edits, notes };
}
