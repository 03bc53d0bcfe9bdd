// Reading what curators attached to items: labels and notes of every annotator, per prompt or per
// rollout (whole-rollout ones, and per token span).
import type { AppliedLabel, ItemAnnotations, ItemNote } from '../../shared/curation';
import type { Db } from '../db/open';

interface LabelRow {
  item: number;
  span_start: number;
  span_end: number;
  label_id: number;
  name: string;
  annotator: string;
  created_at: string;
}
interface NoteRow {
  item: number;
  span_start: number;
  span_end: number;
  annotator: string;
  text: string;
  updated_at: string;
}

const IDS = `(SELECT value FROM json_each(?))`;

export function readAnnotations(db: Db, target: 'prompt' | 'rollout', ids: readonly number[]): ItemAnnotations[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const labels = (
    target === 'prompt'
      ? db.prepare(
          `SELECT l.prompt_id AS item, -1 AS span_start, -1 AS span_end, l.label_id, d.name, l.annotator, l.created_at
           FROM prompt_labels l JOIN label_defs d ON d.id = l.label_id WHERE l.prompt_id IN ${IDS}
           ORDER BY l.prompt_id, d.position, d.id, l.annotator`,
        )
      : db.prepare(
          `SELECT l.rollout_id AS item, l.span_start, l.span_end, l.label_id, d.name, l.annotator, l.created_at
           FROM rollout_labels l JOIN label_defs d ON d.id = l.label_id WHERE l.rollout_id IN ${IDS}
           ORDER BY l.rollout_id, l.span_start, l.span_end, d.position, d.id, l.annotator`,
        )
  ).all(json) as LabelRow[];
  const notes = (
    target === 'prompt'
      ? db.prepare(
          `SELECT prompt_id AS item, -1 AS span_start, -1 AS span_end, annotator, text, ` +
            `updated_at FROM prompt_notes WHERE prompt_id IN ${IDS} ORDER BY prompt_id, annotator`,
        )
      : db.prepare(
          `SELECT rollout_id AS item, span_start, span_end, annotator, text, updated_at FROM ` +
            `rollout_notes WHERE rollout_id IN ${IDS}
           ORDER BY rollout_id, span_start, span_end, annotator`,
        )
  ).all(json) as NoteRow[];

  const byId = new Map<number, ItemAnnotations>();
  for (const id of ids) if (!byId.has(id)) byId.set(id, { target, id, labels: [], notes: [], spans: [] });
  const spanOf = (a: ItemAnnotations, start: number, end: number) => {
    let span = a.spans.find((s) => s.start === start && s.end === end);
    if (!span) {
      span = { start, end, labels: [], notes: [] };
      a.spans.push(span);
    }
    return span;
  };
  for (const r of labels) {
    const a = byId.get(r.item) as ItemAnnotations;
    const label: AppliedLabel = { labelId: r.label_id, name: r.name, annotator: r.annotator, createdAt: r.created_at };
    (r.span_start < 0 ? a : spanOf(a, r.span_start, r.span_end)).labels.push(label);
  }
  for (const r of notes) {
    const a = byId.get(r.item) as ItemAnnotations;
    const note: ItemNote = { annotator: r.annotator, text: r.text, updatedAt: r.updated_at };
    (r.span_start < 0 ? a : spanOf(a, r.span_start, r.span_end)).notes.push(note);
  }
  for (const a of byId.values()) a.spans.sort((x, y) => x.start - y.start || x.end - y.end);
  return [...byId.values()];
}

export function readItemAnnotations(db: Db, target: 'prompt' | 'rollout', id: number): ItemAnnotations {
  return readAnnotations(db, target, [id])[0] as ItemAnnotations;
}
