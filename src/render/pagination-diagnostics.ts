/**
 * What pagination has to tell an editor: page references to anchors that do not exist, and a
 * layout whose page numbers kept moving. As diagnostics, so they are reported like the rest.
 *
 * Not for: problems in the sources (they have their own passes).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { PaginationResult } from './paginate.ts';

/**
 * Turns a pagination's loose ends into warnings.
 * @param result the pagination
 * @param file the file the warnings name (the manifest: the edition as a whole)
 */
export function paginationDiagnostics(result: Pick<PaginationResult, 'missing' | 'settled' | 'passes'>, file: string): Diagnostic[] {
  const at = { line: 1, column: 1 };
  const out: Diagnostic[] = result.missing.map((anchor) =>
    diagnostic(file, at, {
      rule: 'page-reference',
      severity: 'warning',
      message: `A page reference points to “${anchor}”, but no part of the edition has that anchor: its page number was left out.`,
    }),
  );
  if (!result.settled) {
    out.push(
      diagnostic(file, at, {
        rule: 'pagination',
        severity: 'warning',
        message: `The page numbers still moved after ${result.passes} printings; some numbers in the table of contents may be off by one page.`,
      }),
    );
  }
  return out;
}
