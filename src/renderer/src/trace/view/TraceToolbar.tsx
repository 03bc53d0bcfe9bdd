// The controls every trace view shares: tokens or rendered, the signal, aggregation, clip and
// threshold, and the colour legend.
import type { HeatScale } from '../heat/scale';
import type { Reducer } from '../model/aggregate';
import { AGGREGATION_UNITS } from '../model/units';
import type { AggregationUnit } from '../model/units';
import type { TraceViewKind } from '../../prompt-page/route';
import type { HeatSettings, SharedScale } from '../settings';
import { formatValue } from './format';
import { Legend } from './Legend';

interface TraceToolbarProps {
  view: TraceViewKind;
  onView(view: TraceViewKind): void;
  signals: { name: string; fromSpans: boolean }[];
  settings: HeatSettings;
  onSettings(settings: HeatSettings): void;
  shared: SharedScale | null;
}

export function TraceToolbar({ view, onView, signals, settings, onSettings, shared }: TraceToolbarProps) {
  const set = (patch: Partial<HeatSettings>) => onSettings({ ...settings, ...patch });
  const scale = shared?.scales.find((s) => s !== null) ?? null;
  const clipLabel = scale ? (scale.kind === 'diverging' ? `±${formatValue(scale.radius)}` : formatValue(scale.to)) : '';
  return (
    <div className="trace-toolbar" data-testid="trace-toolbar">
      <div className="segmented" role="group" aria-label="View">
        <button
          type="button"
          className="segmented__item"
          aria-pressed={view === 'tokens'}
          onClick={() => onView('tokens')}
          data-testid="view-tokens"
        >
          Tokens
        </button>
        <button
          type="button"
          className="segmented__item"
          aria-pressed={view === 'rendered'}
          onClick={() => onView('rendered')}
          data-testid="view-rendered"
        >
          Rendered
        </button>
      </div>
      <label className="toolbar-field">
        <span>Signal</span>
        <select
          value={shared?.signal ?? ''}
          onChange={(e) => set({ signal: e.target.value, clip: null })}
          disabled={signals.length === 0}
          data-testid="signal-select"
        >
          {signals.length === 0 && <option value="">no signals</option>}
          {signals.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
              {s.fromSpans ? ' (spans)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Per</span>
        <select
          value={settings.unit}
          onChange={(e) => set({ unit: e.target.value as AggregationUnit })}
          data-testid="unit-select"
          disabled={view === 'rendered'}
          title="Colour each token by its own value or by its line, sentence or paragraph"
        >
          {AGGREGATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Aggregate</span>
        <select
          value={settings.reducer}
          onChange={(e) => set({ reducer: e.target.value as Reducer })}
          data-testid="reducer-select"
          title="Mean, or the most extreme value, over a line / sentence / paragraph and over a rendered segment"
        >
          <option value="mean">mean</option>
          <option value="max">max</option>
        </select>
      </label>
      <label className="toolbar-field" title="Values beyond the clip get the strongest colour">
        <span>Clip {clipLabel}</span>
        <input
          type="range"
          min={0.05}
          max={1}
          step={0.05}
          value={shared?.clip ?? 1}
          disabled={!shared}
          onChange={(e) => set({ clip: Number(e.target.value) })}
          data-testid="clip"
        />
      </label>
      <label className="toolbar-field" title="Leave tokens below this share of the scale uncoloured">
        <span>Hide below {Math.round(settings.threshold * 100)}%</span>
        <input
          type="range"
          min={0}
          max={0.9}
          step={0.05}
          value={settings.threshold}
          disabled={!shared}
          onChange={(e) => set({ threshold: Number(e.target.value) })}
          data-testid="threshold"
        />
      </label>
      {shared && scale && (
        <Legend
          scales={distinctPalettes(shared.scales)}
          label={shared.label}
          description={shared.description}
          range={shared.range}
          clipped={shared.clip < 1}
        />
      )}
      <span className="trace-toolbar__keys small muted">
        <kbd>n</kbd>/<kbd>p</kbd> hot token · <kbd>c</kbd> crossing · <kbd>a</kbd> answer · <kbd>←</kbd>
        <kbd>→</kbd> token · <kbd>v</kbd> view
      </span>
    </div>
  );
}

function distinctPalettes(scales: SharedScale['scales']): HeatScale[] {
  const out: HeatScale[] = [];
  for (const s of scales) if (s && !out.some((o) => o.palette === s.palette)) out.push(s);
  return out;
}
