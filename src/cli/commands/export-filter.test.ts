// The --filter EXPR language: terms, operators, quoting, label and dataset names, pass-rate bounds.
import { describe, expect, it } from 'vitest';
import type { Lookups } from './export-filter';
import { parseFilterExpr, splitTerms } from './export-filter';

const lookups: Lookups = {
  labels: [
    { id: 1, target: 'prompt', name: 'keep' },
    { id: 2, target: 'prompt', name: 'drop' },
    { id: 3, target: 'prompt', name: 'wrong gold answer' },
    { id: 10, target: 'rollout', name: 'reward hacking' },
    { id: 20, target: 'span', name: 'first error' },
  ],
  datasets: [
    { id: 4, name: 'MATH-500' },
    { id: 5, name: 'gsm8k' },
  ],
};

describe('export --filter EXPR', () => {
  it('parses the example from the documentation', () => {
    expect(parseFilterExpr('subject=Geometry,level>=3,pass_rate>0,pass_rate<1,label!=drop', lookups)).toEqual({
      filter: {
        subjects: ['Geometry'],
        columns: { level: { kind: 'number', op: 'greaterThanOrEqual', value: 3 } },
        labels: [{ op: 'hasNot', labelIds: [2] }],
      },
      passRate: { min: 0, minInclusive: false, max: 1, maxInclusive: false },
    });
  });

  it('turns integer level bounds into one inclusive range and alternatives into lists', () => {
    expect(parseFilterExpr('level>1,level<5,source=MATH|AMC,dataset=gsm8k|4', lookups).filter).toEqual({
      sources: ['MATH', 'AMC'],
      datasetIds: [5, 4],
      columns: { level: { kind: 'number', op: 'inRange', value: 2, valueTo: 4 } },
    });
    expect(parseFilterExpr('level=3|4', lookups).filter).toEqual({ levels: [3, 4] });
    expect(parseFilterExpr('pass_rate=0.5', lookups).passRate).toEqual({
      min: 0.5,
      minInclusive: true,
      max: 0.5,
      maxInclusive: true,
    });
  });

  it('reads label names loosely, rollout and span labels, disagreement and notes', () => {
    expect(
      parseFilterExpr(
        'label=Wrong_Gold-Answer|keep, rollout_label=reward hacking|first error, disagree=keep, note~fig',
        lookups,
      ).filter,
    ).toEqual({
      labels: [
        { op: 'has', labelIds: [3, 1] },
        { op: 'rolloutHas', labelIds: [10, 20] },
        { op: 'disagree', labelIds: [1] },
      ],
      notes: { op: 'contains', text: 'fig' },
    });
    expect(parseFilterExpr('disagree,note!=*', lookups).filter).toEqual({
      labels: [{ op: 'disagree' }],
      notes: { op: 'hasNot' },
    });
  });

  it('keeps quoted commas and LaTeX in values', () => {
    expect(splitTerms('search~"a, b",question~"say ""hi"""')).toEqual(['search~a, b', 'question~say "hi"']);
    expect(parseFilterExpr('search~"\\sqrt{2}, \\pi",gold_answer=42', lookups).filter).toEqual({
      search: '\\sqrt{2}, \\pi',
      columns: { goldAnswer: { kind: 'text', op: 'equals', value: '42' } },
    });
  });

  it('explains what is wrong', () => {
    expect(() => parseFilterExpr('colour=red', lookups)).toThrow(/unknown key "colour"/);
    expect(() => parseFilterExpr('label=nope', lookups)).toThrow(
      /no prompt label "nope" \(labels: keep, drop, wrong gold answer\)/,
    );
    expect(() => parseFilterExpr('label=reward hacking', lookups)).toThrow(/no prompt label/);
    expect(() => parseFilterExpr('level>=x', lookups)).toThrow(/needs a number/);
    expect(() => parseFilterExpr('pass_rate>2', lookups)).toThrow(/between 0 and 1/);
    expect(() => parseFilterExpr('dataset=missing', lookups)).toThrow(/no dataset "missing"/);
    expect(() => parseFilterExpr('search~"open', lookups)).toThrow(/unclosed quote/);
    expect(() => parseFilterExpr('level~3', lookups)).toThrow(/level takes/);
    expect(() => parseFilterExpr('note=x', lookups)).toThrow(/note=\*/);
  });
});
