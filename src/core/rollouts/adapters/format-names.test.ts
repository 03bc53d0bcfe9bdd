import { describe, expect, it } from 'vitest';
import { ROLLOUT_FORMAT_NAMES } from '../../../shared/rollouts';
import { ROLLOUT_ADAPTERS } from './index';

describe('ROLLOUT_FORMAT_NAMES', () => {
  it('names every rollout adapter, in the same order, so the UI offers exactly what the importer accepts', () => {
    expect([...ROLLOUT_FORMAT_NAMES]).toEqual(ROLLOUT_ADAPTERS.map((a) => a.name));
  });
});
