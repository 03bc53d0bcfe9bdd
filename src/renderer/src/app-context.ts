// The transport and the error banner, shared by every component through one context.
import { createContext, useContext } from 'react';
import type { Input, Method, Output } from '../../shared/contract';
import type { RpcError } from '../../shared/errors';
import type { AppTransport } from './transport/types';

export interface AppServices {
  transport: AppTransport;
  reportError(error: RpcError): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices() outside <AppContext.Provider>');
  return services;
}

/** Calls a method; a failure goes to the error banner and yields undefined. */
export async function callOrReport<M extends Method>(
  services: AppServices,
  method: M,
  input: Input<M>,
): Promise<Output<M> | undefined> {
  const result = await services.transport.call(method, input);
  if (result.ok) return result.value;
  services.reportError(result.error);
  return undefined;
}
