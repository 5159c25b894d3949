/** Base class of every error this library throws. */
export class MeshTraceError extends Error {
    name = 'MeshTraceError';
}
/** The gateway could not be reached, or the connection failed before a response arrived. */
export class APIConnectionError extends MeshTraceError {
    name = 'APIConnectionError';
    constructor(message, options) {
        super(message, options);
    }
}
/** No response within the client's timeout. */
export class APITimeoutError extends APIConnectionError {
    name = 'APITimeoutError';
}
/**
 * The gateway answered with an error status and the documented envelope
 * `{"error": {"code", "message", "param", "request_id"}}`. The envelope's
 * fields keep their names; `status` is the HTTP status.
 */
export class APIError extends MeshTraceError {
    name = 'APIError';
    status;
    code;
    param;
    request_id;
    headers;
    rateLimit;
    /** Seconds the gateway asked to wait (`Retry-After`), on 429 and 503 answers. */
    retryAfter;
    constructor(init) {
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
    name = 'BadRequestError';
}
/** 401: missing, unknown or revoked API key. */
export class AuthenticationError extends APIError {
    name = 'AuthenticationError';
}
/** 403: the key lacks the permission the request needs. */
export class PermissionDeniedError extends APIError {
    name = 'PermissionDeniedError';
}
/** 404: the addressed trace, node or alert rule does not exist. */
export class NotFoundError extends APIError {
    name = 'NotFoundError';
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends APIError {
    name = 'ConflictError';
}
/** 429: the key's per-minute budget is spent; `retryAfter` says for how long. */
export class RateLimitError extends APIError {
    name = 'RateLimitError';
}
/** 5xx: the gateway failed. */
export class InternalServerError extends APIError {
    name = 'InternalServerError';
}
/** 503: the gateway's store is unreachable for now; `retryAfter` says when to retry. */
export class ServiceUnavailableError extends InternalServerError {
    name = 'ServiceUnavailableError';
}
const BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    503: ServiceUnavailableError,
};
export function apiError(init) {
    const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : APIError);
    return new ErrorClass(init);
}
