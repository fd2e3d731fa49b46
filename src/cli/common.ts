/**
 * What every command of the CLI shares: its input and output, usage errors, the help texts, and
 * reading options. Light on purpose: `folio --help` loads only this and `src/cli.ts`.
 */
import path from 'node:path';
import { folioVersion } from '../package.ts';
import { defaultBleedMm } from '../publish/booklet-options.ts';

/** Exit codes, documented in the README and in `folio --help`. */
export const exitCodes = {
  ok: 0,
  sourceErrors: 1,
  usage: 2,
  environment: 3,
  internal: 70,
} as const;

/** The manifest a command reads when none is given. */
export const defaultManifest = path.join('sources', 'compendium.yaml');

export const help: Record<string, string> = {
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
  --booklet-signature N   fold N sheets together (signatures); default: 5
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
  check: `Usage: folio check [--manifest FILE] [--print] [--errors-only]

Repairs every source in memory, extracts the glossary and the chronology, and prints the
diagnostics (file:line:column: severity: message [rule]). Writes nothing.
Exits with 1 when there are errors.
  --manifest FILE   edition manifest (default: ${defaultManifest})
  --print           also print the compendium in memory, to report what pagination finds
                    (page references without an anchor, page numbers that do not settle)
  --errors-only     print errors and warnings only`,
};

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A wrong command line: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** Parses a command's arguments, turning parseArgs' errors into usage errors. */
export /** Runs `parseArgs`, turning its errors into usage errors that show the command's help. */
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
