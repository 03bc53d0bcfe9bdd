// Splits: name + ratio rows (shown as shares of 100), seed and stratification. No rows = one file.
import type { ExportForm, FormErrors, SplitRow } from './export-form';
import { splitShares } from './export-form';

interface SplitsEditorProps {
  form: ExportForm;
  errors: FormErrors;
  onChange(patch: Partial<ExportForm>): void;
}

const PRESETS: { title: string; splits: SplitRow[] }[] = [
  {
    title: 'train / test 90:10',
    splits: [
      { name: 'train', ratio: '0.9' },
      { name: 'test', ratio: '0.1' },
    ],
  },
  {
    title: 'train / val / test 80:10:10',
    splits: [
      { name: 'train', ratio: '0.8' },
      { name: 'val', ratio: '0.1' },
      { name: 'test', ratio: '0.1' },
    ],
  },
];

export function SplitsEditor({ form, errors, onChange }: SplitsEditorProps) {
  const shares = splitShares(form.splits);
  const setRow = (index: number, patch: Partial<SplitRow>) =>
    onChange({ splits: form.splits.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  return (
    <fieldset className="export-splits" data-testid="export-splits">
      <legend>Splits</legend>
      {form.splits.length === 0 && <p className="muted small">One file. Add splits to write one file per split.</p>}
      {form.splits.map((split, index) => (
        <div key={index} className="export-splits__row">
          <input
            type="text"
            value={split.name}
            aria-label={`Split ${index + 1} name`}
            data-testid={`export-split-name-${index}`}
            onChange={(e) => setRow(index, { name: e.target.value })}
          />
          <input
            type="text"
            inputMode="decimal"
            value={split.ratio}
            aria-label={`Split ${index + 1} ratio`}
            data-testid={`export-split-ratio-${index}`}
            onChange={(e) => setRow(index, { ratio: e.target.value })}
          />
          <span className="muted small export-splits__share">{(shares[index] ?? 0).toFixed(0)}%</span>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove split ${split.name}`}
            onClick={() => onChange({ splits: form.splits.filter((_, i) => i !== index) })}
          >
            ×
          </button>
        </div>
      ))}
      {errors.splits && <p className="error-text small">{errors.splits}</p>}
      <div className="export-splits__actions">
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange({
              splits: [
                ...form.splits,
                { name: form.splits.length === 0 ? 'train' : `split${form.splits.length + 1}`, ratio: '1' },
              ],
            })
          }
          data-testid="export-split-add"
        >
          + split
        </button>
        {PRESETS.map((p) => (
          <button key={p.title} type="button" className="link-button" onClick={() => onChange({ splits: p.splits })}>
            {p.title}
          </button>
        ))}
      </div>
      {form.splits.length > 0 && (
        <div className="export-splits__row">
          <label className="inline-field">
            Seed
            <input
              type="text"
              inputMode="numeric"
              value={form.seed}
              data-testid="export-seed"
              onChange={(e) => onChange({ seed: e.target.value })}
            />
          </label>
          <label className="inline-field">
            Stratify by
            <select
              value={form.stratify}
              data-testid="export-stratify"
              onChange={(e) => onChange({ stratify: e.target.value as ExportForm['stratify'] })}
            >
              <option value="none">nothing</option>
              <option value="passRate">pass-rate bucket</option>
              <option value="source">source</option>
            </select>
          </label>
          {errors.seed && <span className="error-text small">{errors.seed}</span>}
        </div>
      )}
    </fieldset>
  );
}
