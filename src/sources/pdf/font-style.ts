/**
 * Bold, italic and monospace from a PDF font's PostScript name: how foundries name the faces of
 * a family (`Serif-Bold`, `Sans,BoldItalic`, `Mono-It`, URW's `-Medi` for bold), and how TeX names
 * its fonts (Computer Modern and cm-super: `CMBX12` bold extended, `CMTI10` text italic, `CMSL`
 * slanted, `SFBX1000`, `CMTT` typewriter; Latin Modern: `LMRoman10-Bold`).
 *
 * A font whose name says nothing can still be emboldened by painting with a stroke; that is
 * decided from the render mode (`page-text.ts`), not here.
 */

export interface FontStyle {
  bold: boolean;
  italic: boolean;
  monospace: boolean;
}

/** TeX's short names: a family prefix, then the shape and series letters, then the design size. */
const texName = /^(?:cm|sf|ec|tc|lm|cs|pl|cc)([a-z]*?)\d*$/u;

/**
 * The style a font's name announces.
 * @param name the PostScript name, with or without its subset prefix (`ABCDEF+`)
 */
export function fontStyle(name: string): FontStyle {
  const base = name.replace(/^[A-Z]{6}\+/u, '');
  const lower = base.toLowerCase();
  const tex = texName.exec(lower);
  if (tex) {
    const shape = tex[1]!;
    return {
      // cmbx, cmb, cmssbx, sfbx, sfsx (sans bold extended), sfbi (bold italic), cmbxti…
      bold: /^(?:bx|b(?!sy)|ssbx|ssdc|sx|bi|bl|xc|bxti|bxsl)/u.test(shape),
      italic: /(?:ti|sl|itt|si|it|bi|so)$/u.test(shape) || /^(?:ti|sl|bxti|bxsl|ssi|sso|bi|si|it|so)/u.test(shape),
      monospace: /^(?:tt|sltt|itt|vtt|tcr)/u.test(shape),
    };
  }
  // The style part of a name: after the family, past a dash, comma or underscore, or in camel case.
  const style = /[-,_ ]([^-,_ ]+)$/u.exec(base)?.[1] ?? base;
  const styleLower = style.toLowerCase();
  const whole = lower;
  return {
    bold:
      /bold|black|heavy|semibold|demibold|demi(?![a-z])|extrabold|ultrabold/u.test(whole) ||
      /^(?:bd|bdit|bdita|bl|bk|sb|sbit|medi|mediital|w[6-9])(?:mt|ps)?$/u.test(styleLower),
    italic:
      /italic|oblique|slanted|kursiv|cursive|inclined/u.test(whole) ||
      /^(?:it|ital|bdit|bdita|sbit|mediital|bi|i|obl|sl)(?:mt|ps)?$/u.test(styleLower) ||
      /(?:bold|semibold|light|regular|book|black)it$|ital$/u.test(styleLower),
    monospace: /mono|courier|consol|typewriter|lucidaconsole|menlo|inconsolata|(?:^|[-+])code/u.test(whole),
  };
}
