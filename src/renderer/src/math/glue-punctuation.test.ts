import { describe, expect, it } from 'vitest';
import { gluePunctuation } from './glue-punctuation';
import { tokenizeMath } from './tokenize-math';

describe('gluePunctuation', () => {
  it('moves punctuation that follows inline math into the math item', () => {
    expect(gluePunctuation(tokenizeMath('diameter $12$? Express $x$, then'))).toEqual([
      { kind: 'text', text: 'diameter ' },
      { kind: 'math', tex: '12', display: false, after: '?' },
      { kind: 'text', text: ' Express ' },
      { kind: 'math', tex: 'x', display: false, after: ',' },
      { kind: 'text', text: ' then' },
    ]);
  });

  it('leaves words, display math and the end of the text alone', () => {
    expect(gluePunctuation(tokenizeMath('$x$ is $$y$$. End $z$.'))).toEqual([
      { kind: 'math', tex: 'x', display: false, after: '' },
      { kind: 'text', text: ' is ' },
      { kind: 'math', tex: 'y', display: true, after: '' },
      { kind: 'text', text: '. End ' },
      { kind: 'math', tex: 'z', display: false, after: '.' },
    ]);
  });
});
