import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Db } from 'mongodb';
import { IpRanges } from './auth/ip-ranges.js';
import type { Principal } from './auth/principal.js';
import { ConfigError, type Config } from './config.js';
import { ensureIndexes, type CollectionSpec } from './db/collections.js';
import { deadlineBoundDb, withDeadline } from './db/request-deadline.js';
import type { HeapReport } from './db/embedded.js';
import { TtlSweeper, ttlRules } from './db/ttl-sweeper.js';
import { combineModules } from './domain/module.js';
import { createAlertsModule } from './domain/alerts/index.js';
import type { AlertEvents } from './domain/alerts/alerts.events.js';
import { presentedKey } from './domain/keys/auth.service.js';
import { createKeysModule } from './domain/keys/index.js';
import { createNodesModule } from './domain/nodes/index.js';
import type { NodeEvents } from './domain/nodes/nodes.events.js';
import { createSearchModule } from './domain/search/index.js';
import { createServicesModule } from './domain/services/index.js';
import { createTracesModule } from './domain/traces/index.js';
import type { TraceEvents } from './domain/traces/traces.events.js';
import { createMeshPubSub, type MeshPubSub } from './events/pubsub.js';
import type { LoaderFactories, Loaders, Services } from './graphql/context.js';
import { clientAddress, type Authenticate } from './http/client-address.js';
import { createSingleConnectionSse } from './http/graphql-sse.js';
import { attachGraphQLWs } from './http/graphql-ws.js';
import { CorsPolicy } from './http/cors.js';
import { KeyWatch } from './http/key-watch.js';
import { IngestBudget } from './http/otlp-handler.js';
import { createOtlpGrpcServer } from './http/otlp-grpc.js';
import { Operations } from './http/ops.js';
import { createRouter } from './http/router.js';
import { createConsoleHandler } from './http/static-ui.js';
import { createGraphQLServer, type GraphQLServer } from './http/yoga.js';
import type { Logger } from './logger.js';
import { familyErrorWriter } from '../rest-compat/families.js';
import { createRestCompat } from '../rest-compat/rest-handler.js';
import { REST_ROUTES } from '../rest-compat/routes/index.js';

/** The topics of every area: what the one pubsub of an instance carries. */
export type GatewayEvents = TraceEvents & NodeEvents & AlertEvents;

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  /** What the store leaves to the gateway; absent for a MongoDB that expires TTL indexes and has room (MONGODB_URI). */
  readonly upkeep?: StoreUpkeep;
}

/**
 * The embedded store's upkeep, done by the gateway (docs/operations.md, "Embedded store"): mongo-java-server
 * never expires TTL indexes, and holds everything in its heap.
 */
export interface StoreUpkeep {
  /** Enforce every declared TTL index with the gateway's sweeper (src/db/ttl-sweeper.ts). */
  readonly sweepTtl: boolean;
  /** Evict the oldest whole traces beyond this many spans (MESH_EMBEDDED_MAX_SPANS). */
  readonly maxSpans?: number;
  /** The store's latest heap report, so that eviction also keeps its data within the heap. */
  readonly heap?: () => HeapReport | undefined;
}

export interface App {
  readonly server: Server;
  readonly yoga: GraphQLServer;
  /** Every area's services (what resolvers reach as `ctx.services`), and the one pubsub of this instance. */
  readonly services: Services & { readonly pubsub: MeshPubSub<GatewayEvents> };
  /** Every collection the gateway owns, with the indexes that serve its queries: the areas' own. */
  readonly collections: readonly CollectionSpec[];
  /** Metrics, store health, readiness and drain (src/http/ops.ts). */
  readonly operations: Operations;
  /** Creates indexes and the bootstrap key, then listens; resolves with the bound ports (gRPC: null when disabled). */
  start(): Promise<{ port: number; host: string; grpcPort: number | null }>;
  stop(): Promise<void>;
}

