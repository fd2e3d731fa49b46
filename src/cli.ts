/**
 * The `folio` command: dispatches to the command's module (`src/cli/`), which turns arguments
 * into typed options, calls the library and prints; reports failures and returns the exit code.
 * Nothing else happens here.
 */
import { FolioError, formatReport } from './diagnostics.ts';
import { folioVersion } from './package.ts';
import { exitCodes, help, UsageError, type Io } from './cli/common.ts';
import { safeIo } from './cli/report.ts';

export { exitCodes } from './cli/common.ts';

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs the command line.
 * @param argv arguments after `folio`
 * @returns the exit code
 */
export async function main(argv: string[], terminal: Io = processIo): Promise<number> {
  // What a source holds reaches messages: no control character of it may reach the terminal.
  const io = safeIo(terminal);
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
      // Each command is imported when it runs, so that `folio --help` loads almost nothing.
      case 'init':
        return await (await import('./cli/init.ts')).runInit(rest, io);
      case 'build':
        return await (await import('./cli/build.ts')).runBuild(rest, io);
      case 'normalize':
        return await (await import('./cli/normalize.ts')).runNormalize(rest, io);
      case 'check':
        return await (await import('./cli/check.ts')).runCheck(rest, io);
      case 'watch':
        return await (await import('./cli/watch.ts')).runWatch(rest, io);
      case 'archive':
        return await (await import('./cli/archive.ts')).runArchive(rest, io);
      default:
        io.err(`folio: unknown command "${command}".\n\n${help.main}\n`);
        return exitCodes.usage;
    }
  } catch (error) {
    return reportFailure(error, io);
  }
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
  if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EEXIST') {
    io.err(`folio: cannot write: ${(error as Error).message}. Check that the folder is a folder, its permissions and the free space.\n`);
    return exitCodes.environment;
  }
  io.err(`folio: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in Folio. Run again with FOLIO_DEBUG=1 for details, and report it.\n`);
  if (process.env.FOLIO_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
  return exitCodes.internal;
}
