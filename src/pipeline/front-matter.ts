/**
 * YAML front matter for the normalized Markdown files, so each keeps its metadata beside its text
 * (the way Pandoc and static site generators read it).
 */
import { stringify } from 'yaml';

/** `---\n<yaml>---\n\n`, with undefined values left out. */
export function toFrontMatter(data: object): string {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return `---\n${stringify(clean, { lineWidth: 0 })}---\n\n`;
}
