import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.js';
import { rateLimitedError, rateLimitHeaders, type RateLimits } from '../domain/keys/rate-limit.js';
import { encodeRpcStatus } from '../otlp/otlp-protobuf-response.js';
import { errorResponse, sendJson } from './respond.js';
import { graphqlErrorResponse, type RouteErrorWriter } from './route-error.js';

/** google.rpc.Code RESOURCE_EXHAUSTED, which OTLP/HTTP pairs with 429. */
const RESOURCE_EXHAUSTED = 8;

/**
 * Charges one unit of the caller's per-minute budget for an HTTP request and
 * sets the X-RateLimit-* headers on the response, admitted or not. When the
 * budget is spent it answers 429 + Retry-After itself, in the shape the
 * client of that path parses — the REST envelope, a GraphQL response, an
 * OTLP `google.rpc.Status`, or the shape of `writeError` — and returns false.
 */
export async function admitHttpRequest(
  limits: Pick<RateLimits, 'consume'>,
  principal: Principal,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  graphqlEndpoint: string,
  /** Writes the 429 in the shape of another API family (Jaeger, Tempo) that claims the path. */
  writeError?: RouteErrorWriter,
): Promise<boolean> {
  const decision = await limits.consume(principal);
  for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
  if (decision.allowed) return true;

  const error = rateLimitedError(decision, 'requests');
  const { status, body, headers } = errorResponse(error, requestId);
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (writeError !== undefined) {
    writeError(res, error, requestId);
  } else if (path === graphqlEndpoint) {
    const refusal = graphqlErrorResponse(error, requestId);
    sendJson(res, refusal.status, { errors: [refusal.error] }, refusal.headers);
  } else if (path === '/v1/traces' && req.method === 'POST') {
    // OTLP/HTTP: error bodies are a google.rpc.Status in the request's encoding (as in otlp-handler).
    const message = `${body.error.message} (request_id ${requestId})`;
    if (/protobuf/i.test(req.headers['content-type'] ?? '')) {
      const payload = encodeRpcStatus(RESOURCE_EXHAUSTED, message);
      res.writeHead(status, { 'content-type': 'application/x-protobuf', 'content-length': payload.byteLength, ...headers });
      res.end(payload);
    } else {
      sendJson(res, status, { code: RESOURCE_EXHAUSTED, message, error: body.error }, headers);
    }
  } else {
    sendJson(res, status, body, headers);
  }
  // The body was never read; drain it so the connection can be reused.
  req.resume();
  return false;
}
