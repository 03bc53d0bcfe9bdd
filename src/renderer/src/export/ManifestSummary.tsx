// A finished export: where it went, the files with their rows, sizes and sha256, and the counts.
import type { ExportDetail } from '../../../shared/exports';
import { formatBytes, formatCount } from '../jobs/format-progress';
import { ExportCountsView } from './ExportCountsView';
import { joinPath, shortSha } from './export-summary';

export function ManifestSummary({ detail }: { detail: ExportDetail }) {
  const { manifest } = detail;
  return (
    <div
      className="manifest-summary"
      data-testid="export-manifest"
      data-export-id={detail.id}
      data-manifest-path={joinPath(detail.outDir, detail.manifestFile)}
    >
      <p className="notice notice--ok">
        Exported {formatCount(manifest.counts.exported)} rows as {manifest.format} to <code>{detail.outDir}</code>.
        Manifest: <code>{detail.manifestFile}</code>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>File</th>
            <th>Split</th>
            <th>Rows</th>
            <th>Size</th>
            <th>sha256</th>
          </tr>
        </thead>
        <tbody>
          {detail.files.map((f) => (
            <tr key={f.name} data-testid="export-file" data-name={f.name} data-rows={f.rows} data-sha256={f.sha256}>
              <td>
                <code>{f.name}</code>
              </td>
              <td>{f.split ?? '—'}</td>
              <td>{formatCount(f.rows)}</td>
              <td>{formatBytes(f.bytes)}</td>
              <td className="mono" title={f.sha256}>
                {shortSha(f.sha256)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportCountsView counts={manifest.counts} testId="export-manifest-counts" />
      {manifest.labels.excluded.length > 0 && (
        <p className="muted small">Left out prompts labelled: {manifest.labels.excluded.join(', ')}.</p>
      )}
      {manifest.contamination && manifest.contamination.excludedClasses.length > 0 && (
        <p
          className="muted small"
          data-testid="export-manifest-contamination"
          data-excluded={manifest.contamination.excluded}
        >
          Left out {formatCount(manifest.contamination.excluded)} contaminated prompts (
          {manifest.contamination.excludedClasses.join(', ')}) found by checks against{' '}
          {[...new Set(manifest.contamination.checks.flatMap((c) => c.benchmarks.map((b) => b.name)))].join(', ') ||
            'no benchmark yet'}
          .
        </p>
      )}
      <p className="muted small">
        Seed {manifest.seed} ·{' '}
        {manifest.usedCorrectedGoldAnswers ? 'corrected gold answers used' : 'original gold answers'} ·{' '}
        {manifest.createdAt}
      </p>
    </div>
  );
}
