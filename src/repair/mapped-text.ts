/**
 * Text that remembers where each of its characters came from in the source file.
 *
 * Repair passes never rewrite text directly: they return edits (replace `[start, end)` of their
 * input with new text), each with the finding that explains it. Applying edits here keeps, for
 * every character of the output, the offset of the source character it came from, so a pass
 * that runs fifth still reports `file:line:column` of the text as received.
 */
import type { Change, Finding } from '../diagnostics.ts';

export interface MappedText {
  readonly text: string;
  /** `origin[i]` is the source offset of `text[i]`; `origin[text.length]` is the end of the source. */
  readonly origin: Int32Array;
}

/** One change a pass asks for, in the coordinates of the pass's input. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
  /** Why: reported as a diagnostic with the change. Edits without a finding are silent (layout). */
  finding?: Finding;
}

/** A doubt or problem a pass reports without changing the text. */
export interface Note {
  /** Offset in the pass's input. */
  at: number;
  finding: Finding;
}

/** A change as applied, located in the source. */
export interface AppliedChange {
  /** Source offsets of the start and the end of what the edit replaced. */
  sourceOffset: number;
  sourceEnd: number;
  finding: Finding;
  change: Change;
}

/** Wraps a source text: every character maps to itself. */
export function fromSource(text: string): MappedText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

const CONTEXT = 40;

/**
 * Applies non-overlapping edits.
 * @param input the pass's input
 * @param edits edits in any order; two edits may touch but not overlap
 * @returns the new text with its source map, and each reported edit with its source position and
 *   its context before and after, for the review page
 */
export function applyEdits(input: MappedText, edits: readonly Edit[]): { output: MappedText; changes: AppliedChange[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const origin: number[] = [];
  const changes: AppliedChange[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > input.text.length) {
      throw new RangeError(`Overlapping or invalid edit [${e.start}, ${e.end}) after ${cursor}`);
    }
    parts.push(input.text.slice(cursor, e.start));
    for (let i = cursor; i < e.start; i++) origin.push(input.origin[i]!);
    parts.push(e.insert);
    const anchor = input.origin[e.start]!;
    for (let i = 0; i < e.insert.length; i++) origin.push(anchor);
    if (e.finding) {
      changes.push({
        sourceOffset: anchor,
        sourceEnd: input.origin[e.end]!,
        finding: e.finding,
        change: {
          contextBefore: input.text.slice(Math.max(0, e.start - CONTEXT), e.start),
          removed: input.text.slice(e.start, e.end),
          inserted: e.insert,
          contextAfter: input.text.slice(e.end, e.end + CONTEXT),
        },
      });
    }
    cursor = e.end;
  }
  parts.push(input.text.slice(cursor));
  for (let i = cursor; i <= input.text.length; i++) origin.push(input.origin[i]!);
  return { output: { text: parts.join(''), origin: Int32Array.from(origin) }, changes };
}
