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
  if (edits.length === 0) return { output: input, changes: [] };
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let length = input.text.length;
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > input.text.length) {
      throw new RangeError(`Overlapping or invalid edit [${e.start}, ${e.end}) after ${cursor}`);
    }
    length += e.insert.length - (e.end - e.start);
    cursor = e.end;
  }
  // The source map is copied a slice at a time: passes run over whole texts, many times a build.
  const parts: string[] = [];
  const origin = new Int32Array(length + 1);
  const changes: AppliedChange[] = [];
  let at = 0;
  cursor = 0;
  for (const e of sorted) {
    parts.push(input.text.slice(cursor, e.start));
    origin.set(input.origin.subarray(cursor, e.start), at);
    at += e.start - cursor;
    parts.push(e.insert);
    const anchor = input.origin[e.start]!;
    origin.fill(anchor, at, at + e.insert.length);
    at += e.insert.length;
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
  origin.set(input.origin.subarray(cursor, input.text.length + 1), at);
  return { output: { text: parts.join(''), origin }, changes };
}
