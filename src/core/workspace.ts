// Workspace-level facts: a stable id (recorded in export manifests) and summary statistics.
import { randomUUID } from 'node:crypto';
import type { WorkspaceStats } from '../shared/domain';
import type { Db } from './db/open';
import { nowIso } from './util/time';

export function ensureWorkspaceId(db: Db): string {
  const row = db.prepare(`SELECT value FROM workspace WHERE key = 'id'`).get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare(`INSERT INTO workspace (key, value) VALUES ('id', ?), ('created_at', ?)`).run(id, nowIso());
  return id;
}

export function workspaceStats(db: Db, dbPath: string, workspaceId: string, schemaVersion: number): WorkspaceStats {
  const totals = db
    .prepare(
      `SELECT count(*) AS datasets, coalesce(sum(prompt_count), 0) AS prompts, ` +
        `coalesce(sum(duplicate_count), 0) AS duplicates
       FROM datasets WHERE status = 'ready'`,
    )
    .get() as { datasets: number; prompts: number; duplicates: number };
  const promptsBySource = db
    .prepare(
      `SELECT p.source AS source, count(*) AS count FROM prompts p JOIN datasets d ON d.id = p.dataset_id
       WHERE d.status = 'ready' GROUP BY p.source ORDER BY count DESC`,
    )
    .all() as { source: string | null; count: number }[];
  return { workspaceId, dbPath, schemaVersion, ...totals, promptsBySource };
}
