/**
 * The edition manifest (`compendium.yaml`): one zod schema gives its types, defaults,
 * validation and error messages. An invalid manifest is an error naming the file, the line of
 * the key, what was expected and a line to paste; it never lets a half-right build go on.
 *
 * A minimal manifest is a title and a list of files: everything else has a default (the
 * version `0.1.0`, the date of the build, each document's title from its own text). Each key's
 * example — the snippet that error messages offer — lives in `keyExamples` below, next to the
 * schema, so that the messages, `folio init`'s manifest and the README say the same.
 *
 * Parsing is pure (text in, manifest or diagnostics out); reading the file is `load.ts`'s job.
 */
import { z } from 'zod';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { diagnostic, type Diagnostic, type Point } from '../diagnostics.ts';
import semver from 'semver';
import { createLineIndex } from './positions.ts';

/** The kinds of documents Folio knows; any other text is accepted as it is written. */
export const documentKinds = ['résolution', 'rapport', 'communiqué', 'page web', 'article'] as const;

/** Repairs that can be forced on or off per document; the others always run. */
export const switchableRepairs = ['displaced-bold'] as const;
export type SwitchableRepair = (typeof switchableRepairs)[number];
export type RepairMode = 'auto' | 'on' | 'off';

/** Limits a manifest can raise; the defaults protect a build from a file that is no text. */
export const defaultLimits = {
  /** A source larger than this is refused before it is read (20 MB). */
  maxSourceBytes: 20_000_000,
  /** A line longer than this (in characters) is refused: no page can lay it out. */
  maxLineLength: 100_000,
} as const;

/** The version of an edition whose manifest names none. */
export const defaultVersion = '0.1.0';

/** One line of YAML per key, to paste: what error messages and `folio init` show. */
export const keyExamples = {
  title: 'title: Dossier sur l’eau potable',
  subtitle: 'subtitle: Textes réunis pour la réunion du 3 mars',
  shortTitle: 'shortTitle: Eau potable',
  version: 'version: 1.0.0',
  date: 'date: 2026-03-02',
  language: 'language: fr',
  publisher: 'publisher: Service de documentation',
  keywords: 'keywords: [eau, santé publique]',
  glossary: 'glossary: glossaire.yaml',
  css: 'css: styles/ajouts.css',
  output: 'output: sortie',
  allowOutside: 'allowOutside: true',
  maxSourceBytes: `maxSourceBytes: ${defaultLimits.maxSourceBytes * 2}`,
  maxLineLength: `maxLineLength: ${defaultLimits.maxLineLength * 2}`,
  rightHandStarts: 'rightHandStarts: false',
  documents: 'documents: [premier-texte.txt, second-texte.txt]',
  file: 'file: textes/premier-texte.txt',
  id: 'id: premier-texte',
  kind: 'kind: note de synthèse',
  period: 'period: { from: 2025-01, to: 2025-06 }',
  url: 'url: https://exemple.org/texte',
  repairs: 'repairs: auto',
} as const;

/** Keys people write in French (or by habit from other tools), and the key Folio reads. */
const keyAliases: Record<string, string> = {
  titre: 'title',
  'sous-titre': 'subtitle',
  soustitre: 'subtitle',
  'titre-court': 'shortTitle',
  short_title: 'shortTitle',
  'short-title': 'shortTitle',
  fichier: 'file',
  source: 'file',
  path: 'file',
  chemin: 'file',
  éditeur: 'publisher',
  editeur: 'publisher',
  auteur: 'publisher',
  author: 'publisher',
  langue: 'language',
  lang: 'language',
  'mots-clés': 'keywords',
  motscles: 'keywords',
  tags: 'keywords',
  lien: 'url',
  adresse: 'url',
  link: 'url',
  type: 'kind',
  genre: 'kind',
  nature: 'kind',
  textes: 'documents',
  sources: 'documents',
  files: 'documents',
  glossaire: 'glossary',
  styles: 'css',
  stylesheet: 'css',
  sortie: 'output',
  out: 'output',
  réparations: 'repairs',
  période: 'period',
};

/**
 * A version as semantic versioning reads it: `1.0` and `2` are `1.0.0` and `2.0.0`, written
 * short (as people write them, and as YAML would otherwise turn into a number).
 * @returns the full semantic version, or undefined when it is none
 */
