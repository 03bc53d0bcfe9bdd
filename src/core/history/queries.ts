// Reading history: batches, an item's changes (with label names), an annotator's undo/redo state.
import type { HistoryBatch, HistoryEntry, UndoStatus } from '../../shared/curation';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { LABEL_ON } from './change';
import { stackTop } from './record';

interface BatchRow {
  id: number;
  annotator: string;
  kind: HistoryBatch['kind'];
  description: string;
  reverts: number | null;
  change_count: number;
  created_at: string;
}

const toBatch = (r: BatchRow): HistoryBatch => ({
  id: r.id,
  annotator: r.annotator,
  kind: r.kind,
  description: r.description,
  reverts: r.reverts,
  changeCount: r.change_count,
  createdAt: r.created_at,
});

export function getBatch(db: Db, id: number): HistoryBatch {
  const row = db.prepare(`SELECT * FROM curation_batches WHERE id = ?`).get(id) as BatchRow | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No history batch with id ${id}.`);
  return toBatch(row);
}

export function listBatches(db: Db, annotator: string | undefined, limit: number): HistoryBatch[] {
  const rows = (
    annotator === undefined
      ? db.prepare(`SELECT * FROM curation_batches ORDER BY id DESC LIMIT ?`).all(limit)
      : db.prepare(`SELECT * FROM curation_batches WHERE annotator = ? ORDER BY id DESC LIMIT ?`).all(annotator, limit)
  ) as BatchRow[];
  return rows.map(toBatch);
}

export function undoStatus(db: Db, annotator: string): UndoStatus {
  const top = (stack: 'undo' | 'redo') => {
    const id = stackTop(db, annotator, stack);
    return id === null ? null : getBatch(db, id);
  };
  return { annotator, undo: top('undo'), redo: top('redo') };
}

interface EntryRow {
  change_id: number;
  batch_id: number;
  kind: HistoryBatch['kind'];
  annotator: string;
  at: string;
  target: HistoryEntry['target'];
  item_id: number;
  span_start: number;
  span_end: number;
  field: HistoryEntry['field'];
  label_id: number | null;
  label_name: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** A prompt's history, or a rollout's (its spans included); newest first. */
export function itemHistory(db: Db, target: 'prompt' | 'rollout', id: number, limit: number): HistoryEntry[] {
  const targets = target === 'prompt' ? `('prompt')` : `('rollout', 'span')`;
  const rows = db
    .prepare(
      `SELECT c.id AS change_id, c.batch_id, b.kind, b.annotator, b.created_at AS at, c.target, ` +
        `c.item_id, c.span_start, c.span_end,
         c.field, c.label_id, d.name AS label_name, c.old_value, c.new_value
       FROM curation_changes c JOIN curation_batches b ON b.id = c.batch_id LEFT JOIN label_defs d ON d.id = c.label_id
       WHERE c.item_id = ? AND c.target IN ${targets} ORDER BY c.id DESC LIMIT ?`,
    )
    .all(id, limit) as EntryRow[];
  const shown = (r: EntryRow, v: string | null) => (r.field === 'label' ? (v === LABEL_ON ? 'on' : 'off') : v);
  return rows.map((r) => ({
    changeId: r.change_id,
    batchId: r.batch_id,
    batchKind: r.kind,
    annotator: r.annotator,
    at: r.at,
    target: r.target,
    itemId: r.item_id,
    span: r.target === 'span' ? { start: r.span_start, end: r.span_end } : null,
    field: r.field,
    labelId: r.label_id,
    labelName: r.label_name,
    oldValue: shown(r, r.old_value),
    newValue: shown(r, r.new_value),
  }));
}
