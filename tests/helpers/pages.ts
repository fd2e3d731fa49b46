/**
 * A page generator for tests: lays clean paragraphs out the way `pdftotext` gives a typeset
 * book — hard-wrapped lines, no blank line between paragraphs, pages of a fixed number of lines
 * with a running head at the top and the page number at the foot, a form feed after each page —
 * so that the repairs can be checked against the text they should give back.
 */

export interface PageOptions {
  /** Line width in characters. */
  width: number;
  /** Lines of text per page. */
  lines: number;
  /** The running head printed at the top of every page. */
  head: string;
  /** Number of the first page. */
  firstPage: number;
}

/** Wraps one paragraph into lines of whole words. */
export function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * The extraction of the paragraphs set in pages: each page is the running head, a blank line, its
 * lines, a blank line, its number, then a form feed.
 */
export function paginate(paragraphs: string[], options: PageOptions): string {
  const body = paragraphs.flatMap((p) => wrap(p, options.width));
  const pages: string[] = [];
  for (let i = 0, n = options.firstPage; i < body.length; i += options.lines, n++) {
    pages.push(`${options.head}\n\n${body.slice(i, i + options.lines).join('\n')}\n\n${n}\n`);
  }
  return `${pages.join('\f')}\f`;
}
