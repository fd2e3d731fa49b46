/**
 * `folio check`: every diagnostic of an edition, written nowhere but stdout (as text, or JSON
 * with `--format json`).
 */
import { parseArgs } from 'node:util';
import { formatReport, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { checkEdition } from '../pipeline/build.ts';
import { projectRoot } from '../pipeline/project.ts';
import { exitCodes, formatFrom, helpOption, manifestFrom, parse, printHelp, printTimeoutFrom, projectOptions, type Io } from './common.ts';
import { fromHere, jsonReport, reportingErrors } from './report.ts';
import { interruptible } from './signals.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'check',
    () =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { ...helpOption, ...projectOptions, print: { type: 'boolean' }, 'errors-only': { type: 'boolean' }, 'print-timeout': { type: 'string' } },
      }),
    1,
  );
  if (values.help) return printHelp('check', io);
  const format = formatFrom('check', values.format);
  const manifestPath = manifestFrom('check', values.manifest, positionals);
  const printTimeoutMs = printTimeoutFrom('check', values['print-timeout']);
  const root = projectRoot(manifestPath);
  const shown = values['errors-only'] ? (d: Diagnostic) => d.severity === 'error' : () => true;
  return reportingErrors(io, format, root, () =>
    interruptible(io, async (signal) => {
      const diagnostics = await checkEdition(manifestPath, { print: values.print, signal, printTimeoutMs });
      const listed = diagnostics.filter(shown);
      if (format === 'json') io.out(jsonReport(listed, { ok: !hasErrors(diagnostics), project: root }));
      else io.out(`${formatReport(fromHere(listed, root))}\n`);
      return hasErrors(diagnostics) ? exitCodes.sourceErrors : exitCodes.ok;
    }),
    shown,
  );
}
