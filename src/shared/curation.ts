// Curation schemas shared by core, hosts and renderer: the label taxonomy, labels and notes on prompts,
// rollouts and token spans, the change history with undo/redo, settings, and agreement reports.
import { z } from 'zod';
import { PromptFilter } from './domain';

const Int = z.number().int();

export const LABEL_TARGETS = ['prompt', 'rollout', 'span'] as const;
export const LabelTarget = z.enum(LABEL_TARGETS);
export type LabelTarget = z.infer<typeof LabelTarget>;

export const LabelDef = z.object({
  id: Int,
  target: LabelTarget,
  name: z.string(),
  /** One key that toggles the label in the review screens; null = none. */
  shortcut: z.string().nullable(),
  /** #rrggbb */
  color: z.string(),
  description: z.string(),
  position: Int,
  archived: z.boolean(),
});
export type LabelDef = z.infer<typeof LabelDef>;

export const LabelDefInput = z
  .object({
    /** Absent: a new label. */
    id: Int.positive().optional(),
    target: LabelTarget,
    name: z.string().trim().min(1).max(80),
    shortcut: z
      .string()
      .regex(/^[a-z0-9]$/, 'a shortcut is one lowercase letter or digit')
      .nullable()
      .default(null),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
      .default('#607d8b'),
    description: z.string().max(500).default(''),
    /** Absent: after the target's last label. */
    position: Int.optional(),
  })
  .strict();
export type LabelDefInput = z.input<typeof LabelDefInput>;

/**
 * What a label or note is attached to: a prompt, a whole rollout, or a token range [start, end) of a
 * rollout (a span).
 */
export const ItemRef = z.discriminatedUnion('target', [
  z.object({ target: z.literal('prompt'), id: Int.positive() }).strict(),
  z.object({ target: z.literal('rollout'), id: Int.positive() }).strict(),
  z.object({ target: z.literal('span'), id: Int.positive(), start: Int.min(0), end: Int.min(1) }).strict(),
]);
export type ItemRef = z.infer<typeof ItemRef>;

export const AppliedLabel = z.object({ labelId: Int, name: z.string(), annotator: z.string(), createdAt: z.string() });
export type AppliedLabel = z.infer<typeof AppliedLabel>;
export const ItemNote = z.object({ annotator: z.string(), text: z.string(), updatedAt: z.string() });
export type ItemNote = z.infer<typeof ItemNote>;

/** Everything curators attached to one prompt or rollout (for a rollout, also its spans). */
export const ItemAnnotations = z.object({
  target: z.enum(['prompt', 'rollout']),
  id: Int,
  labels: z.array(AppliedLabel),
  notes: z.array(ItemNote),
  spans: z.array(z.object({ start: Int, end: Int, labels: z.array(AppliedLabel), notes: z.array(ItemNote) })),
});
export type ItemAnnotations = z.infer<typeof ItemAnnotations>;

/** Optional on every write: who is writing (default: the annotator from settings). */
const Annotator = z.string().trim().min(1).max(200).optional();

export const ToggleLabelInput = z
  .object({
    item: ItemRef,
    labelId: Int.positive(),
    /** true = apply, false = remove; absent = flip. */
    on: z.boolean().optional(),
    annotator: Annotator,
  })
  .strict();

export const WriteResult = z.object({
  /** The history batch of this write; null when nothing changed (e.g. the label was already on). */
  batchId: Int.nullable(),
  changed: Int,
  annotations: ItemAnnotations,
});
export type WriteResult = z.infer<typeof WriteResult>;

export const SetNoteInput = z
  .object({
    item: ItemRef,
    /** Empty text removes the note. */
    text: z.string().max(20_000),
    annotator: Annotator,
  })
  .strict();

export const SetGoldInput = z
  .object({
    promptId: Int.positive(),
    /** null (or empty) removes the correction: the original answer is in force again. */
    goldAnswer: z.string().max(10_000).nullable(),
    annotator: Annotator,
  })
  .strict();

/** Rows a bulk edit applies to: the prompts of a filter, or an explicit list of prompt or rollout ids. */
export const BulkSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filter'), filter: PromptFilter }).strict(),
  z
    .object({
      kind: z.literal('ids'),
      target: z.enum(['prompt', 'rollout']),
      ids: z.array(Int.positive()).min(1).max(1_000_000),
    })
    .strict(),
]);
export type BulkSelection = z.infer<typeof BulkSelection>;

export const BulkLabelInput = z
  .object({
    selection: BulkSelection,
    labelId: Int.positive(),
    action: z.enum(['add', 'remove']),
    annotator: Annotator,
  })
  .strict();

export const BulkPreview = z.object({ matched: Int, willChange: Int });
export type BulkPreview = z.infer<typeof BulkPreview>;
export const BulkResult = BulkPreview.extend({ batchId: Int.nullable() });
export type BulkResult = z.infer<typeof BulkResult>;

export const HistoryBatch = z.object({
  id: Int,
  annotator: z.string(),
  kind: z.enum(['edit', 'bulk', 'undo', 'redo']),
  description: z.string(),
  reverts: Int.nullable(),
  changeCount: Int,
  createdAt: z.string(),
});
export type HistoryBatch = z.infer<typeof HistoryBatch>;

export const HistoryEntry = z.object({
  changeId: Int,
  batchId: Int,
  batchKind: HistoryBatch.shape.kind,
  annotator: z.string(),
  at: z.string(),
  target: LabelTarget,
  itemId: Int,
  span: z.object({ start: Int, end: Int }).nullable(),
  field: z.enum(['label', 'note', 'gold_answer']),
  labelId: Int.nullable(),
  labelName: z.string().nullable(),
  /** Label: 'on' / 'off'. Note and gold answer: the text, null when absent. */
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const UndoStatus = z.object({
  annotator: z.string(),
  undo: HistoryBatch.nullable(),
  redo: HistoryBatch.nullable(),
});
export type UndoStatus = z.infer<typeof UndoStatus>;

export const UndoResult = z.object({
  /** The new undo (or redo) batch; null when there was nothing to undo (redo). */
  batch: HistoryBatch.nullable(),
  reverted: Int,
  /** Changes left alone because someone changed the same value since (only gold answers are shared). */
  skipped: Int,
});
export type UndoResult = z.infer<typeof UndoResult>;

export const Settings = z.object({
  annotator: z.string(),
  /** True while the annotator is the OS user name (nothing was set). */
  annotatorIsDefault: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const AnnotatorSummary = z.object({ annotator: z.string(), promptLabels: Int, rolloutLabels: Int, notes: Int });
export type AnnotatorSummary = z.infer<typeof AnnotatorSummary>;

/** Agreement per label over the items every compared annotator labelled (with any label of the target). */
export const AgreementReport = z.object({
  target: z.enum(['prompt', 'rollout']),
  annotators: z.array(z.string()),
  /** Items labelled by every annotator in `annotators`. */
  items: Int,
  method: z.enum(['cohen', 'fleiss']).nullable(),
  labels: z.array(
    z.object({
      labelId: Int,
      name: z.string(),
      /** null when undefined: fewer than two annotators or items, or chance agreement is 1 (no variation). */
      kappa: z.number().nullable(),
      observedAgreement: z.number().nullable(),
      /** How many of the items each annotator gave this label, in `annotators` order. */
      positives: z.array(Int),
    }),
  ),
});
export type AgreementReport = z.infer<typeof AgreementReport>;
