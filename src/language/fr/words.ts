/**
 * The closed classes of French — articles and other determiners, prepositions, conjunctions,
 * pronouns — with their gender, number and person: the few hundred words every pass that reads
 * French needs to know by name. Written by hand (it is grammar, the same in every text), once:
 * repairs, extraction and typography all ask here.
 *
 * Open classes (nouns, verbs, adjectives) come from the lexicon (`lexicon.ts`); these entries
 * override the lexicon's for the same forms, whose rare readings (`la` the note, `or` the metal)
 * would otherwise blur every decision.
 */
import * as T from './tags.ts';

const M = T.DET_MASC;
const F = T.DET_FEM;
const S = T.DET_SING;
const P = T.DET_PLUR;
const det = (features: number): number => T.DET | features;

/** Tags of each closed-class form (lowercase, typographic apostrophe). */
const closedClasses: Record<string, number> = {
  // Articles and contracted articles.
  le: det(M | S) | T.CLITIC, la: det(F | S) | T.CLITIC, les: det(M | F | P) | T.CLITIC, 'l’': det(M | F | S) | T.CLITIC,
  un: det(M | S) | T.PRONOUN, une: det(F | S) | T.PRONOUN, des: det(M | F | P) | T.PREP, du: det(M | S) | T.PREP,
  au: det(M | S) | T.PREP, aux: det(M | F | P) | T.PREP,
  // Demonstratives, possessives, other determiners.
  ce: det(M | S) | T.SUBJECT | T.PRONOUN, cet: det(M | S), cette: det(F | S), ces: det(M | F | P),
  mon: det(M | S), ton: det(M | S), son: det(M | S), ma: det(F | S), ta: det(F | S), sa: det(F | S),
  mes: det(M | F | P), tes: det(M | F | P), ses: det(M | F | P), notre: det(M | F | S), votre: det(M | F | S),
  nos: det(M | F | P), vos: det(M | F | P), leur: det(M | F | S) | T.CLITIC, leurs: det(M | F | P),
  quel: det(M | S), quelle: det(F | S), quels: det(M | P), quelles: det(F | P),
  chaque: det(M | F | S), plusieurs: det(M | F | P) | T.PRONOUN, quelques: det(M | F | P), maints: det(M | P),
  aucun: det(M | S) | T.PRONOUN, aucune: det(F | S) | T.PRONOUN, nul: det(M | S), nulle: det(F | S),
  certains: det(M | P) | T.PRONOUN, certaines: det(F | P) | T.PRONOUN, divers: det(M | P) | T.ADJ, diverses: det(F | P) | T.ADJ,
  différents: det(M | P) | T.ADJ, différentes: det(F | P) | T.ADJ, tout: det(M | S) | T.ADV | T.PRONOUN, toute: det(F | S),
  tous: det(M | P) | T.PRONOUN, toutes: det(F | P) | T.PRONOUN, 'd’': det(M | F | P) | T.PREP,
  // Prepositions.
  à: T.PREP, de: T.PREP | det(M | F | P), en: T.PREP | T.CLITIC, dans: T.PREP, par: T.PREP, pour: T.PREP, sur: T.PREP,
  sous: T.PREP, avec: T.PREP, sans: T.PREP, entre: T.PREP, vers: T.PREP, chez: T.PREP, contre: T.PREP, parmi: T.PREP,
  selon: T.PREP, depuis: T.PREP, pendant: T.PREP, avant: T.PREP | T.ADV, après: T.PREP | T.ADV, dès: T.PREP, malgré: T.PREP,
  envers: T.PREP, hors: T.PREP, outre: T.PREP, via: T.PREP, durant: T.PREP, jusque: T.PREP, 'jusqu’': T.PREP, lors: T.ADV,
  auprès: T.ADV, afin: T.ADV, grâce: T.NOUN, quant: T.ADV, sauf: T.PREP, excepté: T.PREP, concernant: T.PREP,
  // Conjunctions.
  et: T.COORD, ou: T.COORD, mais: T.COORD, ni: T.COORD, car: T.COORD, or: T.COORD, donc: T.COORD | T.ADV,
  que: T.SUBORD | T.PRONOUN, 'qu’': T.SUBORD | T.PRONOUN, quand: T.SUBORD, lorsque: T.SUBORD, 'lorsqu’': T.SUBORD,
  puisque: T.SUBORD, 'puisqu’': T.SUBORD, quoique: T.SUBORD, 'quoiqu’': T.SUBORD, si: T.SUBORD | T.ADV, comme: T.SUBORD | T.ADV,
  // Pronouns.
  je: T.SUBJECT | T.P1S, 'j’': T.SUBJECT | T.P1S, tu: T.SUBJECT | T.P2S, il: T.SUBJECT | T.P3S, elle: T.SUBJECT | T.PRONOUN | T.P3S,
  on: T.SUBJECT | T.P3S, nous: T.SUBJECT | T.CLITIC | T.PRONOUN | T.P1P, vous: T.SUBJECT | T.CLITIC | T.PRONOUN | T.P2P,
  ils: T.SUBJECT | T.P3P, elles: T.SUBJECT | T.PRONOUN | T.P3P, 'c’': T.SUBJECT, ça: T.PRONOUN | T.SUBJECT, cela: T.PRONOUN | T.SUBJECT,
  ceci: T.PRONOUN | T.SUBJECT, se: T.CLITIC, 's’': T.CLITIC, me: T.CLITIC, 'm’': T.CLITIC, te: T.CLITIC, 't’': T.CLITIC,
  lui: T.CLITIC | T.PRONOUN, eux: T.PRONOUN, y: T.CLITIC, ne: T.CLITIC, 'n’': T.CLITIC,
  qui: T.PRONOUN, dont: T.PRONOUN, où: T.PRONOUN, lequel: T.PRONOUN, laquelle: T.PRONOUN, lesquels: T.PRONOUN,
  lesquelles: T.PRONOUN, auquel: T.PRONOUN, auxquels: T.PRONOUN, auxquelles: T.PRONOUN, duquel: T.PRONOUN, desquels: T.PRONOUN,
  desquelles: T.PRONOUN, celui: T.PRONOUN, celle: T.PRONOUN, ceux: T.PRONOUN, celles: T.PRONOUN, chacun: T.PRONOUN, chacune: T.PRONOUN,
};

