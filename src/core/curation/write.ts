// Single-item writes: toggle a label, set a note, correct a gold answer. Each is its own durable
// transaction (see durable.ts) recorded as one history batch, so one undo reverts it.
import type { ItemRef, WriteResult } from '../../shared/curation';
import type { Db } from '../db/open';
import type { Change, Slot } from '../history/change';
import { LABEL_ON } from '../history/change';
import { recordBatch } from '../history/record';
import { nowIso } from '../util/time';
import { readItemAnnotations } from './annotations';
import { durableTransaction } from './durable';
import { checkItem, createSlotStore, slotFor } from './items';
import { labelForTarget } from './taxonomy';

function describeItem(item: ItemRef): string {
  return item.target === 'span'
    ? `span [${item.start}, ${item.end}) of rollout ${item.id}`
    : `${item.target} ${item.id}`;
}

/** Writes one slot if its value changes; returns the batch id, or null when nothing changed. */
function writeOne(db: Db, slot: Slot, annotator: string, value: string | null, description: string): number | null {
  const store = createSlotStore(db);
  const old = store.read(slot, annotator);
  if (old === value) return null;
  const now = nowIso();
  store.write(slot, annotator, value, now);
  const change: Change = { ...slot, oldValue: old, newValue: value };
  return recordBatch(db, { annotator, kind: 'edit', description }, [change], now);
}

function annotationsOf(db: Db, item: ItemRef) {
  return readItemAnnotations(db, item.target === 'prompt' ? 'prompt' : 'rollout', item.id);
}

export function toggleLabel(
  db: Db,
  item: ItemRef,
  labelId: number,
  on: boolean | undefined,
  annotator: string,
): WriteResult {
  const batchId = durableTransaction(db, () => {
    checkItem(db, item);
    const def = labelForTarget(db, labelId, item.target);
    const slot = slotFor(item, 'label', labelId);
    const apply = on ?? createSlotStore(db).read(slot, annotator) === null;
    return writeOne(
      db,
      slot,
      annotator,
      apply ? LABEL_ON : null,
      `${apply ? 'Add' : 'Remove'} "${def.name}" on ${describeItem(item)}`,
    );
  });
  return { batchId, changed: batchId === null ? 0 : 1, annotations: annotationsOf(db, item) };
}

export function setNote(db: Db, item: ItemRef, text: string, annotator: string): WriteResult {
  const value = text.trim() === '' ? null : text;
  const batchId = durableTransaction(db, () => {
    checkItem(db, item);
    return writeOne(
      db,
      slotFor(item, 'note'),
      annotator,
      value,
      `${value === null ? 'Remove note' : 'Note'} on ${describeItem(item)}`,
    );
  });
  return { batchId, changed: batchId === null ? 0 : 1, annotations: annotationsOf(db, item) };
}

/** null or blank restores the original answer (which is never overwritten). */
export function setGoldAnswer(db: Db, promptId: number, goldAnswer: string | null, annotator: string): number | null {
  const value = goldAnswer === null || goldAnswer.trim() === '' ? null : goldAnswer.trim();
  const item: ItemRef = { target: 'prompt', id: promptId };
  return durableTransaction(db, () => {
    checkItem(db, item);
    return writeOne(
      db,
      slotFor(item, 'gold_answer'),
      annotator,
      value,
      value === null
        ? `Restore original gold answer of prompt ${promptId}`
        : `Correct gold answer of prompt ${promptId}`,
    );
  });
}

export interface GoldCorrection {
  answer: string;
  normalized: string | null;
  annotator: string;
  updatedAt: string;
}

export function goldCorrection(db: Db, promptId: number): GoldCorrection | null {
  const row = db
    .prepare(
      `SELECT gold_answer AS answer, gold_answer_norm AS normalized, annotator, updated_at AS ` +
        `updatedAt FROM gold_corrections WHERE prompt_id = ?`,
    )
    .get(promptId) as GoldCorrection | undefined;
  return row ?? null;
}
