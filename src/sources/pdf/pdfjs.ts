/**
 * The one module that talks to pdf.js: opens a PDF from its bytes (no network, no scripts, no
 * font faces, images left undecoded), then gives one page at a time: its glyphs with their
 * fonts' styles, its images' boxes and its link annotations. pdf.js is imported on the first PDF
 * read, so that the CLI starts without it.
 *
 * Each page's operator list is released before the next is read: a long PDF costs the memory
 * of one page, plus what the caller keeps of each.
 *
 * Not for: lines, layout or structure (the modules beside this one).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontStyle } from './font-style.ts';
import type { StyledGlyph } from './lines.ts';
import { layoutPage, type FontData, type OperatorCodes, type PlacedImage } from './page-text.ts';

/** A link annotation: where it is on the page, and where it goes (external links only). */
export interface PdfLink {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  url: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** The page's box (crop box), in PDF units: `[x0, y0, x1, y1]`. */
  box: [number, number, number, number];
  glyphs: StyledGlyph[];
  images: PlacedImage[];
  /** Small filled shapes (drawn bullets). */
  marks: PlacedImage[];
  /** Boxes of the paths painted. */
  paths: PlacedImage[];
  links: PdfLink[];
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  /** ISO date (YYYY-MM-DD) of creation, when the PDF says. */
  created?: string;
  modified?: string;
  language?: string;
}

export interface OpenedPdf {
  pageCount: number;
  info: PdfInfo;
  /** Reads one page (1-based). */
  page(number: number): Promise<PdfPage>;
  close(): Promise<void>;
}

/** Why a PDF could not be opened, in words for the user. */
export class PdfOpenError extends Error {
  readonly reason: 'encrypted' | 'damaged';
  constructor(reason: 'encrypted' | 'damaged', message: string) {
    super(message);
    this.name = 'PdfOpenError';
    this.reason = reason;
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/**
 * Built-ins that pdf.js's legacy build (and its worker, loaded when the first document opens)
 * replaces with slower copies from its polyfill library, core-js, because it finds the engine's
 * own wrong at edges Folio never reaches (an array-like of 2³² elements, JSON's newest options).
 * The copy of `Array.prototype.push` alone, which every module of the process then calls, doubled
 * the time to read a long PDF and repair its Markdown. They are taken as they are before pdf.js
 * loads and put back once it has; what pdf.js adds (methods the engine lacks) stays.
 */
const ownBuiltins = ([
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
] as const).map(([target, key]) => ({ target, key, descriptor: Object.getOwnPropertyDescriptor(target, key) }));

function restoreBuiltins(): void {
  for (const { target, key, descriptor } of ownBuiltins) if (descriptor) Object.defineProperty(target, key, descriptor);
}

/** pdf.js, imported once, on first use. */
function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').finally(restoreBuiltins);
  return loading;
}

/** pdf.js's data folders (standard fonts' metrics, CMaps), as paths with a final slash. */
function dataFolder(name: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name) + path.sep;
}

