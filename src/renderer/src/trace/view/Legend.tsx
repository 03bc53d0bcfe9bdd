// The colour key: every class of the current palette in order, the scale's ends and centre, the data's
// own range, and what the signal means.
import { BINS, heatClassName } from '../heat/palettes';
import { binEdgeValue } from '../heat/scale';
import type { HeatScale } from '../heat/scale';
import { formatValue } from './format';

interface LegendProps {
  scale: HeatScale;
  label: string;
  description: string;
  range: { min: number; max: number };
  clipped: boolean;
}

export function Legend({ scale, label, description, range, clipped }: LegendProps) {
  const lo = binEdgeValue(0, scale);
  const hi = binEdgeValue(BINS, scale);
  const mid = binEdgeValue(BINS / 2, scale);
  const saturates = clipped ? '≤ ' : '';
  const saturatesHigh = clipped ? '≥ ' : '';
  return (
    <div className="legend" data-testid="legend" title={description}>
      <span className="legend__label">{label}</span>
      <div className="legend__scale">
        <div className="legend__bar" aria-hidden="true">
          {Array.from({ length: BINS }, (_, bin) => (
            <span key={bin} className={`legend__swatch ${heatClassName(scale.palette, bin)}`} />
          ))}
        </div>
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
      <span className="legend__range small muted" data-testid="legend-range">
        data {Number.isFinite(range.min) ? `${formatValue(range.min)} … ${formatValue(range.max)}` : 'none'}
        {scale.threshold > 0 && ` · hidden below ${Math.round(scale.threshold * 100)}%`}
      </span>
    </div>
  );
}
