import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from '../../../test/helpers/mongo.js';
import { hex, otlpJson, type SimpleSpan } from '../../../test/helpers/otlp.js';
import type { Principal } from '../../auth/principal.js';
import { createMeshPubSub, type MeshPubSub } from '../../events/pubsub.js';
import { silentLogger } from '../../logger.js';
import { decodeOtlpJson } from '../../otlp/otlp-json.js';
import { createTracesModule } from '../traces/index.js';
import type { TraceEvents } from '../traces/traces.events.js';
import { createServicesModule, type ServicesServices } from './index.js';

/**
 * The pending-join window with a controlled clock: the join stores, the
 * rollups and the spans are real (MongoDB), only "now" of the join is set by
 * the test. Two service maps over one database stand for two gateway
 * instances.
 */
const WINDOW_MS = 10 * 60_000;
const principal: Principal = {
  keyId: 'k1',
  tenant: { org: 'acme', env: 'live' },
  permissions: new Set(['read', 'write']),
  rateLimit: 1000,
};

let store: TestDb;
let events: MeshPubSub<TraceEvents>;
let clock: number;

interface Instance {
  readonly map: ServicesServices;
  send(spans: readonly SimpleSpan[]): Promise<void>;
}

function instance(): Instance {
  const config = { retentionHours: 168, ingestMaxFutureSkewS: 600 };
  const { services: map } = createServicesModule({
    db: store.db,
    config,
    joinWindowMs: WINDOW_MS,
    sweepIntervalMs: 0,
    now: () => new Date(clock),
  });
  const { ingest } = createTracesModule({ db: store.db, config, events, rollups: map.rollups }).services;
  return {
    map,
    send: async (spans) => {
      await ingest.ingest(principal, decodeOtlpJson(otlpJson(spans)));
    },
  };
}

async function edges(gateway: Instance): Promise<Record<string, string>> {
  const graph = await gateway.map.topology.topology(principal, {
    from: new Date(Date.now() - 3_600_000),
    to: new Date(Date.now() + 60_000),
  });
  const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
  return Object.fromEntries(graph.edges.map((e) => [`${e.source} → ${e.target}`, `${e.requestCount} to ${typeOf.get(e.target)}`]));
}

function call(traceId = hex(16)) {
  const startMs = Date.now() - 5 * 60_000;
  const client: SimpleSpan = {
    traceId,
    spanId: hex(8),
    service: 'billing',
    name: 'GET /invoices',
    kind: 3,
    startMs,
    durationMs: 40,
    attributes: { 'server.address': 'erp.internal' },
  };
  const server: SimpleSpan = {
    traceId,
    spanId: hex(8),
    parentSpanId: client.spanId,
    service: 'erp',
    name: 'GET /invoices',
    kind: 2,
    startMs: startMs + 2,
    durationMs: 30,
  };
  return { client, server };
}

beforeEach(async () => {
  store = await testDb();
  events = createMeshPubSub({ redisUrl: undefined, bufferSize: 16, log: silentLogger });
  clock = Date.now();
});

afterEach(async () => {
  await events.close();
  await store.close();
});

