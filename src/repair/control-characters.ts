/**
 * Control characters in a source: terminal escape sequences (`ESC [ 2 J` clears a screen,
 * `ESC ] 0 ; … BEL` sets a window title), the C0 and C1 control codes, DEL. None is text: they
 * would reach the HTML, the PDF and, through the messages quoting the text, the terminal. Each
 * is removed and reported where it was; a form feed (a page break in a text export) and a
 * vertical tab (a word processor's line break) become line breaks.
 *
 * Runs first, before any pass reads the text. Tab and line feed are text and stay.
 */
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

/** Reported one by one up to this many per text; the rest are removed and counted. */
const reportedPerText = 100;

// An escape sequence (CSI, OSC up to BEL or ST, or a two-character escape), or one control code.
const controls = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

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

/** The control-characters pass. */
export function removeControlCharacters(text: string): PassResult {
  const edits: Edit[] = [];
  let count = 0;
  for (const m of text.matchAll(controls)) {
    const found = m[0];
    const lineBreak = found === '\f' || found === '\v';
    count++;
    const what = found.length > 1 ? `a terminal escape sequence (${describe(found)})` : `the control character ${names[found] ?? unicode(found)}`;
    edits.push({
      start: m.index,
      end: m.index + found.length,
      insert: lineBreak ? '\n' : '',
      finding:
        count <= reportedPerText
          ? lineBreak
            ? { rule: 'control-character', severity: 'info', message: `A ${names[found]} was read as a line break.` }
            : { rule: 'control-character', severity: 'warning', message: `${capital(what)} was removed: it is not text.` }
          : undefined,
    });
  }
  if (count <= reportedPerText) return { edits };
  return {
    edits,
    notes: [{ at: edits[reportedPerText]!.start, finding: { rule: 'control-character', severity: 'warning', message: `${count - reportedPerText} more control characters were removed from here on (only the first ${reportedPerText} are listed).` } }],
  };
}

function describe(sequence: string): string {
  return [...sequence].map((c) => (c < ' ' || c === '\u007f' ? (c === '\u001b' ? 'ESC' : c === '\u0007' ? 'BEL' : unicode(c)) : c)).join(' ').slice(0, 40);
}

function unicode(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
