/**
 * The `folio` command: turns arguments into typed options, calls the library, prints, and
 * returns the exit code. Nothing else happens here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isIntact, listArchive, verifyArchive } from './archive/verify.ts';
import { build, loadRepairAndExtract, type ProgressEvent } from './build/build.ts';
import { toFrontMatter } from './build/front-matter.ts';
import { normalizeFile } from './build/normalize-file.ts';
import { folioVersion } from './build/project.ts';
import { FolioError, countBySeverity, formatReport, hasErrors } from './diagnostics.ts';
import { defaultBleedMm, type BookletOptions } from './publish/booklet.ts';
import { startWatch, type WatchEvent } from './watch/watch.ts';

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
  folio build [--manifest FILE] [--out DIR]   build the compendium (HTML, PDF, booklet, handouts) into output/
  folio build --archive DIR                   … and store the edition under DIR/<version>/
  folio watch [--manifest FILE] [--port N]    serve the HTML on localhost, rebuilt and reloaded on every change
  folio archive list|verify DIR               list the archived editions, or check their checksums
  folio normalize FILE [--repair MODE]        print the repaired Markdown of one text (diagnostics on stderr)
  folio check [--manifest FILE]               list the diagnostics of all sources
  folio COMMAND --help                        help on a command

Exit codes:
  0  success
  1  the input is wrong: the sources or the manifest have errors (nothing was built), a version
     is already archived with different content, or an archive failed verification
  2  the command line is wrong
  3  the machine lacks something (no browser, a folder cannot be written)
  70 internal error in Folio (please report it)`,
  build: `Usage: folio build [--manifest FILE] [--out DIR] [--archive DIR] [booklet options]

Builds the compendium of the edition described by the manifest.
  --manifest FILE   edition manifest (default: ${defaultManifest})
  --out DIR         output folder (default: output)
  --archive DIR     also store the edition under DIR/<version>/ with the SHA-256 of every file;
                    a version already archived is left as it is, or refused if its content changed
  --quiet           no progress on stderr

Booklet (compendium-booklet.pdf: A5 pages two-up on A4 landscape, for duplex printing flipped
on the short edge, folded and stapled):
  --booklet-signature N   fold N sheets together (signatures, for thick booklets); default: all
  --booklet-marks         crop and fold marks with a ${defaultBleedMm} mm bleed, TrimBox and BleedBox, for a print shop
  --booklet-bleed MM      bleed in millimetres (implies --booklet-marks)

Writes compendium.html, compendium.pdf, compendium-booklet.pdf, compendium.json,
handouts/<document-id>.pdf and normalized/<document-id>.md.
Outputs are replaced all at once: a build that fails leaves the previous ones as they were.`,
  watch: `Usage: folio watch [--manifest FILE] [--port N] [--host HOST]

Builds the compendium's HTML, serves it at http://localhost:4321/ and rebuilds it whenever the
manifest, a source, a template or a stylesheet changes; open pages reload by themselves. The PDF,
the booklet and the handouts are printed when their link is opened. Errors show in the page.
Stop with Ctrl-C.
  --manifest FILE   edition manifest (default: ${defaultManifest})
  --port N          port (default: 4321; 0: any free port)
  --host HOST       interface to listen on (default: 127.0.0.1, this machine only)`,
  archive: `Usage: folio archive list DIR [--files]
       folio archive verify DIR

  list     the archived versions with their edition dates and the SHA-256 of their manifest.json
           (which holds the SHA-256 of every file); --files: every file with its checksum
  verify   re-hashes every archived file and reports those changed, missing or added;
           exits with 1 when one is found`,
  normalize: `Usage: folio normalize FILE [--repair auto|displaced-bold|none] [--manifest FILE]

Prints the repaired Markdown of FILE on stdout and the diagnostics on stderr.
FILE is plain text, Markdown (.md), a PDF (.pdf: read from its pages, with its bold,
headings, notes and running heads known from the page) or a saved web page (.html).
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
      case 'watch':
        return await runWatch(rest, io);
      case 'archive':
        return await runArchive(rest, io);
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

async function runWatch(args: string[], io: Io): Promise<number> {
  const { values } = parse('watch', () =>
    parseArgs({ args, options: { ...helpOption, manifest: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } }),
  );
  if (values.help) return printHelp('watch', io);
  const port = values.port === undefined ? undefined : number('watch', '--port', values.port, { integer: true, min: 0, max: 65535 });
  const session = await startWatch({ manifestPath: values.manifest ?? defaultManifest, port, host: values.host, onEvent: (e) => io.err(watchLine(e)) });
  io.err(`folio: serving ${session.url} — Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await session.close();
  return exitCodes.ok;
}

async function runArchive(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('archive', () => parseArgs({ args, allowPositionals: true, options: { ...helpOption, files: { type: 'boolean' } } }), 2);
  if (values.help) return printHelp('archive', io);
  const [action, dir] = positionals;
  if ((action !== 'list' && action !== 'verify') || !dir) throw new UsageError(`Say list or verify, and the archive folder.\n\n${help.archive}`);
  if (action === 'list') {
    const versions = await listArchive(dir);
    if (!versions.length) io.out(`No archived edition in ${dir}.\n`);
    for (const v of versions) {
      if (!v.manifest) {
        io.out(`${v.version}  (unreadable: ${v.problem})\n`);
        continue;
      }
      io.out(`${v.version}  ${v.manifest.date}  ${v.manifest.files.length} files  sha256:${v.checksum}  archived ${v.manifest.archivedAt}  ${v.manifest.title}\n`);
      if (values.files) for (const f of v.manifest.files) io.out(`    ${f.sha256}  ${f.path}\n`);
    }
    return exitCodes.ok;
  }
  const checks = await verifyArchive(dir);
  if (!checks.length) io.out(`No archived edition in ${dir}.\n`);
  for (const c of checks) {
    if (isIntact(c)) {
      io.out(`${c.version}: ok, ${c.checked} files match their checksums\n`);
      continue;
    }
    io.out(`${c.version}: CHANGED\n`);
    if (c.problem) io.out(`    ${c.problem}\n`);
    for (const f of c.changed) io.out(`    changed: ${f}\n`);
    for (const f of c.missing) io.out(`    missing: ${f}\n`);
    for (const f of c.unexpected) io.out(`    not archived: ${f}\n`);
  }
  return checks.every(isIntact) ? exitCodes.ok : exitCodes.sourceErrors;
}

async function runNormalize(args: string[], io: Io): Promise<number> {
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

/** Reads a number option, or throws a usage error naming it. */
function number(command: string, name: string, text: string, range: { integer?: boolean; min?: number; max?: number }): number {
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && (!range.integer || Number.isInteger(value)) && value >= (range.min ?? -Infinity) && value <= (range.max ?? Infinity);
  if (!ok) {
    const bounds = range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`;
    throw new UsageError(`${name} must be a ${range.integer ? 'whole ' : ''}number ${bounds}, not "${text}".\n\n${help[command]}`);
  }
  return value;
}

function watchLine(e: WatchEvent): string {
  switch (e.type) {
    case 'built':
      return `folio: rebuilt in ${seconds(e.ms)} (${e.warnings} warnings, ${e.infos} infos)\n`;
    case 'failed':
      return `${e.diagnostics.length ? `${formatReport(e.diagnostics.filter((d) => d.severity !== 'info'))}\n` : ''}folio: build failed: ${e.message}\n`;
    case 'changed':
      return `folio: changed ${path.relative(process.cwd(), e.file) || e.file}\n`;
    case 'printed':
      return `folio: printed ${e.path} in ${seconds(e.ms)}\n`;
    case 'print-failed':
      return `folio: printing ${e.path} failed: ${e.message}\n`;
  }
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
