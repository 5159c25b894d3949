import { randomUUID } from 'node:crypto';
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { TOKEN_HEADER_KEY, TOKEN_QUERY_KEY, type Response as SseResponse } from 'graphql-sse';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal.js';

/** The graphql-sse single connection mode on /graphql, and a way to end its streams at shutdown. */
export interface SingleConnectionSse {
  readonly plugin: Plugin;
  /** Ends every open single-connection stream (graceful shutdown; their subscriptions end with the pubsub). */
  close(): void;
}

/** graphql-sse's own answer to an unknown token. */
const NOT_FOUND: SseResponse = [
  JSON.stringify({ errors: [{ message: 'Stream not found', extensions: { code: 'not_found' } }] }),
  { status: 404, statusText: 'Not Found', headers: { 'content-type': 'application/json; charset=utf-8' } },
];

const LENGTH_REQUIRED = JSON.stringify({
  errors: [
    { message: 'A single-connection operation must declare its Content-Length', extensions: { code: 'invalid_parameter', param: 'body' } },
  ],
});

/** The caller the router authenticated, from the server context it handed to yoga (yoga.ts ServerContext). */
function principalOf(serverContext: unknown): Principal | null {
  if (typeof serverContext !== 'object' || serverContext === null || !('principal' in serverContext)) return null;
  return (serverContext as { principal: Principal | null }).principal;
}

/**
 * The GraphQL over SSE protocol (graphql-sse) has two modes. Distinct
 * connections — one `text/event-stream` request per operation — is yoga's own
 * SSE and needs nothing here. Single connection mode is what this adds, on the
 * same /graphql path, with graphql-sse's own server handler (through
 * @graphql-yoga/plugin-graphql-sse): `PUT` reserves a stream and answers its
 * token; a `text/event-stream` request bearing the token opens it; operations
 * are POSTed with the token (`X-GraphQL-Event-Stream-Token`) and an
 * `extensions.operationId`, their results arrive on the stream; `DELETE
 * ?operationId=` stops one. Only those requests — PUT, DELETE, or any request
 * carrying a token — reach the handler; every other /graphql request stays
 * yoga's.
 *
 * Every one of them is an ordinary /graphql request to the router first: the
 * key is checked and the request charged before yoga sees it, and operations
 * run through yoga's envelop pipeline with the context the router passed (the
 * same createContext, limits and error masking as every transport). A token
 * is bound to the key that reserved it (`<keyId>.<uuid>`), so a stream only
 * ever carries results of its own key's operations: another key presenting it
 * is answered as if the stream did not exist.
 */
export function createSingleConnectionSse(): SingleConnectionSse {
  const principals = new WeakMap<Request, Principal>();
  const open = new Set<() => void>();

  const sse = useGraphQLSSE({
    endpoint: '/graphql',
    authenticate: (req) => {
      const principal = principals.get(req.raw);
      if (principal === undefined) return NOT_FOUND;
      if (req.method === 'PUT') return `${principal.keyId}.${randomUUID()}`;
      const token = req.headers.get(TOKEN_HEADER_KEY) ?? new URL(req.url, 'http://localhost').searchParams.get(TOKEN_QUERY_KEY);
      if (token === null) return undefined;
      return token.startsWith(`${principal.keyId}.`) ? token : NOT_FOUND;
    },
  });

  const plugin: Plugin = {
    ...sse,
    onRequest(payload) {
      const { request, url, serverContext, fetchAPI } = payload;
      const singleConnection =
        request.method === 'PUT' ||
        request.method === 'DELETE' ||
        request.headers.has(TOKEN_HEADER_KEY) ||
        url.searchParams.has(TOKEN_QUERY_KEY);
      if (!singleConnection) return undefined;
      // graphql-sse reads an operation's body whole: only a declared length, which the router bounds, is read.
      if (request.method === 'POST' && !request.headers.has('content-length')) {
        return payload.endResponse(
          new fetchAPI.Response(LENGTH_REQUIRED, { status: 411, headers: { 'content-type': 'application/json' } }),
        );
      }
      const principal = principalOf(serverContext);
      if (principal !== null) principals.set(request, principal);
      return sse.onRequest?.({
        ...payload,
        // An event stream's body is made endable, so that shutdown need not wait for its client to leave.
        endResponse: (response) => {
          if (response.body === null || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
            return payload.endResponse(response);
          }
          return payload.endResponse(new fetchAPI.Response(endable(fetchAPI.ReadableStream, response.body, open), response));
        },
      });
    },
  };

  return {
    plugin,
    close() {
      for (const end of [...open]) end();
    },
  };
}

/**
 * A stream body forwarding `source` that can be ended from outside: `end`
 * closes it for the client and cancels the source, which makes graphql-sse
 * drop the stream and its operations. Registered in `open` while it runs.
 */
function endable(Stream: typeof ReadableStream, source: ReadableStream<Uint8Array>, open: Set<() => void>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    open.delete(end);
    controller?.close();
    reader.cancel().catch(() => undefined);
  };
  return new Stream<Uint8Array>({
    start: (c) => {
      controller = c;
      open.add(end);
    },
    pull: async (c) => {
      const { done, value } = await reader.read();
      if (ended) return;
      if (value !== undefined) c.enqueue(value);
      if (done) end();
    },
    cancel: (reason) => {
      ended = true;
      open.delete(end);
      return reader.cancel(reason);
    },
  });
}
