/**
 * How the command line shows diagnostics and failures: as `file:line:column` lines for a
 * terminal (paths relative to where the user stands, so that editors can jump to them), or as
 * JSON for programs (`--format json`: the Diagnostic objects, each with its rule's description
 * and README section from the registry). Everything printed goes through `terminalSafe`: a
 * source's control characters quoted in a message must not set a terminal's title or clear it.
 *
 * Not for: what the diagnostics say (the passes and stages write them).
 */
import path from 'node:path';
import { rules } from '../diagnostic-rules.ts';
import { countBySeverity, FolioError, formatReport, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { exitCodes, type Io } from './common.ts';

/**
 * Makes text harmless for a terminal: every control character but line feed and tab is shown
 * as `\x1B`-style text instead of being sent.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** An `Io` whose output is made terminal-safe. */
export function safeIo(io: Io): Io {
  return { out: (t) => io.out(terminalSafe(t)), err: (t) => io.err(terminalSafe(t)) };
}

/**
 * Diagnostics with their paths as seen from the working folder (they name files relative to
 * the project, as outputs record them).
 * @param root the project folder
 */
export function fromHere(diagnostics: readonly Diagnostic[], root: string, cwd = process.cwd()): Diagnostic[] {
  return diagnostics.map((d) => {
    const rel = path.relative(cwd, path.resolve(root, d.file)).split(path.sep).join('/');
    return { ...d, file: rel || d.file };
  });
}

/** A diagnostic as JSON shows it: the object, with its rule's description and documentation. */
export function withRuleInfo(d: Diagnostic): Diagnostic & { description: string; doc: string } {
  const info = rules[d.rule];
  return { ...d, description: info.description, doc: `README.md${info.doc}` };
}

/** The JSON document of `--format json` (diagnostics name their files relative to `project`). */
export function jsonReport(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const sorted = sortDiagnostics(diagnostics);
  return `${JSON.stringify({ ...extra, counts: countBySeverity(sorted), diagnostics: sorted.map(withRuleInfo) }, null, 2)}\n`;
}

/**
 * Runs a command that reads a project, reporting a FolioError the way the command's format
 * says (JSON on stdout, or diagnostics relative to here on stderr) with its exit code; other
 * errors go on to `cli.ts` (Folio's own faults).
 * @param shown which diagnostics to show (`--errors-only`)
 */
export async function reportingErrors(io: Io, format: 'text' | 'json', root: string, run: () => Promise<number>, shown: (d: Diagnostic) => boolean = () => true): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof FolioError)) throw error;
    const code = error.kind === 'input' ? exitCodes.sourceErrors : exitCodes.environment;
    const diagnostics = error.diagnostics.filter(shown);
    if (format === 'json') io.out(jsonReport(diagnostics, { ok: false, project: root, error: error.message }));
    else {
      if (diagnostics.length) io.err(`${formatReport(fromHere(diagnostics, root))}\n`);
      io.err(`folio: ${error.message}\n`);
    }
    return code;
  }
}
