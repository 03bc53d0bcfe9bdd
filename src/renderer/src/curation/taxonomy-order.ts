// The order labels are shown and numbered in: per target, by position, then by id.
import type { LabelDef, LabelTarget } from '../../../shared/curation';

/** Active labels of one target, in taxonomy order. */
export function labelsForTarget(defs: readonly LabelDef[], target: LabelTarget): LabelDef[] {
  return defs.filter((d) => d.target === target && !d.archived).sort((a, b) => a.position - b.position || a.id - b.id);
}