/** The closed-class tags of a normalized form, or 0 for an open-class word. */
export function closedClassTags(norm: string): number {
  return Object.hasOwn(closedClasses, norm) ? closedClasses[norm]! : 0;
}

/** Every closed-class form with its tags (for the lexicon, which lets them override its own). */
export function closedClassEntries(): [string, number][] {
  return Object.entries(closedClasses).filter(([, tags]) => tags !== 0);
}

/** Articles and other determiners: a noun or an adjective must follow them. */
export function isDeterminer(norm: string): boolean {
  return (closedClassTags(norm) & T.DET) !== 0 && norm !== 'de' && norm !== 'd’';
}

/** The articles contracted with a preposition: `du` (de le), `des` (de les), `au` (à le), `aux` (à les). */
export function isContractedArticle(norm: string): boolean {
  const tags = closedClassTags(norm);
  return (tags & T.DET) !== 0 && (tags & T.PREP) !== 0 && norm !== 'de' && norm !== 'd’';
}

/** Prepositions (with the contracted articles `au`, `du`…). */
export function isPreposition(norm: string): boolean {
  return (closedClassTags(norm) & T.PREP) !== 0;
}

/**
 * Words after which a French sentence cannot stop: articles, prepositions, conjunctions, and a
 * few adverbs that always lead to what they modify (`très`, `notamment`). Also the commonest
 * English function words, which end no sentence either and turn up in French documents.
 */
const cannotEndSentence = new Set([
  ...Object.entries(closedClasses).filter(([, t]) => (t & (T.DET | T.PREP | T.COORD | T.SUBORD)) !== 0 && (t & T.PRONOUN) === 0).map(([w]) => w),
  'que', 'qui', 'dont', 'lors', 'afin', 'quant', 'auprès', 'jusqu', 'tel', 'telle', 'tels', 'telles', 'plus', 'très', 'ainsi', 'notamment', 'également',
  'the', 'of', 'and', 'to', 'in', 'for', 'with', 'a', 'an',
]);

