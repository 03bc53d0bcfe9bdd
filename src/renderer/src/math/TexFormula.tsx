// One whole string rendered as a single formula (e.g. a bare-LaTeX gold answer), text if KaTeX fails.
import { renderMath } from './render-math';

export function TexFormula({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const html = renderMath(tex, display);
  if (html === null) return <span data-testid={testId}>{tex}</span>;
  return <span className="math-inline" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
