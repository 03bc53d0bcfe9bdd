// `rl-curator validate FILE`: every problem of a native rollout file printed with its line; exit 0 only
// for a clean file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { EXIT } from '../exit-codes';
import { validateCommand } from './validate';

const runtime = { version: 'test', staticDir: '' };
const TOKENS = ['x', ' =', ' 1'];

async function validate(file: string, json = false): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await validateCommand.run(json ? [file, '--json'] : [file], runtime);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

describe('rl-curator validate', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('prints every problem with its file, line and field', async () => {
    const good = { question: 'q', response: TOKENS.join(''), tokens: TOKENS, signals: { rm_logit: [1, 2, 3] } };
    const file = path.join(tmp.dir, 'run.jsonl');
    fs.writeFileSync(
      file,
      [
        JSON.stringify(good),
        JSON.stringify({ ...good, signals: { rm_logit: [1, 2] } }),
        JSON.stringify({ ...good, response: undefined, reward: '1' }),
        '',
        '{"question": "q", "response": "x = 1", "tokens": ["x", " =", " 1"], "signals": {"logprob": [0, NaN, -1]}}',
        '{not json',
      ].join('\n'),
    );
    const { code, out } = await validate(file);
    expect(code).toBe(EXIT.FAILED);
    expect(out.trim().split('\n')).toEqual([
      'run.jsonl, line 2, field "signals.rm_logit": signals.rm_logit has 2 values but there are ' +
        '3 tokens; every signal needs one value per token',
      'run.jsonl, line 3, field "response": response is missing',
      'run.jsonl, line 3, field "reward": reward must be a number or a boolean, got the string "1"',
      'run.jsonl, line 5, field "signals.logprob": signals.logprob[1] must be a finite number, got NaN',
      expect.stringMatching(/^run\.jsonl, line 6: invalid JSON: /),
      'run.jsonl: 5 problems in 4 of 5 lines (listed above).',
    ]);
  });

  it('accepts a clean file and summarises it, also as JSON', async () => {
    const file = path.join(tmp.dir, 'ok.jsonl');
    const rollout = {
      prompt_id: 1,
      response: 'ab',
      tokens: ['a', 'b'],
      signals: { entropy: [0.1, 0.2], rm_logit: [0, 1] },
    };
    fs.writeFileSync(file, `${JSON.stringify(rollout)}\n`);
    expect(await validate(file)).toEqual({
      code: EXIT.OK,
      out: 'ok.jsonl: valid, 1 rollouts, 2 tokens, signals: entropy, rm_logit.\n',
    });
    const json = await validate(file, true);
    expect(JSON.parse(json.out)).toMatchObject({ valid: true, rollouts: 1, badLines: 0, issues: [] });
    const empty = path.join(tmp.dir, 'empty.jsonl');
    fs.writeFileSync(empty, '\n\n');
    expect((await validate(empty)).code).toBe(EXIT.FAILED);
  });
});
