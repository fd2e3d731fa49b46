/**
 * The `folio` command: turns arguments into typed options, calls the library, prints, and
 * returns the exit code. Nothing else happens here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, loadRepairAndExtract, type ProgressEvent } from './build/build.ts';
import { toFrontMatter } from './build/front-matter.ts';
import { normalizeFile } from './build/normalize-file.ts';
import { folioVersion } from './build/project.ts';
import { FolioError, countBySeverity, formatReport, hasErrors } from './diagnostics.ts';

/** Exit codes, documented in the README and in `folio --help`. */
export const exitCodes = {
  ok: 0,
  sourceErrors: 1,
  usage: 2,
  environment: 3,
  internal: 70,
} as const;

const defaultManifest = path.join('sources', 'compendium.yaml');

const help: Record<string, string> = {
  main: `folio ${folioVersion}: repairs damaged source texts and publishes them as one compendium (HTML and PDF).

Usage:
  folio build [--manifest FILE] [--out DIR]   build output/compendium.{html,pdf,json} and normalized/*.md
  folio normalize FILE [--repair MODE]        print the repaired Markdown of one text (diagnostics on stderr)
  folio check [--manifest FILE]               list the diagnostics of all sources
  folio COMMAND --help                        help on a command

Exit codes:
  0  success
  1  the sources or the manifest have errors (nothing was built)
  2  the command line is wrong
  3  the machine lacks something (no browser, a folder cannot be written)
  70 internal error in Folio (please report it)`,
  build: `Usage: folio build [--manifest FILE] [--out DIR]

Builds the compendium of the edition described by the manifest.
  --manifest FILE   edition manifest (default: ${defaultManifest})
  --out DIR         output folder (default: output)
  --quiet           no progress on stderr

Writes compendium.html, compendium.pdf, compendium.json and normalized/<document-id>.md.
Outputs are replaced all at once: a build that fails leaves the previous ones as they were.`,
  normalize: `Usage: folio normalize FILE [--repair auto|displaced-bold|none] [--manifest FILE]

Prints the repaired Markdown of FILE on stdout and the diagnostics on stderr.
  --repair MODE     auto: detect each artifact (default); displaced-bold: force that repair;
                    none: no switchable repair
  --manifest FILE   draw word statistics from this edition's sources too
                    (default: ${defaultManifest} when it exists)`,
  check: `Usage: folio check [--manifest FILE] [--errors-only]

Repairs every source in memory and prints the diagnostics (file:line:column: severity: message [rule]).
Exits with 1 when there are errors.
  --manifest FILE   edition manifest (default: ${defaultManifest})
  --errors-only     print errors and warnings only`,
};

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs the command line.
 * @param argv arguments after `folio`
 * @returns the exit code
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${help.main}\n`);
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      case '-v':
      case '--version':
        io.out(`${folioVersion}\n`);
        return exitCodes.ok;
      case 'build':
        return await runBuild(rest, io);
      case 'normalize':
        return await runNormalize(rest, io);
      case 'check':
        return await runCheck(rest, io);
      default:
        io.err(`folio: unknown command "${command}".\n\n${help.main}\n`);
        return exitCodes.usage;
    }
  } catch (error) {
    return reportFailure(error, io);
  }
}

class UsageError extends Error {}

/** Runs `parseArgs`, turning its errors into usage errors that show the command's help. */
function parse<T extends { positionals: string[] }>(command: string, parseFn: () => T, positionals = 0): T {
  let parsed: T;
  try {
    parsed = parseFn();
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${help[command]}`);
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Too many arguments: ${parsed.positionals.join(' ')}\n\n${help[command]}`);
  return parsed;
}

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

async function runBuild(args: string[], io: Io): Promise<number> {
  const { values } = parse('build', () =>
    parseArgs({ args, options: { ...helpOption, manifest: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' } } }),
  );
  if (values.help) return printHelp('build', io);
  const started = performance.now();
  const result = await build({
    manifestPath: values.manifest ?? defaultManifest,
    outDir: values.out ?? 'output',
    onProgress: values.quiet ? undefined : (e) => io.err(progressLine(e)),
  });
  const c = countBySeverity(result.diagnostics);
  if (!values.quiet) {
    io.err(`folio: built ${result.written.length} files in ${seconds(performance.now() - started)} (${c.warning} warnings, ${c.info} infos; run \`folio check\` to list them)\n`);
  }
  return exitCodes.ok;
}

async function runNormalize(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'normalize',
    () => parseArgs({ args, allowPositionals: true, options: { ...helpOption, repair: { type: 'string' }, manifest: { type: 'string' } } }),
    1,
  );
  if (values.help) return printHelp('normalize', io);
  const file = positionals[0];
  if (!file) throw new UsageError(`Which file? Give the path of a text file.\n\n${help.normalize}`);
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

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values } = parse('check', () =>
    parseArgs({ args, options: { ...helpOption, manifest: { type: 'string' }, 'errors-only': { type: 'boolean' } } }),
  );
  if (values.help) return printHelp('check', io);
  const { diagnostics } = await loadRepairAndExtract(values.manifest ?? defaultManifest);
  const shown = values['errors-only'] ? diagnostics.filter((d) => d.severity !== 'info') : diagnostics;
  io.out(`${formatReport(shown)}\n`);
  return hasErrors(diagnostics) ? exitCodes.sourceErrors : exitCodes.ok;
}

function printHelp(command: string, io: Io): number {
  io.out(`${help[command]}\n`);
  return exitCodes.ok;
}

function progressLine(e: ProgressEvent): string {
  return `folio: ${e.stage.padEnd(9)} ${seconds(e.ms).padStart(7)}${e.detail ? `  ${e.detail}` : ''}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`folio: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (error instanceof FolioError) {
    if (error.diagnostics.length) io.err(`${formatReport(error.diagnostics)}\n`);
    io.err(`folio: ${error.message}\n`);
    return error.kind === 'input' ? exitCodes.sourceErrors : exitCodes.environment;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM') {
    io.err(`folio: cannot write: ${(error as Error).message}. Check the output folder's permissions and free space.\n`);
    return exitCodes.environment;
  }
  io.err(`folio: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in Folio. Run again with FOLIO_DEBUG=1 for details, and report it.\n`);
  if (process.env.FOLIO_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
  return exitCodes.internal;
}
