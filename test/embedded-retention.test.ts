import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import type { GatewayProcess } from './helpers/gateway-process.js';
import { embeddedDataDir, embeddedStore, spawnEmbeddedGateway, stopGateway } from './helpers/embedded-gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';

/**
 * Retention on the embedded store, whose server (mongo-java-server) keeps TTL indexes but never expires
 * anything: the gateway's sweeper deletes what each TTL index declares expired, and nothing younger.
 * Retention is set in seconds through decimal hours.
 */
const RETENTION_S = 150;
const HISTORY_S = 30;
const DAY_MS = 86_400_000;

let gateway: GatewayProcess | undefined;
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  gateway?.child.kill('SIGKILL');
  for (const step of cleanup) await step();
});

/** A call from api to orders (client and server spans, so rollups and an edge) and a call nobody answers (a pending edge). */
function traceAt(startMs: number): { traceId: string; spans: SimpleSpan[] } {
  const traceId = hex(16);
  const root = hex(8);
  const call = hex(8);
  return {
    traceId,
    spans: [
      { traceId, spanId: root, service: 'api', name: 'GET /orders', kind: 2, startMs, durationMs: 40 },
      { traceId, spanId: call, parentSpanId: root, service: 'api', name: 'GET orders', kind: 3, startMs: startMs + 1, durationMs: 30 },
      {
        traceId,
        spanId: hex(8),
        parentSpanId: call,
        service: 'orders',
        name: 'GET /orders',
        kind: 2,
        startMs: startMs + 2,
        durationMs: 25,
      },
      { traceId, spanId: hex(8), parentSpanId: root, service: 'api', name: 'GET stock', kind: 3, startMs: startMs + 5, durationMs: 10 },
    ],
  };
}

async function countWhere(db: Db, collection: string, filter: Record<string, unknown>): Promise<number> {
  return db.collection(collection).countDocuments(filter);
}

describe('retention on the embedded store', () => {
  it('removes traces, spans, rollups, rate-limit buckets, heartbeat history and pending edges after expiry, and nothing younger', async () => {
    const { dir, remove } = await embeddedDataDir();
    cleanup.push(remove);
    const apiKey = randomApiKey();
    gateway = await spawnEmbeddedGateway(dir, {
      MESH_BOOTSTRAP_API_KEY: apiKey,
      MESH_RETENTION_HOURS: String(RETENTION_S / 3600),
      MESH_NODE_HISTORY_HOURS: String(HISTORY_S / 3600),
      MESH_EMBEDDED_SNAPSHOT_S: '0',
    });
    const store = await embeddedStore(dir);
    cleanup.push(() => store.close());
    const { db } = store;
    const graphql = graphqlClient(gateway.baseUrl, apiKey);

    // Old: started 140 s ago, 10 s before the retention of 150 s ends, and in an earlier minute than the young trace.
    const now = Date.now();
    const old = traceAt(now - 140_000);
    const young = traceAt(now);
    for (const { spans } of [old, young]) expect((await postOtlpJson(gateway.baseUrl, apiKey, spans)).status).toBe(200);
    await reportHeartbeat({ graphql }, 'node-old');
    // Left by an earlier run: a rate-limit bucket past its expiry, join entries a day past theirs (their TTL).
    const longGone = new Date(now - DAY_MS - 60_000);
    await db.collection('rate_limits').insertOne({ key: 'rl:requests:key_gone:1', points: 1, expire: new Date(now - 60_000) });
    await db.collection('pending_edges').insertOne({ _id: 'default:live:gone' as never, org: 'default', env: 'live', exp: longGone });
    await db.collection('edge_claims').insertOne({ _id: 'default:live:gone:x' as never, org: 'default', env: 'live', exp: longGone });

    const oldMinute = new Date(Math.floor((now - 140_000) / 60_000) * 60_000);
    const youngMinute = new Date(Math.floor(now / 60_000) * 60_000);
    const rollups = ['service_rollups', 'operation_rollups', 'edge_rollups'];
    for (const collection of rollups) {
      expect(await countWhere(db, collection, { t: oldMinute }), collection).toBeGreaterThan(0);
      expect(await countWhere(db, collection, { t: youngMinute }), collection).toBeGreaterThan(0);
    }
    expect(await countWhere(db, 'pending_edges', { exp: { $gt: new Date(now) } })).toBeGreaterThanOrEqual(2);

    // Half the history retention later: the old heartbeat expires 15 s before this one.
    await delay(15_000);
    await reportHeartbeat({ graphql }, 'node-young');

    const gone = async (check: () => Promise<number>, withinMs: number) => {
      const until = Date.now() + withinMs;
      while ((await check()) > 0 && Date.now() < until) await delay(500);
      return check();
    };
    const sum = async (counts: Promise<number>[]) => (await Promise.all(counts)).reduce((a, b) => a + b, 0);
    const expiredSoon = () =>
      sum([
        countWhere(db, 'spans', { traceId: old.traceId }),
        countWhere(db, 'traces', { traceId: old.traceId }),
        ...rollups.map((c) => countWhere(db, c, { t: oldMinute })),
        countWhere(db, 'node_heartbeats', { nodeId: 'node-old' }),
        countWhere(db, 'rate_limits', { key: 'rl:requests:key_gone:1' }),
      ]);
    expect(await gone(expiredSoon, 30_000)).toBe(0);

    // Nothing younger went: the young trace and its rollups (a minute or more of retention left), the younger
    // heartbeat (15 s left), the buckets of this minute's requests.
    expect(await countWhere(db, 'spans', { traceId: young.traceId })).toBe(young.spans.length);
    expect(await countWhere(db, 'traces', { traceId: young.traceId })).toBe(1);
    for (const collection of rollups) expect(await countWhere(db, collection, { t: youngMinute }), collection).toBeGreaterThan(0);
    expect(await countWhere(db, 'services', {})).toBeGreaterThan(0);
    expect(await countWhere(db, 'node_heartbeats', { nodeId: 'node-young' })).toBe(1);
    expect(await countWhere(db, 'rate_limits', { expire: { $gt: new Date() } })).toBeGreaterThan(0);

    // A TTL of a day is swept once a minute, as MongoDB's TTL monitor does: the day-old join entries go, open ones stay.
    const expiredJoins = () =>
      sum([countWhere(db, 'pending_edges', { _id: 'default:live:gone' }), countWhere(db, 'edge_claims', { _id: 'default:live:gone:x' })]);
    expect(await gone(expiredJoins, 75_000)).toBe(0);
    expect(await countWhere(db, 'pending_edges', { exp: { $gt: new Date() } })).toBeGreaterThanOrEqual(2);
    const listed = (await (
      await fetch(`${gateway.baseUrl}/v1/traces/${young.traceId}`, { headers: { authorization: `Bearer ${apiKey}` } })
    ).json()) as {
      spans: unknown[];
    };
    expect(listed.spans).toHaveLength(young.spans.length);

    expect((await stopGateway(gateway)).code).toBe(0);
    gateway = undefined;
  }, 240_000);
});
