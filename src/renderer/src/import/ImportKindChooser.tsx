// What the user imports: a prompt set (questions and gold answers) or a rollout log (a model's sampled
// responses, joined to prompt sets by question).
import './import.css';

export type ImportKind = 'prompts' | 'rollouts';

const KINDS: { kind: ImportKind; label: string; hint: string }[] = [
  { kind: 'prompts', label: 'Prompt set', hint: 'questions with gold answers' },
  { kind: 'rollouts', label: 'Rollout log', hint: 'sampled responses with rewards and signals' },
];

export function ImportKindChooser({
  kind,
  disabled,
  onChange,
}: {
  kind: ImportKind;
  disabled: boolean;
  onChange(kind: ImportKind): void;
}) {
  return (
    <div className="import-kind" role="radiogroup" aria-label="What to import" data-testid="import-kind">
      {KINDS.map((k) => (
        <label
          key={k.kind}
          className={k.kind === kind ? 'import-kind__option import-kind__option--on' : 'import-kind__option'}
        >
          <input
            type="radio"
            name="import-kind"
            checked={k.kind === kind}
            disabled={disabled}
            data-testid={`import-kind-${k.kind}`}
            onChange={() => onChange(k.kind)}
          />
          <span className="import-kind__label">{k.label}</span>
          <span className="muted small">{k.hint}</span>
        </label>
      ))}
    </div>
  );
}
