// The export dialog's form as plain data, and its translation into an ExportRequest. Number fields are
// kept as the text the user typed, so a half-typed "0." is not lost; they are parsed here, and every
// problem is reported against the field it belongs to.
import type { PromptFilter } from '../../../shared/domain';
import { DEFAULT_EXPORT_COLUMNS, ExportRequest } from '../../../shared/exports';
import type { ExportColumn, ExportFormat, ExportRequestInput, PassRateRange } from '../../../shared/exports';

export type ExportSource = { kind: 'filter' } | { kind: 'view'; viewId: number } | { kind: 'all' };

export interface SplitRow {
  name: string;
  ratio: string;
}

export interface ExportForm {
  source: ExportSource;
  format: ExportFormat;
  outDir: string;
  baseName: string;
  overwrite: boolean;
  columns: ExportColumn[];
  passRateSource: PassRateRange['source'];
  passMin: string;
  passMinInclusive: boolean;
  passMax: string;
  passMaxInclusive: boolean;
  keepUnknown: boolean;
  excludeLabelIds: number[];
  dedup: boolean;
  /** One prompt per near-duplicate cluster of the latest contamination check. */
  dedupNear: boolean;
  /** Leave out prompts a contamination check flagged (any class). */
  excludeContaminated: boolean;
  splits: SplitRow[];
  seed: string;
  stratify: ExportRequest['stratify'];
  capPerSource: string;
  useCorrectedGold: boolean;
  verlDataSource: string;
  verlAbility: string;
  verlSystemPrompt: string;
  verlPromptTemplate: string;
}

export const FORMAT_TITLES: Record<ExportFormat, string> = {
  'oreal-jsonl': 'OREAL prompts JSONL (question, gold_answer, pass_rate)',
  'verl-parquet': 'verl Parquet (data_source, prompt, ability, reward_model, extra_info)',
  jsonl: 'JSONL with chosen columns',
  csv: 'CSV with chosen columns',
  parquet: 'Parquet with chosen columns',
  'rollouts-jsonl': 'Behaviour-cloning rollouts JSONL (a correct rollout per prompt)',
};

/** Formats whose columns the user picks. */
export const COLUMN_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'parquet'];

export function defaultExportForm(outDir = ''): ExportForm {
  return {
    source: { kind: 'filter' },
    format: 'oreal-jsonl',
    outDir,
    baseName: '',
    overwrite: false,
    columns: [...DEFAULT_EXPORT_COLUMNS],
    passRateSource: 'auto',
    passMin: '',
    passMinInclusive: true,
    passMax: '',
    passMaxInclusive: true,
    keepUnknown: false,
    excludeLabelIds: [],
    dedup: false,
    dedupNear: false,
    excludeContaminated: false,
    splits: [],
    seed: '0',
    stratify: 'none',
    capPerSource: '',
    useCorrectedGold: true,
    verlDataSource: '',
    verlAbility: 'math',
    verlSystemPrompt: '',
    verlPromptTemplate: '{question}',
  };
}

/** The OREAL recipe: keep prompts the policy sometimes solves, 0 < p < 1. */
export function strictlyBetweenZeroAndOne(form: ExportForm): ExportForm {
  return { ...form, passMin: '0', passMinInclusive: false, passMax: '1', passMaxInclusive: false };
}

export type FormErrors = Partial<Record<keyof ExportForm | 'request', string>>;
export type BuiltRequest = { ok: true; request: ExportRequestInput } | { ok: false; errors: FormErrors };

