// docs/rollout-format.schema.json and the validator describe the same format: same fields, same required
// field, same signal-name rule, and the same verdict on sample lines (except the rules the schema states
// only in words: prompt reference, one value per token, ranges inside the response). The example in
// docs/rollout-format.md validates, and its derived values are what the doc says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runningProbability } from '../oreal-signals';
import { prepareRollout } from '../prepare';
import { NATIVE_FIELDS, NATIVE_FORMAT_TAG, NATIVE_REQUIRED, SIGNAL_NAME } from './fields';
import { parseNativeLine } from './parse-block';

const DOCS = path.resolve(__dirname, '../../../../docs');
const schema = JSON.parse(fs.readFileSync(path.join(DOCS, 'rollout-format.schema.json'), 'utf8')) as {
  properties: Record<string, { const?: string; propertyNames?: { pattern: string } }>;
  required: string[];
};

function validatorAccepts(value: unknown): boolean {
  const parsed = parseNativeLine(JSON.stringify(value), 1, 0, 'x');
  return parsed.ok && prepareRollout(parsed.record, 'x').ok;
}

const tokens = ['a', 'b'];
const CASES: { value: unknown; ok: boolean; schemaSees?: boolean }[] = [
  { value: { question: 'q', response: 'ab' }, ok: true },
  { value: { prompt_id: 7, response: 'ab', reward: true, tokens, signals: { rm_logit: [1, 2] } }, ok: true },
  {
    value: {
      question: 'q',
      response: 'ab',
      token_offsets: [0, 1],
      spans: [{ name: 's', start: 0, end: 2, value: -1 }],
      extra: { k: 1 },
      other: [1],
    },
    ok: true,
  },
  { value: { question: 'q', response: 3 }, ok: false },
  { value: { question: 'q', response: 'ab', reward: 'high' }, ok: false },
  { value: { question: 'q', response: 'ab', step: 1.5 }, ok: false },
  { value: { question: 'q', response: 'ab', tokens: [1, 2] }, ok: false },
  { value: { question: 'q', response: 'ab', tokens, signals: { rm_logit: [1, 'x'] } }, ok: false },
  { value: { question: 'q', response: 'ab', tokens, signals: { '9lives': [1, 2] } }, ok: false },
  { value: { question: 'q', response: 'ab', spans: [{ name: 's', start: 0, value: 1 }] }, ok: false },
  { value: { question: 'q', response: 'ab', format: 'rl-curator.rollout.v2' }, ok: false },
  // Rules the schema can only state in words:
  { value: { response: 'ab' }, ok: false, schemaSees: true },
  { value: { question: 'q', response: 'ab', tokens, signals: { rm_logit: [1] } }, ok: false, schemaSees: true },
  { value: { question: 'q', response: 'ab', token_offsets: [0, 5] }, ok: false, schemaSees: true },
];

describe('native format documentation', () => {
  it('lists exactly the fields, required field, marker and signal-name rule of the validator', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...NATIVE_FIELDS].sort());
    expect(schema.required).toEqual([...NATIVE_REQUIRED]);
    expect(schema.properties.format?.const).toBe(NATIVE_FORMAT_TAG);
    expect(schema.properties.signals?.propertyNames?.pattern).toBe(SIGNAL_NAME.source);
  });

  it('gives the same verdict as the validator on sample lines', () => {
    const fromSchema = z.fromJSONSchema(schema as never);
    for (const c of CASES) {
      expect({ value: c.value, validator: validatorAccepts(c.value) }).toEqual({ value: c.value, validator: c.ok });
      expect({ value: c.value, schema: fromSchema.safeParse(c.value).success }).toEqual({
        value: c.value,
        schema: c.schemaSees ?? c.ok,
      });
    }
  });

  it('has an example that validates, with the derived values the text gives', () => {
    const doc = fs.readFileSync(path.join(DOCS, 'rollout-format.md'), 'utf8');
    const block = /```jsonl\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const lines = block.trim().split('\n');
    expect(lines).toHaveLength(2);
    const records = lines.map((text, i) => {
      const parsed = parseNativeLine(text, i + 1, 0, 'example');
      if (!parsed.ok) throw new Error(parsed.issues.map((x) => x.message).join('; '));
      const prepared = prepareRollout(parsed.record, 'example');
      if (!prepared.ok) throw new Error(prepared.issues.map((x) => x.message).join('; '));
      return prepared.rollout;
    });
    expect(records.map((r) => r.correct)).toEqual([true, false]);
    // Both lines split the same way: the tokens of the first spell the response like the offsets of the second.
    expect(Array.from(records[0]?.tokenStarts ?? [])).toEqual(Array.from(records[1]?.tokenStarts ?? []));
    const wrong = records[1];
    const prob = runningProbability(wrong?.signals.find((s) => s.name === 'rm_logit')?.values ?? []);
    expect(prob[8]).toBeCloseTo(0.497, 3);
    expect(prob[prob.length - 1]).toBeCloseTo(0.324, 3);
    expect(wrong?.rmCrossing).toBe(8);
    expect(doc).toContain('the crossing index is 8');
  });
});
