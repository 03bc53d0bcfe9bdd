// Splits dataset text into plain-text and math segments so that only the math goes through KaTeX and
// everything else stays an inert React text node. Dataset LaTeX is often sloppy or truncated (rollouts
// cut at max tokens), so the rules are forgiving: an opener without a matching closer is just text.
//
// Delimiters: $$…$$ and \[…\] (display), $…$ and \(…\) (inline). `\$` is a literal dollar sign, both in
// text (shown as "$") and inside math (left for KaTeX). A backslash always consumes the next character,
// so `\\(` is a LaTeX line break followed by "(" and never opens math.

export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

interface Opener {
  open: string;
  close: string;
  display: boolean;
}

const OPENERS: readonly Opener[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

export function tokenizeMath(input: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let text = '';
  const flushText = () => {
    if (text) segments.push({ kind: 'text', text });
    text = '';
  };

  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\' && input[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    const opener = openerAt(input, i);
    if (opener) {
      const end = findClose(input, i + opener.open.length, opener);
      if (end !== -1) {
        const tex = input.slice(i + opener.open.length, end);
        if (tex.trim() !== '') {
          flushText();
          segments.push({ kind: 'math', tex, display: opener.display });
          i = end + opener.close.length;
          continue;
        }
      }
      // Unclosed or empty: the opener is ordinary text and scanning carries on after it.
      text += opener.open;
      i += opener.open.length;
      continue;
    }
    if (ch === '\\' && i + 1 < input.length) {
      text += input.slice(i, i + 2);
      i += 2;
      continue;
    }
    text += ch;
    i += 1;
  }
  flushText();
  return segments;
}

function openerAt(input: string, i: number): Opener | undefined {
  return OPENERS.find((o) => input.startsWith(o.open, i));
}

/** Index of the closing delimiter, or -1. Backslash pairs are skipped so `\$` and `\\` never close. */
function findClose(input: string, from: number, opener: Opener): number {
  let j = from;
  while (j < input.length) {
    if (input.startsWith(opener.close, j) && isValidClose(input, j, opener)) return j;
    const ch = input[j];
    if (ch === '\\') {
      j += 2;
      continue;
    }
    // Inline $ math never spans a blank line: a stray dollar must not swallow the next paragraph.
    if (opener.open === '$' && ch === '\n' && /^\n[ \t]*\n/.test(input.slice(j, j + 64))) return -1;
    j += 1;
  }
  return -1;
}

function isValidClose(input: string, j: number, opener: Opener): boolean {
  if (opener.open !== '$') return true;
  // "$5 and $10": a dollar followed by a digit reads as currency, not as the end of math.
  const next = input[j + 1];
  return next === undefined || !/[0-9]/.test(next);
}

/** Whether any segment is math (the detail pane shows a raw-source toggle only then). */
export function hasMath(segments: readonly MathSegment[]): boolean {
  return segments.some((s) => s.kind === 'math');
}
