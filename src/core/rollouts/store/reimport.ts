// Recognising a rollout import of files that a finished import already brought in (same sizes and content
// hashes, in the same order): CONFLICT unless the caller asks again, instead of a silent second copy.
import { CuratorError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import type { Fingerprint } from '../../io/fingerprint';

export function refuseRolloutReimport(db: Db, label: string, files: readonly Fingerprint[]): void {
  const done = db
    .prepare(
      `SELECT ri.id, ri.sources, ri.updated_at AS importedAt, (SELECT group_concat(name, ', ') FROM runs ` +
        `WHERE import_id = ri.id) AS runs FROM rollout_imports ri WHERE ri.status = 'done' AND EXISTS ` +
        `(SELECT 1 FROM runs WHERE import_id = ri.id) ORDER BY ri.id DESC`,
    )
    .all() as { id: number; sources: string; importedAt: string; runs: string }[];
  const wanted = files.map((f) => `${f.size}:${f.hash}`).join('|');
  for (const row of done) {
    const sources = JSON.parse(row.sources) as { size: number; content?: string }[];
    if (sources.map((s) => `${s.size}:${s.content ?? ''}`).join('|') !== wanted) continue;
    throw new CuratorError(
      'CONFLICT',
      `${label} was already imported (run ${row.runs}, ${row.importedAt.slice(0, 16).replace('T', ' ')} UTC). ` +
        'Import it again only to make a second copy (--again in the CLI).',
      { reason: 'already-imported', importId: row.id, runs: row.runs, importedAt: row.importedAt },
    );
  }
}
