// What an export would contain (exports.preview) or did (the manifest): rows kept and why others were
// left out, per split and per source.
import type { ExportCounts } from '../../../shared/exports';
import { formatCount } from '../jobs/format-progress';
import { dropReasons, sourceTable } from './export-summary';

export function ExportCountsView({ counts, testId }: { counts: ExportCounts; testId?: string }) {
  const table = sourceTable(counts);
  const reasons = dropReasons(counts);
  return (
    <div className="export-counts" data-testid={testId} data-exported={counts.exported} data-matched={counts.matched}>
      <p>
        <strong>{formatCount(counts.exported)}</strong> of {formatCount(counts.matched)} prompts
        {reasons.length > 0 && (
          <span className="muted">
            {' '}
            · left out: {reasons.map((r) => `${formatCount(r.count)} ${r.reason}`).join(', ')}
          </span>
        )}
        {counts.correctedGoldAnswers > 0 && (
          <span className="muted"> · {formatCount(counts.correctedGoldAnswers)} with a corrected gold answer</span>
        )}
      </p>
      {table.rows.length > 0 && (
        <table className="table export-counts__table">
          <thead>
            <tr>
              <th>Source</th>
              {table.splits.map((s) => (
                <th key={s}>{s}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.source}>
                <td>{r.source}</td>
                {r.perSplit.map((n, i) => (
                  <td key={table.splits[i] ?? i}>{formatCount(n)}</td>
                ))}
              </tr>
            ))}
            <tr className="export-counts__total">
              <td>all</td>
              {table.totals.map((n, i) => (
                <td key={table.splits[i] ?? i} data-testid={`export-split-count-${table.splits[i] ?? i}`}>
                  {formatCount(n)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
