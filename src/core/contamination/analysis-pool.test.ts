// The analysis workers (built to out/node/contamination-worker.mjs) give the same pages as the job thread would.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analysis-pool';
import { BENCH_PROBLEMS, TRAIN_PROBLEMS } from './contamination-test-kit';
import { DEFAULT_CONTAMINATION_SETTINGS } from './settings';

const SCRIPT = path.resolve(__dirname, '../../../out/node/contamination-worker.mjs');
const BUILT = fs.existsSync(SCRIPT);
const note = BUILT ? '' : ' (skipped: run `npm run build:node`; `npm test` does)';

describe.skipIf(!BUILT)(`contamination analysis workers${note}`, () => {
  it('analyse pages exactly as the calling thread does, in order', async () => {
    const items = BENCH_PROBLEMS.map((text, id) => ({ id, text }));
    const questions = [...TRAIN_PROBLEMS.map((p) => p.question), '', 'x'];
    const request = { questions, match: new Uint8Array(questions.length).fill(1), clusterBands: 16 };
    const inline = createAnalyzer(items, DEFAULT_CONTAMINATION_SETTINGS, null);
    const pooled = createAnalyzer(items, DEFAULT_CONTAMINATION_SETTINGS, SCRIPT);
    try {
      const expected = await inline.analyze(request);
      expect(expected.matches.length).toBeGreaterThan(4);
      const pages = await Promise.all([pooled.analyze(request), pooled.analyze({ ...request, clusterBands: 0 })]);
      expect(pages[0]).toEqual(expected);
      expect(pages[1]).toEqual({ ...expected, bandKeys: new Uint32Array(0), lowBytes: new Uint8Array(0) });
    } finally {
      await Promise.all([inline.close(), pooled.close()]);
    }
  });
});
