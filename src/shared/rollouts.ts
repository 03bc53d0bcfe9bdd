// Rollout-log schemas shared by core, hosts and renderer: runs with their per-step statistics, rollouts
// (light rows for lists, the full record with its token table and per-token signals for the viewer),
// per-prompt statistics from rollouts.
// (No import from ./domain: domain.ts imports this file for WorkspaceStats.)
import { z } from 'zod';

const Int = z.number().int();
/** Share in [0, 1]; null when nothing was counted (e.g. no graded rollout). */
const Share = z.number().nullable();

/** Totals over a set of rollouts. A rollout is graded when it has a reward, correct when the reward is > 0. */
export const RolloutTotals = z.object({
  rollouts: Int,
  graded: Int,
  correct: Int,
  /** correct / graded: the empirical pass rate. */
  passRate: Share,
  rewardMean: z.number().nullable(),
  meanResponseChars: z.number().nullable(),
  truncationRate: Share,
});
export type RolloutTotals = z.infer<typeof RolloutTotals>;

export const RunStep = RolloutTotals.extend({ step: Int });
export type RunStep = z.infer<typeof RunStep>;

export const Run = RolloutTotals.extend({
  id: Int,
  name: z.string(),
  sourcePath: z.string().nullable(),
  sourceFormat: z.string().nullable(),
  /** The run's system prompt, stored once. */
  systemPrompt: z.string().nullable(),
  promptCount: Int,
  /** Prompts of the run that match no prompt in a visible prompt set. */
  unmatchedPromptCount: Int,
  steps: z.array(RunStep),
  signals: z.array(z.object({ name: z.string(), rollouts: Int })),
  createdAt: z.string(),
});
export type Run = z.infer<typeof Run>;

export const UnmatchedPrompt = RolloutTotals.extend({
  runPromptId: Int,
  sourcePromptId: z.string().nullable(),
  question: z.string().nullable(),
});
export type UnmatchedPrompt = z.infer<typeof UnmatchedPrompt>;

export const RolloutRow = z.object({
  id: Int,
  runId: Int,
  runName: z.string(),
  step: Int,
  runPromptId: Int,
  /** The matching prompt in a visible prompt set, if any. */
  promptId: Int.nullable(),
  groupId: z.string().nullable(),
  sampleIndex: Int.nullable(),
  reward: z.number().nullable(),
  correct: z.boolean().nullable(),
  advantage: z.number().nullable(),
  finishReason: z.string().nullable(),
  truncated: z.boolean().nullable(),
  tokenCount: Int.nullable(),
  responseChars: Int,
  extractedAnswer: z.string().nullable(),
  /** sigmoid(mean token-RM logit): the token RM's verdict on the whole rollout. */
  rmFinalProb: z.number().nullable(),
  /** Token from which the running RM probability stays on its final side of 0.5. */
  rmCrossing: Int.nullable(),
  signalNames: z.array(z.string()),
  /** The first characters of the response. */
  preview: z.string(),
});
export type RolloutRow = z.infer<typeof RolloutRow>;

export const RolloutSignal = z.object({
  name: z.string(),
  /** One value per token. */
  values: z.array(z.number()),
  /** Computed from rm_logit as OREAL does (rm_prob, is_weight) rather than logged. */
  derived: z.boolean(),
});
export type RolloutSignal = z.infer<typeof RolloutSignal>;

export const RolloutDetail = RolloutRow.extend({
  response: z.string(),
  question: z.string().nullable(),
  goldAnswer: z.string().nullable(),
  sourcePromptId: z.string().nullable(),
  systemPrompt: z.string().nullable(),
  tokens: z
    .object({
      count: Int,
      /** Start of each token in `response` (JavaScript string index); null when the tokens are not slices of it. */
      starts: z.array(Int).nullable(),
      /** The token strings, when they are not slices of the response. */
      texts: z.array(z.string()).nullable(),
    })
    .nullable(),
  signals: z.array(RolloutSignal),
  spans: z.array(z.object({ name: z.string(), start: Int, end: Int, value: z.number() })),
  extra: z.record(z.string(), z.unknown()),
  sourceFile: z.string().nullable(),
  sourceLine: Int,
});
export type RolloutDetail = z.infer<typeof RolloutDetail>;

export const PromptRolloutStats = RolloutTotals.extend({
  promptId: Int,
  runs: z.array(RolloutTotals.extend({ runId: Int, runName: z.string(), steps: z.array(RunStep) })),
});
export type PromptRolloutStats = z.infer<typeof PromptRolloutStats>;

export const RolloutWorkspaceStats = z.object({
  runs: Int,
  steps: Int,
  rollouts: Int,
  /** Distinct prompts sampled, counted per run. */
  runPrompts: Int,
  unmatchedPrompts: Int,
  /** Imports cut short (a crash or kill) whose rows wait, invisible, for the same import to resume. */
  interruptedImports: Int,
  passRate: Share,
});
export type RolloutWorkspaceStats = z.infer<typeof RolloutWorkspaceStats>;

export const RolloutImportInput = z
  .object({
    path: z.string().min(1),
    /** Adapter name (native, oreal, verl, trl, xtuner, eval-k, …); detected per file when left out. */
    format: z.string().min(1).optional(),
    runName: z.string().min(1).max(200).optional(),
    /** Group size K for formats that imply groups only by order (OREAL). */
    groupSize: z.number().int().min(1).max(4096).optional(),
    /** Same values as domain's BadRecordPolicy. */
    onBadRecord: z.enum(['skip', 'abort']).default('abort'),
    /** Discard an interrupted import of the same source instead of resuming it. */
    restart: z.boolean().default(false),
    /** Import files that a finished import already brought in (else CONFLICT, reason 'already-imported'). */
    again: z.boolean().default(false),
  })
  .strict();

/**
 * The rollout adapters' names (src/core/rollouts/adapters/index.ts), for format pickers in the UI, which
 * cannot import core. src/core/rollouts/adapters/format-names.test.ts keeps the two lists equal.
 */
export const ROLLOUT_FORMAT_NAMES = [
  'native',
  'oreal',
  'verl',
  'trl',
  'xtuner',
  'eval-k',
  'prm800k',
  'math-aps',
] as const;
