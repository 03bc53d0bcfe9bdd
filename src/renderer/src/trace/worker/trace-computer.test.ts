import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { TraceComputer } from './trace-computer';
import { warmUpInput } from './warm-up';

// Without a worker (a host that cannot start one), the computer answers on the main thread, the same way.
describe('TraceComputer without a worker', () => {
  it('lays out, colours and keeps the rendered part once sent', async () => {
    const computer = new TraceComputer(false);
    expect(computer.usesWorker).toBe(false);
    const { layout, initial } = await computer.load(warmUpInput(), { settings: DEFAULT_SETTINGS, items: false });
    expect(initial?.result.bins).toHaveLength(600);
    expect(computer.renderedPart(layout.key)).toBeNull();
    const request = initial?.request;
    if (!request) throw new Error('no initial heat');
    const answer = await computer.heat(layout.key, { ...request, unit: 'paragraph', reducer: 'max' }, true);
    expect(answer.rendered?.rendered.blocks.length).toBeGreaterThan(0);
    expect(computer.renderedPart(layout.key)).toBe(answer.rendered);
    expect(Array.from(answer.result.bins)).not.toEqual(Array.from(initial?.result.bins ?? []));
    computer.drop(layout.key);
    expect(computer.renderedPart(layout.key)).toBeNull();
    await expect(computer.heat(layout.key, request, false)).rejects.toThrow();
  });
});
