/**
 * Diagnostics: every repair Folio makes and every problem it finds, as one message type.
 *
 * Modelled on unified's vfile messages: a position in the source (`file:line:column`), a rule id,
 * a severity and one sentence an editor understands. Passes return them; only the edges (CLI,
 * review page, compendium.json) format them. Errors stop a build; warnings and infos are kept in
 * the build's report.
 */

import { rules, type RuleId, type Severity } from './diagnostic-rules.ts';

export type { RuleId, Severity } from './diagnostic-rules.ts';

/** A place in a file: 1-based line and column, and for a PDF the 1-based page (the line is then counted on it). */
export interface Point {
  line: number;
  column: number;
  page?: number;
}

/** What a repair changed, for the review page: the text around it, what went out, what came in. */
export interface Change {
  /** Text just before the change, in the pass's input. */
  contextBefore: string;
  /** Text the repair removed (may be empty). */
  removed: string;
  /** Text the repair inserted (may be empty). */
  inserted: string;
  /** Text just after the change. */
  contextAfter: string;
}

export interface Diagnostic {
  /** Path of the source file, relative to the project when possible. */
  file: string;
  /** For a PDF source: the 1-based page; `line` is then the line on that page (reading order). */
  page?: number;
  /** 1-based line in the source file as received, where the problem or change starts. */
  line: number;
  /** 1-based column (in characters) in the source file as received. */
  column: number;
  /** Where it ends (the same point as the start for a place rather than a span). */
  endLine: number;
  endColumn: number;
  /** Rule id from the registry (`diagnostic-rules.ts`): `displaced-bold`, `lacuna`, `manifest`, … */
  rule: RuleId;
  /** The pass or stage that reported it (`repair/displaced-bold`, `read`, `print`), from the registry. */
  source: string;
  severity: Severity;
  /** One sentence, in the reader's words. */
  message: string;
  /** Present when the diagnostic records a change to the text. */
  change?: Change;
}

/** A diagnostic before it has a file position: what passes produce, with an offset in their input. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
}

/**
 * Makes a diagnostic: a finding placed in a file.
 * @param file the path to name
 * @param start where it starts
 * @param finding rule, severity and message
 * @param options where it ends (default: the start), and the change it records
 */
export function diagnostic(file: string, start: Point, finding: Finding, options: { end?: Point; change?: Change } = {}): Diagnostic {
  const end = options.end ?? start;
  const d: Diagnostic = {
    file,
    ...(start.page !== undefined ? { page: start.page } : {}),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    rule: finding.rule,
    source: rules[finding.rule].source,
    severity: finding.severity,
    message: finding.message,
  };
  if (options.change) d.change = options.change;
  return d;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when at least one diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts diagnostics by file, then position, then severity (errors first). Returns a new array. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      severityRank[a.severity] - severityRank[b.severity],
  );
}

/** Counts diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/**
 * Formats one diagnostic the way compilers do, so editors and terminals can jump to it:
 * `sources/x.txt:12:5: warning: A gap no run fills was marked […]. [lacuna]`. In a PDF, the page
 * comes as the PDF open parameter (RFC 8118) that viewers understand, then the line on the page:
 * `sources/x.pdf#page=3:12:5: info: …`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** `file:line:column`, or `file#page=N:line:column` for a place in a PDF. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'page' | 'line' | 'column'>): string {
  return `${d.file}${d.page !== undefined ? `#page=${d.page}` : ''}:${d.line}:${d.column}`;
}

/** Formats a list of diagnostics, one per line, followed by a summary line. */
export function formatReport(diagnostics: readonly Diagnostic[]): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
  const c = countBySeverity(diagnostics);
  lines.push(`${c.error} error(s), ${c.warning} warning(s), ${c.info} info(s)`);
  return lines.join('\n');
}

/**
 * An error the user can act on, thrown by the library when it must stop and caught by the CLI.
 * `input`: the manifest, a source or an argument is wrong; `environment`: the machine lacks
 * something (a browser, a writable folder).
 */
export class FolioError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly kind: 'input' | 'environment';
  constructor(message: string, diagnostics: Diagnostic[] = [], kind: 'input' | 'environment' = diagnostics.length ? 'input' : 'environment') {
    super(message);
    this.name = 'FolioError';
    this.diagnostics = diagnostics;
    this.kind = kind;
  }
}
