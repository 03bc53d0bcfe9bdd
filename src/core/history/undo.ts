// Undo and redo per annotator. An undo reverts the top batch of the annotator's undo stack by writing
// each change's old value back, and records that as a new 'undo' batch (history stays append-only);
// a redo reverts that undo batch the same way. A change whose value someone else has changed since
// (only gold answers are shared between annotators) is left alone and counted as skipped.
import type { HistoryBatch, UndoResult } from '../../shared/curation';
import type { Db } from '../db/open';
import { durableTransaction } from '../curation/durable';
import { createSlotStore } from '../curation/items';
import { nowIso } from '../util/time';
import type { Change } from './change';
import { getBatch } from './queries';
import { insertBatch, stackTop, updateStacks } from './record';

const PAGE = 5000;

interface ChangeRow {
  id: number;
  target: Change['target'];
  item_id: number;
  span_start: number;
  span_end: number;
  field: Change['field'];
  label_id: number | null;
  old_value: string | null;
  new_value: string | null;
}

export function undoOrRedo(db: Db, annotator: string, direction: 'undo' | 'redo'): UndoResult {
  return durableTransaction(db, () => {
    const topId = stackTop(db, annotator, direction);
    if (topId === null) return { batch: null, reverted: 0, skipped: 0 };
    const target = getBatch(db, topId);
    const store = createSlotStore(db);
    const now = nowIso();
    const page = db.prepare(
      `SELECT * FROM curation_changes WHERE batch_id = ? AND id < ? ORDER BY id DESC LIMIT ${PAGE}`,
    );
    // Ids of the reverted changes, newest first: the new batch lists their inverses in that order, so
    // reverting it again (redo) walks them back in the original order.
    const reverted: number[] = [];
    let skipped = 0;
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = page.all(topId, before) as ChangeRow[];
      for (const row of rows) {
        const slot = {
          target: row.target,
          itemId: row.item_id,
          spanStart: row.span_start,
          spanEnd: row.span_end,
          field: row.field,
          labelId: row.label_id,
        };
        if (store.read(slot, target.annotator) !== row.new_value) {
          skipped++;
          continue;
        }
        store.write(slot, target.annotator, row.old_value, now);
        reverted.push(row.id);
      }
      if (rows.length < PAGE) break;
      before = (rows[rows.length - 1] as ChangeRow).id;
    }
    const header = {
      annotator,
      kind: direction,
      description: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${target.description.replace(/^Undo: /, '')}`,
      reverts: topId,
    } as const;
    const batchId = insertBatch(db, header, reverted.length, now);
    const copyInverse = db.prepare(
      `INSERT INTO curation_changes (batch_id, target, item_id, span_start, span_end, field, ` +
        `label_id, old_value, new_value)
       SELECT ?, target, item_id, span_start, span_end, field, label_id, new_value, old_value ` +
        `FROM curation_changes WHERE id = ?`,
    );
    for (const id of reverted) copyInverse.run(batchId, id);
    updateStacks(db, header, batchId);
    const batch: HistoryBatch = getBatch(db, batchId);
    return { batch, reverted: reverted.length, skipped };
  });
}
