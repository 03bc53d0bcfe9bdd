// The selected prompt in full ('prompts.get'): question and gold answer with KaTeX, facts, extra fields.
import { useEffect, useState } from 'react';
import type { PromptDetail } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import { useServices } from '../app-context';
import { GoldAnswerCorrection } from '../curation/GoldAnswerCorrection';
import { HistoryPanel } from '../curation/HistoryPanel';
import { ItemAnnotator } from '../curation/ItemAnnotator';
import { MathText } from '../math/MathText';
import { TexFormula } from '../math/TexFormula';
import { answerView, stringifyRaw } from './gold-answer';
import { openPromptPage } from '../prompt-page/route';
import { ContaminationSection } from '../contamination/ContaminationSection';

/** Very long extra fields (whole solutions, logs) are shown as plain text, not typeset. */
const MAX_TYPESET_CHARS = 20_000;

type Loaded = { id: number; detail: PromptDetail } | { id: number; error: RpcError };

export function DetailPane({ promptId, dataVersion }: { promptId: number | null; dataVersion: number }) {
  const services = useServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (promptId === null) return;
    let current = true;
    void services.transport.call('prompts.get', { id: promptId }).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { id: promptId, detail: result.value } : { id: promptId, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [promptId, dataVersion, services]);

  if (promptId === null) {
    return (
      <aside className="detail-pane detail-pane--empty" data-testid="detail-pane">
        <p className="muted">Select a prompt to see it in full.</p>
        <p className="muted small">
          <kbd>j</kbd>/<kbd>k</kbd> or the arrow keys move through the list.
        </p>
      </aside>
    );
  }
  if (!loaded || loaded.id !== promptId) {
    return (
      <aside className="detail-pane" data-testid="detail-pane" data-state="loading">
        <p className="muted">Loading prompt {promptId}…</p>
      </aside>
    );
  }
  if ('error' in loaded) {
    return (
      <aside className="detail-pane" data-testid="detail-pane" data-state="error">
        <p className="error-text">{loaded.error.message}</p>
      </aside>
    );
  }
  return <PromptDetailView detail={loaded.detail} dataVersion={dataVersion} />;
}

function PromptDetailView({ detail, dataVersion }: { detail: PromptDetail; dataVersion: number }) {
  const answer = answerView(detail.goldAnswerRaw);
  const extras = Object.entries(detail.extra);
  return (
    <aside className="detail-pane" data-testid="detail-pane" data-state="ready" data-prompt-id={detail.id}>
      <header className="detail-pane__header">
        <h2>Prompt {detail.id}</h2>
        {detail.isDuplicate && <span className="badge badge--warn">duplicate</span>}
        <button
          type="button"
          className="button button--small detail-pane__open"
          onClick={() => openPromptPage(detail.id)}
          data-testid="open-prompt-page"
          title="The prompt page: rollouts, statistics and token heatmaps"
        >
          Rollouts &amp; traces →
        </button>
      </header>

      <section className="detail-section">
        <h3>Question</h3>
        <MathText text={detail.question} className="detail-question" testId="detail-question" />
      </section>

      <section className="detail-section">
        <h3>{detail.goldCorrection ? 'Original gold answer' : 'Gold answer'}</h3>
        <div className="detail-answer" data-testid="detail-answer">
          {answer.kind === 'none' && <span className="muted">No gold answer.</span>}
          {answer.kind === 'mixed' && <MathText text={answer.text} />}
          {answer.kind === 'tex' && <TexFormula tex={answer.tex} />}
          {answer.kind === 'plain' && <span>{answer.text}</span>}
          {answer.kind === 'json' && <pre className="code">{answer.text}</pre>}
        </div>
        {typeof detail.goldAnswerRaw === 'string' && answer.kind !== 'plain' && (
          <pre className="code code--raw" title="As stored in the source file">
            {detail.goldAnswerRaw}
          </pre>
        )}
        {detail.goldAnswerNormalized !== null && detail.goldAnswerNormalized !== detail.goldAnswer && (
          <p className="small muted">
            Normalised: <code>{detail.goldAnswerNormalized}</code>
          </p>
        )}
        <GoldAnswerCorrection detail={detail} />
      </section>

      <section className="detail-section" data-testid="detail-curation">
        <h3>Labels and note</h3>
        <ItemAnnotator item={{ target: 'prompt', id: detail.id }} testId="detail-annotator" />
      </section>

      <ContaminationSection promptId={detail.id} question={detail.question} dataVersion={dataVersion} />

      <section className="detail-section">
        <h3>Facts</h3>
        <dl className="facts" data-testid="detail-facts">
          <Fact label="Dataset" value={detail.dataset} />
          <Fact label="Row" value={String(detail.rowIndex + 1)} />
          <Fact label="Source ID" value={detail.sourceId} />
          <Fact label="Pass rate" value={detail.passRate === null ? null : `${(detail.passRate * 100).toFixed(1)}%`} />
          <Fact label="Source" value={detail.source} />
          <Fact label="Subject" value={detail.subject} />
          <Fact label="Level" value={detail.level === null ? null : String(detail.level)} />
        </dl>
      </section>

      {extras.length > 0 && (
        <section className="detail-section">
          <h3>Other fields</h3>
          {extras.map(([key, value]) => (
            <details key={key} className="extra-field">
              <summary>{key}</summary>
              <ExtraValue value={value} />
            </details>
          ))}
        </section>
      )}

      <section className="detail-section">
        <h3>History</h3>
        <HistoryPanel target="prompt" id={detail.id} testId="detail-history" />
      </section>
    </aside>
  );
}

/** Strings (and lists of strings, e.g. sampled responses) are typeset; anything else is shown as JSON. */
function ExtraValue({ value }: { value: unknown }) {
  if (typeof value === 'string')
    return value.length <= MAX_TYPESET_CHARS ? <MathText text={value} /> : <pre className="code">{value}</pre>;
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string') &&
    value.join('').length <= MAX_TYPESET_CHARS
  ) {
    return (
      <ol className="extra-list">
        {value.map((item, i) => (
          <li key={i}>
            <MathText text={item as string} />
          </li>
        ))}
      </ol>
    );
  }
  return <pre className="code">{stringifyRaw(value)}</pre>;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={value === null ? 'muted' : undefined}>{value ?? '—'}</dd>
    </>
  );
}
