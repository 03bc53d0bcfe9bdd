// rl-curator check-answer PRED GOLD [--percent always|when-marked|never] [--multiple] [--json]
// Exit 0 when PRED is equivalent to GOLD, 1 when it is not, 2 on a bad command line. No workspace.
import { checkAnswer, VERIFIER_VERSION } from '../../core/answer-check/index';
import type { CheckOptions } from '../../core/answer-check/index';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { UsageError } from '../usage-error';

const PERCENT_MODES = ['always', 'when-marked', 'never'] as const;
type PercentMode = (typeof PERCENT_MODES)[number];
/** The check ran and said no: the same code as a failure, so `check-answer a b && …` reads naturally. */
const NOT_EQUIVALENT = 1;

interface CheckArgs {
  pred: string;
  gold: string;
  options: CheckOptions;
  json: boolean;
}

/**
 * Answers often start with a minus sign ("-2", "-\frac12"), so anything that is not one of the known
 * flags is an answer; `--` ends the flags explicitly.
 */
export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const positionals: string[] = [];
  const options: CheckOptions = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--multiple') options.isMultipleAnswer = true;
    else if (arg === '--no-symbolic') options.symbolic = false;
    else if (arg === '--percent' || arg.startsWith('--percent=')) {
      const value = arg === '--percent' ? args[++i] : arg.slice('--percent='.length);
      if (!(PERCENT_MODES as readonly string[]).includes(value ?? ''))
        throw new UsageError(`--percent must be one of ${PERCENT_MODES.join(', ')}.`);
      options.percentLeniency = value as PercentMode;
    } else positionals.push(arg);
  }
  if (positionals.length !== 2)
    throw new UsageError(
      `Give exactly two answers, PRED and GOLD (got ${positionals.length}); quote answers with spaces.`,
    );
  return { pred: positionals[0] as string, gold: positionals[1] as string, options, json };
}

export const checkAnswerCommand: Command = {
  path: ['check-answer'],
  summary: 'Check whether a predicted answer equals a gold answer (exit 0 if equivalent, 1 if not)',
  usage: 'rl-curator check-answer PRED GOLD [--percent always|when-marked|never] [--multiple] [--no-symbolic] [--json]',
  async run(args) {
    const { pred, gold, options, json } = parseCheckArgs(args);
    const r = checkAnswer(pred, gold, options);
    if (json) {
      const out = {
        equivalent: r.equivalent,
        stage: r.stage,
        reason: r.reason,
        predNormalized: r.predNormalized,
        goldNormalized: r.goldNormalized,
        verifierVersion: VERIFIER_VERSION,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      process.stdout.write(`${r.equivalent ? 'equivalent' : 'not equivalent'}\n`);
      process.stdout.write(`  stage: ${r.stage}\n  reason: ${r.reason}\n`);
      const quote = (text: string | null) => (text === null ? '(none)' : `"${text}"`);
      process.stdout.write(`  normalised: ${quote(r.predNormalized)} vs ${quote(r.goldNormalized)}\n`);
    }
    return r.equivalent ? EXIT.OK : NOT_EQUIVALENT;
  },
};