describe('pending-join window', () => {
  it('pairs a server span that arrives minutes after its client span, inside the window', async () => {
    const gateway = instance();
    const { client, server } = call();
    await gateway.send([client]);
    expect(await edges(gateway)).toEqual({});
    clock += 7 * 60_000;
    await gateway.send([server]);
    expect(await edges(gateway)).toEqual({ 'billing → erp': '1 to service' });
  });

  it('pairs a client span that arrives after its server span', async () => {
    const gateway = instance();
    const { client, server } = call();
    await gateway.send([server]);
    clock += 3 * 60_000;
    await gateway.send([client]);
    expect(await edges(gateway)).toEqual({ 'billing → erp': '1 to service' });
  });

  it('counts a client span nobody answered against an EXTERNAL leaf named by server.address once the window closes', async () => {
    const gateway = instance();
    await gateway.send([call().client]);
    clock += WINDOW_MS - 1;
    await gateway.send([]);
    expect(await edges(gateway)).toEqual({});
    clock += 2;
    await gateway.send([]);
    expect(await edges(gateway)).toEqual({ 'billing → erp.internal': '1 to external' });
  });

  it('does not count a server span that arrives after the window closed on its client a second time', async () => {
    const gateway = instance();
    const { client, server } = call();
    await gateway.send([client]);
    clock += WINDOW_MS + 1;
    await gateway.send([]);
    await gateway.send([server]);
    clock += WINDOW_MS + 1;
    await gateway.send([]);
    expect(await edges(gateway)).toEqual({ 'billing → erp.internal': '1 to external' });
  });

  it('counts a closing window once when two instances sweep it at the same time', async () => {
    const a = instance();
    const b = instance();
    await a.send([call().client, call().client, call().client]);
    clock += WINDOW_MS + 1;
    await Promise.all([a.send([]), b.send([]), a.send([]), b.send([])]);
    expect(await edges(a)).toEqual({ 'billing → erp.internal': '3 to external' });
  });

  it('pairs each call exactly once when the two sides race on two instances', async () => {
    const a = instance();
    const b = instance();
    const calls = Array.from({ length: 60 }, () => call());
    await Promise.all(
      calls.flatMap(({ client, server }, i) => (i % 2 === 0 ? [a.send([client]), b.send([server])] : [b.send([client]), a.send([server])])),
    );
    expect(await edges(a)).toEqual({ 'billing → erp': '60 to service' });
    clock += WINDOW_MS + 1;
    await a.send([]);
    expect(await edges(b)).toEqual({ 'billing → erp': '60 to service' });
  });

  it('pairs every consumer of one producer span (fan-out), each once', async () => {
    const gateway = instance();
    const traceId = hex(16);
    const startMs = Date.now() - 60_000;
    const producer: SimpleSpan = {
      traceId,
      spanId: hex(8),
      service: 'orders',
      kind: 4,
      startMs,
      durationMs: 2,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'order-events' },
    };
    const consumer = (service: string): SimpleSpan => ({
      traceId,
      spanId: hex(8),
      parentSpanId: producer.spanId,
      service,
      kind: 5,
      startMs: startMs + 50,
      durationMs: 9,
    });
    await gateway.send([consumer('mailer')]);
    await gateway.send([producer, consumer('analytics')]);
    clock += 60_000;
    await gateway.send([consumer('audit')]);
    await gateway.send([producer]);
    expect(await edges(gateway)).toEqual({
      'orders → analytics': '1 to service',
      'orders → audit': '1 to service',
      'orders → kafka/order-events': '1 to messaging',
      'orders → mailer': '1 to service',
    });
  });
  it('registers no join entry for a server span whose parent is in its batch and calls no one, and still pairs those whose parent is a caller', async () => {
    const gateway = instance();
    const { client, server } = call();
    const root: SimpleSpan = { ...client, spanId: hex(8), service: 'gateway', name: 'GET /', kind: 2, attributes: {} };
    // A server span under a server span of the same batch: no caller can ever arrive under its parent's id.
    const nested: SimpleSpan = { ...server, spanId: hex(8), parentSpanId: root.spanId, service: 'auth' };
    await gateway.send([root, nested, client, server]);
    const pending = await store.db.collection('pending_edges').find().toArray();
    expect(pending.map((doc) => String(doc._id).split(':').pop())).toEqual([client.spanId]);
    expect(await edges(gateway)).toEqual({ 'billing → erp': '1 to service' });
    // The same shape with the parent in a later batch still waits for it, and pairs when the parent is a caller.
    const later = call();
    await gateway.send([later.server]);
    await gateway.send([later.client]);
    expect(await edges(gateway)).toEqual({ 'billing → erp': '2 to service' });
  });
});
