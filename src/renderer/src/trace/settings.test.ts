import { describe, expect, it } from 'vitest';
import { buildTraceLayout } from './model/trace-model';
import type { TraceInput } from './model/trace-model';
import { chosenSignal, DEFAULT_SETTINGS, sharedScale, signalNames } from './settings';

function trace(key: string, correct: boolean, logits: number[], extra: string[] = []): TraceInput {
  const response = logits.map((_, i) => `t${i} `).join('');
  return {
    key,
    response,
    starts: logits.map((_, i) => i * 3),
    texts: null,
    spans: [],
    correct,
    crossing: null,
    signals: [
      { name: 'rm_logit', values: Float32Array.from(logits) },
      { name: 'is_weight', values: Float32Array.from(logits.map((v) => Math.min(1, Math.abs(v) / 4))) },
      ...extra.map((name) => ({ name, values: new Float32Array(logits.length) })),
    ],
  };
}

describe('settings', () => {
  const a = buildTraceLayout(trace('a', true, [1, 2, -1]));
  const b = buildTraceLayout(trace('b', false, [-4, 0.5, 0], ['zeta', 'alpha']));

  it('lists signals with the OREAL ones first and picks is_weight by default', () => {
    expect(signalNames([a, b])).toEqual(['is_weight', 'rm_logit', 'alpha', 'zeta']);
    expect(chosenSignal(DEFAULT_SETTINGS, [a])).toBe('is_weight');
    expect(chosenSignal({ ...DEFAULT_SETTINGS, signal: 'rm_logit' }, [a])).toBe('rm_logit');
    expect(chosenSignal({ ...DEFAULT_SETTINGS, signal: 'gone' }, [a])).toBe('is_weight');
    expect(chosenSignal(DEFAULT_SETTINGS, [])).toBeNull();
  });

  it('gives compared traces one extent, and is_weight its credit and blame hues', () => {
    const shared = sharedScale({ ...DEFAULT_SETTINGS, signal: 'rm_logit', clip: 1 }, [a, b]);
    expect(shared?.scales.map((s) => (s?.kind === 'diverging' ? s.radius : null))).toEqual([4, 4]);
    expect(shared?.range).toEqual({ min: -4, max: 2 });
    const weights = sharedScale({ ...DEFAULT_SETTINGS, signal: 'is_weight' }, [a, b]);
    expect(weights?.scales.map((s) => s?.palette)).toEqual(['cred', 'blame']);
  });

  it('leaves a trace without the signal unscaled', () => {
    expect(sharedScale({ ...DEFAULT_SETTINGS, signal: 'zeta' }, [a, b])?.scales[0]).toBeNull();
  });
});
