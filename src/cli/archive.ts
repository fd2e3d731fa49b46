/**
 * `folio archive`: lists or verifies an archive of editions.
 */
import { parseArgs } from 'node:util';
import { isIntact, listArchive, verifyArchive } from '../archive/verify.ts';
import { exitCodes, help, helpOption, parse, printHelp, UsageError, type Io } from './common.ts';

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runArchive(args: string[], io: Io): Promise<number> {
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
