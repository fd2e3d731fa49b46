/**
 * The registry of diagnostic rules: every rule id Folio reports, with the pass or stage that
 * reports it, its usual severity, one line that says what it means, and the README section that
 * explains it. `RuleId` is derived from it, so a rule id that is not here does not compile: a typo
 * cannot create a new rule, and the review page, `folio check --format json` and the README all
 * name the same rules.
 *
 * Not for: the messages themselves (each diagnostic carries its own sentence).
 */
/** How serious a diagnostic is: errors stop a build; warnings and infos are reported and kept. */
export type Severity = 'error' | 'warning' | 'info';

export interface RuleInfo {
  /** The pass (`repair/displaced-bold`) or stage (`read`, `extract`, `print`) that reports it. */
  source: string;
  /** The severity it usually has (a pass may report a doubt of the same rule as a warning). */
  severity: Severity;
  /** What the rule is about, in one line. */
  description: string;
  /** The README section that explains it (a heading anchor of README.md). */
  doc: string;
}

export const rules = {
  // read: the manifest and the sources
  manifest: { source: 'read', severity: 'error', description: 'The manifest is invalid: a key is missing, unknown or has a wrong value.', doc: '#the-manifest' },
  source: { source: 'read', severity: 'error', description: 'A source named by the manifest cannot be read: missing, outside the project, not a regular file or too large.', doc: '#what-folio-refuses' },
  encoding: { source: 'read', severity: 'warning', description: 'A source is not valid UTF-8 (the lines that are not were read as Windows-1252), or is binary.', doc: '#what-folio-refuses' },
  'empty-source': { source: 'read', severity: 'warning', description: 'A source holds no text: it is left out of the edition.', doc: '#what-folio-refuses' },
  'long-line': { source: 'read', severity: 'error', description: 'A source has a line too long to lay out (the manifest\'s `maxLineLength`).', doc: '#what-folio-refuses' },
  untitled: { source: 'repair', severity: 'warning', description: 'Neither the manifest nor the text gives a document its title: its file name is used.', doc: '#the-manifest' },
  'build-date': { source: 'read', severity: 'error', description: 'SOURCE_DATE_EPOCH is not a date.', doc: '#printing' },
  // read: PDF sources (src/sources/pdf/)
  'pdf-unreadable': { source: 'read/pdf', severity: 'error', description: 'A PDF cannot be read: protected by a password, damaged, or only images (a scan).', doc: '#pdf-html-and-markdown-sources' },
  'pdf-page': { source: 'read/pdf', severity: 'warning', description: 'A page of a PDF could not be read, holds only images, or has text set at an angle.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-furniture': { source: 'read/pdf', severity: 'info', description: 'Running heads, running feet or page numbers of a PDF were left out.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-heading': { source: 'read/pdf', severity: 'info', description: 'A line of a PDF was read as a heading (larger or bold type standing alone).', doc: '#pdf-html-and-markdown-sources' },
  'pdf-title': { source: 'read/pdf', severity: 'info', description: "The largest type of a PDF's first page was taken as the document's title.", doc: '#pdf-html-and-markdown-sources' },
  'pdf-table': { source: 'read/pdf', severity: 'info', description: 'Aligned cells of a PDF, or cells drawn with rules, were read as a table.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-contents': { source: 'read/pdf', severity: 'info', description: "A PDF's table of contents was kept as a list, without its leaders and page numbers.", doc: '#pdf-html-and-markdown-sources' },
  'pdf-image': { source: 'read/pdf', severity: 'info', description: 'An image of a PDF is not read: text inside it is not in the Markdown.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-note': { source: 'read/pdf', severity: 'info', description: 'A note at the foot of a PDF page was linked to its call.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-hyphen': { source: 'read/pdf', severity: 'info', description: 'A word hyphenated at a PDF line end was joined although the lexicon does not know it.', doc: '#pdf-html-and-markdown-sources' },
  'pdf-page-join': { source: 'read/pdf', severity: 'info', description: 'A paragraph of a PDF cut by a column or page break, or by a float, was joined.', doc: '#pdf-html-and-markdown-sources' },
  // read: HTML sources (src/sources/html/)
  'html-reader': { source: 'read/html', severity: 'warning', description: 'No article was found in a web page (all its text was kept), or it has no text.', doc: '#pdf-html-and-markdown-sources' },
  'html-left-out': { source: 'read/html', severity: 'info', description: "Navigation, share buttons, counters and other parts of a web page's machinery were left out.", doc: '#pdf-html-and-markdown-sources' },
  'html-image': { source: 'read/html', severity: 'info', description: 'An image of a web page is not kept (its caption is).', doc: '#pdf-html-and-markdown-sources' },
  'html-notes': { source: 'read/html', severity: 'info', description: "A web page's notes became footnotes.", doc: '#pdf-html-and-markdown-sources' },
  // repair passes
  'control-character': { source: 'repair/control-characters', severity: 'warning', description: 'A control character or terminal escape sequence was removed from a text.', doc: '#what-folio-refuses' },
  'nesting-depth': { source: 'repair/nesting-depth', severity: 'warning', description: 'Block quotes or lists nested too deep were flattened.', doc: '#what-folio-refuses' },
  boilerplate: { source: 'repair/web-clutter', severity: 'info', description: 'Web-page clutter (navigation, share buttons, counters) was removed.', doc: '#repairs' },
  'photo-caption': { source: 'repair/web-clutter', severity: 'info', description: 'A photo caption or credit was removed from the running text.', doc: '#repairs' },
  'displaced-bold': { source: 'repair/displaced-bold', severity: 'info', description: 'Bold phrases an extractor pasted at the line end were put back where they belong.', doc: '#repairs' },
  lacuna: { source: 'repair/displaced-bold', severity: 'warning', description: 'A gap no displaced phrase fills, where a word must be missing, was marked […].', doc: '#repairs' },
  'unicode-normalization': { source: 'repair/glyphs', severity: 'info', description: 'Letters written as a base letter and a separate accent were composed (Unicode NFC).', doc: '#repairs' },
  'tex-accent': { source: 'repair/glyphs', severity: 'info', description: 'An accent that TeX printed apart from its letter (a dotless i, a spacing accent) was put back on it.', doc: '#repairs' },
  'tex-degree': { source: 'repair/glyphs', severity: 'info', description: 'A degree sign that a TeX font printed as “ř” (Latin-1 read in the T1 encoding) became °.', doc: '#repairs' },
  'tex-guillemets': { source: 'repair/glyphs', severity: 'info', description: 'Control characters that a TeX font printed as guillemets became « ».', doc: '#repairs' },
  ligature: { source: 'repair/glyphs', severity: 'info', description: 'A typographic ligature (ﬁ, ﬂ…), or a TeX control code standing for one, was spelt out.', doc: '#repairs' },
  'soft-hyphen': { source: 'repair/glyphs', severity: 'info', description: "Soft hyphens of a PDF's text layer were removed or marked for joining a hyphenated word.", doc: '#repairs' },
  'font-control-code': { source: 'repair/glyphs', severity: 'info', description: 'An invisible control character with no text meaning (a glyph of a TeX math font) was removed.', doc: '#repairs' },
  'page-furniture': { source: 'repair/page-furniture', severity: 'info', description: 'A running head or foot or a page number of a PDF was removed from the text.', doc: '#repairs' },
  debris: { source: 'repair/debris', severity: 'info', description: "A line of extraction debris (a table of contents' entry, a figure's labels, a lone symbol) was removed.", doc: '#repairs' },
  columns: { source: 'repair/columns', severity: 'info', description: 'The two columns of a PDF page, read across by the extraction, were put back in reading order (a warning when the page looks read across but no order is sure).', doc: '#repairs' },
  'page-note': { source: 'repair/page-notes', severity: 'info', description: 'A footnote printed at the foot of a PDF page was moved to its call as a Markdown footnote.', doc: '#repairs' },
  'dropped-hyphen': { source: 'repair/dropped-hyphens', severity: 'info', description: 'A hyphen the extraction dropped where it joined a hyphenated line was restored, or a doubt was reported.', doc: '#repairs' },
  'split-address': { source: 'repair/blocks', severity: 'info', description: 'An address or a path cut at a line end was joined without a space.', doc: '#repairs' },
  'section-number': { source: 'repair/blocks', severity: 'info', description: 'A section number on a line of its own was joined to its heading.', doc: '#repairs' },
  'justified-words': { source: 'repair/blocks', severity: 'warning', description: 'Words a justified line gave one by one were joined into one passage; their order may need checking.', doc: '#repairs' },
  'hard-wrap': { source: 'repair/blocks', severity: 'info', description: 'Hard-wrapped lines were joined into paragraphs.', doc: '#repairs' },
  'page-break-join': { source: 'repair/blocks', severity: 'info', description: 'A sentence split by a page break was joined.', doc: '#repairs' },
  'line-end-hyphen': { source: 'repair/blocks', severity: 'info', description: 'A word hyphenated at a line end was joined.', doc: '#repairs' },
  heading: { source: 'repair/blocks', severity: 'info', description: 'A line was recognised as a heading.', doc: '#repairs' },
  title: { source: 'repair/blocks', severity: 'info', description: "The text's own title line was taken as the document's title.", doc: '#repairs' },
  'lost-hyphen': { source: 'repair/lost-hyphens', severity: 'info', description: 'A hyphen lost between two words was restored.', doc: '#repairs' },
  'footnote-call': { source: 'repair/footnote-calls', severity: 'info', description: 'A note number glued to a word became a footnote call.', doc: '#repairs' },
  'missing-note': { source: 'repair/footnote-calls', severity: 'warning', description: 'A footnote is called but its text is absent from the source.', doc: '#repairs' },
  ordinal: { source: 'repair/ordinals', severity: 'info', description: 'An ordinal was written with a superior letter.', doc: '#repairs' },
  spacing: { source: 'repair/spacing', severity: 'info', description: 'Spaces and apostrophes were normalized.', doc: '#repairs' },
  'truncated-source': { source: 'repair/truncated-source', severity: 'warning', description: 'The text stops in the middle of a word or sentence.', doc: '#repairs' },
  // extract: glossary and chronology
  'acronym-definition': { source: 'extract/glossary', severity: 'info', description: 'An acronym definition was found, or one was doubtful.', doc: '#glossary-and-chronology' },
  'undefined-acronym': { source: 'extract/glossary', severity: 'warning', description: "An acronym is used but explained neither by the texts nor by the editors' glossary.", doc: '#glossary-and-chronology' },
  'glossary-file': { source: 'extract/glossary', severity: 'error', description: "The editors' glossary file is invalid.", doc: '#glossary-and-chronology' },
  'glossary-unused': { source: 'extract/glossary', severity: 'info', description: "An entry of the editors' glossary is used by no text.", doc: '#glossary-and-chronology' },
  'unresolved-date': { source: 'extract/chronology', severity: 'warning', description: 'A date could not be placed in time and was left out of the chronology.', doc: '#glossary-and-chronology' },
  // assemble
  template: { source: 'assemble', severity: 'error', description: 'A template is invalid: a Handlebars syntax error, or a partial that does not exist.', doc: '#templates-and-styles' },
  'event-anchor': { source: 'assemble/mark-extraction', severity: 'warning', description: 'A sentence that tells an event could not be found in the HTML, so the chronology gives no page for it.', doc: '#glossary-and-chronology' },
  // print
  'page-reference': { source: 'print', severity: 'error', description: 'A page reference names an anchor the PDF does not have.', doc: '#printing' },
  pagination: { source: 'print', severity: 'warning', description: 'Page numbers did not settle: a page reference may be off by one.', doc: '#printing' },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the registry. */
export type RuleId = keyof typeof rules;

/** The registry entry of a rule. */
export function ruleInfo(id: RuleId): RuleInfo {
  return rules[id];
}
