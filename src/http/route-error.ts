import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendOtlpError } from './otlp-handler.js';
import { errorResponse, sendError, sendJson } from './respond.js';

/**
 * Writes an error in the shape of an API family whose clients parse their
 * own (the Jaeger and Tempo routes of rest-compat/families.ts): the router
 * is given it, since this layer does not know those families.
 */
export type RouteErrorWriter = (res: ServerResponse, error: unknown, requestId: string) => void;

/**
 * An error answered on the GraphQL endpoint outside execution (401, 429, 503
 * before the operation ran): the REST envelope's code, param, retry delay and
 * request id as the error's extensions, with the envelope's status and headers.
 */
export function graphqlErrorResponse(
  error: unknown,
  requestId: string,
): { status: number; error: { message: string; extensions: Record<string, unknown> }; headers: Record<string, string> } {
  const { status, body, headers } = errorResponse(error, requestId);
  const { code, message, param } = body.error;
  const retryAfter = headers['retry-after'];
  const extensions = {
    code,
    ...(param === null ? {} : { param }),
    ...(retryAfter === undefined ? {} : { retry_after: Number(retryAfter) }),
    request_id: requestId,
  };
  return { status, error: { message, extensions }, headers };
}

/**
 * Answers an error raised before a route's own handler took over (store
 * unavailable, store deadline, authentication failure) in the shape the
 * client of that path parses: an OTLP `google.rpc.Status` on POST /v1/traces,
 * a GraphQL response on the GraphQL endpoint, the family's own shape where
 * `writeFamilyError` is given, the REST envelope elsewhere. An unread
 * request body is drained so the connection can be reused.
 */
export function sendRouteError(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  requestId: string,
  graphqlEndpoint: string,
  writeFamilyError?: RouteErrorWriter,
): void {
  if (!req.readableEnded) req.resume();
  if (res.headersSent) {
    sendError(res, error, requestId);
    return;
  }
  if (writeFamilyError !== undefined) {
    writeFamilyError(res, error, requestId);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/v1/traces' && req.method === 'POST') {
    sendOtlpError(res, /protobuf/i.test(req.headers['content-type'] ?? '') ? 'protobuf' : 'json', error, requestId);
  } else if (path === graphqlEndpoint) {
    const { status, error: graphqlError, headers } = graphqlErrorResponse(error, requestId);
    sendJson(res, status, { errors: [graphqlError] }, headers);
  } else {
    sendError(res, error, requestId);
  }
}
