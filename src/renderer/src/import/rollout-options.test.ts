import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import {
  AUTO_FORMAT,
  initialRolloutForm,
  parseGroupSize,
  rolloutImportInput,
  runNameFromSource,
} from './rollout-options';

describe('runNameFromSource', () => {
  it('takes the file or folder name without a rollout extension, as the importer does', () => {
    expect(runNameFromSource('qwen25math_math_cot_100_rollouts.jsonl')).toBe('qwen25math_math_cot_100_rollouts');
    expect(runNameFromSource('/logs/oreal/step.3.JSONL')).toBe('step.3');
    expect(runNameFromSource('C:\\runs\\oreal-7b\\')).toBe('oreal-7b');
    expect(runNameFromSource('/data/completions_00012.parquet')).toBe('completions_00012');
    expect(runNameFromSource('notes.txt')).toBe('notes.txt');
    expect(runNameFromSource('.jsonl')).toBe('.jsonl');
  });
});

describe('parseGroupSize', () => {
  it('accepts nothing or a whole number in range and explains anything else', () => {
    expect(parseGroupSize('  ')).toEqual({ ok: true, value: undefined });
    expect(parseGroupSize(' 16 ')).toEqual({ ok: true, value: 16 });
    expect(parseGroupSize('2.5')).toMatchObject({ ok: false, message: expect.stringContaining('whole number') });
    expect(parseGroupSize('-3')).toMatchObject({ ok: false });
    expect(parseGroupSize('0')).toMatchObject({ ok: false, message: expect.stringContaining('between 1 and 4096') });
    expect(parseGroupSize('4097')).toMatchObject({ ok: false });
  });
});

describe('rolloutImportInput', () => {
  it('leaves out what the importer decides itself (auto format, no run name, no group size)', () => {
    const form = { ...initialRolloutForm('a.jsonl'), runName: '  ' };
    const request = rolloutImportInput('/up/a.jsonl', form);
    expect(request).toEqual({ ok: true, input: { path: '/up/a.jsonl', onBadRecord: 'abort', restart: false } });
    expect(form.format).toBe(AUTO_FORMAT);
  });

  it('passes the chosen format, trimmed run name, group size and policies, and the contract accepts them', () => {
    const request = rolloutImportInput('/logs/oreal', {
      format: 'oreal',
      runName: ' OREAL 7B ',
      groupSize: '16',
      onBadRecord: 'skip',
      restart: true,
    });
    expect(request).toEqual({
      ok: true,
      input: {
        path: '/logs/oreal',
        format: 'oreal',
        runName: 'OREAL 7B',
        groupSize: 16,
        onBadRecord: 'skip',
        restart: true,
      },
    });
    if (request.ok) expect(contract['import.rollouts'].input.safeParse(request.input).success).toBe(true);
  });

  it('refuses a bad group size or an over-long run name with the reason', () => {
    expect(rolloutImportInput('/a', { ...initialRolloutForm('a'), groupSize: 'eight' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('whole number'),
    });
    expect(rolloutImportInput('/a', { ...initialRolloutForm('a'), runName: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('200'),
    });
  });
});