/** The PEM files of MESH_TLS_CERT/MESH_TLS_KEY, read once at build; an unreadable one stops the start naming its variable. */
function readTls(tls: Config['tls']): { cert: Buffer; key: Buffer } | undefined {
  if (tls === undefined) return undefined;
  const read = (path: string, name: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  return { cert: read(tls.certPath, 'MESH_TLS_CERT'), key: read(tls.keyPath, 'MESH_TLS_KEY') };
}

/** MESH_TRUSTED_PROXIES as ranges; an invalid entry stops the start naming the variable and the entry. */
function trustedProxyRanges(cidrs: readonly string[]): IpRanges {
  try {
    return IpRanges.parse(cidrs, 'MESH_TRUSTED_PROXIES');
  } catch (error) {
    throw new ConfigError(`MESH_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

/** Builds the gateway without listening: tests use `yoga.fetch` or `start()` on port 0. */
export function buildApp(deps: AppDeps): App {
  const { config, log, upkeep } = deps;
  // Every area's reads carry the request deadline to the server as maxTimeMS (db/request-deadline.ts).
  const db = deadlineBoundDb(deps.db);
  const tls = readTls(config.tls);
  // In memory, or Redis with REDIS_URL so that several instances share live events.
  const pubsub = createMeshPubSub<GatewayEvents>({ redisUrl: config.redisUrl, bufferSize: config.subscriptionBuffer, log });
  const ops = new Operations({ config, db, log, routeTemplates: REST_ROUTES.map((r) => r.path) });
  const { metrics } = ops;
  const keys = createKeysModule({ db, config, log });
  const serviceMap = createServicesModule({ db, config });
  const traces = createTracesModule({
    db,
    config,
    events: pubsub,
    rollups: serviceMap.services.rollups,
    log,
    ...(upkeep?.maxSpans === undefined
      ? {}
      : {
          capacity: {
            maxSpans: upkeep.maxSpans,
            heapUsed: () => {
              const heap = upkeep.heap?.();
              return heap === undefined ? undefined : heap.liveBytes / heap.maxBytes;
            },
            onEvicted: (evicted) => {
              metrics.storeEvicted.inc({ kind: 'spans' }, evicted.spans);
              metrics.storeEvicted.inc({ kind: 'traces' }, evicted.traces);
            },
          },
        }),
  });
  const areas = combineModules([
    keys,
    traces,
    createSearchModule({ traces: traces.services.traces }),
    createNodesModule({ db, config, events: pubsub, log }),
    serviceMap,
    createAlertsModule({ db, config, events: pubsub, log }),
  ]);
  const services: Services = areas.services;
  // After every area: the sweeper enforces the TTL indexes of all their collections.
  const sweeper = upkeep?.sweepTtl
    ? new TtlSweeper(db, ttlRules(areas.collections), log, (collection, deleted) => metrics.storeExpired.inc({ collection }, deleted))
    : undefined;
  const loaders: LoaderFactories<Loaders> = areas.loaders;

  const { auth, limits } = keys.services;
  limits.onRejected((budget) => ops.metrics.rateLimitRejections.inc({ budget }));
  // Store steps on the request path answer 503 past MESH_STORE_TIMEOUT_MS instead of waiting on the driver,
  // and their reads carry the same deadline to the server.
  const bounded = <T>(work: () => Promise<T>) =>
    withDeadline(config.storeTimeoutMs, () => ops.health.within(work(), config.storeTimeoutMs));
  const trustedProxies = trustedProxyRanges(config.trustedProxies);
  const authenticate: Authenticate = (headers, connection) =>
    bounded(() => auth.authenticate(presentedKey(headers), clientAddress(connection.peer, connection.headers, trustedProxies)));
  const boundedLimits = { consume: (principal: Principal) => bounded(() => limits.consume(principal)) };
  // Revocation and IP allow-lists end WebSockets and SSE subscriptions opened before them, within MESH_WS_AUTH_RECHECK_S.
  const keyWatch = new KeyWatch(
    (ids) => auth.activeKeyIds(ids),
    (principal) => auth.addressAllowed(principal.tenant.org, principal.clientAddress ?? null),
    config.wsAuthRecheckS * 1000,
  );
  const sse = createSingleConnectionSse();
  const yoga = createGraphQLServer(services, loaders, {
    keyWatch,
    graphiql: config.graphiql,
    log,
    storeTimeoutMs: config.storeTimeoutMs,
    limits: { ...config.graphqlLimits, introspection: config.graphqlIntrospection },
    transports: [sse.plugin],
  });
  const budget = new IngestBudget(config.maxIngestInflightBytes, config.maxIngestInflightBatches, (bound) =>
    ops.metrics.ingestShed.inc({ bound }),
  );
  ops.metrics.gauge(
    'mesh_ingest_inflight_bytes',
    'OTLP body bytes reserved by requests being read, decoded or written',
    () => budget.inFlight.bytes,
  );
  ops.metrics.gauge('mesh_ingest_inflight_batches', 'OTLP export requests being read, decoded or written', () => budget.inFlight.batches);
  ops.metrics.gauge(
    'mesh_subscriptions_open',
    'GraphQL subscriptions open on this instance (WebSocket and SSE)',
    () => pubsub.stats().subscriptions,
  );
  ops.metrics.gauge(
    'mesh_subscription_events_dropped',
    'Live events dropped for slow subscribers since start',
    () => pubsub.stats().dropped,
  );
  // POST /v1/traces is OTLP ingest, routed before the REST adapter; listed so a 405 there names it in Allow.
  // REST bodies are operation inputs, bounded like GraphQL request bodies (not like OTLP batches).
  const rest = createRestCompat({
    yoga,
    routes: REST_ROUTES,
    maxBodyBytes: config.graphqlLimits.maxBodyBytes,
    external: [{ method: 'POST', path: '/v1/traces' }],
    // Routes with their own documented limit (Mackerel's list: 1 request/second) charge it here, within the store deadline.
    limits: { admit: (principal, budget) => bounded(() => limits.admit(principal, budget)) },
  });

  const otlp = {
    ingest: traces.services.ingest,
    budget,
    maxBodyBytes: config.maxBodyBytes,
    store: ops.health,
    storeTimeoutMs: config.storeTimeoutMs,
    metrics: ops.metrics,
    log,
  };
  const router: RequestListener = createRouter({
    config,
    log,
    ops,
    cors: new CorsPolicy(config.corsOrigins),
    yoga,
    authenticate,
    limits: boundedLimits,
    otlp,
    rest,
    // Jaeger and Tempo clients parse their own error shapes (rest-compat/families.ts).
    familyErrorWriter,
    console: createConsoleHandler(),
  });
  const server: Server = tls === undefined ? createServer(router) : createHttpsServer(tls, router);
  // OTLP/gRPC: the same ingest, key checks, budgets and metrics as POST /v1/traces, on its own port.
  const grpc =
    config.otlpGrpc === null
      ? null
      : {
          port: config.otlpGrpc.port,
          server: createOtlpGrpcServer(
            { otlp, authenticate, limits: boundedLimits, health: ops.health, log },
            { maxMessageBytes: config.maxBodyBytes },
          ),
        };

  const ws = attachGraphQLWs(server, {
    yoga,
    authenticate,
    maxPayloadBytes: 1024 * 1024,
    rateLimit: (principal) => boundedLimits.consume(principal),
    keyWatch,
    limits: config.wsLimits,
    onRefused: (reason) => ops.metrics.wsClosed.inc({ reason }),
  });
  ops.metrics.gauge('mesh_ws_connections', 'Open graphql-ws WebSocket connections', () => ws.connections);

  return {
    server,
    yoga,
    services: { ...services, pubsub },
    collections: areas.collections,
    operations: ops,
    async start() {
      await ensureIndexes(db, areas.collections);
      if (config.bootstrapApiKey !== undefined) await auth.ensureBootstrapKey(config.bootstrapApiKey);
      await pubsub.connect();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const grpcPort = grpc === null ? null : await grpc.server.listen(config.host, grpc.port, tls);
      areas.start();
      sweeper?.start();
      const metricsPort = await ops.listenMetrics();
      log.info('gateway listening', {
        host: config.host,
        port: address.port,
        ...(grpcPort === null ? {} : { grpcPort }),
        ...(metricsPort === null ? {} : { metricsPort }),
        tls: tls !== undefined,
      });
      return { port: address.port, host: config.host, grpcPort };
    },
    // The listeners close at once and HTTP requests and gRPC calls in flight drain (within
    // MESH_SHUTDOWN_GRACE_MS) while timers stop and live connections end (WebSockets 1001, SSE streams
    // with the pubsub); the store is closed by the caller after, so every request in flight can still write.
    async stop() {
      const drained = Promise.all([ops.drain(server, config.shutdownGraceMs), grpc?.server.drain(config.shutdownGraceMs)]);
      await areas.stop();
      await sweeper?.stop();
      await ws.close();
      keyWatch.stop();
      await pubsub.close();
      sse.close();
      await drained;
      await ops.close();
    },
  };
}
