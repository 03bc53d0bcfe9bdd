// The side panel's "Re-verification" group: prompts with a rollout whose re-check disagrees with the
// log (either direction), with a suspect gold answer, with a rollout without an extractable answer, or
// with a truncated one; the rollout-level conditions can be narrowed to one run. Shown once the
// workspace has runs (or a condition is set, so it can be cleared).
import { useState } from 'react';
import type { PromptFilter } from '../../../shared/domain';
import { idFromSelect } from './verify-scope';
import {
  VERIFICATION_OPTIONS,
  clearVerificationFilters,
  isVerificationOpOn,
  setVerificationOp,
  setVerificationRun,
  verificationConditionCount,
  verificationRun,
} from './verification-filter';
import { useContractValue } from './use-contract-value';
import './verification.css';

interface VerificationFiltersProps {
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
  /** Asks for the runs again when it changes (a new run imported). */
  dataVersion?: number;
}

export function VerificationFilters({ filter, onChange, dataVersion = 0 }: VerificationFiltersProps) {
  const runsResult = useContractValue('runs.list', {}, dataVersion);
  const runs = runsResult.state === 'error' ? [] : (runsResult.value ?? []);
  // The run picked while no condition is on yet; once one is, the filter itself holds the run.
  const [pickedRun, setPickedRun] = useState<number | null>(null);
  const active = verificationConditionCount(filter);
  const run = verificationRun(filter) ?? (active > 0 ? null : pickedRun);
  if (runs.length === 0 && active === 0) return null;

  const chooseRun = (runId: number | null) => {
    setPickedRun(runId);
    onChange(setVerificationRun(filter, runId));
  };
  return (
    <section className="facet verification-filters" data-testid="verification-filters" data-active={active}>
      <header className="facet__header">
        <h3 title="Conditions on the answers re-checked by Re-verify…; all of them must hold">Re-verification</h3>
        {active > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(clearVerificationFilters(filter))}
            data-testid="verification-filters-clear"
          >
            clear
          </button>
        )}
      </header>
      <ul className="facet__values">
        {VERIFICATION_OPTIONS.map((option) => (
          <li key={option.op}>
            <label className="facet__value" title={option.hint}>
              <input
                type="checkbox"
                checked={isVerificationOpOn(filter, option.op)}
                onChange={(e) => onChange(setVerificationOp(filter, option.op, e.target.checked, run))}
                data-testid={`verification-filter-${option.op}`}
              />
              <span className="facet__label">{option.title}</span>
            </label>
          </li>
        ))}
      </ul>
      {runs.length > 1 && (
        <select
          className="verification-filters__run"
          value={run ?? ''}
          aria-label="Run of the re-checked rollouts"
          data-testid="verification-filter-run"
          onChange={(e) => chooseRun(idFromSelect(e.target.value))}
        >
          <option value="">Rollouts of any run</option>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              Rollouts of {r.name}
            </option>
          ))}
        </select>
      )}
    </section>
  );
}
