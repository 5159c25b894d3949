import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import type { Principal } from '../src/auth/principal.js';
import type { Tenant } from '../src/auth/tenant.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { ensureIndexes } from '../src/db/collections.js';
import { createServicesModule } from '../src/domain/services/index.js';
import { RollupsRepository } from '../src/domain/services/rollups.repository.js';
import { planWindow } from '../src/domain/services/time-buckets.js';
import { createTracesModule } from '../src/domain/traces/index.js';
import type { TraceEvents } from '../src/domain/traces/traces.events.js';
import { createMeshPubSub } from '../src/events/pubsub.js';
import type { ExportTraceRequest, KeyValue, OtlpSpan, ResourceSpans } from '../src/otlp/otlp.types.js';
import { silentLogger } from '../src/logger.js';
import { benchStores, printTable, timeIt, type Row } from './harness.js';
import { seededRandom } from '../src/seeded-random.js';

export interface RollupBenchOptions {
  /** Spans ingested per variant (with and without rollups) for the throughput comparison. */
  readonly throughputSpans?: number;
  /** Spans laid over the last 24 h (with rollups) before the query latencies are measured. */
  readonly querySpans?: number;
  readonly services?: number;
  /** Spans per ingest call. */
  readonly batch?: number;
  readonly concurrency?: number;
  /** Iterations per query case. */
  readonly iterations?: number;
}

/** Sized for mongo-java-server (a few hundred spans/s with every write a scan-free upsert): the whole run takes a few minutes. */
const DEFAULTS: Required<RollupBenchOptions> = {
  throughputSpans: 20_000,
  querySpans: 60_000,
  services: 50,
  batch: 1000,
  concurrency: 4,
  iterations: 30,
};
/** Simulated arrival rate of the throughput traffic: a 1000-span batch spans about a second, as at a modest production rate. */
const SIMULATED_SPANS_PER_S = 1000;
const DAY_MS = 86_400_000;
const SDK_EXPORT_SPANS = 100;
const TENANT: Tenant = { org: 'default', env: 'live' };
const CONFIG = { retentionHours: 168, ingestMaxFutureSkewS: 600 };
const PRINCIPAL: Principal = { keyId: 'bench', tenant: TENANT, permissions: new Set(['read', 'write']), rateLimit: 10_000 };

const str = (key: string, value: string): KeyValue => ({ key, value: { type: 'string', value } });

/**
 * Service-mesh traffic laid out over [startMs, endMs] in arrival order: an entry
 * service calls 2–4 others over HTTP (client + server spans), each of which
 * queries a database, and some publish to a topic consumed by another service
 * (~12 spans per trace). Spans are buffered per service and sent 100 at a time,
 * as per-service SDK exporters do, several exports per request as a collector
 * would: the two sides of a call usually arrive in different requests.
 */
