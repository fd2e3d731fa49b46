/**
 * Acronym definitions in French prose: `Agence spatiale fictive (ASF)` (long form first),
 * `COMOR (Commandement orbital régional)` (short form first), and the forms that delimit both
 * (`(« Agence spatiale fictive », ASF)`, `(Agence spatiale fictive ou ASF)`, `(ASF ou « Fictive
 * Space Agency »)`, `ASF = Agence spatiale fictive`, `ASF - Agence spatiale fictive` in a table's
 * cell, a plural `(ASFs)`, `ASF, pour Agence spatiale fictive`, `l'Agence spatiale fictive, dite ASF`, `ASF signifie « … »`, `(mieux connue
 * comme ASF)`, `(« ASF » en anglais)`), each with a confidence; numeronyms too (`V12N` after
 * `virtualisation`).
 *
 * The classic algorithm, Schwartz & Hearst (2003), matches the letters of the short form right to
 * left, in order, in the words before the parenthesis. French needs more, and this is the
 * extension:
 * - articles and prepositions (`de`, `l'`, `en matière de`…) carry no letter, except the few
 *   prepositions that do in names (`Réseau pour la recherche (RPR)`);
 * - many acronyms come from the English name, so their letters come out of order
 *   (`Force de surveillance (SURFOR)`), or not at all (`Centre … (ICRC)`): the alignment may
 *   take the words in any order and leave letters unexplained, and the confidence says how well
 *   it went;
 * - a word may give more than its initial (`COmité … PERmanent (Coper)`, `forces NAVales
 *   (EUNAVFIC)`), each part of a compound gives its own (`État-major`, `cyber|défense`,
 *   `NetworkManager`), a number gives digits (`2031 → EXF31`, `deuxième → GRP2`), and an acronym
 *   inside the long form gives its letters in either order (`l'UE → EU`).
 *
 * The expansion is the phrase whose words give the letters: it starts at the first word that
 * gives one, or at the head noun a name is built on (`la mission de surveillance de l'ASF
 * (ASFMS)`); never at an adjective or a noun that merely precedes (`leur propre interface
 * graphique (GUI)`, `la vitrine du service …`), at a word in small letters before a name written in
 * capitals (or capitalized only because it opens the sentence), at words outside the quotes of a
 * quoted name, at a heading line above it, at a translator's label (`NdT :`), at a URL, a path or
 * an address; nor is it the tail of an enumeration or two coordinated words read out of order.
 * Where the text quotes a name in another language beside the acronym, that name is the
 * expansion when it explains the letters better.
 *
 * Confidence = 0.55 × letters explained + 0.15 × first letter explained + 0.10 × letters in order
 * + 0.20 × share of the long form's content words that explain a letter. Below `threshold` a
 * candidate is rejected (the caller reports it). A parenthesis that qualifies (`l'ASF (Europe)`),
 * a date or a range (`(2031-2034)`), a list (`(Chili, Pérou et Bolivie)`), a word whose start gives
 * all the letters (`write-once (ON)`: an abbreviation of the word), a remark (`(voir …)`,
 * `(i.e. …)`, `(tels …)`), a description of a numbered item (`PT 154 (…)`) or a gloss that holds the short form itself (`HOWTO (HOWTO du réseau)`) is no
 * definition; nor is an English phrase that explains the letters only in part (translations go
 * from English into French, not the other way).
 *
 * Not for: deciding whether an all-caps word is an acronym or a name (`glossary.ts`), finding the
 * uses of a term (`acronym-uses.ts`).
 */
import { isRomanNumeral as isRoman, ordinalValue } from '../language/fr/numbers.ts';

import { frenchMonthPattern } from '../language/fr/dates.ts';
import { isAuxiliaryForm, isContractedArticle, isEnglishFunctionWord, isFrenchFunctionWord, isFunctionWord, isSubjectPronoun } from '../language/fr/words.ts';

const monthWords = new RegExp(`(?<!\\p{L})${frenchMonthPattern}(?!\\p{L})`, 'giu');

/** Confidence under which a candidate definition is not taken. */
export const threshold = 0.5;
/** Share of the short form's letters the long form must explain at least. */
export const minimumCoverage = 0.5;

/** True when a candidate is good enough to be taken. */
export function isAccepted(candidate: Pick<DefinitionCandidate, 'confidence' | 'coverage'>): boolean {
  return candidate.confidence >= threshold && candidate.coverage >= minimumCoverage;
}

export interface DefinitionCandidate {
  /** The short form as written (`ASF`, `EUNAVFIC SUD`, `Coper II`). */
  term: string;
  /** The long form as written. */
  expansion: string;
  confidence: number;
  /** Share of the short form's letters the long form explains (0–1). */
  coverage: number;
  direction: 'long-first' | 'short-first';
  /** `[start, end)` of the short form in the text. */
  termStart: number;
  termEnd: number;
  /** `[start, end)` of the long form in the text. */
  expansionStart: number;
  expansionEnd: number;
}

type WordKind = 'content' | 'acronym' | 'number' | 'article' | 'link' | 'quote' | 'stop' | 'comma';

interface Word {
  text: string;
  start: number;
  end: number;
  kind: WordKind;
  /** Folded (lowercase, no accents) parts that may give letters. */
  parts: string[];
  /** Numbers a digit group of the short form may match (`2027`, ordinal `deuxième` → 2). */
  numbers: string[];
  /** A preposition that may give its initial (`pour` in `Réseau pour la recherche`). */
  mayGiveLetter?: boolean;
  /** False for a word the French lexicon does not know (undefined when no lexicon is given). */
  french?: boolean;
  /**
   * A word of another language, on evidence: unknown to the lexicon and capitalized, or in an
   * English sentence (a French word damaged by a PDF extraction is unknown too, but lowercase).
   */
  foreign?: boolean;
}

interface Unit {
  value: string;
  kind: 'letter' | 'number' | 'roman';
  /** Index of the part of the short form it belongs to (`CD-RW`: 0 for C, D; 1 for R, W). */
  part: number;
}

interface Chunk {
  unit: number;
  length: number;
  word: number;
  part: number;
}

// General French grammar, not drawn from any text.
const articles = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'a', 'an', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes']);
const links = new Set([
  'de', "d'", 'du', 'des', 'à', 'au', 'aux', 'en', 'et', 'ou', 'pour', 'par', 'sur', 'sous', 'dans', 'avec', 'entre', 'contre', 'sans', 'vers',
  'chez', 'selon', 'que', 'qui', 'dont', "qu'", "s'", "n'", 'y', 'of', 'the', 'and', 'for', 'on', 'in', 'to',
]);
const soundDigits: Record<string, string[]> = { for: ['4'], to: ['2'] };
const letterGivingLinks = new Set(['pour', 'par', 'sur', 'sans', 'avec', 'dans', 'entre', 'contre', 'sous']);
/** Nouns of locutions that carry no meaning of their own: `en matière de`, `en faveur de`, `au sein de`. */
const locutionNouns = new Set(['matière', 'faveur', 'profit', 'sein', 'vue', 'charge', 'titre', 'cadre', 'moyen', 'intermédiaire', 'appui', 'égard', 'lieu', 'raison', 'cours', 'vertu']);
// `a` is French too (`il a`): as an article it gives no letter, as a verb neither.
/** Learned prefixes after which a French compound starts a second word (`cyber|défense`, `télé|piloté`). */
const compoundPrefixes = ['cyber', 'télé', 'anti', 'contre', 'inter', 'multi', 'sous', 'auto', 'semi', 'micro', 'radio', 'aéro', 'géo', 'post', 'super', 'hyper', 'trans', 'ultra', 'extra', 'bio', 'néo', 'euro'];

