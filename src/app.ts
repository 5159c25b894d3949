import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from 'mongodb';
import { AuthService, presentedKey } from './auth/auth.service.js';
import { apiKeysCollection, ApiKeysRepository } from './auth/api-keys.repository.js';
import { OrgsRepository, orgsCollection } from './auth/orgs.repository.js';
import type { Principal } from './auth/principal.js';
import { RateLimits, rateLimitsCollection } from './auth/rate-limit.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import { ensureIndexes, type CollectionSpec } from './db/collections.js';
import { isStoreUnavailable } from './db/store-errors.js';
import { spansCollection, SpansRepository } from './domain/spans/spans.repository.js';
import { TRACES_COLLECTION, tracesCollection, TracesRepository } from './domain/traces/traces.repository.js';
import { TracesService } from './domain/traces/traces.service.js';
import { CompletenessService } from './domain/traces/completeness.service.js';
import { SearchService } from './domain/search/search.service.js';
import { nodeHeartbeatsCollection, nodesCollection, NodesRepository } from './domain/nodes/nodes.repository.js';
import { NodesService } from './domain/nodes/nodes.service.js';
import { NodeOfflineSweeper } from './domain/nodes/nodes.sweeper.js';
import { maxWindowMsFor } from './domain/rollups/time-buckets.js';
import { createServiceMap, serviceMapCollections } from './domain/topology/service-map.js';
import { alertCollections, createAlerting } from './domain/alerts/alerting.js';
import { LiveTailService } from './domain/traces/live-tail.js';
import { createMeshPubSub } from './graphql/pubsub.js';
import { MethodNotAllowedError, NotFoundError } from './errors.js';
import { attachGraphQLWs } from './http/graphql-ws.js';
import { handleOtlpTraces, IngestBudget } from './http/otlp-handler.js';
import { admitHttpRequest } from './http/rate-limit-http.js';
import { requestIdFor } from './http/request-id.js';
import { sendJson } from './http/respond.js';
import { assertDeclaredBody, METRICS_PATH, Operations } from './http/ops.js';
import { sendRouteError } from './http/route-error.js';
import { createConsoleHandler } from './http/static-ui.js';
import { createGraphQLServer, type GraphQLServer } from './http/yoga.js';
import { IngestService } from './ingest/ingest.service.js';
import type { Logger } from './logger.js';
import { createRestCompat } from '../rest-compat/rest-handler.js';
import { REST_ROUTES } from '../rest-compat/routes/index.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
}

export interface App {
  readonly server: Server;
  readonly yoga: GraphQLServer;
  readonly services: Services & { readonly ingest: IngestService };
  /** Metrics, store health, readiness and drain (src/http/ops.ts). */
  readonly operations: Operations;
  /** Creates indexes and the bootstrap key, then listens; resolves with the bound port. */
  start(): Promise<{ port: number; host: string }>;
  stop(): Promise<void>;
}

/** Every collection the gateway owns, with the indexes that serve its queries. */
export function collectionSpecs(config: Pick<Config, 'retentionHours'> & Partial<Pick<Config, 'nodeHistoryHours'>>): CollectionSpec[] {
  const retentionS = config.retentionHours * 3600;
  return [
    spansCollection(retentionS),
    tracesCollection(retentionS),
    apiKeysCollection,
    orgsCollection,
    rateLimitsCollection,
    nodesCollection,
    nodeHeartbeatsCollection((config.nodeHistoryHours ?? 24) * 3600),
    ...serviceMapCollections(retentionS),
    ...alertCollections(retentionS),
  ];
}

function headersOf(req: IncomingMessage) {
  return {
    get(name: string): string | null {
      const v = req.headers[name.toLowerCase()];
      return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
    },
  };
}

