// One rollout re-checked: the verifier's verdict against the resolved gold answer, and how it relates
// to the verdict the log recorded (correct = reward > 0 at import).
import type { Agreement, GoldSource } from '../../shared/verification';
import { verifyResponse } from '../answer-check/index';
import type { Gold } from './gold';

export interface RolloutToCheck {
  id: number;
  runId: number;
  questionHash: string | null;
  response: string;
  finishReason: string | null;
  /** The log's truncated flag (0/1) or null. */
  truncated: number | null;
  /** The log's verdict (0/1) or null when the rollout was not graded. */
  correct: number | null;
}

export interface StagedVerdict {
  rolloutId: number;
  runId: number;
  questionHash: string | null;
  extractedAnswer: string | null;
  answerNorm: string | null;
  rule: string;
  truncated: boolean;
  equivalent: boolean;
  answerMatches: boolean;
  stage: string;
  reason: string;
  goldAnswer: string | null;
  goldSource: GoldSource;
  agreement: Agreement;
}

export function agreementOf(loggedCorrect: number | null, equivalent: boolean): Agreement {
  if (loggedCorrect === null) return 'ungraded';
  if ((loggedCorrect === 1) === equivalent) return 'agree';
  return equivalent ? 'loggedWrongRecheckRight' : 'loggedCorrectRecheckWrong';
}

export function checkRollout(r: RolloutToCheck, gold: Gold): StagedVerdict {
  const v = verifyResponse(r.response, gold.value, {
    finishReason: r.finishReason,
    knownTruncated: r.truncated === null ? null : r.truncated === 1,
  });
  return {
    rolloutId: r.id,
    runId: r.runId,
    questionHash: r.questionHash,
    // An empty \boxed{} is no answer either.
    extractedAnswer: v.extraction.answer === null || v.extraction.answer.trim() === '' ? null : v.extraction.answer,
    answerNorm: v.predNormalized,
    rule: v.extraction.rule,
    truncated: v.extraction.truncated,
    equivalent: v.equivalent,
    answerMatches: v.equivalent || v.rejectedAsTruncated,
    stage: v.stage,
    reason: v.reason,
    goldAnswer: gold.text,
    goldSource: gold.source,
    agreement: agreementOf(r.correct, v.equivalent),
  };
}