/** Lowercase without accents. */
export function fold(text: string): string {
  // ASCII has no accents to take off.
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * True for a Roman numeral (`II`, `XXI`, `XIV`), which is never an acronym. The numerals of names,
 * reigns and centuries stay below a hundred; one with C, D or M (`CD`, `CLI`, `MD`) is taken for
 * an acronym.
 */
export function isRomanNumeral(token: string): boolean {
  return isRoman(token) && !/[CDM]/u.test(token);
}

/**
 * True for a word written like an acronym: at least two capitals and no small letter
 * (`ASF`, `GRP2`, `CSIRT-UE`), or one capital and a number (`G9`). Roman numerals are not.
 */
export function looksLikeAcronym(token: string): boolean {
  // `ASF_MSG_OUT` is a program's identifier, not an acronym.
  if (token.includes('_')) return false;
  if (isRomanNumeral(token.replace(/[-‑]/g, ''))) return false;
  if (/\p{Ll}/u.test(token)) return false;
  const capitals = (token.match(/\p{Lu}/gu) ?? []).length;
  if (capitals >= 2) return /^\p{Lu}/u.test(token);
  return /^\p{Lu}\p{N}{1,2}$/u.test(token);
}

// A URL, a path, an address or a program's identifier (`asf_init`) is no word of a name: it ends a long form (group 1).
// (So is a key or a checksum, letters and digits mixed at random, and a Windows path or registry key.)
const tokenRe = /((?:[a-z][a-z+.-]*:\/\/|www\.)\S+|(?=[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*\p{N})(?=[\p{L}\p{N}]*\p{Ll}\p{Lu}[\p{L}\p{N}]*\p{Ll}\p{Lu})[\p{L}\p{N}+/]{12,}|\S*\\\S+|[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\p{L}\p{N}])~?\/[\w.~/-]+|[\t=|])|(\p{L}+['’])|([\p{L}\p{N}]+(?:[-‑_][\p{L}\p{N}]+)*)|([«»"“”])|([.;:!?()[\]])|(,)|([–—])/gu;

function tokenize(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  tokenRe.lastIndex = from;
  for (let m = tokenRe.exec(text); m && m.index < to; m = tokenRe.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end > to) break;
    if (m[1]) words.push({ text: m[1], start, end, kind: 'stop', parts: [], numbers: [] });
    else if (m[2]) {
      const w = fold(m[2]).replace('’', "'");
      words.push({ text: m[2], start, end, kind: w === "l'" ? 'article' : 'link', parts: [w.slice(0, -1)], numbers: [] });
    } else if (m[3]) {
      words.push(readWord(m[3], start, end));
    } else if (m[4]) words.push({ text: m[4], start, end, kind: 'quote', parts: [], numbers: [] });
    else if (m[6]) words.push({ text: m[6], start, end, kind: 'comma', parts: [], numbers: [] });
    else if (m[7]) words.push({ text: m[7], start, end, kind: 'comma', parts: [], numbers: [] });
    else words.push({ text: m[0], start, end, kind: 'stop', parts: [], numbers: [] });
  }
  // `le premier de …`, `la seule pour …`: an adjective that French puts before a noun, followed by a
  // preposition instead, stands for a noun named elsewhere (a pronoun); it carries no letter.
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    if (w.kind === 'content' && prenominal.has(w.text.toLowerCase()) && words[i + 1]!.kind === 'link' && !/\p{Lu}/u.test(w.text)) {
      w.kind = 'article';
      w.parts = [];
    }
  }
  // `en matière de`, `au sein de`: the noun carries no letter.
  for (let i = 1; i + 1 < words.length; i++) {
    const w = words[i]!;
    if (w.kind === 'content' && locutionNouns.has(w.text.toLowerCase()) && ['en', 'au', "l'", 'le', 'à', 'par'].includes(words[i - 1]!.text.toLowerCase().replace('’', "'")) && ['de', "d'", 'du', 'des'].includes(fold(words[i + 1]!.text).replace('’', "'"))) {
      w.kind = 'link';
    }
  }
  return words;
}

function readWord(text: string, start: number, end: number): Word {
  const folded = fold(text);
  if (/^\p{N}+$/u.test(text)) return { text, start, end, kind: 'number', parts: [], numbers: [text] };
  const ordinal = ordinalValue(text);
  if (ordinal !== undefined) return { text, start, end, kind: 'content', parts: [], numbers: [String(ordinal)] };
  if (articles.has(text.toLowerCase())) return { text, start, end, kind: 'article', parts: [folded], numbers: [] };
  // A small word written with a capital belongs to a name set in title case (`Masters Of The Sea`):
  // there it gives its initial like the other words.
  // English names spell `for` and `to` by their sound, as digits (`Peer to Peer`: P2P).
  if (links.has(text.toLowerCase())) return { text, start, end, kind: 'link', parts: [folded], numbers: soundDigits[text.toLowerCase()] ?? [], mayGiveLetter: letterGivingLinks.has(text.toLowerCase()) || /^\p{Lu}\p{Ll}/u.test(text) };
  const pieces = text.split(/[-‑_]/);
  // (A single capital after an acronym is one of its parts too: `NAT-T`.)
  if (pieces.every((p, k) => looksLikeAcronym(p) || /^\p{N}+$/u.test(p) || (k > 0 && /^\p{Lu}$/u.test(p) && looksLikeAcronym(pieces[0]!))) && pieces.some((p) => looksLikeAcronym(p))) {
    return { text, start, end, kind: 'acronym', parts: pieces.map(fold), numbers: pieces.filter((p) => /^\p{N}+$/u.test(p)) };
  }
  const parts: string[] = [];
  // A word written in camel case is a compound whose parts give their initials (`NetworkManager`, `PostScript`).
  for (const piece of pieces) for (const sub of piece.split(/(?<=\p{Ll})(?=\p{Lu})/u)) parts.push(...splitCompound(fold(sub)));
  return { text, start, end, kind: 'content', parts, numbers: [] };
}

function splitCompound(word: string): string[] {
  for (const prefix of compoundPrefixes) {
    const p = fold(prefix);
    if (word.startsWith(p) && word.length - p.length >= 4) return [p, word.slice(p.length)];
  }
  return [word];
}

function unitsOf(shortForm: string): Unit[] {
  const units: Unit[] = [];
  const tokens = shortForm.split(/[\s\-‑–—/.]+/).filter(Boolean);
  tokens.forEach((token, i) => {
    if (i > 0 && isRomanNumeral(token)) {
      units.push({ value: token, kind: 'roman', part: i });
      return;
    }
    for (const m of token.matchAll(/\p{L}|\p{N}+/gu)) {
      units.push(/\p{N}/u.test(m[0]) ? { value: m[0], kind: 'number', part: i } : { value: fold(m[0]), kind: 'letter', part: i });
    }
  });
  return units;
}

const isContent = (w: Word): boolean => w.kind === 'content' || w.kind === 'acronym' || w.kind === 'number';

/** The ways a word part can explain units starting at `u`: how many units it takes. */
function matchLengths(units: Unit[], u: number, word: Word, part: string): number[] {
  const unit = units[u]!;
  if (unit.kind === 'number') return word.numbers.some((n) => n === unit.value || (n.length === 4 && n.endsWith(unit.value))) ? [1] : [];
  if (unit.kind !== 'letter' || !part) return [];
  if (word.kind === 'link' || word.kind === 'article') return word.mayGiveLetter && part.startsWith(unit.value) ? [1] : [];
  let letters = '';
  const lengths: number[] = [];
  const reversed = [...part].reverse().join('');
  for (let k = u; k < units.length && units[k]!.kind === 'letter' && k - u < 4; k++) {
    letters += units[k]!.value;
    const n = letters.length;
    if (word.kind === 'acronym') {
      if (part.startsWith(letters) || reversed.startsWith(letters)) lengths.push(n);
    } else if (part.startsWith(letters) && (n === 1 || part.length > n)) lengths.push(n);
  }
  return lengths;
}

interface Scored {
  confidence: number;
  coverage: number;
  chunks: Chunk[];
  /** First word of the long form (long-first: where the long form starts). */
  from: number;
}

/**
 * Aligns a short form with words, in any order, and scores each alignment.
 * @param units the short form's letters and numbers
 * @param words the candidate long form's words
 * @param longFirst true when the long form precedes the short form: then where it starts is
 *   decided by the alignment (see `longFormStart`); otherwise all the words are the long form
 * @param strict only a complete, in-order alignment counts (short forms written like words, `Interpol`)
 */
function align(units: Unit[], words: Word[], longFirst: boolean, strict: boolean): Scored | undefined {
  const slots: { word: number; part: number }[] = [];
  words.forEach((w, i) => w.parts.forEach((_, p) => slots.push({ word: i, part: p })));
  if (words.some((w) => w.numbers.length)) words.forEach((w, i) => w.numbers.length && !w.parts.length && slots.push({ word: i, part: -1 }));
  const used = new Set<string>();
  const chunks: Chunk[] = [];
  let best: Scored | undefined;
  let leaves = 0;
  const visit = (u: number): void => {
    if (leaves > 20000) return;
    if (u >= units.length) {
      leaves++;
      const scored = score(units, words, chunks, longFirst);
      if (strict && (scored.coverage < 1 || !inOrder(chunks))) return;
      if (!best || better(scored, best)) best = { ...scored, chunks: [...chunks] };
      return;
    }
    // Nearest words first: the best alignments are usually found early.
    for (let s = slots.length - 1; s >= 0; s--) {
      const slot = slots[s]!;
      const key = `${slot.word}:${slot.part}`;
      if (used.has(key)) continue;
      const word = words[slot.word]!;
      const part = slot.part >= 0 ? word.parts[slot.part]! : '';
      const lengths = slot.part >= 0 ? matchLengths(units, u, word, part) : matchLengths(units, u, word, '');
      for (const length of lengths) {
        used.add(key);
        chunks.push({ unit: u, length, word: slot.word, part: slot.part });
        visit(u + length);
        chunks.pop();
        used.delete(key);
      }
    }
    visit(u + 1);
  };
  visit(0);
  return best;
}

/** The better of two alignments: one that explains enough letters, then the more confident. */
function better(a: Omit<Scored, 'chunks'>, b: Omit<Scored, 'chunks'>): boolean {
  const enoughA = a.coverage >= minimumCoverage;
  const enoughB = b.coverage >= minimumCoverage;
  if (enoughA !== enoughB) return enoughA;
  return a.confidence > b.confidence + 1e-9;
}

/** True when the chunks, taken in the short form's order, give their letters from right to left. */
function readBackwards(chunks: Chunk[]): boolean {
  const sorted = [...chunks].sort((a, b) => a.unit - b.unit);
  return sorted.every((c, i) => i === 0 || position(c) < position(sorted[i - 1]!));
}

function inOrder(chunks: Chunk[]): boolean {
  const sorted = [...chunks].sort((a, b) => a.unit - b.unit);
  return sorted.every((c, i) => i === 0 || position(c) > position(sorted[i - 1]!));
}

const position = (c: Chunk): number => c.word + (c.part + 1) / 100;

function score(units: Unit[], words: Word[], all: Chunk[], longFirst: boolean): Omit<Scored, 'chunks'> {
  const allCovered = all.reduce((n, c) => n + c.length, 0);
  const optionalUnits = units.filter((u) => u.kind === 'roman').length;
  const from = longFirst ? longFormStart(words, all, units.length - optionalUnits - allCovered, units) : 0;
  // Letters given by words left out of the long form (stray letters) count as unexplained.
  const chunks = all.filter((c) => c.word >= from);
  const covered = new Set<number>();
  for (const c of chunks) for (let k = c.unit; k < c.unit + c.length; k++) covered.add(k);
  // Roman numerals, and numbers ending the short form (`EXF31`, `ORBIS 31`), may stay unexplained.
  let counted = 0;
  let matched = 0;
  units.forEach((unit, k) => {
    const optional = unit.kind === 'roman' || (unit.kind === 'number' && units.slice(k).every((x) => x.kind !== 'letter'));
    if (covered.has(k)) {
      matched++;
      counted++;
    } else if (!optional) counted++;
  });
  // Each part of letters of the short form must be explained in part at least: `(CD-RW)` after
  // words that explain `CD` only is a description, not the name.
  const parts = new Set(units.filter((u) => u.kind === 'letter').map((u) => u.part));
  const unexplainedPart = parts.size > 1 && [...parts].some((p) => !units.some((u, k) => u.part === p && covered.has(k)));
  // Letters given only by other acronyms (`XFS (SGI : IRIX)`), a single letter of several, or
  // all of them by the start of one word (`ON` after `write-once`, `CAM` after `prise pour
  // caméra`: an abbreviation of that word, not an acronym of the phrase) are chance, not an
  // explanation.
  const byWords = chunks.some((c) => words[c.word]!.kind === 'content' || words[c.word]!.kind === 'number' || words[c.word]!.kind === 'link');
  const letterUnits = units.filter((u) => u.kind === 'letter').length;
  const oneWordStart = letterUnits >= 2 && chunks.length === 1 && words[chunks[0]!.word]!.kind !== 'acronym';
  // Nor is a part of them given by one word alone (`Integrating DomainKeys (DKIM)`): another name,
  // or a part of one.
  const oneWordPart = new Set(chunks.map((c) => c.word)).size === 1 && matched < counted;
  // A long form in another language than French (a word the lexicon does not know) that leaves
  // two letters or more unexplained at the start (`motion controller (ASFMOT)`) lacks the words
  // of another name: it describes the thing rather than spells it. (A French translation may
  // leave them, its words come in another order: `programme des objectifs orbitaux (HLOP)`.)
  let leading = 0;
  while (leading < units.length && units[leading]!.kind === 'letter' && !covered.has(leading)) leading++;
  const foreign = words.slice(from).some((w) => w.kind === 'content' && w.french === false);
  const headless = longFirst && letterUnits >= 3 && leading >= 2 && foreign;
  const chance = !byWords || (letterUnits >= 2 && covered.size < 2) || oneWordStart || oneWordPart || headless;
  const coverage = unexplainedPart || chance ? Math.min(0.49, counted ? matched / counted : 0) : counted ? matched / counted : 0;
  const first = covered.has(0) ? 1 : 0;
  // English names give French acronyms whose letters come in reverse order (`Remotely Piloted
  // Aircraft Systems` → `systèmes d'aéronef télépiloté`): both directions count as ordered.
  const sorted = [...chunks].sort((a, b) => a.unit - b.unit);
  let forward = 0;
  let backward = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (position(sorted[i]!) > position(sorted[i - 1]!)) forward++;
    else backward++;
  }
  const order = sorted.length < 2 ? 1 : Math.max(forward, backward) / (sorted.length - 1);
  // A preposition gives a letter inside a name (`Réseau pour la recherche`), never its first one.
  if (longFirst && all.some((c) => !isContent(words[c.word]!) && (c.word <= from || !chunks.some((d) => d.word < c.word && isContent(words[d.word]!))))) {
    return { confidence: -1, coverage, from };
  }
  // A French phrase that lacks the letter its head would give and starts at a word that gives one
  // (`un volume logique (LVM)`, `avant l'ère commune (AEC)`) is the tail of the name or a
  // description of the thing: its head noun is missing. (A French head rendering the English one,
  // `gestionnaire de volumes logiques (LVM)`, starts the phrase and gives no letter.)
  const tail = words.slice(from);
  if (longFirst && coverage < 1 && chunks.some((c) => c.word === from) && (inOrder(chunks) || readBackwards(chunks)) && headLetterUnexplained(units, chunks) && tail.every((w) => w.kind !== 'content' || w.french !== false) && !titleCase(tail)) {
    return { confidence: -1, coverage, from };
  }
  // A name in another language is spelled in its own order: letters found backwards in it
  // (`Integrating Keys (KI)`) are chance. (Translations into French may reverse them.)
  const givers = [...new Set(chunks.map((c) => words[c.word]!))].filter((w) => w.kind === 'content');
  if (longFirst && backward > 0 && givers.length >= 2 && givers.every((w) => w.foreign)) return { confidence: -1, coverage, from };
  const contributing = new Set(chunks.map((c) => c.word));
  const content = words.slice(from).filter(isContent);
  const contributingContent = content.filter((w) => contributing.has(words.indexOf(w))).length;
  const density = content.length ? contributingContent / content.length : 0;
  let confidence = 0.55 * coverage + 0.15 * first + 0.1 * order + 0.2 * density;
  // Content words give letters before prepositions do.
  confidence -= 0.05 * chunks.filter((c) => !isContent(words[c.word]!)).length;
  // A name starts a noun phrase; one that starts after a noun (`copie certifiée de l'acte`) is doubtful.
  // (A capitalized name after a word in small letters starts there: the change of case marks it.)
  if (longFirst && from > 0 && from < words.length && !opensNounPhrase(words[from - 1]!) && !(/^\p{Lu}/u.test(words[from]!.text) && /^\p{Ll}/u.test(words[from - 1]!.text))) confidence *= 0.85;
  return { confidence, coverage, from };
}

