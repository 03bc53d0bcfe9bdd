// Stored with every verdict, so verdicts from an older verifier can be told apart and re-run.
// Bump it with any change that can alter a verdict: extraction, normalisation or equivalence.
export const VERIFIER_VERSION = 'rl-curator-verify/1';