function* trafficBatches(
  total: number,
  services: number,
  batch: number,
  window: { startMs: number; endMs: number },
  seed: number,
): Generator<ExportTraceRequest> {
  const r = seededRandom(seed);
  const names = Array.from({ length: services }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const buffers = new Map<string, OtlpSpan[]>();
  let outgoing: { service: string; span: OtlpSpan }[] = [];
  let generated = 0;
  const span = (
    service: string,
    traceId: string,
    parent: string | null,
    name: string,
    kind: OtlpSpan['kind'],
    startMs: number,
    durMs: number,
    attributes: KeyValue[] = [],
    error = false,
  ) => {
    const spanId = randomBytes(8).toString('hex');
    const startNs = BigInt(Math.floor(startMs * 1000)) * 1000n;
    const buffer = buffers.get(service) ?? [];
    buffers.set(service, buffer);
    buffer.push({
      traceId,
      spanId,
      parentSpanId: parent,
      traceState: '',
      flags: 1,
      name,
      kind,
      startTimeUnixNano: startNs,
      endTimeUnixNano: startNs + BigInt(Math.round(durMs * 1e6)),
      attributes,
      droppedAttributesCount: 0,
      events: [],
      droppedEventsCount: 0,
      links: [],
      droppedLinksCount: 0,
      status: { code: error ? 2 : 0, message: '' },
    });
    generated++;
    if (buffer.length >= SDK_EXPORT_SPANS) {
      outgoing.push(...buffer.map((s) => ({ service, span: s })));
      buffers.set(service, []);
    }
    return spanId;
  };
  while (generated < total) {
    const traceId = randomBytes(16).toString('hex');
    const t0 = window.startMs + (generated / total) * (window.endMs - window.startMs - 1000) + r() * 1000;
    const entry = names[Math.floor(r() * 5)]!;
    const root = span(entry, traceId, null, 'GET /api/items/{id}', 2, t0, 20 + r() * 200);
    const calls = 2 + Math.floor(r() * 3);
    for (let c = 0; c < calls; c++) {
      const callee = names[5 + Math.floor(r() * (services - 5))]!;
      const error = r() < 0.01;
      const client = span(entry, traceId, root, 'GET /internal', 3, t0 + 1, 5 + r() * 50, [str('server.address', `${callee}.mesh`)], error);
      const server = span(callee, traceId, client, 'GET /internal', 2, t0 + 2, 4 + r() * 45, [], error);
      span(callee, traceId, server, 'SELECT items', 3, t0 + 3, 1 + r() * 5, [
        str('db.system.name', 'postgresql'),
        str('server.address', `db-${callee}`),
      ]);
      if (r() < 0.3) {
        const producer = span(callee, traceId, server, 'send events', 4, t0 + 4, 1, [
          str('messaging.system', 'kafka'),
          str('messaging.destination.name', `events-${callee}`),
        ]);
        // Each topic has one consuming service, the next one in the mesh.
        span(names[5 + ((names.indexOf(callee) - 4) % (services - 5))]!, traceId, producer, 'process events', 5, t0 + 20, 2 + r() * 10);
      }
    }
    if (outgoing.length >= batch) {
      yield toRequest(outgoing);
      outgoing = [];
    }
  }
  for (const [service, buffer] of buffers) outgoing.push(...buffer.map((s) => ({ service, span: s })));
  if (outgoing.length > 0) yield toRequest(outgoing);
}

function toRequest(spans: readonly { service: string; span: OtlpSpan }[]): ExportTraceRequest {
  const byService = new Map<string, OtlpSpan[]>();
  for (const { service, span } of spans) byService.set(service, [...(byService.get(service) ?? []), span]);
  const resourceSpans: ResourceSpans[] = [...byService].map(([service, list]) => ({
    resource: {
      attributes: [str('service.name', service), str('service.namespace', 'bench'), str('k8s.cluster.name', 'bench-1')],
      droppedAttributesCount: 0,
    },
    schemaUrl: '',
    scopeSpans: [{ scope: { name: 'bench', version: '', attributes: [], droppedAttributesCount: 0 }, schemaUrl: '', spans: list }],
  }));
  return { resourceSpans };
}

function countSpans(request: ExportTraceRequest): number {
  return request.resourceSpans.reduce((n, rs) => n + rs.scopeSpans.reduce((m, ss) => m + ss.spans.length, 0), 0);
}

/** Ingests traffic through IngestService (the store write path, no HTTP), `concurrency` calls in flight; spans/s. */
async function ingestAll(
  db: Db,
  withRollups: boolean,
  spans: number,
  window: { startMs: number; endMs: number },
  opts: Required<RollupBenchOptions>,
): Promise<{ spans: number; spansPerS: number }> {
  const rollups = withRollups ? createServicesModule({ db, config: CONFIG }).services.rollups : undefined;
  const events = createMeshPubSub<TraceEvents>({ redisUrl: undefined, bufferSize: 1, log: silentLogger });
  const { ingest } = createTracesModule({ db, config: CONFIG, events, rollups }).services;
  const batches = trafficBatches(spans, opts.services, opts.batch, window, 7);
  let ingested = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      for (let next = batches.next(); !next.done; next = batches.next()) {
        await ingest.ingest(PRINCIPAL, next.value);
        ingested += countSpans(next.value);
      }
    }),
  );
  return { spans: ingested, spansPerS: Math.round((ingested / (performance.now() - t0)) * 1000) };
}

/** A database with the indexes of the two areas written here. */
async function freshDb(client: MongoClient): Promise<Db> {
  const db = client.db(`bench_${randomBytes(4).toString('hex')}`);
  const events = createMeshPubSub<TraceEvents>({ redisUrl: undefined, bufferSize: 1, log: silentLogger });
  await ensureIndexes(db, [
    ...createTracesModule({ db, config: CONFIG, events }).collections,
    ...createServicesModule({ db, config: CONFIG }).collections,
  ]);
  return db;
}

/**
 * 1. Ingest throughput with and without rollups over the same traffic
 *    (arriving at a realistic rate, so a batch touches the rollup documents
 *    of about one minute).
 * 2. Services/topology query latency over a store whose rollups cover the
 *    last 24 h for every service, through GraphQL over HTTP and as the bare
 *    rollup reads the resolvers issue: mongo-java-server scans instead of
 *    using indexes, so its absolute times say little; the ratio shows the
 *    gateway's own cost. Reads are O(keys × buckets of the window), whatever
 *    the span count.
 */
