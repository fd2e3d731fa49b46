/**
 * Handlebars templates: `templates/compendium.hbs` is the page, every other `*.hbs` of the folder
 * is a partial named after its file (`{{> cover}}`). Each render uses its own Handlebars
 * environment, so helpers and partials never leak between builds or tests.
 */
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatFrenchDate } from '../language/fr/dates.ts';
import { cssString } from './running-heads.ts';
import { counted, messagesFor, translate, type Messages } from '../messages/catalogue.ts';

export interface TemplateSet {
  /** Name of the main template (a key of `sources`). */
  main: string;
  /** Template sources by name (file name without `.hbs`). */
  sources: Record<string, string>;
}

/** Reads all `*.hbs` files of a folder. */
export async function loadTemplates(dir: string, main = 'compendium'): Promise<TemplateSet> {
  const sources: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.hbs')) sources[name.slice(0, -4)] = await readFile(path.join(dir, name), 'utf8');
  }
  if (!(main in sources)) throw new Error(`No ${main}.hbs in ${dir}`);
  return { main, sources };
}

/**
 * Renders a template set with data.
 * @param templates main template and partials
 * @param data the view: edition model, documents' HTML, CSS…
 * @returns the rendered HTML
 */
export function renderTemplates(templates: TemplateSet, data: unknown): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(templates.sources)) {
    if (name !== templates.main) hb.registerPartial(name, source);
  }
  const template = hb.compile(templates.sources[templates.main]!, { strict: false, noEscape: false });
  return template(data);
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('date', (value: unknown) => (typeof value === 'string' ? formatFrenchDate(value) : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('inc', (a: unknown) => Number(a) + 1);
  hb.registerHelper('cssString', (value: unknown) => cssString(typeof value === 'string' ? value : ''));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
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
