/**
 * `folio build`: options from the command line, the build, its progress and summary on stderr
 * (or its diagnostics as JSON on stdout).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countBySeverity } from '../diagnostics.ts';
import { build, type ProgressEvent } from '../pipeline/build.ts';
import { projectRoot } from '../pipeline/project.ts';
import { defaultBleedMm, type BookletOptions } from '../publish/booklet-options.ts';
import { displayPath } from '../sources/load.ts';
import { exitCodes, formatFrom, helpOption, manifestFrom, number, parse, printHelp, printTimeoutFrom, projectOptions, seconds, type Io } from './common.ts';
import { jsonReport, reportingErrors } from './report.ts';
import { interruptible } from './signals.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runBuild(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'build',
    () =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...helpOption,
          ...projectOptions,
          out: { type: 'string' },
          quiet: { type: 'boolean' },
          archive: { type: 'string' },
          css: { type: 'string', multiple: true },
          templates: { type: 'string' },
          'print-timeout': { type: 'string' },
          'booklet-signature': { type: 'string' },
          'booklet-marks': { type: 'boolean' },
          'booklet-bleed': { type: 'string' },
        },
      }),
    1,
  );
  if (values.help) return printHelp('build', io);
  const format = formatFrom('build', values.format);
  const manifestPath = manifestFrom('build', values.manifest, positionals);
  const booklet: BookletOptions = {};
  if (values['booklet-signature'] !== undefined) booklet.sheetsPerSignature = number('build', '--booklet-signature', values['booklet-signature'], { integer: true, min: 1 });
  if (values['booklet-bleed'] !== undefined) booklet.marks = { bleedMm: number('build', '--booklet-bleed', values['booklet-bleed'], { min: 0, max: 20 }) };
  else if (values['booklet-marks']) booklet.marks = { bleedMm: defaultBleedMm };
  const printTimeoutMs = printTimeoutFrom('build', values['print-timeout']);
  const started = performance.now();
  return reportingErrors(io, format, projectRoot(manifestPath), () =>
    interruptible(io, async (signal) => {
      const result = await build({
        manifestPath,
        outDir: values.out,
        templatesDir: values.templates,
        stylesheets: values.css,
        booklet,
        archiveDir: values.archive,
        printTimeoutMs,
        signal,
        onProgress: values.quiet ? undefined : (e) => io.err(progressLine(e)),
      });
      const c = countBySeverity(result.diagnostics);
      if (format === 'json') {
        const written = result.written.map((f) => path.relative(result.outDir, f).split(path.sep).join('/'));
        io.out(jsonReport(result.diagnostics, { ok: true, project: projectRoot(manifestPath), outDir: result.outDir, written, archive: result.archive && { status: result.archive.status, path: result.archive.path } }));
      } else if (!values.quiet) {
        io.err(`folio: built ${result.written.length} files in ${displayPath(result.outDir)} in ${seconds(performance.now() - started)} (${c.warning} warnings, ${c.info} infos; run \`folio check\` to list them)\n`);
      }
      const archived = result.archive;
      if (archived?.status === 'created') io.err(`folio: archived edition ${archived.manifest.version} in ${displayPath(archived.path)} (${archived.manifest.files.length} files)\n`);
      if (archived?.status === 'unchanged') {
        io.err(`folio: edition ${archived.manifest.version} is already archived in ${displayPath(archived.path)} with the same content, its files intact; the archive was left as it was.\n`);
        if (archived.differing.length) {
          io.err(`folio: ${archived.differing.length} output(s) of this build differ in their bytes from the archived ones (${archived.differing.join(', ')}); the archive keeps those of the first build. Raise the version if this build is to be published.\n`);
        }
      }
      return exitCodes.ok;
    }),
  );
}

function progressLine(e: ProgressEvent): string {
  return `folio: ${e.stage.padEnd(9)} ${seconds(e.ms).padStart(7)}${e.detail ? `  ${e.detail}` : ''}\n`;
}