export async function runRollupBench(options: RollupBenchOptions = {}): Promise<Row[]> {
  const opts: Required<RollupBenchOptions> = { ...DEFAULTS, ...options };
  const rows: Row[] = [];
  for (const store of await benchStores()) {
    // The fail-fast deadlines (5 s) are for serving requests; a saturated embedded store (GC pauses) would trip them here.
    const client = new MongoClient(store.uri, {
      ...DRIVER_OPTIONS,
      waitQueueTimeoutMS: 120_000,
      socketTimeoutMS: 300_000,
      connectTimeoutMS: 60_000,
      serverSelectionTimeoutMS: 120_000,
    });
    await client.connect();
    const dbs: Db[] = [];
    try {
      const plain = await freshDb(client);
      const rolled = await freshDb(client);
      dbs.push(plain, rolled);
      const now = Date.now();
      const recent = { startMs: now - (opts.throughputSpans / SIMULATED_SPANS_PER_S) * 1000, endMs: now };
      const without = await ingestAll(plain, false, opts.throughputSpans, recent, opts);
      const withRollups = await ingestAll(rolled, true, opts.throughputSpans, recent, opts);
      const cost = `throughput −${Math.round((1 - withRollups.spansPerS / without.spansPerS) * 100)} %`;
      const row = (
        measure: string,
        spans: number,
        spansPerS: number | string,
        p50: number | string,
        p99: number | string,
        note: string,
      ): Row => ({ store: store.label, measure, spans, 'spans/s': spansPerS, 'p50 ms': p50, 'p99 ms': p99, note });
      rows.push(row('ingest without rollups', without.spans, without.spansPerS, '', '', ''));
      rows.push(row('ingest with rollups', withRollups.spans, withRollups.spansPerS, '', '', cost));
      const day = await ingestAll(rolled, true, opts.querySpans, { startMs: recent.startMs - DAY_MS, endMs: recent.startMs }, opts);
      const stored = withRollups.spans + day.spans;
      for (const q of await queryLatencies(rolled, opts)) rows.push(row(q.name, stored, '', q.p50, q.p99, q.note));
    } finally {
      for (const db of dbs) await db.dropDatabase();
      await client.close();
      await store.close();
    }
  }
  return rows;
}

async function queryLatencies(
  db: Db,
  opts: Required<RollupBenchOptions>,
): Promise<{ name: string; p50: number; p99: number; note: string }[]> {
  const apiKey = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    MESH_BOOTSTRAP_API_KEY: apiKey,
    MESH_RATE_LIMIT_PER_MIN: '10000',
    MESH_STORE_TIMEOUT_MS: '60000',
  });
  const app = buildApp({ config, db, log: silentLogger });
  const { port } = await app.start();
  const gql = async (query: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query }),
    });
    const json = (await res.json()) as { errors?: unknown };
    if (json.errors !== undefined) throw new Error(JSON.stringify(json.errors));
  };
  const rollups = new RollupsRepository(db);
  const window = (hours: number) => planWindow({ from: new Date(Date.now() - hours * 3_600_000), to: new Date() });
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      'services 24h (REST fields)',
      () => gql(`{ services(from: "${iso(24)}", limit: 1000) { totalCount services { name spanCount errorRate p99LatencyMs } } }`),
      () => rollups.serviceBuckets(TENANT, window(24), {}),
    ],
    [
      'services 1h + series + top ops',
      () =>
        gql(
          `{ services(limit: 1000) { services { name requestCount p99LatencyMs series { start p99LatencyMs } topOperations(limit: 5) { name } } } }`,
        ),
      () => Promise.all([rollups.serviceBuckets(TENANT, window(1), {}), rollups.serviceBuckets(TENANT, window(1), {})]),
    ],
    [
      'topology 1h',
      () => gql(`{ topology { nodes { id type } edges { source target requestCount errorRate p50LatencyMs p99LatencyMs } } }`),
      () => rollups.edgeBuckets(TENANT, window(1), {}),
    ],
    [
      'topology 6h',
      () => gql(`{ topology(from: "${iso(6)}") { nodes { id type } edges { source target requestCount p50LatencyMs p99LatencyMs } } }`),
      () => rollups.edgeBuckets(TENANT, window(6), {}),
    ],
    [
      'topology 24h',
      () => gql(`{ topology(from: "${iso(24)}") { nodes { id type } edges { source target requestCount p50LatencyMs p99LatencyMs } } }`),
      () => rollups.edgeBuckets(TENANT, window(24), {}),
    ],
    [
      'service(name) 6h + neighbours',
      () => gql(`{ service(name: "svc-07", from: "${iso(6)}") { requestCount p99LatencyMs upstream { source } downstream { target } } }`),
      () => rollups.edgeBuckets(TENANT, window(6), {}),
    ],
  ];
  const results: { name: string; p50: number; p99: number; note: string }[] = [];
  try {
    for (const [name, api, bare] of cases) {
      const viaApi = await timeIt(opts.iterations, api);
      const driver = await timeIt(opts.iterations, bare);
      results.push({
        name,
        p50: viaApi.p50,
        p99: viaApi.p99,
        note: `bare rollup read p50 ${driver.p50.toFixed(1)} ms (API ×${(viaApi.p50 / driver.p50).toFixed(1)})`,
      });
    }
  } finally {
    await app.stop();
  }
  return results;
}

function iso(hoursAgo: number): string {
  return new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fromEnv = (name: string, fallback: number) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
  const options = {
    throughputSpans: fromEnv('BENCH_ROLLUP_SPANS', DEFAULTS.throughputSpans),
    querySpans: fromEnv('BENCH_ROLLUP_QUERY_SPANS', DEFAULTS.querySpans),
  };
  printTable(
    `Service rollups: ingest cost, and services/topology latency over 24 h of rollups (${DEFAULTS.services} services)`,
    await runRollupBench(options),
  );
  process.exit(0);
}