/** True for an article, preposition or conjunction after which a sentence cannot stop. */
export function isFunctionWord(word: string | undefined): boolean {
  return word !== undefined && cannotEndSentence.has(word.toLowerCase().replace(/'/gu, '’'));
}

/**
 * Words that French only uses before certain others (`afin de`, `lors de`, `grâce à`, `quant à`):
 * a reading that puts anything else after them is wrong.
 */
const requiredNext: Record<string, RegExp> = {
  afin: /^(?:de|d’|que|qu’)$/u,
  lors: /^(?:de|d’|du|des|que|qu’)$/u,
  grâce: /^(?:à|au|aux)$/u,
  quant: /^(?:à|au|aux)$/u,
  auprès: /^(?:de|d’|du|des)$/u,
  'jusqu’': /^\p{L}/u,
  parmi: /^(?:les|des|ces|leurs|nos|vos|eux|elles|lesquels|lesquelles|\p{L}+s)$/u,
};

/** True when `next` cannot follow `word` (`afin par`, `grâce de`); both normalized. */
export function breaksCollocation(word: string, next: string): boolean {
  const rule = requiredNext[word];
  return rule !== undefined && !rule.test(next);
}

/**
 * True for an article, preposition, conjunction or pronoun of French (`le`, `pour`, `et`, `il`):
 * the words that tell a French line from a line in another language.
 */
export function isFrenchFunctionWord(word: string): boolean {
  return closedClassTags(word.toLowerCase().replace(/'/gu, '’')) !== 0 || word === 'est' || word === 'sont';
}

/**
 * The commonest English function words: a line that has several of them and no French one is in
 * English (a caption, a quotation). Not French, but what French documents are told apart from.
 */
const englishFunctionWords = new Set(['the', 'of', 'and', 'with', 'to', 'in', 'on', 'at', 'for', 'is', 'are', 'was', 'from', 'by', 'during', 'after', 'his', 'her', 'their', 'this', 'that']);

/** True for one of the commonest English function words (lowercase). */
export function isEnglishFunctionWord(word: string): boolean {
  return englishFunctionWords.has(word);
}

/** The simple forms of `être` and `avoir` that build a compound tense or a passive (`est sortie`, `a été`, `fut publiée`). */
const auxiliaryForms = new Set(['a', 'ont', 'est', 'sont', 'été', 'était', 'étaient', 'sera', 'seront', 'avait', 'avaient', 'aura', 'auront', 'fut', 'furent', 'eut', 'eurent']);

/** True for a form of `être` or `avoir` used as an auxiliary (lowercase). */
export function isAuxiliaryForm(word: string): boolean {
  return auxiliaryForms.has(word);
}

/**
 * Names of a book's divisions that a typesetter prints before their number (`Chapitre 4`,
 * `ANNEXE B`), French and the English ones French manuals keep. Lowercase.
 */
const divisionNames = ['chapitre', 'chapter', 'annexe', 'appendix', 'partie', 'part', 'livre', 'titre'];

/** The division names as a regular expression's alternation (`chapitre|chapter|…`), to match in any case. */
export const divisionNamePattern = divisionNames.join('|');

/** True for the name of a book's division printed before its number (any case: `CHAPITRE`). */
export function isDivisionName(word: string): boolean {
  return divisionNames.includes(word.toLowerCase());
}

/**
 * True for a subject pronoun (`il`, `elle`, `je`, `j’`, `ça`…; lowercase): a group of words that
 * holds one is a clause, never a name. Not `on`, `nous`, `vous`: English words, or the second half
 * of a compound (`rendez-vous`).
 */
export function isSubjectPronoun(word: string): boolean {
  const norm = word.replace(/'/gu, '’');
  const tags = closedClassTags(norm);
  // `ce` is a subject too (`ce sont`), but mostly a determiner (`ce pays`).
  return (tags & T.SUBJECT) !== 0 && (tags & T.DET) === 0 && !['on', 'nous', 'vous'].includes(norm);
}
