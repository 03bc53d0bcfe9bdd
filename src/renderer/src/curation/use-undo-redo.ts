// The current annotator's undo and redo: what the next undo would revert (for the button's title), and
// the two actions. A bulk edit is one batch, so one undo reverts all of it.
import { useCallback, useEffect, useState } from 'react';
import type { UndoResult, UndoStatus } from '../../../shared/curation';
import { useServices } from '../app-context';
import { enqueueWrite } from './write-queue';

export interface UndoRedo {
  status: UndoStatus | null;
  /** What the last undo or redo did, for a short message. */
  lastResult: { action: 'undo' | 'redo'; result: UndoResult } | null;
  undo(): Promise<UndoResult | null>;
  redo(): Promise<UndoResult | null>;
}

export function useUndoRedo(): UndoRedo {
  const services = useServices();
  const [status, setStatus] = useState<UndoStatus | null>(null);
  const [version, setVersion] = useState(0);
  const [lastResult, setLastResult] = useState<UndoRedo['lastResult']>(null);

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'labels' || scope === 'settings') setVersion((v) => v + 1);
      }),
    [services],
  );

  useEffect(() => {
    let current = true;
    void services.transport.call('history.status', {}).then((result) => {
      if (!current) return;
      if (result.ok) setStatus(result.value);
      else services.reportError(result.error);
    });
    return () => {
      current = false;
    };
  }, [services, version]);

  const run = useCallback(
    async (action: 'undo' | 'redo') => {
      const result = await enqueueWrite(() =>
        services.transport.call(action === 'undo' ? 'history.undo' : 'history.redo', {}),
      );
      if (!result.ok) {
        services.reportError(result.error);
        return null;
      }
      setLastResult({ action, result: result.value });
      setVersion((v) => v + 1);
      return result.value;
    },
    [services],
  );

  return {
    status,
    lastResult,
    undo: useCallback(() => run('undo'), [run]),
    redo: useCallback(() => run('redo'), [run]),
  };
}
