// The colour key: every class of the current palette in order, the scale's ends and centre, the data's
// own range, and what the signal means.
import { BINS, heatClassName } from '../heat/palettes';
import { binEdgeValue } from '../heat/scale';
import type { HeatScale } from '../heat/scale';
import { formatValue } from './format';

const PALETTE_NOTES: Partial<Record<string, string>> = { cred: 'credit (correct)', blame: 'blame (incorrect)' };

interface LegendProps {
  /** One scale per palette in use (is_weight compares credit and blame). */
  scales: HeatScale[];
  label: string;
  description: string;
  range: { min: number; max: number };
  clipped: boolean;
}

export function Legend({ scales, label, description, range, clipped }: LegendProps) {
  const scale = scales[0];
  if (!scale) return null;
  const lo = binEdgeValue(0, scale);
  const hi = binEdgeValue(BINS, scale);
  const mid = binEdgeValue(BINS / 2, scale);
  const saturates = clipped ? '≤ ' : '';
  const saturatesHigh = clipped ? '≥ ' : '';
  return (
    <div className="legend" data-testid="legend" title={description}>
      <span className="legend__label">{label}</span>
      <div className="legend__scale">
        {scales.map((s) => (
          <div key={s.palette} className="legend__bar" data-palette={s.palette} title={PALETTE_NOTES[s.palette]}>
            {Array.from({ length: BINS }, (_, bin) => (
              <span key={bin} className={`legend__swatch ${heatClassName(s.palette, bin)}`} />
            ))}
          </div>
        ))}
        <div className="legend__ticks small">
          <span data-testid="legend-min">
            {saturates}
            {formatValue(lo)}
          </span>
          <span>{scale.kind === 'diverging' ? formatValue(mid) : ''}</span>
          <span data-testid="legend-max">
            {saturatesHigh}
            {formatValue(hi)}
          </span>
        </div>
      </div>
      {scales.length > 1 && (
        <span className="legend__notes small">
          {scales.map((s) => (
            <span key={s.palette}>{PALETTE_NOTES[s.palette] ?? s.palette}</span>
          ))}
        </span>
      )}
      <span className="legend__range small muted" data-testid="legend-range">
        data {Number.isFinite(range.min) ? `${formatValue(range.min)} … ${formatValue(range.max)}` : 'none'}
        {scale.threshold > 0 && ` · hidden below ${Math.round(scale.threshold * 100)}%`}
      </span>
    </div>
  );
}
