// KaTeX rendering for untrusted dataset LaTeX. The options are the safe set from the KaTeX security
// notes: no \href/\url/\htmlClass (trust:false), caps on sizes and macro expansion, and a fresh macros
// object per call because \gdef would otherwise leak definitions from one prompt into the next.
import katex from 'katex';
import { LruCache } from '../../../shared/lru-cache';

export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 500,
  output: 'html',
  errorColor: '#b42318',
} as const;

const cache = new LruCache<string, string | null>(500);

/** KaTeX HTML for one formula, or null when KaTeX could not render it (show the source as text then). */
export function renderMath(tex: string, display: boolean): string | null {
  const key = `${display ? 'D' : 'I'}:${tex}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let html: string | null;
  try {
    html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display, macros: {} });
  } catch {
    // throwOnError:false renders parse errors inline, but other failures (e.g. internal errors) still
    // throw; the caller falls back to plain text. The error message is never shown as HTML.
    html = null;
  }
  cache.set(key, html);
  return html;
}
