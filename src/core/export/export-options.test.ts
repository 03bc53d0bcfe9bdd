// Export options against the data they select: pass-rate range (OREAL's 0 < p < 1, empirical or the
// dataset's), excluded labels, dedup, per-source caps, corrected gold answers, saved views, the
// preview, the export history and the diff of two exports.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { importFile, jsonl, writeFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, labelId, unwrap } from '../curation/curation-test-kit';
import { exportTo, jsonlRows } from './export-test-kit';

interface Row {
  id: number;
  question: string;
  gold_answer: string | null;
  pass_rate: number | null;
  source: string | null;
  dataset_pass_rate: number | null;
  empirical_pass_rate: number | null;
}

/** A prompt set with known pass rates, sources and one duplicated question. */
const PROMPTS = Array.from({ length: 60 }, (_, i) => ({
  id: `q${i}`,
  question: i === 59 ? 'Question 0: what is 0 + 0?' : `Question ${i}: what is ${i} + ${i}?`,
  answer: `${2 * i}`,
  pass_rate: i % 6 === 5 ? null : (i % 5) / 4, // 0, 0.25, 0.5, 0.75, 1 and some unknown
  source: i % 3 === 0 ? 'MATH' : i % 3 === 1 ? 'AMC' : 'AIME',
}));

describe('export options', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  const columns = [
    'id',
    'question',
    'gold_answer',
    'pass_rate',
    'source',
    'dataset_pass_rate',
    'empirical_pass_rate',
  ] as const;
  const rowsOf = async (name: string, request: Record<string, unknown>) => {
    const outDir = path.join(tmp.dir, 'out', name);
    const { manifest } = await exportTo(core, { format: 'jsonl', outDir, columns: [...columns], ...request });
    return { rows: jsonlRows<Row>(path.join(outDir, 'prompts.jsonl')), manifest };
  };
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await importFile(core, { path: writeFile(tmp.dir, 'set.jsonl', jsonl(PROMPTS)) });
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it("keeps OREAL's 0 < p < 1 by the dataset's pass rate", async () => {
    const { rows, manifest } = await rowsOf('range', {
      passRate: { source: 'dataset', min: 0, minInclusive: false, max: 1, maxInclusive: false },
    });
    const expected = PROMPTS.filter((p) => p.pass_rate !== null && p.pass_rate > 0 && p.pass_rate < 1).map(
      (p) => p.question,
    );
    expect(rows.map((r) => r.question)).toEqual(expected);
    expect(manifest.counts.excludedByPassRate).toBe(PROMPTS.length - expected.length);
    const keepUnknown = await rowsOf('range-unknown', {
      passRate: { source: 'dataset', min: 0, minInclusive: false, max: 1, maxInclusive: false, keepUnknown: true },
    });
    expect(keepUnknown.rows).toHaveLength(expected.length + PROMPTS.filter((p) => p.pass_rate === null).length);
  });

  it('leaves out prompts with an excluded label, keeps one per normalised question, caps each source', async () => {
    const ids = await idsOf(core);
    const drop = await labelId(core, 'prompt', 'drop');
    for (const id of ids.slice(0, 4))
      unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop, annotator: 'x' }));
    const excluded = await rowsOf('exclude', { excludeLabelIds: [drop] });
    expect(excluded.rows.map((r) => r.id)).toEqual(ids.slice(4));
    expect(excluded.manifest.counts.excludedByLabel).toBe(4);
    expect(excluded.manifest.labels.excluded).toEqual(['prompt:drop']);

    const dedup = await rowsOf('dedup', { dedup: true });
    // Question 59 normalises to question 0 (same text): only the first is kept.
    expect(dedup.rows.map((r) => r.id)).toEqual(ids.slice(0, 59));
    expect(dedup.manifest.counts.duplicatesDropped).toBe(1);

    const capped = await rowsOf('cap', { capPerSource: 7, seed: 5 });
    const bySource = new Map<string, number>();
    for (const r of capped.rows) bySource.set(r.source as string, (bySource.get(r.source as string) ?? 0) + 1);
    expect([...bySource.values()]).toEqual([7, 7, 7]);
    expect(capped.manifest.counts.cappedBySource).toBe(PROMPTS.length - 21);
    const cappedAgain = await rowsOf('cap-again', { capPerSource: 7, seed: 6 });
    expect(cappedAgain.rows.map((r) => r.id)).not.toEqual(capped.rows.map((r) => r.id));
    for (const id of ids.slice(0, 4))
      unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop, annotator: 'x' }));
  });

  it('uses corrected gold answers unless told not to', async () => {
    const [id] = (await idsOf(core, {}, 1)) as [number];
    unwrap(await core.invoke('prompts.setGoldAnswer', { promptId: id, goldAnswer: '0.0' }));
    const used = await rowsOf('gold-used', {});
    expect(used.rows[0]?.gold_answer).toBe('0.0');
    expect(used.manifest).toMatchObject({ usedCorrectedGoldAnswers: true, counts: { correctedGoldAnswers: 1 } });
    const original = await rowsOf('gold-original', { useCorrectedGold: false });
    expect(original.rows[0]?.gold_answer).toBe('0');
    expect(original.manifest).toMatchObject({ usedCorrectedGoldAnswers: false, counts: { correctedGoldAnswers: 0 } });
    unwrap(await core.invoke('prompts.setGoldAnswer', { promptId: id, goldAnswer: null }));
  });

  it('exports a saved view, counts in the preview what the export writes, and diffs two exports', async () => {
    unwrap(await core.invoke('views.save', { name: 'amc', state: { filter: { sources: ['AMC'] }, sort: [] } }));
    const request = {
      viewName: 'amc',
      splits: [
        { name: 'train', ratio: 3 },
        { name: 'val', ratio: 1 },
      ],
      stratify: 'passRate' as const,
      seed: 2,
    };
    const preview = unwrap(await core.invoke('exports.preview', { format: 'jsonl', ...request }));
    const amc = await rowsOf('view', { ...request, splits: [] });
    expect(amc.rows.every((r) => r.source === 'AMC')).toBe(true);
    expect(amc.manifest.view).toMatchObject({ name: 'amc' });
    const split = await exportTo(core, {
      format: 'jsonl',
      outDir: path.join(tmp.dir, 'out', 'view-split'),
      ...request,
    });
    expect(split.manifest.counts).toEqual(preview);
    expect(await core.invoke('exports.preview', { format: 'jsonl', viewName: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const all = await rowsOf('all-for-diff', {});
    const history = unwrap(await core.invoke('exports.list', { limit: 100 }));
    const [latest, , viewExport] = history;
    expect(latest?.rows).toBe(all.rows.length);
    const diff = unwrap(
      await core.invoke('exports.diff', { fromId: viewExport?.id as number, toId: latest?.id as number, limit: 3 }),
    );
    expect(diff).toMatchObject({ added: all.rows.length - amc.rows.length, removed: 0, kept: amc.rows.length });
    expect(diff.addedSample).toHaveLength(3);
    expect(diff.addedSample.every((s) => !amc.rows.some((r) => r.id === s.id) && s.question !== null)).toBe(true);
    const detail = unwrap(await core.invoke('exports.get', { id: viewExport?.id as number }));
    expect(detail.manifest.view?.name).toBe('amc');
    expect(detail.request).toMatchObject({ viewName: 'amc' });
  });
});
