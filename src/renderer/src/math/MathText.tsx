// Mixed text and math. Plain text stays React text nodes (inert, whatever the dataset holds); only KaTeX's
// own output, produced with trust:false, is inserted as HTML.
import { useMemo } from 'react';
import { renderMath } from './render-math';
import { tokenizeMath } from './tokenize-math';

export function MathText({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const segments = useMemo(() => tokenizeMath(text), [text]);
  return (
    <div className={['math-text', className].filter(Boolean).join(' ')} data-testid={testId}>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        const html = renderMath(segment.tex, segment.display);
        if (html === null) return <span key={index} className="math-fallback">{segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`}</span>;
        const Tag = segment.display ? 'div' : 'span';
        return <Tag key={index} className={segment.display ? 'math-display' : 'math-inline'} dangerouslySetInnerHTML={{ __html: html }} />;
      })}
    </div>
  );
}