/**
 * Whether the letter a head noun would give is among those the alignment leaves unexplained: the
 * short form's first letter when its letters come in the order of the words, its last when they
 * come reversed (an English name read in French: `Road Works Funding` → `le financement
 * des travaux routiers`, whose head `financement` renders the last word). A letter missing
 * in the middle (`service de traçage des colis (PTS)`, T for a word rendered otherwise) is no head's.
 */
function headLetterUnexplained(units: Unit[], chunks: Chunk[]): boolean {
  const covered = new Set<number>();
  for (const c of chunks) for (let k = c.unit; k < c.unit + c.length; k++) covered.add(k);
  const letters = units.map((u, k) => ({ u, k })).filter(({ u }) => u.kind === 'letter');
  if (!letters.length) return false;
  const first = letters[0]!.k;
  const last = letters[letters.length - 1]!.k;
  const sorted = [...chunks].sort((a, b) => a.unit - b.unit);
  const forward = sorted.every((c, i) => i === 0 || position(c) > position(sorted[i - 1]!));
  const backward = sorted.every((c, i) => i === 0 || position(c) < position(sorted[i - 1]!));
  return ((forward || !backward) && !covered.has(first)) || ((backward || !forward) && !covered.has(last));
}

/**
 * Where a long form that precedes its short form starts: at its leftmost word that explains a
 * letter, extended to the left over the head nouns it complements, as long as the extension
 * reaches the article that opens the noun phrase (`le financement des travaux routiers
 * (RWF)`, `la mission de surveillance de l'UE (EUSUR)`). A singular head noun joined by a bare
 * `de` (`mission de surveillance`) or placed before an acronym (`l'Agence ASF`) comes free; one
 * joined otherwise costs one of the letters left unexplained (an English name has words the French
 * one renders differently); joined by a contracted article (`la vitrine du service … (PTS)`), only the
 * letter a head would give (see `headLetterUnexplained`), also after a conjunction (`la
 * console et du service … (PTS)`).
 * A letter given by a word cut off from the others by two words that give none is taken as chance.
 */
function longFormStart(words: Word[], chunks: Chunk[], unexplained: number, units: Unit[]): number {
  const headLetter = headLetterUnexplained(units, chunks);
  // In English (`…, use ASF Partition Table`) names are written whole: no head noun to add.
  const english = words.some((w) => englishLinks.has(low(w)));
  const givers = [...new Set(chunks.map((c) => c.word).filter((i) => isContent(words[i]!)))].sort((a, b) => a - b);
  const letters = (word: number): number => chunks.filter((c) => c.word === word).reduce((n, c) => n + c.length, 0);
  const total = chunks.reduce((n, c) => n + c.length, 0) + unexplained;
  // A stray letter: dropped when the rest explains at least half the short form on its own, or
  // whatever the rest explains when three words that give none cut it off: no name runs so long
  // without a letter.
  while (givers.length > 1) {
    const gap = words.slice(givers[0]! + 1, givers[1]!).filter((w) => isContent(w) && w.kind !== 'acronym').length;
    const rest = givers.slice(1).reduce((n, g) => n + letters(g), 0);
    if (gap < 2 || (rest < total / 2 && gap < 3)) break;
    givers.shift();
  }
  if (!givers.length) return words.length;
  const leftmost = givers[0]!;
  // Every letter given, out of order (an English name in French word order: `protection contre le
  // montage multiple (MMP)`): the name is complete and its head noun comes first; a noun before it
  // (`la fonctionnalité de …`) names what the thing is, not the thing.
  // (Letters an acronym inside gives, `la mission de soutien de l'ONU (MISONU)`, say nothing of the
  // order; letters of words left out as stray do not count.)
  const kept = chunks.filter((c) => givers.includes(c.word));
  const wordChunks = kept.filter((c) => words[c.word]!.kind === 'content');
  const given = kept.reduce((n, c) => n + c.length, 0);
  if (unexplained === 0 && given === total && new Set(wordChunks.map((c) => c.word)).size >= 2 && !inOrder(wordChunks)) return leftmost;
  let start = leftmost;
  // One head noun at most: a longer reach takes in the clause around the name.
  let budget = Math.min(1, unexplained);
  // Two nouns side by side without a preposition make one head at most (`interface utilisateur`):
  // a longer run of bare words is a list or a table's cells run together, not a name.
  let bare = 0;
  for (let i = start - 1; i >= 0; ) {
    // Skip the words that join the head noun to the current start (`de`, `des`, `de la`, `et d'`, quotes).
    let j = i;
    while (j >= 0 && isJoint(words, j)) j--;
    if (j < 0) break;
    const head = words[j]!;
    if (head.kind !== 'content' && head.kind !== 'acronym') break;
    const joint = words.slice(j + 1, start).filter((w) => w.kind !== 'quote').map(low);
    const coordinated = joint.includes('et') || joint.includes('ou') || joint.includes(',');
    // Coordination joins two nouns of one name (`formation et d'assistance`), not a name and an acronym.
    if (coordinated && head.kind === 'acronym') break;
    // Free: a singular head joined by a bare `de` (`mission de police`; plural heads are things
    // the name qualifies, `les outils de …`), or placed right before an acronym
    // (`l'Agence ASF`); an adjective or a noun that merely precedes the name (`leur propre
    // interface`, `le prédécesseur « … »`) is not part of it.
    // A name written in capitals (`UEFI Boot Record`) starts at its first capital: a word in
    // small letters before it (`… emploient UEFI Boot Record`) is the sentence's, not the name's.
    // (So is a French word capitalized only because it opens the sentence: `Spécification de
    // Large File Summit (LFS)`.)
    const sentenceHead = head.kind === 'content' && head.french === true && (j === 0 || words[j - 1]!.kind === 'stop');
    if ((isLowerWord(head) || sentenceHead) && titleCase(words.slice(start))) break;
    // In another language the head noun comes last: a word before a foreign name is the sentence's.
    if (head.foreign && words[start]!.foreign) break;
    const quoted = words.slice(j + 1, start).some((w) => w.kind === 'quote');
    // (French puts the head noun first; in another language a word before the name is an adjective
    // of the sentence: `a specific unique identifier (UI)`.)
    // A plural head before an acronym (`des environnements NFS …`, `les serveurs DNS`) names things of
    // that kind, not the name.
    if (joint.length === 0 && words[start]!.kind === 'acronym' && isLowerWord(head) && /[sx]$/u.test(low(head))) break;
    // (Two bare nouns make a French compound, `interface utilisateur`; a French noun before a foreign
    // word, `l'action kill all …`, is the sentence's.)
    const adjacent = joint.length === 0 && !quoted && ((words[start]!.kind === 'acronym' && !english && head.french !== false) || (isLowerWord(words[start]!) && isLowerWord(head) && !prenominal.has(low(head)) && !head.foreign && !words[start]!.foreign));
    if (adjacent && isLowerWord(head) && ++bare > 1) break;
    const free = !coordinated && (adjacent || (!quoted && joint.length === 1 && (joint[0] === 'de' || joint[0] === "d'") && !/[sx]$/u.test(low(head))));
    // Joined by a contracted article (`la vitrine du service …`, `le guichet du …`), the head
    // names another thing than the name, unless it renders the letter a head gives.
    const contracted = isContractedArticle(joint[joint.length - 1] ?? '');
    // A plural head over a plural phrase (`les pilotes pour les horloges … (RTC)`) names the things
    // that serve the name, not the name.
    if (!free && /[sx]$/u.test(low(head)) && joint.some((w) => w === 'les' || w === 'aux')) break;
    if (!free) {
      if (budget <= 0 || (contracted && !headLetter)) break;
      budget--;
    }
    start = j;
    i = j - 1;
  }
  // The extension must reach the start of the noun phrase; if it stops in the middle, drop it.
  if (start !== leftmost && start > 0 && !opensNounPhrase(words[start - 1]!)) start = leftmost;
  return start;
}

