/**
 * Printing Markdown to a realistic PDF with Chrome, and comparing texts word by word: what the
 * PDF reader's tests and `scripts/measure-pdf-sources.ts` need to check the reader against a text
 * whose truth is known.
 */
import { transformHtml } from '../../src/assemble/final-html.ts';
import { markdownToHtml } from '../../src/assemble/markdown-to-html.ts';
import { parseMarkdown } from '../../src/sources/markdown.ts';
import { hyphenateTree } from '../../src/typography/hyphenate.ts';
import type { BrowserSession } from '../../src/render/browser.ts';

export interface PrintOptions {
  /** Running head at the top of every page. */
  runningHead?: string;
  /** `real`: a family with bold and italic faces; `synthetic`: one regular face, bold drawn by the browser. */
  bold?: 'real' | 'synthetic';
  /** Two columns of text. */
  columns?: 1 | 2;
  /** Hyphenate (soft hyphens, as the compendium does): words cut at line ends. */
  hyphenate?: boolean;
}

/** A whole HTML page for a Markdown text: A4, running head and page numbers in the margins. */
export function pageHtml(markdown: string, options: PrintOptions = {}): string {
  const html = markdownToHtml(parseMarkdown(markdown), 'doc').html;
  const family = options.bold === 'synthetic' ? '"Folio Regular Only"' : '"DejaVu Serif"';
  const head = (options.runningHead ?? '').replace(/["\\]/gu, '');
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@font-face { font-family: "Folio Regular Only"; src: local("DejaVu Serif"); font-weight: 400; font-style: normal; }
@page { size: A4; margin: 24mm 20mm 22mm;
  @top-center { content: "${head}"; font: 9pt ${family}; }
  @bottom-center { content: counter(page); font: 9pt ${family}; } }
body { font: 11pt/1.45 ${family}; ${options.columns === 2 ? 'column-count: 2; column-gap: 8mm;' : ''} text-align: justify; hyphens: manual; }
h1, h2, h3 { font-family: ${family}; line-height: 1.2; }
h2 { font-size: 15pt; } h3 { font-size: 13pt; }
</style></head><body>${html}</body></html>`;
  return options.hyphenate ? transformHtml(page, [(tree) => hyphenateTree(tree, 'fr')]).html : page;
}

/** Prints a Markdown text to PDF. */
export async function printMarkdown(session: BrowserSession, markdown: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await session.load(pageHtml(markdown, options));
  try {
    return await page.pdf({ outline: false, tagged: false });
  } finally {
    await page.close();
  }
}

/** The words of a Markdown text: letters and digits, Markdown syntax and escapes left out. */
export function wordsOf(markdown: string): string[] {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .replace(/\[\^[^\]]+\]:?/gu, ' ')
    .replace(/\]\([^)]*\)/gu, ' ')
    .normalize('NFC')
    .replace(/[’']/gu, '’')
    .split(/[^\p{L}\p{N}’-]+/u)
    .map((w) => w.replace(/^[’-]+|[’-]+$/gu, ''))
    .filter(Boolean);
}

export interface WordScore {
  recall: number;
  precision: number;
  /** Words of the truth missing from the output, and words of the output not in the truth (a few of each). */
  missing: string[];
  extra: string[];
}

/** Bag-of-words recall and precision of `output` against `truth`. */
export function compareWords(truth: string[], output: string[]): WordScore {
  const bag = new Map<string, number>();
  for (const w of truth) bag.set(w, (bag.get(w) ?? 0) + 1);
  let matched = 0;
  const extra: string[] = [];
  for (const w of output) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      matched += 1;
      bag.set(w, n - 1);
    } else extra.push(w);
  }
  const missing = [...bag].flatMap(([w, n]) => Array<string>(n).fill(w));
  return { recall: truth.length ? matched / truth.length : 1, precision: output.length ? matched / output.length : 1, missing, extra };
}

/** The bold phrases of a Markdown text, whitespace collapsed. */
export function boldPhrases(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\*\*(?!\s)(.+?)(?<!\s|\\)\*\*/gu)].map((m) => m[1]!.replace(/\s+/gu, ' '));
}
