// Export schemas shared by core, hosts and renderer: what to export (a filter or a saved view, options,
// format), the manifest written beside the files, the export history and the diff of two exports.
import { z } from 'zod';
import { ContaminationCheck, ContaminationClass } from './contamination';
import { PromptFilter } from './domain';

const Int = z.number().int();

export const EXPORT_FORMATS = ['oreal-jsonl', 'verl-parquet', 'jsonl', 'csv', 'parquet', 'rollouts-jsonl'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Columns for the generic jsonl / csv / parquet formats. */
export const EXPORT_COLUMNS = [
  'id',
  'dataset',
  'source_id',
  'question',
  'gold_answer',
  'original_gold_answer',
  'pass_rate',
  'dataset_pass_rate',
  'empirical_pass_rate',
  'graded_rollouts',
  'source',
  'subject',
  'level',
  'split',
  'labels',
] as const;
export const ExportColumn = z.enum(EXPORT_COLUMNS);
export type ExportColumn = z.infer<typeof ExportColumn>;
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  'id',
  'question',
  'gold_answer',
  'pass_rate',
  'source',
  'subject',
  'level',
  'split',
];

/**
 * Which pass rate counts: `empirical` = correct / graded over the prompt's rollouts in the workspace,
 * `dataset` = the pass rate the prompt set came with, `auto` = empirical when the prompt has graded
 * rollouts, else the dataset's. Bounds are optional; prompts without a pass rate are dropped when a
 * bound is set unless `keepUnknown`.
 */
export const PassRateRange = z
  .object({
    source: z.enum(['auto', 'empirical', 'dataset']).default('auto'),
    min: z.number().min(0).max(1).optional(),
    minInclusive: z.boolean().default(true),
    max: z.number().min(0).max(1).optional(),
    maxInclusive: z.boolean().default(true),
    keepUnknown: z.boolean().default(false),
  })
  .strict();
export type PassRateRange = z.infer<typeof PassRateRange>;

export const SplitSpec = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'split names use letters, digits, _ and -'),
  ratio: z.number().positive(),
});
export type SplitSpec = z.infer<typeof SplitSpec>;

const ExportRequestFields = z
  .object({
    /** Where the prompts come from: a filter, or a saved view (by id or name). None = every prompt. */
    filter: PromptFilter.optional(),
    viewId: Int.positive().optional(),
    viewName: z.string().min(1).max(200).optional(),
    format: ExportFormat,
    /** Target folder (created if missing). */
    outDir: z.string().min(1),
    /**
     * File name stem: `<baseName>.<ext>`, or `<baseName>-<split>.<ext>` with splits (default: `prompts`, or
     * the split name alone).
     */
    baseName: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/)
      .optional(),
    /** Replace files of the same names; otherwise an existing file is a CONFLICT. */
    overwrite: z.boolean().default(false),
    columns: z.array(ExportColumn).min(1).optional(),
    passRate: PassRateRange.default({ source: 'auto', minInclusive: true, maxInclusive: true, keepUnknown: false }),
    /**
     * Prompts carrying any of these prompt labels (by any annotator) are left out; rollout and span labels
     * exclude rollouts from rollouts-jsonl.
     */
    excludeLabelIds: z.array(Int.positive()).max(200).default([]),
    /** Keep one prompt per normalised question (the lowest id). */
    dedup: z.boolean().default(false),
    /**
     * Also keep one prompt per near-duplicate cluster of the latest contamination check: the cluster's first prompt
     * (lowest id) among those selected. Implies `dedup`.
     */
    dedupNear: z.boolean().default(false),
    /** Leave out prompts whose contamination class (machine label) is one of these. */
    excludeContaminated: z.array(ContaminationClass).max(3).default([]),
    /** Ratios are normalised to sum 1. None = one file. */
    splits: z.array(SplitSpec).max(10).default([]),
    seed: Int.default(0),
    stratify: z.enum(['none', 'passRate', 'source']).default('none'),
    /** At most this many prompts per source, chosen by seed. */
    capPerSource: Int.positive().optional(),
    /** Use curators' corrected gold answers where they exist (the original otherwise). */
    useCorrectedGold: z.boolean().default(true),
    /** verl-parquet: data_source (default: the prompt's source, else "math"), ability, chat prompt. */
    verl: z
      .object({
        dataSource: z.string().min(1).optional(),
        ability: z.string().min(1).default('math'),
        systemPrompt: z.string().optional(),
        /** `{question}` is replaced by the question. */
        promptTemplate: z.string().default('{question}'),
      })
      .strict()
      .optional(),
  })
  .strict();

