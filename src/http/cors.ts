import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './respond.js';

/** What a browser may send on a cross-origin request: the key headers, bodies, and a request id to correlate logs. */
const ALLOWED_REQUEST_HEADERS = ['authorization', 'x-api-key', 'content-type', 'content-encoding', 'accept', 'x-request-id'];
/** Response headers a page may read besides the CORS-safelisted ones: ids, rate-limit state, retry hints, pagination links. */
const EXPOSED_RESPONSE_HEADERS = ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'link'];
const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Cross-origin access by allow-list (MESH_CORS_ORIGINS): empty — the default —
 * gives no page of another origin access; `*` gives every origin access
 * without credentials. An allowed origin is echoed back (never an arbitrary
 * one), and `Access-Control-Allow-Credentials` is never sent: every route
 * authenticates with a key header a script sets on purpose, not with cookies a
 * browser attaches on its own, so no cross-origin request rides on ambient
 * credentials.
 */
export class CorsPolicy {
  private readonly any: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.any = origins.includes('*');
    this.origins = new Set(origins.filter((o) => o !== '*'));
  }

  /** The Access-Control-Allow-Origin value for a request's Origin, or null when that origin gets no access. */
  allowOrigin(origin: string | undefined): string | null {
    if (origin === undefined) return null;
    if (this.any) return '*';
    return this.origins.has(origin) ? origin : null;
  }

  /**
   * Sets the CORS headers of an actual request, and answers a preflight
   * (OPTIONS with Access-Control-Request-Method) itself: 204 with the allowed
   * methods and headers for an allowed origin, 403 in the error envelope for any
   * other. Returns true when the request was a preflight and is answered.
   */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
    const origin = req.headers.origin;
    const allowed = this.allowOrigin(origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origin !== undefined) res.setHeader('vary', 'Origin');
    if (allowed !== null) {
      res.setHeader('access-control-allow-origin', allowed);
      res.setHeader('access-control-expose-headers', EXPOSED_RESPONSE_HEADERS.join(', '));
    }
    if (!preflight) return false;
    req.resume();
    if (allowed === null) {
      sendJson(res, 403, {
        error: {
          code: 'forbidden',
          message: `Cross-origin requests from ${origin ?? 'this page'} are not allowed (MESH_CORS_ORIGINS)`,
          param: 'origin',
          request_id: requestId,
        },
      });
      return true;
    }
    res.writeHead(204, {
      'access-control-allow-methods': ALLOWED_METHODS.join(', '),
      'access-control-allow-headers': ALLOWED_REQUEST_HEADERS.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
      'content-length': '0',
    });
    res.end();
    return true;
  }
}
