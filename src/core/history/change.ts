// One recorded change: which value of which item (a "slot"), and its old and new value. The same shape
// feeds the history tables, undo and redo.
import type { LabelTarget } from '../../shared/curation';

export type ChangeField = 'label' | 'note' | 'gold_answer';

export interface Slot {
  target: LabelTarget;
  /** Prompt id, or rollout id for rollouts and spans. */
  itemId: number;
  /** Token range of a span; -1 / -1 otherwise. */
  spanStart: number;
  spanEnd: number;
  field: ChangeField;
  labelId: number | null;
}

/** Values: label LABEL_ON or null (absent); note text or null; corrected gold answer or null (the original). */
export interface Change extends Slot {
  oldValue: string | null;
  newValue: string | null;
}

export const LABEL_ON = '1';

export type BatchKind = 'edit' | 'bulk' | 'undo' | 'redo';
