import { AsyncLocalStorage } from 'node:async_hooks';
import type { Collection, Db } from 'mongodb';
import { UnavailableError } from '../errors.js';
import { STORE_DEADLINE_MESSAGE, STORE_RETRY_AFTER_S } from './store-errors.js';

/**
 * One deadline for every store read made on behalf of a request, applied in
 * one place: the Db the areas are built with. While code runs inside
 * `withDeadline`, each read it issues (find, findOne, aggregate,
 * countDocuments, distinct, estimatedDocumentCount) is sent with `maxTimeMS`
 * set to the time left, so the server itself stops a read that runs past the
 * deadline (MongoDB answers MaxTimeMSExpired, which every transport answers as
 * a coded 503: db/store-errors.ts) and its CPU is released, not just the
 * client's wait. The client-side half is `settleWithin`: the caller stops
 * waiting at the same deadline, whether or not the server honours maxTimeMS
 * (mongo-java-server does not). Outside a deadline (background sweeps,
 * evaluation) reads run as before.
 *
 * Not the driver's `timeoutMS`: in mongodb 6.22 it is deprecated and a no-op
 * (its connection handling after a timeout was unsafe), and the driver's own
 * advice is per-operation maxTimeMS plus the per-stage client timeouts that
 * DRIVER_OPTIONS sets. Writes are left alone: the ingest path bounds them with
 * its own deadline and depends on unordered inserts completing or failing as a
 * whole batch. A cursor's getMore carries no maxTimeMS (the driver sends it on
 * the first batch only); the client-side deadline still bounds the request.
 */
const current = new AsyncLocalStorage<{ readonly at: number }>();

/** Runs `work` with store reads bounded to `ms` from now, or by the deadline already running if that is earlier. */
export function withDeadline<T>(ms: number, work: () => T): T {
  const at = Date.now() + ms;
  const outer = current.getStore();
  return current.run({ at: outer === undefined ? at : Math.min(outer.at, at) }, work);
}

/** Runs `work` with a deadline of its own, `ms` from now, whatever runs around it (each event of a long-lived subscription). */
export function withFreshDeadline<T>(ms: number, work: () => T): T {
  return current.run({ at: Date.now() + ms }, work);
}

/** The request deadline passed while the store was still working: 503 `unavailable`, retry after the usual delay. */
export class DeadlineExpiredError extends UnavailableError {
  constructor() {
    super(STORE_DEADLINE_MESSAGE, STORE_RETRY_AFTER_S);
  }
}

/**
 * Resolves or rejects as `work` does if it settles before the current
 * deadline; past it, rejects with the 503 `unavailable` of a missed store
 * deadline. The work goes on (a read cannot be cancelled from here; the server
 * stops it at maxTimeMS), its late outcome ignored. Outside a deadline, `work`
 * itself.
 */
export async function settleWithin<T>(work: Promise<T>): Promise<T> {
  const ms = remainingMs();
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExpiredError()), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds left before the current deadline (at least 1), or undefined outside one. */
export function remainingMs(): number | undefined {
  const deadline = current.getStore();
  return deadline === undefined ? undefined : Math.max(1, deadline.at - Date.now());
}

/** The position of the options argument of each read method of a Collection. */
const READ_OPTIONS_ARGUMENT: Readonly<Record<string, number>> = {
  find: 1,
  findOne: 1,
  aggregate: 1,
  countDocuments: 1,
  distinct: 2,
  estimatedDocumentCount: 0,
};

function boundCollection<T extends object>(collection: Collection<T>): Collection<T> {
  return new Proxy(collection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const at = typeof property === 'string' ? READ_OPTIONS_ARGUMENT[property] : undefined;
      if (at === undefined) return value.bind(target);
      return (...args: unknown[]) => {
        const maxTimeMS = remainingMs();
        if (maxTimeMS === undefined) return value.apply(target, args);
        const withLimit = [...args];
        withLimit[at] = { ...(withLimit[at] as object | undefined), maxTimeMS };
        return value.apply(target, withLimit);
      };
    },
  });
}

/** The Db every area is built with: its collections' reads follow the current deadline. */
export function deadlineBoundDb(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'collection') {
        return (...args: Parameters<Db['collection']>) => boundCollection(target.collection(...args));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
