/**
 * The French catalogue of the messages printed in Folio's products (see `catalogue.ts`). French
 * typography (espaces insécables) is applied by the typography pass, not written here.
 */
import type { Messages } from './catalogue.ts';
import { plural } from './plural.ts';

const repairs = { one: '{n} réparation', other: '{n} réparations' };
const points = { one: '{n} point', other: '{n} points' };

export const fr: Messages = {
  language: 'fr',
  edition: {
    contents: 'Sommaire',
    glossary: 'Glossaire des sigles',
    chronology: 'Chronologie',
    colophon: 'Colophon',
    cover: 'Couverture',
    sources: 'Sources',
    editionOf: ({ version, date }) => `Édition ${version} · ${date}`,
    originalTitle: 'Titre d’origine',
    truncated: 'Texte incomplet : la source s’interrompt à l’endroit marqué […].',
    notes: 'Notes',
    backToNote: ({ n }) => `Retour à l’appel de la note ${n}`,
  },
  glossary: {
    intro: 'Sigles employés par les textes, avec leur développement tel que les textes le donnent ; ceux que les textes ne développent pas sont complétés par la rédaction (*). La page est celle de la définition, sinon de la première occurrence.',
    editorial: 'développement donné par la rédaction',
    none: 'Les textes n’emploient aucun sigle.',
  },
  chronology: {
    none: 'Les textes ne datent aucun événement.',
  },
  colophon: {
    edition: ({ version, date, publisher }) => `Édition ${version} du ${date}, publiée par ${publisher}.`,
    composed: ({ date, generator }) => `Composé le ${date} par ${generator} à partir des textes sources ci-dessous, mis en pages par le moteur d’impression de Chromium. Caractères : Source Serif 4 et Source Sans 3 (Adobe, licence SIL Open Font License).`,
    repairs: ({ count }) => `Les textes sources ont reçu ${plural('fr', count, repairs)} (lignes recollées, gras déplacés, coupures de page…).`,
    noRepairs: 'Les textes sources n’ont reçu aucune réparation qui en change la lettre.',
    review: ({ notes }) => `La page de revue, publiée à côté de ce document, décrit chaque réparation${notes ? ` et ${plural('fr', notes, { one: 'la remarque', other: 'chacune des {n} remarques' })} de la vérification` : ''}, avec le fichier, la ligne et la colonne où elle porte :`,
    sources: 'Sources et empreintes SHA-256 des fichiers reçus',
    document: 'Document',
    fileAndHash: 'Fichier et empreinte',
  },
  handout: {
    editionOf: ({ title, version, date }) => `${title} · édition ${version} du ${date}`,
    source: 'Source',
    unknownSource: 'non indiquée',
    date: 'Date',
    period: ({ from, to }) => `période de ${from} à ${to}`,
    undated: 'le texte n’est pas daté',
    originalTitle: 'Titre d’origine',
    received: 'Texte reçu',
    acronyms: 'Sigles employés',
    notesTitle: 'Notes sur l’établissement du texte',
    repaired: ({ version, infos, warnings }) =>
      `Le texte reçu a été réparé par Folio ${version} : ${plural('fr', infos, { one: '{n} réparation de forme', other: '{n} réparations de forme' })} (lignes coupées, sauts de page, mise en forme perdue), et ${plural('fr', warnings, points)} à vérifier :`,
    repairedClean: ({ version, infos }) =>
      `Le texte reçu a été réparé par Folio ${version} : ${plural('fr', infos, { one: '{n} réparation de forme', other: '{n} réparations de forme' })} (lignes coupées, sauts de page, mise en forme perdue), sans point douteux.`,
    unchanged: 'Le texte reçu a été repris tel quel, sans réparation.',
    position: ({ line, column }) => `ligne ${line}, colonne ${column}`,
    fullList: ({ title }) => `La liste complète des réparations, ligne par ligne, accompagne le recueil « ${title} ».`,
  },
  review: {
    title: ({ title }) => `Réparations — ${title}`,
    heading: 'Réparations de l’édition',
    intro: ({ title, version }) => `${title} — édition ${version}. Chaque réparation faite par Folio et chaque doute, ligne par ligne : la ligne de la source telle que reçue, comparée au même passage réparé. Les sources ne sont jamais modifiées.`,
    removed: 'retiré',
    added: 'ajouté',
    document: 'Document',
    toCheck: 'À vérifier',
    repaired: 'Réparations',
    notes: 'Notes',
    byRule: 'Messages par règle :',
    nothingToCheck: 'Rien à vérifier.',
    noRepair: 'Aucune réparation.',
    noNote: 'Aucune note.',
    line: ({ line }) => `ligne ${line}`,
    column: ({ column }) => `col. ${column}`,
  },
  watch: {
    title: 'Échec de la composition — folio watch',
    heading: 'L’édition ne se compose pas',
    fix: 'Corrigez le fichier et enregistrez-le : cette page se recharge d’elle-même.',
    rebuilding: 'recomposition…',
    stopped: 'folio watch arrêté',
  },
  rules: {
    'acronym-definition': 'sigle défini par le texte',
    boilerplate: 'habillage de page web retiré',
    'displaced-bold': 'passage en gras remis à sa place dans la phrase',
    encoding: 'codage des caractères du fichier',
    'footnote-call': 'appel de note reconnu',
    'glossary-file': 'glossaire de la rédaction',
    'glossary-unused': 'entrée du glossaire de la rédaction inutilisée',
    'hard-wrap': 'lignes coupées recollées',
    heading: 'intertitre reconnu',
    lacuna: 'texte manquant à cet endroit de la source',
    'line-end-hyphen': 'trait d’union de fin de ligne',
    'lost-hyphen': 'trait d’union perdu rétabli',
    manifest: 'manifeste de l’édition',
    'missing-note': 'texte de note absent de la source',
    ordinal: 'ordinal mis en exposant',
    'page-break-join': 'phrase recollée par-dessus un saut de page',
    'page-reference': 'renvoi de page',
    pagination: 'mise en pages',
    'photo-caption': 'légende de photo retirée',
    spacing: 'espacement corrigé',
    title: 'titre du document',
    'truncated-source': 'source interrompue avant la fin',
    'undefined-acronym': 'sigle employé sans être défini',
    'unresolved-date': 'date que le texte ne précise pas',
  },
  otherRule: ({ rule }) => `point signalé (règle ${rule})`,
  counted: {
    repairs,
    points,
    notes: { one: '{n} note', other: '{n} notes' },
  },
};