export function semanticVersion(version: string): string | undefined {
  const full = version.replace(/^(\d+)(?:\.(\d+))?(?=$|[-+])/, (_, major: string, minor?: string) => `${major}.${minor ?? '0'}.0`);
  return semver.valid(full) === full ? full : (semver.valid(version) ?? undefined) === version ? version : undefined;
}
const fullDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const partialDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined when it is a
 * day (or month, or year) of the calendar.
 */
export function calendarProblem(value: string, full = false): string | undefined {
  const m = (full ? fullDate : partialDate).exec(value);
  if (!m) return full ? 'a date YYYY-MM-DD' : 'a date YYYY, YYYY-MM or YYYY-MM-DD';
  const year = Number(m[1]);
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `a month between 01 and 12 (there is no month ${m[2]})`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `a day of the calendar (${monthNames[month - 1]} ${year} has ${days} days)`;
  return undefined;
}

const calendarDate = (full: boolean) =>
  z.string().superRefine((value, ctx) => {
    const problem = calendarProblem(value, full);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const text = z.string().trim().min(1, 'a non-empty text');
const optionalText = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : undefined));
const optionalPartialDate = z
  .union([calendarDate(false), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : undefined));

/** A known kind however it is capitalized or accented keeps Folio's label; any other, as written. */
function kindLabel(kind: string): string {
  const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ');
  return documentKinds.find((k) => fold(k) === fold(kind)) ?? kind;
}

/** Only links a reader can follow safely: `http:`, `https:` and `mailto:`. */
const safeUrl = z.string().trim().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:', 'mailto:'].includes(url.protocol)) {
    ctx.addIssue({ code: 'custom', message: 'a web address starting with https://, http:// or mailto:' });
  }
});

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

/** The keys of a document given as an object. */
export const documentObject = z.strictObject({
  file: text,
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of lowercase letters, digits and dashes')
    .optional(),
  /** Default: the title the text gives itself (its first line, found by the repairs). */
  title: optionalText,
  shortTitle: optionalText,
  kind: optionalText.transform((v) => (v ? kindLabel(v) : undefined)),
  publisher: optionalText,
  date: optionalPartialDate,
  period: z
    .strictObject({ from: calendarDate(false), to: calendarDate(false) })
    .refine((p) => p.from <= p.to, { message: 'a period whose `from` is not after its `to`' })
    .optional(),
  url: safeUrl.optional().nullable().transform((v) => v || undefined),
  repairs: repairsSchema,
});

/** A document is its file name, or an object with its facts. */
const documentSchema = z.union([text.transform((file) => documentObject.parse({ file })), documentObject]);

const positiveInteger = z.number().int().positive();

export const manifestSchema = z.strictObject({
  title: text,
  subtitle: optionalText,
  shortTitle: optionalText,
  version: z
    .string()
    .trim()
    .refine((v) => semanticVersion(v) !== undefined, 'a version such as 1.0.0 (or 1.0)')
    .default(defaultVersion),
  /** Default: the build's date (`SOURCE_DATE_EPOCH`, else today), filled in by `parseManifest`. */
  date: calendarDate(true),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language tag such as fr').default('fr'),
  publisher: optionalText,
  /** Subjects of the edition, for the PDF's metadata and search engines. */
  keywords: z.array(text).optional(),
  glossary: z.string().trim().min(1).optional(),
  /** Stylesheets added after Folio's (and the project's `styles/compendium.css`), relative to the manifest. */
  css: z
    .union([text, z.array(text)])
    .optional()
    .transform((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v)),
  /** The output folder, relative to the manifest (default `output`). */
  output: z.string().trim().min(1).default('output'),
  /** Let sources and the glossary be read from outside the project folder. */
  allowOutside: z.boolean().default(false),
  maxSourceBytes: positiveInteger.default(defaultLimits.maxSourceBytes),
  maxLineLength: positiveInteger.default(defaultLimits.maxLineLength),
  /** Whether each document and the back matter start on a right-hand page (false: on the next page, for short editions). */
  rightHandStarts: z.boolean({ error: 'true or false' }).default(true),
  documents: z.array(documentSchema).min(1, 'at least one document'),
});

