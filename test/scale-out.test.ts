import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sdkSpans } from '../bench/otlp-payloads.js';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import { spawnGateway, type GatewayProcess } from './helpers/gateway-process.js';
import { grpcExport, type GrpcFailure } from './helpers/otlp-grpc.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { directDb } from './helpers/store-gateway.js';
import { wsClient, wsSubscribe } from './helpers/subscriptions.js';

/**
 * Three gateway processes on one machine, compiled as deployed (docs/deploy.md),
 * sharing one MongoDB database and one Redis: OTLP over HTTP and gRPC spread
 * across them lands in one store, a key's rate budget is one budget whichever
 * instance charges it, and a subscriber on one instance sees heartbeats posted
 * to another.
 */
const dbName = `t_${randomBytes(8).toString('hex')}`;
const apiKey = randomApiKey();
let redis: TestRedis;
let instances: GatewayProcess[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = { MONGODB_URI: inject('mongoUri'), MONGODB_DB: dbName, REDIS_URL: redis.url, MESH_BOOTSTRAP_API_KEY: apiKey };
  instances = await Promise.all([spawnGateway(env), spawnGateway(env), spawnGateway(env)]);
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const gw of instances) gw.child.kill('SIGTERM');
  expect((await Promise.all(instances.map((gw) => gw.exited))).map((e) => e.code)).toEqual([0, 0, 0]);
  await redis?.stop();
  await (await directDb(inject('mongoUri'), dbName)).close();
});

/** The README's heartbeat (REST body). */
const HEARTBEAT = {
  cluster: 'scale-out',
  version: '3.2.1',
  cpu_percent: 12.4,
  memory_mb: 256,
  uptime_seconds: 604821,
  ingestion_rate_sps: 4782,
  spans_ingested_total: 284910,
  dropped_spans_total: 0,
  otlp_grpc_active: true,
  otlp_http_active: true,
  sampling_rate: 0.15,
  buffer_utilization_pct: 8.2,
};

/** One batch of `spans` spans over OTLP/HTTP (protobuf) or OTLP/gRPC (gzip) to one instance; true when accepted. */
async function send(gw: GatewayProcess, transport: 'http' | 'grpc', key: string, spans: ReturnType<typeof sdkSpans>) {
  const body = ProtobufTraceSerializer.serializeRequest(spans)!;
  if (transport === 'grpc') return grpcExport(gw.grpcTarget!, body, { metadata: { authorization: `Bearer ${key}` }, gzip: true });
  const res = await fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${key}` },
    body: new Blob([new Uint8Array(body)]),
  });
  await res.arrayBuffer();
  return { ok: res.status === 200, status: res.status, retryAfter: res.headers.get('retry-after') };
}

describe('three gateway processes on one store and one Redis', () => {
  it('take OTLP over HTTP and gRPC on every instance into one store that each of them reads', async () => {
    const traceIds: string[] = [];
    for (const [i, gw] of instances.entries()) {
      for (const transport of ['http', 'grpc'] as const) {
        const spans = sdkSpans(10, Date.now() - 60_000 - i * 1_000);
        traceIds.push(spans[0]!.spanContext().traceId);
        expect(await send(gw, transport, apiKey, spans)).toMatchObject({ ok: true });
      }
    }
    for (const gw of instances) {
      const { body } = await graphqlClient(
        gw.baseUrl,
        apiKey,
      )<Record<string, { spanCount: number } | null>>(
        `{ ${traceIds.map((id, i) => `t${i}: trace(traceId: "${id}") { spanCount }`).join(' ')} }`,
      );
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data!).map((t) => t?.spanCount)).toEqual(traceIds.map(() => 10));
    }
  });

  it('charge one per-key budget whichever instance and transport a request reaches', async () => {
    const { body } = await graphqlClient(
      instances[0]!.baseUrl,
      apiKey,
    )<{ createApiKey: { key: string } }>(`mutation { createApiKey(input: { env: LIVE, permissions: [WRITE], rateLimit: 12 }) { key } }`);
    expect(body.errors).toBeUndefined();
    const limited = body.data!.createApiKey.key;
    const outcomes: { ok: boolean }[] = [];
    for (let i = 0; i < 18; i++) {
      const gw = instances[i % 3]!;
      outcomes.push(await send(gw, i % 2 === 0 ? 'http' : 'grpc', limited, sdkSpans(1)));
    }
    expect(outcomes.slice(0, 12).every((o) => o.ok)).toBe(true);
    const refused = outcomes.slice(12);
    expect(refused.every((o) => !o.ok)).toBe(true);
    for (const o of refused) {
      if ('status' in o) expect(o).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
      else expect(o as GrpcFailure).toMatchObject({ codeName: 'RESOURCE_EXHAUSTED', retryDelayS: expect.any(Number) });
    }
  });

  it('deliver a heartbeat posted to one instance to a subscriber on another', async () => {
    const client = wsClient(instances[2]!.baseUrl, apiKey);
    clients.push(client);
    const query = `subscription($nodeId: String) { nodeHeartbeat(nodeId: $nodeId) { nodeId spansIngestedTotal } }`;
    const live = wsSubscribe<{ nodeId: string; spansIngestedTotal: string }>(client, 'nodeHeartbeat', query, { nodeId: 'node-scale-out' });
    // graphql-ws does not acknowledge a subscribe: wait until the subscriber's instance holds the Redis topic.
    const probe = new Redis(redis.url);
    try {
      for (let i = 0; ; i++) {
        const [, n] = (await probe.pubsub('NUMSUB', 'node:heartbeat:default:live')) as [string, number];
        if (n === 1) break;
        if (i > 250) throw new Error('the subscriber never reached Redis');
        await delay(20);
      }
    } finally {
      probe.disconnect();
    }
    for (const [i, gw] of [instances[0]!, instances[1]!].entries()) {
      const res = await fetch(`${gw.baseUrl}/v1/nodes/node-scale-out/heartbeat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ ...HEARTBEAT, uptime_seconds: 10 + i, spans_ingested_total: i + 1 }),
      });
      expect(res.status).toBe(200);
    }
    expect(await live.waitFor(2)).toEqual([
      { nodeId: 'node-scale-out', spansIngestedTotal: '1' },
      { nodeId: 'node-scale-out', spansIngestedTotal: '2' },
    ]);
    await live.close();
  });
});
