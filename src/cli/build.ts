/**
 * `folio build`: options from the command line, the build, its progress and summary on stderr
 * (or its diagnostics as JSON on stdout).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countBySeverity, formatDiagnostic } from '../diagnostics.ts';
import { build, buildOutputs, type BuildOutput, type ProgressEvent } from '../pipeline/build.ts';
import { projectRoot } from '../pipeline/project.ts';
import { defaultBleedMm, type BookletOptions } from '../publish/booklet-options.ts';
import { displayPath } from '../sources/load.ts';
import { exitCodes, formatFrom, help, helpOption, manifestFrom, number, parse, printHelp, printTimeoutFrom, projectOptions, seconds, UsageError, type Io } from './common.ts';
import { fromHere, jsonReport, reportingErrors } from './report.ts';
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
          fresh: { type: 'boolean' },
          archive: { type: 'string' },
          only: { type: 'string' },
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
  const only = values.only === undefined ? undefined : outputsOf(values.only);
  if (only && values.archive && buildOutputs.some((o) => !only.has(o))) throw new UsageError(`--archive stores every output: it cannot go with --only.\n\n${help.build}`);
  const printTimeoutMs = printTimeoutFrom('build', values['print-timeout']);
  const started = performance.now();
  const root = projectRoot(manifestPath);
  return reportingErrors(io, format, root, () =>
    interruptible(io, async (signal) => {
      const result = await build({
        manifestPath,
        only,
        outDir: values.out,
        templatesDir: values.templates,
        stylesheets: values.css,
        booklet,
        archiveDir: values.archive,
        cache: !values.fresh,
        printTimeoutMs,
        signal,
        onProgress: values.quiet ? undefined : (e) => io.err(progressLine(e)),
      });
      const c = countBySeverity(result.diagnostics);
      if (format === 'json') {
        const written = result.written.map((f) => path.relative(result.outDir, f).split(path.sep).join('/'));
        io.out(jsonReport(result.diagnostics, { ok: true, project: root, outDir: result.outDir, written, archive: result.archive && { status: result.archive.status, path: result.archive.path } }));
      } else if (!values.quiet) {
        // Warnings are listed (an editor acts on each); infos, the routine repairs, are counted.
        for (const d of fromHere(result.diagnostics.filter((d) => d.severity === 'warning'), root)) io.err(`${formatDiagnostic(d)}\n`);
        io.err(`folio: built ${result.written.length} files in ${displayPath(result.outDir)} in ${seconds(performance.now() - started)} (${c.warning} warnings, ${c.info} infos; \`folio check\` lists the infos too)\n`);
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
  if (e.running) return `folio: ${e.stage.padEnd(9)} ${'…'.padStart(7)}  ${e.detail ?? ''}\n`;
  return `folio: ${e.stage.padEnd(9)} ${seconds(e.ms).padStart(7)}${e.detail ? `  ${e.detail}` : ''}\n`;
}

/** `--only html,pdf` as a set of outputs. */
function outputsOf(list: string): Set<BuildOutput> {
  const names = list.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(buildOutputs as readonly string[]).includes(n));
  if (unknown.length || names.length === 0) {
    throw new UsageError(`--only takes a comma-separated list among ${buildOutputs.join(', ')}${unknown.length ? `, not ${unknown.map((u) => `"${u}"`).join(', ')}` : ''}.\n\n${help.build}`);
  }
  return new Set(names as BuildOutput[]);
}
