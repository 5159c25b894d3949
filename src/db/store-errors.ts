import {
  MongoBulkWriteError,
  MongoServerError,
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoTopologyClosedError,
  MongoNetworkTimeoutError,
  MongoOperationTimeoutError,
} from 'mongodb';

import { UnavailableError } from '../errors.js';

/** The Retry-After (seconds) of every "store unavailable" answer: about the time the driver's monitor needs to see it back. */
export const STORE_RETRY_AFTER_S = 2;

const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);

/** Driver errors that mean "the store cannot be reached right now" (retryable, 503), not a bug. */
export function isStoreUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNetworkTimeoutError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoOperationTimeoutError ||
    // Every pooled connection busy past waitQueueTimeoutMS; the class is not exported by the driver.
    (error instanceof Error && error.name === 'MongoWaitQueueTimeoutError') ||
    // A write on a connection the store had just closed surfaces from the driver as Node's own socket error, unwrapped.
    (error instanceof Error && SOCKET_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) ||
    // A bulk write cut by the network carries the driver error as its errorResponse and no write errors.
    (error instanceof MongoBulkWriteError && [error.writeErrors].flat().length === 0 && isStoreUnavailable(error.errorResponse))
  );
}

/** The server's MaxTimeMSExpired: a read ran past the maxTimeMS it was sent with. */
const MAX_TIME_MS_EXPIRED = 50;

/** The store did not finish in time: the driver's client-side deadline (timeoutMS) or the server's maxTimeMS. */
export function isStoreTimeout(error: unknown): boolean {
  return error instanceof MongoOperationTimeoutError || (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED);
}

export const STORE_UNREACHABLE_MESSAGE = 'Service temporarily unavailable: the trace store cannot be reached';
export const STORE_DEADLINE_MESSAGE =
  'The trace store did not answer within the request deadline (MESH_STORE_TIMEOUT_MS); narrow the request or retry after the indicated delay';

/**
 * A store failure as the one error clients see: 503 `unavailable` with
 * Retry-After and a fixed message. Driver messages name hosts, ports and
 * internals, so they stay in `cause`, for the logs; null when `error` is not
 * a store failure.
 */
export function storeFailure(error: unknown): UnavailableError | null {
  if (error instanceof UnavailableError) return error;
  if (isStoreTimeout(error)) return new UnavailableError(STORE_DEADLINE_MESSAGE, STORE_RETRY_AFTER_S, { cause: error });
  if (isStoreUnavailable(error)) return new UnavailableError(STORE_UNREACHABLE_MESSAGE, STORE_RETRY_AFTER_S, { cause: error });
  return null;
}
