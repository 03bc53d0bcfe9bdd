// Persistence of jobs and their input issues.
import type { Job, JobProgress, JobStatus, RecordIssue } from '../../shared/domain';
import type { Db } from '../db/open';
import { nowIso } from '../util/time';

/** Issues kept per job; the count keeps going so the user knows how many there were. */
export const MAX_STORED_ISSUES = 1000;
const ISSUES_IN_JOB_VIEW = 100;

interface JobRow {
  id: number;
  kind: string;
  title: string;
  status: JobStatus;
  params: string;
  progress: string | null;
  result: string | null;
  error: string | null;
  issue_count: number;
  created_at: string;
  finished_at: string | null;
}

export function insertJob(db: Db, kind: string, title: string, params: unknown): number {
  const info = db
    .prepare(`INSERT INTO jobs (kind, title, status, params, created_at) VALUES (?, ?, 'queued', ?, ?)`)
    .run(kind, title, JSON.stringify(params ?? {}), nowIso());
  return Number(info.lastInsertRowid);
}

export function markRunning(db: Db, id: number): void {
  db.prepare(`UPDATE jobs SET status = 'running', started_at = ? WHERE id = ?`).run(nowIso(), id);
}

export function saveProgress(db: Db, id: number, progress: JobProgress): void {
  db.prepare(`UPDATE jobs SET progress = ? WHERE id = ?`).run(JSON.stringify(progress), id);
}

export function addIssue(db: Db, id: number, issue: RecordIssue): void {
  const row = db.prepare(`UPDATE jobs SET issue_count = issue_count + 1 WHERE id = ? RETURNING issue_count`).get(id) as
    { issue_count: number } | undefined;
  const seq = row?.issue_count ?? 1;
  if (seq > MAX_STORED_ISSUES) return;
  db.prepare(
    `INSERT INTO job_issues (job_id, seq, file, line, field, message, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, seq, issue.file, issue.line, issue.field, issue.message, issue.excerpt);
}

export function finishJob(
  db: Db,
  id: number,
  status: Extract<JobStatus, 'done' | 'failed' | 'cancelled'>,
  payload: { result?: unknown; error?: unknown },
): void {
  db.prepare(`UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ?`).run(
    status,
    payload.result === undefined ? null : JSON.stringify(payload.result),
    payload.error === undefined ? null : JSON.stringify(payload.error),
    nowIso(),
    id,
  );
}

export function jobParams(db: Db, id: number): { kind: string; params: unknown } | undefined {
  const row = db.prepare(`SELECT kind, params FROM jobs WHERE id = ?`).get(id) as
    { kind: string; params: string } | undefined;
  return row && { kind: row.kind, params: JSON.parse(row.params) as unknown };
}

export function readJob(db: Db, id: number): Job | undefined {
  const row = db.prepare(`SELECT * FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return row && toJob(db, row);
}

export function listJobs(db: Db, limit: number): Job[] {
  const rows = db.prepare(`SELECT * FROM jobs ORDER BY id DESC LIMIT ?`).all(limit) as JobRow[];
  return rows.map((r) => toJob(db, r));
}

export function unfinishedJobIds(db: Db): number[] {
  return (
    db.prepare(`SELECT id FROM jobs WHERE status IN ('queued', 'running') ORDER BY id`).all() as { id: number }[]
  ).map((r) => r.id);
}

function toJob(db: Db, row: JobRow): Job {
  const issues = db
    .prepare(`SELECT file, line, field, message, excerpt FROM job_issues WHERE job_id = ? ORDER BY seq LIMIT ?`)
    .all(row.id, ISSUES_IN_JOB_VIEW) as RecordIssue[];
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    progress: row.progress ? (JSON.parse(row.progress) as JobProgress) : null,
    result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null,
    error: row.error ? (JSON.parse(row.error) as Job['error']) : null,
    issues,
    issueCount: row.issue_count,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
