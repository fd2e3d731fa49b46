/**
 * A PDF's metadata, written twice as readers expect: in the Info dictionary (what `pdfinfo` and
 * most viewers show) and as an XMP packet (what archives, PDF/A checkers and search engines
 * read), plus the trailer's document ID. Everything derives from the arguments, nothing from
 * the clock, so two builds of the same edition give the same bytes.
 *
 * Not for: deciding the values (see `edition-pdf.ts` for the compendium's).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** Who wrote or published the document (Info /Author, XMP dc:creator). */
  author?: string;
  publisher?: string;
  /** One sentence on what the document is (Info /Subject, XMP dc:description). */
  subject?: string;
  keywords: string[];
  /** BCP 47 language tag (`fr`). */
  language: string;
  /** Creation and modification date of the file. */
  date: Date;
  /** The tool that made the document (Info /Creator, XMP xmp:CreatorTool). */
  creator: string;
  /** The tool that wrote the PDF (Info /Producer, XMP pdf:Producer). */
  producer: string;
  /**
   * What identifies this document's content, hashed into the document ID: two files with the
   * same identity get the same ID (the sources' HTML, for instance).
   */
  identity: string | Uint8Array;
}

/**
 * Sets the Info dictionary, the XMP metadata stream, the catalog's language and the trailer ID.
 * @param doc a PDF loaded with pdf-lib (with `updateMetadata: false`, so pdf-lib adds nothing)
 * @param meta the values
 */
export function setPdfMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces; keywords of several words need a clearer separator.
  if (meta.keywords.length) doc.setKeywords([meta.keywords.join('; ')]);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.language);

  const id = createHash('sha256').update(meta.identity).digest();
  const fileId = id.subarray(0, 16).toString('hex').toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(fileId), PDFHexString.of(fileId)]);

  const xmp = xmpPacket(meta, uuidFrom(id));
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/** A UUID (version 4 layout) made from hash bytes, stable for the same hash. */
function uuidFrom(hash: Buffer): string {
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `2026-11-21T00:00:00Z`: XMP dates, in UTC. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The XMP packet (ISO 16684-1): Dublin Core, XMP basic, Adobe PDF and media management schemas.
 * @param documentId a UUID, used for both the document and this instance (a build is one instance)
 */
export function xmpPacket(meta: PdfMetadata, documentId: string): string {
  // One default entry: the document's language is in dc:language, and readers that join the
  // entries of an Alt (pdf.js does) would show the title twice.
  const alt = (value: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  const bag = (values: string[]): string => `<rdf:Bag>${values.map((v) => `<rdf:li>${xml(v)}</rdf:li>`).join('')}</rdf:Bag>`;
  const date = xmpDate(meta.date);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    meta.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    meta.publisher ? `<dc:publisher>${bag([meta.publisher])}</dc:publisher>` : '',
    meta.subject ? `<dc:description>${alt(meta.subject)}</dc:description>` : '',
    meta.keywords.length ? `<dc:subject>${bag(meta.keywords)}</dc:subject>` : '',
    `<dc:language>${bag([meta.language])}</dc:language>`,
    `<dc:date><rdf:Seq><rdf:li>${date}</rdf:li></rdf:Seq></dc:date>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(meta.producer)}</pdf:Producer>`,
    meta.keywords.length ? `<pdf:Keywords>${xml(meta.keywords.join('; '))}</pdf:Keywords>` : '',
    `<xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${documentId}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    // Room for editors that rewrite the packet in place, as the XMP specification recommends.
    ...Array.from({ length: 20 }, () => ' '.repeat(99)),
    '<?xpacket end="w"?>',
  ];
  return lines.filter((l) => l !== '').join('\n');
}

/** Reads back the Info dictionary's text entries (for tests and checks). */
export function readInfo(doc: PDFDocument): Record<string, string> {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const out: Record<string, string> = {};
  if (!info || !('entries' in info)) return out;
  for (const [key, value] of (info as unknown as { entries(): [PDFName, unknown][] }).entries()) {
    if (value instanceof PDFString || value instanceof PDFHexString) out[key.decodeText()] = value.decodeText();
  }
  return out;
}
