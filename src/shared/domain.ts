// Domain schemas shared by core, hosts and renderer. Everything that crosses a transport is described here.
import { z } from 'zod';
import { RolloutWorkspaceStats } from './rollouts';
import { ContaminationCondition, DatasetRole } from './contamination';
import { VerificationCondition } from './verification';

export const PROMPT_FILE_FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;
export const PromptFileFormat = z.enum(PROMPT_FILE_FORMATS);
export type PromptFileFormat = z.infer<typeof PromptFileFormat>;

/** Which source column feeds which prompt field. `null` = not mapped. */
export const FieldMapping = z.object({
  question: z.string().nullable(),
  goldAnswer: z.string().nullable(),
  /** Column holding a worked solution whose last \boxed{} is the answer, used when goldAnswer is unmapped. */
  solution: z.string().nullable(),
  passRate: z.string().nullable(),
  sourceId: z.string().nullable(),
  subject: z.string().nullable(),
  level: z.string().nullable(),
  source: z.string().nullable(),
});
export type FieldMapping = z.infer<typeof FieldMapping>;
export const MAPPABLE_FIELDS = [
  'question',
  'goldAnswer',
  'solution',
  'passRate',
  'sourceId',
  'subject',
  'level',
  'source',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export const BadRecordPolicy = z.enum(['skip', 'abort']);
export type BadRecordPolicy = z.infer<typeof BadRecordPolicy>;

/** One problem found in an input file: where (file, line, field) and what. */
export const RecordIssue = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  excerpt: z.string().nullable(),
});
export type RecordIssue = z.infer<typeof RecordIssue>;

