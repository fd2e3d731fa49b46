/**
 * The booklet's options and their defaults, apart from the imposition code so that the command
 * line can name them without loading it.
 */

export interface BookletOptions {
  /** Sheets folded together (default 5, see `defaultSheetsPerSignature` in impose-booklet.ts); 0: one signature. */
  sheetsPerSignature?: number;
  /** Crop and fold marks for a print shop, with this bleed in millimetres. */
  marks?: { bleedMm: number };
}

/** Bleed a print shop asks for when none is given. */
export const defaultBleedMm = 3;
