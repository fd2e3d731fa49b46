/**
 * `folio build`: options from the command line, the build, its progress and summary on stderr.
 */
import { parseArgs } from 'node:util';
import { countBySeverity } from '../diagnostics.ts';
import { build, type ProgressEvent } from '../pipeline/build.ts';
import { defaultBleedMm, type BookletOptions } from '../publish/booklet-options.ts';
import { defaultManifest, exitCodes, helpOption, number, parse, printHelp, seconds, type Io } from './common.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runBuild(args: string[], io: Io): Promise<number> {
  const { values } = parse('build', () =>
    parseArgs({
      args,
      options: {
        ...helpOption,
        manifest: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean' },
        archive: { type: 'string' },
        'booklet-signature': { type: 'string' },
        'booklet-marks': { type: 'boolean' },
        'booklet-bleed': { type: 'string' },
      },
    }),
  );
  if (values.help) return printHelp('build', io);
  const booklet: BookletOptions = {};
  if (values['booklet-signature'] !== undefined) booklet.sheetsPerSignature = number('build', '--booklet-signature', values['booklet-signature'], { integer: true, min: 1 });
  if (values['booklet-bleed'] !== undefined) booklet.marks = { bleedMm: number('build', '--booklet-bleed', values['booklet-bleed'], { min: 0, max: 20 }) };
  else if (values['booklet-marks']) booklet.marks = { bleedMm: defaultBleedMm };
  const started = performance.now();
  const result = await build({
    manifestPath: values.manifest ?? defaultManifest,
    outDir: values.out ?? 'output',
    booklet,
    archiveDir: values.archive,
    onProgress: values.quiet ? undefined : (e) => io.err(progressLine(e)),
  });
  const c = countBySeverity(result.diagnostics);
  if (!values.quiet) {
    io.err(`folio: built ${result.written.length} files in ${seconds(performance.now() - started)} (${c.warning} warnings, ${c.info} infos; run \`folio check\` to list them)\n`);
  }
  const archived = result.archive;
  if (archived?.status === 'created') io.err(`folio: archived edition ${archived.manifest.version} in ${archived.path} (${archived.manifest.files.length} files)\n`);
  if (archived?.status === 'unchanged') {
    io.err(`folio: edition ${archived.manifest.version} is already archived in ${archived.path} with the same content; the archive was left as it was.\n`);
    if (archived.differing.length) {
      io.err(`folio: ${archived.differing.length} output(s) of this build differ in their bytes from the archived ones (${archived.differing.join(', ')}); the archive keeps those of the first build. Raise the version if this build is to be published.\n`);
    }
  }
  return exitCodes.ok;
}

function progressLine(e: ProgressEvent): string {
  return `folio: ${e.stage.padEnd(9)} ${seconds(e.ms).padStart(7)}${e.detail ? `  ${e.detail}` : ''}\n`;
}
