/**
 * `folio watch`: serves the edition and reports its rebuilds on stderr until Ctrl-C (or SIGTERM,
 * SIGHUP), which stops it cleanly — the server closed, the browser closed — with exit code 0.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from '../diagnostics.ts';
import { projectRoot } from '../pipeline/project.ts';
import { startWatch, type WatchEvent } from '../watch/watch.ts';
import { exitCodes, helpOption, manifestFrom, number, parse, printHelp, printTimeoutFrom, seconds, type Io } from './common.ts';
import { fromHere, reportingErrors } from './report.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runWatch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'watch',
    () =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { ...helpOption, manifest: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, css: { type: 'string', multiple: true }, 'print-timeout': { type: 'string' } },
      }),
    1,
  );
  if (values.help) return printHelp('watch', io);
  const port = values.port === undefined ? undefined : number('watch', '--port', values.port, { integer: true, min: 0, max: 65535 });
  const manifestPath = manifestFrom('watch', values.manifest, positionals);
  const root = projectRoot(manifestPath);
  const printTimeoutMs = printTimeoutFrom('watch', values['print-timeout']);
  return reportingErrors(io, 'text', root, async () => {
    const session = await startWatch({ manifestPath, port, host: values.host, stylesheets: values.css, printTimeoutMs, onEvent: (e) => io.err(watchLine(e, root)) });
    io.err(`folio: serving ${session.url} — Ctrl-C to stop\n`);
    const names = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    let stop!: (name: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const listeners = names.map((name) => [name, () => stop(name)] as const);
    for (const [name, listener] of listeners) process.on(name, listener);
    const signal = await stopped;
    for (const [name, listener] of listeners) process.off(name, listener);
    await session.close();
    io.err(`folio: stopped (${signal}).\n`);
    return exitCodes.ok;
  });
}

function watchLine(e: WatchEvent, root: string): string {
  switch (e.type) {
    case 'built':
      return `folio: rebuilt in ${seconds(e.ms)} (${e.warnings} warnings, ${e.infos} infos)\n`;
    case 'failed':
      return `${e.diagnostics.length ? `${formatReport(fromHere(e.diagnostics.filter((d) => d.severity !== 'info'), root))}\n` : ''}folio: build failed: ${e.message}\n`;
    case 'changed':
      return `folio: changed ${path.relative(process.cwd(), e.file) || e.file}\n`;
    case 'printed':
      return `folio: printed ${e.path} in ${seconds(e.ms)}\n`;
    case 'print-failed':
      return `folio: printing ${e.path} failed: ${e.message}\n`;
  }
}
