// Mixed text and math. Plain text stays React text nodes (inert, whatever the dataset holds); only KaTeX's
// own output, produced with trust:false, is inserted as HTML.
import { useMemo } from 'react';
import { gluePunctuation } from './glue-punctuation';
import { renderMath } from './render-math';
import { tokenizeMath } from './tokenize-math';

export function MathText({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const items = useMemo(() => gluePunctuation(tokenizeMath(text)), [text]);
  return (
    <div className={['math-text', className].filter(Boolean).join(' ')} data-testid={testId}>
      {items.map((item, index) => {
        if (item.kind === 'text') return <span key={index}>{item.text}</span>;
        const html = renderMath(item.tex, item.display);
        if (html === null)
          return (
            <span
              key={index}
              className="math-fallback"
            >{`${item.display ? `$$${item.tex}$$` : `$${item.tex}$`}${item.after}`}</span>
          );
        if (item.display)
          return <div key={index} className="math-display" dangerouslySetInnerHTML={{ __html: html }} />;
        return (
          <span key={index} className="math-glued">
            <span className="math-inline" dangerouslySetInnerHTML={{ __html: html }} />
            {item.after}
          </span>
        );
      })}
    </div>
  );
}
