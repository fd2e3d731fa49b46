/**
 * `folio normalize`: one text repaired, as Markdown on stdout, its diagnostics on stderr.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, hasErrors } from '../diagnostics.ts';
import { toFrontMatter } from '../pipeline/front-matter.ts';
import { normalizeFile } from '../pipeline/normalize-file.ts';
import { defaultManifest, exitCodes, help, helpOption, parse, printHelp, UsageError, type Io } from './common.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runNormalize(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'normalize',
    () => parseArgs({ args, allowPositionals: true, options: { ...helpOption, repair: { type: 'string' }, manifest: { type: 'string' } } }),
    1,
  );
  if (values.help) return printHelp('normalize', io);
  const file = positionals[0];
  if (!file) throw new UsageError(`Which file? Give the path of a source file (text, Markdown, PDF or HTML).\n\n${help.normalize}`);
  const mode = values.repair ?? 'auto';
  const repairs = mode === 'auto' ? 'auto' : mode === 'none' ? 'none' : mode === 'displaced-bold' ? { 'displaced-bold': 'on' as const } : undefined;
  if (!repairs) throw new UsageError(`--repair must be auto, displaced-bold or none, not "${mode}".\n\n${help.normalize}`);
  const manifestPath = values.manifest ?? (existsSync(defaultManifest) ? defaultManifest : undefined);
  const result = await normalizeFile(file, { repairs, manifestPath });
  const front = Object.keys(result.meta).length ? toFrontMatter(result.meta) : '';
  io.out(front + result.markdown);
  if (result.diagnostics.length) io.err(`${formatReport(result.diagnostics)}\n`);
  return hasErrors(result.diagnostics) ? exitCodes.sourceErrors : exitCodes.ok;
}
