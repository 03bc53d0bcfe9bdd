// A rollout's re-verification verdict as a badge beside the log's verdict: the re-check's own verdict
// in a word and a symbol, highlighted when it disagrees with the log; the details go in the tooltip.
import type { RolloutVerdict } from '../../../shared/verification';

export type RecheckTone = 'agree' | 'disagree' | 'ok' | 'bad';

export interface RecheckBadgeView {
  text: string;
  tone: RecheckTone;
  title: string;
}

const GOLD_SOURCES: Record<RolloutVerdict['goldSource'], string> = {
  correction: 'the curator’s corrected gold answer',
  prompt: 'the prompt set’s gold answer',
  log: 'the log’s gold answer',
  none: 'no gold answer',
};

export function recheckBadge(verdict: RolloutVerdict): RecheckBadgeView {
  const text = verdict.equivalent ? 're-check ✓' : 're-check ✗';
  const answer =
    verdict.extractedAnswer === null ? 'no answer found' : `answer ${verdict.extractedAnswer} (${verdict.rule})`;
  const details = [
    answer,
    `against ${GOLD_SOURCES[verdict.goldSource]}${verdict.goldAnswer === null ? '' : ` ${verdict.goldAnswer}`}`,
    `${verdict.stage}: ${verdict.reason}`,
    ...(verdict.truncated ? ['truncated: counts as wrong'] : []),
  ].join('\n');
  switch (verdict.agreement) {
    case 'loggedCorrectRecheckWrong':
      return { text, tone: 'disagree', title: `Logged correct, the re-check says wrong.\n${details}` };
    case 'loggedWrongRecheckRight':
      return { text, tone: 'disagree', title: `Logged wrong, the re-check says right.\n${details}` };
    case 'agree':
      return { text, tone: 'agree', title: `The re-check agrees with the log.\n${details}` };
    case 'ungraded':
      return { text, tone: verdict.equivalent ? 'ok' : 'bad', title: `The log has no reward.\n${details}` };
  }
}
