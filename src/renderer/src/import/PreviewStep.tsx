// Step 2: what the importer detected (format, column mapping, first rows, warnings, problems), the
// dataset name and what to do with bad records. Changing the mapping or format previews again.
import type {
  BadRecordPolicy,
  FieldMapping,
  ImportPreview,
  MappableField,
  PromptFileFormat,
} from '../../../shared/domain';
import { MAPPABLE_FIELDS, PROMPT_FILE_FORMATS } from '../../../shared/domain';
import { formatBytes } from '../jobs/format-progress';
import { cellText } from './cell-text';
import { IssueTable } from './IssueTable';

export interface ImportOptions {
  format: PromptFileFormat;
  mapping: FieldMapping;
  datasetName: string;
  onBadRecord: BadRecordPolicy;
}

interface PreviewStepProps {
  preview: ImportPreview;
  /** The name the user knows the file by (an upload is stored under a generated name). */
  displayName: string;
  options: ImportOptions;
  busy: boolean;
  onOptions(options: ImportOptions, repreview: boolean): void;
  onBack(): void;
  onStart(): void;
}

const FIELD_LABELS: Record<MappableField, string> = {
  question: 'Question',
  goldAnswer: 'Gold answer',
  solution: 'Solution (answer from last \\boxed{})',
  passRate: 'Pass rate',
  sourceId: 'Source ID',
  subject: 'Subject',
  level: 'Level',
  source: 'Source',
};

const SAMPLE_ROWS = 8;

export function PreviewStep({ preview, displayName, options, busy, onOptions, onBack, onStart }: PreviewStepProps) {
  const setMapping = (field: MappableField, column: string) =>
    onOptions({ ...options, mapping: { ...options.mapping, [field]: column === '' ? null : column } }, true);
  const canStart = !busy && options.mapping.question !== null && options.datasetName.trim() !== '';
  return (
    <div className="preview-step" data-testid="import-preview">
      <p className="preview-step__file">
        <strong className="mono">{displayName}</strong>{' '}
        <span className="muted">· {formatBytes(preview.sizeBytes)} ·</span>{' '}
        <label className="inline-select">
          format{' '}
          <select
            value={options.format}
            disabled={busy}
            data-testid="import-format"
            onChange={(e) => onOptions({ ...options, format: e.target.value as PromptFileFormat }, true)}
          >
            {PROMPT_FILE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </p>

      {preview.warnings.length > 0 && (
        <ul className="notice notice--warn" data-testid="import-warnings">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <IssueTable issues={preview.issues} testId="import-preview-issues" />

      <div className="preview-step__grid">
        <fieldset className="mapping" disabled={busy}>
          <legend>Column mapping</legend>
          {MAPPABLE_FIELDS.map((field) => (
            <label key={field} className="mapping__row">
              <span>{FIELD_LABELS[field]}</span>
              <select
                value={options.mapping[field] ?? ''}
                data-testid={`mapping-${field}`}
                onChange={(e) => setMapping(field, e.target.value)}
              >
                <option value="">(not mapped)</option>
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {options.mapping.question === null && (
            <p className="error-text small">Map a column to “Question” to import.</p>
          )}
        </fieldset>

        <fieldset className="import-settings" disabled={busy}>
          <legend>Dataset</legend>
          <label className="stacked">
            Name
            <input
              type="text"
              value={options.datasetName}
              maxLength={200}
              data-testid="import-dataset-name"
              onChange={(e) => onOptions({ ...options, datasetName: e.target.value }, false)}
            />
          </label>
          <div className="stacked" role="radiogroup" aria-label="Bad records">
            <span>When a record is bad</span>
            <label className="radio">
              <input
                type="radio"
                name="bad-record"
                checked={options.onBadRecord === 'skip'}
                data-testid="import-policy-skip"
                onChange={() => onOptions({ ...options, onBadRecord: 'skip' }, false)}
              />
              skip it and report it
            </label>
            <label className="radio">
              <input
                type="radio"
                name="bad-record"
                checked={options.onBadRecord === 'abort'}
                data-testid="import-policy-abort"
                onChange={() => onOptions({ ...options, onBadRecord: 'abort' }, false)}
              />
              stop the import (nothing is kept)
            </label>
          </div>
        </fieldset>
      </div>

      <div className="sample-table" data-testid="import-sample">
        <table className="table table--compact">
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.slice(0, SAMPLE_ROWS).map((row, i) => (
              <tr key={i}>
                {preview.columns.map((c) => (
                  <td key={c}>{cellText(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <footer className="dialog__footer">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onStart}
          disabled={!canStart}
          data-testid="import-start"
        >
          Import
        </button>
      </footer>
    </div>
  );
}
