/**
 * Where every glyph of a PDF page is: the page's operator list (what pdf.js parsed from its
 * content stream) run through the text model of the PDF specification (ISO 32000, § 9.4): the
 * text matrix, the font size, character and word spacing, horizontal scaling, text rise, the
 * current transformation matrix and the form XObjects that nest it. Each glyph comes out with its
 * baseline origin, its advance, its size on the page, its font and how it was painted (filled,
 * stroked — a synthetic bold — or invisible, as an OCR layer is).
 *
 * Why by hand: pdf.js's `getTextContent` gives positions but neither the real font names nor
 * the render mode, and costs twice the operator list; the operator list gives both, and the
 * arithmetic of text positioning is short and fixed by the standard.
 *
 * Images are found here too: the reader asks pdf.js not to decode them (it would take most of
 * the time and memory), which leaves, where an image was drawn, a transformation that paints
 * nothing; its box on the page is the image's. Not for: lines, words or reading order
 * (`lines.ts`, `layout.ts`).
 */

/** The operator list of a page, as `page.getOperatorList()` gives it. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** pdf.js's operator codes (its `OPS` export), passed in so this module stays free of pdf.js. */
export type OperatorCodes = Readonly<Record<string, number>>;

/** What the layout needs of a font. */
export interface FontData {
  /** The font's PostScript name, subset prefix included (`ABCDEF+Serif-Bold`). */
  name: string;
  /** Glyph space to text space; `[0.001, 0, 0, 0.001, 0, 0]` for all but Type 3 fonts. */
  fontMatrix?: ArrayLike<number>;
  vertical?: boolean;
  /** A Type 3 font: glyphs drawn by the PDF itself (how a browser writes a bold it synthesized). */
  type3?: boolean;
  /** The font's box in glyph space `[x0, y0, x1, y1]`, for the size of a Type 3 font's em. */
  bbox?: ArrayLike<number>;
}

/**
 * How many text-space units a Type 3 font's em is, per unit of font size. Ordinary fonts have
 * 1000 glyph units per em (the font matrix 0.001 says so); a Type 3 font says nothing, but its
 * matrix is usually the inverse of a round grid (1/2048 when a browser copies a TrueType font);
 * otherwise its box is about 1.2 em high.
 */
function emScale(font: FontData | undefined): number {
  const fm = font?.fontMatrix;
  const m = Math.abs(fm?.[3] ?? 0.001) || 0.001;
  if (!font?.type3) return m / 0.001;
  const grid = 1 / m;
  if ([256, 512, 1000, 1024, 2000, 2048, 4096, 16384].some((g) => Math.abs(grid - g) < 0.5)) return 1;
  const box = font.bbox;
  const height = box && box.length === 4 ? Math.abs(box[3]! - box[1]!) * m : 0;
  return height > 0 ? height / 1.2 : 1;
}

/** One glyph as painted. Coordinates are PDF user space of the page: points, y upwards. */
export interface Glyph {
  /** The text the glyph stands for (a ligature glyph stands for several letters). */
  text: string;
  /** Baseline origin. */
  x: number;
  y: number;
  /** Advance along the baseline. */
  width: number;
  /** Font size on the page (points). */
  size: number;
  /** pdf.js's name for the font (look it up with the `fontOf` given to `layoutPage`). */
  font: string;
  /** Painted with a stroke (render modes 1, 2, 5, 6): the way producers embolden a regular font. */
  stroked: boolean;
  /** Not painted (render modes 3, 7): an OCR layer or hidden text. */
  invisible: boolean;
  /** The glyph's baseline is not horizontal (rotated text: margin stamps, axis labels). */
  rotated: boolean;
  /** A space glyph (word spacing applies to it). */
  space: boolean;
  /** Drawn with a shear (the way a browser slants a font that has no italic face). */
  slanted: boolean;
}

