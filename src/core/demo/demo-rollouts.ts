// Demo rollout runs, written through the same import record and chunk writer as a real rollout import:
// groups of 8 samples per prompt, correct with the prompt's pass rate, each with a token table and
// rm_logit / logprob signals (rm_prob and is_weight are derived from rm_logit on read, as OREAL does).
import type { Db } from '../db/open';
import { prepareRollout } from '../rollouts/prepare';
import { emptyRecord } from '../rollouts/record';
import { openImport } from '../rollouts/store/imports';
import type { ChunkRow } from '../rollouts/store/writer';
import { createChunkWriter } from '../rollouts/store/writer';
import type { DemoProblem } from './problems';
import { demoLogprobs, demoRmLogits } from './rm-walk';
import { demoSolution } from './solutions';

export interface DemoPrompt {
  problem: DemoProblem;
  passRate: number | null;
}

interface DemoRunSpec {
  name: string;
  steps: number;
  promptsPerStep: number;
  /** OREAL-style ±1 rewards with RLOO advantages, or 1/0 scores of an evaluation. */
  oreal: boolean;
}

const GROUP = 8;
const RUNS: DemoRunSpec[] = [
  { name: 'Demo OREAL-7B run', steps: 3, promptsPerStep: 16, oreal: true },
  { name: 'Demo evaluation (K=8)', steps: 1, promptsPerStep: 32, oreal: false },
];
const SYSTEM = 'You are an expert mathematician. Solve the problem step by step and put the final answer in \\boxed{}.';

/** Writes the runs invisible; the caller makes them visible with finishImport(importId) at the end of its job. */
export function writeDemoRollouts(
  db: Db,
  jobId: number,
  prompts: readonly DemoPrompt[],
  rand: () => number,
  checkCancelled: () => void,
): { importId: number | null; runs: number; rollouts: number } {
  if (prompts.length === 0) return { importId: null, runs: 0, rollouts: 0 };
  const { record } = openImport(db, jobId, {
    sourcePath: 'demo',
    format: 'demo',
    sources: [],
    options: { runName: null, groupSize: GROUP, onBadRecord: 'abort' },
    restart: true,
  });
  const write = createChunkWriter(db, {
    importId: record.id,
    jobId,
    runName: null,
    defaultRunName: 'Demo run',
    sourcePath: 'demo',
    sourceFormat: 'demo',
  });
  let line = 0;
  for (const spec of RUNS) {
    for (let step = 0; step < spec.steps; step++) {
      checkCancelled();
      const rows: ChunkRow[] = [];
      for (let k = 0; k < spec.promptsPerStep; k++) {
        const prompt = prompts[(step * spec.promptsPerStep + k) % prompts.length] as DemoPrompt;
        // Training improves the policy a little each step.
        const p = Math.min(1, (prompt.passRate ?? 0.5) + 0.05 * step);
        const correct = Array.from({ length: GROUP }, () => rand() < p);
        const c = correct.filter(Boolean).length;
        correct.forEach((ok, i) => {
          const r = emptyRecord(++line);
          const solution = demoSolution(prompt.problem, ok, rand);
          r.run = spec.name;
          r.step = step;
          r.prompt = { id: null, question: prompt.problem.question, goldAnswer: prompt.problem.answer, system: SYSTEM };
          r.groupId = `${step}-${k}`;
          r.sampleIndex = i;
          r.response = solution.tokens.join('');
          r.reward = spec.oreal ? (ok ? 1 : -1) : ok ? 1 : 0;
          // RLOO over the group, as OREAL logs it (formats-and-domain §1.5).
          r.advantage = spec.oreal ? (ok ? (2 * (GROUP - c)) / (GROUP - 1) : (-2 * c) / (GROUP - 1)) : null;
          r.finishReason = solution.truncated ? 'length' : 'stop';
          r.tokenCount = solution.tokens.length;
          r.tokens = { text: solution.tokens, offsets: null };
          r.signals = {
            rm_logit: demoRmLogits(solution.tokens, solution.errorToken, rand),
            logprob: demoLogprobs(solution.tokens, solution.errorToken, rand),
          };
          r.extractedAnswer = solution.boxed;
          const prepared = prepareRollout(r, 'demo');
          if (!prepared.ok)
            throw new Error(`demo rollout is invalid: ${prepared.issues.map((x) => x.message).join('; ')}`);
          rows.push({ rollout: prepared.rollout, fileIndex: 0, fileStep: null });
        });
      }
      write(rows, { fileIndex: 0, line, offset: 0 }, 0);
    }
  }
  return { importId: record.id, runs: RUNS.length, rollouts: line };
}
