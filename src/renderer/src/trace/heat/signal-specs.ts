// How each signal is read. The token-level RM (OREAL, formats-and-domain §1.7 and §3) logs one raw logit
// per token (diverging around 0: above means "this trace looks correct so far"); its running probability
// sigmoid(cumulative mean) is diverging around the 0.5 decision threshold; the importance weight the loss
// applied is 0..1, credit on a correct rollout and blame on an incorrect one. Log-probabilities and
// entropy are sequential. Span signals from PRM800K (step ratings -1/0/1) and math-aps (Monte-Carlo prefix
// values 0..1) read like a logit and a probability. Any other signal is diverging around 0 when its
// values take both signs and sequential otherwise.
import type { PaletteName } from './palettes';

export type SignalSpec =
  | {
      kind: 'diverging';
      name: string;
      label: string;
      description: string;
      center: number;
      /** Half-width of the natural range (0.5 for a probability); null: taken from the data. */
      naturalRadius: number | null;
    }
  | {
      kind: 'sequential';
      name: string;
      label: string;
      description: string;
      palette: PaletteName;
      /** The unremarkable end of the scale. */
      neutral: number | null;
      /** The remarkable end (may be below `neutral`, e.g. very negative log-probabilities); null: from the data. */
      extreme: number | null;
      /** Where the remarkable end lies when it comes from the data. */
      direction: 'up' | 'down';
    };

export interface ValueRange {
  min: number;
  max: number;
}

/** is_weight's hue says what the weight did: credit on a correct rollout, blame on an incorrect one. */
export function weightPalette(correct: boolean | null): PaletteName {
  if (correct === true) return 'cred';
  if (correct === false) return 'blame';
  return 'vir';
}

export function signalSpec(name: string, range: ValueRange | null, correct: boolean | null): SignalSpec {
  switch (name) {
    case 'rm_logit':
      return {
        kind: 'diverging',
        name,
        label: 'RM logit',
        description: 'Token-level reward-model logit; above 0 leans correct, below 0 incorrect.',
        center: 0,
        naturalRadius: null,
      };
    case 'rm_prob':
      return {
        kind: 'diverging',
        name,
        label: 'RM running probability',
        description:
          'sigmoid(running mean of RM logits): the RM’s belief so far that the trace is ' +
          'correct; 0.5 is the decision threshold.',
        center: 0.5,
        naturalRadius: 0.5,
      };
    case 'is_weight':
      return {
        kind: 'sequential',
        name,
        label: 'Importance weight',
        description:
          correct === false
            ? 'Blame OREAL’s loss put on each token of this incorrect rollout (0–1).'
            : correct === true
              ? 'Credit OREAL’s loss gave each token of this correct rollout (0–1).'
              : 'Importance weight (0–1); the rollout’s correctness is unknown.',
        palette: weightPalette(correct),
        neutral: 0,
        extreme: 1,
        direction: 'up',
      };
    case 'logprob':
      return {
        kind: 'sequential',
        name,
        label: 'Log-probability',
        description: 'The policy’s log-probability of each token; darker is more surprising.',
        palette: 'civ',
        neutral: 0,
        extreme: null,
        direction: 'down',
      };
    case 'entropy':
      return {
        kind: 'sequential',
        name,
        label: 'Entropy',
        description: 'The policy’s entropy at each token; darker is more uncertain.',
        palette: 'civ',
        neutral: 0,
        extreme: null,
        direction: 'up',
      };
    case 'step_rating':
      return {
        kind: 'diverging',
        name,
        label: 'Step rating',
        description: 'Human rating of each reasoning step (PRM800K): −1 wrong, 0 neutral, +1 good.',
        center: 0,
        naturalRadius: 1,
      };
    case 'mc_value':
      return {
        kind: 'diverging',
        name,
        label: 'Prefix value',
        description: 'Monte-Carlo estimate that the solution prefix reaches the right answer (math-aps).',
        center: 0.5,
        naturalRadius: 0.5,
      };
    default:
      if (range && range.min < 0 && range.max > 0)
        return {
          kind: 'diverging',
          name,
          label: name,
          description: 'Signal taking both signs, centred on 0.',
          center: 0,
          naturalRadius: null,
        };
      return {
        kind: 'sequential',
        name,
        label: name,
        description: 'Signal shown from its smallest to its largest value.',
        palette: 'vir',
        neutral: null,
        extreme: null,
        direction: 'up',
      };
  }
}
