/**
 * What every command of the CLI shares: its input and output, usage errors, the help texts, and
 * reading options. Light on purpose: `folio --help` loads only this and `src/cli.ts`.
 */
import { folioVersion } from '../package.ts';
import { resolveManifest } from '../pipeline/project.ts';
import { defaultBleedMm } from '../publish/booklet-options.ts';

/** Default of `--print-timeout` (kept here, not imported from the browser module, so `--help` loads nothing heavy). */
export const defaultPrintTimeoutSeconds = 180;

/** Exit codes, documented in the README and in `folio --help`. */
export const exitCodes = {
  ok: 0,
  sourceErrors: 1,
  usage: 2,
  environment: 3,
  internal: 70,
  /** 128 + the signal's number, as shells report a process a signal stopped. */
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

/** How a command finds its manifest when none is named, for the help texts. */
const manifestDefault = 'compendium.yaml here, else sources/compendium.yaml';

const exitCodesHelp = `Exit codes:
  0   success
  1   the input is wrong: the manifest, a source, a template or a stylesheet has errors
      (nothing was built), a version is already archived with different content, or an
      archive failed verification
  2   the command line is wrong
  3   the machine lacks something or failed: no browser, a browser that crashed or took too
      long, a folder that cannot be written
  70  internal error in Folio (please report it)
  129, 130, 143   stopped by SIGHUP, Ctrl-C (SIGINT) or SIGTERM: the browser was closed and the
      previous outputs are as they were`;

export const help: Record<string, string> = {
  main: `folio ${folioVersion}: repairs damaged source texts and publishes them as one compendium (HTML and PDF).

Usage:
  folio init [DIR]                            start a project: a manifest, a sample text, a .gitignore
  folio build [PROJECT] [--out DIR]           build the compendium (HTML, PDF, booklet, handouts) into PROJECT/output/
  folio build --archive DIR                   … and store the edition under DIR/<version>/
  folio watch [PROJECT] [--port N]            serve the HTML on localhost, rebuilt and reloaded on every change
  folio archive list|verify DIR               list the archived editions, or check their checksums
  folio normalize FILE|- [--repair MODE]      print the repaired Markdown of one text (diagnostics on stderr)
  folio check [PROJECT] [--format json]       list the diagnostics of all sources
  folio COMMAND --help                        help on a command

PROJECT is a project folder (the folder of its compendium.yaml) or a manifest file;
default: ${manifestDefault}. --manifest FILE says the same.

${exitCodesHelp}`,
  init: `Usage: folio init [DIR] [--title TEXT]

Creates a project in DIR (default: this folder; created if needed): compendium.yaml (the
manifest, commented), textes/exemple.txt (a sample text to replace with yours) and .gitignore.
Builds at once with \`folio build DIR\`. Never overwrites a file: a folder that already holds
one of them is refused.
  --title TEXT      the edition's title (default: from the folder's name)`,
  build: `Usage: folio build [PROJECT] [--out DIR] [--only LIST] [--archive DIR] [--css FILE] [booklet options]

Builds the compendium of the edition described by the manifest.
  PROJECT, --manifest FILE   the project folder or its manifest (default: ${manifestDefault})
  --out DIR           output folder (default: the manifest's \`output:\`, PROJECT/output)
  --only LIST         build only these outputs, comma-separated, among html, pdf, booklet,
                      handouts (default: all); the files of the others are left as they were
  --archive DIR       also store the edition under DIR/<version>/ with the SHA-256 of every file,
                      after the outputs are written; a version already archived is checked and
                      left as it is, or refused if its content changed
  --css FILE          one more stylesheet after the edition's own (repeatable)
  --templates DIR     a templates folder instead of PROJECT/templates
  --print-timeout S   longest one step of a print may take, in seconds (default: ${defaultPrintTimeoutSeconds})
  --format json       the diagnostics and the files written as JSON on stdout
  --fresh             repair, extract and measure every part again, even when the sources,
                      the manifest and Folio are those of the last build (whose repairs, and
                      the layouts of its unchanged parts, are otherwise kept)
  --quiet             no progress on stderr

Booklet (compendium-booklet.pdf: A5 pages two-up on A4 landscape, for duplex printing flipped
on the short edge, folded and stapled):
  --booklet-signature N   fold N sheets together (signatures); default: 5
  --booklet-marks         crop and fold marks with a ${defaultBleedMm} mm bleed, TrimBox and BleedBox, for a print shop
  --booklet-bleed MM      bleed in millimetres (implies --booklet-marks)

Writes compendium.html, compendium.pdf, compendium-booklet.pdf, compendium.json,
repairs.html, handouts/<document-id>.pdf and normalized/<document-id>.md.
Outputs are replaced all at once: a build that fails leaves the previous ones as they were.
html is compendium.html, repairs.html and normalized/; compendium.json comes with html or pdf.`,
  watch: `Usage: folio watch [PROJECT] [--port N] [--host HOST]

Builds the compendium's HTML, serves it at http://localhost:4321/ and rebuilds it whenever the
manifest, a source, a template or a stylesheet changes; open pages reload by themselves. The PDF,
the booklet and the handouts are printed when their link is opened. Errors show in the page.
Only requests addressed to this machine's own names (localhost, 127.0.0.1, [::1]) are answered.
Stop with Ctrl-C.
  PROJECT, --manifest FILE   the project folder or its manifest (default: ${manifestDefault})
  --port N          port (default: 4321; 0: any free port)
  --host HOST       interface to listen on (default: 127.0.0.1, this machine only)
  --css FILE        one more stylesheet after the edition's own (repeatable)
  --print-timeout S longest one step of a print may take, in seconds (default: ${defaultPrintTimeoutSeconds})`,
  archive: `Usage: folio archive list DIR [--files]
       folio archive verify DIR

  list     the archived versions with their edition dates and the SHA-256 of their manifest.json
           (which holds the SHA-256 of every file); --files: every file with its checksum
  verify   re-hashes every archived file and reports those changed, missing or added;
           exits with 1 when one is found`,
  normalize: `Usage: folio normalize FILE|- [--repair auto|displaced-bold|none] [--manifest FILE]

Prints the repaired Markdown of FILE (or of the standard input, for -) on stdout and the
diagnostics on stderr. FILE is plain text, Markdown (.md), a PDF (.pdf: read from its pages,
with its bold, headings, notes and running heads known from the page) or a saved web page (.html).
  --repair MODE     auto: detect each artifact (default); displaced-bold: force that repair;
                    none: no switchable repair
  --manifest FILE   draw word statistics from this edition's sources too
                    (default: ${manifestDefault}, when there is one)`,
  check: `Usage: folio check [PROJECT] [--print] [--errors-only] [--format text|json]

Repairs every source in memory, extracts the glossary and the chronology, and prints the
diagnostics (file:line:column: severity: message [rule]). Writes nothing.
Exits with 1 when there are errors.
  PROJECT, --manifest FILE   the project folder or its manifest (default: ${manifestDefault})
  --print           also print the compendium in memory, to report what pagination finds
                    (page references without an anchor, page numbers that do not settle)
  --errors-only     print the errors only
  --format json     the diagnostics as JSON on stdout (each with its rule's description)
  --print-timeout S longest one step of a print may take, in seconds (default: ${defaultPrintTimeoutSeconds})`,
};

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A wrong command line: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** Runs `parseArgs`, turning its errors into usage errors that show the command's help. */
export function parse<T extends { positionals: string[] }>(command: string, parseFn: () => T, positionals = 0): T {
  let parsed: T;
  try {
    parsed = parseFn();
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${help[command]}`);
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`Too many arguments: ${parsed.positionals.join(' ')}\n\n${help[command]}`);
  return parsed;
}

export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** Reads a number option, or throws a usage error naming it. */
export function number(command: string, name: string, text: string, range: { integer?: boolean; min?: number; max?: number }): number {
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && (!range.integer || Number.isInteger(value)) && value >= (range.min ?? -Infinity) && value <= (range.max ?? Infinity);
  if (!ok) {
    const bounds = range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`;
    throw new UsageError(`${name} must be a ${range.integer ? 'whole ' : ''}number ${bounds}, not "${text}".\n\n${help[command]}`);
  }
  return value;
}

export function printHelp(command: string, io: Io): number {
  io.out(`${help[command]}\n`);
  return exitCodes.ok;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Options every command that reads a project shares. */
export const projectOptions = { manifest: { type: 'string' }, format: { type: 'string' } } as const;

/**
 * The manifest a command reads: `--manifest`, else the positional PROJECT (a folder or a
 * manifest), else the default.
 */
export function manifestFrom(command: string, manifest: string | undefined, positionals: readonly string[]): string {
  if (manifest !== undefined && positionals.length) throw new UsageError(`Give the project either as ${positionals[0]} or with --manifest, not both.\n\n${help[command]}`);
  return resolveManifest(manifest ?? positionals[0]);
}

/** Reads `--format`: text (default) or json. */
export function formatFrom(command: string, format: string | undefined): 'text' | 'json' {
  if (format === undefined || format === 'text') return 'text';
  if (format === 'json') return 'json';
  throw new UsageError(`--format must be text or json, not "${format}".\n\n${help[command]}`);
}

/** Reads `--print-timeout SECONDS` into milliseconds. */
export function printTimeoutFrom(command: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : number(command, '--print-timeout', text, { min: 1, max: 86_400 }) * 1000;
}
