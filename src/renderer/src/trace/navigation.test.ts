import { describe, expect, it } from 'vitest';
import { makeScale, quantizeAll, signalStats } from './heat/scale';
import { signalSpec } from './heat/signal-specs';
import { crossingIndex, finalAnswerOffset, nextHighRun, previousHighRun } from './navigation';

// rm_logit values: two hot runs (indices 2-3 and 7), one strongly negative token (9).
const values = [0, 0.1, 2, 1.9, 0.2, 0, 0.1, 1.8, 0, -2];
const spec = signalSpec('rm_logit', null, null);
const scale = makeScale(spec, signalStats(values, spec), 1, 0);
const bins = quantizeAll(values, scale);

describe('high-importance navigation', () => {
  it('jumps to the start of each hot run in turn, either sign counting', () => {
    expect(nextHighRun(bins, 'diverging', -1)).toBe(2);
    expect(nextHighRun(bins, 'diverging', 2)).toBe(7);
    expect(nextHighRun(bins, 'diverging', 3)).toBe(7);
    expect(nextHighRun(bins, 'diverging', 7)).toBe(9);
    expect(nextHighRun(bins, 'diverging', 9)).toBe(-1);
  });
  it('walks back to the start of the previous run', () => {
    expect(previousHighRun(bins, 'diverging', bins.length)).toBe(9);
    expect(previousHighRun(bins, 'diverging', 9)).toBe(7);
    expect(previousHighRun(bins, 'diverging', 7)).toBe(2);
    expect(previousHighRun(bins, 'diverging', 5)).toBe(2);
    expect(previousHighRun(bins, 'diverging', 2)).toBe(-1);
  });
  it('sees nothing to jump to in a flat signal', () => {
    const flat = quantizeAll([0, 0, 0], scale);
    expect(nextHighRun(flat, 'diverging', -1)).toBe(-1);
    expect(previousHighRun(flat, 'diverging', 3)).toBe(-1);
  });
});

describe('crossingIndex', () => {
  it('finds where the running probability settles on its final side of 0.5', () => {
    expect(crossingIndex([0.6, 0.55, 0.45, 0.52, 0.4, 0.3])).toBe(4);
    expect(crossingIndex([0.4, 0.6, 0.7])).toBe(1);
    expect(crossingIndex([0.6, 0.7])).toBeNull();
    expect(crossingIndex([0.4])).toBeNull();
  });
});

describe('finalAnswerOffset', () => {
  it('prefers the last \\boxed, then "answer is"', () => {
    const text = 'We get \\boxed{3}. Checking: \\boxed{4}.';
    expect(finalAnswerOffset(text)).toBe(text.lastIndexOf('\\boxed'));
    expect(finalAnswerOffset('So the answer is 12.')).toBe(7);
    expect(finalAnswerOffset('no answer here')).toBeNull();
  });
});
