// Export pass 2: the full rows of the selected prompts, in id order, a chunk at a time. Dense id runs are
// read with a range scan, sparse ones by id list.
import type { Db } from '../db/open';
import type { ResolvedExport } from './request';
import type { PassRateSource, Selection } from './select';
import { choosePassRate } from './select';

export interface ExportRow {
  id: number;
  dataset: string;
  sourceId: string | null;
  question: string;
  questionHash: string;
  /** The gold answer to write: the correction when used and present, else the original. */
  goldAnswer: string | null;
  originalGoldAnswer: string | null;
  corrected: boolean;
  passRate: number | null;
  datasetPassRate: number | null;
  empiricalPassRate: number | null;
  gradedRollouts: number;
  source: string | null;
  subject: string | null;
  level: number | null;
  /** Split index (into ResolvedExport.splits). */
  split: number;
  /** Prompt labels of any annotator, names sorted by taxonomy order. */
  labels: string[];
  labelIds: number[];
}

export const CHUNK_ROWS = 5000;

type RawRow = [number, number, string | null, string, string, string | null, string | null, number | null, string | null, string | null, number | null];

export function createRowReader(db: Db, ex: ResolvedExport, sel: Selection) {
  const datasets = new Map((db.prepare(`SELECT id, name FROM datasets`).all() as { id: number; name: string }[]).map((d) => [d.id, d.name]));
  const columns = `p.id, p.dataset_id, p.source_id, p.question, p.question_hash, p.gold_answer, g.gold_answer, p.pass_rate, p.source, p.subject, p.level`;
  const from = `FROM prompts p LEFT JOIN gold_corrections g ON g.prompt_id = p.id`;
  const byRange = db.prepare(`SELECT ${columns} ${from} WHERE p.id BETWEEN ? AND ? ORDER BY p.id`).raw();
  const byList = db.prepare(`SELECT ${columns} ${from} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`).raw();
  const labelsInRange = db
    .prepare(
      `SELECT DISTINCT l.prompt_id, d.id, d.name, d.position FROM prompt_labels l JOIN label_defs d ON d.id = l.label_id
       WHERE l.prompt_id BETWEEN ? AND ? ORDER BY l.prompt_id, d.position, d.id`,
    )
    .raw();
  const source: PassRateSource = ex.request.passRate.source;
  const useCorrected = ex.request.useCorrectedGold;

  /** Rows [from, to) of the selection. */
  return function readChunk(start: number, end: number): ExportRow[] {
    const first = sel.ids[start] as number;
    const last = sel.ids[end - 1] as number;
    const raw = (last - first + 1 <= 2 * (end - start) ? byRange.all(first, last) : byList.all(JSON.stringify(sel.ids.slice(start, end)))) as RawRow[];
    const labels = new Map<number, { ids: number[]; names: string[] }>();
    for (const [promptId, labelId, name] of labelsInRange.all(first, last) as [number, number, string][]) {
      let entry = labels.get(promptId);
      if (!entry) labels.set(promptId, (entry = { ids: [], names: [] }));
      entry.ids.push(labelId);
      entry.names.push(name);
    }
    const rows: ExportRow[] = [];
    let i = start;
    for (const r of raw) {
      // Range scans also return prompts that were not selected: walk both lists in id order.
      if (r[0] !== sel.ids[i]) continue;
      const [id, datasetId, sourceId, question, questionHash, original, corrected, datasetRate, src, subject, level] = r;
      const empirical = sel.empirical[i] as number;
      const useFix = useCorrected && corrected !== null;
      const entry = labels.get(id);
      rows.push({
        id,
        dataset: datasets.get(datasetId) ?? '',
        sourceId,
        question,
        questionHash,
        goldAnswer: useFix ? corrected : original,
        originalGoldAnswer: original,
        corrected: useFix,
        passRate: choosePassRate(source, datasetRate, empirical),
        datasetPassRate: datasetRate,
        empiricalPassRate: Number.isNaN(empirical) ? null : empirical,
        gradedRollouts: sel.graded[i] as number,
        source: src,
        subject,
        level,
        split: sel.split[i] as number,
        labels: entry?.names ?? [],
        labelIds: entry?.ids ?? [],
      });
      i++;
    }
    if (i !== end) throw new Error(`export: ${end - i} selected prompts disappeared while exporting`);
    return rows;
  };
}
