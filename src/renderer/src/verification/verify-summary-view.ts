// The numbers shown after a Re-verify job (and before one, for what is already verified), from
// 'verify.summary': how many rollouts were checked, how often the re-check agrees with the log, the
// disagreements in each direction, and the suspect gold answers.
import type { VerifySummary } from '../../../shared/verification';
import { formatShare } from './answer-clusters';

export interface SummaryRow {
  key: keyof VerifySummary | 'agreementRate';
  label: string;
  value: string;
  /** Rows that call for a look (disagreements, suspect golds) when non-zero. */
  attention: boolean;
  hint?: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Agreeing verdicts over graded, verified rollouts; null when none is graded. */
export function agreementRate(summary: VerifySummary): number | null {
  const graded = summary.agree + summary.loggedCorrectRecheckWrong + summary.loggedWrongRecheckRight;
  return graded > 0 ? summary.agree / graded : null;
}

export function summaryRows(summary: VerifySummary): SummaryRow[] {
  const rate = agreementRate(summary);
  const rows: SummaryRow[] = [
    {
      key: 'verified',
      label: 'Rollouts re-verified',
      value: `${count(summary.verified)} of ${count(summary.rollouts)}`,
      attention: false,
    },
    { key: 'agree', label: 'Agree with the log', value: count(summary.agree), attention: false },
    {
      key: 'agreementRate',
      label: 'Agreement',
      value: rate === null ? '—' : formatShare(rate),
      attention: false,
      hint: 'Of the graded rollouts re-verified.',
    },
    {
      key: 'loggedCorrectRecheckWrong',
      label: 'Logged correct, re-check wrong',
      value: count(summary.loggedCorrectRecheckWrong),
      attention: summary.loggedCorrectRecheckWrong > 0,
      hint: 'Rewarded in the log but failing the re-check: often a lenient judge.',
    },
    {
      key: 'loggedWrongRecheckRight',
      label: 'Logged wrong, re-check right',
      value: count(summary.loggedWrongRecheckRight),
      attention: summary.loggedWrongRecheckRight > 0,
      hint: 'Not rewarded in the log but passing the re-check: a grader’s false negative.',
    },
    { key: 'ungraded', label: 'Ungraded in the log', value: count(summary.ungraded), attention: false },
    { key: 'noAnswer', label: 'No extractable answer', value: count(summary.noAnswer), attention: false },
    { key: 'truncated', label: 'Truncated', value: count(summary.truncated), attention: false },
    {
      key: 'suspectGold',
      label: 'Suspect gold answers',
      value: count(summary.suspectGold),
      attention: summary.suspectGold > 0,
      hint: 'Prompts whose rollouts agree on another answer.',
    },
  ];
  if (summary.staleVersion > 0) {
    rows.push({
      key: 'staleVersion',
      label: 'From an older verifier',
      value: count(summary.staleVersion),
      attention: true,
      hint: `Re-verify to check them with ${summary.verifierVersion}.`,
    });
  }
  return rows;
}
