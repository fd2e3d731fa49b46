/**
 * `folio check`: every diagnostic of an edition, written nowhere but stdout.
 */
import { parseArgs } from 'node:util';
import { formatReport, hasErrors } from '../diagnostics.ts';
import { checkEdition } from '../pipeline/build.ts';
import { defaultManifest, exitCodes, helpOption, parse, printHelp, type Io } from './common.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values } = parse('check', () =>
    parseArgs({ args, options: { ...helpOption, manifest: { type: 'string' }, print: { type: 'boolean' }, 'errors-only': { type: 'boolean' } } }),
  );
  if (values.help) return printHelp('check', io);
  const diagnostics = await checkEdition(values.manifest ?? defaultManifest, { print: values.print });
  const shown = values['errors-only'] ? diagnostics.filter((d) => d.severity !== 'info') : diagnostics;
  io.out(`${formatReport(shown)}\n`);
  return hasErrors(diagnostics) ? exitCodes.sourceErrors : exitCodes.ok;
}
