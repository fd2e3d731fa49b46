/**
 * The manifest's folder is the project: templates and stylesheets are looked up file by file
 * beside it, with Folio's own for what the project does not provide; a project stylesheet, the
 * manifest's `css:` and `--css` are added after Folio's, in that order; the manifest is found
 * from a folder. Assembles in memory (no browser).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../../src/diagnostics.ts';
import { packageDir } from '../../src/package.ts';
import { reviewPage } from '../../src/pipeline/assemble-stage.ts';
import { assembleEdition } from '../../src/pipeline/build.ts';
import { lookupFolders, resolveManifest } from '../../src/pipeline/project.ts';
import { makeProject } from '../helpers/project.ts';

const text = 'Le titre que le texte se donne\n\nUn paragraphe du texte, assez long pour être un paragraphe ordinaire de la note.\n';

const project = (manifest: string, files: Record<string, string> = {}): Promise<string> => makeProject(manifest, { 'a.txt': text, ...files });

describe('a project', () => {
  it('is found from its folder, or from the working folder', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n');
    expect(resolveManifest(dir)).toBe(path.join(dir, 'compendium.yaml'));
    expect(resolveManifest('compendium.yaml', dir)).toBe(path.join(dir, 'compendium.yaml'));
    expect(resolveManifest(undefined, dir)).toBe(path.join(dir, 'compendium.yaml'));
    expect(resolveManifest(undefined, packageDir)).toBe(path.join(packageDir, 'sources', 'compendium.yaml'));
  });

  it('gives each document the title its text gives, when the manifest gives none', async () => {
    const dir = await project('title: T\ndocuments: [a.txt, b.txt]\n', { 'b.txt': 'un texte sans titre, qui commence par une minuscule et ne s’arrête pas.\n' });
    const { assembled, diagnostics } = await assembleEdition(path.join(dir, 'compendium.yaml'));
    expect(assembled.edition.documents.map((d) => d.title)).toEqual(['Le titre que le texte se donne', 'b']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'compendium.yaml', line: 2, rule: 'untitled', severity: 'warning' }));
    expect(assembled.edition.documents[0]!.kind).toBeUndefined();
    expect(assembled.html).not.toMatch(/publiée par \./);
  });

  it('takes a project template in place of Folio’s, and Folio’s for every other', async () => {
    const dir = await project('title: Mon édition\ndocuments: [a.txt]\n', { 'templates/cover.hbs': '<section class="cover" id="couverture"><h1 class="ma-couverture">{{edition.title}}</h1></section>\n' });
    const { assembled } = await assembleEdition(path.join(dir, 'compendium.yaml'));
    expect(assembled.html).toContain('<h1 class="ma-couverture">Mon édition</h1>');
    expect(assembled.html).toContain('id="sommaire"');
    expect(assembled.html).toContain('id="colophon"');
    expect(assembled.handouts).toHaveLength(1);
    expect(lookupFolders(dir, 'templates')).toEqual([path.join(packageDir, 'templates'), path.join(dir, 'templates')]);
  });

  it('adds a project stylesheet after Folio’s, then the manifest’s css:, then --css', async () => {
    const extra = path.join(await mkdtemp(path.join(os.tmpdir(), 'folio-css-')), 'cli.css');
    await writeFile(extra, '.from-the-command-line { color: blue; }\n');
    const dir = await project('title: T\ncss: styles/ajouts.css\ndocuments: [a.txt]\n', {
      'styles/compendium.css': '.from-the-project { color: red; }\n',
      'styles/ajouts.css': '.from-the-manifest { color: green; }\n',
      'styles/booklet.css': '.booklet-of-the-project { color: gray; }\n',
    });
    const { assembled } = await assembleEdition(path.join(dir, 'compendium.yaml'), { stylesheets: [extra] });
    const css = assembled.css;
    const folio = css.indexOf('--body-size');
    expect(folio).toBeGreaterThanOrEqual(0);
    expect(css).toContain('@font-face');
    expect(css.indexOf('.from-the-project')).toBeGreaterThan(folio);
    expect(css.indexOf('.from-the-manifest')).toBeGreaterThan(css.indexOf('.from-the-project'));
    expect(css.indexOf('.from-the-command-line')).toBeGreaterThan(css.indexOf('.from-the-manifest'));
    const folioBooklet = await readFile(path.join(packageDir, 'styles', 'booklet.css'), 'utf8');
    expect(assembled.assets.bookletCss).toContain(folioBooklet.trim().split('\n').find((l) => l.includes('@page'))!.trim());
    expect(assembled.assets.bookletCss.indexOf('.booklet-of-the-project')).toBeGreaterThan(0);
  });

  it('inlines Folio’s fonts once when a project copies Folio’s stylesheet, imports and all', async () => {
    const copy = await readFile(path.join(packageDir, 'styles', 'compendium.css'), 'utf8');
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'styles/compendium.css': `${copy}\n.added { color: red; }\n` });
    const { assembled } = await assembleEdition(path.join(dir, 'compendium.yaml'));
    const alone = (await assembleEdition(path.join(await project('title: T\ndocuments: [a.txt]\n'), 'compendium.yaml'))).assembled.css;
    expect(assembled.css.split('@font-face').length).toBe(alone.split('@font-face').length);
    expect(assembled.css).toContain('.added');
  });

  it('refuses a stylesheet that reads a file outside the project', async () => {
    const dir = await project('title: T\ndocuments: [a.txt]\n', { 'styles/compendium.css': '@font-face { font-family: X; src: url(/etc/passwd); }\n' });
    const error = await assembleEdition(path.join(dir, 'compendium.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).message).toMatch(/The stylesheet file \/etc\/passwd named by .*compendium\.css is outside the project folder/);
  });

  it('records paths relative to the project in everything it makes', async () => {
    const dir = await project('title: T\ndocuments: [textes/a.txt]\n', { 'textes/a.txt': text });
    const { prepared, assembled, diagnostics } = await assembleEdition(path.join(dir, 'compendium.yaml'), { sourceDateEpoch: '1767225600' });
    expect(assembled.edition.documents[0]!.source.file).toBe('textes/a.txt');
    for (const output of [assembled.html, reviewPage(prepared, assembled, diagnostics), JSON.stringify(assembled.edition), ...assembled.handouts.map((h) => h.html)]) {
      expect(output).not.toContain(dir);
      expect(output).not.toContain(os.tmpdir());
    }
  });
});
