// The append-only history of one prompt or rollout: every label, note and gold-answer change with who
// and when, bulk edits, undos and redos included. Newest first; refreshed on every curation write.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/curation';
import { useServices } from '../app-context';
import { describeChange, kindTag, shortTime } from './history-format';

const SHOWN = 50;

export function HistoryPanel({
  target,
  id,
  testId = 'history-panel',
}: {
  target: 'prompt' | 'rollout';
  id: number;
  testId?: string;
}) {
  const services = useServices();
  const [loaded, setLoaded] = useState<{ key: string; entries: HistoryEntry[] } | null>(null);
  const [version, setVersion] = useState(0);
  const [all, setAll] = useState(false);
  const key = `${target}:${id}`;

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'labels') setVersion((v) => v + 1);
      }),
    [services],
  );

  useEffect(() => {
    let current = true;
    void services.transport.call('history.forItem', { target, id, limit: 1000 }).then((result) => {
      if (!current) return;
      if (result.ok) setLoaded({ key: `${target}:${id}`, entries: result.value });
      else services.reportError(result.error);
    });
    return () => {
      current = false;
    };
  }, [target, id, version, services]);

  const entries = loaded?.key === key ? loaded.entries : null;
  const shown = entries && !all ? entries.slice(0, SHOWN) : entries;
  return (
    <section className="history-panel" data-testid={testId} data-count={entries?.length ?? ''}>
      {entries === null && <p className="muted small">Loading history…</p>}
      {entries?.length === 0 && <p className="muted small">No changes yet.</p>}
      <ol className="history-panel__list">
        {shown?.map((e) => {
          const tag = kindTag(e.batchKind);
          return (
            <li key={e.changeId} className="history-entry" data-testid="history-entry" data-kind={e.batchKind}>
              <span className="history-entry__what">{describeChange(e)}</span>
              {tag && <span className={`history-entry__tag history-entry__tag--${e.batchKind}`}>{tag}</span>}
              <span className="history-entry__meta muted small">
                {e.annotator} · <time dateTime={e.at}>{shortTime(e.at)}</time>
              </span>
            </li>
          );
        })}
      </ol>
      {entries && entries.length > SHOWN && !all && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {entries.length}
        </button>
      )}
    </section>
  );
}
