// The side panel's "Re-verification" group as pure edits of PromptFilter.verification. One condition per
// op (all must hold, as the server combines them). The rollout-level ops can be narrowed to one run;
// 'suspectGold' is judged over every run, so it never carries a run. An absent key means no
// restriction: removing the last condition removes the key.
import type { PromptFilter } from '../../../shared/domain';
import type { VerificationCondition } from '../../../shared/verification';

export type VerificationOp = VerificationCondition['op'];

export interface VerificationOption {
  op: VerificationOp;
  title: string;
  /** What the condition means, for the tooltip. */
  hint: string;
}

/** The conditions the panel offers, in the order it lists them. */
export const VERIFICATION_OPTIONS: readonly VerificationOption[] = [
  {
    op: 'loggedCorrectRecheckWrong',
    title: 'Logged correct, re-check wrong',
    hint: 'A rollout the log rewarded fails the re-check (often a lenient LLM judge).',
  },
  {
    op: 'loggedWrongRecheckRight',
    title: 'Logged wrong, re-check right',
    hint: 'A rollout the log did not reward passes the re-check (a grader’s false negative).',
  },
  {
    op: 'suspectGold',
    title: 'Suspect gold answer',
    hint: 'No rollout matches the gold answer while most of them agree on another answer.',
  },
  {
    op: 'noAnswer',
    title: 'No extractable answer',
    hint: 'A rollout whose response has no answer the re-check could extract.',
  },
  { op: 'truncated', title: 'Truncated', hint: 'A rollout cut off by the length limit (counted as wrong).' },
];

const TITLES = new Map<VerificationOp, string>([
  ...VERIFICATION_OPTIONS.map((o): [VerificationOp, string] => [o.op, o.title]),
  ['disagree', 'Re-check disagrees with the log'],
  ['verified', 'Re-verified'],
]);

const runScoped = (op: VerificationOp) => op !== 'suspectGold';

function withConditions(filter: PromptFilter, conditions: VerificationCondition[]): PromptFilter {
  const { verification: _old, ...rest } = filter;
  return conditions.length > 0 ? { ...rest, verification: conditions } : rest;
}

export function isVerificationOpOn(filter: PromptFilter, op: VerificationOp): boolean {
  return (filter.verification ?? []).some((c) => c.op === op);
}

/** Turns one condition on (in run `runId` when given and the op is rollout-level) or off. */
export function setVerificationOp(
  filter: PromptFilter,
  op: VerificationOp,
  on: boolean,
  runId: number | null = null,
): PromptFilter {
  const others = (filter.verification ?? []).filter((c) => c.op !== op);
  if (!on) return withConditions(filter, others);
  const condition: VerificationCondition = runId !== null && runScoped(op) ? { op, runId } : { op };
  return withConditions(filter, [...others, condition]);
}

/** The run the rollout-level conditions are narrowed to (null: any run). */
export function verificationRun(filter: PromptFilter): number | null {
  return (filter.verification ?? []).find((c) => runScoped(c.op) && c.runId !== undefined)?.runId ?? null;
}

/** Narrows every rollout-level condition to `runId`, or widens them to any run (null). */
export function setVerificationRun(filter: PromptFilter, runId: number | null): PromptFilter {
  if (!filter.verification) return filter;
  return withConditions(
    filter,
    filter.verification.map((c) => (runScoped(c.op) && runId !== null ? { op: c.op, runId } : { op: c.op })),
  );
}

export function verificationConditionCount(filter: PromptFilter): number {
  return filter.verification?.length ?? 0;
}

export function clearVerificationFilters(filter: PromptFilter): PromptFilter {
  return withConditions(filter, []);
}

/** "Suspect gold answer", "Truncated (in run-7)": one condition in words, for filter titles. */
export function verificationTitle(
  condition: VerificationCondition,
  runNames: ReadonlyMap<number, string> = new Map(),
): string {
  const title = TITLES.get(condition.op) ?? condition.op;
  if (condition.runId === undefined) return title;
  return `${title} (in ${runNames.get(condition.runId) ?? `run #${condition.runId}`})`;
}
