/**
 * The booklet's options and their defaults, apart from the imposition code so that the command
 * line can name them without loading it.
 */

export interface BookletOptions {
  /** Sheets folded together; 0 or omitted: one signature. */
  sheetsPerSignature?: number;
  /** Crop and fold marks for a print shop, with this bleed in millimetres. */
  marks?: { bleedMm: number };
}

/** Bleed a print shop asks for when none is given. */
export const defaultBleedMm = 3;
