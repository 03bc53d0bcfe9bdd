// The heat colours as one stylesheet of classes (hm-<palette>-<bin>), built from the palettes so the CSS
// and the minimap canvas can never disagree. Tokens then carry a class name, never an inline style.
import { PALETTES, paletteClasses } from './palettes';

/** Shown for a token whose value is missing (NaN) or, in a span signal, not covered by any span. */
export const MISSING_CLASS = 'hm-na';
/** Shown for a token below the threshold: no colour at all. */
export const FADED_CLASS = 'hm-off';

export function heatStylesheetText(): string {
  const rules: string[] = [];
  for (const palette of PALETTES) {
    for (const c of paletteClasses(palette))
      rules.push(`.${c.className}{background-color:${c.background};color:${c.color}}`);
  }
  rules.push(`.${MISSING_CLASS}{background-image:repeating-linear-gradient(135deg,#e4e7ec 0 2px,transparent 2px 5px)}`);
  rules.push(`.${FADED_CLASS}{background-color:transparent}`);
  return rules.join('\n');
}
