/**
 * The running heads of an edition: one named page per part (each document, each back-matter
 * section listed in the table of contents, the colophon), carrying the part's short title, for
 * the `running-heads` template to turn into `@page` rules.
 *
 * Not for: the look of the heads (styles/page.css).
 */
import type { Edition } from './edition.ts';

export interface RunningHead {
  /** Id of the part's element. */
  anchor: string;
  /** CSS page name, a safe identifier. */
  pageName: string;
  /** Text of the head on the part's right-hand pages. */
  title: string;
}

/**
 * Lists the running heads of an edition's parts, in reading order.
 * @param edition the edition model
 * @param extra parts not in the table of contents (the table itself, the colophon)
 */
export function runningHeads(edition: Edition, extra: { anchor: string; title: string }[] = []): RunningHead[] {
  const parts = edition.toc
    .filter((e) => e.level === 1)
    .map((e) => ({ anchor: e.id, title: edition.documents.find((d) => d.id === e.id)?.shortTitle ?? e.title }));
  return [...parts, ...extra].map((p, i) => ({ ...p, pageName: `part-${i + 1}` }));
}

/**
 * A CSS string literal (with quotes) for any text: safe inside a `<style>` element, since `<`
 * is escaped and no `</style>` can appear.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
