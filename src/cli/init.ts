/**
 * `folio init [DIR]`: a project that builds at once — the manifest (commented), one sample text
 * and a `.gitignore` for the outputs. The skeleton's files are data, in Folio's
 * `templates/init/` (the `.gitignore` is stored as `gitignore`: npm leaves dot-files of that
 * name out of a package). Nothing is ever overwritten.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageDir } from '../package.ts';
import { manifestName } from '../pipeline/project.ts';
import { displayPath } from '../sources/load.ts';
import { exitCodes, helpOption, parse, printHelp, type Io } from './common.ts';

const skeleton = path.join(packageDir, 'templates', 'init');

/** A skeleton file's name in the project (`gitignore` → `.gitignore`). */
function targetName(file: string): string {
  return file === 'gitignore' ? '.gitignore' : file;
}

/** The edition title a folder's name suggests: `eau-potable` → `Eau potable`. */
export function titleFromFolder(folder: string): string {
  const words = path.basename(path.resolve(folder)).replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase('fr') + words.slice(1) : 'Mon dossier';
}

/** Runs the command with its arguments (after the command name); returns the exit code. */
export async function runInit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('init', () => parseArgs({ args, allowPositionals: true, options: { ...helpOption, title: { type: 'string' } } }), 1);
  if (values.help) return printHelp('init', io);
  const dir = path.resolve(positionals[0] ?? '.');
  const shown = displayPath(dir) || '.';
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    io.err(`folio: ${shown} is a file, not a folder: give the folder to create the project in.\n`);
    return exitCodes.sourceErrors;
  }
  const files = (await readdir(skeleton, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(skeleton, path.join(e.parentPath, e.name)));
  const targets = files.map((f) => ({ from: path.join(skeleton, f), to: path.join(dir, targetName(f)) }));
  const existing = [];
  for (const t of targets) if (await stat(t.to).catch(() => undefined)) existing.push(displayPath(t.to));
  if (existing.length) {
    io.err(`folio: ${shown} already holds ${existing.join(', ')}: nothing was written. Choose an empty folder${existing.some((f) => f.endsWith(manifestName)) ? ', or build this project with `folio build`' : ''}.\n`);
    return exitCodes.sourceErrors;
  }
  // A title YAML reads as text whatever it holds (quotes, colons): a JSON string is YAML.
  const title = JSON.stringify(values.title?.trim() || titleFromFolder(dir));
  for (const t of targets) {
    await mkdir(path.dirname(t.to), { recursive: true });
    let data = await readFile(t.from, 'utf8');
    if (path.basename(t.to) === manifestName) data = data.replace('__TITLE__', title);
    await writeFile(t.to, data, { flag: 'wx' });
  }
  const here = dir === process.cwd();
  io.err(
    `folio: created ${targets.map((t) => displayPath(t.to)).join(', ')}\n` +
      `Next: put your texts (.txt, .md, .html or .pdf) in ${displayPath(path.join(dir, 'textes'))}/, name them under \`documents:\` in ${displayPath(path.join(dir, manifestName))}, and build:\n` +
      `  folio build${here ? '' : ` ${shown}`}\n`,
  );
  return exitCodes.ok;
}
