import type { RateLimit } from './rate-limit.js';

/** Base class of every error this library throws. */
export class MeshTraceError extends Error {
  override readonly name: string = 'MeshTraceError';
}

/** The gateway could not be reached, or the connection failed before a response arrived. */
export class APIConnectionError extends MeshTraceError {
  override readonly name: string = 'APIConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No response within the client's timeout. */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = 'APITimeoutError';
}

export interface APIErrorInit {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly param: string | null;
  readonly request_id: string | null;
  readonly headers: Headers;
  readonly rateLimit: RateLimit | null;
  readonly retryAfter: number | null;
}

/**
 * The gateway answered with an error status and the documented envelope
 * `{"error": {"code", "message", "param", "request_id"}}`. The envelope's
 * fields keep their names; `status` is the HTTP status.
 */
export class APIError extends MeshTraceError {
  override readonly name: string = 'APIError';
  readonly status: number;
  readonly code: string;
  readonly param: string | null;
  readonly request_id: string | null;
  readonly headers: Headers;
  readonly rateLimit: RateLimit | null;
  /** Seconds the gateway asked to wait (`Retry-After`), on 429 and 503 answers. */
  readonly retryAfter: number | null;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.param = init.param;
    this.request_id = init.request_id;
    this.headers = init.headers;
    this.rateLimit = init.rateLimit;
    this.retryAfter = init.retryAfter;
  }
}

/** 400: an invalid parameter (`param` names it) or a malformed body. */
export class BadRequestError extends APIError {
  override readonly name: string = 'BadRequestError';
}
/** 401: missing, unknown or revoked API key. */
export class AuthenticationError extends APIError {
  override readonly name: string = 'AuthenticationError';
}
/** 403: the key lacks the permission the request needs. */
export class PermissionDeniedError extends APIError {
  override readonly name: string = 'PermissionDeniedError';
}
/** 404: the addressed trace, node or alert rule does not exist. */
export class NotFoundError extends APIError {
  override readonly name: string = 'NotFoundError';
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends APIError {
  override readonly name: string = 'ConflictError';
}
/** 429: the key's per-minute budget is spent; `retryAfter` says for how long. */
export class RateLimitError extends APIError {
  override readonly name: string = 'RateLimitError';
}
/** 5xx: the gateway failed. */
export class InternalServerError extends APIError {
  override readonly name: string = 'InternalServerError';
}
/** 503: the gateway's store is unreachable for now; `retryAfter` says when to retry. */
export class ServiceUnavailableError extends InternalServerError {
  override readonly name: string = 'ServiceUnavailableError';
}

const BY_STATUS: Readonly<Record<number, new (init: APIErrorInit) => APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  503: ServiceUnavailableError,
};

export function apiError(init: APIErrorInit): APIError {
  const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(init);
}