/** Keys whose value must stay a number (every other number is read as the text written). */
const numericKeys = new Set(['maxSourceBytes', 'maxLineLength']);

export type ManifestInput = z.input<typeof manifestSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type ManifestDocument = Manifest['documents'][number];

export interface ParsedManifest {
  manifest?: Manifest;
  /** Where each document's entry starts in the manifest, in the order of `documents`. */
  documentPositions: Point[];
  diagnostics: Diagnostic[];
}

export interface ParseManifestOptions {
  /** The edition date when the manifest gives none (`YYYY-MM-DD`). */
  today?: string;
}

/**
 * Parses and validates a manifest.
 * @param source the YAML text
 * @param file the path to name in diagnostics
 * @param options the date to use when the manifest names none
 * @returns the manifest, or error diagnostics naming the line and key of each problem
 */
export function parseManifest(source: string, file: string, options: ParseManifestOptions = {}): ParsedManifest {
  const lines = createLineIndex(source);
  const fail = (diagnostics: Diagnostic[]): ParsedManifest => ({ documentPositions: [], diagnostics });
  const error = (offset: number, message: string): Diagnostic => diagnostic(file, lines.at(offset), { rule: 'manifest', severity: 'error', message });
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) =>
        diagnostic(file, lines.at(e.pos[0]), { rule: 'manifest', severity: 'error', message: `The manifest is not valid YAML: ${e.message.split('\n')[0]}` }, { end: lines.at(e.pos[1]) }),
      ),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return fail([error(0, `The manifest is empty: it needs at least a title and the list of texts. Write for example: \`${keyExamples.title}\` and \`${keyExamples.documents}\`.`)]);
  }
  if (!isMap(doc.contents)) return fail([error(0, `The manifest must be a list of keys (\`key: value\`), not ${isSeq(doc.contents) ? 'a list' : 'a single value'}. Write for example: \`${keyExamples.title}\`.`)]);

  // YAML reads `1.0` as the number 1 and `2024` as a number: keep what was written.
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.value) && typeof pair.value.value === 'number' && !(numericKeys.has(key) && ancestors.length === 2)) {
        pair.value.value = pair.value.source ?? String(pair.value.value);
      }
    },
    Seq(_, seq) {
      for (const item of seq.items) if (isScalar(item) && typeof item.value === 'number') item.value = item.source ?? String(item.value);
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    let at = 0;
    visit(doc, { Alias: (_, node) => ((at = node.range?.[0] ?? 0), visit.BREAK) });
    return fail([error(at, 'The manifest repeats its aliases (`*name`) so many times that reading it would take the whole memory: write the values out instead of nesting aliases.')]);
  }
  if (data && typeof data === 'object' && !('date' in data && (data as { date: unknown }).date) && options.today) (data as { date: string }).date = options.today;
  const documentPositions = isSeq(doc.get('documents', true))
    ? (doc.get('documents', true) as { items: unknown[] }).items.map((item) => lines.at(rangeStart(item) ?? 0))
    : [];

  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const issue of result.error.issues) {
      for (const d of describeIssue(issue, doc, file, lines)) {
        const key = `${d.line}:${d.message}`;
        if (!seen.has(key)) diagnostics.push(d);
        seen.add(key);
      }
    }
    return fail(diagnostics);
  }
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, number>();
  result.data.documents.forEach((d, i) => {
    const id = documentId(d);
    const first = ids.get(id);
    if (first !== undefined) {
      diagnostics.push(
        error(offsetOf(doc, ['documents', i, 'file']) ?? offsetOf(doc, ['documents', i]) ?? 0, `documents[${i}]: its id "${id}" is already used by documents[${first}]; give one of them an id. Write for example: \`${keyExamples.id}\`.`),
      );
    } else ids.set(id, i);
  });
  return diagnostics.length ? fail(diagnostics) : { manifest: result.data, documentPositions, diagnostics };
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

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the manifest';
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

