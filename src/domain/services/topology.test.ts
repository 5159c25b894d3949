import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../test/helpers/gateway.js';
import { hex, postOtlpJson, type SimpleSpan } from '../../../test/helpers/otlp.js';
import { emitDemoTraces } from '../../demo/demo-traffic.js';
import { RELATIVE_ACCURACY } from './latency-histogram.js';
import { durationNs, immediateLeaf, isError } from './span-roles.js';
import type { SpanDocument } from '../traces/span.document.js';
import { fromSpanDocument } from '../traces/spans.repository.js';
import type { Span } from '../traces/span.js';
import { seededRandom } from '../../seeded-random.js';

/** Rollup correctness is the point here, not the store deadline: a busy shared test store may be slow. */
const SLOW_STORE_OK = { MESH_STORE_TIMEOUT_MS: '60000' };

const TOPOLOGY = `query Topology($cluster: String, $from: DateTime, $to: DateTime) {
  topology(cluster: $cluster, from: $from, to: $to) {
    nodes { id type }
    edges { source target requestCount errorCount errorRate p50LatencyMs p99LatencyMs }
  }
}`;

const SERVICES = `query Services($from: DateTime, $to: DateTime) {
  services(from: $from, to: $to, limit: 1000) {
    totalCount
    services { name namespace cluster firstSeen spanCount requestCount errorCount p50LatencyMs p99LatencyMs }
  }
}`;

interface TopologyView {
  nodes: { id: string; type: string }[];
  edges: {
    source: string;
    target: string;
    requestCount: string;
    errorCount: string;
    errorRate: number;
    p50LatencyMs: number | null;
    p99LatencyMs: number | null;
  }[];
}

async function topology(gw: TestGateway, variables: Record<string, unknown> = {}): Promise<TopologyView> {
  const { body } = await gw.graphql<{ topology: TopologyView }>(TOPOLOGY, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.topology;
}

async function services(gw: TestGateway, variables: Record<string, unknown>): Promise<unknown> {
  const { body } = await gw.graphql<{ services: unknown }>(SERVICES, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.services;
}

const CLIENT = 3;
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
const INTERNAL = 1;

/**
 * A shop-like trace per iteration: gateway → orders (HTTP), orders → postgres
 * (db), orders → kafka topic → one or two consumers (fan-out), sometimes
 * orders → payments (HTTP, sometimes failing) → stripe (peer.service).
 */
function syntheticTraffic(traces: number, seed: number, baseMs: number): SimpleSpan[] {
  const r = seededRandom(seed);
  const spans: SimpleSpan[] = [];
  const ms = (min: number, max: number) => Math.round(min + r() * (max - min));
  const add = (s: Omit<SimpleSpan, 'spanId'> & { spanId?: string }) => {
    const span = { spanId: hex(8), resource: { 'k8s.cluster.name': 'prod-eu-1' }, ...s };
    spans.push(span);
    return span;
  };
  for (let i = 0; i < traces; i++) {
    const traceId = hex(16);
    const t0 = baseMs + i * 1000;
    const root = add({ traceId, service: 'gateway', name: 'POST /orders', kind: SERVER, startMs: t0, durationMs: ms(40, 400) });
    const call = add({
      traceId,
      parentSpanId: root.spanId,
      service: 'gateway',
      name: 'POST /orders',
      kind: CLIENT,
      startMs: t0 + 1,
      durationMs: ms(30, 300),
      attributes: { 'server.address': 'orders.shop' },
    });
    const failed = r() < 0.1;
    const orders = add({
      traceId,
      parentSpanId: call.spanId,
      service: 'orders',
      name: 'POST /orders',
      kind: SERVER,
      startMs: t0 + 2,
      durationMs: ms(20, 250),
      statusCode: failed ? 2 : 0,
    });
    add({
      traceId,
      parentSpanId: orders.spanId,
      service: 'orders',
      name: 'INSERT orders',
      kind: CLIENT,
      startMs: t0 + 3,
      durationMs: ms(1, 20),
      attributes: { 'db.system.name': 'postgresql', 'server.address': 'postgres-orders' },
    });
    add({
      traceId,
      parentSpanId: orders.spanId,
      service: 'orders',
      name: 'validate',
      kind: INTERNAL,
      startMs: t0 + 3,
      durationMs: ms(1, 5),
    });
    const publish = add({
      traceId,
      parentSpanId: orders.spanId,
      service: 'orders',
      name: 'send order-events',
      kind: PRODUCER,
      startMs: t0 + 10,
      durationMs: ms(1, 5),
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'order-events' },
    });
    add({
      traceId,
      parentSpanId: publish.spanId,
      service: 'mailer',
      name: 'process order-events',
      kind: CONSUMER,
      startMs: t0 + 40,
      durationMs: ms(5, 90),
      attributes: { 'messaging.system': 'kafka' },
    });
    if (r() < 0.3)
      add({
        traceId,
        parentSpanId: publish.spanId,
        service: 'analytics',
        name: 'process order-events',
        kind: CONSUMER,
        startMs: t0 + 60,
        durationMs: ms(2, 30),
      });
    if (r() < 0.5) {
      const pay = add({
        traceId,
        parentSpanId: orders.spanId,
        service: 'orders',
        name: 'POST /charges',
        kind: CLIENT,
        startMs: t0 + 5,
        durationMs: ms(50, 200),
        statusCode: failed ? 2 : 0,
        attributes: { 'server.address': 'payments.shop' },
      });
      const payments = add({
        traceId,
        parentSpanId: pay.spanId,
        service: 'payments',
        name: 'POST /charges',
        kind: SERVER,
        startMs: t0 + 6,
        durationMs: ms(40, 190),
        statusCode: failed ? 2 : 0,
      });
      add({
        traceId,
        parentSpanId: payments.spanId,
        service: 'payments',
        name: 'POST /v1/payment_intents',
        kind: CLIENT,
        startMs: t0 + 7,
        durationMs: ms(30, 180),
        attributes: { 'peer.service': 'stripe-api' },
      });
    }
  }
  return spans;
}

function shuffled<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function split<T>(items: readonly T[], r: () => number, maxBatch: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length;) {
    const size = 1 + Math.floor(r() * maxBatch);
    batches.push(items.slice(i, i + size));
    i += size;
  }
  return batches;
}

