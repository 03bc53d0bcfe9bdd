// Benchmark contamination and near-duplicate checks (issue 12): the check's settings and request, what a prompt's
// findings look like, and the filter condition on them. The algorithms live in src/core/contamination.
import { z } from 'zod';

export const DATASET_ROLES = ['train', 'benchmark'] as const;
export const DatasetRole = z.enum(DATASET_ROLES);
export type DatasetRole = z.infer<typeof DatasetRole>;

export const MATCH_METHODS = ['exact', 'templated', 'ngram', 'minhash'] as const;
export const MatchMethod = z.enum(MATCH_METHODS);
export type MatchMethod = z.infer<typeof MatchMethod>;

/** The machine label's classes, strongest first: a prompt carries the strongest class any match gave it. */
export const CONTAMINATION_CLASSES = ['exact', 'templated', 'near'] as const;
export const ContaminationClass = z.enum(CONTAMINATION_CLASSES);
export type ContaminationClass = z.infer<typeof ContaminationClass>;

/** Thresholds a user may change (docs/contamination.md explains each); the rest are fixed per version. */
export const ContaminationThresholds = z
  .object({
    /** Share of a benchmark item's n-grams a prompt must contain to be a near copy. */
    ngramCoverage: z.number().min(0.05).max(1),
    /** Estimated Jaccard similarity (MinHash) from which two problems are near copies. */
    jaccard: z.number().min(0.3).max(1),
    /** n of the long n-gram test (13 in large-model contamination reports). */
    ngramLong: z.number().int().min(5).max(50),
    /** n for benchmark items too short for the long test. */
    ngramShort: z.number().int().min(3).max(20),
  })
  .strict();
export type ContaminationThresholds = z.infer<typeof ContaminationThresholds>;

export const ContaminationCheckRequest = z
  .object({
    /** Benchmark datasets to check against (default: every dataset marked as benchmark). */
    benchmarkIds: z.array(z.number().int()).max(200).optional(),
    /** Datasets to check (default: every training dataset). */
    datasetIds: z.array(z.number().int()).max(1000).optional(),
    thresholds: ContaminationThresholds.partial().optional(),
    /** Also group the checked prompts into near-duplicate clusters (within and across datasets). */
    clusters: z.boolean().default(true),
    /** Check again even datasets already checked against the same benchmarks and settings. */
    force: z.boolean().default(false),
  })
  .strict();
export type ContaminationCheckRequest = z.infer<typeof ContaminationCheckRequest>;

/** One piece of evidence: the prompt matches a benchmark prompt by a method with its score. */
export const ContaminationMatch = z.object({
  benchPromptId: z.number().int(),
  benchDatasetId: z.number().int(),
  benchDataset: z.string(),
  benchSourceId: z.string().nullable(),
  benchQuestion: z.string(),
  method: MatchMethod,
  /** exact/templated: 1; ngram: share of the benchmark item's n-grams found; minhash: estimated Jaccard. */
  score: z.number(),
});
export type ContaminationMatch = z.infer<typeof ContaminationMatch>;

export const PromptContamination = z.object({
  promptId: z.number().int(),
  /** null: checked and clean, or never checked (see `checked`). */
  class: ContaminationClass.nullable(),
  checked: z.boolean(),
  matches: z.array(ContaminationMatch),
  /** The near-duplicate cluster the prompt is in: its id (lowest prompt id) and the other members (up to 50). */
  cluster: z.object({ id: z.number().int(), size: z.number().int(), members: z.array(z.number().int()) }).nullable(),
  checkId: z.number().int().nullable(),
});
export type PromptContamination = z.infer<typeof PromptContamination>;

export const ContaminationCheck = z.object({
  id: z.number().int(),
  jobId: z.number().int().nullable(),
  benchmarks: z.array(z.object({ datasetId: z.number().int(), name: z.string(), items: z.number().int() })),
  datasets: z.array(z.object({ datasetId: z.number().int(), name: z.string(), prompts: z.number().int() })),
  settings: z.record(z.string(), z.unknown()),
  flagged: z.number().int(),
  clusters: z.number().int(),
  seconds: z.number().nullable(),
  createdAt: z.string(),
});
export type ContaminationCheck = z.infer<typeof ContaminationCheck>;

/** Filter condition: prompts by their contamination class, or in a near-duplicate cluster. */
export const ContaminationCondition = z
  .object({
    op: z.enum(['is', 'isNot', 'inCluster', 'notInCluster']),
    /** For is / isNot: any of these classes; empty or absent = any class (i.e. "contaminated"). */
    classes: z.array(ContaminationClass).max(3).optional(),
  })
  .strict();
export type ContaminationCondition = z.infer<typeof ContaminationCondition>;

/** How many prompts of a filter (its contamination conditions left out) carry each class, or are in a cluster. */
export const ContaminationFacets = z.object({
  exact: z.number().int(),
  templated: z.number().int(),
  near: z.number().int(),
  inCluster: z.number().int(),
  /** Whether any check has run in this workspace (the side panel shows the group only then). */
  checked: z.boolean(),
});
export type ContaminationFacets = z.infer<typeof ContaminationFacets>;
