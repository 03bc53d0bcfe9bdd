// Datasets: created invisible ('importing') by a job, made visible ('ready') in its last transaction.
import type { DatasetRole } from '../shared/contamination';
import type { Dataset } from '../shared/domain';
import { CuratorError } from '../shared/errors';
import type { Db } from './db/open';
import type { Fingerprint } from './io/fingerprint';
import { nowIso } from './util/time';

interface DatasetRow {
  id: number;
  name: string;
  source_path: string | null;
  source_format: string | null;
  prompt_count: number;
  duplicate_count: number;
  role: DatasetRole;
  created_at: string;
}

const toDataset = (r: DatasetRow): Dataset => ({
  id: r.id,
  name: r.name,
  sourcePath: r.source_path,
  sourceFormat: r.source_format,
  promptCount: r.prompt_count,
  duplicateCount: r.duplicate_count,
  role: r.role,
  createdAt: r.created_at,
});

export function createImportingDataset(
  db: Db,
  fields: {
    name: string;
    sourcePath: string | null;
    sourceFormat: string | null;
    mapping: unknown;
    jobId: number;
    source?: Fingerprint | null;
  },
): number {
  const info = db
    .prepare(
      `INSERT INTO datasets (name, status, source_path, source_format, field_mapping, job_id, ` +
        `source_size, source_hash, created_at) VALUES (?, 'importing', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fields.name,
      fields.sourcePath,
      fields.sourceFormat,
      JSON.stringify(fields.mapping ?? null),
      fields.jobId,
      fields.source?.size ?? null,
      fields.source?.hash ?? null,
      nowIso(),
    );
  return Number(info.lastInsertRowid);
}

/**
 * Refuses to import a file whose content (size + hash) a visible dataset was imported from, unless asked again:
 * a silent second copy ("big (2)") doubles every count. CONFLICT, with the dataset in the details.
 */
export function refuseReimport(db: Db, fileName: string, source: Fingerprint): void {
  const row = db
    .prepare(
      `SELECT id, name, created_at AS createdAt FROM datasets WHERE status = 'ready' AND source_size = ? ` +
        `AND source_hash = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(source.size, source.hash) as { id: number; name: string; createdAt: string } | undefined;
  if (!row) return;
  throw new CuratorError(
    'CONFLICT',
    `${fileName} was already imported as dataset "${row.name}" ` +
      `(${row.createdAt.slice(0, 16).replace('T', ' ')} UTC). ` +
      'Import it again only to make a second copy (--again in the CLI).',
    { reason: 'already-imported', datasetId: row.id, datasetName: row.name, importedAt: row.createdAt },
  );
}

/** Makes an imported dataset visible, with a name unique among visible datasets. */
export function markDatasetReady(db: Db, id: number, counts: { prompts: number; duplicates: number }): string {
  const row = db.prepare(`SELECT name FROM datasets WHERE id = ?`).get(id) as { name: string } | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No dataset with id ${id}.`);
  const name = uniqueName(db, row.name);
  db.prepare(`UPDATE datasets SET status = 'ready', name = ?, prompt_count = ?, duplicate_count = ? WHERE id = ?`).run(
    name,
    counts.prompts,
    counts.duplicates,
    id,
  );
  return name;
}

export function uniqueName(db: Db, wanted: string, exceptId?: number): string {
  const taken = new Set(
    (
      db.prepare(`SELECT name FROM datasets WHERE status = 'ready' AND id IS NOT ?`).all(exceptId ?? null) as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

export function listDatasets(db: Db): Dataset[] {
  return (db.prepare(`SELECT * FROM datasets WHERE status = 'ready' ORDER BY id`).all() as DatasetRow[]).map(toDataset);
}

export function getDataset(db: Db, id: number): Dataset {
  const row = db.prepare(`SELECT * FROM datasets WHERE id = ? AND status = 'ready'`).get(id) as DatasetRow | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No dataset with id ${id}.`);
  return toDataset(row);
}

export function renameDataset(db: Db, id: number, name: string): Dataset {
  getDataset(db, id);
  db.prepare(`UPDATE datasets SET name = ? WHERE id = ?`).run(uniqueName(db, name.trim(), id), id);
  return getDataset(db, id);
}

export function deleteDataset(db: Db, id: number): number {
  const dataset = getDataset(db, id);
  db.prepare(`DELETE FROM datasets WHERE id = ?`).run(id);
  return dataset.promptCount;
}

/** Marks a dataset as training data or as a benchmark (contamination checks run training data against benchmarks). */
export function setDatasetRole(db: Db, id: number, role: DatasetRole): Dataset {
  getDataset(db, id);
  db.prepare(`UPDATE datasets SET role = ? WHERE id = ?`).run(role, id);
  return getDataset(db, id);
}
