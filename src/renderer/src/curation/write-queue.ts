// Curation writes leave one at a time, in the order they were made: a label pressed twice quickly is
// toggled twice (not raced), and an undo never overtakes the write it should revert.
let tail: Promise<unknown> = Promise.resolve();

export function enqueueWrite<T>(write: () => Promise<T>): Promise<T> {
  const next = tail.then(write, write);
  tail = next.catch(() => undefined);
  return next;
}
