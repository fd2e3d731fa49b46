/**
 * The edition manifest (`sources/compendium.yaml`): one zod schema gives its types, defaults,
 * validation and error messages. An invalid manifest is an error naming the file, the line,
 * the key and what was expected; it never lets a half-right build go on.
 *
 * Parsing is pure (text in, manifest or diagnostics out); reading the file is `load.ts`'s job.
 */
import { z } from 'zod';
import { isMap, isSeq, parseDocument, type Document as YamlDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { createLineIndex } from './positions.ts';
import semver from 'semver';

/** The kinds of documents a compendium gathers. */
export const documentKinds = ['résolution', 'rapport', 'communiqué', 'page web', 'article'] as const;

/** Repairs that can be forced on or off per document; the others always run. */
export const switchableRepairs = ['displaced-bold'] as const;
export type SwitchableRepair = (typeof switchableRepairs)[number];
export type RepairMode = 'auto' | 'on' | 'off';

const fullDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const partialDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const text = z.string().trim().min(1, 'a non-empty text');
const optionalText = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : undefined));
const optionalPartialDate = z
  .union([z.string().regex(partialDate, 'a date YYYY, YYYY-MM or YYYY-MM-DD'), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : undefined));

const repairsSchema = z
  .union([
    z.enum(['auto', 'none']),
    z.strictObject(
      Object.fromEntries(switchableRepairs.map((r) => [r, z.enum(['auto', 'on', 'off']).optional()])) as Record<
        SwitchableRepair,
        z.ZodOptional<z.ZodEnum<{ auto: 'auto'; on: 'on'; off: 'off' }>>
      >,
    ),
  ])
  .default('auto');

const documentSchema = z.strictObject({
  file: text,
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of lowercase letters, digits and dashes')
    .optional(),
  title: text,
  shortTitle: optionalText,
  kind: z.enum(documentKinds, { error: `one of: ${documentKinds.join(', ')}` }),
  publisher: optionalText,
  date: optionalPartialDate,
  period: z
    .strictObject({
      from: z.string().regex(partialDate, 'a date YYYY, YYYY-MM or YYYY-MM-DD'),
      to: z.string().regex(partialDate, 'a date YYYY, YYYY-MM or YYYY-MM-DD'),
    })
    .optional(),
  url: z.url({ error: 'an absolute URL (https://…)' }).optional().nullable().transform((v) => v ?? undefined),
  repairs: repairsSchema,
});

export const manifestSchema = z.strictObject({
  title: text,
  subtitle: optionalText,
  shortTitle: optionalText,
  // YAML reads `1.2` as a number: take it as text so the message is about the version's form.
  version: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().refine((v) => semver.valid(v) === v, 'a semantic version such as 1.0.0')),
  date: z.string().regex(fullDate, 'a date YYYY-MM-DD'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language tag such as fr').default('fr'),
  publisher: text,
  /** Subjects of the edition, for the PDF's metadata and search engines. */
  keywords: z.array(text).optional(),
  glossary: z.string().trim().min(1).optional(),
  /** Whether each document and the back matter start on a right-hand page (false: on the next page, for short editions). */
  rightHandStarts: z.boolean({ error: 'true or false' }).default(true),
  documents: z.array(documentSchema).min(1, 'at least one document'),
});

export type ManifestInput = z.input<typeof manifestSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type ManifestDocument = Manifest['documents'][number];

export interface ParsedManifest {
  manifest?: Manifest;
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates a manifest.
 * @param source the YAML text
 * @param file the path to name in diagnostics
 * @returns the manifest, or error diagnostics naming the line and key of each problem
 */
export function parseManifest(source: string, file: string): ParsedManifest {
  const lines = createLineIndex(source);
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) =>
        diagnostic(file, lines.at(e.pos[0]), { rule: 'manifest', severity: 'error', message: `The manifest is not valid YAML: ${e.message.split('\n')[0]}` }, { end: lines.at(e.pos[1]) }),
      ),
    };
  }
  const result = manifestSchema.safeParse(doc.toJS());
  if (!result.success) {
    return {
      diagnostics: result.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return diagnostic(file, lines.at(offsetOf(doc, path)), { rule: 'manifest', severity: 'error', message: `${describePath(path)}: expected ${expectation(issue, doc, path)}.` });
      }),
    };
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  result.data.documents.forEach((d, i) => {
    const id = documentId(d);
    const first = seen.get(id);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(file, lines.at(offsetOf(doc, ['documents', i, 'file'])), {
          rule: 'manifest',
          severity: 'error',
          message: `documents[${i}]: its id "${id}" is already used by documents[${first}]; give one of them an \`id:\`.`,
        }),
      );
    } else seen.set(id, i);
  });
  return diagnostics.length ? { diagnostics } : { manifest: result.data, diagnostics };
}

/** The id of a document: its `id`, or its file name without extension, as a slug. */
export function documentId(doc: Pick<ManifestDocument, 'file' | 'id'>): string {
  if (doc.id) return doc.id;
  const base = doc.file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  return slugify(base) || 'document';
}

/** Lowercase ASCII slug: accents dropped, runs of other characters turned into one dash. */
export function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function describePath(path: (string | number)[]): string {
  if (path.length === 0) return 'the manifest';
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function expectation(issue: z.core.$ZodIssue, doc: YamlDocument, path: (string | number)[]): string {
  const present = path.length === 0 || doc.hasIn(path);
  const value: unknown = present && path.length ? doc.getIn(path) : undefined;
  const got = present ? `, got ${JSON.stringify(value)}` : '';
  if (issue.code === 'unrecognized_keys') return `no key ${issue.keys.map((k) => `"${k}"`).join(', ')} (unknown key: check its spelling)`;
  if (issue.code === 'invalid_type') {
    if (!present) return `${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, but the key is missing`;
    const hint = issue.expected === 'string' && typeof value !== 'string' ? ' (write it in quotes)' : '';
    return `a ${issue.expected}${got}${hint}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return 'at least one entry';
  return issue.message.replace(/^Invalid input: expected /, '') + got;
}

/** Source offset of the node at `path`, or of the deepest existing parent. */
function offsetOf(doc: YamlDocument, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      if (n < path.length && (isMap(node) || isSeq(node))) return node.range[0] as number;
      return node.range[0] as number;
    }
  }
  return 0;
}
