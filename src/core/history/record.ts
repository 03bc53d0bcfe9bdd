// Writing history: a batch row, its change rows, and the annotator's undo/redo stacks. History rows are
// never updated or deleted (triggers in 0003_curation.sql refuse it); only the stacks move.
import type { Db } from '../db/open';
import type { BatchKind, Change } from './change';

export interface BatchHeader {
  annotator: string;
  kind: BatchKind;
  description: string;
  /** undo: the batch it reverts; redo: the undo batch it reverts. */
  reverts?: number | null;
}

export function insertBatch(db: Db, header: BatchHeader, changeCount: number, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO curation_batches (annotator, kind, description, reverts, change_count, ` +
        `created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(header.annotator, header.kind, header.description, header.reverts ?? null, changeCount, now);
  return Number(info.lastInsertRowid);
}

export function createChangeWriter(db: Db): (batchId: number, change: Change) => void {
  const insert = db.prepare(
    `INSERT INTO curation_changes (batch_id, target, item_id, span_start, span_end, field, ` +
      `label_id, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (batchId, c) => {
    insert.run(batchId, c.target, c.itemId, c.spanStart, c.spanEnd, c.field, c.labelId, c.oldValue, c.newValue);
  };
}

/** A batch of changes already applied by the caller, in the caller's transaction. */
export function recordBatch(db: Db, header: BatchHeader, changes: readonly Change[], now: string): number {
  const batchId = insertBatch(db, header, changes.length, now);
  const write = createChangeWriter(db);
  for (const change of changes) write(batchId, change);
  updateStacks(db, header, batchId);
  return batchId;
}

/**
 * Editor semantics per annotator: a new edit goes on the undo stack and clears the redo stack; an undo
 * moves the undone batch's place to the redo stack (as the undo batch); a redo moves back.
 */
export function updateStacks(db: Db, header: BatchHeader, batchId: number): void {
  const { annotator } = header;
  switch (header.kind) {
    case 'edit':
    case 'bulk':
      db.prepare(`DELETE FROM undo_stacks WHERE annotator = ? AND stack = 'redo'`).run(annotator);
      push(db, annotator, 'undo', batchId);
      return;
    case 'undo':
      pop(db, annotator, 'undo');
      push(db, annotator, 'redo', batchId);
      return;
    case 'redo':
      pop(db, annotator, 'redo');
      push(db, annotator, 'undo', batchId);
      return;
  }
}

export function stackTop(db: Db, annotator: string, stack: 'undo' | 'redo'): number | null {
  const top = db
    .prepare(`SELECT batch_id FROM undo_stacks WHERE annotator = ? AND stack = ? ORDER BY position DESC LIMIT 1`)
    .pluck()
    .get(annotator, stack) as number | undefined;
  return top ?? null;
}

function push(db: Db, annotator: string, stack: 'undo' | 'redo', batchId: number): void {
  db.prepare(
    `INSERT INTO undo_stacks (annotator, stack, position, batch_id)
     VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM undo_stacks WHERE annotator = ? AND stack = ?), ?)`,
  ).run(annotator, stack, annotator, stack, batchId);
}

function pop(db: Db, annotator: string, stack: 'undo' | 'redo'): void {
  db.prepare(
    `DELETE FROM undo_stacks WHERE annotator = ? AND stack = ? AND position = (SELECT ` +
      `max(position) FROM undo_stacks WHERE annotator = ? AND stack = ?)`,
  ).run(annotator, stack, annotator, stack);
}
