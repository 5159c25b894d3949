import type { RateLimit } from './rate-limit.js';
/** Base class of every error this library throws. */
export declare class MeshTraceError extends Error {
    readonly name: string;
}
/** The gateway could not be reached, or the connection failed before a response arrived. */
export declare class APIConnectionError extends MeshTraceError {
    readonly name: string;
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** No response within the client's timeout. */
export declare class APITimeoutError extends APIConnectionError {
    readonly name: string;
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
export declare class APIError extends MeshTraceError {
    readonly name: string;
    readonly status: number;
    readonly code: string;
    readonly param: string | null;
    readonly request_id: string | null;
    readonly headers: Headers;
    readonly rateLimit: RateLimit | null;
    /** Seconds the gateway asked to wait (`Retry-After`), on 429 and 503 answers. */
    readonly retryAfter: number | null;
    constructor(init: APIErrorInit);
}
/** 400: an invalid parameter (`param` names it) or a malformed body. */
export declare class BadRequestError extends APIError {
    readonly name: string;
}
/** 401: missing, unknown or revoked API key. */
export declare class AuthenticationError extends APIError {
    readonly name: string;
}
/** 403: the key lacks the permission the request needs. */
export declare class PermissionDeniedError extends APIError {
    readonly name: string;
}
/** 404: the addressed trace, node or alert rule does not exist. */
export declare class NotFoundError extends APIError {
    readonly name: string;
}
/** 409: the request conflicts with the resource's current state. */
export declare class ConflictError extends APIError {
    readonly name: string;
}
/** 429: the key's per-minute budget is spent; `retryAfter` says for how long. */
export declare class RateLimitError extends APIError {
    readonly name: string;
}
/** 5xx: the gateway failed. */
export declare class InternalServerError extends APIError {
    readonly name: string;
}
/** 503: the gateway's store is unreachable for now; `retryAfter` says when to retry. */
export declare class ServiceUnavailableError extends InternalServerError {
    readonly name: string;
}
export declare function apiError(init: APIErrorInit): APIError;
