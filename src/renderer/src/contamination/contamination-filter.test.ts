import { describe, expect, it } from 'vitest';
import { choose, clearContamination, contaminationConditionCount, isChosen } from './contamination-filter';

describe('contamination filter choices', () => {
  it('classes combine into one "is" condition, any of them', () => {
    let f = choose({ subjects: ['Algebra'] }, 'exact', true);
    f = choose(f, 'near', true);
    expect(f).toEqual({ subjects: ['Algebra'], contamination: [{ op: 'is', classes: ['exact', 'near'] }] });
    expect(isChosen(f, 'near')).toBe(true);
    expect(isChosen(f, 'templated')).toBe(false);
    f = choose(f, 'exact', false);
    expect(f.contamination).toEqual([{ op: 'is', classes: ['near'] }]);
    expect(choose(f, 'near', false)).toEqual({ subjects: ['Algebra'] });
  });

  it('"not contaminated" replaces the classes, and a class replaces it; clusters stay', () => {
    let f = choose(choose({}, 'inCluster', true), 'exact', true);
    f = choose(f, 'clean', true);
    expect(f.contamination).toEqual([{ op: 'isNot' }, { op: 'inCluster' }]);
    expect(isChosen(f, 'exact')).toBe(false);
    f = choose(f, 'templated', true);
    expect(f.contamination).toEqual([{ op: 'is', classes: ['templated'] }, { op: 'inCluster' }]);
    expect(contaminationConditionCount(f)).toBe(2);
    expect(clearContamination(f)).toEqual({});
  });
});
