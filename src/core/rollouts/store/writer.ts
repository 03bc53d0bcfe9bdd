// Writes prepared rollouts of one import, a chunk per transaction: the rows, the run / step / prompt
// counters they change, and the import's resume point commit together, so a kill leaves either the
// whole chunk or none of it. Statements are prepared once; per-token arrays go in as BLOBs.
import type { Db } from '../../db/open';
import { nowIso } from '../../util/time';
import { float32Blob, uint32Blob } from '../blob';
import type { PreparedRollout } from '../prepared';
import { assertOwner, saveCommitPoint } from './imports';
import { createCounters } from './counters';
import { createPromptResolver } from './prompt-keys';

export interface ChunkRow {
  rollout: PreparedRollout;
  fileIndex: number;
  /** Step of the file (folder imports), used when the rollout has none. */
  fileStep: number | null;
}

export interface WriterContext {
  importId: number;
  jobId: number;
  /** --run: overrides every record's run name. */
  runName: string | null;
  /** Used when neither --run nor the record names the run. */
  defaultRunName: string;
  sourcePath: string;
  sourceFormat: string;
}

export interface CommitPoint {
  fileIndex: number;
  line: number;
  offset: number;
}

export type ChunkWriter = (rows: readonly ChunkRow[], point: CommitPoint, badRows: number) => void;

export function createChunkWriter(db: Db, ctx: WriterContext): ChunkWriter {
  const insertRollout = db.prepare(
    `INSERT INTO rollouts (run_id, run_prompt_id, step, group_id, sample_index, reward, ` +
      `correct, advantage, finish_reason, truncated,
       token_count, response_chars, extracted_answer, rm_final_prob, rm_crossing, source_file, ` +
      `source_line, extra, response, token_starts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSignal = db.prepare(`INSERT INTO rollout_signals (rollout_id, name, data) VALUES (?, ?, ?)`);
  const insertTexts = db.prepare(`INSERT INTO rollout_token_texts (rollout_id, text, ends) VALUES (?, ?, ?)`);
  const insertSpan = db.prepare(
    `INSERT INTO rollout_spans (rollout_id, name, span_start, span_end, value) VALUES (?, ?, ?, ?, ?)`,
  );
  const findRun = db.prepare(`SELECT id, system_prompt AS system FROM runs WHERE import_id = ? AND source_name = ?`);
  const insertRun = db.prepare(
    `INSERT INTO runs (import_id, name, source_name, status, source_path, source_format, ` +
      `created_at) VALUES (?, ?, ?, 'importing', ?, ?, ?)`,
  );
  const setSystem = db.prepare(`UPDATE runs SET system_prompt = ? WHERE id = ? AND system_prompt IS NULL`);
  const runs = new Map<string, { id: number; hasSystem: boolean }>();
  const prompts = createPromptResolver(db);
  const counters = createCounters(db);

  const runFor = (name: string) => {
    let run = runs.get(name);
    if (!run) {
      const row = findRun.get(ctx.importId, name) as { id: number; system: string | null } | undefined;
      run = row
        ? { id: row.id, hasSystem: row.system !== null }
        : {
            id: Number(
              insertRun.run(ctx.importId, name, name, ctx.sourcePath, ctx.sourceFormat, nowIso()).lastInsertRowid,
            ),
            hasSystem: false,
          };
      runs.set(name, run);
    }
    return run;
  };

  const writeChunk = db.transaction((rows: readonly ChunkRow[], point: CommitPoint, badRows: number) => {
    assertOwner(db, ctx.importId, ctx.jobId);
    for (const { rollout: r, fileIndex, fileStep } of rows) {
      const run = runFor(ctx.runName ?? r.run ?? ctx.defaultRunName);
      // The first system prompt of a run is kept, once.
      if (r.system !== null && !run.hasSystem) {
        setSystem.run(r.system, run.id);
        run.hasSystem = true;
      }
      const runPromptId = prompts.resolve(run.id, r);
      const step = r.step ?? fileStep ?? 0;
      const id = insertRollout.run(
        run.id,
        runPromptId,
        step,
        r.groupId,
        r.sampleIndex,
        r.reward,
        r.correct === null ? null : r.correct ? 1 : 0,
        r.advantage,
        r.finishReason,
        r.truncated === null ? null : r.truncated ? 1 : 0,
        r.tokenCount,
        r.response.length,
        r.extractedAnswer,
        r.rmFinalProb,
        r.rmCrossing,
        fileIndex,
        r.line,
        r.extra,
        r.response,
        r.tokenStarts ? uint32Blob(r.tokenStarts) : null,
      ).lastInsertRowid;
      for (const s of r.signals) insertSignal.run(id, s.name, float32Blob(s.values));
      if (r.tokenTexts) insertTexts.run(id, r.tokenTexts.text, uint32Blob(r.tokenTexts.ends));
      for (const s of r.spans) insertSpan.run(id, s.name, s.start, s.end, s.value);
      counters.add(run.id, runPromptId, step, r);
    }
    counters.flush();
    saveCommitPoint(db, ctx.importId, point, { ok: rows.length, bad: badRows });
  });

  return (rows, point, badRows) => {
    try {
      writeChunk.immediate(rows, point, badRows);
    } catch (err) {
      // A failed chunk is rolled back; forget cached ids that may belong to it.
      runs.clear();
      prompts.reset();
      counters.reset();
      throw err;
    }
  };
}
