// Problems found in an input file: where (file, line, field) and what. All values are text nodes.
import type { RecordIssue } from '../../../shared/domain';

export function IssueTable({ issues, total, testId }: { issues: RecordIssue[]; total?: number; testId?: string }) {
  if (issues.length === 0) return null;
  const hidden = (total ?? issues.length) - issues.length;
  return (
    <div className="issue-table" data-testid={testId}>
      <table className="table table--compact">
        <thead>
          <tr>
            <th>File</th>
            <th>Line</th>
            <th>Field</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td className="mono">{issue.file.split(/[\\/]/).pop()}</td>
              <td className="mono">{issue.line ?? '—'}</td>
              <td className="mono">{issue.field ?? '—'}</td>
              <td>
                {issue.message}
                {issue.excerpt && <div className="mono muted small excerpt">{issue.excerpt}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p className="small muted">…and {hidden.toLocaleString('en-US')} more.</p>}
    </div>
  );
}
