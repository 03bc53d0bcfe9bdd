// Answer re-verification: extraction from responses, MATH-style normalisation, staged equivalence
// (exact → numeric → structured → symbolic) and majority voting. Pure logic: no DB, no I/O.
export { checkAnswer } from './equivalence';
export { extractAnswer, lastBoxedContent, DEFAULT_THINK_MARKERS } from './extract';
export type { ExtractOptions, Extraction, ExtractionRule } from './extract';
export { normalizeAnswer } from './normalize';
export { repairControlChars } from './repair';
export { majorityAnswer } from './majority';
export type { AnswerCluster, MajorityOptions, MajorityResult } from './majority';
export { summarizeAnswers, SUSPECT_GOLD_MIN_ROLLOUTS } from './answer-summary';
export type { AnswerSummary, AnswerVote, SummaryCluster } from './answer-summary';
export { verifyResponse } from './verify-response';
export type { ResponseVerdict, VerifyResponseOptions } from './verify-response';
export { benchCases } from './bench-cases';
export type { BenchCases } from './bench-cases';
export type { CheckOptions, CheckResult, VerifyStage } from './types';
export { VERIFIER_VERSION } from './version';
