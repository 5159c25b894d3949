import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../__generated__/graphql';

/** A GraphQL or transport error, with the gateway's `extensions.code` / `param` when it sent them. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface SubscriptionSink<T> {
  next(data: T): void;
  error(error: ApiError): void;
}

interface GraphQLErrorJson {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown; readonly param?: unknown };
}

function toApiError(errors: readonly GraphQLErrorJson[] | undefined, fallback: string): ApiError {
  const first = errors?.[0];
  const message = typeof first?.message === 'string' ? first.message : fallback;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'internal_error';
  const param = typeof first?.extensions?.param === 'string' ? first.extensions.param : null;
  return new ApiError(message, code, param);
}

/** graphql-ws closes with 4403 when connection_init carries no valid key or the key was revoked (src/http/graphql-ws.ts). */
const WS_FORBIDDEN = 4403;

/**
 * The console's one connection to the gateway: queries and mutations over
 * HTTP POST /graphql with the key as Bearer, subscriptions over graphql-ws on
 * the same path with the key in connection_init. Only the page's own origin is
 * ever contacted.
 */
export class GatewayClient {
  private readonly ws: Client;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private state: ConnectionState = 'closed';
  private everConnected = false;

  constructor(
    private readonly key: string,
    private readonly onUnauthorized: () => void,
    private readonly origin: string = window.location.origin,
  ) {
    this.ws = createClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { authorization: `Bearer ${key}` },
      lazy: true,
      // Keep the socket a little after the last subscription ends, so switching views does not reconnect.
      lazyCloseTimeout: 3_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (event) => !isCloseEvent(event, WS_FORBIDDEN),
      on: {
        connecting: () => this.setState(this.everConnected ? 'reconnecting' : 'connecting'),
        connected: () => {
          this.everConnected = true;
          this.setState('live');
        },
        closed: (event) => {
          if (isCloseEvent(event, WS_FORBIDDEN)) this.onUnauthorized();
          this.setState('closed');
        },
      },
    });
  }

  async request<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
    let response: Response;
    try {
      response = await fetch(`${this.origin}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${this.key}`,
        },
        body: JSON.stringify({ query: document.toString(), variables }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('The gateway cannot be reached', 'network_error');
    }
    const body = (await response.json().catch(() => ({}))) as { data?: R | null; errors?: GraphQLErrorJson[] };
    if (response.status === 401) {
      this.onUnauthorized();
      throw toApiError(body.errors, 'Missing or invalid API key');
    }
    if (body.errors !== undefined && body.errors.length > 0) throw toApiError(body.errors, `Request failed (${response.status})`);
    if (body.data === undefined || body.data === null) throw new ApiError(`Request failed (${response.status})`, 'internal_error');
    return body.data;
  }

  /** Starts a subscription; the returned function ends it. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, sink: SubscriptionSink<R>): () => void {
    return this.ws.subscribe<R>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors !== undefined && result.errors.length > 0) sink.error(toApiError(result.errors, 'Subscription failed'));
          else if (result.data !== undefined && result.data !== null) sink.next(result.data);
        },
        error: (error) => sink.error(errorOfSocket(error)),
        complete: () => undefined,
      },
    );
  }

  onConnectionState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  dispose(): void {
    void this.ws.dispose();
    this.stateListeners.clear();
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function isCloseEvent(value: unknown, code: number): boolean {
  return typeof value === 'object' && value !== null && 'code' in value && (value as { code: unknown }).code === code;
}

function errorOfSocket(error: unknown): ApiError {
  if (Array.isArray(error)) return toApiError(error as GraphQLErrorJson[], 'Subscription failed');
  if (isCloseEvent(error, WS_FORBIDDEN)) return new ApiError('The API key was refused', 'forbidden');
  return new ApiError('The live connection to the gateway was lost', 'network_error');
}
