/**
 * Handlebars templates: `compendium.hbs` is the page, every other `*.hbs` is a partial named
 * after its file (`{{> cover}}`). Templates are read from a list of folders, Folio's own first:
 * a project's `templates/cover.hbs` replaces Folio's cover and nothing else. Each render uses
 * its own Handlebars environment, so helpers and partials never leak between builds or tests.
 *
 * A template the user wrote is input: a syntax error, a partial that does not exist or a helper
 * that fails is a FolioError naming the template's file and line, not a crash.
 */
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, FolioError, type Diagnostic } from '../diagnostics.ts';
import { formatFrenchDate } from '../language/fr/dates.ts';
import { displayPath } from '../sources/load.ts';
import { cssString } from './running-heads.ts';
import { counted, messagesFor, translate, type Messages } from '../messages/catalogue.ts';

export interface TemplateSet {
  /** Name of the main template (a key of `sources`). */
  main: string;
  /** Template sources by name (file name without `.hbs`). */
  sources: Record<string, string>;
  /** The file each template was read from, by name (for messages). */
  files?: Record<string, string>;
}

/**
 * Reads the `*.hbs` files of the folders, a later folder's file replacing an earlier one's of
 * the same name, and checks their syntax and the partials they name.
 * @param dirs the folders, Folio's own first (one folder is accepted too)
 * @param main the page template
 * @throws FolioError (input) naming the file and line of a syntax error or of an unknown
 *   partial, or when no folder has the main template
 */
export async function loadTemplates(dirs: string | readonly string[], main = 'compendium'): Promise<TemplateSet> {
  const folders = typeof dirs === 'string' ? [dirs] : dirs;
  const sources: Record<string, string> = {};
  const files: Record<string, string> = {};
  for (const dir of folders) {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      throw new FolioError(`Cannot read the templates folder ${displayPath(dir)}: ${(error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'it is not a folder' : 'no such folder'}.`, [], 'input');
    }
    for (const name of names) {
      if (!name.endsWith('.hbs')) continue;
      const file = path.join(dir, name);
      sources[name.slice(0, -4)] = await readFile(file, 'utf8');
      files[name.slice(0, -4)] = file;
    }
  }
  if (!(main in sources)) {
    throw new FolioError(`No ${main}.hbs in ${folders.map((d) => displayPath(d)).join(' or ')}: the templates folder must hold it, or leave it out to use Folio's own.`, [], 'input');
  }
  const diagnostics = Object.entries(sources).flatMap(([name, source]) => checkTemplate(name, source, files[name]!, sources));
  if (diagnostics.length) throw new FolioError('A template is invalid: fix it, or delete it from the project to use Folio’s own.', diagnostics);
  return { main, sources, files };
}

/** Syntax errors and unknown partials of one template, as diagnostics. */
function checkTemplate(name: string, source: string, file: string, all: Record<string, string>): Diagnostic[] {
  // Absolute: the command line shows it relative to where the user stands.
  const shown = file;
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    const expecting = /Expecting (.*), got (.*)$/m.exec(message);
    const what = expecting ? `expected ${expecting[1]!.split(', ').slice(0, 4).join(' or ')}, found ${expecting[2]}` : message.split('\n')[0]!;
    return [diagnostic(shown, { line, column: 1 }, { rule: 'template', severity: 'error', message: `Handlebars syntax error in ${name}.hbs: ${what}. Check the {{ }} of this line and the ones before it (an unclosed {{#if}} or {{#each}} is reported where the file ends).` })];
  }
  const problems: Diagnostic[] = [];
  walk(ast, (node) => {
    if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
    const partial = (node as hbs.AST.PartialStatement).name;
    if (partial.type !== 'PathExpression') return;
    const wanted = (partial as hbs.AST.PathExpression).original;
    if (!(wanted in all) && node.type === 'PartialStatement') {
      problems.push(
        diagnostic(shown, { line: node.loc.start.line, column: node.loc.start.column + 1 }, { rule: 'template', severity: 'error', message: `${name}.hbs includes {{> ${wanted}}}, but there is no template ${wanted}.hbs, neither in the project nor in Folio's own.` }),
      );
    }
  });
  return problems;
}

function walk(node: hbs.AST.Node, visit: (node: hbs.AST.Node) => void): void {
  visit(node);
  const n = node as Partial<hbs.AST.BlockStatement & hbs.AST.Program>;
  for (const child of n.body ?? []) walk(child, visit);
  if (n.program) walk(n.program, visit);
  if (n.inverse) walk(n.inverse, visit);
}

/**
 * Renders a template set with data.
 * @param templates main template and partials
 * @param data the view: edition model, documents' HTML, CSS…
 * @returns the rendered HTML
 * @throws FolioError (input) naming the main template when rendering fails (a helper Folio
 *   does not have, a partial called by a computed name that does not exist)
 */
export function renderTemplates(templates: TemplateSet, data: unknown): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(templates.sources)) {
    if (name !== templates.main) hb.registerPartial(name, source);
  }
  try {
    const template = hb.compile(templates.sources[templates.main]!, { strict: false, noEscape: false });
    return template(data);
  } catch (error) {
    const file = templates.files?.[templates.main];
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FolioError(`The template ${file ? displayPath(file) : `${templates.main}.hbs`} (or a partial it includes) cannot be rendered: ${message}. Check the names it uses against Folio's own templates.`, [], 'input');
  }
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('date', (value: unknown) => (typeof value === 'string' ? formatFrenchDate(value) : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('inc', (a: unknown) => Number(a) + 1);
  hb.registerHelper('cssString', (value: unknown) => cssString(typeof value === 'string' ? value : ''));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  // `{{joined " · " kind publisher (date date)}}`: the values that are there, joined; '' when none is.
  hb.registerHelper('joined', (sep: unknown, ...rest: unknown[]) =>
    rest
      .slice(0, -1)
      .filter((v) => typeof v === 'string' && v !== '')
      .join(typeof sep === 'string' ? sep : ' '),
  );
  // Messages of the edition's language (see src/messages): `{{t "handout.source"}}`, `{{t "colophon.repairs" count=3}}`.
  hb.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => translate(viewMessages(options), String(key), options.hash));
  hb.registerHelper('counted', (noun: unknown, count: unknown, options: Handlebars.HelperOptions) =>
    counted(viewMessages(options), String(noun) as keyof Messages['counted'], Number(count)),
  );
}

/** The catalogue of a view: its own `messages`, else that of its edition's language. */
function viewMessages(options: Handlebars.HelperOptions): Messages {
  const root = (options.data as { root?: { messages?: Messages; edition?: { language?: string }; language?: string } } | undefined)?.root;
  return root?.messages ?? messagesFor(root?.edition?.language ?? root?.language ?? 'fr');
}
