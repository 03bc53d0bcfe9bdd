import { describe, expect, it } from 'vitest';
import { enqueueWrite } from './write-queue';

describe('enqueueWrite', () => {
  it('runs writes one after the other in call order, even when an earlier one is slower or fails', async () => {
    const log: string[] = [];
    let releaseFirst: () => void = () => {};
    const first = enqueueWrite(
      () =>
        new Promise<string>((resolve) => {
          log.push('first started');
          releaseFirst = () => resolve('first');
        }),
    );
    const second = enqueueWrite(async () => {
      log.push('second started');
      throw new Error('second failed');
    });
    const third = enqueueWrite(async () => {
      log.push('third started');
      return 'third';
    });
    // Let the first write start; the others must wait for it.
    await Promise.resolve();
    expect(log).toEqual(['first started']);
    releaseFirst();
    expect(await first).toBe('first');
    await expect(second).rejects.toThrow('second failed');
    expect(await third).toBe('third');
    expect(log).toEqual(['first started', 'second started', 'third started']);
  });
});
