// What the curator chose in the toolbar (signal, clip, threshold, aggregation) and how that becomes one
// colour scale per trace. Compared traces share the scale's extent (their statistics are merged), so the
// same colour means the same value in every pane; only is_weight's hue differs (credit vs blame).
import { defaultClip, makeScale, mergeStats } from './heat/scale';
import type { HeatScale } from './heat/scale';
import type { Reducer } from './model/aggregate';
import type { TraceLayout, TraceSignal } from './model/trace-model';
import type { AggregationUnit } from './model/units';

export interface HeatSettings {
  signal: string | null;
  /** Share of the full extent kept (0.05–1); null: the signal's default. */
  clip: number | null;
  threshold: number;
  unit: AggregationUnit;
  reducer: Reducer;
}

export const DEFAULT_SETTINGS: HeatSettings = {
  signal: null,
  clip: null,
  threshold: 0,
  unit: 'token',
  reducer: 'mean',
};

/** The signal shown first: the weight OREAL's loss used, then the raw RM signals, then anything else. */
const PREFERRED = ['is_weight', 'rm_logit', 'rm_prob', 'step_rating', 'mc_value', 'logprob', 'entropy'];

/** Signal names over several traces, in a stable order (preferred first). */
export function signalNames(layouts: readonly TraceLayout[]): string[] {
  const names = [...new Set(layouts.flatMap((l) => l.signals.map((s) => s.name)))];
  const rank = (n: string) => (PREFERRED.includes(n) ? PREFERRED.indexOf(n) : PREFERRED.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function chosenSignal(settings: HeatSettings, layouts: readonly TraceLayout[]): string | null {
  const names = signalNames(layouts);
  if (settings.signal !== null && names.includes(settings.signal)) return settings.signal;
  return names[0] ?? null;
}

function signalOf(layout: TraceLayout, name: string): TraceSignal | undefined {
  return layout.signals.find((s) => s.name === name);
}

export interface SharedScale {
  signal: string;
  clip: number;
  /** One scale per layout (null where the trace lacks the signal), same extent for all. */
  scales: (HeatScale | null)[];
  /** Data range over all traces. */
  range: { min: number; max: number };
  label: string;
  description: string;
}

export function sharedScale(settings: HeatSettings, layouts: readonly TraceLayout[]): SharedScale | null {
  const signal = chosenSignal(settings, layouts);
  if (signal === null) return null;
  const present = layouts.map((l) => signalOf(l, signal));
  const first = present.find((s) => s !== undefined);
  if (!first) return null;
  const stats = mergeStats(present.flatMap((s) => (s ? [s.stats] : [])));
  const clip = settings.clip ?? defaultClip(first.spec, stats);
  return {
    signal,
    clip,
    scales: present.map((s) => (s ? makeScale(s.spec, stats, clip, settings.threshold) : null)),
    range: { min: stats.min, max: stats.max },
    label: first.spec.label,
    description: first.spec.description,
  };
}
