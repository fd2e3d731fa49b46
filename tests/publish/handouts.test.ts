/**
 * Handouts without a browser: what goes in each (its glossary entries, its repair notes), and
 * the HTML the template makes of it, escaping included.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition, EditionDocument, GlossaryEntry } from '../../src/assemble/edition.ts';
import { diagnostic, type Diagnostic } from '../../src/diagnostics.ts';
import { loadPublishAssets } from '../../src/publish/assets.ts';
import { cssString, glossaryFor, loadHandoutTemplates, renderHandout, repairNotes } from '../../src/publish/handouts.ts';
import { appendStylesheet } from '../../src/assemble/stylesheet.ts';

const root = path.join(import.meta.dirname, '..', '..');

const entry = (term: string, uses: string[], extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  term,
  expansions: [{ text: `${term} expanded`, origin: 'text' }],
  uses,
  ...extra,
});

const diagnosticAt = (file: string, line: number, severity: Diagnostic['severity'], message: string): Diagnostic => diagnostic(file, { line, column: 3 }, { rule: 'hard-wrap', severity, message });

function documentFixture(overrides: Partial<EditionDocument> = {}): EditionDocument {
  return {
    id: 'note-a',
    title: 'A note & its <title>',
    shortTitle: 'Note "A"',
    kind: 'communiqué',
    publisher: 'Publisher',
    date: '2024-02-13',
    source: { file: 'texts/a.txt', sha256: 'ab'.repeat(32), bytes: 10 },
    meta: {},
    headings: [],
    repairs: { changes: 0, warnings: 0, errors: 0 },
    ...overrides,
  };
}

function editionFixture(doc: EditionDocument, glossary: GlossaryEntry[], diagnostics: Diagnostic[]): Edition {
  return {
    title: 'Edition title',
    shortTitle: 'Edition',
    version: '2.1.0',
    date: '2026-11-21',
    language: 'fr',
    publisher: 'Publisher',
    rightHandStarts: true,
    generator: { name: 'Folio', version: '9.9.9' },
    keywords: [],
    documents: [doc],
    toc: [],
    glossary,
    chronology: [],
    diagnostics,
  };
}

describe('glossaryFor', () => {
  it('keeps the entries used, first used or defined in the document, in glossary order', () => {
    const glossary = [
      entry('AAA', ['other--intro', 'note-a--section-2']),
      entry('BBB', ['other']),
      entry('CCC', [], { firstUse: 'note-a' }),
      entry('DDD', [], { expansions: [{ text: 'D', definedIn: 'note-a--x', origin: 'text' }] }),
      entry('EEE', ['note-ab--x']),
    ];
    expect(glossaryFor(glossary, 'note-a').map((e) => e.term)).toEqual(['AAA', 'CCC', 'DDD']);
  });
});

describe('repairNotes', () => {
  it('lists the warnings of the document and counts its infos, ignoring other files', () => {
    const diagnostics = [
      diagnosticAt('texts/a.txt', 4, 'info', 'joined'),
      { ...diagnosticAt('texts/a.txt', 5, 'info', 'joined'), change: { contextBefore: '', removed: '\n', inserted: ' ', contextAfter: '' } },
      diagnosticAt('texts/a.txt', 9, 'warning', 'A gap was marked.'),
      diagnosticAt('texts/b.txt', 1, 'warning', 'elsewhere'),
    ];
    const notes = repairNotes(diagnostics, 'texts/a.txt');
    expect(notes.warnings.map((d) => d.line)).toEqual([9]);
    expect(notes.infos).toBe(2);
    expect(notes.changes).toBe(1);
  });
});

describe('cssString', () => {
  it('quotes a title for a margin box, safe inside <style>', () => {
    expect(cssString('Le "Livre" \\ blanc')).toBe('"Le \\"Livre\\" \\\\ blanc"');
    expect(cssString('a</style><script>')).toBe('"a\\3C /style>\\3C script>"');
  });
});

describe('renderHandout', () => {
  it('has a heading block, a running header, the glossary it uses and its repair notes, escaped', async () => {
    const templates = await loadHandoutTemplates(path.join(root, 'templates'));
    const doc = documentFixture();
    const edition = editionFixture(doc, [entry('OTAN', ['note-a--s'])], [diagnosticAt('texts/a.txt', 9, 'warning', 'Check <this> line.'), diagnosticAt('texts/a.txt', 2, 'info', 'x')]);
    const html = renderHandout(templates, edition, doc, '<p>Body text.</p>', 'body{}');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="fr">/);
    expect(html).toContain('<h1 class="handout-title">A note &amp; its &lt;title&gt;</h1>');
    expect(html).toContain('13 février 2024');
    expect(html).toContain('texts/a.txt');
    expect(html).toContain('@top-left { content: "Note \\"A\\""; }');
    expect(html).toContain('@top-right { content: "Edition · 2.1.0"; }');
    expect(html).toContain('<p>Body text.</p>');
    expect(html).toContain('<dt>OTAN</dt>');
    expect(html).toContain('OTAN expanded');
    // The printed note says what the rule means in French, not the diagnostic's English sentence.
    expect(html).toContain('ligne 9, colonne 3</span> — lignes coupées recollées</li>');
    expect(html).not.toContain('Check');
    expect(html).toContain('1 réparation de forme (');
    expect(html).toContain('1 point à vérifier');
  });

  it('leaves the glossary out when the document uses no acronym, and says when nothing was repaired', async () => {
    const templates = await loadHandoutTemplates(path.join(root, 'templates'));
    const doc = documentFixture({ date: undefined, period: { from: '2025-06', to: '2026-05' } });
    const html = renderHandout(templates, editionFixture(doc, [entry('XYZ', ['other'])], []), doc, '<p>x</p>', '');
    expect(html).not.toContain('handout-glossary');
    expect(html).toContain('période de juin 2025 à mai 2026');
    expect(html).toContain('sans réparation');
  });

  it('says which file is missing when a project’s templates have no handout.hbs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-templates-'));
    await writeFile(path.join(dir, 'compendium.hbs'), '<html></html>');
    await expect(loadHandoutTemplates(dir)).rejects.toThrow(/No handout\.hbs in .*: the templates folder must hold it, or leave it out to use Folio's own/);
  });
});

describe('the booklet stylesheet', () => {
  it('is appended after the compendium’s, so its A5 page wins', async () => {
    const { bookletCss } = await loadPublishAssets(path.join(root, 'styles'), path.join(root, 'templates'));
    expect(bookletCss).toMatch(/size:\s*A5/);
    const html = appendStylesheet('<html><head><style>@page { size: A4 }</style></head><body></body></html>', bookletCss);
    expect(html.indexOf('size: A4')).toBeLessThan(html.search(/size:\s*A5/));
    expect(html.search(/size:\s*A5/)).toBeLessThan(html.indexOf('</head>'));
    expect(() => appendStylesheet('<p>no head</p>', 'x')).toThrow(/<\/head>/);
  });
});
