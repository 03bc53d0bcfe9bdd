// The side panel's "Contamination" group: prompts by the class a contamination check gave them (exact copy,
// templated, near copy), the clean ones, and those in a near-duplicate cluster, each with its count under the rest
// of the filter. Shown once a check has run in the workspace (or a condition is set, so it can be cleared).
import type { ContaminationFacets } from '../../../shared/contamination';
import type { PromptFilter } from '../../../shared/domain';
import { useContractValue } from '../verification/use-contract-value';
import { choose, clearContamination, contaminationConditionCount, isChosen } from './contamination-filter';
import type { ContaminationChoice } from './contamination-filter';
import './contamination.css';

const CHOICES: {
  choice: ContaminationChoice;
  title: string;
  hint: string;
  count(f: ContaminationFacets): number | null;
}[] = [
  {
    choice: 'exact',
    title: 'Exact copy',
    hint: 'Same text as a benchmark item after normalisation',
    count: (f) => f.exact,
  },
  {
    choice: 'templated',
    title: 'Templated',
    hint: 'Same as a benchmark item up to its numbers',
    count: (f) => f.templated,
  },
  {
    choice: 'near',
    title: 'Near copy',
    hint: 'Most of a benchmark item’s n-grams, or a high MinHash similarity',
    count: (f) => f.near,
  },
  { choice: 'clean', title: 'Not contaminated', hint: 'No finding (or never checked)', count: () => null },
  {
    choice: 'inCluster',
    title: 'In a near-duplicate cluster',
    hint: 'Near copies of other training prompts (export can keep one per cluster)',
    count: (f) => f.inCluster,
  },
];

interface ContaminationFiltersProps {
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
  dataVersion?: number;
}

export function ContaminationFilters({ filter, onChange, dataVersion = 0 }: ContaminationFiltersProps) {
  const facets = useContractValue('contamination.facets', { filter }, dataVersion);
  const counts = facets.state === 'error' ? null : facets.value;
  const active = contaminationConditionCount(filter);
  if (!counts?.checked && active === 0) return null;
  return (
    <section className="facet contamination-filters" data-testid="contamination-filters" data-active={active}>
      <header className="facet__header">
        <h3 title="Findings of the benchmark contamination check (Contamination… in the top bar)">Contamination</h3>
        {active > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(clearContamination(filter))}
            data-testid="contamination-filters-clear"
          >
            clear
          </button>
        )}
      </header>
      <ul className="facet__values">
        {CHOICES.map(({ choice, title, hint, count }) => {
          const n = counts ? count(counts) : null;
          return (
            <li key={choice}>
              <label className="facet__value" title={hint}>
                <input
                  type="checkbox"
                  checked={isChosen(filter, choice)}
                  onChange={(e) => onChange(choose(filter, choice, e.target.checked))}
                  data-testid={`contamination-filter-${choice}`}
                />
                <span className="facet__label">{title}</span>
                {n !== null && (
                  <span className="facet__count" data-testid={`contamination-count-${choice}`} data-count={n}>
                    {n.toLocaleString('en-US')}
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
