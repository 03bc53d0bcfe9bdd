// The detail pane's contamination findings for one prompt: its class, each benchmark item it matched with every
// method's score (a side-by-side view on demand), and the near-duplicate cluster it belongs to.
import { useState } from 'react';
import type { ContaminationMatch, PromptContamination } from '../../../shared/contamination';
import { useContractValue } from '../verification/use-contract-value';
import { CompareDialog } from './CompareDialog';
import './contamination.css';

const CLASS_TITLES = { exact: 'exact copy', templated: 'templated', near: 'near copy' } as const;
const METHOD_TITLES = { exact: 'exact', templated: 'template', ngram: 'n-gram', minhash: 'MinHash' } as const;

/** Matches grouped by benchmark item, in the order of their best score. */
export function byBenchmarkItem(matches: readonly ContaminationMatch[]): ContaminationMatch[][] {
  const groups = new Map<number, ContaminationMatch[]>();
  for (const m of matches) groups.set(m.benchPromptId, [...(groups.get(m.benchPromptId) ?? []), m]);
  return [...groups.values()];
}

export function ContaminationSection({
  promptId,
  question,
  dataVersion,
}: {
  promptId: number;
  question: string;
  dataVersion: number;
}) {
  const result = useContractValue('contamination.forPrompt', { promptId }, dataVersion);
  const [compared, setCompared] = useState<ContaminationMatch | null>(null);
  if (result.state === 'error' || !result.value) return null;
  const found: PromptContamination = result.value;
  if (!found.checked && found.cluster === null && found.matches.length === 0) return null;
  return (
    <section className="detail-section contamination-section" data-testid="contamination-section">
      <h3>
        Contamination{' '}
        {found.class ? (
          <span className={`badge badge--warn contamination-badge--${found.class}`} data-testid="contamination-class">
            {CLASS_TITLES[found.class]}
          </span>
        ) : (
          <span className="muted small" data-testid="contamination-class">
            {found.checked ? 'none found' : 'not checked'}
          </span>
        )}
      </h3>
      {byBenchmarkItem(found.matches).map((group) => {
        const first = group[0] as ContaminationMatch;
        return (
          <div key={first.benchPromptId} className="contamination-match" data-testid="contamination-match">
            <span className="contamination-match__item">
              {first.benchDataset} {first.benchSourceId ?? `#${first.benchPromptId}`}
            </span>
            <span className="contamination-match__scores small">
              {group.map((m) => `${METHOD_TITLES[m.method]} ${m.score.toFixed(2)}`).join(' · ')}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => setCompared(first)}
              data-testid="contamination-compare"
            >
              Compare
            </button>
          </div>
        );
      })}
      {found.cluster && (
        <p className="small muted" data-testid="contamination-cluster" data-size={found.cluster.size}>
          In a near-duplicate cluster of {found.cluster.size} prompts
          {found.cluster.id === promptId
            ? ' (the one kept by near-dedup)'
            : ` (kept: prompt ${found.cluster.id})`}: {found.cluster.members.map((id) => `#${id}`).join(', ')}
        </p>
      )}
      {compared && <CompareDialog question={question} match={compared} onClose={() => setCompared(null)} />}
    </section>
  );
}
