// The labels of one target as toggle chips: filled = applied by me; "+name" = also applied by others.
import type { LabelDef } from '../../../shared/curation';
import type { ItemMarks } from './annotation-view';
import { othersByLabel } from './annotation-view';
import { LabelChip } from './LabelChip';

interface LabelTogglesProps {
  labels: readonly LabelDef[];
  marks: ItemMarks | null;
  mine: ReadonlySet<number>;
  annotator: string | null;
  onToggle(labelId: number): void;
  /** The key shown on each chip (review mode: its number). */
  keyFor?(labelId: number): string | null;
  testId?: string;
}

export function LabelToggles({
  labels,
  marks,
  mine,
  annotator,
  onToggle,
  keyFor,
  testId = 'label-toggles',
}: LabelTogglesProps) {
  const others = marks ? othersByLabel(marks, annotator) : new Map<number, string[]>();
  if (labels.length === 0)
    return <p className="muted small">No labels for this kind of item yet: add some under Labels.</p>;
  return (
    <div className="label-toggles" data-testid={testId} data-loaded={marks ? 'true' : 'false'}>
      {labels.map((def) => {
        const by = others.get(def.id) ?? [];
        return (
          <LabelChip
            key={def.id}
            name={def.name}
            color={def.color}
            on={mine.has(def.id)}
            hint={keyFor?.(def.id) ?? null}
            extra={by.length > 0 ? `+${by.join(', ')}` : undefined}
            title={
              [def.description, by.length > 0 ? `Also applied by ${by.join(', ')}` : ''].filter(Boolean).join('\n') ||
              undefined
            }
            disabled={!marks}
            onToggle={() => onToggle(def.id)}
            testId={`label-toggle-${def.name}`}
          />
        );
      })}
    </div>
  );
}