function parseNumber(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * The request for the form and the current filter. `outDir` may be left empty for a preview (the
 * server needs no folder to count).
 */
export function buildExportRequest(
  form: ExportForm,
  currentFilter: PromptFilter,
  purpose: 'preview' | 'start',
): BuiltRequest {
  const errors: FormErrors = {};
  const request: ExportRequestInput = { format: form.format, outDir: form.outDir.trim() };

  if (form.source.kind === 'filter') request.filter = currentFilter;
  else if (form.source.kind === 'view') request.viewId = form.source.viewId;
  if (purpose === 'start' && request.outDir === '')
    errors.outDir = 'Choose a folder on the machine running RL Curator.';

  const baseName = form.baseName.trim();
  if (baseName !== '') {
    if (/^[A-Za-z0-9._-]{1,100}$/.test(baseName)) request.baseName = baseName;
    else errors.baseName = 'Use letters, digits, dot, _ and - (at most 100).';
  }
  if (form.overwrite) request.overwrite = true;
  if (COLUMN_FORMATS.includes(form.format)) {
    if (form.columns.length === 0) errors.columns = 'Pick at least one column.';
    else request.columns = form.columns;
  }

  const min = parseNumber(form.passMin);
  const max = parseNumber(form.passMax);
  if (min === null || (min !== undefined && (min < 0 || min > 1))) errors.passMin = 'A pass rate between 0 and 1.';
  if (max === null || (max !== undefined && (max < 0 || max > 1))) errors.passMax = 'A pass rate between 0 and 1.';
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    errors.passMax = 'The upper bound is below the lower one.';
  request.passRate = {
    source: form.passRateSource,
    minInclusive: form.passMinInclusive,
    maxInclusive: form.passMaxInclusive,
    keepUnknown: form.keepUnknown,
    ...(typeof min === 'number' ? { min } : {}),
    ...(typeof max === 'number' ? { max } : {}),
  };

  if (form.excludeLabelIds.length > 0) request.excludeLabelIds = form.excludeLabelIds;
  if (form.dedup) request.dedup = true;
  if (form.dedupNear) request.dedupNear = true;
  if (form.excludeContaminated) request.excludeContaminated = ['exact', 'templated', 'near'];
  if (form.useCorrectedGold === false) request.useCorrectedGold = false;

  if (form.splits.length > 0) {
    const splits = form.splits.map((s) => ({ name: s.name.trim(), ratio: parseNumber(s.ratio) }));
    if (splits.some((s) => !/^[A-Za-z0-9_-]{1,40}$/.test(s.name)))
      errors.splits = 'Split names use letters, digits, _ and -.';
    else if (new Set(splits.map((s) => s.name)).size !== splits.length)
      errors.splits = 'Split names must be different.';
    else if (splits.some((s) => typeof s.ratio !== 'number' || s.ratio <= 0))
      errors.splits = 'Every ratio is a positive number.';
    else request.splits = splits.map((s) => ({ name: s.name, ratio: s.ratio as number }));
  }
  const seed = parseNumber(form.seed);
  if (seed === null || (seed !== undefined && !Number.isInteger(seed))) errors.seed = 'A whole number.';
  else if (seed !== undefined) request.seed = seed;
  if (form.stratify !== 'none') request.stratify = form.stratify;
  const cap = parseNumber(form.capPerSource);
  if (cap === null || (cap !== undefined && (!Number.isInteger(cap) || cap < 1)))
    errors.capPerSource = 'A whole number of at least 1, or empty for no cap.';
  else if (cap !== undefined) request.capPerSource = cap;

  if (form.format === 'verl-parquet') {
    request.verl = {
      ability: form.verlAbility.trim() || 'math',
      promptTemplate: form.verlPromptTemplate || '{question}',
      ...(form.verlDataSource.trim() ? { dataSource: form.verlDataSource.trim() } : {}),
      ...(form.verlSystemPrompt.trim() ? { systemPrompt: form.verlSystemPrompt } : {}),
    };
    if (!request.verl.promptTemplate?.includes('{question}'))
      errors.verlPromptTemplate = 'The template must contain {question}.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The contract's own checks catch anything this form missed, worded by the schema.
  const checked = ExportRequest.safeParse({ ...request, outDir: request.outDir || 'preview' });
  if (!checked.success)
    return { ok: false, errors: { request: checked.error.issues.map((i) => i.message).join('; ') } };
  return { ok: true, request };
}

/** The preview needs no folder: an empty one is left out rather than sent as "". */
export function previewInput(request: ExportRequestInput): Omit<ExportRequestInput, 'outDir'> & { outDir?: string } {
  const { outDir, ...rest } = request;
  return outDir ? request : rest;
}

/** Split ratios as percentages that add up to 100 (the server normalises the same way). */
export function splitShares(splits: readonly SplitRow[]): number[] {
  const ratios = splits.map((s) => {
    const value = parseNumber(s.ratio);
    return typeof value === 'number' && value > 0 ? value : 0;
  });
  const sum = ratios.reduce((a, b) => a + b, 0);
  return ratios.map((r) => (sum > 0 ? (r / sum) * 100 : 0));
}
