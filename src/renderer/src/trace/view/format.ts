// Numbers as the viewer shows them: four significant digits, no exponent for everyday magnitudes.
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(2).replace('-', '−');
  return Number(value.toPrecision(4)).toString().replace('-', '−');
}
