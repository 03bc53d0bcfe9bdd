// One response against its gold answer: extraction, then equivalence. A truncated response counts
// as wrong, as in OREAL's judger, but its extracted answer is still reported.
import { checkAnswer } from './equivalence';
import { extractAnswer } from './extract';
import type { ExtractOptions, Extraction } from './extract';
import type { CheckOptions, CheckResult } from './types';

export interface ResponseVerdict extends CheckResult {
  extraction: Extraction;
  /** The answer alone would be equivalent, but the response was truncated. */
  rejectedAsTruncated: boolean;
}

export interface VerifyResponseOptions extends ExtractOptions, CheckOptions {
  /** Count truncated responses as wrong (default true). */
  truncatedIsWrong?: boolean;
  /**
   * The log already says whether the generation was cut off (a `truncated` flag without a finish
   * reason); true marks the response truncated even when the text itself cannot tell.
   */
  knownTruncated?: boolean | null;
}

export function verifyResponse(response: string, gold: unknown, options: VerifyResponseOptions = {}): ResponseVerdict {
  const found = extractAnswer(response, options);
  const extraction: Extraction =
    found.truncated || options.knownTruncated !== true
      ? found
      : { ...found, truncated: true, truncationReason: 'marked truncated in the log' };
  const result = checkAnswer(extraction.answer, gold, options);
  if (extraction.truncated && (options.truncatedIsWrong ?? true)) {
    const matched = result.equivalent ? '; the answer itself matched' : '';
    return {
      ...result,
      equivalent: false,
      stage: 'none',
      reason: `truncated (${extraction.truncationReason ?? 'unknown'})${matched}`,
      extraction,
      rejectedAsTruncated: result.equivalent,
    };
  }
  return { ...result, extraction, rejectedAsTruncated: false };
}