async function send(gw: TestGateway, batch: readonly SimpleSpan[]): Promise<void> {
  const res = await postOtlpJson(gw.baseUrl, gw.apiKey, batch);
  expect(res.status).toBe(200);
}

describe('topology under shuffled, split, concurrent and retried arrival', () => {
  const baseMs = Date.now() - 30 * 60_000;
  const window = { from: new Date(baseMs - 60_000).toISOString(), to: new Date(baseMs + 25 * 60_000).toISOString() };
  const traffic = syntheticTraffic(200, 11, baseMs);
  let inOrder: TestGateway;
  let shuffledSequential: TestGateway;
  let shuffledConcurrent: TestGateway;
  let batches: SimpleSpan[][];

  beforeAll(async () => {
    [inOrder, shuffledSequential, shuffledConcurrent] = await Promise.all([
      startTestGateway(SLOW_STORE_OK),
      startTestGateway(SLOW_STORE_OK),
      startTestGateway(SLOW_STORE_OK),
    ]);
    const r = seededRandom(5);
    // Children before parents, parents before children, traces interleaved: any order at all.
    batches = split(shuffled(traffic, r), r, 40);
    for (const batch of split(traffic, () => 0.99, 200)) await send(inOrder, batch);
    for (const batch of batches) await send(shuffledSequential, batch);
    // Eight batches in flight at once: both sides of a pair often land in concurrent requests.
    for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map((b) => send(shuffledConcurrent, b)));
  });

  afterAll(async () => {
    await Promise.all([inOrder, shuffledSequential, shuffledConcurrent].map((gw) => gw.close()));
  });

  it('counts every edge of the traffic exactly once when spans arrive in order', async () => {
    const graph = await topology(inOrder, window);
    const count = (source: string, target: string) => graph.edges.find((e) => e.source === source && e.target === target)?.requestCount;
    const spansWhere = (pred: (s: SimpleSpan) => boolean) => String(traffic.filter(pred).length);
    expect(count('gateway', 'orders')).toBe('200');
    expect(count('orders', 'postgres-orders')).toBe('200');
    expect(count('orders', 'kafka/order-events')).toBe('200');
    expect(count('orders', 'mailer')).toBe('200');
    expect(count('orders', 'analytics')).toBe(spansWhere((s) => s.service === 'analytics'));
    expect(count('orders', 'payments')).toBe(spansWhere((s) => s.service === 'payments' && s.kind === SERVER));
    expect(count('payments', 'stripe-api')).toBe(spansWhere((s) => s.attributes?.['peer.service'] === 'stripe-api'));
    expect(graph.edges).toHaveLength(7);
    expect(graph.nodes).toEqual([
      { id: 'analytics', type: 'SERVICE' },
      { id: 'gateway', type: 'SERVICE' },
      { id: 'mailer', type: 'SERVICE' },
      { id: 'orders', type: 'SERVICE' },
      { id: 'payments', type: 'SERVICE' },
      { id: 'postgres-orders', type: 'DATABASE' },
      { id: 'kafka/order-events', type: 'MESSAGING' },
      { id: 'stripe-api', type: 'EXTERNAL' },
    ]);
  });

  it('gives the same topology and services for shuffled batches, sent one by one or eight at a time', async () => {
    const expected = await topology(inOrder, window);
    expect(await topology(shuffledSequential, window)).toEqual(expected);
    expect(await topology(shuffledConcurrent, window)).toEqual(expected);
    const expectedServices = await services(inOrder, window);
    expect(await services(shuffledSequential, window)).toEqual(expectedServices);
    expect(await services(shuffledConcurrent, window)).toEqual(expectedServices);
  });

  it('changes nothing when every batch is sent again (a retrying exporter), concurrently or re-split', async () => {
    const before = { graph: await topology(shuffledConcurrent, window), services: await services(shuffledConcurrent, window) };
    for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map((b) => send(shuffledConcurrent, b)));
    const r = seededRandom(9);
    for (const batch of split(shuffled(traffic, r), r, 100)) await send(shuffledConcurrent, batch);
    expect(await topology(shuffledConcurrent, window)).toEqual(before.graph);
    expect(await services(shuffledConcurrent, window)).toEqual(before.services);
  });

  it('filters by the caller cluster', async () => {
    expect((await topology(inOrder, { ...window, cluster: 'prod-eu-1' })).edges).toHaveLength(7);
    expect(await topology(inOrder, { ...window, cluster: 'prod-us-1' })).toEqual({ nodes: [], edges: [] });
  });
});