/** The diagnostics of one zod issue: unknown keys each at their own line. */
function describeIssue(issue: z.core.$ZodIssue, doc: YamlDocument, file: string, lines: ReturnType<typeof createLineIndex>): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const make = (offset: number, message: string): Diagnostic => diagnostic(file, lines.at(offset), { rule: 'manifest', severity: 'error', message });
  if (issue.code === 'unrecognized_keys') {
    const inDocument = path[0] === 'documents';
    return issue.keys.map((key) => make(keyOffset(doc, path, key) ?? offsetOf(doc, path) ?? 0, `${describePath([...path, key])}: unknown key. ${unknownKeyHint(key, inDocument, path.length === 0)}`));
  }
  if (issue.code === 'invalid_union' && path[0] === 'documents' && path.length === 2) {
    // A document that is neither a file name nor an object: report the object's own issues.
    const objectIssues = issue.errors.find((errors) => errors.some((e) => e.code !== 'invalid_type' || e.path.length > 0));
    if (objectIssues) return objectIssues.flatMap((e) => describeIssue({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, doc, file, lines));
    return [make(offsetOf(doc, path) ?? 0, `${describePath(path)}: expected a file name or the document's keys, got ${JSON.stringify(valueAt(doc, path))}. Write for example: \`- ${keyExamples.file}\`.`)];
  }
  const present = path.length === 0 || doc.hasIn(path);
  const offset = offsetOf(doc, path) ?? (present ? 0 : offsetOf(doc, path.slice(0, -1)) ?? 0);
  const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  const example = key in keyExamples ? ` Write for example: \`${keyExamples[key as keyof typeof keyExamples]}\`.` : '';
  return [make(offset, `${describePath(path)}: expected ${expectation(issue, doc, path, present)}.${example}`)];
}

function expectation(issue: z.core.$ZodIssue, doc: YamlDocument, path: (string | number)[], present: boolean): string {
  const value: unknown = present && path.length ? valueAt(doc, path) : undefined;
  const got = present ? `, got ${JSON.stringify(value)}` : '';
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'keys (`key: value`)' : issue.expected === 'string' ? 'a text' : `a ${issue.expected}`;
    if (!present) return `${expected}, but the key is missing`;
    const hint = issue.expected === 'string' && typeof value !== 'string' ? ' (write it in quotes)' : '';
    return `${expected}${got}${hint}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return 'at least one entry';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') return `a whole number above 0${got}`;
  return issue.message.replace(/^Invalid input: expected /, '').replace(/^Invalid string: must match pattern .*$/, 'a value of another form') + got;
}

function unknownKeyHint(key: string, inDocument: boolean, atRoot: boolean): string {
  const own = inDocument ? Object.keys(documentObject.shape) : Object.keys(manifestSchema.shape);
  const lower = key.toLowerCase();
  const alias = keyAliases[lower];
  const near = own.find((k) => k.toLowerCase() === lower) ?? (alias && own.includes(alias) ? alias : undefined) ?? own.find((k) => editDistance(k.toLowerCase(), lower) <= 2);
  if (near) return `Did you mean \`${near}:\`? Write for example: \`${near in keyExamples ? keyExamples[near as keyof typeof keyExamples] : `${near}: …`}\`.`;
  if (atRoot && Object.keys(documentObject.shape).includes(alias ?? key)) {
    return `\`${alias ?? key}\` is a key of each document: put it under one of the \`documents:\` (indented below \`- file: …\`).`;
  }
  return `The keys are: ${own.join(', ')} (see the README's table of the manifest).`;
}

/** Levenshtein distance, for suggesting the key a typo meant. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function valueAt(doc: YamlDocument, path: (string | number)[]): unknown {
  const node = doc.getIn(path, true) as YamlNode | undefined;
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? (node.range[0] as number) : undefined;
}

/** Source offset of the value at `path`; for a key with no value, of the key itself. */
function offsetOf(doc: YamlDocument, path: (string | number)[]): number | undefined {
  if (path.length === 0) return rangeStart(doc.contents) ?? 0;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1]!;
  if (isMap(parent) && typeof last === 'string') {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    if (pair) return rangeStart(pair.value) !== undefined && (pair.value as { value?: unknown }).value !== null ? rangeStart(pair.value) : rangeStart(pair.key);
    return undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return rangeStart(parent.items[last]);
  return undefined;
}

/** Source offset of a key in the map at `path`. */
function keyOffset(doc: YamlDocument, path: (string | number)[], key: string): number | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  return rangeStart(map.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key);
}
