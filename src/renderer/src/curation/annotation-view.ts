// Pure views of ItemAnnotations: the part that belongs to one item (a whole prompt or rollout, or one
// token span of a rollout), what the current annotator applied, and what others did.
import type { AppliedLabel, ItemAnnotations, ItemNote, ItemRef } from '../../../shared/curation';

export interface ItemMarks {
  labels: AppliedLabel[];
  notes: ItemNote[];
}

/** The labels and notes on exactly `item`; for a span, the span with the same token range. */
export function marksOf(item: ItemRef, annotations: ItemAnnotations | undefined): ItemMarks {
  if (!annotations) return { labels: [], notes: [] };
  if (item.target !== 'span') return { labels: annotations.labels, notes: annotations.notes };
  const span = annotations.spans.find((s) => s.start === item.start && s.end === item.end);
  return span ? { labels: span.labels, notes: span.notes } : { labels: [], notes: [] };
}

/** Where an item's annotations are fetched from: prompts by prompt id, rollouts and spans by rollout id. */
export function fetchTarget(item: ItemRef): 'prompt' | 'rollout' {
  return item.target === 'prompt' ? 'prompt' : 'rollout';
}

export function itemKey(item: ItemRef): string {
  return item.target === 'span' ? `span:${item.id}:${item.start}:${item.end}` : `${item.target}:${item.id}`;
}

export function myLabelIds(marks: ItemMarks, annotator: string | null): Set<number> {
  return new Set(marks.labels.filter((l) => l.annotator === annotator).map((l) => l.labelId));
}

export function myNote(marks: ItemMarks, annotator: string | null): string {
  return marks.notes.find((n) => n.annotator === annotator)?.text ?? '';
}

/** Other annotators' labels grouped per label: label id → annotator names. */
export function othersByLabel(marks: ItemMarks, annotator: string | null): Map<number, string[]> {
  const byLabel = new Map<number, string[]>();
  for (const l of marks.labels) {
    if (l.annotator === annotator) continue;
    const names = byLabel.get(l.labelId);
    if (names) names.push(l.annotator);
    else byLabel.set(l.labelId, [l.annotator]);
  }
  return byLabel;
}

/** Distinct label names on an item (any annotator), in the order given, for compact chips. */
export function distinctLabels(
  labels: readonly AppliedLabel[],
): { labelId: number; name: string; annotators: string[] }[] {
  const out: { labelId: number; name: string; annotators: string[] }[] = [];
  for (const l of labels) {
    const existing = out.find((o) => o.labelId === l.labelId);
    if (existing) existing.annotators.push(l.annotator);
    else out.push({ labelId: l.labelId, name: l.name, annotators: [l.annotator] });
  }
  return out;
}
