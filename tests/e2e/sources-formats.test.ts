/**
 * PDF, HTML, Markdown and text sources end to end, with Chrome:
 * - the European Parliament resolution's clean repaired form, printed with its bold phrases and
 *   running heads (with real bold faces, then in two columns with a bold the browser
 *   synthesizes), read back as a PDF source: its bold phrases exactly, no other bold, every word;
 * - an edition that gathers a PDF (printed here from Markdown), a saved web page, a Markdown note
 *   and a plain text builds, and its compendium holds each one's words, structure and emphasis.
 * Skips, loudly, only when no browser is installed.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusStats } from '../../src/language/corpus.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { openBrowser, type BrowserSession } from '../../src/render/browser.ts';
import { normalizeText } from '../../src/repair/pipeline.ts';
import { readSource } from '../../src/sources/formats.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { folio } from '../helpers/folio.ts';
import { writeFormatsExample } from '../helpers/formats-example.ts';
import { flat, readPdfText } from '../helpers/pdf.ts';
import { boldPhrases, compareWords, printMarkdown, wordsOf } from '../helpers/print-markdown.ts';

const root = path.join(import.meta.dirname, '..', '..');

describe.skipIf(!browserAvailable())('PDF, HTML and Markdown sources', () => {
  let session: BrowserSession;
  let lexicon: Lexicon;
  let clean: string;
  let expected: string[];

  beforeAll(async () => {
    session = await openBrowser();
    lexicon = await loadFrenchLexicon();
    const sources = path.join(root, 'sources');
    const texts = readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(path.join(sources, f), 'utf8')] as const);
    const resolution = 'parlement-europeen-resolution-partenariats.txt';
    clean = normalizeText(texts.find(([f]) => f === resolution)![1], resolution, { lexicon, corpus: buildCorpusStats(texts.map(([, t]) => t)) }).markdown;
    expected = (JSON.parse(readFileSync(path.join(root, 'tests', 'fixtures', 'corpus', 'resolution-bold.json'), 'utf8')) as { phrases: string[] }).phrases;
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const variant of [
    { label: 'with real bold faces', options: { bold: 'real', columns: 1 } },
    { label: 'in two columns, with a bold the browser synthesizes', options: { bold: 'synthetic', columns: 2 } },
  ] as const) {
    it(`gives back the resolution printed ${variant.label}: its 22 bold phrases exactly, every word`, async () => {
      const pdf = await printMarkdown(session, clean, { ...variant.options, runningHead: 'Partenariats de l’Union — résolution', hyphenate: true });
      const reading = await readSource(pdf, 'resolution.pdf', { lexicon });
      const repaired = normalizeText(reading.text, 'resolution.pdf', { lexicon, format: reading.format, locator: reading.locator, meta: reading.meta }).markdown;
      expect(boldPhrases(repaired)).toEqual(expected);
      const score = compareWords(wordsOf(clean), wordsOf(repaired));
      expect({ missing: score.missing, extra: score.extra }).toEqual({ missing: [], extra: [] });
      expect(reading.diagnostics.some((d) => d.rule === 'pdf-furniture' && /running head/u.test(d.message))).toBe(true);
    });
  }

  it('builds an edition of a PDF, a web page, a Markdown note and a text', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-formats-'));
    const manifestPath = await writeFormatsExample(session, dir);
    const out = path.join(dir, 'out');
    const { code, stderr } = await folio('build', '--manifest', manifestPath, '--out', out);
    expect(code, stderr).toBe(0);

    const normalized = async (id: string): Promise<string> => readFile(path.join(out, 'normalized', `${id}.md`), 'utf8');
    const ids = readdirSync(path.join(out, 'normalized')).map((f) => f.replace(/\.md$/u, ''));
    const byFile = async (needle: string): Promise<string> => {
      for (const id of ids) {
        const text = await normalized(id);
        if (text.includes(`source: ${needle}`) || text.includes(needle)) return text;
      }
      throw new Error(`no normalized text for ${needle}`);
    };
    const rapport = await byFile('rapport.pdf');
    expect(rapport).toContain('## 1. Les missions de l’année');
    expect(rapport).toContain('**Les deux satellites Aurore ont été placés sur leur orbite**');
    expect(rapport).toContain('*inférieure aux estimations*');
    expect(rapport).toContain('- Un troisième satellite est à l’étude');
    expect(rapport).not.toContain('rapport annuel\n');
    // Chrome prints the notes at the end: they come back as footnotes.
    expect(rapport).toContain('centre de contrôle régional[^1].');
    expect(rapport).toContain('[^1]: Le centre de contrôle régional dépend de l’Agence depuis sa création.');
    expect(rapport).not.toContain('truncated');
    const article = await byFile('article.html');
    expect(article).toMatch(/author: Camille Exemple/u);
    expect(article).toContain('[le rapport final](https://example.org/rapport)');
    expect(article).not.toContain('Accueil');
    const note = await byFile('note.md');
    expect(note).toContain('[la page des lancements](https://example.org/lancements)');
    expect(note).toContain('| Aurore-1 | mars |');

    const text = await readPdfText(new Uint8Array(await readFile(path.join(out, 'compendium.pdf'))));
    const all = flat(text.bodies.join(' '));
    for (const words of ['Les deux satellites Aurore ont été placés', 'Le pont de la Rivière fictive a rouvert', 'Aurore-2', 'approuver le budget des missions Aurore']) expect(all).toContain(words);
    expect(all).not.toContain('Agence spatiale fictive — rapport annuel');
    // The review page names places in the PDF by page and line.
    const review = await readFile(path.join(out, 'repairs.html'), 'utf8');
    expect(review).toMatch(/page \d+, ligne \d+/u);
  }, 600_000);
});
