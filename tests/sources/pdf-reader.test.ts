/**
 * The PDF reader on PDFs the test makes with pdf-lib, each built to show one thing a reader sees
 * on the page: running heads and page numbers, a title and headings, bold across a line break,
 * italic, a word hyphenated at a line end and a compound that keeps its hyphen, a footnote call
 * and its note, a link, a list with a hanging indent, a paragraph cut by a page break, code, two
 * columns, a bold drawn with a stroke, TeX's accents drawn apart from their letters; and the PDFs
 * it must refuse with a clear message: damaged, protected by a password, scanned.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { loadFrenchLexicon, type Lexicon } from '../../src/language/fr/lexicon.ts';
import { readSource } from '../../src/sources/formats.ts';
import { readPdf, type PdfReading } from '../../src/sources/pdf/read-pdf.ts';
import { buildLines } from '../../src/sources/pdf/lines.ts';
import { writeMarkdown } from '../../src/sources/pdf/markdown.ts';
import { unwrapCode } from '../../src/sources/pdf/structure.ts';
import { readRuledTables } from '../../src/sources/pdf/ruled-tables.ts';
import { readingOrder } from '../../src/sources/pdf/layout.ts';
import { findDrawings } from '../../src/sources/pdf/drawings.ts';
import type { TextLine } from '../../src/sources/pdf/lines.ts';
import { folio } from '../helpers/folio.ts';
import { makePdf, setParagraph, textWidth, type TextItem } from '../helpers/make-pdf.ts';

let lexicon: Lexicon;
let report: PdfReading;
let dir: string;

const head = (n: number): TextItem[] => [
  { text: 'Agence spatiale fictive — rapport annuel', x: 200, y: 805, size: 9, font: 'serif-italic' },
  { text: String(n), x: 295, y: 40, size: 9 },
];

/** Words of a sentence, each in the font given by `bold` and `italic` ranges of word indexes. */
function words(sentence: string, styles: Record<number, TextItem['font']> = {}): { text: string; font?: TextItem['font'] }[] {
  return sentence.split(' ').map((text, i) => ({ text, font: styles[i] }));
}

async function reportPdf(): Promise<Uint8Array> {
  const page1: TextItem[] = [...head(1)];
  page1.push({ text: 'Rapport sur les orbites fictives', x: 60, y: 740, size: 20, font: 'serif-bold' });
  page1.push({ text: '1. Contexte général', x: 60, y: 700, size: 14, font: 'serif-bold' });
  const bold: Record<number, 'serif-bold'> = {};
  for (let i = 9; i <= 17; i++) bold[i] = 'serif-bold';
  const p1 = await setParagraph(
    words('Le conseil de l’agence a décidé cette année que les satellites de la flotte civile seront inspectés chaque trimestre par une équipe indépendante, comme le prévoit la charte.', { ...bold, 21: 'serif-italic' }),
    { x: 60, y: 672, width: 250 },
  );
  page1.push(...p1.items);
  // A word cut at the line end, and a compound whose hyphen stays.
  let y = p1.y - 8;
  page1.push({ text: 'La mission a confirmé la bonne coopé-', x: 60, y });
  page1.push({ text: 'ration des deux équipes et du porte-', x: 60, y: (y -= 14) });
  page1.push({ text: 'avions fictif, voisin de l’orbite', x: 60, y: (y -= 14) });
  const w = await textWidth('avions fictif, voisin de l’orbite');
  page1.push({ text: '1', x: 60 + w, y: y + 4, size: 7 });
  page1.push({ text: '. Voir', x: 60 + w + 4, y });
  const w2 = (await textWidth('. Voir')) + (await textWidth(' '));
  page1.push({ text: 'le site de l’agence', x: 60 + w + 4 + w2, y, link: 'https://example.org/agence' });
  page1.push({ text: 'pour le calendrier complet des opérations.', x: 60, y: (y -= 14) });
  // A list: markers, a hanging indent.
  page1.push({ text: '•', x: 70, y: (y -= 24) });
  page1.push({ text: 'Premier point de la liste, assez long pour', x: 82, y });
  page1.push({ text: 'aller sur une seconde ligne.', x: 82, y: (y -= 14) });
  page1.push({ text: '•', x: 70, y: (y -= 14) });
  page1.push({ text: 'Second point.', x: 82, y });
  // A paragraph the page break cuts in the middle of a sentence.
  page1.push({ text: 'Les travaux sur les antennes se poursuivront pendant la', x: 60, y: (y -= 24) });
  // The note at the foot of the page.
  page1.push({ text: '1', x: 60, y: 84, size: 6 });
  page1.push({ text: 'Voir l’annexe technique du rapport.', x: 64, y: 80, size: 8 });

  const page2: TextItem[] = [...head(2)];
  page2.push({ text: 'saison suivante, selon le calendrier de l’agence.', x: 60, y: 760 });
  page2.push({ text: '2. Résultats', x: 60, y: 720, size: 14, font: 'serif-bold' });
  page2.push({ text: 'Les mesures ont été prises à bord, chaque nuit, par les deux', x: 60, y: 692 });
  page2.push({ text: 'instruments de la station orbitale fictive.', x: 60, y: 678 });
  page2.push({ text: 'orbite --calcul --jours 12', x: 70, y: 650, font: 'mono', size: 10 });
  page2.push({ text: 'orbite --rapport', x: 70, y: 638, font: 'mono', size: 10 });
  page2.push({ text: 'Les commandes ci-dessus donnent les tables du rapport.', x: 60, y: 612 });

  const page3: TextItem[] = [...head(3), { text: 'Fin du rapport de l’agence spatiale fictive.', x: 60, y: 760 }];
  return makePdf([{ items: page1 }, { items: page2 }, { items: page3 }]);
}

beforeAll(async () => {
  lexicon = await loadFrenchLexicon();
  dir = await mkdtemp(path.join(os.tmpdir(), 'folio-pdf-'));
  report = await readPdf(await reportPdf(), 'rapport.pdf', { lexicon });
});

