// The differences between a prompt and the benchmark item it matched, for the side-by-side view. Both texts are cut
// into units (a word of text, or a whole formula) and diffed as sequences with jsdiff; each side then lists its units
// with the ones the other side lacks marked. A formula is one unit so that it can still be typeset: a changed number
// inside it marks the whole formula.
import { diffArrays } from 'diff';
import { tokenizeMath } from '../math/tokenize-math';

export type Unit = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };
export type MarkedUnit = Unit & { changed: boolean };

/** Words keep their trailing space so the text reads as written; formulas are compared without spacing. */
export function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  for (const segment of tokenizeMath(text)) {
    if (segment.kind === 'math') units.push(segment);
    else for (const word of segment.text.match(/\S+\s*|\s+/g) ?? []) units.push({ kind: 'text', text: word });
  }
  return units;
}

function keyOf(unit: Unit): string {
  return unit.kind === 'math' ? `$${unit.tex.replace(/\s+/g, '')}` : unit.text.trim().toLowerCase();
}

export interface SideBySide {
  left: MarkedUnit[];
  right: MarkedUnit[];
  /** Units marked on either side. */
  changes: number;
}

export function compareTexts(left: string, right: string): SideBySide {
  const a = unitsOf(left);
  const b = unitsOf(right);
  const parts = diffArrays(a.map(keyOf), b.map(keyOf));
  const out: SideBySide = { left: [], right: [], changes: 0 };
  let i = 0;
  let j = 0;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    for (let k = 0; k < n; k++) {
      if (part.added) out.right.push({ ...(b[j++] as Unit), changed: true });
      else if (part.removed) out.left.push({ ...(a[i++] as Unit), changed: true });
      else {
        out.left.push({ ...(a[i++] as Unit), changed: false });
        out.right.push({ ...(b[j++] as Unit), changed: false });
      }
    }
    if (part.added || part.removed) out.changes += n;
  }
  return out;
}
