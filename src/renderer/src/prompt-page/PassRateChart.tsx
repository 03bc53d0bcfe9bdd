// Empirical pass rate by training step, one line per run (Okabe–Ito colours, readable when colour
// blind), with the graded count in each point's tooltip. A run sampled at one step shows a single dot.
const RUN_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
const W = 320;
const H = 110;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };

export interface PassRateSeries {
  name: string;
  steps: { step: number; passRate: number | null; graded: number }[];
}

export function PassRateChart({ series }: { series: PassRateSeries[] }) {
  const points = series.flatMap((s) => s.steps.filter((p) => p.passRate !== null));
  if (points.length === 0) return <p className="muted small">No graded rollouts yet.</p>;
  const steps = points.map((p) => p.step);
  const lo = Math.min(...steps);
  const hi = Math.max(...steps);
  const x = (step: number) =>
    hi === lo ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((step - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
  const y = (rate: number) => PAD.top + (1 - rate) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="pass-chart" data-testid="pass-rate-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Pass rate by step">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="pass-chart__grid" />
            <text x={PAD.left - 4} y={y(t) + 3} className="pass-chart__label" textAnchor="end">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 4} className="pass-chart__label">
          step {lo}
        </text>
        {hi !== lo && (
          <text x={W - PAD.right} y={H - 4} className="pass-chart__label" textAnchor="end">
            step {hi}
          </text>
        )}
        {series.map((s, i) => {
          const color = RUN_COLORS[i % RUN_COLORS.length] as string;
          const pts = s.steps.flatMap((p) => (p.passRate === null ? [] : [{ ...p, passRate: p.passRate }]));
          return (
            <g key={s.name} data-run={s.name}>
              {pts.length > 1 && (
                <polyline
                  points={pts.map((p) => `${x(p.step)},${y(p.passRate)}`).join(' ')}
                  fill="none"
                  stroke={color}
                  strokeWidth={1.5}
                />
              )}
              {pts.map((p) => (
                <circle key={p.step} cx={x(p.step)} cy={y(p.passRate)} r={3} fill={color}>
                  <title>{`${s.name}, step ${p.step}: ${(p.passRate * 100).toFixed(1)}% of ${p.graded} graded`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="pass-chart__legend small">
          {series.map((s, i) => (
            <span key={s.name}>
              <span className="pass-chart__key" style={{ background: RUN_COLORS[i % RUN_COLORS.length] }} /> {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
