// The import record of a rollout import: created or adopted (resume) at the start, parked when its
// process dies, purged when it fails, is cancelled or its source changed, made visible when it finishes.
import type { Db } from '../../db/open';
import { nowIso } from '../../util/time';
import type { SourceFile } from '../sources';

export interface ImportOptions {
  runName: string | null;
  groupSize: number | null;
  onBadRecord: 'skip' | 'abort';
}

export interface ImportRecord {
  id: number;
  fileIndex: number;
  committedLine: number;
  committedOffset: number;
  rowsOk: number;
  rowsBad: number;
  resumed: boolean;
}

interface ImportRow {
  id: number;
  sources: string;
  options: string;
  file_index: number;
  committed_line: number;
  committed_offset: number;
  rows_ok: number;
  rows_bad: number;
}

/** What a resume must find unchanged: each file's size, mtime, head and step (not its content hash, added later). */
function resumeKey(sources: readonly SourceFile[]): string {
  return JSON.stringify(sources.map(({ path, size, mtimeMs, head, step }) => ({ path, size, mtimeMs, head, step })));
}

/**
 * Adopts an interrupted import of the same sources (unchanged size, mtime and head) and options, or
 * creates a new one. Interrupted imports of the same path that can no longer resume are returned for
 * purging. Runs in one IMMEDIATE transaction so two processes cannot adopt the same import.
 */
export function openImport(
  db: Db,
  jobId: number,
  fields: { sourcePath: string; format: string; sources: SourceFile[]; options: ImportOptions; restart: boolean },
): { record: ImportRecord; stale: number[] } {
  const sources = JSON.stringify(fields.sources);
  const key = resumeKey(fields.sources);
  const options = JSON.stringify(fields.options);
  return db
    .transaction(() => {
      const parked = db
        .prepare(
          `SELECT id, sources, options, file_index, committed_line, committed_offset, rows_ok, ` +
            `rows_bad FROM rollout_imports WHERE status = 'interrupted' AND source_path = ? AND ` +
            `source_format = ? ORDER BY id DESC`,
        )
        .all(fields.sourcePath, fields.format) as ImportRow[];
      const match = fields.restart
        ? undefined
        : parked.find((p) => resumeKey(JSON.parse(p.sources) as SourceFile[]) === key && p.options === options);
      const unfinishedPurges = (
        db.prepare(`SELECT id FROM rollout_imports WHERE status = 'purging'`).all() as { id: number }[]
      ).map((r) => r.id);
      const stale = [...parked.filter((p) => p !== match).map((p) => p.id), ...unfinishedPurges];
      if (match) {
        db.prepare(`UPDATE rollout_imports SET status = 'running', job_id = ?, updated_at = ? WHERE id = ?`).run(
          jobId,
          nowIso(),
          match.id,
        );
        return {
          record: {
            id: match.id,
            fileIndex: match.file_index,
            committedLine: match.committed_line,
            committedOffset: match.committed_offset,
            rowsOk: match.rows_ok,
            rowsBad: match.rows_bad,
            resumed: true,
          },
          stale,
        };
      }
      const now = nowIso();
      const info = db
        .prepare(
          `INSERT INTO rollout_imports (job_id, status, source_path, source_format, sources, ` +
            `options, created_at, updated_at) VALUES (?, 'running', ?, ?, ?, ?, ?, ?)`,
        )
        .run(jobId, fields.sourcePath, fields.format, sources, options, now, now);
      return {
        record: {
          id: Number(info.lastInsertRowid),
          fileIndex: 0,
          committedLine: 0,
          committedOffset: 0,
          rowsOk: 0,
          rowsBad: 0,
          resumed: false,
        },
        stale,
      };
    })
    .immediate();
}

/** Inside a chunk's transaction: refuse to write when another job has taken this import over. */
export function assertOwner(db: Db, importId: number, jobId: number): void {
  const row = db.prepare(`SELECT job_id AS jobId, status FROM rollout_imports WHERE id = ?`).get(importId) as
    { jobId: number | null; status: string } | undefined;
  if (!row || row.jobId !== jobId || row.status !== 'running') {
    throw new Error(
      `rollout import ${importId} is no longer owned by job ${jobId} (it was resumed elsewhere or removed)`,
    );
  }
}

export function saveCommitPoint(
  db: Db,
  importId: number,
  point: { fileIndex: number; line: number; offset: number },
  added: { ok: number; bad: number },
): void {
  db.prepare(
    `UPDATE rollout_imports SET file_index = ?, committed_line = ?, committed_offset = ?, ` +
      `rows_ok = rows_ok + ?, rows_bad = rows_bad + ?, updated_at = ? WHERE id = ?`,
  ).run(point.fileIndex, point.line, point.offset, added.ok, added.bad, nowIso(), importId);
}

/** The process running this import died: keep its committed rows (invisible) for a resume. */
export function parkImportsOfJob(db: Db, jobId: number): void {
  db.prepare(
    `UPDATE rollout_imports SET status = 'interrupted', updated_at = ? WHERE job_id = ? AND status = 'running'`,
  ).run(nowIso(), jobId);
}

const PURGE_BATCH = 2000;

/** Deletes an unfinished import and everything it wrote, in small transactions so readers are not held up. */
export function purgeImport(db: Db, importId: number): void {
  const status = db.prepare(`SELECT status FROM rollout_imports WHERE id = ?`).get(importId) as
    { status: string } | undefined;
  if (!status || status.status === 'done') return;
  // First make it impossible to resume: a purge cut short must not leave a resume point past deleted rows.
  db.prepare(`UPDATE rollout_imports SET status = 'purging', updated_at = ? WHERE id = ?`).run(nowIso(), importId);
  const batch = db.prepare(
    `DELETE FROM rollouts WHERE id IN (SELECT r.id FROM rollouts r JOIN runs u ON u.id = ` +
      `r.run_id WHERE u.import_id = ? LIMIT ${PURGE_BATCH})`,
  );
  while (db.transaction(() => batch.run(importId).changes)() > 0) {
    // each batch commits on its own
  }
  db.prepare(`DELETE FROM rollout_imports WHERE id = ?`).run(importId);
}

export function purgeImportsOfJob(db: Db, jobId: number): void {
  const ids = db.prepare(`SELECT id FROM rollout_imports WHERE job_id = ? AND status <> 'done'`).all(jobId) as {
    id: number;
  }[];
  for (const { id } of ids) purgeImport(db, id);
}

/** Makes the import's runs visible, each under a name unique among visible runs. */
export function finishImport(db: Db, importId: number): { id: number; name: string }[] {
  return db
    .transaction(() => {
      const runs = db
        .prepare(`SELECT id, source_name AS name FROM runs WHERE import_id = ? ORDER BY id`)
        .all(importId) as { id: number; name: string }[];
      const rename = db.prepare(`UPDATE runs SET status = 'ready', name = ? WHERE id = ?`);
      const out = runs.map((run) => {
        const name = uniqueRunName(db, run.name);
        rename.run(name, run.id);
        return { id: run.id, name };
      });
      db.prepare(`UPDATE rollout_imports SET status = 'done', updated_at = ? WHERE id = ?`).run(nowIso(), importId);
      return out;
    })
    .immediate();
}

function uniqueRunName(db: Db, wanted: string): string {
  const taken = new Set(
    (db.prepare(`SELECT name FROM runs WHERE status = 'ready'`).all() as { name: string }[]).map((r) => r.name),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}
