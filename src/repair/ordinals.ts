/**
 * Ordinals written with a caret (`24^e`, `1^er`, `15^e`): the sign an extraction leaves for a
 * superscript. They become superscript ordinals in Unicode (`24ᵉ`, `1ᵉʳ`), which stay readable
 * in the Markdown; `ème` and `è` forms become `ᵉ`, `nd` becomes `ᵈ`, as French typography writes
 * them (`language/fr/numbers.ts`).
 */
import { superscriptOrdinal } from '../language/fr/numbers.ts';
import type { Edit } from './mapped-text.ts';
import type { PassResult } from './pass.ts';

/** The ordinal pass. */
export function superscriptOrdinals(text: string): PassResult {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/(?<=\b(\d{1,4}))\\?\^(e|er|ers|re|res|ère|ères|ème|èmes|eme|e?s|nd|nde|nds|ndes)\b/gu)) {
    const sup = superscriptOrdinal(m[1]!, m[2]!);
    if (sup === undefined) continue;
    edits.push({
      start: m.index,
      end: m.index + m[0].length,
      insert: sup,
      finding: { rule: 'ordinal', severity: 'info', message: `The ordinal “^${m[2]}” was written with a caret: set as a superscript (${sup}).` },
    });
  }
  return { edits };
}
