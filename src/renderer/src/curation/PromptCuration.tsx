// The curation part of the detail pane: my labels and note on the prompt, then its history.
import { HistoryPanel } from './HistoryPanel';
import { ItemAnnotator } from './ItemAnnotator';

export function PromptCuration({ promptId }: { promptId: number }) {
  return (
    <>
      <section className="detail-section" data-testid="detail-curation">
        <h3>Labels and note</h3>
        <ItemAnnotator item={{ target: 'prompt', id: promptId }} testId="detail-annotator" />
      </section>
      <section className="detail-section">
        <details className="detail-history" open>
          <summary>
            <h3>History</h3>
          </summary>
          <HistoryPanel target="prompt" id={promptId} testId="detail-history" />
        </details>
      </section>
    </>
  );
}
