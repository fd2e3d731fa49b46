/**
 * The editors' glossary (`sources/glossary.yaml`): expansions of acronyms the texts use without
 * defining them, facts of common knowledge, each with an optional note and source. One zod schema
 * gives its types and its error messages; an invalid file is an error naming the file, the line
 * and what was expected, like the manifest (`src/sources/manifest.ts`).
 *
 * Parsing is pure (text in, entries or diagnostics out); reading the file is the build's job.
 *
 * ```yaml
 * - term: ASF
 *   expansion: Agence spatiale fictive
 * - term: MCO
 *   expansions: [Mission de conseil orbital, Mission civile d'observation]
 *   note: Deux missions portent ce sigle.
 *   source: https://…
 * ```
 */
import { z } from 'zod';
import { parseDocument, type Document as YamlDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { createLineIndex } from '../sources/positions.ts';

const text = z.string().trim().min(1, 'a non-empty text');

const entrySchema = z
  .strictObject({
    term: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text),
    expansion: text.optional(),
    expansions: z.array(text).min(1, 'at least one expansion').optional(),
    note: text.optional(),
    source: text.optional(),
  })
  .refine((e) => (e.expansion === undefined) !== (e.expansions === undefined), { message: 'either `expansion` or `expansions` (not both)' });

export const glossaryFileSchema = z.array(entrySchema);

export interface EditorialEntry {
  term: string;
  expansions: string[];
  note?: string;
  source?: string;
  /** The file and line of the entry, for messages. */
  file: string;
  line: number;
}

/**
 * Parses and validates the editors' glossary.
 * @param source the YAML text
 * @param file the path to name in diagnostics
 * @returns the entries, or error diagnostics naming the line and key of each problem
 */
export function parseGlossaryFile(source: string, file: string): { entries?: EditorialEntry[]; diagnostics: Diagnostic[] } {
  const lines = createLineIndex(source);
  const error = (offset: number, message: string): Diagnostic => diagnostic(file, lines.at(offset), { rule: 'glossary-file', severity: 'error', message });
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length) return { diagnostics: doc.errors.map((e) => error(e.pos[0], `The glossary is not valid YAML: ${e.message.split('\n')[0]}`)) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? [];
  } catch {
    // yaml refuses aliases repeated so often that expanding them would exhaust the memory.
    return { diagnostics: [error(0, 'The glossary repeats its aliases (`*name`) so many times that reading it would take the whole memory: write the entries out.')] };
  }
  const result = glossaryFileSchema.safeParse(value);
  if (!result.success) {
    return {
      diagnostics: result.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const where = path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), 'glossary');
        const got = path.length && doc.hasIn(path) ? `, got ${JSON.stringify(doc.getIn(path))}` : '';
        const expected =
          issue.code === 'unrecognized_keys'
            ? `no key ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: term, expansion, expansions, note, source)`
            : issue.code === 'invalid_type' && !(path.length && doc.hasIn(path))
              ? `${issue.expected === 'array' ? 'a list of entries' : `a ${issue.expected}`}, but it is missing`
              : `${issue.message.replace(/^Invalid input: expected /, '')}${got}`;
        return error(offsetOf(doc, path), `${where}: expected ${expected}.`);
      }),
    };
  }
  const entries: EditorialEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  result.data.forEach((e, i) => {
    const offset = offsetOf(doc, [i]);
    const line = lines.at(offset).line;
    const earlier = seen.get(e.term);
    if (earlier !== undefined) {
      diagnostics.push(error(offset, `glossary[${i}]: "${e.term}" is already explained at line ${earlier}; merge the two entries (list several meanings under \`expansions\`).`));
      return;
    }
    seen.set(e.term, line);
    entries.push({ term: e.term, expansions: e.expansions ?? [e.expansion!], note: e.note, source: e.source, file, line });
  });
  return diagnostics.length ? { diagnostics } : { entries, diagnostics };
}

function offsetOf(doc: YamlDocument, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) return node.range[0] as number;
  }
  return 0;
}
