/**
 * Folio's Markdown dialect, parsed once: CommonMark with GitHub's extensions (footnotes, tables,
 * strikethrough with double tildes only: a single `~` stays text, as in `~ 40 %`). The repaired
 * text of every document is parsed here into one mdast tree that the extract and assemble stages
 * both read, so the two never disagree on what is a footnote, a heading or plain text.
 *
 * Not for: writing Markdown (the repairs produce text), or HTML (`assemble/markdown-to-html.ts`).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false });

/**
 * Parses Markdown into an mdast tree, with positions.
 * @param markdown the text (no front matter)
 */
export function parseMarkdown(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}
