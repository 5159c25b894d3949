import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError } from '../errors.js';
import { graphQLErrorOf } from '../graphql/errors.js';
import type { KeyWatch, KeyWatchEnd } from './key-watch.js';

/**
 * Subscriptions over HTTP (SSE) end when their key is revoked (or their
 * organization's IP allow-list stops admitting their address), as WebSockets
 * are closed with 4403 (http/graphql-ws.ts): the stream is sent one last
 * result, a `forbidden` error, and completes, within MESH_WS_AUTH_RECHECK_S of
 * the change. graphql-ws operations are left to the socket's own watch
 * (the whole socket closes), recognised by the socket graphql-ws.ts puts in
 * their context.
 */
export function useSubscriptionRevocation(watch: KeyWatch): Plugin<{ readonly principal?: Principal | null; readonly socket?: unknown }> {
  return {
    onSubscribe({ args }) {
      const { principal, socket } = args.contextValue;
      if (socket !== undefined || principal === undefined || principal === null) return undefined;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(untilRevoked(result, principal, watch));
        },
      };
    },
  };
}

function endedResult(why: KeyWatchEnd): ExecutionResult {
  const reason = why === 'revoked' ? 'API key revoked' : 'address outside the IP allow-list';
  return { errors: [graphQLErrorOf(new ForbiddenError(`Forbidden: ${reason}; the subscription has ended`))] };
}

function untilRevoked(
  source: AsyncIterable<ExecutionResult>,
  principal: Principal,
  watch: KeyWatch,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let state: 'open' | 'revoked' | 'done' = 'open';
  let why: KeyWatchEnd = 'revoked';
  let revoke: () => void = () => undefined;
  const revoked = new Promise<'revoked'>((resolve) => {
    revoke = () => resolve('revoked');
  });
  const unwatch = watch.watch(principal, (ended) => {
    why = ended;
    state = 'revoked';
    revoke();
  });
  const finish = async (): Promise<IteratorResult<ExecutionResult>> => {
    state = 'done';
    unwatch();
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  return {
    async next() {
      if (state === 'done') return { done: true, value: undefined };
      const next = state === 'revoked' ? 'revoked' : await Promise.race([iterator.next(), revoked]);
      if (next === 'revoked') {
        await finish();
        return { done: false, value: endedResult(why) };
      }
      if (next.done === true) unwatch();
      return next;
    },
    return: finish,
    async throw(error?: unknown) {
      unwatch();
      return iterator.throw?.(error) ?? Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
