/**
 * Lost hyphens: `SaintÉtienne`, `exPrésident`, `coûtavantage` — compounds whose hyphen
 * an extraction dropped. A word that is not French, and that splits into two pieces (at a capital
 * inside the word, or into two lexicon words), is restored with its hyphen when the corpus writes
 * the hyphenated form or the lexicon knows it; otherwise it is left as it is and reported.
 * A writer's own welded spelling (`antidrones`, used several times, never hyphenated) is kept.
 * A verb welded to its subject pronoun (`contientil`, `atil`) gets its hyphens back when the
 * lexicon says the verb has the pronoun's person (`inversion.ts`).
 */
import { normalizeWord } from '../language/corpus.ts';
import { restoreInversion } from '../language/fr/inversion.ts';
import { isFunctionWord } from '../language/fr/words.ts';
import type { Edit, Note } from './mapped-text.ts';
import type { PassContext, PassResult } from './pass.ts';

/**
 * Whether the text writes `a-b` anywhere (as `text.includes` would say), for pieces made of
 * letters only. Asked for every cut of every camel-case word, a scan of the whole text each time
 * grew with the text times its names; instead each hyphen between two letters is indexed once by
 * the letters on its two sides, with the runs of letters around it: `a-b` is in the text exactly
 * when some hyphen's run before ends with `a` and its run after starts with `b`.
 */
function hyphenatedInText(text: string): (a: string, b: string) => boolean {
  const around = new Map<string, { before: string; after: string }[]>();
  for (const m of text.matchAll(/(\p{L}+)-(?=(\p{L}+))/gu)) {
    const [, before, after] = m as unknown as [string, string, string];
    const key = `${before.at(-1)}${after[0]}`;
    const list = around.get(key);
    if (list) list.push({ before, after });
    else around.set(key, [{ before, after }]);
  }
  return (a, b) => (around.get(`${a.at(-1)}${b[0]}`) ?? []).some((h) => h.before.endsWith(a) && h.after.startsWith(b));
}

/**
 * The lost-hyphen pass.
 * @param text the Markdown so far
 * @param context lexicon (required to judge) and corpus statistics
 */
export function restoreLostHyphens(text: string, context: PassContext): PassResult {
  const { lexicon, corpus } = context;
  if (!lexicon) return { edits: [] };
  const edits: Edit[] = [];
  const notes: Note[] = [];
  let written: ((a: string, b: string) => boolean) | undefined;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_\\/@.-])\p{L}{5,}(?![\p{L}\p{N}_@-]|\.\p{L})/gu)) {
    const word = m[0];
    if (/^\p{Lu}+$/u.test(word)) continue;
    // A verb and its subject pronoun welded: `contientil` → `contient-il`, `atil` → `a-t-il`.
    const inversion = restoreInversion(word, lexicon);
    if (inversion && !lexicon.has(word) && (corpus?.count(normalizeWord(word)) ?? 0) < 2) {
      edits.push({
        start: m.index,
        end: m.index + word.length,
        insert: inversion,
        finding: { rule: 'lost-hyphen', severity: 'info', message: `“${word}” is a verb and its subject pronoun that lost their hyphen: restored as “${inversion}”.` },
      });
      continue;
    }
    if (lexicon.has(word)) continue;
    const welded = corpus?.count(normalizeWord(word)) ?? 0;
    // Any cut is restored when the hyphenated form is known (`ex` + `ministre`); only cuts that look
    // like two glued words are reported when it is not.
    // A name in camel case (`NetworkManager`) is a spelling of its own: the corpus, which folds
    // case, confirming `network-manager` says nothing of it; only the same capitals hyphenated in
    // the text (`Saint-Étienne` for `SaintÉtienne`) or the lexicon do.
    const camel = /^\p{Lu}.*\p{Ll}\p{Lu}/u.test(word);
    const confirmed = allCuts(word).find(([a, b]) => {
      const hyphenated = `${a}-${b}`;
      const inCorpus = camel ? (written ??= hyphenatedInText(text))(a, b) : (corpus?.count(normalizeWord(hyphenated)) ?? 0) > 0;
      return inCorpus || (lexicon.has(hyphenated) && welded < 2);
    });
    if (confirmed) {
      const fixed = `${confirmed[0]}-${confirmed[1]}`;
      const byCorpus = camel ? (written ??= hyphenatedInText(text))(confirmed[0], confirmed[1]) : (corpus?.count(normalizeWord(fixed)) ?? 0) > 0;
      edits.push({
        start: m.index,
        end: m.index + word.length,
        insert: fixed,
        finding: {
          rule: 'lost-hyphen',
          severity: 'info',
          message: `“${word}” had lost its hyphen: restored as “${fixed}” (${byCorpus ? 'the corpus writes it so' : 'the French lexicon knows it'}).`,
        },
      });
      continue;
    }
    const splits = candidateSplits(word, (w) => lexicon.has(w));
    if (splits.length > 0 && welded < 2) {
      const [a, b] = splits[0]!;
      notes.push({
        at: m.index,
        finding: {
          rule: 'lost-hyphen',
          severity: 'warning',
          message: `“${word}” looks like two words that lost a hyphen (“${a}-${b}”?), but neither the corpus nor the lexicon confirms it: left as it is. Check the original.`,
        },
      });
    }
  }
  return { edits, notes };
}

/** Prefixes French writes welded to the word (`téléphone`, `multilatéral`, `cyberdéfense`). */
const weldedPrefixes = new Set([
  'télé', 'multi', 'anti', 'cyber', 'micro', 'macro', 'inter', 'intra', 'super', 'hyper', 'auto', 'bio', 'éco', 'néo', 'post', 'pré',
  'pro', 'ultra', 'extra', 'contre', 'semi', 'mini', 'maxi', 'méga', 'poly', 'mono', 'pluri', 'trans', 'géo', 'radio', 'vidéo',
  'hydro', 'aéro', 'électro', 'photo', 'para', 'péri', 'infra', 'supra', 'rétro', 'socio', 'euro', 'franco', 'sur', 'sous',
]);

/** Every way to cut a word into a piece of two letters or more and a piece of three or more. */
function allCuts(word: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 2; i <= word.length - 3; i++) out.push([word.slice(0, i), word.slice(i)]);
  return out;
}

/**
 * Where a word may have lost a hyphen: before a capital inside it (`exPrésident`), or between two
 * lexicon words that are not articles, prepositions or welded prefixes (`coût` + `efficacité`).
 */
export function candidateSplits(word: string, isWord: (w: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  // A name with capitals at its start and inside (`BraveTech`) is a brand's spelling: only a confirmed form changes it.
  if (/^\p{Lu}.*\p{Lu}/u.test(word)) return out;
  for (let i = 2; i <= word.length - 2; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    // `exPrésident`; but not a brand written in camel case (`BraveTech`).
    const capitalInside = /^\p{Ll}.*\p{Ll}$/u.test(a) && /^\p{Lu}\p{Ll}/u.test(b);
    // `coût` + `efficacité`; but not a welded prefix (`télé` + `piloté`, `multi` + `milieu`).
    const twoWords = a.length >= 3 && b.length >= 4 && isWord(a) && isWord(b) && !isFunctionWord(a) && !isFunctionWord(b) && !weldedPrefixes.has(a.toLowerCase());
    if (capitalInside || twoWords) out.push([a, b]);
  }
  return out;
}
