// Bulk labelling: add or remove one label (of one annotator) on every prompt of a filter, or on a list
// of prompt or rollout ids. Set-based SQL, one durable transaction, one history batch: one undo reverts
// it all. The preview counts the same way without writing.
import type { BulkPreview, BulkResult, BulkSelection } from '../../shared/curation';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { LABEL_ON } from '../history/change';
import { insertBatch, updateStacks } from '../history/record';
import { whereClause } from '../prompts/filter-sql';
import { readyDatasetIds } from '../prompts/queries';
import { nowIso } from '../util/time';
import { durableTransaction } from './durable';
import { labelForTarget } from './taxonomy';

export interface BulkRequest {
  selection: BulkSelection;
  labelId: number;
  action: 'add' | 'remove';
}

interface SelectionSql {
  target: 'prompt' | 'rollout';
  /** SELECT of one column, item_id. */
  sql: string;
  params: unknown[];
}

function selectionSql(db: Db, selection: BulkSelection): SelectionSql {
  if (selection.kind === 'filter') {
    const where = whereClause(selection.filter, readyDatasetIds(db));
    return { target: 'prompt', sql: `SELECT p.id AS item_id FROM prompts p WHERE ${where.sql}`, params: where.params };
  }
  const ids = JSON.stringify([...new Set(selection.ids)]);
  if (selection.target === 'prompt') {
    return {
      target: 'prompt',
      sql:
        `SELECT p.id AS item_id FROM prompts p JOIN datasets d ON d.id = p.dataset_id AND ` +
        `d.status = 'ready' WHERE p.id IN (SELECT value FROM json_each(?))`,
      params: [ids],
    };
  }
  return {
    target: 'rollout',
    sql:
      `SELECT r.id AS item_id FROM rollouts r JOIN runs u ON u.id = r.run_id AND u.status = ` +
      `'ready' WHERE r.id IN (SELECT value FROM json_each(?))`,
    params: [ids],
  };
}

/** Condition on s.item_id: the annotator's label is present. */
function labelPresent(target: 'prompt' | 'rollout'): string {
  return target === 'prompt'
    ? `EXISTS (SELECT 1 FROM prompt_labels l WHERE l.prompt_id = s.item_id AND l.label_id = ? AND l.annotator = ?)`
    : `EXISTS (SELECT 1 FROM rollout_labels l WHERE l.rollout_id = s.item_id AND l.span_start = ` +
        `-1 AND l.span_end = -1 AND l.label_id = ? AND l.annotator = ?)`;
}

function plan(db: Db, request: BulkRequest, annotator: string) {
  const sel = selectionSql(db, request.selection);
  const def = labelForTarget(db, request.labelId, sel.target);
  const changing = `${request.action === 'add' ? 'NOT ' : ''}${labelPresent(sel.target)}`;
  const changeParams = [...sel.params, request.labelId, annotator];
  const count = (extra: string, params: unknown[]) =>
    db
      .prepare(`SELECT count(*) FROM (${sel.sql}) s ${extra}`)
      .pluck()
      .get(...params) as number;
  return {
    sel,
    def,
    changing,
    changeParams,
    preview: (): BulkPreview => ({
      matched: count('', sel.params),
      willChange: count(`WHERE ${changing}`, changeParams),
    }),
  };
}

export function previewBulkLabel(db: Db, request: BulkRequest, annotator: string): BulkPreview {
  return plan(db, request, annotator).preview();
}

export function bulkLabel(db: Db, request: BulkRequest, annotator: string): BulkResult {
  return durableTransaction(db, () => {
    const p = plan(db, request, annotator);
    const counts = p.preview();
    if (counts.willChange === 0) return { ...counts, batchId: null };
    if (counts.willChange > 1_000_000)
      throw new CuratorError(
        'INVALID_INPUT',
        `A bulk edit changes at most 1,000,000 items; this one would change ${counts.willChange}. Narrow the filter.`,
      );
    const now = nowIso();
    const verb = request.action === 'add' ? 'Add' : 'Remove';
    const toOrFrom = request.action === 'add' ? 'to' : 'from';
    const header = {
      annotator,
      kind: 'bulk',
      description: `${verb} "${p.def.name}" ${toOrFrom} ${counts.willChange} ${p.sel.target}s`,
    } as const;
    const batchId = insertBatch(db, header, counts.willChange, now);
    const [oldValue, newValue] = request.action === 'add' ? [null, LABEL_ON] : [LABEL_ON, null];
    db.prepare(
      `INSERT INTO curation_changes (batch_id, target, item_id, span_start, span_end, field, ` +
        `label_id, old_value, new_value)
       SELECT ?, ?, s.item_id, -1, -1, 'label', ?, ?, ? FROM (${p.sel.sql}) s WHERE ${p.changing} ORDER BY s.item_id`,
    ).run(batchId, p.sel.target, request.labelId, oldValue, newValue, ...p.changeParams);
    const changedItems = `SELECT item_id FROM curation_changes WHERE batch_id = ?`;
    if (p.sel.target === 'prompt') {
      if (request.action === 'add') {
        db.prepare(
          `INSERT INTO prompt_labels (prompt_id, label_id, annotator, created_at) SELECT ` +
            `item_id, ?, ?, ? FROM curation_changes WHERE batch_id = ?`,
        ).run(request.labelId, annotator, now, batchId);
      } else
        db.prepare(
          `DELETE FROM prompt_labels WHERE label_id = ? AND annotator = ? AND prompt_id IN (${changedItems})`,
        ).run(request.labelId, annotator, batchId);
    } else if (request.action === 'add') {
      db.prepare(
        `INSERT INTO rollout_labels (rollout_id, span_start, span_end, label_id, annotator, ` +
          `created_at) SELECT item_id, -1, -1, ?, ?, ? FROM curation_changes WHERE batch_id = ?`,
      ).run(request.labelId, annotator, now, batchId);
    } else {
      db.prepare(
        `DELETE FROM rollout_labels WHERE span_start = -1 AND span_end = -1 AND label_id = ? ` +
          `AND annotator = ? AND rollout_id IN (${changedItems})`,
      ).run(request.labelId, annotator, batchId);
    }
    updateStacks(db, header, batchId);
    return { ...counts, batchId };
  });
}
