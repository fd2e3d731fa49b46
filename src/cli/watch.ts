/**
 * `folio watch`: serves the edition and reports its rebuilds on stderr until Ctrl-C.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from '../diagnostics.ts';
import { startWatch, type WatchEvent } from '../watch/watch.ts';
import { defaultManifest, exitCodes, helpOption, number, parse, printHelp, seconds, type Io } from './common.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runWatch(args: string[], io: Io): Promise<number> {
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
