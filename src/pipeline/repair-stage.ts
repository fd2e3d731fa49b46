/**
 * The repair stage: every source through the repair passes (`src/repair/pipeline.ts`), with the
 * statistics of the whole edition, and the repaired Markdown parsed once into the tree that the
 * extract and assemble stages both read. Each document gets its title here: the manifest's, else
 * the one its text gives itself (found by the repairs), else its file name, with a warning.
 */
import type { Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { buildCorpusStats, type CorpusStats } from '../language/corpus.ts';
import type { Lexicon } from '../language/fr/lexicon.ts';
import { normalizeText, type NormalizedText } from '../repair/pipeline.ts';
import { longLine, longLineMessage, type LoadedEdition } from '../sources/load.ts';
import { parseMarkdown } from '../sources/markdown.ts';
import { textLocator } from '../sources/positions.ts';
import type { StageResult } from './stage.ts';

export interface RepairedDocument {
  loaded: LoadedEdition['documents'][number];
  result: NormalizedText;
  /** `result.markdown` parsed (GFM). */
  tree: Root;
  /** The document's title: the manifest's, else the text's own, else its file name. */
  title: string;
}

/**
 * Repairs every document of an edition.
 * @param loaded the edition as read
 * @param lexicon the French lexicon
 * @param corpus word statistics (default: those of the edition's own texts)
 */
export function repairStage(loaded: LoadedEdition, lexicon: Lexicon, corpus: CorpusStats = buildCorpusStats(loaded.documents.map((d) => d.text))): StageResult<RepairedDocument[]> {
  const diagnostics: Diagnostic[] = [];
  const value = loaded.documents.map((doc, i) => {
    const result = normalizeText(doc.text, doc.file, { repairs: doc.entry.repairs, lexicon, corpus, format: doc.format, locator: doc.locator, meta: doc.meta });
    diagnostics.push(...result.diagnostics);
    // Joined lines can make a paragraph no page can lay out: refuse it before parsing it.
    const long = longLine(result.markdown, loaded.manifest.maxLineLength);
    let tree: Root = { type: 'root', children: [] };
    if (long) {
      const start = result.markdown.split('\n', long.line - 1).join('\n').length + (long.line > 1 ? 1 : 0);
      const at = (doc.locator ?? textLocator(doc.text)).at(result.origin[start] ?? 0);
      diagnostics.push(diagnostic(doc.file, at, { rule: 'long-line', severity: 'error', message: longLineMessage(long.length, loaded.manifest.maxLineLength, 'The paragraph starting here') }));
    } else tree = parseMarkdown(result.markdown);
    let title = doc.entry.title ?? result.meta.title;
    if (!title) {
      title = doc.file.split('/').pop()!.replace(/\.[^.]+$/, '');
      diagnostics.push(
        diagnostic(loaded.manifestFile, doc.at, {
          rule: 'untitled',
          severity: 'warning',
          message: `documents[${i}] (${doc.file}) has no title: the manifest gives none and its text does not start with one, so its file name is used. Give it one, e.g. \`title: ${title}\` under \`file: ${doc.entry.file}\`.`,
        }),
      );
    }
    return { loaded: doc, result, tree, title };
  });
  return { value, diagnostics };
}
