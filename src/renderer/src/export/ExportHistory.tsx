// Earlier exports of this workspace, newest first; pick two to see which prompts one has and the other not.
import { useEffect, useState } from 'react';
import type { ExportDetail, ExportDiff, ExportRecord } from '../../../shared/exports';
import { callOrReport, useServices } from '../app-context';
import { shortTime } from '../curation/history-format';
import { formatCount } from '../jobs/format-progress';
import { ManifestSummary } from './ManifestSummary';

export function ExportHistory() {
  const services = useServices();
  const [records, setRecords] = useState<ExportRecord[] | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<ExportDiff | null>(null);
  const [detail, setDetail] = useState<ExportDetail | null>(null);

  useEffect(() => {
    void callOrReport(services, 'exports.list', { limit: 200 }).then((list) => list && setRecords(list));
  }, [services]);

  const pick = (id: number) => {
    setDiff(null);
    setPicked((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev.slice(-1), id]));
  };
  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    const value = await callOrReport(services, 'exports.diff', { fromId: a, toId: b, limit: 20 });
    if (value) setDiff(value);
  };
  const open = async (id: number) => {
    const value = await callOrReport(services, 'exports.get', { id });
    if (value) setDetail(value);
  };

  if (records === null) return <p className="muted">Loading exports…</p>;
  if (records.length === 0) return <p className="muted">No exports yet.</p>;
  return (
    <div className="export-history" data-testid="export-history">
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>#</th>
            <th>When</th>
            <th>Format</th>
            <th>Rows</th>
            <th>Files</th>
            <th>Folder</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="export-record" data-export-id={r.id}>
              <td>
                <input
                  type="checkbox"
                  checked={picked.includes(r.id)}
                  aria-label={`Compare export ${r.id}`}
                  onChange={() => pick(r.id)}
                />
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => void open(r.id)}>
                  {r.id}
                </button>
              </td>
              <td>{shortTime(r.createdAt)}</td>
              <td>{r.format}</td>
              <td>{formatCount(r.rows)}</td>
              <td>{r.files.map((f) => f.name).join(', ')}</td>
              <td>
                <code>{r.outDir}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__footer">
        <span className="muted small">{picked.length === 2 ? '' : 'Tick two exports to compare them.'}</span>
        <button
          type="button"
          className="button"
          disabled={picked.length !== 2}
          onClick={() => void compare()}
          data-testid="export-compare"
        >
          Compare
        </button>
      </div>
      {diff && <DiffView diff={diff} />}
      {detail && <ManifestSummary detail={detail} />}
    </div>
  );
}

function DiffView({ diff }: { diff: ExportDiff }) {
  return (
    <div
      className="export-diff"
      data-testid="export-diff"
      data-added={diff.added}
      data-removed={diff.removed}
      data-kept={diff.kept}
    >
      <p>
        From export {diff.fromId} to {diff.toId}: <strong>+{formatCount(diff.added)}</strong> added,{' '}
        <strong>−{formatCount(diff.removed)}</strong> removed, {formatCount(diff.kept)} in both.
      </p>
      <div className="export-diff__lists">
        <DiffList title="Added" rows={diff.addedSample} total={diff.added} />
        <DiffList title="Removed" rows={diff.removedSample} total={diff.removed} />
      </div>
    </div>
  );
}

function DiffList({ title, rows, total }: { title: string; rows: ExportDiff['addedSample']; total: number }) {
  if (total === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className="export-diff__list">
        {rows.map((r) => (
          <li key={r.id}>
            <span className="mono">#{r.id}</span>{' '}
            {r.question === null ? <span className="muted">(deleted)</span> : r.question.slice(0, 120)}
          </li>
        ))}
        {total > rows.length && <li className="muted">… and {formatCount(total - rows.length)} more</li>}
      </ul>
    </div>
  );
}