describe('a report of three pages', () => {
  it('takes the largest type of the first page as the title, and the headings with their numbers', () => {
    expect(report.meta.title).toBe('Rapport sur les orbites fictives');
    expect(report.text).toContain('## 1. Contexte général\n');
    expect(report.text).toContain('## 2. Résultats\n');
  });

  it('leaves out the running head and the page numbers, and says so with their pages', () => {
    expect(report.text).not.toContain('Agence spatiale fictive — rapport');
    expect(report.text).not.toMatch(/^\d+$/mu);
    const furniture = report.diagnostics.filter((d) => d.rule === 'pdf-furniture');
    expect(furniture.map((d) => d.message).join(' ')).toMatch(/running head.*3 pages \(1–3\)/u);
    expect(furniture.map((d) => d.message).join(' ')).toMatch(/page number/u);
    expect(furniture.every((d) => d.page === 1)).toBe(true);
  });

  it('keeps a bold run across a line break as one phrase, and italic', () => {
    expect(report.text).toContain('que **les satellites de la flotte civile seront inspectés chaque** trimestre');
    expect(report.text.match(/\*\*/gu)).toHaveLength(2);
    expect(report.text).toContain('par une *équipe* indépendante');
  });

  it('rejoins a word hyphenated at a line end, and keeps the hyphen of a compound', () => {
    expect(report.text).toContain('la bonne coopération des deux équipes et du porte-avions fictif');
  });

  it('links the footnote call to the note at the page foot', () => {
    expect(report.text).toContain('voisin de l’orbite[^1]. Voir');
    expect(report.text).toMatch(/\n\[\^1\]: Voir l’annexe technique du rapport\.\n$/u);
  });

  it('keeps the link annotation as a link', () => {
    expect(report.text).toContain('[le site de l’agence](https://example.org/agence)');
  });

  it('reads the list items with their hanging lines', () => {
    expect(report.text).toContain('\n- Premier point de la liste, assez long pour aller sur une seconde ligne.\n- Second point.\n');
  });

  it('joins the paragraph that the page break cut in the middle of a sentence', () => {
    expect(report.text).toContain('Les travaux sur les antennes se poursuivront pendant la saison suivante, selon le calendrier de l’agence.');
    expect(report.diagnostics.some((d) => d.rule === 'pdf-page-join' && d.page === 2)).toBe(true);
  });

  it('makes a code line that the page wrapped, its cut marked by an arrow, one line again, and says so', () => {
    const at = (line: number) => ({ page: 3, line, column: 1 });
    const findings: Parameters<typeof unwrapCode>[1] = [];
    const lines = unwrapCode([
      { text: 'orbite --calcul --jours 12 --station ←↩', origin: at(4) },
      { text: '    nord --rapport', origin: at(5) },
      { text: 'orbite --fin ↩', origin: at(6) },
    ], findings);
    expect(lines.map((l) => l.text)).toEqual(['orbite --calcul --jours 12 --station nord --rapport', 'orbite --fin ↩']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.origin).toEqual(at(4));
  });

  it('keeps monospace lines as code', () => {
    expect(report.text).toContain('```\norbite --calcul --jours 12\norbite --rapport\n```');
  });

  it('points every diagnostic to a page and a line of the PDF', () => {
    expect(report.diagnostics.length).toBeGreaterThan(0);
    for (const d of report.diagnostics) expect(formatDiagnostic(d)).toMatch(/^rapport\.pdf#page=\d+:\d+:\d+: /u);
    const heading = report.diagnostics.find((d) => d.rule === 'pdf-heading' && d.message.includes('2. Résultats'))!;
    // Page 2: the running head is line 1, the sentence from page 1 line 2, the heading line 3.
    expect(heading).toMatchObject({ page: 2, line: 3, column: 1 });
    const at = report.locator.at(report.text.indexOf('Les mesures ont été prises'));
    expect(at).toMatchObject({ page: 2, line: 4, column: 1 });
  });

  it('is what `folio normalize` prints for the PDF, with the title as front matter', async () => {
    const file = path.join(dir, 'rapport.pdf');
    await writeFile(file, await reportPdf());
    const { code, stdout, stderr } = await folio('normalize', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\ntitle: Rapport sur les orbites fictives\n---\n/u);
    expect(stdout).toContain('**les satellites de la flotte civile seront inspectés chaque**');
    expect(stderr).toMatch(/rapport\.pdf#page=1:\d+:1: info: A running head/u);
  });
});

describe('layouts and glyphs', () => {
  it('reads two columns one after the other', async () => {
    const left = await setParagraph(words('La colonne de gauche commence ici et raconte la première partie de l’histoire des satellites fictifs, jusqu’à la fin de sa phrase.'), { x: 50, y: 760, width: 230 });
    const right = await setParagraph(words('La colonne de droite raconte la suite de l’histoire, avec les stations orbitales et leurs équipages imaginaires, puis elle se termine.'), { x: 315, y: 760, width: 230 });
    const r = await readPdf(await makePdf([{ items: [...left.items, ...right.items] }]), 'colonnes.pdf', { lexicon });
    expect(r.text).toBe(
      'La colonne de gauche commence ici et raconte la première partie de l’histoire des satellites fictifs, jusqu’à la fin de sa phrase.\n\n' +
        'La colonne de droite raconte la suite de l’histoire, avec les stations orbitales et leurs équipages imaginaires, puis elle se termine.\n',
    );
  });

  it('takes text painted with a stroke as bold', async () => {
    const a = await textWidth('Le texte ');
    const b = await textWidth('en gras simulé');
    const pdf = await makePdf([{ items: [{ text: 'Le texte ', x: 60, y: 700 }, { text: 'en gras simulé', x: 60 + a, y: 700, stroke: true }, { text: ' ici, dans une phrase.', x: 60 + a + b, y: 700 }] }]);
    const r = await readPdf(pdf, 'trait.pdf', { lexicon });
    expect(r.text).toBe('Le texte **en gras simulé** ici, dans une phrase.\n');
  });

  it('puts a spacing accent drawn over a letter on that letter, as TeX draws them', async () => {
    const d = await textWidth('Une d');
    const e = await textWidth('e');
    const acute = await textWidth('´');
    const items: TextItem[] = [
      { text: 'Une d', x: 60, y: 700 },
      // TeX draws the accent first, centred over the letter that follows.
      { text: '´', x: 60 + d + (e - acute) / 2, y: 700 },
      { text: 'ecision claire.', x: 60 + d, y: 700 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'accents.pdf', { lexicon });
    expect(r.text).toBe('Une décision claire.\n');
  });

  it('reads the fine spaces of French drawn as white (before ; and », after «) as spaces', async () => {
    // An eighth of an em at 11 pt, narrower than the white between words.
    const fine = 11 * 0.11;
    const space = await textWidth(' ');
    const parts = ['Il', 'lit', 'le', 'texte', ';', 'il', 'cite', '«', 'Fin', '»', '.'];
    const gaps = [space, space, space, fine, space, space, space, fine, fine, 0];
    const items: TextItem[] = [];
    let x = 60;
    for (const [i, text] of parts.entries()) {
      items.push({ text, x, y: 700 });
      x += (await textWidth(text)) + (gaps[i] ?? 0);
    }
    const r = await readPdf(await makePdf([{ items }]), 'espaces.pdf', { lexicon });
    expect(r.text).toBe('Il lit le texte ; il cite « Fin ».\n');
  });

  it('keeps a heading whole when its first line ends on a word no heading ends on', async () => {
    const items: TextItem[] = [
      { text: 'Rapport fictif', x: 60, y: 760, size: 20, font: 'serif-bold' },
      { text: 'Une phrase d’introduction assez longue pour donner la mesure du texte courant.', x: 60, y: 730 },
      { text: 'Mise à jour des outils et prise en charge de', x: 60, y: 700, font: 'serif-bold' },
      { text: 'l’écran large', x: 60, y: 686, font: 'serif-bold' },
      { text: 'Le texte de la section commence ici et continue sur la ligne.', x: 60, y: 666 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'titre.pdf', { lexicon });
    expect(r.text).toContain('## Mise à jour des outils et prise en charge de l’écran large\n');
  });

  it('keeps the space after a subscript or a superscript set apart from the next word', async () => {
    const at = async (x: number, parts: [string, number, number][]): Promise<TextItem[]> => {
      const out: TextItem[] = [];
      for (const [text, size, y] of parts) {
        out.push({ text, x, y, size });
        x += await textWidth(text, 'serif', size);
      }
      return out;
    };
    const items: TextItem[] = [
      { text: 'Une phrase d’introduction assez longue pour donner la mesure du texte courant.', x: 60, y: 760 },
      ...(await at(60, [['Soit R', 11, 740], ['1', 8, 737], [' la résistance et C', 11, 740], ['2', 8, 737], [' la capacité.', 11, 740]])),
    ];
    const r = await readPdf(await makePdf([{ items }]), 'indices.pdf', { lexicon });
    expect(r.text).toContain('Soit R₁ la résistance et C₂ la capacité.');
  });

  it('links the notes gathered at the foot of the last page to the raised calls of the pages before', async () => {
    const body = (y: number, n: number): TextItem[] => [0, 1, 2, 3].map((k) => ({ text: `Une phrase assez longue du rapport fictif, page après page, la ligne ${n + k} du texte`, x: 60, y: y - 14 * k }));
    const page1: TextItem[] = [...body(760, 1), { text: 'Le protocole fictif', x: 60, y: 700 }, { text: '1', x: 60 + (await textWidth('Le protocole fictif')), y: 705, size: 7 }, { text: ' sert aux stations.', x: 60 + (await textWidth('Le protocole fictif')) + (await textWidth('1', 'serif', 7)), y: 700 }];
    const page2: TextItem[] = [...body(760, 2), { text: 'Fin du rapport.', x: 60, y: 700 }, { text: '1. Un protocole inventé pour l’exemple.', x: 60, y: 100, size: 8 }, { text: '2. Une autre note sans appel.', x: 60, y: 90, size: 8 }];
    const r = await readPdf(await makePdf([{ items: page1 }, { items: page2 }]), 'fin.pdf', { lexicon });
    expect(r.text).toContain('Le protocole fictif[^1] sert aux stations.');
    expect(r.text).toContain('[^1]: Un protocole inventé pour l’exemple.');
    expect(r.diagnostics.some((d) => d.rule === 'pdf-note' && d.page === 2)).toBe(true);
  });

  it('keeps a bold title whole when a line end cut its last word, the rest of the word starting the next line', async () => {
    const items: TextItem[] = [
      { text: 'Les stations fictives envoient leurs messages chaque nuit au relais du nord.', x: 60, y: 760 },
      { text: 'Interrogation des enregis-', x: 60, y: 730, font: 'serif-bold' },
      { text: 'trements du relais', x: 60, y: 716, font: 'serif-bold' },
      { text: 'Le relais garde chaque message une semaine, puis le range dans ses archives.', x: 60, y: 700 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'titre-coupe.pdf', { lexicon });
    expect(r.text).toContain('Interrogation des enregistrements du relais\n\nLe relais garde');
  });

  it('keeps a caption in bold type of the text’s size as a caption, not a heading', async () => {
    const items: TextItem[] = [
      { text: 'Rapport fictif', x: 60, y: 760, size: 20, font: 'serif-bold' },
      { text: 'Une phrase d’introduction assez longue pour donner la mesure du texte courant.', x: 60, y: 730 },
      { text: 'Figure 3. L’antenne de la station', x: 60, y: 700, font: 'serif-bold' },
      { text: 'Le texte reprend ici après la figure et continue sur la ligne.', x: 60, y: 680 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'legende.pdf', { lexicon });
    expect(r.text).toContain('\n**Figure 3. L’antenne de la station**\n\nLe texte reprend ici');
    expect(r.diagnostics.some((d) => d.rule === 'pdf-heading' && d.message.includes('Figure 3'))).toBe(false);
  });

  it('reads an item opening on a bold run over full lines as an item, and a second paragraph hanging at its text as its own', async () => {
    const intro = await setParagraph(words('Une phrase d’introduction assez longue pour donner la mesure du texte courant, et qui va sur une autre ligne entière.'), { x: 60, y: 760, width: 262 });
    const step = async (sentence: string, boldWords: number, y: number): Promise<{ items: TextItem[]; y: number }> => {
      const bold: Record<number, 'serif-bold'> = {};
      for (let i = 0; i < boldWords; i++) bold[i] = 'serif-bold';
      return setParagraph(words(sentence, bold), { x: 82, y, width: 240 });
    };
    // The bold run stops inside a line, then exactly at a line end.
    const first = await step('Ouvrez le fichier de la station dans l’outil et donnez-lui le profil de couleur de l’agence fictive sans rien changer : allez au menu des réglages.', 17, intro.y - 6);
    const second = await step('Comme le montre la figure, les tons clairs sont remis.', 0, first.y);
    const run = await step('Copiez le calque de la station et nommez-le selon le profil de couleur retenu par l’agence fictive pour la saison suivante', 99, second.y - 6);
    const baselines = [...new Set(run.items.map((i) => i.y))];
    const third = [...run.items.filter((i) => i.y >= baselines[1]!), { text: 'et allez au menu des calques.', x: 82, y: baselines[2]! }];
    const phrase = run.items.filter((i) => i.y >= baselines[1]!).map((i) => i.text).join(' ');
    const items: TextItem[] = [...intro.items, { text: '1.', x: 70, y: first.items[0]!.y }, ...first.items, ...second.items, { text: '2.', x: 70, y: baselines[0]! }, ...third];
    const r = await readPdf(await makePdf([{ items }]), 'etapes.pdf', { lexicon });
    expect(r.text).toContain('\n1. **Ouvrez le fichier de la station dans l’outil et donnez-lui le profil de couleur de l’agence fictive** sans rien changer : allez au menu des réglages.\n\nComme le montre');
    expect(r.text).toContain(`\n2. **${phrase}** et allez au menu des calques.\n`);
    expect(r.diagnostics.some((d) => d.rule === 'pdf-heading')).toBe(false);
  });

  it('goes on with a sentence whose next line starts with a star, not a list item', async () => {
    const items: TextItem[] = [
      { text: 'Les noms de la station fictive évitent les signes qui servent au terminal : & ^', x: 60, y: 760 },
      { text: '* % et @. Le reste du nom peut porter des lettres, des chiffres et des points.', x: 60, y: 746 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'signes.pdf', { lexicon });
    expect(r.text).toBe('Les noms de la station fictive évitent les signes qui servent au terminal : & ^ \\* % et @. Le reste du nom peut porter des lettres, des chiffres et des points.\n');
  });

  it('goes on with a sentence whose line ended short before a word in guillemets, which does not break', async () => {
    const lines = [
      'Une phrase d’introduction assez longue pour donner la mesure du texte courant ici.',
      'Une autre phrase assez longue pour donner la mesure du texte et des lignes pleines.',
      'Le nom de cette commande de la station orbitale en version anglaise est',
      '« Buffers ». La suite vient ensuite dans le même paragraphe.',
    ];
    const items: TextItem[] = lines.map((text, i) => ({ text, x: 60, y: 760 - i * 14 }));
    const full = await textWidth(lines[1]!);
    const short = await textWidth(lines[2]!);
    // Room for five letters, not for the unbreakable `« Buffers ».`.
    expect(full - short).toBeGreaterThan(await textWidth('« Buff'));
    expect(full - short).toBeLessThan(await textWidth('« Buffers ».'));
    const r = await readPdf(await makePdf([{ items }]), 'guillemets.pdf', { lexicon });
    expect(r.text).toContain('version anglaise est « Buffers ». La suite');
  });

  it('separates the words of a cell printed over the start of the next one', async () => {
    const w = await textWidth('Une cellule trop longue');
    const items: TextItem[] = [
      { text: 'Une phrase d’introduction assez longue pour donner la mesure du texte courant.', x: 60, y: 760 },
      { text: 'Une cellule trop longue', x: 60, y: 740 },
      { text: 'déborde sur la suivante.', x: 60 + w - 15, y: 740 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'cellules.pdf', { lexicon });
    expect(r.text).toContain('trop longue déborde');
  });

  it('reads TeX’s degree sign named ř after a number as °, and its delta named as the increment sign as Δ', () => {
    let x = 60;
    const glyphs = [...'La phase varie de 360ř pour ∆D, et Dvořák reste.'].map((text) => {
      const g = { text, x, y: 700, width: 5, size: 10, font: 'f', stroked: false, invisible: false, rotated: false, space: text === ' ', slanted: false, bold: false, italic: false, monospace: false };
      x += 5;
      return g;
    });
    expect(buildLines(glyphs).lines.map((l) => l.text)).toEqual(['La phase varie de 360° pour ΔD, et Dvořák reste.']);
  });

  it('does not join across a page break a line that ended well short of its column, as a term before its definition', async () => {
    const intro = await setParagraph(words('Une phrase d’introduction assez longue pour donner la mesure du texte courant, et qui va sur plusieurs lignes entières de la page.'), { x: 60, y: 760, width: 262 });
    const page1: TextItem[] = [...intro.items, { text: 'Itérations', x: 60, y: intro.y - 8 }];
    const page2: TextItem[] = [{ text: 'Nombre de passages du filtre sur le calque de la station.', x: 60, y: 760 }];
    const r = await readPdf(await makePdf([{ items: page1 }, { items: page2 }]), 'terme.pdf', { lexicon });
    expect(r.text).toContain('\n\nItérations\n\nNombre de passages');
  });

  it('writes monospace pieces that touch as one code span, whatever their emphasis', () => {
    const origin = { page: 1, line: 1, column: 1 };
    const span = (text: string, code: boolean, italic = false) => ({ text, bold: false, italic, code, origin });
    const md = writeMarkdown([{ kind: 'paragraph', spans: [span('Voir ', false), span('/etc/orbite/', true), span('nom_station', true, true), span(' puis ', false), span('a', true), span(' ', false), span('b', true)], origin }]);
    expect(md.text).toBe('Voir `/etc/orbite/nom_station` puis `a` `b`\n');
  });

  it('keeps the hyphen at the end of a monospace word cut at a line end: code is not hyphenated', async () => {
    const w = await textWidth('Installez le paquet ');
    const items: TextItem[] = [
      { text: 'Une phrase d’introduction assez longue pour donner la mesure du texte courant.', x: 60, y: 760 },
      { text: 'Installez le paquet ', x: 60, y: 740 },
      { text: 'zorbmulti-', x: 60 + w, y: 740, font: 'mono' },
      { text: 'orbite', x: 60, y: 726, font: 'mono' },
      { text: ' pour la station.', x: 60 + (await textWidth('orbite', 'mono')), y: 726 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'code.pdf', { lexicon });
    expect(r.text).toContain('`zorbmulti-orbite` pour la station.');
  });

  it('links notes called by plain digits glued to their words, as WeasyPrint prints them', async () => {
    const items: TextItem[] = [
      { text: 'Le protocole fictif ORBX1 et le format TLM-82, décrits par l’agence3, servent', x: 60, y: 760 },
      { text: 'aux stations depuis 2024 ; la version IPv6 reste prévue.', x: 60, y: 746 },
      { text: '1. https://example.org/orbx', x: 60, y: 100, size: 8 },
      { text: '2. https://example.org/tlm-8', x: 60, y: 90, size: 8 },
      { text: '3. Le site de l’agence fictive.', x: 60, y: 80, size: 8 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'appels.pdf', { lexicon });
    expect(r.text).toBe(
      'Le protocole fictif ORBX[^1] et le format TLM-8[^2], décrits par l’agence[^3], servent aux stations depuis 2024 ; la version IPv6 reste prévue.\n\n' +
        '[^1]: https://example.org/orbx\n\n[^2]: https://example.org/tlm-8\n\n[^3]: Le site de l’agence fictive.\n',
    );
  });

  it('links a page’s only note, called by a plain number glued to a word, and leaves a small numbered line no word calls as text', async () => {
    const page = (call: string): TextItem[] => [
      { text: `Les stations fictives suivent la norme de l’agence${call}. Par exemple, la station`, x: 60, y: 760 },
      { text: 'du nord garde ses journaux dans un dossier à part.', x: 60, y: 746 },
      { text: '13. https://example.org/norme', x: 60, y: 80, size: 8 },
    ];
    const called = await readPdf(await makePdf([{ items: page('13') }]), 'seule.pdf', { lexicon });
    expect(called.text).toBe('Les stations fictives suivent la norme de l’agence[^13]. Par exemple, la station du nord garde ses journaux dans un dossier à part.\n\n[^13]: https://example.org/norme\n');
    const uncalled = await readPdf(await makePdf([{ items: page('') }]), 'sans-appel.pdf', { lexicon });
    expect(uncalled.text).not.toContain('[^');
    expect(uncalled.text).toContain('13. https://example.org/norme');
  });

  it('keeps small lines at the page foot that start with numbers out of sequence as text, not notes', async () => {
    const items: TextItem[] = [
      { text: 'Le journal de la station fictive donne ceci :', x: 60, y: 760 },
      { text: '$ orbite --journal', x: 60, y: 110, size: 8, font: 'mono' },
      { text: '1 paquet transmis, 0 reçu', x: 60, y: 100, size: 8, font: 'mono' },
      { text: '1 paquet transmis, 1 reçu', x: 60, y: 90, size: 8, font: 'mono' },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'journal.pdf', { lexicon });
    expect(r.text).not.toContain('[^');
    expect(r.text).toContain('1 paquet transmis, 0 reçu');
  });

  it('joins a web address that a line end cut anywhere, even in its scheme or after a dot', async () => {
    const line = async (y: number, parts: [string, TextItem['font']][]): Promise<TextItem[]> => {
      const items: TextItem[] = [];
      let x = 60;
      for (const [text, font] of parts) {
        items.push({ text, x, y, font });
        x += await textWidth(text, font ?? 'serif');
      }
      return items;
    };
    const items = [
      ...(await line(760, [['Le guide de l’agence fictive se lit en ligne, voir la page (', 'serif'], ['htt', 'mono']])),
      ...(await line(746, [['ps://example.org/guide/orbites-', 'mono'], [') ou le site (', 'serif'], ['https://example.', 'mono']])),
      ...(await line(732, [['org/Stations', 'mono'], [') de la station.', 'serif']])),
    ];
    const r = await readPdf(await makePdf([{ items }]), 'adresses.pdf', { lexicon });
    expect(r.text).toBe('Le guide de l’agence fictive se lit en ligne, voir la page (`https://example.org/guide/orbites-`) ou le site (`https://example.org/Stations`) de la station.\n');
  });

  it('goes on after a page break with an address cut there, set in smaller monospace type', async () => {
    const parts = async (y: number, list: [string, TextItem['font'], number][]): Promise<TextItem[]> => {
      const items: TextItem[] = [];
      let x = 60;
      for (const [text, font, size] of list) {
        items.push({ text, x, y, font, size });
        x += await textWidth(text, font ?? 'serif', size);
      }
      return items;
    };
    const page1 = [
      { text: 'Le guide de la station fictive se lit en ligne, avec ses cartes des orbites et ses', x: 60, y: 760 },
      ...(await parts(746, [['notes (', 'serif', 11], ['https://example.org/stations/', 'mono', 9]])),
    ];
    const page2 = await parts(760, [['orbites/guide', 'mono', 9], [') pour les équipes de la flotte civile.', 'serif', 11]]);
    const r = await readPdf(await makePdf([{ items: page1 }, { items: page2 }]), 'adresse-coupee.pdf', { lexicon });
    expect(r.text).toBe('Le guide de la station fictive se lit en ligne, avec ses cartes des orbites et ses notes (`https://example.org/stations/orbites/guide`) pour les équipes de la flotte civile.\n');
  });

  it('reads a justified line whose word spaces were stretched as one line, not as cells', async () => {
    const words = ['Le ', 'satellite ', 'fictif ', 'tourne.'];
    const items: TextItem[] = [];
    let x = 60;
    for (const text of words) {
      items.push({ text, x, y: 760 });
      x += (await textWidth(text)) + 16;
    }
    const r = await readPdf(await makePdf([{ items }]), 'justifie.pdf', { lexicon });
    expect(r.text).toBe('Le satellite fictif tourne.\n');
  });

  /** A table's row of three cells at 60, 160 and 260 pt. */
  const row = (y: number, cells: string[]): TextItem[] => cells.map((text, i) => ({ text, x: [60, 160, 260][i]!, y }));

  it('joins the lines of a table cell that wrapped to the cell, not to a row of its own', async () => {
    const items: TextItem[] = [
      { text: 'Les outils de la station fictive sont les suivants, avec leur rôle.', x: 60, y: 760 },
      ...row(736, ['outil', 'taille', 'rôle']),
      ...row(718, ['orbite', '12 Mo', 'calcule les orbites avec l’option « orbite -']),
      ...row(705, ['', '', 'jours »']),
      ...row(687, ['antenne', '3 Mo', 'pointe l’antenne']),
      ...row(669, ['relais', '1 Mo', 'relaie les messages']),
    ].filter((i) => i.text);
    const r = await readPdf(await makePdf([{ items }]), 'outils.pdf', { lexicon });
    expect(r.text).toContain('| orbite | 12 Mo | calcule les orbites avec l’option « orbite -jours » |\n| antenne | 3 Mo | pointe l’antenne |\n');
  });

  it('keeps in its table a row between two rows whose last cells wrapped', async () => {
    const items: TextItem[] = [
      { text: 'Les outils de la station fictive sont les suivants, avec leur rôle.', x: 60, y: 760 },
      ...row(736, ['outil', 'taille', 'rôle']),
      ...row(718, ['orbite', '12 Mo', 'calcule les orbites avec l’option « orbite -']),
      ...row(705, ['', '', 'jours »']),
      ...row(687, ['antenne', '3 Mo', 'pointe l’antenne avec l’option « antenne -']),
      ...row(674, ['', '', 'ciel »']),
      ...row(656, ['relais', '1 Mo', 'relaie les messages avec l’option « relais -']),
      ...row(643, ['', '', 'vite »']),
    ].filter((i) => i.text);
    const r = await readPdf(await makePdf([{ items }]), 'options.pdf', { lexicon });
    expect(r.text).toContain('| antenne | 3 Mo | pointe l’antenne avec l’option « antenne -ciel » |\n| relais | 1 Mo | relaie les messages avec l’option « relais -vite » |\n');
  });

  it('reads a table whose columns leave a wide white band between them as one table, not two page columns', async () => {
    const cells = (y: number, texts: string[]): TextItem[] => texts.map((text, i) => ({ text, x: [60, 120, 220, 260][i]!, y })).filter((i) => i.text);
    const items: TextItem[] = [
      { text: 'Les paquets de la station fictive, leur usage et leur taille, sont les suivants.', x: 60, y: 760 },
      ...cells(736, ['nom', 'usage', 'taille', 'rôle']),
      ...cells(718, ['zorb', 'V:54, I:', '1482', 'calcule les orbites de la flotte civile']),
      ...cells(705, ['', '226', '', '']),
      ...cells(687, ['zap', 'V:638, I:', '5990', 'pointe l’antenne vers le relais du nord']),
      ...cells(674, ['', '823', '', '']),
      ...cells(656, ['zim', 'V:97, I:', '3570', 'relaie les messages de la station fictive']),
      ...cells(643, ['', '390', '', '']),
    ];
    const r = await readPdf(await makePdf([{ items }]), 'colonnes.pdf', { lexicon });
    expect(r.text).toContain('| zorb | V:54, I:226 | 1482 | calcule les orbites de la flotte civile |\n| zap | V:638, I:823 | 5990 | pointe l’antenne vers le relais du nord |\n');
  });

  it('reads a column holding a two-column table among its paragraphs as a column, before the next one', async () => {
    const text = 'La station fictive du nord reçoit chaque nuit les messages de la flotte civile et les range par ordre d’arrivée dans son journal de bord.';
    const left = await setParagraph(words(text), { x: 60, y: 760, width: 230, size: 10 });
    const rows: TextItem[] = ['zorb', 'zap', 'zim', 'zon', 'zut', 'zek'].flatMap((name, i) => [
      { text: name, x: 64, y: left.y - 20 - i * 13, size: 8 },
      { text: `orbite/${name}/relais`, x: 150, y: left.y - 20 - i * 13, size: 8 },
    ]);
    const after = await setParagraph(words(text.replace('du nord', 'du sud')), { x: 60, y: left.y - 110, width: 230, size: 10 });
    const right = await setParagraph(words(`${text.replace('du nord', 'de l’est')} ${text.replace('du nord', 'de l’ouest')}`), { x: 320, y: 760, width: 230, size: 10 });
    const r = await readPdf(await makePdf([{ items: [...left.items, ...rows, ...after.items, ...right.items] }]), 'colonne-table.pdf', { lexicon });
    const at = (s: string): number => r.text.indexOf(s);
    expect(at('du nord')).toBeGreaterThanOrEqual(0);
    expect(at('| zek | orbite/zek/relais |')).toBeGreaterThan(at('du nord'));
    expect(at('du sud')).toBeGreaterThan(at('| zek |'));
    expect(at('de l’est')).toBeGreaterThan(at('du sud'));
  });

  it('keeps a code line ending in a space apart from the next column’s line on its baseline', async () => {
    const text = 'Les commandes de la station fictive se tapent dans la console de bord, une par ligne, puis on attend la réponse du relais.';
    const right = await setParagraph(words(text), { x: 320, y: 760, width: 230, size: 9.5 });
    const code: TextItem[] = ['orbite --calcul --jours 12 --flotte civile ', 'orbite --rapport --format court --relais nord ', 'orbite --journal --depuis hier --niveau info '].map((t, i) => ({ text: t, x: 70, y: 760 - i * 11.4, size: 8, font: 'mono' }));
    const r = await readPdf(await makePdf([{ items: [...code, ...right.items] }]), 'code-colonne.pdf', { lexicon });
    expect(r.text).toContain('orbite --calcul --jours 12 --flotte civile\n');
    expect(r.text).toContain('Les commandes de la station fictive se tapent');
  });

  it('cuts lines ending in a space from the next column’s lines on their baselines, a single white wider than a gutter', async () => {
    const left = ['le relais du nord garde ses messages ', 'une semaine entière dans la station ', 'puis les range dans ses archives. '];
    const right = ['Le relais du sud les range chaque nuit', 'dans un journal que lit la station', 'fictive du centre, tôt le matin.'];
    const end = 60 + Math.max(...(await Promise.all(left.map((t) => textWidth(t, 'serif', 10)))));
    const items: TextItem[] = [
      ...left.map((text, i) => ({ text, x: 60, y: 760 - i * 13, size: 10 })),
      ...right.map((text, i) => ({ text, x: end + 30, y: 760 - i * 13, size: 10 })),
    ];
    const r = await readPdf(await makePdf([{ items }]), 'deux-colonnes.pdf', { lexicon });
    expect(r.text.indexOf('archives.')).toBeLessThan(r.text.indexOf('Le relais du sud'));
  });

  it('cuts a line holding two cells of a table where the other rows start the second one', async () => {
    const cells = (y: number, texts: string[]): TextItem[] => texts.map((text, i) => ({ text, x: [60, 120, 146][i]!, y })).filter((i) => i.text);
    const items: TextItem[] = [
      { text: 'Les paquets de la station fictive, leur taille et leur rôle, sont les suivants.', x: 60, y: 760 },
      ...cells(736, ['nom', 'taille', 'rôle']),
      ...cells(718, ['zorb', '12', 'calcule les orbites']),
      ...cells(700, ['zap', '4096', 'pointe l’antenne']),
      ...cells(682, ['zim', '7', 'relaie les messages']),
    ];
    const r = await readPdf(await makePdf([{ items }]), 'serre.pdf', { lexicon });
    expect(r.text).toContain('| zap | 4096 | pointe l’antenne |\n');
  });

  it('keeps in a table cell the hyphen of a name cut after it, not that of a word cut by hyphenation', async () => {
    const items: TextItem[] = [
      { text: 'Les paquets de la station fictive sont les suivants, avec leur rôle.', x: 60, y: 760 },
      ...row(736, ['paquet', 'état', 'rôle']),
      ...row(718, ['zorbix-', 'actif', 'calcule les orbites de la flotte civi-']),
      ...row(705, ['lite', '', 'le du nord']),
      ...row(687, ['zap', 'actif', 'pointe l’antenne']),
      ...row(669, ['zim', 'arrêté', 'relaie les messages']),
    ].filter((i) => i.text);
    const r = await readPdf(await makePdf([{ items }]), 'noms.pdf', { lexicon });
    expect(r.text).toContain('| zorbix-lite | actif | calcule les orbites de la flotte civile du nord |\n');
  });

  it('reads a table drawn with rules cell by cell, a cell centred in its row on the row’s first baseline', () => {
    const line = (text: string, x: number, y: number): TextLine => ({ x0: x, x1: x + text.length * 5, y, size: 10, text, pieces: [{ text, bold: false, italic: false, monospace: false, x0: x, x1: x + text.length * 5, size: 10 }] });
    // Three rows between four rules, two columns with a wall at 150; the second row's right cell
    // is over two lines and its left cell is centred between them.
    const lines = [line('nom', 60, 722), line('rôle', 160, 722), line('zorb', 60, 696), line('calcule les orbites de la', 160, 702), line('flotte', 160, 690), line('zap', 60, 672), line('pointe l’antenne', 160, 672)];
    const paths = [730, 714, 684, 664].map((y) => ({ x: 55, y, width: 300, height: 0 }));
    const walls = [[714, 16], [684, 30], [664, 20]].map(([y, height]) => ({ x: 150, y: y!, width: 0, height: height! }));
    const read = readRuledTables(lines, [...paths, ...walls], lexicon);
    expect(read.rows).toBe(3);
    const second = read.lines.filter((l) => l.y === 702).map((l) => l.text);
    expect(second).toEqual(['zorb', 'calcule les orbites de la flotte']);
    expect(read.lines).toHaveLength(6);
  });

  it('reads the two columns of a ruled table row by row, not as two page columns', () => {
    const cell = (text: string, x: number, y: number): TextLine => ({ x0: x, x1: x + 150, y, size: 10, text, pieces: [{ text, bold: false, italic: false, monospace: false, x0: x, x1: x + 150, size: 10 }], row: { x0: 55, x1: 420 } });
    const lines = [700, 686, 672, 658, 644].flatMap((y, i) => [cell(`opération ${i} de la station`, 60, y), cell(`commande ${i} du terminal`, 260, y)]);
    const order = readingOrder(lines).flat().map((item) => (item.kind === 'line' ? item.line.text : ''));
    expect(order.slice(0, 4)).toEqual(['opération 0 de la station', 'commande 0 du terminal', 'opération 1 de la station', 'commande 1 du terminal']);
  });

  it('makes one drawing of boxes apart from each other and the lines and arrows joining them, not of a table’s rules', () => {
    // Three boxes in a row, each joined to the next by a line ending in an arrowhead 5 points short of the box.
    const scheme = [0, 1, 2].flatMap((i) => {
      const x = 60 + i * 130;
      const box = { x, y: 400, width: 100, height: 32 };
      return i ? [{ x: x - 28, y: 416, width: 20, height: 0 }, { x: x - 10, y: 413, width: 5, height: 5 }, box] : [box];
    });
    expect(findDrawings(scheme)).toEqual([{ x: 60, y: 400, width: 360, height: 32 }]);
    // A grid of rules with two shaded cells: rules outnumber the shapes.
    const rules = [730, 714, 684, 664].map((y) => ({ x: 55, y, width: 300, height: 0 }));
    const walls = [150, 250].map((x) => ({ x, y: 664, width: 0, height: 66 }));
    const shaded = [{ x: 55, y: 714, width: 95, height: 16 }, { x: 150, y: 714, width: 100, height: 16 }];
    expect(findDrawings([...rules, ...walls, ...shaded])).toEqual([]);
  });

  it('leaves lines alone where rules make no grid', () => {
    const lines: TextLine[] = [{ x0: 60, x1: 200, y: 700, size: 10, text: 'Une ligne sous un filet.', pieces: [{ text: 'Une ligne sous un filet.', bold: false, italic: false, monospace: false, x0: 60, x1: 200, size: 10 }] }];
    const read = readRuledTables(lines, [{ x: 55, y: 712, width: 300, height: 0 }], lexicon);
    expect(read).toEqual({ lines, rows: 0 });
  });

  it('joins the rest of a first cell cut after a hyphen to its cell, with the other cells that wrapped', async () => {
    const items: TextItem[] = [
      { text: 'Les paquets de la station fictive sont les suivants, avec leur rôle.', x: 60, y: 760 },
      ...row(736, ['paquet', 'état', 'rôle']),
      ...row(718, ['zorb-orbite-', 'V:12,', 'calcule les orbites']),
      ...row(705, ['outils', 'I:30', '']),
      ...row(687, ['zorb2-', 'V:', 'pointe l’antenne']),
      ...row(674, ['antenne', '3', '']),
      ...row(656, ['relais', 'I:1', 'relaie les messages']),
    ].filter((i) => i.text);
    const r = await readPdf(await makePdf([{ items }]), 'paquets.pdf', { lexicon });
    expect(r.text).toContain('| zorb-orbite-outils | V:12, I:30 | calcule les orbites |\n| zorb2-antenne | V:3 | pointe l’antenne |\n| relais | I:1 | relaie les messages |\n');
  });

  it('rejoins a word cut at a line end as the document spells it elsewhere, when the lexicon does not know it', async () => {
    const items: TextItem[] = [
      { text: 'Le paquet libzorb-orbite et le protocole zorbnet servent à la station fictive.', x: 60, y: 760 },
      { text: 'Installez le paquet libzorb-', x: 60, y: 730 },
      { text: 'orbite avec son protocole zorb-', x: 60, y: 716 },
      { text: 'net de la station.', x: 60, y: 702 },
    ];
    const r = await readPdf(await makePdf([{ items }]), 'coupures.pdf', { lexicon });
    expect(r.text).toContain('Installez le paquet libzorb-orbite avec son protocole zorbnet de la station.');
  });

  it('leaves out a running head that names each page’s section, from its place among the others', async () => {
    const sections = ['Les orbites fictives', 'Les orbites fictives', 'Les orbites fictives', 'Les stations', 'Les stations', 'Les équipages', 'Les équipages'];
    const pages = sections.map((section, i) => ({
      items: [
        { text: section, x: 250, y: 805, size: 9, font: 'serif-italic' as const },
        { text: `La page ${i + 1} du rapport fictif raconte la suite de l’histoire de la station.`, x: 60, y: 760 },
        { text: 'Elle continue sur une seconde ligne de texte assez longue pour la mesure.', x: 60, y: 746 },
      ],
    }));
    const r = await readPdf(await makePdf(pages), 'sections.pdf', { lexicon });
    expect(r.text).not.toMatch(/Les stations|Les équipages|Les orbites/u);
  });

  it('notes an image in the diagnostics instead of dropping it silently', async () => {
    const pdf = await makePdf([{ items: [{ text: 'Une page avec une figure sous ce texte.', x: 60, y: 760 }], images: [{ x: 60, y: 400, width: 300, height: 200 }] }]);
    const r = await readPdf(pdf, 'figure.pdf', { lexicon });
    expect(r.text).toBe('Une page avec une figure sous ce texte.\n');
    expect(r.diagnostics.find((d) => d.rule === 'pdf-image')).toMatchObject({ page: 1, severity: 'info' });
  });
});

describe('PDFs that cannot be read', () => {
  const errorOf = async (bytes: Uint8Array, file: string): Promise<string> => {
    const r = await readSource(bytes, file, { lexicon });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(r.text).toBe('');
    return errors[0]!.message;
  };

  it('says a damaged file cannot be read as a PDF, and what to do', async () => {
    const message = await errorOf(new TextEncoder().encode('%PDF-1.7\nnot really a PDF\n'), 'abime.pdf');
    expect(message).toMatch(/cannot be read as a PDF.*export its text/u);
  });

  it('says a PDF protected by a password cannot be read, and what to do', async () => {
    const doc = await PDFDocument.load(await makePdf([{ items: [{ text: 'Texte secret.', x: 60, y: 700 }] }]));
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: PDFNumber.of(-44) });
    encrypt.set(PDFName.of('O'), PDFHexString.of('ab'.repeat(32)));
    encrypt.set(PDFName.of('U'), PDFHexString.of('cd'.repeat(32)));
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('01'.repeat(16)), PDFHexString.of('01'.repeat(16))]);
    const message = await errorOf(await doc.save({ useObjectStreams: false }), 'secret.pdf');
    expect(message).toMatch(/protected by a password.*without the password/u);
  });

  it('says a scanned PDF (images only) needs OCR first', async () => {
    const pdf = await makePdf([{ items: [], images: [{ x: 0, y: 0, width: 595, height: 842 }] }, { items: [], images: [{ x: 0, y: 0, width: 595, height: 842 }] }]);
    expect(await errorOf(pdf, 'scan.pdf')).toMatch(/no text to read: its 2 page\(s\) are images.*Run OCR/u);
  });

  it('makes `folio normalize` exit with 1 and the message, never a stack trace', async () => {
    const file = path.join(dir, 'scan.pdf');
    await writeFile(file, await makePdf([{ items: [], images: [{ x: 0, y: 0, width: 595, height: 842 }] }]));
    const { code, stdout, stderr } = await folio('normalize', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/scan\.pdf:1:1: error: This PDF has no text to read.*OCR/u);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });
});

