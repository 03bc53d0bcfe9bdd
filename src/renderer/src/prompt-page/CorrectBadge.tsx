// Correctness as a badge with a word and a symbol, never colour alone.
export function CorrectBadge({ correct }: { correct: boolean | null }) {
  if (correct === null)
    return (
      <span className="badge badge--neutral" data-correct="">
        ungraded
      </span>
    );
  return correct ? (
    <span className="badge badge--ok" data-correct="true">
      ✓ correct
    </span>
  ) : (
    <span className="badge badge--bad" data-correct="false">
      ✗ incorrect
    </span>
  );
}
