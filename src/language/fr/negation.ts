/**
 * The French negation: `ne` (`n’`) and the word that completes it (`pas`, `plus`, `jamais`…) a
 * few words further on. A `ne` left without its second half shows a cut between them; `n’importe`
 * (`n’importe quoi`, `n’importe où`) is no negation and needs none.
 */

/** What completes a `ne` in written French. */
const negationEnds = new Set(['pas', 'plus', 'jamais', 'rien', 'guère', 'point', 'personne', 'aucun', 'aucune', 'nul', 'nulle', 'que', 'qu’', 'ni', 'nullement']);

/**
 * True when `tokens[i]` is a `ne` that no second half follows within three tokens.
 * @param tokens normalized model tokens (lowercase, typographic apostrophe)
 */
export function incompleteNegation(tokens: readonly string[], i: number): boolean {
  const t = tokens[i];
  if (t !== 'ne' && t !== 'n’') return false;
  if (tokens[i + 1] === 'importe') return false;
  return !tokens.slice(i + 1, i + 4).some((x) => negationEnds.has(x));
}
