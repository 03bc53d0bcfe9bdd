import { describe, expect, it } from 'vitest';
import { VerifyScope } from '../../../shared/verification';
import { ALL_RUNS, idFromSelect, scopeLabel, toVerifyScope } from './verify-scope';

const runs = new Map([[3, 'grpo-7b']]);
const datasets = new Map([[5, 'MATH-500']]);

describe('re-verify scope', () => {
  it('maps the two choices to a VerifyScope the contract accepts', () => {
    const cases = [ALL_RUNS, { runId: 3, datasetId: null }, { runId: null, datasetId: 5 }, { runId: 3, datasetId: 5 }];
    const scopes = cases.map(toVerifyScope);
    expect(scopes).toEqual([{}, { runId: 3 }, { datasetId: 5 }, { runId: 3, datasetId: 5 }]);
    for (const s of scopes) expect(VerifyScope.parse(s)).toEqual(s);
  });

  it('names the scope in words, with ids when a name is unknown', () => {
    expect(scopeLabel(ALL_RUNS, runs, datasets)).toBe('every run');
    expect(scopeLabel({ runId: 3, datasetId: null }, runs, datasets)).toBe('run grpo-7b');
    expect(scopeLabel({ runId: null, datasetId: 5 }, runs, datasets)).toBe('the rollouts of MATH-500’s prompts');
    expect(scopeLabel({ runId: 4, datasetId: 5 }, runs, datasets)).toBe('run #4 on MATH-500’s prompts');
  });

  it('reads ids from select values', () => {
    expect(idFromSelect('')).toBeNull();
    expect(idFromSelect('12')).toBe(12);
    expect(idFromSelect('x1')).toBeNull();
  });
});