/** The definition of docs/services-topology.md applied directly to raw spans, to check the rollups against. */
function expectedEdges(spans: readonly Span[]): Map<string, { calls: number; errors: number; latenciesNs: number[] }> {
  const byId = new Map(spans.map((s) => [`${s.traceId}:${s.spanId}`, s]));
  const edges = new Map<string, { calls: number; errors: number; latenciesNs: number[] }>();
  const count = (source: string, target: string, error: boolean, latencyNs: number) => {
    const key = `${source} → ${target}`;
    const edge = edges.get(key) ?? { calls: 0, errors: 0, latenciesNs: [] };
    edge.calls++;
    if (error) edge.errors++;
    edge.latenciesNs.push(latencyNs);
    edges.set(key, edge);
  };
  for (const span of spans) {
    const leaf = immediateLeaf(span);
    if (leaf !== null) count(span.serviceName, leaf.id, isError(span), durationNs(span));
    const parent = span.parentSpanId === null ? undefined : byId.get(`${span.traceId}:${span.parentSpanId}`);
    const entersService = span.kind === SERVER || span.kind === CONSUMER;
    const parentCalls = parent !== undefined && (parent.kind === CLIENT || parent.kind === PRODUCER);
    const parentSettled = parent !== undefined && immediateLeaf(parent) !== null && immediateLeaf(parent)!.type !== 'messaging';
    if (entersService && parentCalls && !parentSettled)
      count(parent.serviceName, span.serviceName, isError(parent) || isError(span), durationNs(span));
  }
  return edges;
}

describe('topology from real OpenTelemetry SDK spans (the demo shop)', () => {
  let gw: TestGateway;
  let graph: TopologyView;

  beforeAll(async () => {
    gw = await startTestGateway(SLOW_STORE_OK);
    await emitDemoTraces({ baseUrl: gw.baseUrl, apiKey: gw.apiKey, traces: 100, seed: 21 });
    graph = await topology(gw, { from: new Date(Date.now() - 2 * 3_600_000).toISOString() });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('types postgres-orders as DATABASE, kafka/order-events as MESSAGING, stripe-api and sendgrid-api as EXTERNAL', () => {
    const type = (id: string) => graph.nodes.find((n) => n.id === id)?.type;
    expect(type('postgres-orders')).toBe('DATABASE');
    expect(type('kafka/order-events')).toBe('MESSAGING');
    expect(type('stripe-api')).toBe('EXTERNAL');
    expect(type('sendgrid-api')).toBe('EXTERNAL');
    for (const service of ['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc', 'notification-svc'])
      expect(type(service)).toBe('SERVICE');
  });

  it('links client → server and producer → consumer across services', () => {
    const has = (source: string, target: string) => graph.edges.some((e) => e.source === source && e.target === target);
    expect(has('api-gateway', 'order-svc')).toBe(true);
    expect(has('order-svc', 'payment-svc')).toBe(true);
    expect(has('order-svc', 'notification-svc')).toBe(true);
    expect(has('payment-svc', 'stripe-api')).toBe(true);
    expect(has('order-svc', 'kafka/order-events')).toBe(true);
  });

  it('agrees with the edges computed from the raw spans: exact counts, percentiles within 2 %', async () => {
    const docs = await gw.store.db.collection<SpanDocument>('spans').find({}).toArray();
    const expected = expectedEdges(docs.map(fromSpanDocument));
    expect(graph.edges.map((e) => `${e.source} → ${e.target}`).sort()).toEqual([...expected.keys()].sort());
    for (const edge of graph.edges) {
      const exact = expected.get(`${edge.source} → ${edge.target}`)!;
      expect(Number(edge.requestCount), `${edge.source} → ${edge.target}`).toBe(exact.calls);
      expect(Number(edge.errorCount)).toBe(exact.errors);
      const sorted = [...exact.latenciesNs].sort((a, b) => a - b);
      for (const [q, reported] of [
        [0.5, edge.p50LatencyMs],
        [0.99, edge.p99LatencyMs],
      ] as const) {
        const exactMs = sorted[Math.floor(q * (sorted.length - 1))]! / 1e6;
        expect(Math.abs(reported! - exactMs)).toBeLessThanOrEqual(exactMs * RELATIVE_ACCURACY + 1e-9);
      }
    }
  });
});
