// One contract call whose answer a component shows: called again when its input changes or when the
// refresh key is another value (compared by identity, so a reloaded object such as the page's prompt
// asks again). While a new answer is on its way the previous one stays (no flicker when the
// workspace changes underneath). Errors are returned, to be shown where the value would be.
import { useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { useServices } from '../app-context';

export type ContractValue<M extends Method> =
  | { state: 'loading'; value: Output<M> | null }
  | { state: 'ready'; value: Output<M> }
  | { state: 'error'; error: RpcError };

interface Asked {
  inputKey: string;
  refreshKey: unknown;
}
type Loaded<M extends Method> = Asked & ({ value: Output<M> } | { error: RpcError });

/** `input` null: no call (nothing to ask yet). */
export function useContractValue<M extends Method>(
  method: M,
  input: Input<M> | null,
  refreshKey: unknown = null,
): ContractValue<M> {
  const services = useServices();
  const inputKey = input === null ? '' : `${method}\n${JSON.stringify(input)}`;
  const [loaded, setLoaded] = useState<Loaded<M> | null>(null);

  useEffect(() => {
    if (inputKey === '') return;
    let current = true;
    const parsed = JSON.parse(inputKey.slice(inputKey.indexOf('\n') + 1)) as Input<M>;
    void services.transport.call(method, parsed).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { inputKey, refreshKey, value: result.value } : { inputKey, refreshKey, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [services, method, inputKey, refreshKey]);

  if (loaded === null || loaded.inputKey !== inputKey) return { state: 'loading', value: null };
  const fresh = Object.is(loaded.refreshKey, refreshKey);
  if ('error' in loaded) return fresh ? { state: 'error', error: loaded.error } : { state: 'loading', value: null };
  return fresh ? { state: 'ready', value: loaded.value } : { state: 'loading', value: loaded.value };
}
