/** Where the development sets live: `$FOLIO_DEVSET`, else `~/.cache/folio/devset`. */
import os from 'node:os';
import path from 'node:path';

/** The root folder of the development sets (holds `prose/` and `pdf/`). */
export function devsetRoot(): string {
  return path.resolve(process.env.FOLIO_DEVSET || path.join(os.homedir(), '.cache', 'folio', 'devset'));
}
