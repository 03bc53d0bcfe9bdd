// The export history in the workspace: one row per finished export (request, manifest, the exported
// prompt ids), and the diff of two exports by prompt id.
import type { ExportDetail, ExportDiff, ExportManifest, ExportRecord } from '../../shared/exports';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { nowIso } from '../util/time';

interface ExportRowDb {
  id: number;
  job_id: number | null;
  format: ExportRecord['format'];
  out_dir: string;
  request: string;
  manifest: string;
  row_count: number;
  created_at: string;
}

export interface NewExportRecord {
  jobId: number;
  outDir: string;
  request: unknown;
  manifest: ExportManifest;
  manifestFile: string;
  promptIds: ArrayLike<number>;
}

export function insertExportRecord(db: Db, r: NewExportRecord): number {
  const ids = Uint32Array.from(r.promptIds as ArrayLike<number>);
  const info = db
    .prepare(
      `INSERT INTO exports (job_id, format, out_dir, request, manifest, row_count, prompt_ids, ` +
        `created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.jobId,
      r.manifest.format,
      r.outDir,
      JSON.stringify({ ...(r.request as object), manifestFile: r.manifestFile }),
      JSON.stringify(r.manifest),
      r.manifest.counts.exported,
      Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength),
      nowIso(),
    );
  return Number(info.lastInsertRowid);
}

function toRecord(r: ExportRowDb): ExportRecord {
  const manifest = JSON.parse(r.manifest) as ExportManifest;
  const request = JSON.parse(r.request) as { manifestFile?: string };
  return {
    id: r.id,
    jobId: r.job_id,
    format: r.format,
    outDir: r.out_dir,
    rows: r.row_count,
    files: manifest.files,
    manifestFile: request.manifestFile ?? 'manifest.json',
    createdAt: r.created_at,
  };
}

export function listExports(db: Db, limit: number): ExportRecord[] {
  const rows = db
    .prepare(
      `SELECT id, job_id, format, out_dir, request, manifest, row_count, created_at FROM ` +
        `exports ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as ExportRowDb[];
  return rows.map(toRecord);
}

export function getExport(db: Db, id: number): ExportDetail {
  const row = db
    .prepare(`SELECT id, job_id, format, out_dir, request, manifest, row_count, created_at FROM exports WHERE id = ?`)
    .get(id) as ExportRowDb | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No export with id ${id}.`);
  return {
    ...toRecord(row),
    request: JSON.parse(row.request) as Record<string, unknown>,
    manifest: JSON.parse(row.manifest) as ExportManifest,
  };
}

export function exportByJob(
  db: Db,
  jobId: number,
): { id: number; outDir: string; manifest: ExportManifest; manifestFile: string } | undefined {
  const row = db
    .prepare(
      `SELECT id, job_id, format, out_dir, request, manifest, row_count, created_at FROM exports WHERE job_id = ?`,
    )
    .get(jobId) as ExportRowDb | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    outDir: row.out_dir,
    manifest: JSON.parse(row.manifest) as ExportManifest,
    manifestFile: toRecord(row).manifestFile,
  };
}

export function deleteExportRecord(db: Db, id: number): void {
  db.prepare(`DELETE FROM exports WHERE id = ?`).run(id);
}

function promptIds(db: Db, id: number): Uint32Array {
  const blob = db.prepare(`SELECT prompt_ids FROM exports WHERE id = ?`).pluck().get(id) as Buffer | undefined;
  if (!blob) throw new CuratorError('NOT_FOUND', `No export with id ${id}.`);
  // Copy: the blob's buffer may not be 4-byte aligned.
  return new Uint32Array(new Uint8Array(blob).buffer);
}

/** Prompts in `to` but not in `from` (added) and the reverse (removed); both id lists are ascending. */
export function diffExports(db: Db, fromId: number, toId: number, limit: number): ExportDiff {
  const a = promptIds(db, fromId);
  const b = promptIds(db, toId);
  const added: number[] = [];
  const removed: number[] = [];
  let addedCount = 0;
  let removedCount = 0;
  let kept = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x === y) {
      kept++;
      i++;
      j++;
    } else if (x < y) {
      if (removedCount++ < limit) removed.push(x);
      i++;
    } else {
      if (addedCount++ < limit) added.push(y);
      j++;
    }
  }
  const question = db.prepare(`SELECT substr(question, 1, 200) FROM prompts WHERE id = ?`).pluck();
  const sample = (ids: number[]) =>
    ids.map((id) => ({ id, question: (question.get(id) as string | undefined) ?? null }));
  return {
    fromId,
    toId,
    added: addedCount,
    removed: removedCount,
    kept,
    addedSample: sample(added),
    removedSample: sample(removed),
  };
}
