// Real rollouts from ../shared/fixtures (see its README): Qwen2.5-Math sampled responses, PRM800K step
// ratings and math-aps prefix values. Skipped when the folder is absent (a fresh clone).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES_SKIP_REASON, fixture, hasFixtures } from '../../../../test/temp-workspace';
import { detectAdapter } from './index';
import { drain } from './testing';

if (!hasFixtures) console.warn(`[rollout adapters] skipping real-data tests: ${FIXTURES_SKIP_REASON}`);

function jsonLines(name: string): Record<string, unknown>[] {
  return fs
    .readFileSync(fixture(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.skipIf(!hasFixtures)(`real rollouts (skipped without ${FIXTURES_SKIP_REASON.split(' (')[0]})`, () => {
  it('qwen25math_math_cot_100_rollouts.jsonl: 800 records over 100 groups, rewards equal to each score', async () => {
    const file = fixture('qwen25math_math_cot_100_rollouts.jsonl');
    const adapter = await detectAdapter(file);
    expect(adapter.name).toBe('eval-k');
    const { records, issues } = await drain(adapter, file);
    expect(issues).toEqual([]);
    const lines = jsonLines('qwen25math_math_cot_100_rollouts.jsonl');
    expect(records).toHaveLength(800);
    expect(new Set(records.map((r) => r.groupId)).size).toBe(100);
    const expected = lines.flatMap((l) => (l.score as boolean[]).map((s) => (s ? 1 : 0)));
    expect(records.map((r) => r.reward)).toEqual(expected);
    const byLine = new Map(lines.map((l) => [String(l.idx), l]));
    for (const r of records) {
      const source = byLine.get(r.groupId as string) as Record<string, unknown>;
      const i = r.sampleIndex as number;
      expect(r.response).toBe((source.response as string[])[i]);
      expect(r.extractedAnswer).toBe((source.pred as string[])[i]);
      expect(r.extra.rm_score).toBe((source.pred_score as number[][])[i]?.[0]);
      expect(r.prompt.question).toBe(source.question);
      expect(r.prompt.goldAnswer).toBe(source.gt);
    }
  });

  it(
    'prm800k_samples.jsonl: one record per labelled solution, each chosen step rating as a ' + 'span over its text',
    async () => {
      const file = fixture('prm800k_samples.jsonl');
      const adapter = await detectAdapter(file);
      expect(adapter.name).toBe('prm800k');
      const { records, issues } = await drain(adapter, file);
      expect(issues).toEqual([]);
      const lines = jsonLines('prm800k_samples.jsonl');
      expect(records).toHaveLength(lines.length);
      for (const [n, record] of records.entries()) {
        const steps = ((lines[n]?.label as Record<string, unknown>).steps as Record<string, unknown>[]).map((s) => ({
          chosen: s.chosen_completion as number | null,
          completions: s.completions as { text: string; rating: number | null }[],
        }));
        const rated = steps.filter((s) => s.chosen !== null).map((s) => s.completions[s.chosen as number]);
        const spanned = record.spans.map((s) => ({
          text: record.response.slice(s.start, s.end),
          rating: s.value,
          name: s.name,
        }));
        // Every chosen completion appears, in order, as a step_rating span with its rating.
        expect(spanned.filter((s) => rated.some((c) => c?.text === s.text)).map((s) => [s.text, s.rating])).toEqual(
          rated.map((c) => [c?.text, c?.rating]),
        );
        expect(new Set(spanned.map((s) => s.name))).toEqual(new Set(['step_rating']));
        for (const s of spanned) expect([-1, 0, 1]).toContain(s.rating);
        expect(record.prompt.question).toBe((lines[n]?.question as Record<string, unknown>).problem);
      }
    },
  );

  it('math_aps_samples.jsonl: records whose spans carry the mc_value of the prefix they end', async () => {
    const file = fixture('math_aps_samples.jsonl');
    const adapter = await detectAdapter(file);
    expect(adapter.name).toBe('math-aps');
    const { records, issues } = await drain(adapter, file);
    expect(issues).toEqual([]);
    const lines = jsonLines('math_aps_samples.jsonl');
    expect(new Set(records.map((r) => r.line))).toEqual(new Set(lines.map((_, i) => i + 1)));
    const covered = new Set<string>();
    for (const record of records) {
      const source = lines[record.line - 1] as Record<string, unknown>;
      const values = new Map<string, number>();
      // A prefix estimated twice: the first estimate is the one on the span.
      for (const s of source.reasoning_steps as { solution_prefix: string; mc_value: number }[])
        if (!values.has(s.solution_prefix)) values.set(s.solution_prefix, s.mc_value);
      const leaf = [...values.keys()].find((p) => p.endsWith(record.response) && record.response.length > 0);
      expect(leaf).toBeDefined();
      const solutionStart = (leaf as string).length - record.response.length;
      expect(record.spans.length).toBeGreaterThan(0);
      let previousEnd = 0;
      for (const span of record.spans) {
        expect(span.name).toBe('mc_value');
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = span.end;
        const prefix = (leaf as string).slice(0, solutionStart + span.end);
        expect(values.get(prefix)).toBe(span.value);
        covered.add(prefix);
      }
      expect(previousEnd).toBe(record.response.length);
    }
    // Every prefix that adds solution text is the end of some span.
    for (const line of lines) {
      for (const step of line.reasoning_steps as { solution_prefix: string }[]) {
        if (step.solution_prefix.trim() !== (line.question as string).trim())
          expect(covered.has(step.solution_prefix)).toBe(true);
      }
    }
  });

  it('refuses a prompt set (math500_test.jsonl) as a rollout file', async () => {
    await expect(detectAdapter(fixture('math500_test.jsonl'))).rejects.toMatchObject({ code: 'FORMAT_UNKNOWN' });
  });
});
