/**
 * `folio normalize`: one text repaired, as Markdown on stdout, its diagnostics on stderr. The
 * text is a file, or the standard input for `-` (read up to the same size limit as a source).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FolioError, formatReport, hasErrors } from '../diagnostics.ts';
import { toFrontMatter } from '../pipeline/front-matter.ts';
import { normalizeBytes, normalizeFile } from '../pipeline/normalize-file.ts';
import { resolveManifest } from '../pipeline/project.ts';
import { defaultLimits } from '../sources/manifest.ts';
import { megabytes } from '../sources/read-source.ts';
import { exitCodes, help, helpOption, parse, printHelp, UsageError, type Io } from './common.ts';

/** What `folio normalize` reads when the file is `-`. */
export type Stdin = AsyncIterable<Uint8Array | string>;

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runNormalize(args: string[], io: Io, stdin: Stdin = process.stdin): Promise<number> {
  const { values, positionals } = parse(
    'normalize',
    () => parseArgs({ args, allowPositionals: true, options: { ...helpOption, repair: { type: 'string' }, manifest: { type: 'string' } } }),
    1,
  );
  if (values.help) return printHelp('normalize', io);
  const file = positionals[0];
  if (!file) throw new UsageError(`Which file? Give the path of a source file (text, Markdown, PDF or HTML), or - to read the standard input.

${help.normalize}`);
  const mode = values.repair ?? 'auto';
  const repairs = mode === 'auto' ? 'auto' : mode === 'none' ? 'none' : mode === 'displaced-bold' ? { 'displaced-bold': 'on' as const } : undefined;
  if (!repairs) throw new UsageError(`--repair must be auto, displaced-bold or none, not "${mode}".\n\n${help.normalize}`);
  const found = resolveManifest(values.manifest);
  const manifestPath = values.manifest !== undefined || existsSync(found) ? found : undefined;
  const result = file === '-' ? await normalizeBytes(await readAll(stdin, defaultLimits.maxSourceBytes), '<stdin>', { repairs, manifestPath }) : await normalizeFile(file, { repairs, manifestPath });
  const front = Object.keys(result.meta).length ? toFrontMatter(result.meta) : '';
  io.out(front + result.markdown);
  if (result.diagnostics.length) io.err(`${formatReport(result.diagnostics)}\n`);
  return hasErrors(result.diagnostics) ? exitCodes.sourceErrors : exitCodes.ok;
}

/** Reads a stream to its end, refusing more than `limit` bytes. */
async function readAll(stream: Stdin, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    length += bytes.length;
    if (length > limit) throw new FolioError(`The standard input holds more than ${megabytes(limit)}: that is no single text. Split it, or give a file.`, [], 'input');
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