/**
 * Opens a PDF.
 * @param bytes the file as read (copied: pdf.js takes ownership of what it is given)
 * @throws PdfOpenError when the PDF is encrypted with a password or is not a readable PDF
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    // Images are never decoded: their place is enough, and decoding them is most of the cost.
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: dataFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataFolder('standard_fonts'),
    wasmUrl: dataFolder('wasm'),
  });
  // A password is never asked for: say so instead.
  task.onPassword = () => {
    void task.destroy();
  };
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'PasswordException' || /password/iu.test(String((error as Error)?.message))) {
      throw new PdfOpenError('encrypted', 'it is protected by a password');
    }
    throw new PdfOpenError('damaged', `it is not a readable PDF (${(error as Error)?.message ?? error})`);
  } finally {
    // The worker has loaded by now, with its own copies of the polyfills.
    restoreBuiltins();
  }
  const ops = lib.OPS as unknown as OperatorCodes;
  const fonts = new Map<string, FontData | undefined>();
  const info = await readInfo(doc);
  return {
    pageCount: doc.numPages,
    info,
    async page(number: number): Promise<PdfPage> {
      const page = await doc.getPage(number);
      try {
        const list = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
        const fontOf = (name: string): FontData | undefined => {
          if (!fonts.has(name)) {
            let data: FontData | undefined;
            try {
              const f = page.commonObjs.get(name) as { name?: string; fontMatrix?: number[]; vertical?: boolean; isType3Font?: boolean; bbox?: number[] } | undefined;
              data = f ? { name: f.name ?? '', fontMatrix: f.fontMatrix, vertical: f.vertical, type3: f.isType3Font === true, bbox: f.bbox } : undefined;
            } catch {
              data = undefined;
            }
            fonts.set(name, data);
          }
          return fonts.get(name);
        };
        const layout = layoutPage(list, ops, fontOf);
        const styles = new Map<string, ReturnType<typeof fontStyle>>();
        const styleOf = (name: string): ReturnType<typeof fontStyle> => {
          let s = styles.get(name);
          if (!s) {
            const data = fontOf(name);
            s = fontStyle(data?.name ?? '');
            // A Type 3 copy of a font the document also uses as such is that font emboldened by
            // the producer (a browser's synthetic bold draws its glyphs as Type 3 outlines).
            if (data?.type3 && data.name && [...fonts.values()].some((f) => f && !f.type3 && f.name === data.name)) s = { ...s, bold: true };
            styles.set(name, s);
          }
          return s;
        };
        const links = await readLinks(page);
        const linkAt = linkFinder(links);
        // The layout's glyphs are this page's own: each gets its style in place rather than a copy.
        const glyphs: StyledGlyph[] = layout.glyphs.map((g) => {
          const s = styleOf(g.font);
          const link = linkAt(g.x + g.width / 2, g.y + g.size * 0.3);
          const styled = g as StyledGlyph;
          styled.bold = s.bold || g.stroked;
          styled.italic = s.italic || g.slanted;
          styled.monospace = s.monospace;
          if (link) styled.link = link;
          return styled;
        });
        const [x0, y0, x1, y1] = page.view as [number, number, number, number];
        return { number, box: [x0, y0, x1, y1], glyphs, images: layout.images, marks: layout.marks, paths: layout.paths, links };
      } finally {
        page.cleanup();
      }
    },
    close: () => doc.destroy(),
  };
}

/** Height of the bands of a page that links are sorted into, in points. */
const linkBand = 16;

/**
 * The URL of the first link (in the page's order) whose box holds a point, or undefined. A page
 * of a table of contents has hundreds of links and thousands of glyphs: each glyph looks only
 * at the links of its band of the page.
 */
function linkFinder(links: readonly PdfLink[]): (x: number, y: number) => string | undefined {
  if (!links.length) return () => undefined;
  const inside = (x: number, y: number) => (l: PdfLink): boolean => x >= l.x0 && x <= l.x1 && y >= l.y0 && y <= l.y1;
  // A box of no finite height, or taller than any page, is looked for the plain way.
  if (links.some((l) => !(l.y1 - l.y0 < linkBand * 256))) return (x, y) => links.find(inside(x, y))?.url;
  const bands = new Map<number, PdfLink[]>();
  for (const l of links) {
    for (let b = Math.floor(l.y0 / linkBand); b <= Math.floor(l.y1 / linkBand); b++) {
      const band = bands.get(b);
      if (band) band.push(l);
      else bands.set(b, [l]);
    }
  }
  return (x, y) => bands.get(Math.floor(y / linkBand))?.find(inside(x, y))?.url;
}

async function readLinks(page: { getAnnotations(params?: { intent?: string }): Promise<unknown[]> }): Promise<PdfLink[]> {
  let annotations: unknown[];
  try {
    annotations = await page.getAnnotations({ intent: 'display' });
  } catch {
    return [];
  }
  const links: PdfLink[] = [];
  for (const a of annotations as { subtype?: string; rect?: number[]; url?: string; unsafeUrl?: string }[]) {
    const url = a.url ?? a.unsafeUrl;
    if (a.subtype !== 'Link' || !url || !a.rect || !/^(?:https?|mailto|ftp):/iu.test(url)) continue;
    const [ax, ay, bx, by] = a.rect as [number, number, number, number];
    links.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by), url });
  }
  return links;
}

async function readInfo(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<PdfInfo> {
  try {
    const { info } = await doc.getMetadata();
    const i = info as Record<string, unknown>;
    const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return {
      title: text(i.Title),
      author: text(i.Author),
      subject: text(i.Subject),
      created: pdfDate(text(i.CreationDate)),
      modified: pdfDate(text(i.ModDate)),
      language: text(i.Language),
    };
  } catch {
    return {};
  }
}

/** `D:20240131…` → `2024-01-31`. */
function pdfDate(value: string | undefined): string | undefined {
  const m = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/u.exec(value) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
