// Contract handlers for answer re-verification; spread into the core's handler map (../handlers.ts).
// Verdicts are written only by the verification job; the runner announces data.changed when it ends.
import type { Handlers } from '../handlers';
import type { CoreState } from '../state';
import { checkAnswer, VERIFIER_VERSION } from '../answer-check/index';
import { promptAnswerSummary } from './prompt-summary';
import { suspectGoldRows, verifiedRollouts, verifySummary } from './queries';
import type { Scope } from './scope';
import { describeScope } from './scope';
import { VERIFY_JOB_KIND } from './verify-job';
import type { VerifyJobParams } from './verify-job';

export type VerificationMethods =
  | 'verify.start'
  | 'verify.summary'
  | 'verify.rollouts'
  | 'verify.suspectGold'
  | 'verify.promptSummary'
  | 'verify.check';

const scopeOf = (input: { runId?: number | undefined; datasetId?: number | undefined }): Scope => ({
  runId: input.runId ?? null,
  datasetId: input.datasetId ?? null,
});

export function verificationHandlers(state: CoreState): Pick<Handlers, VerificationMethods> {
  const { db, jobs } = state;
  return {
    'verify.start': (input) => {
      const scope = scopeOf(input);
      // Fails fast (NOT_FOUND) before a job exists.
      const label = describeScope(db, scope);
      const params: VerifyJobParams = scope;
      return { jobId: jobs.start(VERIFY_JOB_KIND, `Verify answers: ${label}`, params).id };
    },
    'verify.summary': (input) => {
      const scope = scopeOf(input);
      describeScope(db, scope);
      return verifySummary(db, scope);
    },
    'verify.rollouts': ({ offset, limit, promptId, verdict, ...rest }) => {
      const scope = scopeOf(rest);
      describeScope(db, scope);
      return verifiedRollouts(db, { ...scope, promptId: promptId ?? null, verdict: verdict ?? null }, offset, limit);
    },
    'verify.suspectGold': ({ offset, limit, ...rest }) => {
      const scope = scopeOf(rest);
      describeScope(db, scope);
      return suspectGoldRows(db, scope, offset, limit);
    },
    'verify.promptSummary': ({ promptId, runId }) => promptAnswerSummary(db, promptId, runId ?? null),
    'verify.check': ({ pred, gold, percentLeniency, isMultipleAnswer }) => {
      const r = checkAnswer(pred, gold, {
        ...(percentLeniency ? { percentLeniency } : {}),
        ...(isMultipleAnswer ? { isMultipleAnswer } : {}),
      });
      return {
        equivalent: r.equivalent,
        stage: r.stage,
        reason: r.reason,
        predNormalized: r.predNormalized,
        goldNormalized: r.goldNormalized,
        verifierVersion: VERIFIER_VERSION,
      };
    },
  };
}
