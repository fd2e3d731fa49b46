/**
 * Markdown sources are read as Markdown: links, tables and code come through as written, front
 * matter gives the metadata, and only the repairs that make sense for Markdown run, away from
 * code and link targets. Also: which reader a file goes to.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/repair/pipeline.ts';
import { readSource, sourceKind } from '../../src/sources/formats.ts';

const note = `---
title: Note fictive
author: A. Exemple
date: 2024-02-01
---

## Une note

Voir [le site](https://example.org/l'agence) et \`code  ici\`.

| a | b |
| --- | --- |
| 1 | 2 |

Le 24^e jour , l'équipe   arrive.
`;

describe('a Markdown source', async () => {
  const reading = await readSource(new TextEncoder().encode(note), 'note.md');
  const result = normalizeText(reading.text, 'note.md', { format: reading.format, locator: reading.locator, meta: reading.meta });

  it('keeps links, tables and code as written, and repairs only the prose', () => {
    expect(result.markdown).toBe(
      "\n## Une note\n\nVoir [le site](https://example.org/l'agence) et `code  ici`.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nLe 24ᵉ jour, l’équipe arrive.\n",
    );
  });

  it('takes its front matter as metadata, and names lines of the file as it is', () => {
    expect(result.meta).toEqual({ title: 'Note fictive', author: 'A. Exemple', published: '2024-02-01' });
    const ordinal = result.diagnostics.find((d) => d.rule === 'ordinal')!;
    expect(ordinal).toMatchObject({ line: 15, column: 6 });
    // The straight apostrophe of the link's address is not counted among those made typographic.
    expect(result.diagnostics.find((d) => d.rule === 'spacing' && d.message.includes('apostrophe'))).toMatchObject({ line: 15 });
  });
});

describe('the reader a file goes to', () => {
  it('is chosen by its extension, and by its first bytes for a PDF under another name', () => {
    expect(sourceKind('a/b.PDF')).toBe('pdf');
    expect(sourceKind('page.htm')).toBe('html');
    expect(sourceKind('note.markdown')).toBe('markdown');
    expect(sourceKind('texte.txt')).toBe('text');
    expect(sourceKind('export.txt', new TextEncoder().encode('%PDF-1.7\n…'))).toBe('pdf');
  });
});
