// Bin codes to class names, and the heat stylesheet installed once per document (a constructed
// stylesheet: no <style> element, no inline styles on tokens).
import { BINS, heatClassName } from '../heat/palettes';
import type { PaletteName } from '../heat/palettes';
import { BIN_FADED } from '../heat/scale';
import { FADED_CLASS, heatStylesheetText, MISSING_CLASS } from '../heat/stylesheet';

export function binClass(bin: number | undefined, palette: PaletteName): string {
  if (bin === undefined) return MISSING_CLASS;
  if (bin < BINS) return heatClassName(palette, bin);
  return bin === BIN_FADED ? FADED_CLASS : MISSING_CLASS;
}

let installed = false;

export function installHeatStyles(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(heatStylesheetText());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
