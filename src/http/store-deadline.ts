import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { DeadlineExpiredError, settleWithin, withDeadline, withFreshDeadline } from '../db/request-deadline.js';
import { graphQLErrorOf } from '../graphql/errors.js';

/**
 * The request deadline of GraphQL execution on every transport (HTTP, SSE,
 * graphql-ws, REST routes): the store reads of an operation share one
 * deadline, MESH_STORE_TIMEOUT_MS from the start of its execution (or the
 * caller's, if earlier), which each read carries to the server as maxTimeMS
 * (db/request-deadline.ts), and past which the operation is answered 503
 * `unavailable`. A subscription's events are resolved long after it started,
 * so each event's reads get a deadline of their own.
 */
export function useStoreDeadline(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      // The client-side half: past the deadline the operation is answered 503, whatever its reads are doing.
      setExecuteFn((args) =>
        withDeadline(ms, () =>
          settleWithin(Promise.resolve(executeFn(args))).catch((error: unknown) => {
            // A result, not a rejection: graphql-ws would close the whole socket on a rejected operation.
            if (error instanceof DeadlineExpiredError) return { errors: [graphQLErrorOf(error)] };
            throw error;
          }),
        ),
      );
    },
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args) => withDeadline(ms, () => subscribeFn(args)));
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(eachWithDeadline(result, ms));
        },
      };
    },
  };
}

function eachWithDeadline(source: AsyncIterable<ExecutionResult>, ms: number): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    next: () => withFreshDeadline(ms, () => iterator.next()),
    return: () => iterator.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error?: unknown) => iterator.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
