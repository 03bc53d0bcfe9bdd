// The native rollout format's field names (docs/rollout-format.md, docs/rollout-format.schema.json).
// A test checks that the JSON Schema lists exactly these properties.

/** Optional marker a writer may put on every line; a different value is refused (a future version). */
export const NATIVE_FORMAT_TAG = 'rl-curator.rollout.v1';

export const NATIVE_FIELDS = [
  'format',
  'run',
  'step',
  'prompt_id',
  'question',
  'gold_answer',
  'system',
  'group_id',
  'sample_index',
  'response',
  'reward',
  'advantage',
  'finish_reason',
  'truncated',
  'token_count',
  'tokens',
  'token_offsets',
  'signals',
  'spans',
  'extracted_answer',
  'extra',
] as const;
export type NativeField = (typeof NATIVE_FIELDS)[number];

export const NATIVE_REQUIRED: readonly NativeField[] = ['response'];

/** Keys that make a JSON object look like a native rollout (for format detection). */
export const NATIVE_MARKERS: readonly NativeField[] = [
  'signals',
  'tokens',
  'token_offsets',
  'group_id',
  'sample_index',
  'prompt_id',
];

/** Signal names: short, printable; they become labels in the viewer. */
export const SIGNAL_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;
