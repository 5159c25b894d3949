export { DEFAULT_BASE_URL, MeshTrace } from './client.js';
export { APIConnectionError, APIError, APITimeoutError, AuthenticationError, BadRequestError, ConflictError, InternalServerError, MeshTraceError, NotFoundError, PermissionDeniedError, RateLimitError, ServiceUnavailableError, } from './errors.js';
export { backoffDelayMs, parseRetryAfterMs } from './http.js';
export { Page, PagePromise } from './pagination.js';
export { VERSION } from './version.js';
