import { describe, expect, it } from 'vitest';
import { ExportPreviewRequest, ExportRequest } from '../../../shared/exports';
import {
  buildExportRequest,
  defaultExportForm,
  previewInput,
  splitShares,
  strictlyBetweenZeroAndOne,
} from './export-form';
import type { ExportForm } from './export-form';

const filter = { subjects: ['Geometry'], labels: [{ op: 'hasNot' as const, labelIds: [2] }] };
const form = (patch: Partial<ExportForm> = {}): ExportForm => ({ ...defaultExportForm('/tmp/out'), ...patch });

function built(f: ExportForm, purpose: 'preview' | 'start' = 'start') {
  const result = buildExportRequest(f, filter, purpose);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.request;
}

describe('export form', () => {
  it('exports the current filter by default, as a valid contract request', () => {
    const request = built(form());
    expect(request).toMatchObject({ format: 'oreal-jsonl', outDir: '/tmp/out', filter });
    expect(request.viewId).toBeUndefined();
    expect(request.columns).toBeUndefined();
    expect(ExportRequest.safeParse(request).success).toBe(true);
  });

  it('takes a saved view or every prompt instead of the filter', () => {
    expect(built(form({ source: { kind: 'view', viewId: 3 } }))).toMatchObject({ viewId: 3 });
    expect(built(form({ source: { kind: 'view', viewId: 3 } })).filter).toBeUndefined();
    const all = built(form({ source: { kind: 'all' } }));
    expect(all.filter).toBeUndefined();
    expect(all.viewId).toBeUndefined();
  });

  it('builds the OREAL pass-rate window 0 < p < 1 and checks bounds', () => {
    expect(built(strictlyBetweenZeroAndOne(form({ passRateSource: 'empirical' }))).passRate).toEqual({
      source: 'empirical',
      min: 0,
      minInclusive: false,
      max: 1,
      maxInclusive: false,
      keepUnknown: false,
    });
    const bad = buildExportRequest(form({ passMin: '0.8', passMax: '0.2' }), filter, 'start');
    expect(bad).toEqual({ ok: false, errors: { passMax: 'The upper bound is below the lower one.' } });
    const outOfRange = buildExportRequest(form({ passMin: '1.5', passMax: 'abc' }), filter, 'start');
    expect(outOfRange.ok ? [] : Object.keys(outOfRange.errors)).toEqual(['passMin', 'passMax']);
  });

  it('passes splits, seed, stratification, cap, dedup and excluded labels', () => {
    const request = built(
      form({
        splits: [
          { name: 'train', ratio: '0.8' },
          { name: 'test', ratio: '0.2' },
        ],
        seed: '42',
        stratify: 'source',
        capPerSource: '100',
        dedup: true,
        excludeLabelIds: [2, 3],
      }),
    );
    expect(request).toMatchObject({
      splits: [
        { name: 'train', ratio: 0.8 },
        { name: 'test', ratio: 0.2 },
      ],
      seed: 42,
      stratify: 'source',
      capPerSource: 100,
      dedup: true,
      excludeLabelIds: [2, 3],
    });
    expect(ExportRequest.safeParse(request).success).toBe(true);
  });

  it('reports bad splits, seeds and caps against their fields', () => {
    const errors = (patch: Partial<ExportForm>) => {
      const r = buildExportRequest(form(patch), filter, 'start');
      return r.ok ? {} : r.errors;
    };
    expect(errors({ splits: [{ name: 'a b', ratio: '1' }] }).splits).toMatch(/letters/);
    expect(
      errors({
        splits: [
          { name: 'a', ratio: '1' },
          { name: 'a', ratio: '1' },
        ],
      }).splits,
    ).toMatch(/different/);
    expect(errors({ splits: [{ name: 'a', ratio: '0' }] }).splits).toMatch(/positive/);
    expect(errors({ seed: '1.5' }).seed).toBeDefined();
    expect(errors({ capPerSource: '0' }).capPerSource).toBeDefined();
    expect(errors({ baseName: '../etc' }).baseName).toBeDefined();
    expect(errors({ outDir: ' ' }).outDir).toBeDefined();
  });

  it('needs columns only for the column formats, and a {question} in the verl template', () => {
    expect(built(form({ format: 'csv' })).columns).toEqual(defaultExportForm().columns);
    const none = buildExportRequest(form({ format: 'jsonl', columns: [] }), filter, 'start');
    expect(none.ok ? null : none.errors.columns).toBe('Pick at least one column.');
    const verl = built(form({ format: 'verl-parquet', verlDataSource: 'math500', verlSystemPrompt: 'Think.' }));
    expect(verl.verl).toEqual({
      ability: 'math',
      promptTemplate: '{question}',
      dataSource: 'math500',
      systemPrompt: 'Think.',
    });
    const badTemplate = buildExportRequest(
      form({ format: 'verl-parquet', verlPromptTemplate: 'Solve it' }),
      filter,
      'start',
    );
    expect(badTemplate.ok ? null : badTemplate.errors.verlPromptTemplate).toBeDefined();
  });

  it('previews without a folder', () => {
    const request = built(form({ outDir: '' }), 'preview');
    const input = previewInput(request);
    expect('outDir' in input).toBe(false);
    expect(ExportPreviewRequest.safeParse(input).success).toBe(true);
    expect(buildExportRequest(form({ outDir: '' }), filter, 'start').ok).toBe(false);
  });

  it('shows split ratios as shares of 100', () => {
    expect(
      splitShares([
        { name: 'a', ratio: '3' },
        { name: 'b', ratio: '1' },
      ]),
    ).toEqual([75, 25]);
    expect(
      splitShares([
        { name: 'a', ratio: 'x' },
        { name: 'b', ratio: '2' },
      ]),
    ).toEqual([0, 100]);
    expect(splitShares([])).toEqual([]);
  });
});
