/**
 * The development set of the extraction measurement: French texts shipped by Debian packages,
 * turned into plain text the way a user gets them — the HTML manual's text (block by block, as a
 * copy from a browser gives it) or the PDF's `pdftotext` — so that the texts themselves are never
 * committed, only their ids and the hand annotations (`tests/fixtures/extract/devset/*.json`).
 *
 * A document id is `PACKAGE:PATH` with an optional `#SECTION-ID` (only that element of the HTML),
 * e.g. `debian-history:/usr/share/doc/debian-history/docs/leaders.fr.html`; for a PDF (or a `.pdf.gz`), `#pages=9-11`
 * takes those pages of its `pdftotext`; for a manual page (`/usr/share/man/…/NAME.SECTION.gz`), its text as
 * `man` shows it in an 80-column terminal, and `#HEADING` (e.g. `#HISTORIQUE`) only the section under that
 * heading (up to the next one). The package must be
 * installed (`apt-get install PACKAGE`); a missing one is reported, not guessed.
 *
 * Not for: measuring (`measure-extraction.ts`), the texts of the edition (`sources/`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const blockTags = new Set(['p', 'div', 'section', 'article', 'table', 'tr', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'br', 'hr', 'header', 'footer', 'body', 'caption', 'td', 'th']);
const skipTags = new Set(['script', 'style', 'head', 'nav', 'noscript']);

/** The plain text of an HTML page: one block a paragraph, list items as `- `, headings as `#`. */
export function htmlToText(html: string, sectionId?: string): string {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  let start: Root | Element = tree;
  if (sectionId) {
    const found = findById(tree, sectionId);
    if (!found) throw new Error(`no element #${sectionId}`);
    start = found;
  }
  const blocks: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = line.replace(/[ \t\r\n]+/g, ' ').trim();
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (node: Root | RootContent | ElementContent, pre: boolean): void => {
    if (node.type === 'text') {
      line += pre ? node.value.replace(/\n/g, '\u2028') : node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (skipTags.has(node.tagName)) return;
      const tag = node.tagName;
      if (blockTags.has(tag)) flush();
      if (/^h[1-6]$/.test(tag)) line += `${'#'.repeat(Number(tag[1]))} `;
      if (tag === 'li') line += '- ';
      // A copy from a browser gives a table row as its cells separated by tabs, and a program
      // listing as its lines.
      if (tag === 'tr') {
        const cells = node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        blocks.push(cells.map((c) => textOf(c).replace(/\s+/g, ' ').trim()).join('\t'));
        return;
      }
      if (tag === 'pre') {
        blocks.push(textOf(node).replace(/\n+$/, ''));
        return;
      }
      for (const child of node.children) walk(child, pre);
      if (blockTags.has(tag)) flush();
      return;
    }
    for (const child of node.children) walk(child, pre);
  };
  walk(start, false);
  flush();
  // A list item holding paragraphs gives `- ` alone: join it to its first block.
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length && /^-\s*$/.test(out[out.length - 1]!)) out[out.length - 1] = `- ${b.replace(/^-\s+/, '')}`;
    else out.push(b);
  }
  return out.filter((b) => !/^[-#\s]*$/.test(b)).join('\n\n') + '\n';
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** The element of that id; for an anchor inside a heading, the whole section the heading opens. */
function findById(node: Root | ElementContent | RootContent, id: string, sections: Element[] = []): Element | undefined {
  if (node.type === 'element' && node.properties?.id === id) return sections.length && !isSection(node) ? sections[sections.length - 1] : node;
  if (!('children' in node)) return undefined;
  const inner = node.type === 'element' && isSection(node) ? [...sections, node] : sections;
  for (const c of node.children) {
    const f = findById(c as ElementContent, id, inner);
    if (f) return f;
  }
  return undefined;
}

function isSection(node: Element): boolean {
  const cls = node.properties?.className;
  return node.tagName === 'section' || (Array.isArray(cls) && cls.includes('section')) || (Array.isArray(cls) && cls.includes('chapter'));
}

/**
 * A manual page as a user copies it from a terminal: rendered by `man` at 80 columns, overstrikes
 * and tabs resolved (`col -bx`). Without hyphenation or justification (`--nh --nj`): a word that groff
 * cuts with U+2010 is damage for the repairs to measure, not for the extraction.
 * @param heading the section to keep (an unindented heading line such as `HISTORIQUE`), else all
 */
function manPageText(file: string, heading?: string): string {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', MANWIDTH: '80', MAN_KEEP_FORMATTING: '' };
  const shown = execFileSync('man', ['--nh', '--nj', '-l', file], { encoding: 'utf8', env, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  const text = execFileSync('col', ['-bx'], { input: shown, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (!heading) return text;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading && !/^\s/.test(l));
  if (start < 0) throw new Error(`no heading ${heading} in ${file}`);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n') + '\n';
}

/**
 * The character set an HTML page declares (`<meta charset>` or the `http-equiv` Content-Type), as a
 * browser reads it; UTF-8 when none is declared or the label is unknown. Pages of older manuals are
 * Latin-1 (ISO-8859-1 or -15): read as UTF-8, their accented letters come out as U+FFFD.
 */
export function declaredCharset(bytes: Uint8Array): string {
  // The declaration is ASCII and, by the HTML rules, within the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

export interface DevsetText {
  id: string;
  text: string;
}

/**
 * Reads one document of the set from its installed package.
 * @param id `PACKAGE:PATH[#SECTION]`
 * @throws Error naming the package to install when the file is absent
 */
export function loadDevsetText(id: string): DevsetText {
  const m = /^([a-z0-9.+-]+):([^#]+)(?:#(.+))?$/.exec(id);
  if (!m) throw new Error(`bad document id ${id}`);
  const [, pkg, file, section] = m;
  if (!existsSync(file!)) throw new Error(`${file} is missing: apt-get install ${pkg}`);
  let text: string;
  if (/\.pdf(?:\.gz)?$/.test(file!)) {
    // `#pages=9-11`: those pages only, as a user copies part of a PDF.
    const pages = section ? /^pages=(\d+)-(\d+)$/.exec(section) : null;
    if (section && !pages) throw new Error(`bad page range in ${id}: write #pages=FIRST-LAST`);
    const range = pages ? ['-f', pages[1]!, '-l', pages[2]!] : [];
    // A PDF shipped compressed (`manual.pdf.gz`) is read as the user reads it: uncompressed first.
    let pdf = file!;
    if (file!.endsWith('.gz')) {
      pdf = join(mkdtempSync(join(tmpdir(), 'devset-')), basename(file!, '.gz'));
      writeFileSync(pdf, gunzipSync(readFileSync(file!)));
    }
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (pdf !== file) rmSync(dirname(pdf), { recursive: true });
  } else if (/\/man\/(?:[a-z_]+\/)?man\d[^/]*\/[^/]+\.\d\w*(?:\.gz)?$/.test(file!)) {
    text = manPageText(file!, section);
  } else {
    const bytes = file!.endsWith('.gz') ? gunzipSync(readFileSync(file!)) : readFileSync(file!);
    const html = /\.x?html?(?:\.gz)?$/.test(file!);
    const raw = new TextDecoder(html ? declaredCharset(bytes) : 'utf-8').decode(bytes);
    text = html ? htmlToText(raw, section) : raw;
  }
  return { id, text };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const id of process.argv.slice(2)) process.stdout.write(loadDevsetText(id).text);
}