/** Words of a name all written with a capital, one at least not an acronym (`UEFI Boot Record`, not `ASF`). */
function titleCase(words: Word[]): boolean {
  const content = words.filter((w) => w.kind === 'content' || w.kind === 'acronym');
  return content.length >= 2 && content.every((w) => /^\p{Lu}/u.test(w.text)) && content.some((w) => w.kind === 'content');
}

/** A word in small letters (a French noun or adjective inside a name, not an English Title Case word). */
const isLowerWord = (w: Word): boolean => w.kind === 'content' && /^\p{Ll}/u.test(w.text);

/** Adjectives and determiners that French puts before the noun: they open a phrase around a name, not the name. */
const prenominal = new Set(['propre', 'propres', 'grand', 'grande', 'grands', 'grandes', 'petit', 'petite', 'nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'nouvelles', 'ancien', 'ancienne', 'premier', 'première', 'dernier', 'dernière', 'seul', 'seule', 'même', 'autre', 'autres', 'bon', 'bonne', 'vrai', 'vraie', 'certain', 'certaine', 'certains', 'certaines', 'différents', 'différentes', 'divers', 'diverses', 'plusieurs', 'chaque', 'tout', 'toute', 'tous', 'toutes', 'quelque', 'quelques', 'futur', 'future', 'actuel', 'actuelle', 'simple']);

const low = (w: Word): string => w.text.toLowerCase().replace('’', "'");

const internalLinks = new Set(['de', "d'", 'du', 'des', 'pour', 'sur', 'à', 'au', 'aux', 'en', 'contre', "l'", 'la', 'le', 'les']);

/** A word that joins two parts of a name: a link word, an article after one, a quote, a comma in an enumeration. */
function isJoint(words: Word[], j: number): boolean {
  const w = words[j]!;
  if (w.kind === 'link' || w.kind === 'quote') return true;
  return isDefiniteArticle(w) && j > 0 && isInternalLink(words[j - 1]!);
}

/** `le`, `la`, `les`, `l'`: the only articles found inside names (`Agence nationale de la recherche`). */
function isDefiniteArticle(w: Word): boolean {
  return w.kind === 'article' && ['le', 'la', 'les', "l'"].includes(low(w));
}

/** A preposition after which an article stays inside a name (`Agence nationale de la recherche`). */
function isInternalLink(w: Word): boolean {
  return w.kind === 'link' && internalLinks.has(low(w));
}

/** What may stand before the first word of a name: an article, a contracted one, punctuation, a conjunction. */
function opensNounPhrase(w: Word): boolean {
  if (w.kind === 'article' || w.kind === 'stop' || w.kind === 'comma' || w.kind === 'quote') return true;
  return ['des', 'du', 'au', 'aux', 'et', 'ou'].includes(low(w));
}

/** Prepositions and conjunctions after which an article opens a new noun phrase, outside the name. */
const clauseLinks = new Set(['entre', 'avec', 'par', 'dans', 'que', 'qui', 'comme', 'selon', 'chez', 'vers', 'lors', 'dont']);

/**
 * The words before a parenthesis that may hold its long form: back to the start of the sentence,
 * an auxiliary verb and the participle after it, or an article that opens a noun phrase after a
 * verb or a conjunction (`signé entre la Régie…`, `l'ASF et l'Office national des forêts (ONF)`).
 */
function longFormWindow(all: Word[], max: number): Word[] {
  let from = all.length;
  for (let i = all.length - 1, n = 0; i >= 0 && n < max && all.length - i <= 40; i--) {
    const w = all[i]!;
    if (isContent(w)) n++;
    if (w.kind === 'stop') break;
    // The words before an auxiliary verb belong to the clause, not to a name.
    if (isAuxiliaryForm(w.text.toLowerCase())) {
      // (A participle is in small letters and ends like one: before `a Spatial Orbit …`, `a high
      // …`, `a` is the English article.)
      if (from < all.length && all[from]!.kind === 'content' && /^\p{Ll}.*(?:é|ée|és|ées|i|is|ie|ies|it|u|ue|us|t|s)$/u.test(all[from]!.text)) from++;
      break;
    }
    const previous = all[i - 1];
    // `la mission … que mène l'ASF (ASFM)`: a subject after its verb in a relative clause stays inside.
    const inverted = previous?.kind === 'content' && i > 1 && ['que', "qu'", 'dont', 'où'].includes(low(all[i - 2]!));
    if (w.kind === 'article' && previous && !inverted && (previous.kind === 'content' || (previous.kind === 'link' && clauseLinks.has(low(previous))))) {
      from = i;
      break;
    }
    from = i;
  }
  return all.slice(from);
}

/** How many content words before a parenthesis a long form may reach. */
function windowSize(units: Unit[]): number {
  return units.length + 6;
}

/**
 * True when a parenthesis' content can be a short form: up to three words, at least one written
 * like an acronym, the others capitalized, numbers or Roman numerals (`ASF`, `EU OR31`,
 * `Interpol II`); or one capitalized word (`Interpol`), which must then match perfectly.
 */
export function shortFormShape(text: string): 'acronym' | 'word' | undefined {
  const tokens = text.trim().split(/\s+/);
  if (!tokens[0] || tokens.length > 3 || text.length > 20) return undefined;
  if (tokens.every((t) => looksLikeAcronym(t) || /^\p{N}+$/u.test(t) || isRomanNumeral(t) || /^\p{Lu}\p{Ll}*$/u.test(t)) && tokens.some((t) => looksLikeAcronym(t) && !/^\p{Lu}\p{N}+$/u.test(t))) {
    return tokens.every((t) => !/^\p{Lu}\p{Ll}+$/u.test(t)) ? 'acronym' : undefined;
  }
  if (/^\p{Lu}\p{Ll}{2,}$/u.test(tokens[0]) && tokens.slice(1).every(isRomanNumeral)) return 'word';
  // Capitals mixed with small letters (`IPv6`, `GnuPG`, `PPPoE`), not a plural (`ASFs`): like a
  // word, it must be spelled whole and in order by its long form.
  if (tokens.length === 1 && /^\p{Lu}[\p{L}\p{N}]+$/u.test(tokens[0]) && /\p{Ll}/u.test(tokens[0]) && (tokens[0].match(/\p{Lu}/gu) ?? []).length >= 2 && !/^\p{Lu}+s$/u.test(tokens[0])) return 'word';
  return undefined;
}

/** Paren groups of a text: `[open, close]` indexes, nested groups included. */
function parentheses(text: string): [number, number][] {
  const groups: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length) groups.push([stack.pop()!, i]);
  }
  return groups.sort((a, b) => a[0] - b[0]);
}

/** Not a definition: a date, a range, a number, a reference. */
function isDateOrNumber(content: string): boolean {
  return !/\p{L}{2,}/u.test(content.replace(monthWords, '').replace(/(?<!\p{L})(?:vers|en|de|à|et)(?!\p{L})/giu, ''));
}

/**
 * Finds the definitions of acronyms a text gives: with parentheses in both orders (`Agence
 * spatiale fictive (ASF)`, `ASF (Agence spatiale fictive)`, `(« Agence spatiale fictive », ASF)`,
 * `(Agence spatiale fictive ou ASF)`, a foreign name in a second parenthesis `(ASF) (« Fictive
 * Space Agency »)`), and in words (`ASF, pour Agence spatiale fictive`, `l'Agence spatiale
 * fictive, dite ASF`, `ASF signifie « Agence spatiale fictive »`, `ASF, l'« Agence spatiale
 * fictive »`, and `ASF : Agence spatiale fictive` at the head of a line).
 * @param text one block of plain text (a paragraph, a list item, a heading)
 * @param isFrenchWord whether the French lexicon knows a word: a head noun before an acronym
 *   joins its name only if it is French (`l'agence ASF`, not `use ASF Partition Table`)
 * @param isAdverb whether a word is only an adverb to French: a phrase holding one of manner
 *   (`adresses ACR (internes probablement)`) remarks, it names nothing
 * @returns every candidate with its confidence, accepted or not; a candidate is taken when its
 *   confidence reaches `threshold` (and, for short forms written like words, only when perfect)
 */