type Fields = z.output<typeof ExportRequestFields>;
const checks = <T extends z.ZodType<Omit<Fields, 'outDir'>>>(schema: T) =>
  schema
    .refine((r) => [r.filter, r.viewId, r.viewName].filter((v) => v !== undefined).length <= 1, {
      message: 'give at most one of filter, viewId, viewName',
    })
    .refine((r) => new Set(r.splits.map((s) => s.name)).size === r.splits.length, {
      message: 'split names must be different',
    })
    .refine((r) => r.passRate.min === undefined || r.passRate.max === undefined || r.passRate.min <= r.passRate.max, {
      message: 'passRate.min must not exceed passRate.max',
    });

export const ExportRequest = checks(ExportRequestFields);
export type ExportRequest = z.output<typeof ExportRequestFields>;
export type ExportRequestInput = z.input<typeof ExportRequestFields>;
/** exports.preview: the same request; the folder is not needed to count. */
export const ExportPreviewRequest = checks(ExportRequestFields.extend({ outDir: z.string().min(1).optional() }));

export const CountBy = z.record(z.string(), Int);

/** What an export would contain (exports.preview) and did contain (the manifest's counts). */
export const ExportCounts = z.object({
  /** Prompts matching the filter. */
  matched: Int,
  excludedByLabel: Int,
  /** Left out for their contamination class (excludeContaminated). */
  excludedByContamination: Int,
  excludedByPassRate: Int,
  duplicatesDropped: Int,
  cappedBySource: Int,
  /** Rows written over all files (for rollouts-jsonl: prompts with a correct rollout). */
  exported: Int,
  perSplit: CountBy,
  /** source (or "(none)") -> split -> rows */
  perSource: z.record(z.string(), CountBy),
  /** PASS_RATE_BUCKETS key -> rows, by the chosen pass rate. */
  passRateHistogram: CountBy,
  correctedGoldAnswers: Int,
  /** rollouts-jsonl: prompts left out for want of a correct rollout. */
  withoutCorrectRollout: Int,
});
export type ExportCounts = z.infer<typeof ExportCounts>;

export const ExportFile = z.object({
  name: z.string(),
  split: z.string().nullable(),
  rows: Int,
  bytes: Int,
  sha256: z.string(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportManifest = z.object({
  app: z.object({ name: z.string(), version: z.string() }),
  workspaceId: z.string(),
  createdAt: z.string(),
  format: ExportFormat,
  view: z.object({ id: Int, name: z.string() }).nullable(),
  filter: PromptFilter,
  options: z.record(z.string(), z.unknown()),
  seed: Int,
  usedCorrectedGoldAnswers: z.boolean(),
  counts: ExportCounts,
  labels: z.object({
    taxonomy: z.array(z.object({ id: Int, target: z.string(), name: z.string(), archived: z.boolean() })),
    /** Exported prompts carrying each prompt label (any annotator). */
    onExportedPrompts: CountBy,
    excluded: z.array(z.string()),
  }),
  /** Present when contaminated prompts were left out: which classes, how many, and the checks behind them. */
  contamination: z
    .object({ excludedClasses: z.array(ContaminationClass), excluded: Int, checks: z.array(ContaminationCheck) })
    .nullable()
    .optional(),
  files: z.array(ExportFile),
});
export type ExportManifest = z.infer<typeof ExportManifest>;

export const ExportRecord = z.object({
  id: Int,
  jobId: Int.nullable(),
  format: ExportFormat,
  outDir: z.string(),
  rows: Int,
  files: z.array(ExportFile),
  manifestFile: z.string(),
  createdAt: z.string(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const ExportDetail = ExportRecord.extend({
  request: z.record(z.string(), z.unknown()),
  manifest: ExportManifest,
});
export type ExportDetail = z.infer<typeof ExportDetail>;

export const ExportDiff = z.object({
  fromId: Int,
  toId: Int,
  added: Int,
  removed: Int,
  kept: Int,
  /** The first added / removed prompts (by id), with a question preview when the prompt still exists. */
  addedSample: z.array(z.object({ id: Int, question: z.string().nullable() })),
  removedSample: z.array(z.object({ id: Int, question: z.string().nullable() })),
});
export type ExportDiff = z.infer<typeof ExportDiff>;
