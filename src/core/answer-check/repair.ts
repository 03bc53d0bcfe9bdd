// Repairs LaTeX whose backslash was eaten by a string escape: "\frac" written into JSON or a Python
// literal with one backslash arrives as form feed + "rac", "\times" as tab + "imes", "\boxed" as
// backspace + "oxed". Such copies exist in public answer files (e.g. an AIME 2025 mirror).

/** Control characters that never occur in real answers: always restored. */
const ALWAYS: Record<string, string> = {
  '\x07': 'a', // Python "\a"  (\alpha, \approx)
  '\x08': 'b', // "\b"  (\boxed, \beta, \binom)
  '\x0b': 'v', // Python "\v"  (\vec, \varphi)
  '\x0c': 'f', // "\f"  (\frac, \fbox)
};

/**
 * Tab, carriage return and newline are legitimate text, so they are restored only in front of the
 * rest of a LaTeX command name (\times, \right, \neq …).
 */
const GUARDED: Array<[RegExp, string]> = [
  [/\t(?=(?:imes|ext|extbf|extit|frac|heta|au|an|o|riangle|ilde|binom)(?![a-z]))/g, '\\t'],
  [/\r(?=(?:ight|ho|angle|m|ceil|floor|brace|brack|Rightarrow|ightarrow)(?![a-z]))/g, '\\r'],
  [/\n(?=(?:eq|e|u|abla|eg|ot|i|otin|leq|geq|mid|parallel|subseteq)(?![a-z]))/g, '\\n'],
];

// eslint-disable-next-line no-control-regex -- control characters are what this module looks for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\t\r\n]/;
// eslint-disable-next-line no-control-regex -- as above
const ALWAYS_RE = /[\x07\x08\x0b\x0c]/g;

/**
 * `mode: 'answer'` also restores `\n` before `eq`, `u`, `abla` …; a whole response keeps its
 * newlines (`'response'`), where such a guess would be wrong too often.
 */
export function repairControlChars(s: string, mode: 'answer' | 'response' = 'answer'): string {
  if (!CONTROL.test(s)) return s;
  let out = s.replace(ALWAYS_RE, (c) => `\\${ALWAYS[c] ?? ''}`);
  const rules = mode === 'answer' ? GUARDED : GUARDED.slice(0, 2);
  for (const [re, replacement] of rules) out = out.replace(re, replacement);
  return out;
}
