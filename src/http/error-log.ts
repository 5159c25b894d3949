import { storeFailure } from '../db/store-errors.js';
import { DomainError } from '../errors.js';
import { errorMessage, type Logger } from '../logger.js';

/**
 * What the answer to a failed request leaves out, logged with its request id
 * (which the response carries as X-Request-Id): the driver's detail behind a
 * store failure, whose answer is a fixed 503 message, and anything unexpected,
 * whose answer is a generic 500. A client's own mistakes are not logged.
 * `fields` add what else identifies the caller (the gRPC peer).
 */
export function logRequestError(log: Logger, error: unknown, requestId: string, fields: Record<string, string> = {}): void {
  const failure = storeFailure(error);
  if (failure !== null) {
    if (failure.cause !== undefined) log.warn('store unavailable', { requestId, ...fields, error: errorMessage(failure.cause) });
    return;
  }
  if (!(error instanceof DomainError)) log.error('request failed', { requestId, ...fields, error: errorMessage(error) });
}
