// Majority answer of a group of responses (maj@k): extracted answers are clustered by equivalence
// and each cluster gets its votes (and, optionally, the sum of per-response weights such as
// reward-model scores, for RM-weighted voting).
import { checkAnswer, normalizeCached } from './equivalence';
import type { CheckOptions } from './types';

export interface AnswerCluster {
  /** The first answer of the cluster, as extracted. */
  representative: string;
  normalized: string;
  /** Indices of the member responses in the input. */
  members: number[];
  votes: number;
  weight: number;
}

export interface MajorityResult {
  /** Clusters by votes (then weight, then first appearance), largest first. */
  clusters: AnswerCluster[];
  /** The top cluster, or null when no response had an answer. */
  winner: AnswerCluster | null;
  /** More than one cluster has the top vote count. */
  tie: boolean;
  /** Responses without an extracted answer. */
  unanswered: number[];
}

export interface MajorityOptions extends Pick<CheckOptions, 'symbolic' | 'symbolicBudgetMs' | 'relativeTolerance'> {
  weights?: readonly number[];
  /**
   * Equivalence checks allowed per call (default 1000). Many distinct answers (garbage from an early
   * checkpoint) would otherwise cost clusters × answers checks; once spent, answers join clusters by
   * identical normal form only.
   */
  maxEquivalenceChecks?: number;
}

const DEFAULT_MAX_CHECKS = 1000;

export function majorityAnswer(
  answers: ReadonlyArray<string | null | undefined>,
  options: MajorityOptions = {},
): MajorityResult {
  // Percent leniency is off: it is not symmetric (25 would join 0.25 and 2500 alike).
  const check: CheckOptions = { ...options, percentLeniency: 'never' };
  const clusters: AnswerCluster[] = [];
  const byNormalized = new Map<string, AnswerCluster>();
  const unanswered: number[] = [];
  let checksLeft = options.maxEquivalenceChecks ?? DEFAULT_MAX_CHECKS;
  answers.forEach((answer, index) => {
    const weight = options.weights?.[index] ?? 1;
    if (answer === null || answer === undefined || answer.trim() === '') {
      unanswered.push(index);
      return;
    }
    const normalized = normalizeCached(answer);
    const cluster =
      byNormalized.get(normalized) ??
      clusters.find((c) => {
        if (checksLeft <= 0) return false;
        checksLeft--;
        return checkAnswer(answer, c.representative, check).equivalent;
      });
    if (cluster) {
      cluster.members.push(index);
      cluster.votes++;
      cluster.weight += weight;
      byNormalized.set(normalized, cluster);
      return;
    }
    const created: AnswerCluster = { representative: answer, normalized, members: [index], votes: 1, weight };
    clusters.push(created);
    byNormalized.set(normalized, created);
  });
  const ordered = clusters
    .map((c, firstSeen) => ({ c, firstSeen }))
    .sort((a, b) => b.c.votes - a.c.votes || b.c.weight - a.c.weight || a.firstSeen - b.firstSeen)
    .map(({ c }) => c);
  const winner = ordered[0] ?? null;
  const tie = winner !== null && ordered.length > 1 && ordered[1]?.votes === winner.votes;
  return { clusters: ordered, winner, tie, unanswered };
}
