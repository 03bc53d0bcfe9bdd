// Inter-annotator agreement per label (Cohen's kappa for two annotators, Fleiss' for more) over the
// items every chosen annotator labelled.
import { useEffect, useState } from 'react';
import type { AgreementReport, AnnotatorSummary } from '../../../shared/curation';
import { callOrReport, useServices } from '../app-context';
import { Dialog } from '../shell/Dialog';
import { formatKappa, formatShare, kappaBand } from './agreement-format';

export function AgreementDialog({ onClose }: { onClose(): void }) {
  const services = useServices();
  const [target, setTarget] = useState<'prompt' | 'rollout'>('prompt');
  const [annotators, setAnnotators] = useState<AnnotatorSummary[] | null>(null);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [report, setReport] = useState<{ key: string; value: AgreementReport } | null>(null);

  useEffect(() => {
    void callOrReport(services, 'labels.annotators', {}).then((list) => list && setAnnotators(list));
  }, [services]);

  const candidates = (annotators ?? [])
    .filter((a) => (target === 'prompt' ? a.promptLabels : a.rolloutLabels) > 0)
    .map((a) => a.annotator);
  const picked = chosen?.filter((a) => candidates.includes(a)) ?? candidates;
  const key = JSON.stringify({ target, picked });

  useEffect(() => {
    if (annotators === null) return;
    let current = true;
    const { target: t, picked: names } = JSON.parse(key) as { target: 'prompt' | 'rollout'; picked: string[] };
    void callOrReport(services, 'agreement.report', { target: t, annotators: names }).then(
      (value) => current && value && setReport({ key, value }),
    );
    return () => {
      current = false;
    };
  }, [key, annotators, services]);

  const shown = report?.key === key ? report.value : null;
  const toggle = (name: string) =>
    setChosen(picked.includes(name) ? picked.filter((n) => n !== name) : [...picked, name]);
  return (
    <Dialog title="Agreement between annotators" onClose={onClose} testId="agreement-dialog" wide>
      <div className="agreement__controls">
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value === 'rollout' ? 'rollout' : 'prompt')}
          aria-label="Items"
        >
          <option value="prompt">Prompt labels</option>
          <option value="rollout">Rollout labels</option>
        </select>
        {candidates.length === 0 && <span className="muted">No one has labelled {target}s yet.</span>}
        {candidates.map((name) => (
          <label key={name} className="radio">
            <input type="checkbox" checked={picked.includes(name)} onChange={() => toggle(name)} /> {name}
          </label>
        ))}
      </div>
      {shown && (
        <div data-testid="agreement-report" data-items={shown.items}>
          <p className="muted small">
            {shown.items} {shown.items === 1 ? 'item' : 'items'} labelled by{' '}
            {shown.annotators.length === 0 ? 'nobody' : `all of ${shown.annotators.join(', ')}`}
            {shown.method && ` · ${shown.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa`}
            {shown.annotators.length < 2 && ' · kappa needs at least two annotators'}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>Label</th>
                <th>Kappa</th>
                <th />
                <th>Observed agreement</th>
                {shown.annotators.map((a) => (
                  <th key={a}>{a}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.labels.map((l) => (
                <tr key={l.labelId} data-testid={`agreement-${l.name}`}>
                  <td>{l.name}</td>
                  <td className="mono">{formatKappa(l.kappa)}</td>
                  <td className="muted">{kappaBand(l.kappa)}</td>
                  <td>{formatShare(l.observedAgreement)}</td>
                  {l.positives.map((p, i) => (
                    <td key={shown.annotators[i] ?? i}>{p}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
