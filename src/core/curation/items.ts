// Items curators annotate (prompts, rollouts, token spans of rollouts): existence checks, and reading
// and writing one value (a label of one annotator, a note of one annotator, the corrected gold answer).
import type { ItemRef } from '../../shared/curation';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { Slot } from '../history/change';
import { LABEL_ON } from '../history/change';
import { answerNormalized } from '../prompts/normalize';

export const NO_SPAN = -1;

/** Throws NOT_FOUND / INVALID_INPUT unless the item exists and is visible. */
export function checkItem(db: Db, item: ItemRef): void {
  if (item.target === 'prompt') {
    const found = db
      .prepare(`SELECT 1 FROM prompts p JOIN datasets d ON d.id = p.dataset_id AND d.status = 'ready' WHERE p.id = ?`)
      .get(item.id);
    if (!found) throw new CuratorError('NOT_FOUND', `No prompt with id ${item.id}.`);
    return;
  }
  const rollout = db
    .prepare(
      `SELECT r.token_count AS tokens FROM rollouts r JOIN runs u ON u.id = r.run_id AND ` +
        `u.status = 'ready' WHERE r.id = ?`,
    )
    .get(item.id) as { tokens: number | null } | undefined;
  if (!rollout) throw new CuratorError('NOT_FOUND', `No rollout with id ${item.id}.`);
  if (item.target === 'span') {
    if (item.end <= item.start)
      throw new CuratorError(
        'INVALID_INPUT',
        `A span is a token range [start, end) with end > start; got [${item.start}, ${item.end}).`,
      );
    if (rollout.tokens !== null && item.end > rollout.tokens) {
      throw new CuratorError(
        'INVALID_INPUT',
        `Span [${item.start}, ${item.end}) runs past the rollout's ${rollout.tokens} tokens.`,
      );
    }
  }
}

export function slotFor(item: ItemRef, field: Slot['field'], labelId: number | null = null): Slot {
  return {
    target: item.target,
    itemId: item.id,
    spanStart: item.target === 'span' ? item.start : NO_SPAN,
    spanEnd: item.target === 'span' ? item.end : NO_SPAN,
    field,
    labelId,
  };
}

export interface SlotStore {
  read(slot: Slot, annotator: string): string | null;
  write(slot: Slot, annotator: string, value: string | null, now: string): void;
}

/** Prepared once per caller; use inside the caller's transaction. */
export function createSlotStore(db: Db): SlotStore {
  const q = {
    promptLabel: db
      .prepare(`SELECT 1 FROM prompt_labels WHERE prompt_id = ? AND label_id = ? AND annotator = ?`)
      .pluck(),
    promptLabelAdd: db.prepare(
      `INSERT OR IGNORE INTO prompt_labels (prompt_id, label_id, annotator, created_at) VALUES (?, ?, ?, ?)`,
    ),
    promptLabelDel: db.prepare(`DELETE FROM prompt_labels WHERE prompt_id = ? AND label_id = ? AND annotator = ?`),
    rolloutLabel: db
      .prepare(
        `SELECT 1 FROM rollout_labels WHERE rollout_id = ? AND span_start = ? AND span_end = ? ` +
          `AND label_id = ? AND annotator = ?`,
      )
      .pluck(),
    rolloutLabelAdd: db.prepare(
      `INSERT OR IGNORE INTO rollout_labels (rollout_id, span_start, span_end, label_id, ` +
        `annotator, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    rolloutLabelDel: db.prepare(
      `DELETE FROM rollout_labels WHERE rollout_id = ? AND span_start = ? AND span_end = ? AND ` +
        `label_id = ? AND annotator = ?`,
    ),
    promptNote: db.prepare(`SELECT text FROM prompt_notes WHERE prompt_id = ? AND annotator = ?`).pluck(),
    promptNoteSet: db.prepare(
      `INSERT INTO prompt_notes (prompt_id, annotator, text, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (prompt_id, annotator) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    ),
    promptNoteDel: db.prepare(`DELETE FROM prompt_notes WHERE prompt_id = ? AND annotator = ?`),
    rolloutNote: db
      .prepare(
        `SELECT text FROM rollout_notes WHERE rollout_id = ? AND span_start = ? AND span_end = ? AND annotator = ?`,
      )
      .pluck(),
    rolloutNoteSet: db.prepare(
      `INSERT INTO rollout_notes (rollout_id, span_start, span_end, annotator, text, ` +
        `updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (rollout_id, span_start, span_end, annotator) DO UPDATE SET text = ` +
        `excluded.text, updated_at = excluded.updated_at`,
    ),
    rolloutNoteDel: db.prepare(
      `DELETE FROM rollout_notes WHERE rollout_id = ? AND span_start = ? AND span_end = ? AND annotator = ?`,
    ),
    gold: db.prepare(`SELECT gold_answer FROM gold_corrections WHERE prompt_id = ?`).pluck(),
    goldSet: db.prepare(
      `INSERT INTO gold_corrections (prompt_id, gold_answer, gold_answer_norm, annotator, ` +
        `updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (prompt_id) DO UPDATE SET gold_answer = excluded.gold_answer, ` +
        `gold_answer_norm = excluded.gold_answer_norm,
         annotator = excluded.annotator, updated_at = excluded.updated_at`,
    ),
    goldDel: db.prepare(`DELETE FROM gold_corrections WHERE prompt_id = ?`),
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : null);

  return {
    read(slot, annotator) {
      const { itemId: id, spanStart: s, spanEnd: e } = slot;
      switch (slot.field) {
        case 'label':
          if (slot.target === 'prompt')
            return q.promptLabel.get(id, slot.labelId, annotator) !== undefined ? LABEL_ON : null;
          return q.rolloutLabel.get(id, s, e, slot.labelId, annotator) !== undefined ? LABEL_ON : null;
        case 'note':
          return text(
            slot.target === 'prompt' ? q.promptNote.get(id, annotator) : q.rolloutNote.get(id, s, e, annotator),
          );
        case 'gold_answer':
          return text(q.gold.get(id));
      }
    },
    write(slot, annotator, value, now) {
      const { itemId: id, spanStart: s, spanEnd: e } = slot;
      switch (slot.field) {
        case 'label':
          if (slot.target === 'prompt') {
            if (value === null) q.promptLabelDel.run(id, slot.labelId, annotator);
            else q.promptLabelAdd.run(id, slot.labelId, annotator, now);
          } else if (value === null) q.rolloutLabelDel.run(id, s, e, slot.labelId, annotator);
          else q.rolloutLabelAdd.run(id, s, e, slot.labelId, annotator, now);
          return;
        case 'note':
          if (slot.target === 'prompt') {
            if (value === null) q.promptNoteDel.run(id, annotator);
            else q.promptNoteSet.run(id, annotator, value, now);
          } else if (value === null) q.rolloutNoteDel.run(id, s, e, annotator);
          else q.rolloutNoteSet.run(id, s, e, annotator, value, now);
          return;
        case 'gold_answer':
          if (value === null) q.goldDel.run(id);
          else q.goldSet.run(id, value, answerNormalized(value), annotator, now);
          return;
      }
    },
  };
}
