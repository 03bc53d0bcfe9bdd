// Export rows: the full prompt as written out. Built from a scanned row (single pass) or read back by id
// for the selection of pass 1 (dense id runs with a range scan, sparse ones by id list).
import type { Db } from '../db/open';
import type { ResolvedExport } from './request';
import type { Layout } from './layout';
import { FIELD_SQL, field, layoutOf, writtenFields } from './layout';
import { choosePassRate } from './scan';
import type { PassRateSource } from './scan';
import type { Selection } from './select';

export interface ExportRow {
  id: number;
  dataset: string;
  sourceId: string | null;
  /** The question; empty when the scan read it as JSON only (questionJson). */
  question: string;
  /** The question as a JSON string literal, for JSON formats (null when not read that way). */
  questionJson: string | null;
  questionHash: string;
  /**
   * The gold answer to write: the correction when used and present, else the original (null when read as
   * goldJson only).
   */
  goldAnswer: string | null;
  originalGoldAnswer: string | null;
  /**
   * JSON formats read these texts as JSON literals instead (null when not read that way); goldJson is the
   * original answer.
   */
  goldJson: string | null;
  sourceIdJson: string | null;
  subjectJson: string | null;
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
  /** Prompt labels of any annotator, names in taxonomy order. */
  labels: readonly string[];
  labelIds: readonly number[];
}

export const CHUNK_ROWS = 2048;
const NONE: readonly never[] = Object.freeze([]);

export interface PromptLabels {
  ids: number[];
  names: string[];
}
export type RowBuilder = (
  raw: readonly unknown[],
  empirical: number,
  graded: number,
  split: number,
  labels: PromptLabels | undefined,
) => ExportRow;

/**
 * Builds export rows from rows of `layout`; corrected gold answers come from one read of the (small)
 * corrections table.
 */
export function createRowBuilder(db: Db, ex: ResolvedExport, layout: Layout): RowBuilder {
  const datasets = new Map(
    (db.prepare(`SELECT id, name FROM datasets`).all() as { id: number; name: string }[]).map((d) => [d.id, d.name]),
  );
  const corrections = new Map(
    db.prepare(`SELECT prompt_id, gold_answer FROM gold_corrections`).raw().all() as [number, string][],
  );
  const source: PassRateSource = ex.request.passRate.source;
  const useCorrected = ex.request.useCorrectedGold;
  const { at } = layout;
  return (raw, empirical, graded, split, labels) => {
    const id = raw[0] as number;
    const original = field<string>(raw, at.gold_answer);
    const corrected = useCorrected ? corrections.get(id) : undefined;
    const datasetRate = field<number>(raw, at.pass_rate);
    const datasetId = field<number>(raw, at.dataset_id);
    return {
      id,
      dataset: datasetId === null ? '' : (datasets.get(datasetId) ?? ''),
      sourceId: field<string>(raw, at.source_id),
      question: field<string>(raw, at.question) ?? '',
      questionJson: field<string>(raw, at.question_json),
      questionHash: field<string>(raw, at.question_hash) ?? '',
      goldAnswer: corrected ?? original,
      originalGoldAnswer: original,
      goldJson: field<string>(raw, at.gold_json),
      sourceIdJson: field<string>(raw, at.source_id_json),
      subjectJson: field<string>(raw, at.subject_json),
      corrected: corrected !== undefined,
      passRate: choosePassRate(source, datasetRate, empirical),
      datasetPassRate: datasetRate,
      empiricalPassRate: Number.isNaN(empirical) ? null : empirical,
      gradedRollouts: graded,
      source: field<string>(raw, at.source),
      subject: field<string>(raw, at.subject),
      level: field<number>(raw, at.level),
      split,
      labels: labels?.names ?? NONE,
      labelIds: labels?.ids ?? NONE,
    };
  };
}

/** Prompt labels of the prompts with ids in [first, last], by prompt id. */
export function createLabelLookup(db: Db): (first: number, last: number) => Map<number, PromptLabels> {
  const stmt = db
    .prepare(
      `SELECT DISTINCT l.prompt_id, d.id, d.name, d.position FROM prompt_labels l JOIN label_defs d ON d.id = l.label_id
       WHERE l.prompt_id BETWEEN ? AND ? ORDER BY l.prompt_id, d.position, d.id`,
    )
    .raw();
  return (first, last) => {
    const out = new Map<number, PromptLabels>();
    for (const [promptId, labelId, name] of stmt.all(first, last) as [number, number, string][]) {
      let entry = out.get(promptId);
      if (!entry) out.set(promptId, (entry = { ids: [], names: [] }));
      entry.ids.push(labelId);
      entry.names.push(name);
    }
    return out;
  };
}

/** Pass 2: rows [start, end) of a pass-1 selection. */
export function createSelectionReader(db: Db, ex: ResolvedExport, sel: Selection) {
  const layout = layoutOf(writtenFields(ex));
  const columns = layout.fields.map((f) => FIELD_SQL[f]).join(', ');
  const byRange = db.prepare(`SELECT ${columns} FROM prompts p WHERE p.id BETWEEN ? AND ? ORDER BY p.id`).raw();
  const byList = db
    .prepare(`SELECT ${columns} FROM prompts p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`)
    .raw();
  const labelsOf = createLabelLookup(db);
  const build = createRowBuilder(db, ex, layout);
  return function readChunk(start: number, end: number): ExportRow[] {
    const first = sel.ids[start] as number;
    const last = sel.ids[end - 1] as number;
    const dense = last - first + 1 <= 2 * (end - start);
    const raw = (
      dense ? byRange.all(first, last) : byList.all(JSON.stringify(Array.from(sel.ids.subarray(start, end))))
    ) as unknown[][];
    const labels = labelsOf(first, last);
    const rows: ExportRow[] = [];
    let i = start;
    for (const r of raw) {
      // A range scan also returns prompts that were not selected: walk both lists in id order.
      if (r[0] !== sel.ids[i]) continue;
      rows.push(
        build(
          r,
          sel.empirical[i] as number,
          sel.graded[i] as number,
          sel.split[i] as number,
          labels.get(r[0] as number),
        ),
      );
      i++;
    }
    if (i !== end) throw new Error(`export: ${end - i} selected prompts disappeared while exporting`);
    return rows;
  };
}
