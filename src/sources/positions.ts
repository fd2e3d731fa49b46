/**
 * Offsets to `line:column` in a source text, for diagnostics.
 * Lines and columns are 1-based and counted in UTF-16 code units of the decoded text,
 * which is what editors show for the Latin scripts Folio handles.
 */

export interface Position {
  line: number;
  column: number;
}

export interface LineIndex {
  /** Position of a character offset; offsets past the end clamp to the last position. */
  at(offset: number): Position;
  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number;
  /** Offset just past the last character of a 1-based line (before its line break). */
  lineEnd(line: number): number;
}

/** Builds a line index over `text` (lines split on `\n`). */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    at(offset: number): Position {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - starts[lo]! + 1 };
    },
    lineStart(line: number): number {
      return starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!;
    },
    lineEnd(line: number): number {
      const next = starts[Math.max(0, line)];
      return next === undefined ? text.length : next - 1;
    },
  };
}
