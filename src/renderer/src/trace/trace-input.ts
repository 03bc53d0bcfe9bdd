// A rollout as the contract returns it, reshaped for the trace worker: signals as Float32Arrays.
import type { RolloutDetail } from '../../../shared/rollouts';
import type { TraceInput } from './model/trace-model';

export function toTraceInput(detail: RolloutDetail): TraceInput {
  return {
    key: `rollout:${detail.id}`,
    response: detail.response,
    starts: detail.tokens?.starts ?? null,
    texts: detail.tokens?.texts ?? null,
    spans: detail.spans,
    correct: detail.correct,
    crossing: detail.rmCrossing,
    signals: detail.signals.map((s) => ({ name: s.name, values: Float32Array.from(s.values) })),
  };
}
