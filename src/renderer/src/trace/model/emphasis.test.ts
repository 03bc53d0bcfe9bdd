import { describe, expect, it } from 'vitest';
import { emphasisParts } from './emphasis';

describe('emphasisParts', () => {
  it('turns balanced **pairs** into strong parts', () => {
    expect(emphasisParts('**Step 1.** From the problem')).toEqual([
      { text: 'Step 1.', strong: true },
      { text: ' From the problem', strong: false },
    ]);
    expect(emphasisParts('a **b** c **d**')).toEqual([
      { text: 'a ', strong: false },
      { text: 'b', strong: true },
      { text: ' c ', strong: false },
      { text: 'd', strong: true },
    ]);
  });
  it('leaves unbalanced, empty or spaced markers as typed', () => {
    expect(emphasisParts('cut off **Step')).toEqual([{ text: 'cut off **Step', strong: false }]);
    expect(emphasisParts('2 ** 3 ** 4')).toEqual([{ text: '2 ** 3 ** 4', strong: false }]);
    expect(emphasisParts('****')).toEqual([{ text: '****', strong: false }]);
    expect(emphasisParts('')).toEqual([]);
  });
  it('never loses a character that is not a marker', () => {
    const input = 'x **y** z ** w';
    expect(
      emphasisParts(input)
        .map((p) => (p.strong ? `**${p.text}**` : p.text))
        .join(''),
    ).toBe(input);
  });
});
