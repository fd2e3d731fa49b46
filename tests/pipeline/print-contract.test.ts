/**
 * What the print stage promises for editions other than Folio's corpus, printed by parts: a page
 * that opens a part carries no running head even when it is no right-hand start (an edition
 * with `rightHandStarts: false`, the colophon); a page reference that gets no number stops the
 * build, names its template and anchor, and writes nothing. Invented texts; a real browser
 * (skipped, loudly, when none is installed).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { build } from '../../src/pipeline/build.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { flat, readPdfText } from '../helpers/pdf.ts';
import { makeProject } from '../helpers/project.ts';

const paragraph = (n: number): string =>
  `Le service des archives fictives a reçu au cours du trimestre ${n} une série de dossiers venus de plusieurs bureaux, qu’il a fallu classer, décrire et ranger avant de les ouvrir aux lecteurs de la salle de consultation.`;
const text = (title: string, paragraphs: number): string => `${title}\n\n${Array.from({ length: paragraphs }, (_, i) => paragraph(i + 1)).join('\n\n')}\n`;

const manifest = (extra = ''): string => `title: Édition d’essai
version: 1.0.0
date: 2026-11-21
publisher: Éditeur fictif
${extra}documents:
  - file: premier.txt
    title: Rapport du premier bureau
    shortTitle: Premier bureau
    kind: rapport
  - file: second.txt
    title: Note du second bureau
    shortTitle: Second bureau
    kind: note
`;
const texts = { 'premier.txt': text('Rapport du premier bureau', 24), 'second.txt': text('Note du second bureau', 16) };

describe.skipIf(!browserAvailable())('the print stage on an edition of its own', () => {
  it('leaves the running head off every page that opens a part, right-hand start or not', async () => {
    const dir = await makeProject(manifest('rightHandStarts: false\n'), texts);
    const result = await build({ manifestPath: path.join(dir, 'compendium.yaml'), outDir: path.join(dir, 'output'), only: new Set(['pdf']), sourceDateEpoch: '' });
    const pdf = await readPdfText(new Uint8Array(await readFile(path.join(dir, 'output', 'compendium.pdf'))));
    const edition = result.edition;
    const parts = edition.toc.filter((e) => e.level === 1);
    const starts = parts.map((e) => e.page!);
    // Without right-hand starts, parts follow each other on the next page, odd or even.
    expect(starts.some((p) => p % 2 === 0), `part starts ${starts.join(', ')}`).toBe(true);
    // The colophon is the last part; it starts on a new page, never a right-hand start.
    let colophon = pdf.numPages;
    while (colophon > 1 && !/Colophon/.test(pdf.bodies[colophon - 1]!)) colophon -= 1;
    for (const [page, what] of [...parts.map((e) => [e.page!, e.id] as const), [colophon, 'colophon'] as const]) {
      expect(page, what).toBeGreaterThan(1);
      expect(flat(pdf.heads[page - 1]!), `opening page ${page} (${what})`).toBe('');
    }
    // The pages that go on with a document keep theirs.
    const first = edition.documents[0]!;
    const start = edition.toc.find((e) => e.id === first.id)!.page!;
    expect(flat(pdf.bodies[start]!), 'the first document goes on over a second page').not.toBe('');
    expect(flat(pdf.heads[start]!)).not.toBe('');
  }, 300_000);

  it('stops on a page reference that gets no number, names its template and anchor, and writes nothing', async () => {
    const colophon = `<section class="colophon" id="colophon" data-template="colophon"><h1>Colophon</h1>
<p>Voir la page <span data-page-of="ancre-absente"></span>, et la page <span data-page-of="ancre-vide"></span>.</p>
<p>Une ancre cachée<span id="ancre-vide" hidden></span>.</p></section>\n`;
    const dir = await makeProject(manifest(), { ...texts, 'templates/colophon.hbs': colophon });
    const out = path.join(dir, 'output');
    const error = await build({ manifestPath: path.join(dir, 'compendium.yaml'), outDir: out, only: new Set(['pdf', 'booklet']), sourceDateEpoch: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    const errors = (error as FolioError).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.every((d) => d.rule === 'page-reference')).toBe(true);
    const absent = errors.filter((d) => d.message.includes('“ancre-absente”'));
    const empty = errors.filter((d) => d.message.includes('“ancre-vide”'));
    // Once each: the booklet's print of the same reference adds nothing.
    expect(absent).toHaveLength(1);
    expect(empty).toHaveLength(1);
    expect(absent[0]!.message).toContain('templates/colophon.hbs');
    expect(absent[0]!.message).toMatch(/no part of the edition has that anchor/);
    expect(empty[0]!.message).toMatch(/empty/);
    const written = await readdir(out).catch(() => []);
    expect(written).not.toContain('compendium.pdf');
    expect(written).not.toContain('compendium-booklet.pdf');
  }, 300_000);
});
