/**
 * The truth of a PDF case as simple Markdown, from the blocks the PDF was made of:
 *
 * - `#` headings with their level, paragraphs separated by blank lines, `- ` and `1. ` list items
 *   (two spaces of indent per level), fenced code blocks, `**bold**` and `*italic*`;
 * - footnote calls `[^n]` and the notes' bodies as `[^n]: …` at the end;
 * - what the PDF may show in another place or not at all (tables, figure captions, paragraphs with
 *   formulas) between `<!-- optional: why -->` and `<!-- /optional -->`: `compare.ts` neither
 *   requires those words nor counts them as extra;
 * - a formula shown as an image as `<!-- formula: chars -->` at its place, `chars` being what its TeX
 *   source prints (`R=R1+R2+...`): the PDF sets it as text, which `compare.ts` does not count as
 *   extra as far as it is made of these characters.
 */
import type { Block, BlockDocument, Span } from './blocks.ts';

/** How the heading and labels of the source are printed, when the truth must follow a shipped PDF. */
export interface TruthOptions {
  /** Rewrites a heading's text (for instance `1.2. Titre` → `1.2 Titre`, as dblatex prints it). */
  heading?: (text: string, level: number) => string;
  /** Rewrites an admonition's label (`Astuce` → `ASTUCE`), given the admonition's kind (`tip`). */
  label?: (text: string, kind: string) => string;
  /** Rewrites a cross-reference (`Section 3.1, « Titre »` → `Section 3.1`), its white space collapsed. */
  xref?: (text: string) => string;
  /** Rewrites a table's caption (`Tableau 3.1. Titre` → `Table 3.1 – Titre`). */
  caption?: (text: string) => string;
  /** Rewrites all text, code included (straight quotes printed as curly ones…). */
  text?: (text: string) => string;
}

/** The Markdown of inline spans. */
export function spansToMarkdown(spans: Span[], o: TruthOptions = {}): string {
  return spans
    .map((s) => {
      if (s.note !== undefined) return `[^${s.note}]`;
      // Where an image showed a formula: the characters it prints, for `compare.ts` to recognize.
      if (s.formula) return `<!-- formula: ${s.formula.replace(/-(?=-)/g, '- ')} -->`;
      // The rewrites see the text as the truth writes it: DocBook's links put no-break spaces and
      // line breaks (`Section\u00a03.1, «\u00a0Titre\n»`) where the truth has plain spaces.
      const plain = s.text.replace(/\s+/g, ' ');
      let t = o.text ? o.text(plain) : plain;
      if (s.xref && o.xref) t = o.xref(t);
      const lead = /^\s*/.exec(t)![0];
      const tail = /\s*$/.exec(t)![0];
      const core = t.slice(lead.length, t.length - tail.length);
      if (!core) return t;
      let marked = core;
      if (s.italic && !s.code) marked = `*${marked}*`;
      if (s.bold) marked = `**${marked}**`;
      t = lead + marked + tail;
      return t;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function optional(reason: string, body: string): string {
  return `<!-- optional: ${reason} -->\n${body}\n<!-- /optional -->`;
}

function blockToMarkdown(b: Block, o: TruthOptions): string {
  switch (b.kind) {
    case 'heading': {
      const text = spansToMarkdown(b.spans, o);
      return `${'#'.repeat(b.level)} ${o.heading ? o.heading(text, b.level) : text}`;
    }
    case 'paragraph': {
      let text = spansToMarkdown(b.spans, o);
      if (b.label && o.label) text = o.label(text, b.label);
      return b.optional ? optional(b.optional, text) : text;
    }
    case 'item':
      return `${'  '.repeat(b.depth)}${b.ordered ? `${b.number}.` : '-'} ${spansToMarkdown(b.spans, o)}`;
    case 'continuation':
      return `${'  '.repeat(b.depth + 1)}${spansToMarkdown(b.spans, o)}`;
    case 'code':
      return '```\n' + (o.text ? o.text(b.text) : b.text) + '\n```';
    case 'table': {
      const lines = [
        ...(b.caption ? [(o.caption ?? ((x: string) => x))(spansToMarkdown(b.caption, o))] : []),
        ...b.rows.map((r) => `| ${r.map((c) => (o.text ? o.text(c) : c).replace(/\|/g, '\\|')).join(' | ')} |`),
      ];
      return optional('table', lines.join('\n'));
    }
  }
}

/**
 * Serializes a document to the truth's Markdown.
 * @param doc the blocks and notes
 * @param options rewrites that make the truth follow how a shipped PDF prints headings and labels
 */
export function toMarkdown(doc: BlockDocument, options: TruthOptions = {}): string {
  const parts: string[] = [];
  let previous: Block | undefined;
  for (const b of doc.blocks) {
    const text = blockToMarkdown(b, options);
    // Items of one list follow each other without a blank line; everything else is its own paragraph.
    const tight = b.kind === 'item' && previous?.kind === 'item';
    if (parts.length) parts.push(tight ? '\n' : '\n\n');
    parts.push(text);
    previous = b;
  }
  for (const n of doc.notes) parts.push(`${parts.length ? '\n\n' : ''}[^${n.n}]: ${spansToMarkdown(n.spans, options)}`);
  return parts.join('') + '\n';
}
