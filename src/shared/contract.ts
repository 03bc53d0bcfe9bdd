// The RPC contract: method name -> input and output schemas. Every host (IPC, HTTP, in-process)
// serves exactly this map, and every client calls it by name. Methods are named `feature.verb`.
import { z } from 'zod';
import {
  BadRecordPolicy,
  Dataset,
  Facets,
  FieldMapping,
  ImportPreview,
  Job,
  PromptDetail,
  PromptFileFormat,
  PromptFilter,
  PromptRow,
  SavedView,
  SortSpec,
  ViewState,
  WorkspaceStats,
} from './domain';
import { PromptRolloutStats, RolloutDetail, RolloutImportInput, RolloutRow, Run, UnmatchedPrompt } from './rollouts';
import {
  CheckAnswerInput,
  CheckAnswerResult,
  PromptAnswerSummary,
  SuspectGoldPrompt,
  VerdictFilter,
  VerifiedRollout,
  VerifyScope,
  VerifySummary,
} from './verification';
import {
  AgreementReport,
  AnnotatorSummary,
  BulkLabelInput,
  BulkPreview,
  BulkResult,
  HistoryBatch,
  HistoryEntry,
  ItemAnnotations,
  LabelDef,
  LabelDefInput,
  SetGoldInput,
  SetNoteInput,
  Settings,
  ToggleLabelInput,
  UndoResult,
  UndoStatus,
  WriteResult,
} from './curation';
import {
  ContaminationCheck,
  ContaminationCheckRequest,
  ContaminationFacets,
  DatasetRole,
  PromptContamination,
} from './contamination';
import { ExportCounts, ExportDetail, ExportDiff, ExportPreviewRequest, ExportRecord, ExportRequest } from './exports';

/**
 * The contract's version, reported by `app.info`: raised whenever a method is renamed or removed or an input
 * loses a field, so that scripts calling the HTTP API can tell which names a server answers.
 * 1: the first contract. 2: `import.start` -> `import.prompts`, `import.rolloutsStart` -> `import.rollouts`.
 */
export const CONTRACT_VERSION = 2;

