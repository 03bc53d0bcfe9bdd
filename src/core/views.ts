// Saved views: a named filter + sort (+ grid column state), stored in the workspace.
import type { SavedView, ViewState } from '../shared/domain';
import type { Db } from './db/open';
import { nowIso } from './util/time';

interface ViewRow {
  id: number;
  name: string;
  state: string;
  updated_at: string;
}
const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  state: JSON.parse(r.state) as ViewState,
  updatedAt: r.updated_at,
});

export function listViews(db: Db): SavedView[] {
  return (db.prepare(`SELECT id, name, state, updated_at FROM saved_views ORDER BY name`).all() as ViewRow[]).map(
    toView,
  );
}

/** Saving under an existing name replaces that view. */
export function saveView(db: Db, name: string, state: ViewState): SavedView {
  const now = nowIso();
  const row = db
    .prepare(
      `INSERT INTO saved_views (name, state, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
       RETURNING id, name, state, updated_at`,
    )
    .get(name.trim(), JSON.stringify(state), now, now) as ViewRow;
  return toView(row);
}

export function deleteView(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM saved_views WHERE id = ?`).run(id).changes > 0;
}
