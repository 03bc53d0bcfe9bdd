// A stored verdict (columns prefixed v_ in a joined query) as the contract's RolloutVerdict.
import type { Agreement, GoldSource, RolloutVerdict } from '../../shared/verification';

export interface VerdictRow {
  v_rollout_id: number | null;
  v_extracted_answer: string | null;
  v_rule: string | null;
  v_truncated: number | null;
  v_equivalent: number | null;
  v_answer_matches: number | null;
  v_stage: string | null;
  v_reason: string | null;
  v_gold_answer: string | null;
  v_gold_source: string | null;
  v_agreement: string | null;
  v_verifier_version: string | null;
  v_verified_at: string | null;
}

/** null when the rollout has no verdict (a LEFT JOIN found nothing). */
export function toVerdict(r: VerdictRow): RolloutVerdict | null {
  if (r.v_rollout_id === null) return null;
  return {
    rolloutId: r.v_rollout_id,
    extractedAnswer: r.v_extracted_answer,
    rule: r.v_rule ?? 'none',
    truncated: r.v_truncated === 1,
    equivalent: r.v_equivalent === 1,
    answerMatches: r.v_answer_matches === 1,
    stage: r.v_stage ?? 'none',
    reason: r.v_reason ?? '',
    goldAnswer: r.v_gold_answer,
    goldSource: (r.v_gold_source ?? 'none') as GoldSource,
    agreement: (r.v_agreement ?? 'ungraded') as Agreement,
    verifierVersion: r.v_verifier_version ?? '',
    verifiedAt: r.v_verified_at ?? '',
  };
}
