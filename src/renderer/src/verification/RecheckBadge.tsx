// Per-rollout re-verification verdicts for the prompt page's rollout table: one 'verify.rollouts' call
// per prompt (its rollouts in pages), and a badge per rollout beside the log's verdict.
import { useMemo } from 'react';
import type { RolloutVerdict } from '../../../shared/verification';
import { recheckBadge } from './recheck-badge';
import { useContractValue } from './use-contract-value';
import './verification.css';

/** The rollout table loads at most this many rollouts; the verdicts of one page cover them for most prompts. */
const VERDICT_PAGE = 1000;

/**
 * Verdicts by rollout id for rows of one prompt (a run's prompt outside any prompt set has no prompt id:
 * no verdicts are asked for). Asks again when `rows` is another array (the page reloaded).
 */
export function useRecheckVerdicts(rows: readonly { promptId: number | null }[]): ReadonlyMap<number, RolloutVerdict> {
  const promptId = rows[0]?.promptId ?? null;
  const result = useContractValue(
    'verify.rollouts',
    promptId === null ? null : { promptId, verdict: 'verified', limit: VERDICT_PAGE },
    rows,
  );
  const page = result.state === 'error' ? null : result.value;
  return useMemo(
    () => new Map((page?.rows ?? []).flatMap((r) => (r.verdict ? [[r.id, r.verdict] as const] : []))),
    [page],
  );
}

export function RecheckBadge({ verdict }: { verdict: RolloutVerdict | undefined }) {
  if (!verdict) return null;
  const view = recheckBadge(verdict);
  return (
    <span
      className={`badge recheck-badge recheck-badge--${view.tone}`}
      title={view.title}
      data-testid="recheck-badge"
      data-agreement={verdict.agreement}
    >
      {view.text}
    </span>
  );
}
