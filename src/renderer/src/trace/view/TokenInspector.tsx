// The token under the pointer (or the keyboard cursor): its text, index and every signal's value there.
import type { TraceLayout } from '../model/trace-model';
import { describeTokenText } from '../model/anchors';
import { formatValue } from './format';

export function TokenInspector({
  layout,
  piece,
  selected,
}: {
  layout: TraceLayout;
  piece: number | null;
  selected: string | null;
}) {
  const { table } = layout;
  const n = table.starts.length - 1;
  if (piece === null || piece < 0 || piece >= n) {
    return (
      <div className="inspector muted small" data-testid="token-info" data-piece="">
        {n === 0
          ? 'No tokens.'
          : table.pseudo
            ? 'Point at a piece to see its values.'
            : 'Point at a token (or press ← →) to see its values.'}
      </div>
    );
  }
  const text = table.text.slice(table.starts[piece], table.starts[piece + 1]);
  const kind = table.pseudo ? 'Piece' : 'Token';
  return (
    <div className="inspector small" data-testid="token-info" data-piece={piece} aria-live="polite">
      <span className="inspector__index">
        {kind} {piece.toLocaleString('en-US')} / {n.toLocaleString('en-US')}
      </span>
      <code className="inspector__text" data-testid="token-info-text">
        {describeTokenText(text)}
      </code>
      <span className="inspector__chars muted">
        chars {table.responseStarts[piece]}–{table.responseStarts[piece + 1]}
        {table.approximate ? ' (approx.)' : ''}
      </span>
      <dl className="inspector__values">
        {layout.signals.map((s) => (
          <div
            key={s.name}
            className={s.name === selected ? 'inspector__value inspector__value--selected' : 'inspector__value'}
            data-signal={s.name}
          >
            <dt>{s.name}</dt>
            <dd data-testid={`token-value-${s.name}`}>{formatValue(s.values[piece] ?? Number.NaN)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
