// The label taxonomy: list, create or edit, archive. Names are unique per target (ignoring case);
// shortcuts are unique among a target's active labels.
import type { LabelDef, LabelDefInput, LabelTarget } from '../../shared/curation';
import { LabelDefInput as LabelDefInputSchema } from '../../shared/curation';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { nowIso } from '../util/time';

interface DefRow {
  id: number;
  target: LabelTarget;
  name: string;
  shortcut: string | null;
  color: string;
  description: string;
  position: number;
  archived: number;
}

const toDef = (r: DefRow): LabelDef => ({ ...r, archived: r.archived === 1 });
const COLUMNS = `id, target, name, shortcut, color, description, position, archived`;
const TARGET_ORDER = `CASE target WHEN 'prompt' THEN 0 WHEN 'rollout' THEN 1 ELSE 2 END`;

export function listLabelDefs(db: Db, includeArchived = false): LabelDef[] {
  const where = includeArchived ? '' : 'WHERE archived = 0';
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM label_defs ${where} ORDER BY ${TARGET_ORDER}, position, id`)
    .all() as DefRow[];
  return rows.map(toDef);
}

export function getLabelDef(db: Db, id: number): LabelDef {
  const row = db.prepare(`SELECT ${COLUMNS} FROM label_defs WHERE id = ?`).get(id) as DefRow | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No label with id ${id}.`);
  return toDef(row);
}

/** Creates (no id) or edits a label. An edit may not move a label to another target: its uses would no longer fit. */
export function saveLabelDef(db: Db, raw: LabelDefInput): LabelDef {
  const input = LabelDefInputSchema.parse(raw);
  return db.transaction(() => {
    const existing = input.id !== undefined ? getLabelDef(db, input.id) : undefined;
    if (existing && existing.target !== input.target) {
      throw new CuratorError(
        'CONFLICT',
        `Label "${existing.name}" is a ${existing.target} label; create a ` +
          `new ${input.target} label instead of moving it.`,
      );
    }
    const sameName = db
      .prepare(`SELECT id FROM label_defs WHERE target = ? AND name = ? COLLATE NOCASE AND id IS NOT ?`)
      .pluck()
      .get(input.target, input.name, input.id ?? null);
    if (sameName !== undefined)
      throw new CuratorError('CONFLICT', `A ${input.target} label named "${input.name}" already exists.`);
    if (input.shortcut) {
      const clash = db
        .prepare(`SELECT name FROM label_defs WHERE target = ? AND shortcut = ? AND archived = 0 AND id IS NOT ?`)
        .pluck()
        .get(input.target, input.shortcut, input.id ?? null) as string | undefined;
      if (clash !== undefined)
        throw new CuratorError(
          'CONFLICT',
          `Shortcut "${input.shortcut}" is taken by the ${input.target} label "${clash}".`,
        );
    }
    const position =
      input.position ??
      existing?.position ??
      (db
        .prepare(`SELECT coalesce(max(position), 0) + 1 FROM label_defs WHERE target = ?`)
        .pluck()
        .get(input.target) as number);
    if (existing) {
      db.prepare(
        `UPDATE label_defs SET name = ?, shortcut = ?, color = ?, description = ?, position = ? WHERE id = ?`,
      ).run(input.name, input.shortcut, input.color, input.description, position, existing.id);
      return getLabelDef(db, existing.id);
    }
    const info = db
      .prepare(
        `INSERT INTO label_defs (target, name, shortcut, color, description, position, ` +
          `created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.target, input.name, input.shortcut, input.color, input.description, position, nowIso());
    return getLabelDef(db, Number(info.lastInsertRowid));
  })();
}

/** Archived labels disappear from the pickers but keep their uses, history and names in old exports. */
export function archiveLabelDef(db: Db, id: number, archived: boolean): LabelDef {
  const def = getLabelDef(db, id);
  if (!archived && def.shortcut) {
    const clash = db
      .prepare(`SELECT name FROM label_defs WHERE target = ? AND shortcut = ? AND archived = 0 AND id != ?`)
      .pluck()
      .get(def.target, def.shortcut, id) as string | undefined;
    // Restoring must not break shortcut uniqueness: the restored label loses its key instead.
    if (clash !== undefined) db.prepare(`UPDATE label_defs SET shortcut = NULL WHERE id = ?`).run(id);
  }
  db.prepare(`UPDATE label_defs SET archived = ? WHERE id = ?`).run(archived ? 1 : 0, id);
  return getLabelDef(db, id);
}

/** The label, checked to exist, to be active and to fit the item's target. */
export function labelForTarget(db: Db, labelId: number, target: LabelTarget): LabelDef {
  const def = getLabelDef(db, labelId);
  if (def.target !== target)
    throw new CuratorError('INVALID_INPUT', `"${def.name}" is a ${def.target} label; it cannot be put on a ${target}.`);
  if (def.archived) throw new CuratorError('CONFLICT', `Label "${def.name}" is archived; restore it to use it.`);
  return def;
}
