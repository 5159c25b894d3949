import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config.js';
import type { RateLimits } from '../domain/keys/rate-limit.js';
import { MethodNotAllowedError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Authenticate } from './client-address.js';
import type { CorsPolicy } from './cors.js';
import { logRequestError } from './error-log.js';
import { handleOtlpTraces, type OtlpHandlerDeps } from './otlp-handler.js';
import { assertDeclaredBody, METRICS_PATH, type Operations } from './ops.js';
import { admitHttpRequest } from './rate-limit-http.js';
import { requestIdFor } from './request-id.js';
import { sendJson } from './respond.js';
import { sendRouteError, type RouteErrorWriter } from './route-error.js';
import type { GraphQLServer } from './yoga.js';

/** A handler that takes the requests it recognises and answers true; false leaves the request to the next one. */
interface RouteHandler<C> {
  handle(req: IncomingMessage, res: ServerResponse, context: C): Promise<boolean>;
}

export interface RouterDeps {
  readonly config: Pick<Config, 'maxBodyBytes' | 'graphqlLimits' | 'graphiql' | 'storeTimeoutMs'>;
  readonly log: Logger;
  readonly ops: Operations;
  /** Cross-origin access (MESH_CORS_ORIGINS), decided here for every route. */
  readonly cors: CorsPolicy;
  readonly yoga: GraphQLServer;
  /** The caller of a request, from the key its headers present (null without one), within the store deadline. */
  readonly authenticate: Authenticate;
  /** Per-key budgets, charged within the store deadline. */
  readonly limits: Pick<RateLimits, 'consume'>;
  readonly otlp: OtlpHandlerDeps;
  /** The REST compatibility routes (rest-compat/). */
  readonly rest: RouteHandler<{ readonly requestId: string; readonly principal: Principal | null }>;
  /**
   * The error writer of the API family a path belongs to, where its clients
   * parse a shape of their own (Jaeger, Tempo: rest-compat/families.ts); null
   * where the gateway's own shapes apply. Used for the errors raised before a
   * route runs (401, 413, 429, 503) and for those a route could not answer.
   */
  readonly familyErrorWriter: (path: string) => RouteErrorWriter | null;
  /** The web console's static files; `/` redirects to it. */
  readonly console: { handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> };
}

function headersOf(req: IncomingMessage): { get(name: string): string | null } {
  return {
    get(name: string): string | null {
      const v = req.headers[name.toLowerCase()];
      return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
    },
  };
}

/**
 * Every HTTP request of the API port: health, metrics, the console, then
 * (with the store up and the key checked and charged) OTLP ingest, GraphQL
 * and the REST routes. Errors raised before a route took over are answered
 * in the shape that route's clients parse (route-error.ts, and the families'
 * own writers).
 */
export function createRouter(deps: RouterDeps): RequestListener {
  const { config, ops, yoga } = deps;

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    // Preflights carry no key: answered before authentication, by the allow-list alone.
    if (deps.cors.handle(req, res, requestId)) return;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return ops.sendReadiness(res);
    if (path === METRICS_PATH && ops.metricsOnApiPort) return ops.sendMetrics(res);
    // The web console (static, no key: its API calls carry the key the user enters); `/` redirects to it.
    if (await deps.console.handle(req, res, path)) return;
    // A body declared larger than its route takes is refused before any store work (OTLP batches vs operation inputs).
    assertDeclaredBody(req, path === '/v1/traces' ? config.maxBodyBytes : config.graphqlLimits.maxBodyBytes);
    // Every other route needs the store (keys live there): while it is known down, 503 at once.
    ops.health.assertAvailable();
    const headers = headersOf(req);
    const principal = await deps.authenticate(headers, { peer: req.socket.remoteAddress, headers });
    // One unit of the key's per-minute budget per request, before any route runs; a 429 is answered there.
    const familyError = deps.familyErrorWriter(path) ?? undefined;
    if (principal !== null && !(await admitHttpRequest(deps.limits, principal, req, res, requestId, yoga.graphqlEndpoint, familyError)))
      return;
    if (path === '/v1/traces' && method === 'POST') return handleOtlpTraces(deps.otlp, req, res, { principal, requestId });
    if (path === yoga.graphqlEndpoint) {
      const wantsGraphiQL = method === 'GET' && config.graphiql && (req.headers.accept ?? '').includes('text/html');
      if (principal === null && !wantsGraphiQL) {
        return sendJson(res, 401, { errors: [{ message: 'Missing or invalid API key', extensions: { code: 'unauthorized' } }] });
      }
      // `handle(req, res)` writes the response; handleNodeRequestAndResponse only returns it.
      await yoga.handle(req, res, { requestId, principal });
      return;
    }
    if (await deps.rest.handle(req, res, { requestId, principal })) return;
    if (path === '/v1/traces') throw new MethodNotAllowedError(`Method ${method} is not allowed on ${path}`, ['GET', 'POST']);
    throw new NotFoundError(`No route for ${method} ${path}`);
  }

  return (req, res) => {
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    ops.observe(req, res);
    route(req, res, requestId).catch((error: unknown) => {
      logRequestError(deps.log, error, requestId);
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      sendRouteError(req, res, error, requestId, yoga.graphqlEndpoint, deps.familyErrorWriter(path) ?? undefined);
    });
  };
}
