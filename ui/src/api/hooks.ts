import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../__generated__/graphql';
import { ApiError, type GatewayClient } from './client';

export const ClientContext = createContext<GatewayClient | null>(null);

export function useClient(): GatewayClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}

export interface QueryState<R> {
  /** The latest result; kept while a new request for other variables runs, so pages do not flash empty. */
  readonly data: R | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Runs a query whenever its variables change (compared as JSON); a newer
 * request aborts the one in flight, so a slow answer never overwrites a newer one.
 */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const client = useClient();
  const [data, setData] = useState<R | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  const latest = useRef(variables);
  latest.current = variables;

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    client
      .request(document, latest.current, controller.signal)
      .then((result) => {
        setData(result);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError(String(caught), 'internal_error'));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [client, document, key, generation, options.skip]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
