import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeer, startTestGateway, type GatewayPeer, type TestGateway } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { sseSubscribe, subscriptionsOpen, wsClient, wsSubscribe } from './helpers/subscriptions.js';

/**
 * Two gateway instances on one MongoDB database and one Redis, as in a
 * scaled-out deployment: events posted to one reach subscribers of the
 * other, and the offline sweep (running on both) announces a transition once.
 */

const OFFLINE_AFTER_S = 2;

let redis: TestRedis;
let a: TestGateway;
let b: GatewayPeer;
const clients: Client[] = [];

/** SUBSCRIBE reaches Redis asynchronously: wait until every instance's subscriber connection holds the topic. */
async function redisSubscribers(topic: string, count: number): Promise<void> {
  const probe = new Redis(redis.url);
  try {
    for (let i = 0; i < 250; i++) {
      const [, n] = (await probe.pubsub('NUMSUB', topic)) as [string, number];
      if (n === count) return;
      await delay(20);
    }
    throw new Error(`${topic} never reached ${count} Redis subscribers`);
  } finally {
    probe.disconnect();
  }
}

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, MESH_NODE_OFFLINE_AFTER_S: String(OFFLINE_AFTER_S), MESH_NODE_SWEEP_INTERVAL_MS: '100' };
  a = await startTestGateway(env);
  b = await startPeer(a, env);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b?.app.stop();
  await a?.close();
  await redis?.stop();
});

function client(baseUrl: string): Client {
  const c = wsClient(baseUrl, a.apiKey);
  clients.push(c);
  return c;
}

describe('two gateway instances with REDIS_URL', () => {
  it('delivers a heartbeat posted to one instance to subscribers of the other, in order', async () => {
    expect(a.app.services.pubsub.transport).toBe('redis');
    const query = `subscription($nodeId: String) { nodeHeartbeat(nodeId: $nodeId) { nodeId spansIngestedTotal } }`;
    const onA = wsSubscribe<{ spansIngestedTotal: string }>(client(a.baseUrl), 'nodeHeartbeat', query, { nodeId: 'node-x' });
    const onB = await sseSubscribe<{ spansIngestedTotal: string }>(b.baseUrl, a.apiKey, 'nodeHeartbeat', query, { nodeId: 'node-x' });
    await subscriptionsOpen(a.app, 1);
    await subscriptionsOpen(b.app, 1);
    await redisSubscribers('node:heartbeat:default:live', 2);

    await reportHeartbeat(b, 'node-x', { uptimeSeconds: 10, spansIngestedTotal: '1' });
    await reportHeartbeat(a, 'node-x', { uptimeSeconds: 20, spansIngestedTotal: '2' });
    await reportHeartbeat(b, 'node-x', { uptimeSeconds: 30, spansIngestedTotal: '3' });

    expect((await onA.waitFor(3)).map((h) => h.spansIngestedTotal)).toEqual(['1', '2', '3']);
    expect((await onB.waitFor(3)).map((h) => h.spansIngestedTotal)).toEqual(['1', '2', '3']);
    await Promise.all([onA.close(), onB.close()]);
    await subscriptionsOpen(a.app, 0);
    await subscriptionsOpen(b.app, 0);
  });

  it('fires the offline transition once after the timeout, and it reaches subscribers on both instances', async () => {
    const query = `subscription { nodeStatusChanged(cluster: "multi") { nodeId previousStatus status statusReasons changedAt } }`;
    type Change = { nodeId: string; previousStatus: string | null; status: string; statusReasons: string[]; changedAt: string };
    const onA = wsSubscribe<Change>(client(a.baseUrl), 'nodeStatusChanged', query);
    const onB = wsSubscribe<Change>(client(b.baseUrl), 'nodeStatusChanged', query);
    await subscriptionsOpen(a.app, 1);
    await subscriptionsOpen(b.app, 1);
    await redisSubscribers('node:status:default:live', 2);

    const { heartbeat } = await reportHeartbeat(a, 'node-going-away', { cluster: 'multi' });
    const offlineAt = new Date(Date.parse(heartbeat.receivedAt) + OFFLINE_AFTER_S * 1000).toISOString();
    const expected = [
      { nodeId: 'node-going-away', previousStatus: null, status: 'HEALTHY', statusReasons: [], changedAt: heartbeat.receivedAt },
      { nodeId: 'node-going-away', previousStatus: 'HEALTHY', status: 'OFFLINE', statusReasons: ['NO_HEARTBEAT'], changedAt: offlineAt },
    ];
    expect(await onA.waitFor(2, 10_000)).toEqual(expected);
    expect(await onB.waitFor(2, 10_000)).toEqual(expected);
    // Both instances keep sweeping every 100 ms: still exactly one OFFLINE each.
    await delay(1_000);
    expect(onA.received).toHaveLength(2);
    expect(onB.received).toHaveLength(2);

    // Coming back is a transition too, announced once, whichever instance takes the heartbeat.
    await reportHeartbeat(b, 'node-going-away', { cluster: 'multi' });
    const [, , back] = await onA.waitFor(3);
    expect(back).toMatchObject({ previousStatus: 'OFFLINE', status: 'HEALTHY' });
    await onB.waitFor(3);
    await delay(300);
    expect([onA.received.length, onB.received.length]).toEqual([3, 3]);
    await Promise.all([onA.close(), onB.close()]);
  });
});
