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

/**
 * A place in a source file as diagnostics name it: a line and a column, and for a PDF the page
 * (then the line is counted on that page, in reading order, running heads included).
 */
export interface SourcePosition extends Position {
  page?: number;
}

/**
 * Where the characters of a source's text come from in its file. For a text file the text is
 * the file; for a PDF or a web page it is the Markdown the reader wrote, and the locator knows
 * the page and line, or the line of the HTML, each character was read from.
 */
export interface SourceLocator {
  /** Position of a character offset of the source text. */
  at(offset: number): SourcePosition;
  /** The offsets `[from, to)` of the source text that came from a position's line (for quoting it). */
  lineRange(position: Pick<SourcePosition, 'line' | 'page'>): [number, number];
}

/** The locator of a text file: offsets are the file's own. */
export function textLocator(text: string): SourceLocator {
  const index = createLineIndex(text);
  return {
    at: (offset) => index.at(offset),
    lineRange: ({ line }) => [index.lineStart(line), index.lineEnd(line)],
  };
}

/**
 * The locator of a text made by a reader, from the position of each of its characters.
 * @param positions for each offset (and one past the end): page (0 for none), line and column
 */
export function mappedLocator(positions: { page?: Int32Array; line: Int32Array; column: Int32Array }): SourceLocator {
  const { page, line, column } = positions;
  const n = line.length;
  let ranges: Map<string, [number, number]> | undefined;
  return {
    at(offset: number): SourcePosition {
      const i = Math.max(0, Math.min(Math.trunc(offset), n - 1));
      const p = page?.[i] ?? 0;
      return p > 0 ? { page: p, line: line[i]!, column: column[i]! } : { line: line[i]!, column: column[i]! };
    },
    lineRange(position): [number, number] {
      if (!ranges) {
        ranges = new Map();
        for (let i = 0; i < n - 1; i++) {
          const key = `${page?.[i] ?? 0}:${line[i]}`;
          const r = ranges.get(key);
          if (r) r[1] = i + 1;
          else ranges.set(key, [i, i + 1]);
        }
      }
      return ranges.get(`${position.page ?? 0}:${position.line}`) ?? [0, 0];
    },
  };
}