/** Builds the gateway without listening: tests use `yoga.fetch` or `start()` on port 0. */
export function buildApp(deps: AppDeps): App {
  const { config, db, log } = deps;
  const spansRepo = new SpansRepository(db, TRACES_COLLECTION);
  const tracesRepo = new TracesRepository(db, spansRepo);
  const auth = new AuthService(new ApiKeysRepository(db), new OrgsRepository(db), { defaultRateLimit: config.rateLimitPerMin });
  const limits = new RateLimits(db);
  const ops = new Operations({ config, db, log, routeTemplates: REST_ROUTES.map((r) => r.path) });
  limits.onRejected((budget) => ops.metrics.rateLimitRejections.inc({ budget }));
  // Store steps on the request path answer 503 past MESH_STORE_TIMEOUT_MS instead of waiting on the driver.
  const boundedLimits = { consume: (principal: Principal) => ops.health.within(limits.consume(principal), config.storeTimeoutMs) };
  const traces = new TracesService(tracesRepo, spansRepo);
  const pubsub = createMeshPubSub({ redisUrl: config.redisUrl, bufferSize: config.subscriptionBuffer, log });
  const liveTail = new LiveTailService(pubsub);
  const nodesRepo = new NodesRepository(db);
  const nodes = new NodesService(nodesRepo, pubsub, { offlineAfterS: config.nodeOfflineAfterS, thresholds: config.nodeHealth });
  const completeness = new CompletenessService(nodesRepo, { slackMs: config.nodeOfflineAfterS * 1000, historyMs: config.nodeHistoryHours * 3_600_000 });
  const sweeper = new NodeOfflineSweeper(nodes, config.nodeSweepIntervalMs, log);
  const serviceMap = createServiceMap(db, { maxWindowMs: maxWindowMsFor(config.retentionHours) });
  const ingest = new IngestService(spansRepo, tracesRepo, {
    retentionHours: config.retentionHours,
    clusterFallbackAttribute: 'cluster',
    onStored: (tenant, spans) => liveTail.publish(tenant, spans),
    rollups: serviceMap.rollups,
  });
  const search = new SearchService(traces);
  const alerting = createAlerting({ db, config, pubsub, log });
  const services = {
    auth,
    traces,
    search,
    ingest,
    limits,
    nodes,
    liveTail,
    pubsub,
    catalog: serviceMap.catalog,
    topology: serviceMap.topology,
    alerts: alerting.alerts,
    alertChannels: alerting.channels,
    completeness,
  };
  const yoga = createGraphQLServer(services, {
    graphiql: config.graphiql,
    development: config.nodeEnv === 'development',
    limits: { ...config.graphqlLimits, introspection: config.graphqlIntrospection },
  });
  const budget = new IngestBudget(config.maxIngestInflightBytes, config.maxIngestInflightBatches, (bound) => ops.metrics.ingestShed.inc({ bound }));
  ops.metrics.gauge('mesh_ingest_inflight_bytes', 'OTLP body bytes reserved by requests being read, decoded or written', () => budget.inFlight.bytes);
  ops.metrics.gauge('mesh_ingest_inflight_batches', 'OTLP export requests being read, decoded or written', () => budget.inFlight.batches);
  ops.metrics.gauge('mesh_subscriptions_open', 'GraphQL subscriptions open on this instance (WebSocket and SSE)', () => pubsub.stats().subscriptions);
  ops.metrics.gauge('mesh_subscription_events_dropped', 'Live events dropped for slow subscribers since start', () => pubsub.stats().dropped);
  // POST /v1/traces is OTLP ingest, routed before the REST adapter; listed so a 405 there names it in Allow.
  // REST bodies are operation inputs, bounded like GraphQL request bodies (not like OTLP batches).
  const rest = createRestCompat({
    yoga,
    routes: REST_ROUTES,
    maxBodyBytes: config.graphqlLimits.maxBodyBytes,
    external: [{ method: 'POST', path: '/v1/traces' }],
    // Routes with their own documented limit (Mackerel's list: 1 request/second) charge it here.
    limits,
  });

  const consoleUi = createConsoleHandler();

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return ops.sendReadiness(res);
    if (path === METRICS_PATH && ops.metricsOnApiPort) return ops.sendMetrics(res);
    // The web console (static, no key: its API calls carry the key the user enters); `/` redirects to it.
    if (await consoleUi.handle(req, res, path)) return;
    // A body declared larger than its route takes is refused before any store work (OTLP batches vs operation inputs).
    assertDeclaredBody(req, path === '/v1/traces' ? config.maxBodyBytes : config.graphqlLimits.maxBodyBytes);
    // Every other route needs the store (keys live there): while it is known down, 503 at once.
    ops.health.assertAvailable();
    const principal: Principal | null = await ops.health.within(auth.authenticate(presentedKey(headersOf(req))), config.storeTimeoutMs);
    // One unit of the key's per-minute budget per request, before any route runs; a 429 is answered there.
    if (principal !== null && !(await admitHttpRequest(boundedLimits, principal, req, res, requestId, yoga.graphqlEndpoint))) return;
    if (path === '/v1/traces' && method === 'POST') {
      const otlp = { ingest, budget, maxBodyBytes: config.maxBodyBytes, store: ops.health, storeTimeoutMs: config.storeTimeoutMs, metrics: ops.metrics };
      return handleOtlpTraces(otlp, req, res, { principal, requestId });
    }
    if (path === yoga.graphqlEndpoint) {
      const wantsGraphiQL = method === 'GET' && config.graphiql && (req.headers.accept ?? '').includes('text/html');
      if (principal === null && !wantsGraphiQL) {
        return sendJson(res, 401, { errors: [{ message: 'Missing or invalid API key', extensions: { code: 'unauthorized' } }] });
      }
      // `handle(req, res)` writes the response; handleNodeRequestAndResponse only returns it.
      await yoga.handle(req, res, { requestId, principal });
      return;
    }
    if (await rest.handle(req, res, { requestId, principal })) return;
    if (path === '/v1/traces') throw new MethodNotAllowedError(`Method ${method} is not allowed on ${path}`, ['GET', 'POST']);
    throw new NotFoundError(`No route for ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    ops.observe(req, res);
    route(req, res, requestId).catch((error: unknown) => {
      if (!(error instanceof Error && 'status' in error) && !isStoreUnavailable(error)) log.error('request failed', { requestId, error: String(error) });
      sendRouteError(req, res, error, requestId, yoga.graphqlEndpoint);
    });
  });

  const ws = attachGraphQLWs(server, {
    yoga,
    authenticate: (headers) => ops.health.within(auth.authenticate(presentedKey(headers)), config.storeTimeoutMs),
    maxPayloadBytes: 1024 * 1024,
    rateLimit: (principal) => boundedLimits.consume(principal),
    activeKeyIds: (ids) => auth.activeKeyIds(ids),
    recheckIntervalMs: config.wsAuthRecheckS * 1000,
    limits: config.wsLimits,
    onRefused: (reason) => ops.metrics.wsClosed.inc({ reason }),
  });
  ops.metrics.gauge('mesh_ws_connections', 'Open graphql-ws WebSocket connections', () => ws.connections);

  return {
    server,
    yoga,
    services,
    operations: ops,
    async start() {
      await ensureIndexes(db, collectionSpecs(config));
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
      sweeper.start();
      alerting.start();
      const metricsPort = await ops.listenMetrics();
      log.info('gateway listening', { host: config.host, port: address.port, ...(metricsPort === null ? {} : { metricsPort }) });
      return { port: address.port, host: config.host };
    },
    // The listener closes at once and HTTP requests in flight drain (within MESH_SHUTDOWN_GRACE_MS) while
    // timers stop and live connections end (WebSockets 1001, SSE streams with the pubsub); the store is
    // closed by the caller after, so every request in flight can still write.
    async stop() {
      const drained = ops.drain(server, config.shutdownGraceMs);
      await sweeper.stop();
      await alerting.stop();
      await ws.close();
      await pubsub.close();
      await drained;
      await ops.close();
    },
  };
}