export const ImportPreview = z.object({
  path: z.string(),
  fileName: z.string(),
  format: PromptFileFormat,
  sizeBytes: z.number(),
  columns: z.array(z.string()),
  sampleRows: z.array(z.record(z.string(), z.unknown())),
  mapping: FieldMapping,
  warnings: z.array(z.string()),
  issues: z.array(RecordIssue),
  suggestedName: z.string(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobProgress = z.object({
  phase: z.string(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  rows: z.number(),
  badRows: z.number(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: JobStatus,
  title: z.string(),
  progress: JobProgress.nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  issues: z.array(RecordIssue),
  issueCount: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const Dataset = z.object({
  id: z.number().int(),
  name: z.string(),
  sourcePath: z.string().nullable(),
  sourceFormat: z.string().nullable(),
  promptCount: z.number().int(),
  duplicateCount: z.number().int(),
  /** Training data, or a benchmark that training data is checked against for contamination. */
  role: DatasetRole,
  createdAt: z.string(),
});
export type Dataset = z.infer<typeof Dataset>;

export const PASS_RATE_BUCKETS = ['unknown', '0', '(0,0.25)', '[0.25,0.5)', '[0.5,0.75)', '[0.75,1)', '1'] as const;
export const PassRateBucket = z.enum(PASS_RATE_BUCKETS);
export type PassRateBucket = z.infer<typeof PassRateBucket>;

export const TextCondition = z.object({
  kind: z.literal('text'),
  op: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  value: z.string().max(1000).optional(),
});
export const NumberCondition = z.object({
  kind: z.literal('number'),
  op: z.enum([
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ]),
  value: z.number().optional(),
  valueTo: z.number().optional(),
});
export const ColumnCondition = z.discriminatedUnion('kind', [TextCondition, NumberCondition]);
export type ColumnCondition = z.infer<typeof ColumnCondition>;

/** Columns of the prompt grid; also the whitelist for sorting and column filters. */
export const PROMPT_COLUMNS = [
  'id',
  'dataset',
  'sourceId',
  'question',
  'goldAnswer',
  'passRate',
  'source',
  'subject',
  'level',
] as const;
export const PromptColumn = z.enum(PROMPT_COLUMNS);
export type PromptColumn = z.infer<typeof PromptColumn>;

/**
 * A condition on labels (curation). `labelIds` means any of them; empty means any label at all.
 * has / hasNot: the prompt's own labels (of `annotator` only, when given). disagree: annotators who
 * labelled the prompt differ on one of the labels. rolloutHas / rolloutHasNot: labels on the prompt's
 * rollouts or their token spans, rolled up to the prompt.
 */
export const LabelCondition = z.object({
  op: z.enum(['has', 'hasNot', 'disagree', 'rolloutHas', 'rolloutHasNot']),
  labelIds: z.array(z.number().int()).max(200).optional(),
  annotator: z.string().min(1).max(200).optional(),
});
export type LabelCondition = z.infer<typeof LabelCondition>;

/** A condition on prompt notes: any note, none, or a note containing `text` (case-insensitive). */
export const NoteCondition = z.object({
  op: z.enum(['has', 'hasNot', 'contains']),
  text: z.string().max(1000).optional(),
});
export type NoteCondition = z.infer<typeof NoteCondition>;

export const PromptFilter = z.object({
  datasetIds: z.array(z.number().int()).optional(),
  sources: z.array(z.string()).optional(),
  subjects: z.array(z.string()).optional(),
  /** `null` selects prompts without a level. */
  levels: z.array(z.number().int().nullable()).optional(),
  passRateBuckets: z.array(PassRateBucket).optional(),
  search: z.string().max(1000).optional(),
  columns: z.partialRecord(PromptColumn, ColumnCondition).optional(),
  /** Label conditions, all of which must hold (curation). */
  labels: z.array(LabelCondition).max(20).optional(),
  notes: NoteCondition.optional(),
  /** Re-verification conditions, all of which must hold (src/shared/verification.ts). */
  verification: z.array(VerificationCondition).max(10).optional(),
  /** Contamination conditions, all of which must hold (src/shared/contamination.ts). */
  contamination: z.array(ContaminationCondition).max(5).optional(),
});
export type PromptFilter = z.infer<typeof PromptFilter>;

export const SortSpec = z.object({ column: PromptColumn, direction: z.enum(['asc', 'desc']) });
export type SortSpec = z.infer<typeof SortSpec>;

/** A light row for the grid: the question is cut short; the detail pane fetches the whole prompt. */
export const PromptRow = z.object({
  id: z.number().int(),
  datasetId: z.number().int(),
  dataset: z.string(),
  sourceId: z.string().nullable(),
  question: z.string(),
  goldAnswer: z.string().nullable(),
  passRate: z.number().nullable(),
  source: z.string().nullable(),
  subject: z.string().nullable(),
  level: z.number().int().nullable(),
});
export type PromptRow = z.infer<typeof PromptRow>;

export const PromptDetail = PromptRow.extend({
  /** The gold answer exactly as the source gave it (a string, a number, a list…). */
  goldAnswerRaw: z.unknown(),
  goldAnswerNormalized: z.string().nullable(),
  rowIndex: z.number().int(),
  isDuplicate: z.boolean(),
  extra: z.record(z.string(), z.unknown()),
  /** A curator's corrected gold answer; `goldAnswer` above stays the original as imported. */
  goldCorrection: z
    .object({ answer: z.string(), normalized: z.string().nullable(), annotator: z.string(), updatedAt: z.string() })
    .nullable()
    .optional(),
});
export type PromptDetail = z.infer<typeof PromptDetail>;

export const FacetValue = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  label: z.string(),
  count: z.number().int(),
});
export type FacetValue = z.infer<typeof FacetValue>;
export const Facets = z.object({
  datasets: z.array(FacetValue),
  sources: z.array(FacetValue),
  subjects: z.array(FacetValue),
  levels: z.array(FacetValue),
  passRateBuckets: z.array(FacetValue),
  total: z.number().int(),
});
export type Facets = z.infer<typeof Facets>;

export const ViewState = z.object({
  filter: PromptFilter,
  sort: z.array(SortSpec),
  columnState: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type ViewState = z.infer<typeof ViewState>;
export const SavedView = z.object({ id: z.number().int(), name: z.string(), state: ViewState, updatedAt: z.string() });
export type SavedView = z.infer<typeof SavedView>;

export const WorkspaceStats = z.object({
  workspaceId: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  datasets: z.number().int(),
  prompts: z.number().int(),
  duplicates: z.number().int(),
  promptsBySource: z.array(z.object({ source: z.string().nullable(), count: z.number().int() })),
  /** Runs, steps, rollouts and pass rate from rollout logs (src/shared/rollouts.ts). */
  rollouts: RolloutWorkspaceStats.optional(),
});
export type WorkspaceStats = z.infer<typeof WorkspaceStats>;
