/**
 * Web-page clutter: the lines a content management system prints around an article for the
 * reader of the page, not of the text — "You are currently viewing …", author, category and
 * comment counters, "Laisser un commentaire", share buttons, an image credit, the caption of a
 * photo that is not there. Each removal is reported. An "updated on" line becomes the document's
 * metadata, and so does a category label.
 *
 * The patterns are those of CMS themes (WordPress and the like) in French and English: the
 * phrases a theme prints, never the phrases of a particular text. A line is removed only when the
 * whole line is such a phrase. A caption in another language than the text's is recognised by its
 * function words.
 */
import { isEnglishFunctionWord, isFrenchFunctionWord } from '../language/fr/words.ts';
import { readDayMonthYear } from '../language/fr/dates.ts';
import type { Edit } from './mapped-text.ts';
import type { DocumentMeta, PassResult } from './pass.ts';

interface LineMatch {
  kind: 'viewing' | 'meta' | 'counter' | 'action' | 'updated' | 'credit' | 'caption';
  value?: string;
}

const bullet = /^[•◦▪‣●○■□·*-]\s*/u;

const viewing = /^(?:you are currently viewing|you are viewing|currently viewing|vous (?:êtes en train de consulter|consultez actuellement|consultez))\s*:?\s+(.+)$/iu;
const metaLabel =
  /^(?:auteur(?:\/autrice)?(?: de la publication)?|autrice|post author|author|written by|écrit par|post category|catégorie(?:s)?(?: de la publication)?|categor(?:y|ies)|tags?|étiquettes?|mots[- ]clés|post published|publication publiée|post comments|commentaires? de la publication|temps de lecture|reading time)\s*:\s*(.*)$/iu;
const counter = /^\d+\s+(?:commentaires?|comments?|réponses?|replies|vues|views|partages|shares|j['’]aime|likes)$/iu;
const action =
  /^(?:laisser un commentaire|laissez un commentaire|leave a (?:comment|reply)|ajouter un commentaire|répondre|reply|partager(?: cet article| sur \w+)?\s*:?|share(?: this(?: article)?)?\s*:?|imprimer(?: cet article)?|print(?: this article)?|j['’]aime(?: ceci)?\s*:?|like this\s*:?|lire (?:aussi|la suite|plus)|read (?:more|also)|articles? (?:similaires|liés|connexes|récents)|related (?:posts|articles)|abonnez-vous(?: à .+)?|subscribe(?: to .+)?|s['’]abonner(?: à .+)?|retour en haut(?: de (?:la )?page)?|back to top|navigation (?:des|de l['’]) articles?|post navigation|article (?:précédent|suivant)|(?:previous|next) (?:post|article)|publicité|advertisement)\.?$/iu;
const updated = /^(?:mis à jour le|mise à jour(?: le)?|dernière mise à jour|updated(?: on)?|last updated(?: on)?|modifié le|last modified)\s*:?\s*(.+)$/iu;
const credit = /(?:^|[\s.,;])(?:photo|photos|crédits? photo|photo credit|crédit|credit|image|illustration)\s*:\s*(?:@|©)?\S+|©/iu;


/** What kind of clutter a whole line is, if it is. */
export function classifyClutter(content: string): LineMatch | undefined {
  const text = content.replace(bullet, '').replace(/\\/gu, '').trim();
  if (!text) return undefined;
  let m: RegExpExecArray | null;
  if ((m = viewing.exec(text))) return { kind: 'viewing', value: m[1]!.trim() };
  if ((m = updated.exec(text)) && text.length < 80) return { kind: 'updated', value: m[1]!.trim() };
  if ((m = metaLabel.exec(text))) return { kind: 'meta', value: m[1]!.trim() };
  if (counter.test(text)) return { kind: 'counter' };
  if (action.test(text)) return { kind: 'action' };
  if (text.length < 200 && credit.test(text)) return { kind: 'credit' };
  return undefined;
}

/** True for a short line written in English in a French text: a caption of a photo. */
function isForeignCaption(text: string): boolean {
  if (text.length > 220 || /[.!?:;]$/u.test(text)) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const en = words.filter((w) => isEnglishFunctionWord(w)).length;
  const fr = words.filter((w) => isFrenchFunctionWord(w)).length;
  return en >= 2 && fr === 0;
}

/**
 * The web-clutter pass.
 * @param text the escaped source text
 * @returns removals (each reported), and the update date and category found
 */
export function removeWebClutter(text: string): PassResult {
  const edits: Edit[] = [];
  const meta: DocumentMeta = {};
  const lines = text.split('\n');
  let offset = 0;
  const offsets = lines.map((l) => {
    const o = offset;
    offset += l.length + 1;
    return o;
  });
  const blank = (i: number): boolean => i < 0 || i >= lines.length || !lines[i]!.trim();
  for (const [i, line] of lines.entries()) {
    const content = line.trim();
    if (!content) continue;
    let match = classifyClutter(content);
    if (!match && blank(i - 1) && blank(i + 1) && isForeignCaption(content.replace(/\\/gu, ''))) match = { kind: 'caption' };
    if (!match) continue;
    const message = describe(match, content, meta);
    edits.push({
      start: offsets[i]!,
      end: Math.min(text.length, offsets[i]! + line.length + 1),
      insert: '',
      finding: { rule: match.kind === 'caption' ? 'photo-caption' : 'boilerplate', severity: 'info', message },
    });
  }
  return { edits, meta };
}

function describe(match: LineMatch, content: string, meta: DocumentMeta): string {
  const quoted = `“${content.replace(bullet, '').slice(0, 70)}${content.length > 70 ? '…' : ''}”`;
  switch (match.kind) {
    case 'viewing':
      meta.title ??= match.value;
      return `${quoted} is the page's navigation text, not the document's: removed.`;
    case 'updated': {
      const date = readDayMonthYear(match.value ?? '');
      if (date) meta.updated = date;
      return date
        ? `${quoted} is the page's date of update: removed from the text and kept as the document's metadata (${date}).`
        : `${quoted} is the page's date of update, but the date could not be read: removed from the text.`;
    }
    case 'meta': {
      if (/categor|catégor/iu.test(content) && match.value) meta.category = match.value;
      return `${quoted} is a label the web page prints around the article${match.value ? '' : ' (empty here)'}: removed.`;
    }
    case 'counter':
      return `${quoted} is a counter of the web page: removed.`;
    case 'action':
      return `${quoted} is a button or link of the web page: removed.`;
    case 'credit':
      return `${quoted} is the caption or credit of an image that is not part of the text: removed.`;
    case 'caption':
      return `${quoted} is a photo caption in another language than the text's; the photo is not part of the text: removed.`;
  }
}
