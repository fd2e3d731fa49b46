/**
 * The review page (`repairs.html`): every repair and every doubt of the build, grouped by
 * document and by source line, lines to check first. Each line shows the source as received and
 * the same passage as repaired, with a word diff (what went out struck through, what came in
 * highlighted), so an editor can check the machine's work in minutes. This module builds the
 * page's view; `templates/repairs.hbs` lays it out. What the page says of each message is the
 * rule's meaning in the edition's language (`src/messages`); the diff shows what changed.
 */
import { diffWordsWithSpace } from 'diff';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { textLocator, type SourceLocator } from '../sources/positions.ts';
import { messagesFor, ruleDescription, type Messages } from '../messages/catalogue.ts';

export interface ReviewSource {
  id: string;
  title: string;
  file: string;
  /** The decoded source text (for a PDF or a web page, the Markdown read from it), to quote lines as received. */
  text: string;
  /** Where `text`'s characters are in the file (default: `text` is the file). */
  locator?: SourceLocator;
  /** The repaired Markdown and, for each of its characters, its source offset. */
  markdown: string;
  origin: Int32Array;
}

export interface DiffPart {
  text: string;
  kind: 'same' | 'removed' | 'inserted';
}

export interface ReviewLine {
  /** For a PDF source, the page the line is on. */
  page?: number;
  line: number;
  severity: Severity;
  /** `description`: what the rule means, in the edition's language (the page shows it, not the English `message`). */
  messages: { column: number; rule: string; severity: Severity; message: string; description: string }[];
  /** The source line as received, diffed against the repaired passage. */
  diff: DiffPart[];
  changed: boolean;
}

export interface ReviewDocument {
  id: string;
  title: string;
  file: string;
  check: ReviewLine[];
  repairs: ReviewLine[];
  notes: ReviewLine[];
}

export interface ReviewView {
  title: string;
  version: string;
  /** The edition's language: the page's `lang` and its messages. */
  language: string;
  messages: Messages;
  /** What is not about one source's lines: the manifest, the editors' glossary, printing. */
  edition: { where: string; rule: string; severity: Severity; message: string; description: string }[];
  rules: { rule: string; count: number; description: string }[];
  documents: ReviewDocument[];
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Builds the review page's view.
 * @param edition title and version of the edition
 * @param sources the documents, in edition order, with their repaired text and its source map
 * @param diagnostics all diagnostics of the build
 */
export function createReviewView(edition: { title: string; version: string; language?: string }, sources: ReviewSource[], diagnostics: readonly Diagnostic[]): ReviewView {
  const messages = messagesFor(edition.language ?? 'fr');
  const documents = sources.map((source): ReviewDocument => {
    const locator = source.locator ?? textLocator(source.text);
    const byLine = new Map<string, { page?: number; line: number; ds: Diagnostic[] }>();
    for (const d of diagnostics) {
      if (d.file !== source.file) continue;
      const key = `${d.page ?? 0}:${d.line}`;
      const entry = byLine.get(key) ?? { page: d.page, line: d.line, ds: [] };
      entry.ds.push(d);
      byLine.set(key, entry);
    }
    const lines = [...byLine.values()]
      .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line)
      .map(({ page, line, ds }): ReviewLine => {
        const [from, to] = locator.lineRange({ page, line });
        const received = source.text.slice(from, to);
        const repaired = repairedPassage(source, from, to);
        const diff = diffWordsWithSpace(received, repaired).map((p): DiffPart => ({ text: p.value, kind: p.added ? 'inserted' : p.removed ? 'removed' : 'same' }));
        const sorted = [...ds].sort((a, b) => rank[a.severity] - rank[b.severity] || a.column - b.column);
        return {
          ...(page !== undefined ? { page } : {}),
          line,
          severity: sorted[0]!.severity,
          messages: sorted.map((d) => ({ column: d.column, rule: d.rule, severity: d.severity, message: d.message, description: ruleDescription(messages, d.rule) })),
          diff,
          changed: diff.some((p) => p.kind !== 'same'),
        };
      });
    return {
      id: source.id,
      title: source.title,
      file: source.file,
      check: lines.filter((l) => l.severity !== 'info'),
      repairs: lines.filter((l) => l.severity === 'info' && l.changed),
      notes: lines.filter((l) => l.severity === 'info' && !l.changed),
    };
  });
  const byRule = new Map<string, number>();
  for (const d of diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
  const files = new Set(sources.map((s) => s.file));
  return {
    title: edition.title,
    version: edition.version,
    language: messages.language,
    messages,
    edition: diagnostics
      .filter((d) => !files.has(d.file))
      .sort((a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || a.line - b.line)
      .map((d) => ({ where: `${d.file}:${d.line}:${d.column}`, rule: d.rule, severity: d.severity, message: d.message, description: ruleDescription(messages, d.rule) })),
    rules: [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, count]) => ({ rule, count, description: ruleDescription(messages, rule) })),
    documents,
  };
}

/** The stretch of the repaired text whose characters come from source offsets `[from, to]`. */
function repairedPassage(source: ReviewSource, from: number, to: number): string {
  let first = -1;
  let last = -1;
  for (let i = 0; i < source.markdown.length; i++) {
    const o = source.origin[i]!;
    if (o >= from && o <= to) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? '' : source.markdown.slice(first, last + 1).replace(/\n+$/u, '');
}
