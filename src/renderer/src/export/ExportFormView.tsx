// The export form: what (current filter, a saved view, everything), format and columns, filters applied
// on export (pass-rate range, labels to leave out, dedup, caps), splits, and the target folder.
import type { LabelDef } from '../../../shared/curation';
import type { SavedView } from '../../../shared/domain';
import { EXPORT_COLUMNS, EXPORT_FORMATS } from '../../../shared/exports';
import type { ExportColumn, ExportFormat } from '../../../shared/exports';
import { COLUMN_FORMATS, FORMAT_TITLES, strictlyBetweenZeroAndOne } from './export-form';
import type { ExportForm, FormErrors } from './export-form';
import { SplitsEditor } from './SplitsEditor';

interface ExportFormViewProps {
  form: ExportForm;
  errors: FormErrors;
  views: readonly SavedView[];
  labels: readonly LabelDef[];
  filterTitle: string;
  onChange(patch: Partial<ExportForm>): void;
}

export function ExportFormView({ form, errors, views, labels, filterTitle, onChange }: ExportFormViewProps) {
  const sourceValue = form.source.kind === 'view' ? `view:${form.source.viewId}` : form.source.kind;
  const toggleColumn = (c: ExportColumn) =>
    onChange({
      columns: form.columns.includes(c)
        ? form.columns.filter((x) => x !== c)
        : EXPORT_COLUMNS.filter((x) => x === c || form.columns.includes(x)),
    });
  const toggleExcluded = (id: number) =>
    onChange({
      excludeLabelIds: form.excludeLabelIds.includes(id)
        ? form.excludeLabelIds.filter((x) => x !== id)
        : [...form.excludeLabelIds, id],
    });
  return (
    <div className="export-form">
      <div className="export-form__grid">
        <label className="stacked">
          <span>Prompts</span>
          <select
            value={sourceValue}
            data-testid="export-source"
            onChange={(e) => {
              const v = e.target.value;
              onChange({
                source: v.startsWith('view:')
                  ? { kind: 'view', viewId: Number(v.slice(5)) }
                  : v === 'all'
                    ? { kind: 'all' }
                    : { kind: 'filter' },
              });
            }}
          >
            <option value="filter">Current filter: {filterTitle}</option>
            {views.map((v) => (
              <option key={v.id} value={`view:${v.id}`}>
                Saved view: {v.name}
              </option>
            ))}
            <option value="all">Every prompt</option>
          </select>
        </label>
        <label className="stacked">
          <span>Format</span>
          <select
            value={form.format}
            data-testid="export-format"
            onChange={(e) => onChange({ format: e.target.value as ExportFormat })}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_TITLES[f]}
              </option>
            ))}
          </select>
        </label>
      </div>

      {COLUMN_FORMATS.includes(form.format) && (
        <fieldset className="export-columns" data-testid="export-columns">
          <legend>Columns</legend>
          {EXPORT_COLUMNS.map((c) => (
            <label key={c} className="radio">
              <input type="checkbox" checked={form.columns.includes(c)} onChange={() => toggleColumn(c)} />{' '}
              <code>{c}</code>
            </label>
          ))}
          {errors.columns && <p className="error-text small">{errors.columns}</p>}
        </fieldset>
      )}

      {form.format === 'verl-parquet' && (
        <fieldset className="export-form__grid">
          <legend>verl</legend>
          <label className="stacked">
            <span>data_source (empty: each prompt’s source)</span>
            <input
              type="text"
              value={form.verlDataSource}
              onChange={(e) => onChange({ verlDataSource: e.target.value })}
            />
          </label>
          <label className="stacked">
            <span>ability</span>
            <input type="text" value={form.verlAbility} onChange={(e) => onChange({ verlAbility: e.target.value })} />
          </label>
          <label className="stacked">
            <span>System prompt (optional)</span>
            <input
              type="text"
              value={form.verlSystemPrompt}
              onChange={(e) => onChange({ verlSystemPrompt: e.target.value })}
            />
          </label>
          <label className="stacked">
            <span>User prompt template</span>
            <input
              type="text"
              value={form.verlPromptTemplate}
              onChange={(e) => onChange({ verlPromptTemplate: e.target.value })}
            />
            {errors.verlPromptTemplate && <span className="error-text small">{errors.verlPromptTemplate}</span>}
          </label>
        </fieldset>
      )}

      <fieldset className="export-passrate" data-testid="export-passrate">
        <legend>Pass rate</legend>
        <div className="export-passrate__row">
          <select
            value={form.passRateSource}
            aria-label="Pass rate source"
            data-testid="export-passrate-source"
            onChange={(e) => onChange({ passRateSource: e.target.value as ExportForm['passRateSource'] })}
          >
            <option value="auto">empirical (from rollouts) when known, else the dataset’s</option>
            <option value="empirical">empirical (correct / graded rollouts)</option>
            <option value="dataset">the dataset’s own</option>
          </select>
        </div>
        <div className="export-passrate__row">
          <input
            type="text"
            inputMode="decimal"
            className="export-passrate__bound"
            value={form.passMin}
            placeholder="0"
            aria-label="Lowest pass rate"
            data-testid="export-passrate-min"
            onChange={(e) => onChange({ passMin: e.target.value })}
          />
          <select
            value={form.passMinInclusive ? '<=' : '<'}
            aria-label="Lower bound inclusive"
            onChange={(e) => onChange({ passMinInclusive: e.target.value === '<=' })}
          >
            <option value="<">&lt;</option>
            <option value="<=">≤</option>
          </select>
          <span>p</span>
          <select
            value={form.passMaxInclusive ? '<=' : '<'}
            aria-label="Upper bound inclusive"
            onChange={(e) => onChange({ passMaxInclusive: e.target.value === '<=' })}
          >
            <option value="<">&lt;</option>
            <option value="<=">≤</option>
          </select>
          <input
            type="text"
            inputMode="decimal"
            className="export-passrate__bound"
            value={form.passMax}
            placeholder="1"
            aria-label="Highest pass rate"
            data-testid="export-passrate-max"
            onChange={(e) => onChange({ passMax: e.target.value })}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(strictlyBetweenZeroAndOne(form))}
            data-testid="export-passrate-oreal"
          >
            0 &lt; p &lt; 1
          </button>
          <button type="button" className="link-button" onClick={() => onChange({ passMin: '', passMax: '' })}>
            any
          </button>
        </div>
        {(errors.passMin || errors.passMax) && <p className="error-text small">{errors.passMin ?? errors.passMax}</p>}
        <label className="radio">
          <input
            type="checkbox"
            checked={form.keepUnknown}
            onChange={(e) => onChange({ keepUnknown: e.target.checked })}
          />{' '}
          keep prompts without a pass rate
        </label>
      </fieldset>

      <fieldset className="export-options">
        <legend>Leave out</legend>
        <div className="export-options__labels">
          {labels.map((l) => (
            <label key={l.id} className="radio">
              <input
                type="checkbox"
                checked={form.excludeLabelIds.includes(l.id)}
                onChange={() => toggleExcluded(l.id)}
                data-testid={`export-exclude-${l.name}`}
              />{' '}
              {l.name}
              <span className="muted small">({l.target})</span>
            </label>
          ))}
        </div>
        <label className="radio">
          <input
            type="checkbox"
            checked={form.dedup}
            onChange={(e) => onChange({ dedup: e.target.checked })}
            data-testid="export-dedup"
          />{' '}
          duplicate questions (keep the first)
        </label>
        <label className="radio" title="Clusters of the latest contamination check (Contamination… in the top bar)">
          <input
            type="checkbox"
            checked={form.dedupNear}
            onChange={(e) => onChange({ dedupNear: e.target.checked })}
            data-testid="export-dedup-near"
          />{' '}
          near-duplicates (keep the first of each cluster)
        </label>
        <label className="radio" title="Exact copies, templated and near copies of benchmark items">
          <input
            type="checkbox"
            checked={form.excludeContaminated}
            onChange={(e) => onChange({ excludeContaminated: e.target.checked })}
            data-testid="export-exclude-contaminated"
          />{' '}
          prompts contaminated by a benchmark
        </label>
        <label className="inline-field">
          At most
          <input
            type="text"
            inputMode="numeric"
            className="export-passrate__bound"
            value={form.capPerSource}
            placeholder="∞"
            data-testid="export-cap"
            onChange={(e) => onChange({ capPerSource: e.target.value })}
          />
          prompts per source
        </label>
        {errors.capPerSource && <p className="error-text small">{errors.capPerSource}</p>}
        <label className="radio">
          <input
            type="checkbox"
            checked={form.useCorrectedGold}
            onChange={(e) => onChange({ useCorrectedGold: e.target.checked })}
          />{' '}
          use curators’ corrected gold answers
        </label>
      </fieldset>

      <SplitsEditor form={form} errors={errors} onChange={onChange} />

      <fieldset className="export-target">
        <legend>Target</legend>
        <label className="stacked">
          <span>Folder on the machine running RL Curator</span>
          <input
            type="text"
            value={form.outDir}
            data-testid="export-outdir"
            onChange={(e) => onChange({ outDir: e.target.value })}
          />
          {errors.outDir && <span className="error-text small">{errors.outDir}</span>}
        </label>
        <div className="export-form__grid">
          <label className="stacked">
            <span>File name stem (optional)</span>
            <input
              type="text"
              value={form.baseName}
              placeholder="prompts, or the split name"
              data-testid="export-basename"
              onChange={(e) => onChange({ baseName: e.target.value })}
            />
            {errors.baseName && <span className="error-text small">{errors.baseName}</span>}
          </label>
          <label className="radio">
            <input
              type="checkbox"
              checked={form.overwrite}
              onChange={(e) => onChange({ overwrite: e.target.checked })}
              data-testid="export-overwrite"
            />{' '}
            replace existing files
          </label>
        </div>
      </fieldset>
      {errors.request && <p className="notice notice--error">{errors.request}</p>}
    </div>
  );
}
