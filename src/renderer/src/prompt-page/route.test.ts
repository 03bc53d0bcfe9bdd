import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, promptRoute } from './route';

describe('page routes', () => {
  it('round-trips every part of a route through the hash', () => {
    const route = {
      scope: { kind: 'runPrompt' as const, id: 7 },
      rollout: 34,
      compare: [34, 35],
      view: 'rendered' as const,
      signal: 'rm_prob',
    };
    const hash = formatRoute(route);
    expect(hash).toBe('#/run-prompt/7?rollout=34&compare=34%2C35&view=rendered&signal=rm_prob');
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(promptRoute(12))).toBe('#/prompt/12');
    expect(parseRoute('#/prompt/12')).toEqual(promptRoute(12));
  });
  it('ignores other hashes and bad numbers', () => {
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/prompts')).toBeNull();
    expect(parseRoute('#/prompt/0')).toBeNull();
    expect(parseRoute('#/prompt/12?rollout=-3&compare=5')).toMatchObject({ rollout: null, compare: null });
  });
});