const Empty = z.object({}).strict();
const Id = z.object({ id: z.number().int().positive() }).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  workspaceId: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  contractVersion: z.number().int(),
  host: z.enum(['electron', 'server', 'cli', 'test']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const contract = {
  'app.info': { input: Empty, output: AppInfo },
  'stats.get': { input: Empty, output: WorkspaceStats },

  'datasets.list': { input: Empty, output: z.array(Dataset) },
  'datasets.rename': {
    input: z.object({ id: z.number().int(), name: z.string().min(1).max(200) }).strict(),
    output: Dataset,
  },
  'datasets.delete': { input: Id, output: z.object({ deletedPrompts: z.number().int() }) },

  'import.preview': {
    input: z
      .object({
        path: z.string().min(1),
        format: PromptFileFormat.optional(),
        mapping: FieldMapping.optional(),
      })
      .strict(),
    output: ImportPreview,
  },
  'import.prompts': {
    input: z
      .object({
        path: z.string().min(1),
        format: PromptFileFormat.optional(),
        mapping: FieldMapping.optional(),
        datasetName: z.string().min(1).max(200).optional(),
        onBadRecord: BadRecordPolicy.default('abort'),
        /** Import a file a visible dataset was already imported from (else CONFLICT, reason 'already-imported'). */
        again: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ jobId: z.number().int() }),
  },

  'jobs.get': { input: Id, output: Job },
  'jobs.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(Job),
  },
  'jobs.cancel': { input: Id, output: Job },

  'prompts.page': {
    input: z
      .object({
        filter: PromptFilter.default({}),
        sort: z.array(SortSpec).max(5).default([]),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(PromptRow), total: z.number().int() }),
  },
  'prompts.facets': { input: z.object({ filter: PromptFilter.default({}) }).strict(), output: Facets },
  'prompts.get': { input: Id, output: PromptDetail },

  'views.list': { input: Empty, output: z.array(SavedView) },
  'views.save': { input: z.object({ name: z.string().min(1).max(200), state: ViewState }).strict(), output: SavedView },
  'views.delete': { input: Id, output: z.object({ deleted: z.boolean() }) },

  // Rollout logs (src/shared/rollouts.ts): import, runs with per-step statistics, rollouts, per-prompt statistics.
  'import.rollouts': { input: RolloutImportInput, output: z.object({ jobId: z.number().int() }) },
  'runs.list': { input: Empty, output: z.array(Run) },
  'runs.unmatchedPrompts': {
    input: z
      .object({
        runId: z.number().int(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(UnmatchedPrompt), total: z.number().int() }),
  },
  'rollouts.list': {
    input: z
      .object({
        promptId: z.number().int().optional(),
        runId: z.number().int().optional(),
        runPromptId: z.number().int().optional(),
        step: z.number().int().optional(),
        /** Only rollouts whose re-verification verdict matches (src/shared/verification.ts). */
        verdict: VerdictFilter.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(RolloutRow), total: z.number().int() }),
  },
  'rollouts.get': { input: Id, output: RolloutDetail },
  'prompts.stats': { input: z.object({ promptId: z.number().int() }).strict(), output: PromptRolloutStats },

  // Curation (src/shared/curation.ts): settings, label taxonomy, labels and notes on prompts, rollouts and
  // spans, gold-answer corrections, history with undo/redo, agreement. Every write is durable on return.
  'settings.get': { input: Empty, output: Settings },
  'settings.set': {
    input: z.object({ annotator: z.string().trim().min(1).max(200).nullable() }).strict(),
    output: Settings,
  },
  'labels.defs': {
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.array(LabelDef),
  },
  'labels.saveDef': { input: LabelDefInput, output: LabelDef },
  'labels.archiveDef': {
    input: z.object({ id: z.number().int().positive(), archived: z.boolean().default(true) }).strict(),
    output: LabelDef,
  },
  'labels.annotators': { input: Empty, output: z.array(AnnotatorSummary) },
  'labels.toggle': { input: ToggleLabelInput, output: WriteResult },
  'labels.bulkPreview': { input: BulkLabelInput, output: BulkPreview },
  'labels.bulk': { input: BulkLabelInput, output: BulkResult },
  'notes.set': { input: SetNoteInput, output: WriteResult },
  'prompts.setGoldAnswer': { input: SetGoldInput, output: PromptDetail },
  'annotations.get': {
    input: z.object({ target: z.enum(['prompt', 'rollout']), ids: z.array(z.number().int()).max(1000) }).strict(),
    output: z.array(ItemAnnotations),
  },
  'history.forItem': {
    input: z
      .object({
        target: z.enum(['prompt', 'rollout']),
        id: z.number().int(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(HistoryEntry),
  },
  'history.batches': {
    input: z
      .object({ annotator: z.string().optional(), limit: z.number().int().min(1).max(1000).default(50) })
      .strict(),
    output: z.array(HistoryBatch),
  },
  'history.status': {
    input: z.object({ annotator: z.string().trim().min(1).optional() }).strict(),
    output: UndoStatus,
  },
  'history.undo': { input: z.object({ annotator: z.string().trim().min(1).optional() }).strict(), output: UndoResult },
  'history.redo': { input: z.object({ annotator: z.string().trim().min(1).optional() }).strict(), output: UndoResult },
  'agreement.report': {
    input: z
      .object({
        target: z.enum(['prompt', 'rollout']).default('prompt'),
        annotators: z.array(z.string()).max(50).optional(),
        labelIds: z.array(z.number().int()).max(200).optional(),
      })
      .strict(),
    output: AgreementReport,
  },

  // Exports (src/shared/exports.ts): counts first, then a job writing the files and a manifest.
  'exports.preview': { input: ExportPreviewRequest, output: ExportCounts },
  'exports.start': { input: ExportRequest, output: z.object({ jobId: z.number().int() }) },
  'exports.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(ExportRecord),
  },
  'exports.get': { input: Id, output: ExportDetail },
  'exports.diff': {
    input: z
      .object({
        fromId: z.number().int(),
        toId: z.number().int(),
        limit: z.number().int().min(0).max(1000).default(20),
      })
      .strict(),
    output: ExportDiff,
  },

  // Answer re-verification (src/shared/verification.ts): a job re-checks the rollouts of a run and/or a
  // dataset's prompts (neither: all runs); verdicts by agreement with the log, suspect gold answers,
  // the majority answer of a prompt, and one-off checks.
  'verify.start': { input: VerifyScope, output: z.object({ jobId: z.number().int() }) },
  'verify.summary': { input: VerifyScope, output: VerifySummary },
  'verify.rollouts': {
    input: VerifyScope.extend({
      promptId: z.number().int().optional(),
      verdict: VerdictFilter.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }).strict(),
    output: z.object({ rows: z.array(VerifiedRollout), total: z.number().int() }),
  },
  'verify.suspectGold': {
    input: VerifyScope.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }).strict(),
    output: z.object({ rows: z.array(SuspectGoldPrompt), total: z.number().int() }),
  },
  'verify.promptSummary': {
    input: z.object({ promptId: z.number().int(), runId: z.number().int().optional() }).strict(),
    output: PromptAnswerSummary,
  },
  'verify.check': { input: CheckAnswerInput, output: CheckAnswerResult },

  // Benchmark contamination and near-duplicate checks (src/shared/contamination.ts): a job compares the training
  // datasets with the benchmark datasets; its findings are machine labels with their evidence.
  'datasets.setRole': {
    input: z.object({ id: z.number().int(), role: DatasetRole }).strict(),
    output: Dataset,
  },
  'contamination.start': { input: ContaminationCheckRequest, output: z.object({ jobId: z.number().int() }) },
  'contamination.forPrompt': {
    input: z.object({ promptId: z.number().int() }).strict(),
    output: PromptContamination,
  },
  'contamination.facets': {
    input: z.object({ filter: PromptFilter.default({}) }).strict(),
    output: ContaminationFacets,
  },
  'contamination.checks': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(ContaminationCheck),
  },

  'demo.load': {
    input: z
      .object({ prompts: z.number().int().min(1).max(200_000).default(2000), seed: z.number().int().default(7) })
      .strict(),
    output: z.object({ jobId: z.number().int() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from core to every connected client. Named `feature.pastTense`. */
export const events = {
  'job.updated': Job,
  'data.changed': z.object({ scope: z.enum(['datasets', 'prompts', 'views', 'labels', 'exports', 'settings']) }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
