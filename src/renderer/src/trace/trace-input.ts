// A rollout as the contract returns it, reshaped for the trace worker: typed arrays, which are moved to
// the worker rather than copied (transferList).
import type { RolloutDetail } from '../../../shared/rollouts';
import type { TraceInput } from './model/trace-model';

export function toTraceInput(detail: RolloutDetail): TraceInput {
  return {
    key: `rollout:${detail.id}`,
    response: detail.response,
    starts: detail.tokens?.starts ? Int32Array.from(detail.tokens.starts) : null,
    texts: detail.tokens?.texts ?? null,
    spans: detail.spans,
    correct: detail.correct,
    crossing: detail.rmCrossing,
    signals: detail.signals.map((s) => ({ name: s.name, values: Float32Array.from(s.values) })),
  };
}

/** The buffers a worker can take over without a copy (the input is not used again after posting). */
export function transferList(input: TraceInput): Transferable[] {
  const out: Transferable[] = input.signals.map((s) => s.values.buffer);
  if (input.starts instanceof Int32Array) out.push(input.starts.buffer);
  return out;
}
