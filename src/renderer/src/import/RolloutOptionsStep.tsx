// Step 2 for a rollout log: format (detected when the import starts, or chosen), run name, group size
// for formats that group samples only by order, and what to do with bad lines. No preview exists for
// rollout logs, so the detected format is shown in the result.
import { ROLLOUT_FORMAT_NAMES } from '../../../shared/rollouts';
import { AUTO_FORMAT, parseGroupSize } from './rollout-options';
import type { RolloutForm } from './rollout-options';

const FORMAT_HINTS: Record<(typeof ROLLOUT_FORMAT_NAMES)[number], string> = {
  native: 'RL Curator JSONL with token signals',
  oreal: 'OREAL trajectories/step.N.jsonl',
  verl: 'verl rollout_data_dir/<step>.jsonl',
  trl: 'TRL GRPO completions_<step>.parquet',
  xtuner: 'xtuner train_rollout_<step>.jsonl',
  'eval-k': 'evaluation dump, K responses per line',
  prm800k: 'PRM800K step-rated solutions',
  'math-aps': 'math-aps prefix values',
};

interface RolloutOptionsStepProps {
  /** The name the user knows the source by: the uploaded file's name or the typed path. */
  displayName: string;
  form: RolloutForm;
  busy: boolean;
  onForm(form: RolloutForm): void;
  onBack(): void;
  onStart(): void;
}

export function RolloutOptionsStep({ displayName, form, busy, onForm, onBack, onStart }: RolloutOptionsStepProps) {
  const groupSize = parseGroupSize(form.groupSize);
  return (
    <div className="rollout-options" data-testid="rollout-options">
      <p className="preview-step__file">
        <strong className="mono" data-testid="rollout-source">
          {displayName}
        </strong>
      </p>
      <div className="rollout-options__grid">
        <fieldset disabled={busy}>
          <legend>Reading</legend>
          <label className="stacked">
            Format
            <select
              value={form.format}
              data-testid="rollout-format"
              onChange={(e) => onForm({ ...form, format: e.target.value })}
            >
              <option value={AUTO_FORMAT}>Detect automatically</option>
              {ROLLOUT_FORMAT_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name} — {FORMAT_HINTS[name]}
                </option>
              ))}
            </select>
          </label>
          <label className="stacked">
            Group size K (optional)
            <input
              type="text"
              inputMode="numeric"
              value={form.groupSize}
              placeholder="e.g. 16"
              data-testid="rollout-group-size"
              onChange={(e) => onForm({ ...form, groupSize: e.target.value })}
            />
            <span className="muted small">
              For logs that group the samples of a prompt only by their order (OREAL).
            </span>
            {!groupSize.ok && <span className="error-text small">{groupSize.message}</span>}
          </label>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Run</legend>
          <label className="stacked">
            Run name
            <input
              type="text"
              value={form.runName}
              maxLength={200}
              data-testid="rollout-run-name"
              onChange={(e) => onForm({ ...form, runName: e.target.value })}
            />
            <span className="muted small">Replaces run names written in the file; leave empty to keep them.</span>
          </label>
          <div className="stacked" role="radiogroup" aria-label="Bad lines">
            <span>When a line is bad</span>
            <label className="radio">
              <input
                type="radio"
                name="rollout-bad-line"
                checked={form.onBadRecord === 'skip'}
                data-testid="rollout-policy-skip"
                onChange={() => onForm({ ...form, onBadRecord: 'skip' })}
              />
              skip it and report it
            </label>
            <label className="radio">
              <input
                type="radio"
                name="rollout-bad-line"
                checked={form.onBadRecord === 'abort'}
                data-testid="rollout-policy-abort"
                onChange={() => onForm({ ...form, onBadRecord: 'abort' })}
              />
              stop the import (nothing is kept)
            </label>
          </div>
          <label className="radio">
            <input
              type="checkbox"
              checked={form.restart}
              data-testid="rollout-restart"
              onChange={(e) => onForm({ ...form, restart: e.target.checked })}
            />
            start over if an earlier import of this source was interrupted (otherwise it resumes)
          </label>
        </fieldset>
      </div>
      <footer className="dialog__footer">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onStart}
          disabled={busy || !groupSize.ok}
          data-testid="rollout-start"
        >
          Import rollouts
        </button>
      </footer>
    </div>
  );
}
