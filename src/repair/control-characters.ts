/**
 * Control characters in a source: none is text, and they would reach the HTML, the PDF and,
 * through the messages quoting the text, the terminal. Two passes:
 * - `removeTerminalEscapes`, first: terminal escape sequences (`ESC [ 2 J` clears a screen,
 *   `ESC ] 0 ; … BEL` sets a window title) are removed whole, so their parameters do not stay
 *   behind as text;
 * - `removeControlCharacters`, last: whatever control code the passes in between left (they may
 *   read some for what they stand for — a PDF extraction's font codes — or a form feed for a
 *   page break) is removed; a form feed or a vertical tab still there becomes a line break.
 * Each is reported where it was. Tab and line feed are text and stay.
 */
import type { Edit, Note } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

/** Reported one by one up to this many per text and pass; the rest are removed and counted. */
const reportedPerText = 100;

// CSI (`ESC [` parameters, a final letter) and OSC (`ESC ]` up to BEL or ST): what a terminal
// obeys. A lone ESC is left to the passes that read control codes.
const escapes = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/gu;
const codes = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Names of the codes a reader may recognise; others are given as U+XXXX. */
const names: Record<string, string> = {
  '\u0007': 'bell (BEL)',
  '\u0008': 'backspace',
  '\u000b': 'vertical tab',
  '\u000c': 'form feed',
  '\u001a': 'end-of-file mark (Ctrl-Z)',
  '\u001b': 'escape (ESC)',
  '\u007f': 'delete (DEL)',
};

/** The first pass: terminal escape sequences, removed whole. */
export function removeTerminalEscapes(text: string): PassResult {
  return removeAll(text, escapes, (found) => ({ insert: '', message: `A terminal escape sequence (${describe(found)}) was removed: it is not text.`, severity: 'warning' }));
}

/** The last pass: every control code left. */
export function removeControlCharacters(text: string): PassResult {
  return removeAll(text, codes, (found) =>
    found === '\f' || found === '\v'
      ? { insert: '\n', message: `A ${names[found]} was read as a line break.`, severity: 'info' }
      : { insert: '', message: `The control character ${names[found] ?? unicode(found)} was removed: it is not text.`, severity: 'warning' },
  );
}

function removeAll(text: string, pattern: RegExp, what: (found: string) => { insert: string; message: string; severity: 'warning' | 'info' }): PassResult {
  const edits: Edit[] = [];
  for (const m of text.matchAll(pattern)) {
    const { insert, message, severity } = what(m[0]);
    edits.push({ start: m.index, end: m.index + m[0].length, insert, finding: edits.length < reportedPerText ? { rule: 'control-character', severity, message } : undefined });
  }
  const notes: Note[] =
    edits.length > reportedPerText
      ? [{ at: edits[reportedPerText]!.start, finding: { rule: 'control-character', severity: 'warning', message: `${edits.length - reportedPerText} more control characters were removed from here on (only the first ${reportedPerText} are listed).` } }]
      : [];
  return { edits, notes };
}

function describe(sequence: string): string {
  return [...sequence].map((c) => (c === '\u001b' ? 'ESC' : c === '\u0007' ? 'BEL' : c < ' ' ? unicode(c) : c)).join(' ').slice(0, 40);
}

function unicode(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
