import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Principal } from '../auth/principal.js';
import { rateLimitedError, type RateDecision } from '../domain/keys/rate-limit.js';
import { storeFailure } from '../db/store-errors.js';
import { IpNotAllowedError } from '../errors.js';
import { domainErrorExtensions } from '../graphql/errors.js';
import type { Authenticate } from './client-address.js';
import type { KeyWatch } from './key-watch.js';
import { maskError, type GraphQLServer } from './yoga.js';
import { requestIdFor } from './request-id.js';

export interface WsDeps {
  readonly yoga: GraphQLServer;
  /** Resolves the key of a connection: connection_init payload first, then upgrade headers; the address from the upgrade request. */
  readonly authenticate: Authenticate;
  readonly maxPayloadBytes: number;
  /** Charges one unit of the key's request budget per subscribe message (the WebSocket path never reaches HTTP routing). */
  readonly rateLimit: (principal: Principal) => Promise<RateDecision>;
  /** Revocations and IP allow-lists: an open socket whose key is revoked, or whose address its organization no longer admits, is closed with 4403. */
  readonly keyWatch: KeyWatch;
  /** Per-instance and per-socket bounds (docs/operations.md, "WebSocket bounds"). */
  readonly limits: WsLimits;
  /** Told about every socket refused or closed by a bound (metrics). */
  readonly onRefused?: (reason: 'slow_consumer' | 'connection_limit' | 'unauthenticated_limit') => void;
}

export interface WsLimits {
  /** Authenticated sockets on this instance; an upgrade while they are all taken is answered 503 + Retry-After. */
  readonly maxConnections: number;
  /**
   * Sockets that have not yet authenticated, on this instance and per remote
   * address: a budget of their own, so that sockets which never send
   * connection_init can never take the authenticated ones'. An upgrade past
   * either is answered 503 + Retry-After.
   */
  readonly maxUnauthenticated: number;
  readonly maxUnauthenticatedPerAddress: number;
  /** Operations running at once on one socket; one more gets an `error` message naming `operations`. */
  readonly maxOperations: number;
  /** Bytes queued for a socket that does not read; past it the socket is closed 1013 (Try Again Later). */
  readonly maxBufferedBytes: number;
  /** Time a new socket has to send connection_init before it is closed 4408. */
  readonly initTimeoutMs: number;
}

export interface GraphQLWsServer {
  /** Open WebSocket connections (a gauge). */
  readonly connections: number;
  /** Stops accepting upgrades, closes every socket with 1001 Going Away and stops timers. */
  close(): Promise<void>;
}

/** How often sockets are checked for a send buffer past the bound (a consumer that stopped reading sends no more onNext). */
const BUFFER_CHECK_MS = 500;
/** After a 1013 or 1001 close, how long a socket gets to take the close frame before it is cut. */
const CLOSE_GRACE_MS = 1_000;

const UNEXPECTED = 'Unexpected error.';
const OUTSIDE_ALLOW_LIST = 'Forbidden: address outside the IP allow-list';

type Enveloped = ReturnType<GraphQLServer['getEnveloped']>;
interface RootValue {
  readonly execute: Enveloped['execute'];
  readonly subscribe: Enveloped['subscribe'];
}

function headerGetter(payload: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage) {
  return {
    get(name: string): string | null {
      const fromPayload =
        payload?.[name] ?? payload?.[name.toLowerCase()] ?? (name === 'authorization' ? payload?.Authorization : undefined);
      if (typeof fromPayload === 'string') return fromPayload;
      const header = request.headers[name];
      return typeof header === 'string' ? header : null;
    },
  };
}

/**
 * graphql-ws on the same path as HTTP GraphQL. Every operation runs through
 * `yoga.getEnveloped`, so WebSocket operations get the same context factory,
 * schema, plugins and error masking as HTTP requests.
 */
