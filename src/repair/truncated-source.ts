/**
 * A source that stops in the middle of a word or a sentence (a copy cut short). The end of the
 * text is checked: a last paragraph that does not end a sentence is reported, marked `[…]` where
 * the text stops, and the document's metadata says it is truncated so the compendium shows it.
 * Nothing is completed.
 */
import { endsSentence, lastWord } from '../language/fr/sentence.ts';
import type { PassContext, PassResult } from './pass.ts';

/** The truncated-source pass. */
export function markTruncatedSource(text: string, context: PassContext): PassResult {
  // `(?<!\s)`: a match starts where a run of spaces does (the same match, without trying every space).
  const body = text.replace(/(?<!\s)(?:\s*\n\[\^\d+\]:.*)+\s*$/u, '');
  const end = body.replace(/(?<!\s)\s+$/u, '').length;
  const lastLine = body.slice(0, end).split('\n').pop() ?? '';
  if (end === 0 || /\[…\]$/u.test(lastLine) || /^#{1,6} /u.test(lastLine)) return { edits: [] };
  // A footnote call after the last word (`… »[^3]`) is not where the text stops.
  const content = lastLine.replace(/^\s*(?:- )?/u, '').replace(/(?:\[\^[^\]\s]+\])+$/u, '');
  // A closing quotation mark or bracket ends a quoted sentence: the text is complete.
  if (endsSentence(content) || /[)\]»”"’›*]$/u.test(content) || content.length < 40) return { edits: [] };
  const word = lastWord(content) ?? '';
  // A last word the lexicon does not know, or a lone letter that is no French word, was cut.
  const loneLetter = word.length === 1 && !/^[aàyô]$/iu.test(word);
  const midWord = /\p{L}$/u.test(content) && (loneLetter || (word.length > 1 && context.lexicon !== undefined && !context.lexicon.has(word)));
  return {
    edits: [
      {
        start: end,
        end,
        insert: midWord ? '[…]' : ' […]',
        finding: {
          rule: 'truncated-source',
          severity: 'warning',
          message: `The source stops in the middle of a ${midWord ? `word (“${word}”)` : 'sentence'}: marked […] at its end; the compendium shows that the text is incomplete. Find the full text if you can.`,
        },
      },
    ],
    meta: { truncated: true },
  };
}
