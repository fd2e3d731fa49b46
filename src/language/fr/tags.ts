/**
 * Morphological tags of French word forms, packed in one 32-bit number per form: the parts of
 * speech a form can have, the gender and number of its nominal readings (noun, adjective, past
 * participle) and of its determiner reading apart, and the persons of its finite verb readings.
 * A form with several readings carries the union (`porte`: noun and verb).
 *
 * What the bits say, not where they come from: see `lexicon.ts` (Lefff and Hunspell) and
 * `words.ts` (the closed classes, written by hand).
 */

/** Parts of speech. */
export const NOUN = 1 << 0;
export const PROPER = 1 << 1;
export const ADJ = 1 << 2;
/** A finite verb form (any tense); see the person bits. */
export const VERB = 1 << 3;
export const INFINITIVE = 1 << 4;
export const PAST_PARTICIPLE = 1 << 5;
export const PRESENT_PARTICIPLE = 1 << 6;
export const DET = 1 << 7;
export const PREP = 1 << 8;
export const ADV = 1 << 9;
/** Subject pronoun (`il`, `elles`, `on`, `c’`). */
export const SUBJECT = 1 << 10;
/** Object, reflexive or adverbial clitic (`le`, `se`, `y`, `en`). */
export const CLITIC = 1 << 11;
/** Other pronouns: relative, interrogative, tonic, indefinite (`qui`, `dont`, `lui`, `chacun`). */
export const PRONOUN = 1 << 12;
export const COORD = 1 << 13;
/** Subordinating conjunction (`que`, `lorsque`, `si`). */
export const SUBORD = 1 << 14;
/** A form of `avoir` or `être`. */
export const AUX = 1 << 15;

/** Gender and number of the determiner reading. */
export const DET_MASC = 1 << 16;
export const DET_FEM = 1 << 17;
export const DET_SING = 1 << 18;
export const DET_PLUR = 1 << 19;

/** Persons of the finite verb readings. */
export const P1S = 1 << 20;
export const P2S = 1 << 21;
export const P3S = 1 << 22;
export const P1P = 1 << 23;
export const P2P = 1 << 24;
export const P3P = 1 << 25;

/** Known to the spelling dictionary (Hunspell), to the morphological lexicon (Lefff). */
export const IN_SPELLING = 1 << 26;
export const IN_MORPHOLOGY = 1 << 27;

/** Gender and number of the nominal readings (noun, adjective, participle). */
export const MASC = 1 << 28;
export const FEM = 1 << 29;
export const SING = 1 << 30;
export const PLUR = 1 << 31;

/** Readings that take gender and number. */
export const NOMINAL = NOUN | ADJ | PAST_PARTICIPLE;
export const PERSONS = P1S | P2S | P3S | P1P | P2P | P3P;
export const CONTENT = NOUN | PROPER | ADJ | VERB | INFINITIVE | PAST_PARTICIPLE | PRESENT_PARTICIPLE | ADV;
export const FUNCTION = DET | PREP | SUBJECT | CLITIC | PRONOUN | COORD | SUBORD;

/** True for a word whose only reading is an adverb (`probablement`, not `bien`, also a noun). */
export function isOnlyAdverb(tags: number): boolean {
  return (tags & CONTENT) === ADV;
}

/** True when some bit of `mask` is set. */
export function hasAny(tags: number, mask: number): boolean {
  return (tags & mask) !== 0;
}

/** Gender/number bits of the determiner reading, moved to the nominal positions for comparison. */
export function determinerFeatures(tags: number): number {
  return (((tags >>> 16) & 0xf) << 28) >>> 0;
}

/**
 * True when a determiner and a noun or adjective next to it cannot agree: no gender or no number
 * in common (`la` + `règles`, `les` + `partenariat`). Unknown features agree with anything.
 * @param det tags of the determiner
 * @param word tags of the word after it
 */
export function disagrees(det: number, word: number): boolean {
  const d = determinerFeatures(det);
  const w = (word & (MASC | FEM | SING | PLUR)) >>> 0;
  return clash(d, w, MASC | FEM) || clash(d, w, SING | PLUR);
}

/** True when two feature sets both say something about an axis and share nothing on it. */
export function clash(a: number, b: number, axis: number): boolean {
  const x = (a & axis) >>> 0;
  const y = (b & axis) >>> 0;
  return x !== 0 && y !== 0 && (x & y) === 0;
}
