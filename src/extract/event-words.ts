/**
 * The words that tell what happened, as the chronology compares them: two sentences tell one
 * event when they share its rare words (names, things) and its kind. The kind is the family of the
 * verb or noun of the event — a creation, a release, an adoption, a death, an election, a
 * meeting, an ending — so that `fondé` and `créé`, `publiée` and `sortie`, `ratifiées` and
 * `adoptées`, `décès` and `mort` meet.
 *
 * General French vocabulary, grouped by meaning; words are compared by their first six letters,
 * accents folded (`publiée`, `publication` → `public`).
 *
 * Not for: finding dates (`src/language/fr/dates.ts`), merging entries (`chronology.ts`).
 * To do: move the families into the French lexicon (`src/language/fr/`) when it has one for senses.
 */
import { frenchMonthName } from '../language/fr/dates.ts';
import { fold } from './acronyms.ts';

const families: Record<string, string[]> = {
  creation: ['créer', 'créé', 'créée', 'création', 'fonder', 'fondé', 'fondée', 'fondation', 'lancer', 'lancé', 'lancée', 'lancement', 'débuter', 'débuté', 'naissance', 'instituer', 'institué', 'établir', 'établi', 'inaugurer', 'inauguré', 'inauguration', 'ouvrir', 'ouverture', 'commencer', 'commencé'],
  release: ['publier', 'publié', 'publiée', 'publication', 'sortir', 'sorti', 'sortie', 'paraître', 'paru', 'parue', 'parution', 'livrer', 'livré', 'livrée', 'diffuser', 'diffusé', 'diffusion', 'annoncer', 'annoncé', 'annonce'],
  adoption: ['adopter', 'adopté', 'adoptée', 'adoption', 'approuver', 'approuvé', 'approbation', 'entériner', 'entériné', 'entérinée', 'signer', 'signé', 'signée', 'signature', 'ratifier', 'ratifié', 'ratification', 'valider', 'validé', 'validation', 'conclure', 'conclu', 'conclue', 'voter', 'voté', 'votée', 'vote', 'arrêter', 'arrêté', 'arrêtée'],
  death: ['décéder', 'décédé', 'décédée', 'décès', 'mourir', 'mort', 'morte', 'disparaître', 'disparu', 'disparue', 'tué', 'tuée'],
  election: ['élire', 'élu', 'élue', 'élection', 'nommer', 'nommé', 'nommée', 'nomination', 'désigner', 'désigné', 'désignée', 'désignation', 'succéder', 'succédé', 'succession', 'remplacer', 'remplacé'],
  meeting: ['réunion', 'réunir', 'réuni', 'rencontre', 'rencontrer', 'sommet', 'conférence', 'congrès', 'assemblée', 'session', 'tenir', 'tenu', 'tenue'],
  ending: ['fermer', 'fermé', 'fermeture', 'clore', 'clos', 'clôture', 'terminer', 'terminé', 'fin', 'dissoudre', 'dissous', 'dissolution', 'cesser', 'cessé', 'abandonner', 'abandonné', 'abandon'],
  freeze: ['geler', 'gelé', 'gelée', 'gel'],
  joint: ['commun', 'commune', 'communs', 'communes', 'conjoint', 'conjointe', 'conjoints', 'conjointes', 'conjointement'],
};

/** Six-letter stem → the family it belongs to. */
const familyOfStem = new Map<string, string>();
for (const [family, words] of Object.entries(families)) for (const w of words) familyOfStem.set(fold(w).slice(0, 6), `#${family}`);

/** Words that carry no event: dates, months, and the commonest words of French prose. */
const stopwords = new Set([
  'dans', 'pour', 'avec', 'entre', 'sont', 'leur', 'leurs', 'cette', 'elles', 'deux', 'plus', 'etait', 'etaient', 'avait', 'avaient', 'depuis', 'apres', 'avant', 'aussi', 'ainsi', 'comme', 'tout', 'tous', 'toutes', 'autres', 'selon', 'lors', 'dont', 'sous', 'vers', 'chez', 'mais', 'donc', 'encore', 'alors', 'premier', 'premiere', 'nouvelle', 'nouveau',
  'annee', 'annees', 'mois', 'jour', 'jours',
  ...Array.from({ length: 12 }, (_, i) => fold(frenchMonthName(i + 1)!)),
]);

/**
 * The words of a text that say what happened: stems of its words of four letters or more, with
 * the words of an event family replaced by the family.
 */
export function eventWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(/\p{L}{4,}/gu)) {
    const w = fold(m[0]);
    if (stopwords.has(w)) continue;
    const stem = w.slice(0, 6);
    words.add(familyOfStem.get(stem) ?? stem);
  }
  return [...words];
}
