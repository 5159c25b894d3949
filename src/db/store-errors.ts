import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoTopologyClosedError,
  MongoNetworkTimeoutError,
  MongoOperationTimeoutError,
} from 'mongodb';

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
