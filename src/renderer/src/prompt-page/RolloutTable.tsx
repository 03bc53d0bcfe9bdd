// Every rollout of the prompt: correctness, reward, advantage, length, step, the RM's verdict and the
// extracted answer, sortable by column. A click opens a rollout; the checkboxes pick rollouts to compare.
import { useMemo, useState } from 'react';
import type { RolloutRow } from '../../../shared/rollouts';
import { RecheckBadge, useRecheckVerdicts } from '../verification/RecheckBadge';
import { AnswerText } from './AnswerText';
import { CorrectBadge } from './CorrectBadge';
import { nextSort, rolloutLength, sortRollouts } from './rollout-group';
import type { RolloutSort, SortKey } from './rollout-group';

interface RolloutTableProps {
  rows: RolloutRow[];
  openIds: readonly number[];
  checked: ReadonlySet<number>;
  onOpen(row: RolloutRow): void;
  onToggle(id: number): void;
}

const num = (v: number | null, digits = 2) => (v === null ? '—' : Number(v.toFixed(digits)).toString());

export function RolloutTable({ rows, openIds, checked, onOpen, onToggle }: RolloutTableProps) {
  const [sort, setSort] = useState<RolloutSort>({ key: 'order', descending: false });
  const sorted = useMemo(() => sortRollouts(rows, sort), [rows, sort]);
  const verdicts = useRecheckVerdicts(rows);
  const manyRuns = new Set(rows.map((r) => r.runId)).size > 1;

  const header = (key: SortKey, label: string, title?: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'} title={title}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => nextSort(s, key))}
        data-testid={`sort-${key}`}
      >
        {label}
        {sort.key === key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );

  return (
    <div className="rollout-table" data-testid="rollout-table" data-count={rows.length}>
      <table className="table">
        <thead>
          <tr>
            <th aria-label="Compare" />
            {header('order', '#')}
            {manyRuns && <th>Run</th>}
            {header('step', 'Step')}
            <th>Verdict</th>
            {header('reward', 'Reward')}
            {header('advantage', 'Adv.', 'Advantage the trainer used')}
            {header('length', 'Length', 'Tokens (characters when there is no token table)')}
            {header('rm', 'RM p', 'The token RM’s final probability that the rollout is correct')}
            <th>Answer</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const open = openIds.includes(row.id);
            return (
              <tr
                key={row.id}
                className={open ? 'rollout-row rollout-row--open' : 'rollout-row'}
                data-testid="rollout-row"
                data-rollout-id={row.id}
                data-correct={row.correct === null ? '' : String(row.correct)}
                aria-selected={open}
                onClick={() => onOpen(row)}
              >
                <td onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Compare rollout ${row.id}`}
                    checked={checked.has(row.id)}
                    onChange={() => onToggle(row.id)}
                    data-testid="rollout-check"
                  />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(row)} data-testid="open-rollout">
                    {row.sampleIndex ?? row.id}
                  </button>
                </td>
                {manyRuns && <td className="rollout-row__run">{row.runName}</td>}
                <td className="num">{row.step}</td>
                <td>
                  <CorrectBadge correct={row.correct} />
                  {row.truncated && <span className="badge badge--warn">truncated</span>}
                  <RecheckBadge verdict={verdicts.get(row.id)} />
                </td>
                <td className="num">{num(row.reward)}</td>
                <td className="num">{num(row.advantage, 3)}</td>
                <td className="num">
                  {rolloutLength(row).toLocaleString('en-US')}
                  {row.tokenCount === null && <span className="muted"> ch</span>}
                </td>
                <td className="num">{num(row.rmFinalProb, 3)}</td>
                <td className="rollout-row__answer">
                  {row.extractedAnswer === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <AnswerText value={row.extractedAnswer} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