/** An image's box on the page. */
export interface PlacedImage {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageLayout {
  glyphs: Glyph[];
  images: PlacedImage[];
  /** Small filled shapes: the bullets of lists that a browser draws instead of a glyph. */
  marks: PlacedImage[];
  /** The boxes of the paths painted (lines, curves, shapes): where a drawing is. */
  paths: PlacedImage[];
}

type Matrix = [number, number, number, number, number, number];

const identity: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1 · m2` in pdf.js's convention: the transform that applies `m2`, then `m1`. */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function toMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const a = value as ArrayLike<number>;
  if (a.length !== 6) return undefined;
  const m = Array.from(a) as Matrix;
  return m.every((n) => Number.isFinite(n)) ? m : undefined;
}

interface TextState {
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  font?: string;
  fontSize: number;
  renderMode: number;
  rise: number;
}

interface GraphicsState {
  ctm: Matrix;
  text: TextState;
}

/** A glyph of pdf.js's operator list. */
interface OpGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** Smallest side of a box, in points, for an unpainted transformation to count as an image. */
const minImageSide = 12;

/**
 * Lays out one page.
 * @param list the page's operator list
 * @param ops pdf.js's operator codes
 * @param fontOf the font pdf.js loaded under a name (undefined when unknown: default metrics)
 * @returns every glyph painted on the page, in content-stream order, and the images' boxes
 */
export function layoutPage(list: OperatorList, ops: OperatorCodes, fontOf: (name: string) => FontData | undefined): PageLayout {
  const glyphs: Glyph[] = [];
  const images: PlacedImage[] = [];
  const marks: PlacedImage[] = [];
  const paths: PlacedImage[] = [];
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  let state: GraphicsState = {
    ctm: identity,
    text: { charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, fontSize: 0, renderMode: 0, rise: 0 },
  };
  const stack: GraphicsState[] = [];
  /** For each open save: whether anything was painted since, and the last matrix set inside. */
  const groups: { painted: boolean; ctm?: Matrix }[] = [];
  let tm: Matrix = identity;
  let tlm: Matrix = identity;
  const fonts = new Map<string, FontData | undefined>();
  const font = (name: string | undefined): FontData | undefined => {
    if (!name) return undefined;
    if (!fonts.has(name)) fonts.set(name, fontOf(name));
    return fonts.get(name);
  };
  const painted = (): void => {
    for (const g of groups) g.painted = true;
  };
  const save = (): void => {
    stack.push(state);
    state = { ctm: state.ctm, text: { ...state.text } };
    groups.push({ painted: false });
  };
  const restore = (): void => {
    const group = groups.pop();
    if (group && !group.painted && group.ctm) {
      const box = unitSquareBox(group.ctm);
      if (box.width >= minImageSide && box.height >= minImageSide) {
        images.push(box);
        painted();
      }
    }
    state = stack.pop() ?? state;
  };
  const moveText = (tx: number, ty: number): void => {
    tlm = multiply(tlm, [1, 0, 0, 1, tx, ty]);
    tm = tlm;
  };
  const show = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    const t = state.text;
    const data = font(t.font);
    const fm = data?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const unitsToText = fm[0] ?? 0.001;
    const sizeScale = emScale(data);
    const mode = t.renderMode & 7;
    painted();
    for (const item of items as (number | OpGlyph | null)[]) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'number') {
        tm = multiply(tm, [1, 0, 0, 1, (-item / 1000) * t.fontSize * t.hScale, 0]);
        continue;
      }
      const trm = multiply(multiply(state.ctm, tm), [t.fontSize * t.hScale, 0, 0, t.fontSize, 0, t.rise]);
      const advance = ((item.width ?? 0) * unitsToText * t.fontSize + t.charSpacing + (item.isSpace ? t.wordSpacing : 0)) * t.hScale;
      tm = multiply(tm, [1, 0, 0, 1, advance, 0]);
      const end = multiply(multiply(state.ctm, tm), [1, 0, 0, 1, 0, t.rise]);
      const dx = end[4] - trm[4];
      const dy = end[5] - trm[5];
      const text = item.unicode ?? '';
      if (!text) continue;
      const size = Math.hypot(trm[2], trm[3]) * sizeScale;
      glyphs.push({
        text,
        x: trm[4],
        y: trm[5],
        width: Math.hypot(dx, dy),
        size,
        font: t.font ?? '',
        stroked: mode === 1 || mode === 2 || mode === 5 || mode === 6,
        invisible: mode === 3 || mode === 7,
        // A baseline that is not left to right, or a glyph drawn upside down or mirrored.
        rotated: Math.abs(dy) > Math.abs(dx) * 0.1 + 0.01 || dx < 0 || trm[3] * Math.sign(trm[0] || 1) < 0 || Math.abs(trm[1]) > Math.abs(trm[0]) * 0.1 + 0.01,
        space: /^\s+$/u.test(text),
        slanted: Math.abs(trm[2]) > Math.abs(trm[3]) * 0.12 && Math.abs(trm[1]) < Math.abs(trm[0]) * 0.05,
      });
    }
  };

  const n = list.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null | undefined;
    const num = (k: number): number => {
      const v = args?.[k];
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    };
    switch (fn) {
      case ops.save:
        save();
        break;
      case ops.restore:
        restore();
        break;
      case ops.transform: {
        const m = toMatrix(args);
        if (m) {
          state.ctm = multiply(state.ctm, m);
          const g = groups[groups.length - 1];
          if (g) g.ctm = state.ctm;
        }
        break;
      }
      case ops.paintFormXObjectBegin: {
        save();
        const m = toMatrix(args?.[0]);
        if (m) state.ctm = multiply(state.ctm, m);
        // A form is content of its own: its drawing does not make an image of the group around it.
        groups[groups.length - 1]!.painted = true;
        break;
      }
      case ops.paintFormXObjectEnd:
        restore();
        break;
      case ops.beginText:
        tm = identity;
        tlm = identity;
        break;
      case ops.setTextMatrix: {
        const m = toMatrix(args?.length === 1 ? args[0] : args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case ops.moveText:
        moveText(num(0), num(1));
        break;
      case ops.setLeadingMoveText:
        state.text.leading = -num(1);
        moveText(num(0), num(1));
        break;
      case ops.nextLine:
        moveText(0, -state.text.leading);
        break;
      case ops.setCharSpacing:
        state.text.charSpacing = num(0);
        break;
      case ops.setWordSpacing:
        state.text.wordSpacing = num(0);
        break;
      case ops.setHScale:
        state.text.hScale = num(0) / 100;
        break;
      case ops.setLeading:
        state.text.leading = num(0);
        break;
      case ops.setTextRise:
        state.text.rise = num(0);
        break;
      case ops.setTextRenderingMode:
        state.text.renderMode = num(0);
        break;
      case ops.setFont:
        state.text.font = typeof args?.[0] === 'string' ? args[0] : undefined;
        state.text.fontSize = num(1);
        break;
      case ops.showText:
      case ops.showSpacedText:
        show(args?.[0]);
        break;
      case ops.nextLineShowText:
        moveText(0, -state.text.leading);
        show(args?.[0]);
        break;
      case ops.nextLineSetSpacingShowText:
        state.text.wordSpacing = num(0);
        state.text.charSpacing = num(1);
        moveText(0, -state.text.leading);
        show(args?.[2]);
        break;
      case ops.constructPath: {
        // A path only painted as a clip draws nothing.
        if (args?.[0] !== ops.endPath) painted();
        const bounds = args?.[2] as ArrayLike<number> | undefined;
        if (args?.[0] !== ops.endPath && bounds && bounds.length === 4 && bounds[2]! >= bounds[0]!) {
          const box = unitSquareBox(multiply(state.ctm, [bounds[2]! - bounds[0]!, 0, 0, bounds[3]! - bounds[1]!, bounds[0]!, bounds[1]!]));
          paths.push(box);
          const ratio = box.width / Math.max(box.height, 0.01);
          if (fills.has(args?.[0] as number) && box.width >= 1.2 && box.width <= 9 && box.height >= 1.2 && box.height <= 9 && ratio > 0.5 && ratio < 2) marks.push(box);
        }
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
      case ops.paintImageXObjectRepeat:
      case ops.paintImageMaskXObjectRepeat:
      case ops.paintSolidColorImageMask: {
        painted();
        const box = unitSquareBox(state.ctm);
        if (box.width >= minImageSide && box.height >= minImageSide) images.push(box);
        break;
      }
      case ops.fill:
      case ops.eoFill:
      case ops.stroke:
      case ops.closeStroke:
      case ops.fillStroke:
      case ops.eoFillStroke:
      case ops.closeFillStroke:
      case ops.closeEOFillStroke:
      case ops.shadingFill:
      case ops.rawFillPath:
        painted();
        break;
      default:
        break;
    }
  }
  return { glyphs, images, marks, paths };
}

/** The box the unit square takes through a matrix (an image's place on the page). */
function unitSquareBox(m: Matrix): PlacedImage {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
