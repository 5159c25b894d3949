import type { ServerResponse } from 'node:http';
import { errorResponse, sendJson } from '../src/http/respond.js';

/**
 * The API families served by rest-compat, each with the error shape its
 * clients parse. The family of a request is that of the longest prefix of its
 * path, so `/api/v0/…` stays Mackerel's (the gateway's REST envelope) while
 * the rest of `/api/…` is Jaeger's.
 *
 * - `rest`: `{"error": {"code", "message", "param", "request_id"}}` (/v1, /api/v0)
 * - `jaeger`: Jaeger query's structured response with `data: null` and one
 *   `{"code": <status>, "msg": <message>}` in `errors` (cmd/query/app/http_handler.go)
 * - `tempo`: the message as `text/plain`, as Tempo's HTTP handlers answer errors
 */
export type ApiFamily = 'rest' | 'jaeger' | 'tempo';

const FAMILY_PREFIXES: readonly (readonly [prefix: string, family: ApiFamily])[] = [
  ['/api/v0', 'rest'],
  ['/v1', 'rest'],
  ['/jaeger/api', 'jaeger'],
  ['/api', 'jaeger'],
  ['/tempo', 'tempo'],
];

export function familyOf(path: string): ApiFamily | null {
  const match = FAMILY_PREFIXES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return match === undefined ? null : match[1];
}

/** Jaeger's error envelope: the same fields as a success, `data` null, the failure in `errors`. */
export function jaegerErrorBody(status: number, message: string) {
  return { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg: message }] };
}

export type FamilyErrorWriter = (res: ServerResponse, error: unknown, requestId: string) => void;

/**
 * Writes `error` in the shape of a Jaeger or Tempo client. Status and headers
 * (Retry-After, Allow) are the gateway's, from the one errorResponse; the
 * request id is in the X-Request-Id header, and in the message of a masked 500.
 */
function writeJaegerError(res: ServerResponse, error: unknown, requestId: string): void {
  const { status, body, headers } = errorResponse(error, requestId);
  sendJson(res, status, jaegerErrorBody(status, messageOf(status, body.error.message, requestId)), headers);
}

function writeTempoError(res: ServerResponse, error: unknown, requestId: string): void {
  const { status, body, headers } = errorResponse(error, requestId);
  const text = `${messageOf(status, body.error.message, requestId)}\n`;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A client of these APIs shows only the message: a 500 carries the request id to quote to an operator. */
function messageOf(status: number, message: string, requestId: string): string {
  return status >= 500 ? `${message} (request_id ${requestId})` : message;
}

/**
 * The error writer of a path's family, or null where the gateway's own
 * handlers already answer in the right shape (the REST envelope, GraphQL,
 * OTLP): used for the errors raised before a route runs (401, 429, 503, 413).
 */
export function familyErrorWriter(path: string): FamilyErrorWriter | null {
  switch (familyOf(path)) {
    case 'jaeger':
      return writeJaegerError;
    case 'tempo':
      return writeTempoError;
    default:
      return null;
  }
}
