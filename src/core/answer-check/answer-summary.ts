// The answers of one prompt's rollouts, summarised: clusters of equivalent answers with their votes,
// the majority answer, and whether the gold answer looks wrong (no rollout matches it while most of
// them agree on another answer). Shared by the verification job (stored per question) and the prompt
// page (computed on demand), so both apply the same rule.
import { majorityAnswer } from './majority';

export interface AnswerVote {
  answer: string | null;
  /** The answer matched the gold answer (truncation aside). */
  matchesGold: boolean;
  loggedCorrect: boolean | null;
}

export interface SummaryCluster {
  answer: string;
  normalized: string;
  votes: number;
  matchingGold: number;
  loggedCorrect: number;
}

export interface AnswerSummary {
  total: number;
  answered: number;
  matchingGold: number;
  /** Largest first. */
  clusters: SummaryCluster[];
  majority: SummaryCluster | null;
  tie: boolean;
  suspectGold: boolean;
}

/** Fewer rollouts than this are too little evidence to call a gold answer suspect. */
export const SUSPECT_GOLD_MIN_ROLLOUTS = 4;

/**
 * Each clustering comparison may reach the symbolic stage; a small budget keeps a prompt with many
 * distinct wrong answers from taking seconds (an undecided pair stays two clusters).
 */
const CLUSTER_SYMBOLIC_BUDGET_MS = 25;

export function summarizeAnswers(votes: readonly AnswerVote[]): AnswerSummary {
  const result = majorityAnswer(
    votes.map((v) => v.answer),
    { symbolicBudgetMs: CLUSTER_SYMBOLIC_BUDGET_MS },
  );
  const clusters: SummaryCluster[] = result.clusters.map((c) => ({
    answer: c.representative,
    normalized: c.normalized,
    votes: c.votes,
    matchingGold: c.members.filter((i) => votes[i]?.matchesGold === true).length,
    loggedCorrect: c.members.filter((i) => votes[i]?.loggedCorrect === true).length,
  }));
  const total = votes.length;
  const matchingGold = votes.filter((v) => v.matchesGold).length;
  const majority = clusters[0] ?? null;
  // "Most" = more than half of all rollouts, answered or not; such a cluster cannot tie.
  const suspectGold =
    total >= SUSPECT_GOLD_MIN_ROLLOUTS && matchingGold === 0 && majority !== null && majority.votes * 2 > total;
  return {
    total,
    answered: total - result.unanswered.length,
    matchingGold,
    clusters,
    majority,
    tie: result.tie,
    suspectGold,
  };
}
