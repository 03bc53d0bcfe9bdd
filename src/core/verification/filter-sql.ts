// SQL for verdict filters: prompt-grid conditions (PromptFilter.verification, over `prompts p`) and
// the rollout-level selection (over a rollouts alias). Values only ever reach SQL as bound parameters;
// the alias and the op come from fixed lists.
import type { PromptFilter } from '../../shared/domain';
import type { VerdictFilter, VerificationCondition } from '../../shared/verification';
import type { SqlFragment } from '../prompts/filter-sql';

const DISAGREEMENTS = `('loggedCorrectRecheckWrong', 'loggedWrongRecheckRight')`;

/** Conditions on the verdict table `v` for each rollout-level selection ('unverified' is handled apart). */
const VERDICT_WHERE: Record<Exclude<VerdictFilter, 'unverified'>, string> = {
  loggedCorrectRecheckWrong: `v.agreement = 'loggedCorrectRecheckWrong'`,
  loggedWrongRecheckRight: `v.agreement = 'loggedWrongRecheckRight'`,
  disagree: `v.agreement IN ${DISAGREEMENTS}`,
  agree: `v.agreement = 'agree'`,
  noAnswer: `v.extracted_answer IS NULL`,
  truncated: `v.truncated = 1`,
  verified: '1',
};

/** A condition on rollouts (alias `r`, or another fixed alias): those whose verdict matches. */
export function verdictFilterSql(kind: VerdictFilter, alias: 'r' = 'r'): string {
  if (kind === 'unverified') return `NOT EXISTS (SELECT 1 FROM rollout_verdicts v WHERE v.rollout_id = ${alias}.id)`;
  return `EXISTS (SELECT 1 FROM rollout_verdicts v WHERE v.rollout_id = ${alias}.id AND ${VERDICT_WHERE[kind]})`;
}

export function hasVerificationConditions(filter: PromptFilter): boolean {
  return (filter.verification?.length ?? 0) > 0;
}

/**
 * One fragment per condition, all of which must hold. Each is a membership test of the prompt's
 * question hash in a set the verdict indexes give directly, so a grid over 10^6 prompts pays one
 * index probe per prompt.
 */
export function verificationConditions(filter: PromptFilter): SqlFragment[] {
  return (filter.verification ?? []).map(conditionSql);
}

function conditionSql(c: VerificationCondition): SqlFragment {
  if (c.op === 'suspectGold')
    return {
      sql: `p.question_hash IN (SELECT question_hash FROM question_answer_stats WHERE suspect_gold = 1)`,
      params: [],
    };
  const where = [VERDICT_WHERE[c.op]];
  const params: unknown[] = [];
  if (c.runId !== undefined) {
    where.push('v.run_id = ?');
    params.push(c.runId);
  }
  return {
    sql: `p.question_hash IN (SELECT v.question_hash FROM rollout_verdicts v WHERE ${where.join(' AND ')})`,
    params,
  };
}