export function attachGraphQLWs(server: Server, deps: WsDeps): GraphQLWsServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxPayloadBytes });
  let closing = false;
  const budget = new SocketBudget(deps.limits);
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== deps.yoga.graphqlEndpoint) {
      socket.destroy();
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const refusal = closing ? 'closing' : budget.refusal(address);
    if (refusal !== null) {
      if (refusal !== 'closing') deps.onRefused?.(refusal);
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      budget.opened(ws, address);
      wss.emit('connection', ws, request);
    });
  });

  const principals = new WeakMap<object, { principal: Principal; requestId: string }>();
  const closeSlow = (socket: WebSocket) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount <= deps.limits.maxBufferedBytes) return;
    deps.onRefused?.('slow_consumer');
    socket.close(1013, 'Slow consumer: send buffer over the limit');
    // The close frame waits behind the unread data; the socket is cut if it is still not taken.
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  };
  const bufferCheck = setInterval(() => wss.clients.forEach(closeSlow), BUFFER_CHECK_MS);
  bufferCheck.unref();
  const disposable = useServer<Record<string, unknown>>(
    {
      // Close reasons are read by clients: an unexpected error closes with 4500 "Internal server error",
      // never with the error's own message (which, from the driver, would name hosts and ports), whatever NODE_ENV.
      isProd: true,
      connectionInitWaitTimeout: deps.limits.initTimeoutMs,
      onConnect: async (ctx) => {
        let principal: Principal | null;
        const request = ctx.extra.request;
        try {
          // The address comes from the upgrade request (socket, trusted proxies' headers), never from the payload.
          principal = await deps.authenticate(headerGetter(ctx.connectionParams, request), {
            peer: request.socket.remoteAddress,
            headers: headerGetter(undefined, request),
          });
        } catch (error) {
          if (error instanceof IpNotAllowedError) {
            ctx.extra.socket.close(CloseCode.Forbidden, OUTSIDE_ALLOW_LIST);
            return false;
          }
          if (storeFailure(error) === null) throw error;
          // Not a bad key: the client should come back, which 1013 says (a 4xxx code would be final for it).
          ctx.extra.socket.close(1013, 'Store unavailable: try again later');
          return false;
        }
        if (principal === null) return false;
        const socket = ctx.extra.socket;
        if (!budget.authenticated(socket)) {
          // Every authenticated slot is taken: the client should come back later (1013), not give up (4403).
          deps.onRefused?.('connection_limit');
          socket.close(1013, 'Connection limit reached: try again later');
          return false;
        }
        principals.set(ctx.extra, { principal, requestId: requestIdFor(ctx.extra.request.headers['x-request-id']) });
        const unwatch = deps.keyWatch.watch(principal, (why) =>
          socket.close(CloseCode.Forbidden, why === 'revoked' ? 'Forbidden: API key revoked' : OUTSIDE_ALLOW_LIST),
        );
        socket.once('close', unwatch);
        return true;
      },
      // Checked before each message: a consumer that reads slowly is closed before its buffer grows further.
      onNext: (ctx) => {
        closeSlow(ctx.extra.socket);
      },
      execute: (args: ExecutionArgs) => (args.rootValue as RootValue).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as RootValue).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has registered this operation already, so it is counted.
        const running = Object.keys(ctx.subscriptions).length;
        if (running > deps.limits.maxOperations) {
          return [
            new GraphQLError(`At most ${deps.limits.maxOperations} operations may run at once on one connection; complete one first`, {
              extensions: { code: 'invalid_parameter', param: 'operations' },
            }),
          ];
        }
        const auth = principals.get(ctx.extra);
        if (auth !== undefined) {
          let decision: RateDecision;
          try {
            decision = await deps.rateLimit(auth.principal);
          } catch (error) {
            const failure = storeFailure(error);
            if (failure === null) throw error;
            return [new GraphQLError(failure.message, { extensions: domainErrorExtensions(failure) })];
          }
          if (!decision.allowed) {
            const error = rateLimitedError(decision, 'requests');
            return [new GraphQLError(error.message, { extensions: domainErrorExtensions(error) })];
          }
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = deps.yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          requestId: auth?.requestId ?? requestIdFor(undefined),
          principal: auth?.principal ?? null,
        });
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          // Syntax errors and the token limit: an error message for this operation, not a dropped socket.
          if (error instanceof GraphQLError) return [maskError(error, UNEXPECTED) as GraphQLError];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies RootValue,
        };
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors.map((e: GraphQLError) => maskError(e, UNEXPECTED) as GraphQLError) : args;
      },
    },
    wss,
  );

  return {
    get connections() {
      return wss.clients.size;
    },
    close: async () => {
      closing = true;
      clearInterval(bufferCheck);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      // A client that never answers the close frame would hold shutdown for ws's 30 s close timeout.
      const cut = setTimeout(() => wss.clients.forEach((client) => client.terminate()), CLOSE_GRACE_MS);
      cut.unref();
      await disposable.dispose();
      clearTimeout(cut);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The two socket budgets of an instance: authenticated sockets
 * (maxConnections), and sockets still waiting for their connection_init,
 * counted globally and per remote address. A socket moves from the second to
 * the first when its key is accepted, and leaves both when it closes.
 */
class SocketBudget {
  private readonly pending = new Map<WebSocket, string>();
  private readonly pendingByAddress = new Map<string, number>();
  private readonly open = new Set<WebSocket>();

  constructor(private readonly limits: WsLimits) {}

  /** Why an upgrade from `address` is refused now, or null. */
  refusal(address: string): 'connection_limit' | 'unauthenticated_limit' | null {
    if (this.open.size >= this.limits.maxConnections) return 'connection_limit';
    if (this.pending.size >= this.limits.maxUnauthenticated) return 'unauthenticated_limit';
    if ((this.pendingByAddress.get(address) ?? 0) >= this.limits.maxUnauthenticatedPerAddress) return 'unauthenticated_limit';
    return null;
  }

  opened(socket: WebSocket, address: string): void {
    this.pending.set(socket, address);
    this.pendingByAddress.set(address, (this.pendingByAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      this.settle(socket);
      this.open.delete(socket);
    });
  }

  /** Takes an authenticated slot for the socket; false when none is left. */
  authenticated(socket: WebSocket): boolean {
    this.settle(socket);
    if (this.open.size >= this.limits.maxConnections) return false;
    this.open.add(socket);
    return true;
  }

  private settle(socket: WebSocket): void {
    const address = this.pending.get(socket);
    if (address === undefined) return;
    this.pending.delete(socket);
    const left = (this.pendingByAddress.get(address) ?? 1) - 1;
    if (left === 0) this.pendingByAddress.delete(address);
    else this.pendingByAddress.set(address, left);
  }
}
