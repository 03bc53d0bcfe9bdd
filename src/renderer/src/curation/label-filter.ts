// Label and note filters as pure edits of a PromptFilter. The panel keeps one condition per label (so
// "has keep" and "has not drop" combine with AND) plus one "any label" condition without label ids.
// As with facets, an absent key means no restriction: removing the last condition removes the key.
import type { LabelCondition, NoteCondition, PromptFilter } from '../../../shared/domain';

export type LabelOp = LabelCondition['op'];
/** Conditions on the prompt's own labels vs. on its rollouts' labels rolled up to it. */
export const PROMPT_LABEL_OPS: readonly LabelOp[] = ['has', 'hasNot', 'disagree'];
export const ROLLOUT_LABEL_OPS: readonly LabelOp[] = ['rolloutHas', 'rolloutHasNot'];

export const OP_TITLES: Record<LabelOp, string> = {
  has: 'has',
  hasNot: 'has not',
  disagree: 'annotators disagree',
  rolloutHas: 'a rollout has',
  rolloutHasNot: 'no rollout has',
};

const isSingle = (c: LabelCondition, labelId: number) => c.labelIds?.length === 1 && c.labelIds[0] === labelId;
const isAnyLabel = (c: LabelCondition) => c.labelIds === undefined || c.labelIds.length === 0;

function withLabels(filter: PromptFilter, labels: LabelCondition[]): PromptFilter {
  const { labels: _old, ...rest } = filter;
  return labels.length > 0 ? { ...rest, labels } : rest;
}

/** The condition the panel set for this one label, or null. */
export function labelOp(filter: PromptFilter, labelId: number): LabelOp | null {
  return filter.labels?.find((c) => isSingle(c, labelId))?.op ?? null;
}

export function setLabelOp(filter: PromptFilter, labelId: number, op: LabelOp | null): PromptFilter {
  const others = (filter.labels ?? []).filter((c) => !isSingle(c, labelId));
  return withLabels(filter, op === null ? others : [...others, { op, labelIds: [labelId] }]);
}

/** "Labelled", "unlabelled" or "not labelled by <annotator>", over all labels of prompts. */
export type AnyLabelChoice = 'labelled' | 'unlabelled' | 'notMine' | null;

export function anyLabelChoice(filter: PromptFilter): AnyLabelChoice {
  const condition = filter.labels?.find(isAnyLabel);
  if (!condition) return null;
  if (condition.op === 'has' && !condition.annotator) return 'labelled';
  if (condition.op === 'hasNot') return condition.annotator ? 'notMine' : 'unlabelled';
  return null;
}

export function setAnyLabelChoice(filter: PromptFilter, choice: AnyLabelChoice, annotator: string): PromptFilter {
  const others = (filter.labels ?? []).filter((c) => !isAnyLabel(c));
  const condition: LabelCondition | null =
    choice === 'labelled'
      ? { op: 'has' }
      : choice === 'unlabelled'
        ? { op: 'hasNot' }
        : choice === 'notMine'
          ? { op: 'hasNot', annotator }
          : null;
  return withLabels(filter, condition ? [...others, condition] : others);
}

export type NoteChoice = NoteCondition['op'] | null;

export function setNoteCondition(filter: PromptFilter, op: NoteChoice, text = ''): PromptFilter {
  const { notes: _old, ...rest } = filter;
  if (op === null) return rest;
  if (op === 'contains') return text.trim() ? { ...rest, notes: { op, text: text.trim() } } : rest;
  return { ...rest, notes: { op } };
}

/** How many label and note conditions are set (for "Clear filters" and the panel header). */
export function curationConditionCount(filter: PromptFilter): number {
  return (filter.labels?.length ?? 0) + (filter.notes ? 1 : 0);
}

export function clearCurationFilters(filter: PromptFilter): PromptFilter {
  const { labels: _labels, notes: _notes, ...rest } = filter;
  return rest;
}
