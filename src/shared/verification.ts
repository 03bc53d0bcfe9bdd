// Answer re-verification schemas shared by core, hosts and renderer: a verdict per rollout (what the
// re-check extracted, which rule and stage decided, and whether it agrees with the logged reward),
// filters over verdicts, the per-prompt majority answer and the workspace-level summary.
// (No import from ./domain: domain.ts imports this file for PromptFilter.)
import { z } from 'zod';
import { RolloutRow } from './rollouts';

const Int = z.number().int();

/** How the re-check relates to the logged verdict (a rollout is logged correct when its reward is > 0). */
export const AGREEMENTS = ['agree', 'loggedCorrectRecheckWrong', 'loggedWrongRecheckRight', 'ungraded'] as const;
export const Agreement = z.enum(AGREEMENTS);
export type Agreement = z.infer<typeof Agreement>;

/**
 * Rollout-level selections: one direction of disagreement, either direction ('disagree'), agreement,
 * no extractable answer, truncated, or any verdict / none yet ('verified' / 'unverified').
 */
export const VERDICT_FILTERS = [
  'loggedCorrectRecheckWrong',
  'loggedWrongRecheckRight',
  'disagree',
  'agree',
  'noAnswer',
  'truncated',
  'verified',
  'unverified',
] as const;
export const VerdictFilter = z.enum(VERDICT_FILTERS);
export type VerdictFilter = z.infer<typeof VerdictFilter>;

/**
 * A prompt-grid condition on verdicts. The rollout-level ops keep prompts with at least one such
 * rollout (in run `runId` only, when given; 'unverified' is not offered at prompt level).
 * 'suspectGold': no rollout's answer matches the gold answer while most of them agree on another
 * one; judged over all verified rollouts of the prompt, so `runId` does not apply.
 */
export const VerificationCondition = z
  .object({
    op: z.enum([
      'loggedCorrectRecheckWrong',
      'loggedWrongRecheckRight',
      'disagree',
      'noAnswer',
      'truncated',
      'verified',
      'suspectGold',
    ]),
    runId: Int.optional(),
  })
  .strict();
export type VerificationCondition = z.infer<typeof VerificationCondition>;

/** Which gold answer a verdict was checked against: a curator's correction, the prompt set's, or the log's own. */
export const GoldSource = z.enum(['correction', 'prompt', 'log', 'none']);
export type GoldSource = z.infer<typeof GoldSource>;

export const RolloutVerdict = z.object({
  rolloutId: Int,
  extractedAnswer: z.string().nullable(),
  /** boxed | answer-phrase | gsm8k | last-math | last-number | none: how strong the evidence is. */
  rule: z.string(),
  truncated: z.boolean(),
  /** The re-check's verdict; a truncated response counts as wrong. */
  equivalent: z.boolean(),
  /** The extracted answer alone equals the gold answer (true for a truncated response whose answer matched). */
  answerMatches: z.boolean(),
  /** exact | numeric | structured | multiple | symbolic | none: the stage that decided. */
  stage: z.string(),
  reason: z.string(),
  goldAnswer: z.string().nullable(),
  goldSource: GoldSource,
  agreement: Agreement,
  verifierVersion: z.string(),
  verifiedAt: z.string(),
});
export type RolloutVerdict = z.infer<typeof RolloutVerdict>;

/** A rollout's identity and logged outcome (as in rollouts.list), with its re-verification verdict. */
export const VerifiedRollout = RolloutRow.pick({
  id: true,
  runId: true,
  runName: true,
  step: true,
  runPromptId: true,
  promptId: true,
  groupId: true,
  sampleIndex: true,
  reward: true,
}).extend({
  loggedCorrect: z.boolean().nullable(),
  /** The answer the log itself recorded, when it did. */
  loggedAnswer: z.string().nullable(),
  verdict: RolloutVerdict.nullable(),
});
export type VerifiedRollout = z.infer<typeof VerifiedRollout>;

export const VerifyScope = z
  .object({
    runId: Int.optional(),
    datasetId: Int.optional(),
  })
  .strict();
export type VerifyScope = z.infer<typeof VerifyScope>;

/** Counts over the rollouts of a scope (a run, the rollouts of a dataset's prompts, or everything). */
export const VerifySummary = z.object({
  rollouts: Int,
  verified: Int,
  /** Verdicts written by another verifier version than the current one. */
  staleVersion: Int,
  agree: Int,
  loggedCorrectRecheckWrong: Int,
  loggedWrongRecheckRight: Int,
  ungraded: Int,
  recheckCorrect: Int,
  noAnswer: Int,
  truncated: Int,
  byStage: z.record(z.string(), Int),
  byRule: z.record(z.string(), Int),
  /** Prompts (by question) in scope whose gold answer looks wrong. */
  suspectGold: Int,
  verifierVersion: z.string(),
});
export type VerifySummary = z.infer<typeof VerifySummary>;

export const AnswerCluster = z.object({
  /** The first answer of the cluster, as extracted. */
  answer: z.string(),
  normalized: z.string(),
  votes: Int,
  /** votes / all rollouts counted (answered or not). */
  share: z.number(),
  /** Members whose answer matched the gold answer. */
  matchingGold: Int,
  /** Members the log graded correct. */
  loggedCorrect: Int,
});
export type AnswerCluster = z.infer<typeof AnswerCluster>;

export const PromptAnswerSummary = z.object({
  promptId: Int,
  goldAnswer: z.string().nullable(),
  goldSource: GoldSource,
  rollouts: Int,
  /** Rollouts with a stored verdict; the others were extracted just now (`live`) or left out (`unverified`). */
  verified: Int,
  live: Int,
  unverified: Int,
  answered: Int,
  matchingGold: Int,
  clusters: z.array(AnswerCluster),
  /** More clusters than shown. */
  moreClusters: Int,
  majority: AnswerCluster.nullable(),
  tie: z.boolean(),
  suspectGold: z.boolean(),
});
export type PromptAnswerSummary = z.infer<typeof PromptAnswerSummary>;

/** A question whose gold answer looks wrong; promptId is null when no visible prompt set holds it. */
export const SuspectGoldPrompt = z.object({
  promptId: Int.nullable(),
  datasetId: Int.nullable(),
  /** The start of the question (from the prompt set, else from the log). */
  question: z.string(),
  goldAnswer: z.string().nullable(),
  majorityAnswer: z.string(),
  majorityVotes: Int,
  rollouts: Int,
});
export type SuspectGoldPrompt = z.infer<typeof SuspectGoldPrompt>;

export const CheckAnswerInput = z
  .object({
    pred: z.string().max(10_000),
    gold: z.string().max(10_000),
    percentLeniency: z.enum(['always', 'when-marked', 'never']).optional(),
    isMultipleAnswer: z.boolean().optional(),
  })
  .strict();

export const CheckAnswerResult = z.object({
  equivalent: z.boolean(),
  stage: z.string(),
  reason: z.string(),
  predNormalized: z.string().nullable(),
  goldNormalized: z.string().nullable(),
  verifierVersion: z.string(),
});
export type CheckAnswerResult = z.infer<typeof CheckAnswerResult>;
