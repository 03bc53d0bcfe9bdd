// exports.preview: the counts an export would have (pass 1 and the tallies), without writing anything.
// For rollouts-jsonl it counts prompts; whether each has a correct rollout is known only when exporting.
import type { ExportCounts, ExportRequest } from '../../shared/exports';
import type { Db } from '../db/open';
import { ExportTally } from './counts';
import { resolveExport } from './request';
import { selectPrompts } from './select';

export async function previewExport(db: Db, request: ExportRequest): Promise<ExportCounts> {
  const ex = resolveExport(db, request, '');
  const tally = new ExportTally(ex.splits.map((s) => s.name));
  const sel = await selectPrompts(db, ex, () => Promise.resolve());
  const corrected = new Set(db.prepare(`SELECT prompt_id FROM gold_corrections`).pluck().all() as number[]);
  const labels = new Map<number, number[]>();
  for (const { prompt_id, label_id } of db.prepare(`SELECT DISTINCT prompt_id, label_id FROM prompt_labels`).all() as {
    prompt_id: number;
    label_id: number;
  }[]) {
    const list = labels.get(prompt_id);
    if (list) list.push(label_id);
    else labels.set(prompt_id, [label_id]);
  }
  sel.ids.forEach((id, i) => {
    const rate = sel.passRate[i] as number;
    tally.add(
      ex.splits[sel.split[i] as number]?.name ?? null,
      sel.sources[sel.sourceIndex[i] as number] ?? null,
      Number.isNaN(rate) ? null : rate,
      request.useCorrectedGold && corrected.has(id),
      labels.get(id) ?? [],
    );
  });
  return tally.counts(sel.counts);
}