export function findDefinitions(text: string, isFrenchWord?: (word: string) => boolean, isAdverb?: (word: string) => boolean): DefinitionCandidate[] {
  const found: DefinitionCandidate[] = [];
  // Second parentheses already read with the acronym's own (`(ASF) (« Fictive Space Agency »)`).
  const read = new Set<number>();
  for (const [open, close] of parentheses(text)) {
    if (read.has(open)) continue;
    const content = text.slice(open + 1, close);
    const trimmed = content.trim();
    if (!trimmed || (isDateOrNumber(trimmed) && !shortFormShape(trimmed))) continue;
    // A parenthesis glued to a word (`TAUX.INTERET(terme;échéance)`, `SOMME(A1)`) holds a function's
    // arguments, not a definition.
    if (open > 0 && /[\p{L}\p{N}_.]/u.test(text[open - 1]!)) continue;
    // An enumeration (`(ABC, DEF, Ghi, etc.)`) names things of a kind; it defines none of them.
    if (/(?:,\s*|\s)(?:etc\.?|…|\.\.\.)$/u.test(trimmed) || (/^[^,]+(?:,[^,]+){2,}$/u.test(trimmed) && shortFormShape(trimmed.split(',')[0]!) === 'acronym' && trimmed.split(',').every((item) => item.trim().split(/\s+/u).length <= 2))) continue;
    // (« Long name », ACR), (long name ou ACR): both forms inside.
    const bare = /^([«"“]\s*)?(.*?)(\s*[»"”])?$/su.exec(trimmed)!;
    const core = bare[2]!;
    const coreAt = open + 1 + content.indexOf(trimmed) + (bare[1]?.length ?? 0);
    const inside = /^(.*\p{L}.*?)\s*(?:,|\sou|\s[-–—])\s+(\S+(?:\s\S+)?)$/u.exec(core);
    // A list (`(CVS, Subversion, ASF)`) is no long form, unless quoted.
    const listed = inside && /,/u.test(inside[1]!) && !/^\s*[«"“][^«»"“”]*[»"”]\s*$/u.test(inside[1]!);
    // (A short form mixing capitals and small letters, `(Type of Service, ToS)`, only when spelled whole.)
    const insideShape = inside ? shortFormShape(inside[2]!) : undefined;
    if (inside && !listed && insideShape && !shortFormShape(inside[1]!)) {
      let at = coreAt;
      let length = inside[1]!.length;
      // `(pour les éditions « Long Name » ou ACR)`: the words outside the quotes are the sentence's.
      const quotedTail = /[«"“]\s*[^«»"“”]+[»"”]\s*$/u.exec(inside[1]!);
      if (quotedTail && quotedTail.index > 0) {
        at += quotedTail.index;
        length -= quotedTail.index;
      }
      const termStart = coreAt + core.length - inside[2]!.length;
      const candidate = explicit(text, termStart, termStart + inside[2]!.length, at, at + length, insideShape === 'word');
      // A poor reading (`(Long name, RFC 1234)`: a reference, no short form) leaves the others their chance.
      // Nor is a long form in which no word starts with the acronym's first letter, unless every
      // letter is explained (`(au format des vieux en-têtes, RFC 1234)`: a remark and a reference).
      const initial = unitsOf(inside[2]!)[0];
      const headGiven = candidate && (candidate.coverage === 1 || initial?.kind !== 'letter' || new RegExp(`(?:^|[^\\p{L}])${initial.value}`, 'iu').test(fold(candidate.expansion)));
      if (candidate && isAccepted(candidate) && headGiven) {
        found.push(candidate);
        continue;
      }
    }
    // (ACR : « long name »), (ACR = long name): the short form, then its long form.
    const glossed = /^(\S+)\s*[:=]\s+(.*\p{L}.*)$/u.exec(trimmed);
    if (glossed && shortFormShape(glossed[1]!) === 'acronym') {
      const at = open + 1 + content.indexOf(trimmed);
      const longStart = at + trimmed.length - glossed[2]!.length;
      const before = longFirst(text, open, glossed[1]!, at, false, isFrenchWord);
      const candidate = explicit(text, at, at + glossed[1]!.length, longStart, at + trimmed.length);
      const best = [candidate, before].filter((c): c is DefinitionCandidate => !!c && isAccepted(c)).sort((a, b) => b.coverage - a.coverage || b.confidence - a.confidence)[0];
      if (best) {
        found.push(best);
        continue;
      }
    }
    // (ACR ou « Long name »): the short form, then its long form quoted, spelled whole.
    const orQuoted = /^(\S+)\s+ou\s+[«"“]\s*([^«»"“”]+?)\s*[»"”]$/u.exec(trimmed);
    if (orQuoted && shortFormShape(orQuoted[1]!) === 'acronym') {
      const at = open + 1 + content.indexOf(trimmed);
      const longStart = open + 1 + content.indexOf(orQuoted[2]!, orQuoted[1]!.length);
      const candidate = explicit(text, at, at + orQuoted[1]!.length, longStart, longStart + orQuoted[2]!.length, true);
      if (candidate) {
        found.push(candidate);
        continue;
      }
    }
    // (« Foreign name ») after an acronym and its translation: `ASF Agence spatiale fictive (« Fictive Space Agency »)`.
    const onlyQuoted = /^[«"“]\s*([^«»"“”]+?)\s*[»"”]$/u.exec(trimmed);
    if (onlyQuoted) {
      const back = text.slice(Math.max(0, open - 90), open);
      const acronyms = [...back.matchAll(new RegExp(acronymSource, 'gu'))];
      const nearest = acronyms[acronyms.length - 1];
      if (nearest && !/[.;:!?]/u.test(back.slice(nearest.index + nearest[0].length))) {
        const termStart = open - back.length + nearest.index;
        const at = open + 1 + content.indexOf(onlyQuoted[1]!);
        const candidate = explicit(text, termStart, termStart + nearest[1]!.length, at, at + onlyQuoted[1]!.length, true);
        if (candidate) {
          found.push(candidate);
          continue;
        }
      }
    }
    // (aussi appelée ASF), (mieux connue comme ASF), (« ASF » en anglais): the short form with a
    // remark on it or on its language; the long form is before the parenthesis. So with the code or
    // the language it belongs to (`le séparateur de groupe (ASCII : GS)`, `(anglais : GS)`).
    const remarked = /^((?:(?:aussi|également|mieux|plus|souvent)\s+)?(?:connue?s?\s+(?:comme|sous\s+(?:le\s+)?(?:nom|sigle)\s+(?:de\s+)?)|appelée?s?|dite?s?|nommée?s?|abrégée?s?(?:\s+en)?|en\s+abrégé|abr\.|ci-après(?:\s+dénommée?s?)?|(?:sigle|acronyme|abréviation)\s*:?|(?:\p{Lu}{2,}[\p{Lu}\p{N}-]*|(?:en\s+)?anglais)\s*:|ou|également|aussi)\s+)?[«"“]?\s*([^\s«»"“”]+)\s*[»"”]?(\s+en\s+anglais|\s+in\s+English)?$/u.exec(trimmed);
    if (remarked && (remarked[1] || remarked[3]) && shortFormShape(remarked[2]!) === 'acronym') {
      const termStart = open + 1 + content.indexOf(remarked[2]!);
      const candidate = longFirst(text, open, remarked[2]!, termStart, false, isFrenchWord);
      if (candidate) found.push(candidate);
      continue;
    }
    const lead = trimmed.split(/\s+[–—-]\s+|\s*[,;]\s*/)[0]!;
    // Three items or more, the acronym the first (`(ACR, configuration manuelle, réseau local)`):
    // the acronym is one of the things listed, no short form of the words before.
    if (shortFormShape(lead) && trimmed.replace(/[«"“][^«»"“”]*[»"”]/gu, '').split(/\s*,\s*/u).filter(Boolean).length >= 3) continue;
    // A plural (`printed circuit boards (PCBs)`) defines its singular, when the words spell it whole.
    const plural = /^(\p{Lu}{2,}[\p{Lu}\p{N}]*)s$/u.exec(trimmed);
    if (plural) {
      const candidate = longFirst(text, open, plural[1]!, open + 1 + content.indexOf(trimmed), true, isFrenchWord);
      if (candidate && candidate.coverage === 1) found.push(candidate);
      continue;
    }
    // A list of names (`(ALPHA, Bêta ou Gamma)`) names things; it defines none of them.
    if (/^[^,;]+,\s*\p{Lu}[\p{L}\p{N}]*(?:\s*,\s*\p{Lu}[\p{L}\p{N}]*)*\s+(?:et|ou|and|or)\s+\p{Lu}[\p{L}\p{N}]*$/u.test(trimmed)) continue;
    const shape = shortFormShape(lead);
    if (shape) {
      const termStart = content.indexOf(lead) + open + 1;
      let candidate = longFirst(text, open, lead, termStart, shape === 'word', isFrenchWord);
      // `(ACR, Long Name)`: the name after the comma, when it spells the letters better than the words before.
      const after = /^\S+\s*,\s+(?:ou\s+)?(.*\p{L}.*)$/u.exec(trimmed);
      if (after) {
        const at = open + 1 + content.indexOf(trimmed) + trimmed.length - after[1]!.length;
        const other = explicit(text, termStart, termStart + lead.trim().length, at, at + after[1]!.length);
        if (other && isAccepted(other) && (!candidate || !isAccepted(candidate) || other.coverage > candidate.coverage)) candidate = other;
      }
      // A foreign name in a second parenthesis (or quotes) right after: `(ASF) (« Fictive Space Agency »)`.
      const foreign = /^\s*\.?\s*\(\s*([«"“])([^«»"“”()]+)[»"”]/u.exec(text.slice(close + 1));
      if (foreign) {
        read.add(close + 1 + foreign[0].indexOf('('));
        const at = close + 1 + foreign.index + foreign[0].indexOf(foreign[2]!);
        const other = explicit(text, termStart, termStart + lead.trim().length, at, at + foreign[2]!.trimEnd().length);
        if (other && (!candidate || !isAccepted(candidate) || other.coverage > candidate.coverage || (other.coverage === candidate.coverage && other.confidence > candidate.confidence))) candidate = other;
      }
      if (candidate) found.push(candidate);
      continue;
    }
    const candidate = shortFirst(text, open, close);
    if (candidate) found.push(oneWording(text, candidate));
  }
  for (const candidate of inWords(text, isFrenchWord)) if (!found.some((f) => f.termStart === candidate.termStart)) found.push(candidate);
  return found.filter((c) => plausible(c) && !(isAdverb && c.expansion.split(/[^\p{L}]+/u).some((w) => /ment$/u.test(w) && isAdverb(w.toLowerCase()))));
}

/** The acronym shape of a short form written in the text (`ASF`, `ASF-2`, `R&D` is not one). */
const acronymSource = String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*(?:[-‑][\p{Lu}\p{N}]+)?)(?![\p{L}\p{N}])`;

/** Definitions written in words, without parentheses. */
function inWords(text: string, isFrenchWord?: (word: string) => boolean): DefinitionCandidate[] {
  const found: DefinitionCandidate[] = [];
  const quoted = String.raw`[«"“]\s*([^«»"“”]+?)\s*[»"”]`;
  const forms: { re: RegExp; longFirst: boolean }[] = [
    // ASF, pour Agence spatiale fictive / ASF, pour « … »
    { re: new RegExp(String.raw`${acronymSource}\s*,\s+pour\s+(?:${quoted}|([^,;.:()«»]+))`, 'gu'), longFirst: false },
    // ASF signifie « … », L'acronyme ASF peut aussi signifier « … », "ASF" stands for "…"
    // (also after `qui`: `ASF, qui est l'acronyme de « … »`, `ASF qui signifie …`)
    { re: new RegExp(String.raw`${acronymSource}\s*[»"”]?(?:\s*,?\s*qui)?\s+(?:peut\s+(?:aussi\s+)?signifier|signifie|désigne|veut\s+dire|stands\s+for|(?:is|being)\s+(?:an\s+(?:acronym|abbreviation)\s+(?:for|of)|short\s+for)|est\s+(?:l['’]|un\s+|une\s+)(?:acronyme|abréviation|sigle)\s+(?:de|pour))\s+(?:${quoted}|([^,;.:()«»]+))`, 'gu'), longFirst: false },
    // ASF, l'« Agence spatiale fictive », …
    { re: new RegExp(String.raw`${acronymSource}\s*,\s+(?:le|la|les|l['’])\s*${quoted}`, 'gu'), longFirst: false },
    // ASF : Agence spatiale fictive (or ASF = …, ASF — …), at the head of the block or of a line
    { re: new RegExp(String.raw`(?:^|[\n\t])\s*${acronymSource}\s*(?::|=|\s[–—])\s+([^,;.:()«»\n\t]+)`, 'gu'), longFirst: false },
    // PDF - Portable Document Format, in a table's cell: words in capitals, no identifier (`IP6 - _POSIX_IPV6`)
    { re: new RegExp(String.raw`(?:^|[\n\t])\s*${acronymSource}\s+-\s+(\p{Lu}[^-_,;.:()«»\n\t]+)`, 'gu'), longFirst: false },
    // … la DTD = Document Type Definition: a sign of equality anywhere, the letters spelled whole
    { re: new RegExp(String.raw`(?<=\S\s+)${acronymSource}\s*=\s+([^,;.:()«»\n\t=]+)`, 'gu'), longFirst: false },
    // SVID 4 « System V Interface Definition version 4 », heading an entry of a list of terms
    { re: new RegExp(String.raw`(?:^|\n)\s*(\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*(?:\s\p{N}+)?)\s+${quoted}`, 'gu'), longFirst: false },
    // … est ASF « Agence Spatiale Fictive »: the quoted name right after the short form, inside a
    // sentence (an English name glossed for a French reader); every letter spelled, in order.
    { re: new RegExp(String.raw`(?<=\S\s+)${acronymSource}\s+${quoted}`, 'gu'), longFirst: false },
    // ASF, c'est-à-dire l'Agence spatiale fictive
    { re: new RegExp(String.raw`${acronymSource}\s*,\s+(?:c['’]est-à-dire|c\.-à-d\.)\s+(?:l['’]|les?\s+|la\s+)?(?:${quoted}|([^,;.:()«»]+))`, 'gu'), longFirst: false },
  ];
  for (const { re } of forms) {
    for (const m of text.matchAll(re)) {
      const term = m[1]!;
      // A relative clause after the name (`… Council qui a développé …`) is the sentence's, not the name's.
      const long = (m[2] ?? m[3])!.split(/\s(?:qui|que|qu['’]|dont|où|which|that|who)\s/u)[0]!;
      const termStart = m.index + m[0].indexOf(term);
      const longStart = m.index + m[0].lastIndexOf(long);
      const candidate = explicit(text, termStart, termStart + term.length, longStart, longStart + long.trimEnd().length, true, !/[»"”]\s*$/u.test(m[0]));
      if (candidate) found.push(candidate);
    }
  }
  // l'Agence spatiale fictive, dite ASF / appelée « ASF » / ou ASF: the long form before, as with a parenthesis.
  const after = new RegExp(String.raw`,?\s+(?:(?:souvent|parfois|aussi|également|often|also|sometimes|usually)\s+)?(?:dite?s?|appelée?s?|nommée?s?|abrégée?s?(?:\s+en)?|abbreviated(?:\s+(?:as|to))?|ou\s+encore|(?:(?:plus|mieux|aussi)\s+)?connue?s?\s+(?:sous\s+(?:le\s+)?(?:nom|sigle|acronyme)(?:\s+de)?|comme)|ou)\s+[«"“]?\s*${acronymSource}\s*[»"”]?(?=\s*[,;.:)]|\s*$)`, 'gu');
  for (const m of text.matchAll(after)) {
    const term = m[1]!;
    const termStart = m.index + m[0].lastIndexOf(term);
    // `ABC, JKL ou XYZ`, `l'entrée A2 ou B3`: the last of a list of alternatives named alike, not a definition.
    if (/^,?\s+ou\s/u.test(m[0]) && /(?:^|[^\p{L}\p{N}])(?:\p{Lu}[\p{Lu}\p{N}]+|\p{N}+)\s*$/u.test(text.slice(0, m.index))) continue;
    const candidate = longFirst(text, m.index, term, termStart, false, isFrenchWord, true);
    // A bare `ou` joins alternatives as often as names (`avec Xen ou ABC`): only a long form that
    // spells every letter defines there.
    if (candidate && /^,?\s+ou\s/u.test(m[0]) && candidate.coverage < 1) continue;
    if (candidate) found.push(candidate);
  }
  return found;
}

/**
 * A definition whose two forms the text delimits: the long form is the whole phrase between
 * `longStart` and `longEnd` (quotes and a lead-in such as `de l'anglais` left out).
 * @param strictOrder every letter must be explained (definitions in words, far from their acronym: no translation there)
 * @param trimTail the long form is not closed by the text: it ends at its last word that gives a letter
 */
function explicit(text: string, termStart: number, termEnd: number, longStart: number, longEnd: number, strictOrder = false, trimTail = false): DefinitionCandidate | undefined {
  let from = longStart;
  let to = longEnd;
  const lead = /^\s*(?:[«"“]\s*)?(?:(?:de\s+l['’]|en\s+)anglais\s*:?\s*)?/u.exec(text.slice(from, to))!;
  from += lead[0].length;
  while (to > from && /[\s»"”.,;:]/u.test(text[to - 1]!)) to--;
  while (from < to && /[\s«"“]/u.test(text[from]!)) from++;
  const term = text.slice(termStart, termEnd);
  const units = unitsOf(term);
  if (!units.some((u) => u.kind === 'letter')) return undefined;
  const words = tokenize(text, from, to).filter((w) => w.kind !== 'stop' && w.kind !== 'quote');
  if (words.filter(isContent).length < 2) return undefined;
  const best = align(units, words, false, false);
  if (!best) return undefined;
  if (strictOrder && best.coverage < 1) return undefined;
  // A long form that nothing closes (no quote, no punctuation) ends at its last word that gives a letter.
  if (trimTail && best.chunks.length) to = words[Math.max(...best.chunks.map((c) => c.word))]!.end;
  return {
    term,
    expansion: text.slice(from, to).replace(/\s+/g, ' '),
    confidence: round(best.confidence),
    coverage: round(best.coverage),
    direction: from < termStart ? 'long-first' : 'short-first',
    termStart,
    termEnd,
    expansionStart: from,
    expansionEnd: to,
  };
}

const englishLinks = new Set(['of', 'the', 'and', 'for', 'to', 'with', 'on', 'in', 'by', 'from', 'as', 'such', 'is', 'are', 'when', 'you', 'your', 'which', 'that', 'this', 'these', 'those', 'its', 'their', 'it']);
const frenchLinks = new Set(['de', "d'", 'du', 'des', 'la', 'le', 'les', "l'", 'et', 'pour', 'en', 'sur', 'au', 'aux', 'à', 'par', 'un', 'une', 'dans', 'avec']);

/**
 * What no definition can be, whatever its score: an expansion that holds the short form itself
 * (`HOWTO (HOWTO du réseau)`, `DNS (mDNS)`), a remark (`(i.e. …)`, `(voir …)`, `(consultez …)`),
 * and an English phrase that explains the letters only in part (names are translated from
 * English into French, not the other way: partial letters in English are chance).
 */
function plausible(c: DefinitionCandidate): boolean {
  if (c.expansion.includes(c.term)) return false;
  // The short form itself, in any case (`PDF (extension .pdf)`), is a self-reference too.
  // (`POSIX.1-1988 (… une norme POSIX)`: the name of a numbered edition holds its stem.)
  const stems = c.term.split(/\s+/u).flatMap((w) => [w, /^(\p{L}{3,})[.-]?\d/u.exec(w)?.[1] ?? '']);
  // (`EPOLLET (… l'interface d'epoll …)`: an identifier built on a word of its own description.)
  const folded = fold(c.term);
  if (c.expansion.split(/[^\p{L}]+/u).some((w) => w.length >= 4 && folded.length > w.length && folded.startsWith(fold(w)))) return false;
  for (const w of stems) if (w.length >= 3 && new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(c.expansion)) return false;
  if (/^(?:i\.\s?e\.|e\.\s?g\.|c\.?-?à-?d\.?|c['’]est-à-dire|cf\.|voir|voyez|consultez|see|p\.\s?ex\.|par exemple|ex\.|comme|notamment|sauf|y compris|tel(?:le)?s?|ici|here|as\s+(?:described|explained|shown|seen)|(?:(?:parfois|aussi|également|souvent|encore)\s+)?(?:appelée?s?|dite?s?|nommée?s?|connue?s?)|(?:comme\s+)?décrite?s?)(?![\p{L}])/iu.test(c.expansion)) return false;
  // A cross-reference (`section 4.2`, `chapitre 3`) points elsewhere; it names nothing.
  if (/(?<![\p{L}])(?:sections?|chapitres?|chapters?|annexes?|appendix|§)\s*\d/iu.test(c.expansion)) return false;
  const words = c.expansion.toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
  // A file name (`plan.asf`, `.asf`) is no long form.
  if (/[\p{L}\p{N}]\.\p{Ll}{2,4}(?![\p{L}])|(?:^|\s)\.\p{Ll}{2,4}(?![\p{L}])/u.test(c.expansion)) return false;
  // A name never ends on a preposition or an article (`l'archive principale de (ACR)`: a line cut short).
  if (words.length && isFunctionWord(words[words.length - 1]!) && /[\p{L}'’]$/u.test(c.expansion)) return false;
  // A clause (`les couleurs ne changeront pas`, `le module est prêt`) remarks; a name has no verb.
  if (c.direction === 'short-first' && words.some((w) => w === 'ne' || /^n['’]/u.test(w) || (w !== 'a' && isAuxiliaryForm(w)))) return false;
  // Nor has it a subject (`il faut passer sur la console virtuelle (VT2)`): that is a sentence.
  // (Elided too: `qu'il s'agit de …`.)
  if (c.expansion.split(/[\s,;:()«»"“”]+/u).some((w) => isSubjectPronoun(w.toLowerCase()) || isSubjectPronoun(w.toLowerCase().replace(/^\p{L}+['’]/u, '')) || /^(?:j|c)['’]\p{L}/iu.test(w))) return false;
  // A name is in one language: French links before an English clause (`description de l'action kill
  // all … on the …`) are two phrases of a table or a sentence run together.
  if (words.some((w) => ['of', 'the', 'and', 'with', 'from'].includes(w)) && words.some((w) => ['de', "d'", 'du', 'des', "l'", 'et', 'pour', 'aux', 'dans', 'avec'].includes(w.replace('’', "'")))) return false;
  const english = words.some((w) => englishLinks.has(w)) && !words.some((w) => frenchLinks.has(w.replace('’', "'")));
  if (english && c.coverage < 0.75) return false;
  return true;
}

function longFirst(text: string, open: number, shortForm: string, termStart: number, strict: boolean, isFrenchWord?: (word: string) => boolean, named = false): DefinitionCandidate | undefined {
  const numeronym = numeronymOf(text, open, shortForm, termStart);
  if (numeronym) return numeronym;
  const units = unitsOf(shortForm);
  if (!units.some((u) => u.kind === 'letter')) return undefined;
  // A heading line above (`DESCRIPTION`, a manual's section in capitals) is no part of a name.
  const heading = /(?:^|\n)[^\S\n]*\p{Lu}[\p{Lu}\s'’-]{3,}[^\S\n]*\n(?![\s\S]*\n)/u.exec(text.slice(0, open));
  let words = longFormWindow(tokenize(text, heading ? heading.index + heading[0].length : 0, open), windowSize(units));
  const before = text.slice(Math.max(0, open - 200), open).toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean).slice(-16);
  const englishContext = before.filter(isEnglishFunctionWord).length > before.filter(isFrenchFunctionWord).length;
  if (isFrenchWord) {
    for (const w of words) {
      if (w.kind !== 'content') continue;
      w.french = isFrenchWord(w.text.toLocaleLowerCase('fr'));
      w.foreign = !w.french && (englishContext || /^\p{Lu}/u.test(w.text));
    }
  }
  if (!words.some(isContent)) return undefined;
  let best = align(units, words, true, strict);
  // Two noun phrases coordinated (`le pacte … et les règles … (ACR)`, `…, et la règle … (ACR)`):
  // the parenthesis names the nearer one. The farther takes part only when the nearer explains
  // half the letters at least, in order (`la qualité et la sûreté des soins (QSS)`, one name).
  const cut = best ? coordinationBefore(words, best.from) : -1;
  if (best && cut >= 0) {
    const letters = units.filter((u) => u.kind === 'letter').length;
    const near = best.chunks.filter((c) => c.word > cut).reduce((n, c) => n + c.length, 0);
    // Letters found backwards across the conjunction (`mode … ou la gestion des volumes logiques
    // (LVM)`) are chance: a name over two phrases spells them in order.
    if (near * 2 < letters || !inOrder(best.chunks)) {
      words = words.slice(cut + 1);
      best = align(units, words, true, strict);
    }
  }
  // An introductory phrase and its comma (`En particulier, les serveurs de nouvelles (NNTP)`) are
  // the sentence's: the name starts after a comma that an article follows.
  // (Only a short phrase opened by a preposition: `…, l'innovation, les technologies et …` inside a
  // name is an enumeration of its parts.)
  const comma = best && words[0]?.kind === 'link' ? words.findIndex((w, k) => k <= 4 && w.kind === 'comma' && words[k + 1]?.kind === 'article') : -1;
  if (best && comma >= 0) {
    words = words.slice(comma + 1);
    best = align(units, words, true, strict);
  }
  if (!best || best.confidence < 0 || best.from >= words.length) return undefined;
  // A prenominal adjective (`une autre autorité de certification (CA)`) gives no letter: the noun
  // after it, with the same initial, does.
  const afterAdjective = words[best.from + 1];
  if (prenominal.has(low(words[best.from]!)) && afterAdjective && isContent(afterAdjective) && fold(afterAdjective.text)[0] === fold(words[best.from]!.text)[0]) best = { ...best, from: best.from + 1 };
  // The tail of an enumeration (`principalement chinois, japonais et coréens (CJK)`): the letters
  // of its last items are chance; the name, if any, is the whole list.
  const listed = best.from >= 2 && words[best.from - 1]!.kind === 'comma' && isContent(words[best.from - 2]!);
  if (listed && best.coverage < 1 && words.slice(best.from).some((w) => w.kind === 'link' && ['et', 'ou'].includes(low(w)))) return undefined;
  // Two words coordinated (`temps standard ou universel (UT)`) give letters out of order by chance.
  const firstGiver = Math.min(...best.chunks.map((c) => c.word));
  const lastGiven = Math.max(...best.chunks.map((c) => c.word));
  if (!inOrder(best.chunks) && words.slice(firstGiver, lastGiven).some((w) => w.kind === 'link' && low(w) === 'ou')) return undefined;
  const first = words[best.from]!;
  // Not the quote or the comma that closes the name before its parenthesis.
  let lastIndex = words.length - 1;
  const opened = (k: number): boolean => words.slice(best.from, k).some((w) => w.kind === 'quote' && /[«“]/u.test(w.text));
  while (lastIndex > best.from && (words[lastIndex]!.kind === 'comma' || (words[lastIndex]!.kind === 'quote' && !opened(lastIndex)))) lastIndex--;
  // A name written in capitals ends at its last capital: words in small letters after it
  // (`Heavy Duty Roller kits (HDR)`) are the thing it qualifies, in English word order.
  const lastGiver = Math.max(...best.chunks.map((c) => c.word));
  if (lastGiver >= best.from && lastGiver < lastIndex && titleCase(words.slice(best.from, lastGiver + 1)) && words.slice(lastGiver + 1, lastIndex + 1).every(isLowerWord)) lastIndex = lastGiver;
  // After `, dite ACR` the name is the phrase just before: letters found only well before it, two
  // words or more that give none after them (`la carte de l'atelier porte une horloge interne,
  // dite « CAOS »`), are chance. (In a parenthesis an English name may leave the last words
  // unexplained: `la mission … en Zarbanie (ZFSM)`.)
  if (named && best.coverage < 1 && words.slice(lastGiver + 1, lastIndex + 1).filter(isContent).length >= 2) return undefined;
  // A bare `de` and a noun after the last word that gives a letter, every letter given, classify
  // the thing (`la machine virtuelle de test (VM)`): the name ends before them. (With an article
  // the complement names an entity, part of an official name: `… des gouvernements des États
  // membres`; with a letter left, it may render it: `service de traçage des colis (PTS)`.)
  const complement = words.slice(lastGiver + 1, lastIndex + 1);
  if (lastGiver >= best.from && best.coverage === 1 && ['de', "d'"].includes(complement[0] ? low(complement[0]) : '') && complement[1]?.kind === 'content') lastIndex = lastGiver;
  const last = words[lastIndex]!;
  // An English possessive ends the name before it (`the Project Leader's (PL)`).
  const end = /\p{L}{2}['’]s$/u.test(text.slice(first.start, last.end)) ? last.end - 2 : last.end;
  return {
    term: shortForm.trim(),
    expansion: text.slice(first.start, end).replace(/\s+/g, ' '),
    confidence: round(best.confidence),
    coverage: round(best.coverage),
    direction: 'long-first',
    termStart,
    termEnd: termStart + shortForm.trim().length,
    expansionStart: first.start,
    expansionEnd: end,
  };
}

/**
 * A numeronym: the first and last letters of one long word with the count of the letters between
 * them (`V12N` for `virtualisation`, `N10N` for `numérisation`), defined by the word right before
 * its parenthesis. The count must be exact: a word of another length is another word.
 */
function numeronymOf(text: string, open: number, shortForm: string, termStart: number): DefinitionCandidate | undefined {
  const shape = /^(\p{L})(\d{1,2})(\p{L})$/u.exec(shortForm.trim());
  if (!shape) return undefined;
  const before = tokenize(text, 0, open).filter((w) => w.kind !== 'quote');
  const word = before[before.length - 1];
  if (!word || word.kind !== 'content' || /[-‑_]/u.test(word.text)) return undefined;
  const letters = fold(word.text);
  if (!/^\p{L}+$/u.test(letters) || letters.length - 2 !== Number(shape[2])) return undefined;
  if (letters[0] !== fold(shape[1]!) || letters[letters.length - 1] !== fold(shape[3]!)) return undefined;
  return {
    term: shortForm.trim(),
    expansion: word.text,
    confidence: 1,
    coverage: 1,
    direction: 'long-first',
    termStart,
    termEnd: termStart + shortForm.trim().length,
    expansionStart: word.start,
    expansionEnd: word.end,
  };
}

/**
 * The last conjunction, after `from`, that joins two noun phrases of the sentence: `et`/`ou` after
 * a comma (`…, et la règle`), or before an article when the first phrase is no complement of a
 * preposition (`le pacte … et les règles`, not `pour la pêche et la chasse`); -1 if none.
 */
function coordinationBefore(words: Word[], from: number): number {
  for (let i = words.length - 2; i > from; i--) {
    const w = words[i]!;
    if (w.kind !== 'link' || !['et', 'ou'].includes(low(w))) continue;
    if (words[i - 1]!.kind === 'comma') return i;
    if (words[i + 1]!.kind !== 'article') continue;
    let k = i - 1;
    while (k >= 0 && (isContent(words[k]!) || words[k]!.kind === 'article' || words[k]!.kind === 'comma' || words[k]!.kind === 'quote')) k--;
    // The first phrase opens the sentence, or follows a conjunction or a relative (`comme le mode
    // … ou la gestion … (ACR)`, `que …`): it is no preposition's complement.
    if (k < 0 || words[k]!.kind === 'stop' || phraseOpeners.has(low(words[k]!))) return i;
  }
  return -1;
}

const phraseOpeners = new Set(['comme', 'que', "qu'", 'qui', 'dont', 'notamment']);

function shortFirst(text: string, open: number, close: number): DefinitionCandidate | undefined {
  const before = tokenize(text, 0, open);
  const run: Word[] = [];
  // French puts the adjective after the short form (`un RAID logiciel (Redundant Array …)`): one
  // small word may stand between them, when the long form then spells the letters whole and in order.
  const adjective = before.length >= 2 && isLowerWord(before[before.length - 1]!) && before[before.length - 2]!.kind === 'acronym';
  for (let i = before.length - 1 - (adjective ? 1 : 0); i >= 0; i--) {
    const w = before[i]!;
    if (w.kind === 'acronym' || (w.kind === 'number' && run.length === 0 && i > 0 && before[i - 1]!.kind === 'acronym')) run.unshift(w);
    else break;
  }
  if (!run.some((w) => w.kind === 'acronym')) return undefined;
  // `ACR (pour Long name)`, `ACR (de l'anglais Long name)`: the lead-in is not part of the name.
  // (`which stands for`, `qui signifie`: the same lead-in in a sentence, English passages included.)
  // (`originally an acronym for`, `anciennement`, `abréviation de`: a remark on the name, not the name.)
  const leadIn = /^\s*(?:(?:(?:originally|formerly|initially|autrefois|anciennement|initialement|à\s+l['’]origine)\s*,?\s+)?(?:(?:an?\s+)?(?:acronym|abbreviation)\s+(?:for|of)|(?:known|called)\s+as|(?:l['’]|un\s+|une\s+)?(?:acronyme|abréviation|sigle)\s+(?:de|d['’]|du|des|pour)|(?:connue?s?|appelée?s?|nommée?s?)\s+(?:comme|sous\s+le\s+nom\s+(?:de|d['’]))?)|(?:originally|formerly|initially|autrefois|anciennement|initialement)|pour|(?:which\s+|that\s+)?stands\s+for|short\s+for|(?:qui\s+)?signifi(?:e|ant)|(?:de\s+l['’]|en\s+)(?:anglais|allemand|espagnol|italien|latin|néerlandais)\s*:?|N\.?\s?d\.?\s?[TRAÉE]\.?\s*:)\s+/iu.exec(text.slice(open + 1, close));
  if (leadIn) open += leadIn[0].length;
  // `ACR (Long name : « its translation »)`, `ACR (Long name = …)`: the name is the first part.
  const sep = /\s+[:=;–—]\s+|\s+-\s+|\s*\(/u.exec(text.slice(open + 1, close));
  if (sep && sep.index > 0 && (text.slice(open + 1, open + 1 + sep.index).match(/\p{L}{2,}/gu) ?? []).length >= 2) close = open + 1 + sep.index;
  // `ACR (Long name, Namur)`, `ACR (Long Name, ou sa traduction)`: a name that spells the letters
  // on its own ends at the comma; what follows places, dates or translates it.
  const comma = /^([^,]+),\s*\S.*$/su.exec(text.slice(open + 1, close));
  if (comma && run.length) {
    const head = tokenize(text, open + 1, open + 1 + comma[1]!.length).filter((w) => w.kind !== 'stop' && w.kind !== 'quote');
    // (Strict: an alignment read backwards, `FSF` from `Foundation … Free`, scores as well as the right one.)
    const whole = align(unitsOf(text.slice(run[0]!.start, run[run.length - 1]!.end)), head, false, true);
    if (head.filter(isContent).length >= 2 && whole && whole.coverage === 1 && inOrder(whole.chunks)) close = open + 1 + comma[1]!.length;
    // A tail that is a clause remarks on the name (`(Long Name, le chiffre se lisant comme …)`,
    // `(Long Name, qui est …)`): the name ends at the comma even when it leaves a letter unexplained.
    else {
      const tail = text.slice(open + 1 + comma[1]!.length + 1, close).trim();
      const clause = /^(?:(?:le|la|les|l['’]|ce|cette|ces|un|une)\s*\S+\s+(?:se\s+|s['’])?\p{L}{2,}(?:ant|ée?s?)(?!\p{L})|(?:qui|que|qu['’]|dont|où)(?!\p{L}))/iu.test(tail) || tail.split(/\s+/u).some((w) => isAuxiliaryForm(w.toLowerCase()));
      const partial = align(unitsOf(text.slice(run[0]!.start, run[run.length - 1]!.end)), head, false, false);
      if (clause && head.filter(isContent).length >= 2 && partial && partial.coverage >= 0.5) close = open + 1 + comma[1]!.length;
    }
  }
  // Nor is the English article before it (`ACR (the Long Name)`).
  const the = /^\s*the\s+(?=\p{Lu})/u.exec(text.slice(open + 1, close));
  if (the) open += the[0].length;
  // Quotes around the name are not part of it.
  const q = /^(\s*[«"“]\s*)([^«»"“”]+?)(\s*[»"”]\s*)$/u.exec(text.slice(open + 1, close));
  if (q) {
    open += q[1]!.length;
    close -= q[3]!.length;
  }
  const words = tokenize(text, open + 1, close).filter((w) => w.kind !== 'stop');
  const content = words.filter(isContent);
  // A parenthesis that qualifies (`l'ASF (Europe)`) or names a place (`Lyon (Rhône)`).
  // (One compound whose parts give the letters in order defines too: `NL (Non-Linéaire)`.)
  const compound = content.length === 1 && content[0]!.kind === 'content' && content[0]!.parts.length >= 2;
  if (content.length < 2 && !compound) return undefined;
  const inner = text.slice(open + 1, close);
  const items = inner.split(/\s*,\s*|\s+(?:et|ou)\s+/).filter(Boolean);
  const isList = /,/.test(inner) && items.length >= 3;
  const alignRun = (r: Word[]): Scored | undefined => {
    const units = unitsOf(text.slice(r[0]!.start, r[r.length - 1]!.end));
    if (!isList) return align(units, words, false, false);
    // A list defines only when its items give the letters, in order (`TSV (terrestres, spatiaux, volants)`).
    const initials = items.map((item) => fold(item.trim()).charAt(0));
    const letters = units.filter((u) => u.kind === 'letter').map((u) => u.value);
    return initials.join('') === letters.join('') ? { confidence: 1, coverage: 1, chunks: [], from: 0 } : undefined;
  };
  // The short form is the run of acronyms before the parenthesis, less the words at its ends that
  // the long form does not explain at all (`EUNAVFIC SUD ORION (forces navales fictives de l'UE
  // au Sud)` defines `EUNAVFIC SUD`; `ORION` is the operation's name).
  let r = run;
  let scored = alignRun(r);
  if (scored && !isList && r.length > 1) {
    const unitCounts = r.map((w) => unitsOf(w.text).length);
    // A word explains itself when the long form gives at least half of its letters.
    const explains = (k: number): boolean => {
      const first = unitCounts.slice(0, k).reduce((n, c) => n + c, 0);
      let n = 0;
      for (const c of scored!.chunks) for (let u = c.unit; u < c.unit + c.length; u++) if (u >= first && u < first + unitCounts[k]!) n++;
      return n * 2 >= unitCounts[k]!;
    };
    let lo = 0;
    let hi = r.length;
    while (lo < hi - 1 && !explains(lo)) lo++;
    while (hi - 1 > lo && !explains(hi - 1)) hi--;
    // A number the long form leaves out numbers the thing the parenthesis describes (`PT 154
    // (page de code …)`, `RFC 1234 (…)`): a description of one item, no definition of the letters.
    if (hi < r.length && r[r.length - 1]!.kind === 'number') return undefined;
    if (lo > 0 || hi < r.length) {
      r = r.slice(lo, hi);
      scored = alignRun(r);
    }
  }
  const best = scored && { ...scored, run: r };
  if (!best) return undefined;
  if ((compound || adjective) && (best.coverage < 1 || !inOrder(best.chunks))) return undefined;
  // A gloss that leaves the first letter unexplained (`ASFMOT (contrôleur de mouvement)`)
  // describes the thing; it does not spell its name.
  if (!isList && best.chunks.length && !best.chunks.some((c) => c.unit === 0)) return undefined;
  // One letter with a number (`B2 (toute borne numérique)`): only a name that starts with it
  // defines it (`G9 (Groupe des neuf)`); one letter found further is chance.
  const letters = unitsOf(text.slice(r[0]!.start, r[r.length - 1]!.end)).filter((u) => u.kind === 'letter');
  const head = content[0];
  if (letters.length === 1 && (!head || fold(head.text).charAt(0) !== letters[0]!.value)) return undefined;
  const expansionStart = open + 1 + (inner.length - inner.trimStart().length);
  const expansionEnd = close - (inner.length - inner.trimEnd().length);
  return {
    term: text.slice(best.run[0]!.start, best.run[best.run.length - 1]!.end),
    expansion: text.slice(expansionStart, expansionEnd).replace(/\s+/g, ' '),
    confidence: round(best.confidence),
    coverage: round(best.coverage),
    direction: 'short-first',
    termStart: best.run[0]!.start,
    termEnd: best.run[best.run.length - 1]!.end,
    expansionStart,
    expansionEnd,
  };
}

/**
 * A long form given in two wordings, `(« Interface … unifiée » ou « Unified … Interface »)` or
 * `(« Long Name », sa traduction)`: the one whose words account best for the letters is the
 * expansion (the first one on a tie); the other is a translation.
 */
function oneWording(text: string, c: DefinitionCandidate): DefinitionCandidate {
  const inner = text.slice(c.expansionStart, c.expansionEnd);
  const two = /^[«"“]\s*([^«»"“”]+?)\s*[»"”]\s*(?:,|\s+ou|\s+or)\s+[«"“]?\s*([^«»"“”]+?)\s*[»"”]?$/u.exec(inner);
  if (!two) return c;
  const first = c.expansionStart + inner.indexOf(two[1]!);
  const second = c.expansionStart + inner.lastIndexOf(two[2]!);
  const options = [explicit(text, c.termStart, c.termEnd, first, first + two[1]!.length), explicit(text, c.termStart, c.termEnd, second, second + two[2]!.length)].filter(
    (o): o is DefinitionCandidate => !!o && isAccepted(o),
  );
  const best = options.reduce<DefinitionCandidate | undefined>((b, o) => (!b || o.coverage > b.coverage || (o.coverage === b.coverage && o.confidence > b.confidence) ? o : b), undefined);
  return best ? { ...best, direction: 'short-first' } : c;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
