// Agreement report per label: over the items that every compared annotator labelled (with any label of
// the target), each annotator's yes/no for the label; Cohen's kappa for two annotators, Fleiss' for more.
import type { AgreementReport } from '../../shared/curation';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { cohenKappa, fleissKappa } from './kappa';

export interface AgreementRequest {
  target: 'prompt' | 'rollout';
  annotators?: string[] | undefined;
  labelIds?: number[] | undefined;
}

export function agreementReport(db: Db, request: AgreementRequest): AgreementReport {
  const { target } = request;
  const source =
    target === 'prompt'
      ? `SELECT l.prompt_id AS item, l.annotator, l.label_id FROM prompt_labels l`
      : `SELECT l.rollout_id AS item, l.annotator, l.label_id FROM rollout_labels l WHERE l.span_start = -1`;
  const rows = db.prepare(source).all() as { item: number; annotator: string; label_id: number }[];
  const annotators = request.annotators
    ? [...new Set(request.annotators)]
    : [...new Set(rows.map((r) => r.annotator))].sort();
  if (request.annotators && annotators.length < 2)
    throw new CuratorError('INVALID_INPUT', 'Agreement needs at least two annotators.');

  // item -> annotator -> labels
  const byItem = new Map<number, Map<string, Set<number>>>();
  const wanted = new Set(annotators);
  for (const r of rows) {
    if (!wanted.has(r.annotator)) continue;
    let perAnnotator = byItem.get(r.item);
    if (!perAnnotator) byItem.set(r.item, (perAnnotator = new Map()));
    let labels = perAnnotator.get(r.annotator);
    if (!labels) perAnnotator.set(r.annotator, (labels = new Set()));
    labels.add(r.label_id);
  }
  const items = [...byItem.entries()].filter(([, m]) => annotators.every((a) => m.has(a))).sort(([a], [b]) => a - b);

  const defs = db
    .prepare(`SELECT id, name, archived FROM label_defs WHERE target = ? ORDER BY position, id`)
    .all(target) as { id: number; name: string; archived: number }[];
  const chosen = request.labelIds
    ? defs.filter((d) => request.labelIds?.includes(d.id))
    : defs.filter((d) => d.archived === 0);
  const method = annotators.length < 2 ? null : annotators.length === 2 ? 'cohen' : 'fleiss';

  return {
    target,
    annotators,
    items: items.length,
    method,
    labels: chosen.map((def) => {
      const ratings = items.map(([, m]) => annotators.map((a) => (m.get(a) as Set<number>).has(def.id)));
      const positives = annotators.map((_, k) => ratings.filter((r) => r[k]).length);
      if (method === null) return { labelId: def.id, name: def.name, kappa: null, observedAgreement: null, positives };
      const result =
        method === 'cohen'
          ? cohenKappa(
              ratings.map((r) => r[0] as boolean),
              ratings.map((r) => r[1] as boolean),
            )
          : fleissKappa(ratings.map((r) => [r.filter(Boolean).length, r.filter((v) => !v).length]));
      return { labelId: def.id, name: def.name, kappa: result.kappa, observedAgreement: result.observed, positives };
    }),
  };
}

export function annotatorSummaries(
  db: Db,
): { annotator: string; promptLabels: number; rolloutLabels: number; notes: number }[] {
  return db
    .prepare(
      `SELECT annotator, sum(pl) AS promptLabels, sum(rl) AS rolloutLabels, sum(n) AS notes FROM (
         SELECT annotator, count(*) AS pl, 0 AS rl, 0 AS n FROM prompt_labels GROUP BY annotator
         UNION ALL SELECT annotator, 0, count(*), 0 FROM rollout_labels GROUP BY annotator
         UNION ALL SELECT annotator, 0, 0, count(*) FROM prompt_notes GROUP BY annotator
         UNION ALL SELECT annotator, 0, 0, count(*) FROM rollout_notes GROUP BY annotator
       ) GROUP BY annotator ORDER BY annotator`,
    )
    .all() as { annotator: string; promptLabels: number; rolloutLabels: number; notes: number }[];
}
