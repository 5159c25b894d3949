import { GraphQLError } from 'graphql';
import { createYoga, useErrorHandler, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Principal } from '../auth/principal.js';
import { storeFailure } from '../db/store-errors.js';
import { DomainError } from '../errors.js';
import { errorMessage, type Logger } from '../logger.js';
import { domainErrorExtensions, graphQLErrorOf } from '../graphql/errors.js';
import { contextFactory, type Context, type LoaderFactories, type Loaders, type Services } from '../graphql/context.js';
import { DEFAULT_GRAPHQL_LIMITS, useGraphQLLimits, withoutSuggestions, type GraphQLLimits } from '../schema.limits.js';
import { schema } from '../schema.js';
import type { KeyWatch } from './key-watch.js';
import { useStoreDeadline } from './store-deadline.js';
import { useSubscriptionRevocation } from './subscription-revocation.js';

/** What each transport hands to yoga before the context is built. */
export interface ServerContext {
  readonly requestId: string;
  readonly principal: Principal | null;
}

export type GraphQLServer = YogaServerInstance<ServerContext, Context>;

function withCode(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, ...extensions },
  });
}

/** yoga's own request-level error codes, in the documented vocabulary. */
const YOGA_CODES: Readonly<Record<string, { code: string; param?: string }>> = {
  BAD_REQUEST: { code: 'invalid_parameter' },
  REQUEST_ENTITY_TOO_LARGE: { code: 'payload_too_large', param: 'body' },
};

/**
 * Error masking stays on: domain errors keep their message and gain the same
 * `code` (and `param`, and `retry_after`) as the REST envelope; store failures
 * become `unavailable` with a fixed message (db/store-errors.ts); everything
 * else is reduced to a generic message. No stack, driver message, host or path
 * reaches a client, in any NODE_ENV: the detail is logged with the request id
 * (useErrorLog).
 */
export function maskError(error: unknown, message: string): Error {
  // Thrown outside a resolver (request parsing, plugins): same mapping, with the HTTP status.
  if (error instanceof DomainError) return graphQLErrorOf(error);
  if (!(error instanceof GraphQLError)) return new GraphQLError(message, { extensions: { code: 'internal_error' } });
  const original = error.originalError;
  if (original instanceof DomainError) {
    return withCode(error, original.message, domainErrorExtensions(original));
  }
  const failure = storeFailure(original);
  if (failure !== null) return withCode(error, failure.message, domainErrorExtensions(failure));
  if (original === undefined || original === null || original instanceof GraphQLError) {
    // Parse, validation and input-coercion errors: the client's own mistake, safe to show.
    const source = original instanceof GraphQLError ? original : error;
    const code = source.extensions.code as string | undefined;
    const mapped = code === undefined ? undefined : YOGA_CODES[code];
    return withCode(error, source.message, mapped ?? { code: code ?? 'invalid_parameter' });
  }
  return withCode(error, message, { code: 'internal_error' });
}

/**
 * Logs what masking hides: each execution error that is not the client's
 * (neither a domain nor a GraphQL error), with the request id the response
 * carries, so `X-Request-Id` leads from an `internal_error` or `unavailable`
 * answer to its cause. Runs before masking, on every transport.
 */
function useErrorLog(log: Logger) {
  return useErrorHandler(({ errors, context, phase }) => {
    if (phase !== 'execution') return;
    const requestId = (context as { contextValue?: Partial<Context> }).contextValue?.requestId;
    for (const error of errors) {
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original === undefined || original === null || original instanceof DomainError || original instanceof GraphQLError) continue;
      const path = error instanceof GraphQLError ? error.path?.join('.') : undefined;
      if (storeFailure(original) !== null) log.warn('store unavailable', { requestId, path, error: errorMessage(original) });
      else log.error('request failed', { requestId, path, error: errorMessage(original) });
    }
  });
}

const DECLARED_LENGTH = /^\d+$/;

/**
 * The request body limit of /graphql, in place of yoga's own, which pipes
 * every body through a counting TransformStream (about 50 µs a request, most
 * of it the stream pipeline's teardown). A body with a valid Content-Length
 * needs no counting: the router has refused a declared size over the limit
 * (assertDeclaredBody) and Node's HTTP parser reads exactly the declared
 * bytes. A body without one (chunked) is counted as it arrives and fails with
 * yoga's 413 error past the limit, which maskError maps like any other.
 */
function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if ((declared !== null && DECLARED_LENGTH.test(declared)) || requestParser === undefined || request.body === null) return;
      const parse = requestParser;
      setRequestParser((req) => {
        const body = req.body;
        if (body === null) return parse(req);
        // A native stream takes the native TransformStream; whatwg-node's own streams take its ponyfill's.
        const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        let received = 0;
        const counted = body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              received += chunk.byteLength;
              if (received > limit)
                controller.error(
                  new GraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } }),
                );
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            signal: req.signal,
            body: counted,
            duplex: 'half',
          } as RequestInit),
        );
      });
    },
  };
}

export function createGraphQLServer(
  services: Services,
  loaders: LoaderFactories<Loaders>,
  options: {
    graphiql: boolean;
    log: Logger;
    storeTimeoutMs: number;
    keyWatch: KeyWatch;
    limits?: GraphQLLimits;
    transports?: readonly Plugin[];
  },
): GraphQLServer {
  const limits = options.limits ?? DEFAULT_GRAPHQL_LIMITS;
  const createContext = contextFactory(services, loaders);
  // Variable coercion errors ("… Did you mean the enum value …?") arrive here rather than through validation.
  const mask = (error: unknown, message: string): Error => {
    const masked = maskError(error, message);
    return limits.introspection || !(masked instanceof GraphQLError) ? masked : withoutSuggestions(masked);
  };
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? { subscriptionsProtocol: 'WS', title: 'Mesh-Trace Gateway' } : false,
    landingPage: false,
    // CORS is the router's (http/cors.ts, MESH_CORS_ORIGINS) for every route; yoga's own would reflect any origin with credentials.
    cors: false,
    logging: false,
    // Extra transports on /graphql (graphql-sse's single connection mode) run after the limits are in place.
    plugins: [
      useGraphQLLimits(limits),
      useErrorLog(options.log),
      useStoreDeadline(options.storeTimeoutMs),
      useSubscriptionRevocation(options.keyWatch),
      ...(options.transports ?? []),
      // Last: it wraps whichever request parser the plugins before it selected.
      useBodyLimit(limits.maxBodyBytes),
    ],
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    maxRequestBodySize: false,
    maskedErrors: { maskError: mask },
    context: ({ requestId, principal }) => createContext({ requestId, principal }),
  });
}
