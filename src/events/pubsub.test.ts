import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../test/helpers/redis.js';
import type { HeartbeatSample, NodeStatusChange } from '../domain/nodes/node.js';
import type { NodeEvents } from '../domain/nodes/nodes.events.js';
import { silentLogger } from '../logger.js';
import { createMeshPubSub, type MeshPubSub } from './pubsub.js';

const change = (nodeId: string, n = 0): NodeStatusChange => ({
  nodeId,
  cluster: 'prod-eu-1',
  previousStatus: 'healthy',
  status: 'degraded',
  reasons: ['cpu_high'],
  changedAtMs: 1_700_000_000_000 + n,
});

const all = <T>(payload: T): T[] => [payload];

async function take<T>(stream: AsyncIterator<T>, count: number, timeoutMs = 5_000): Promise<T[]> {
  const items: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (items.length < count) {
    const result = await Promise.race([stream.next(), delay(Math.max(1, deadline - Date.now())).then(() => null)]);
    if (result === null) throw new Error(`timed out with ${items.length} of ${count} items`);
    if (result.done) break;
    items.push(result.value);
  }
  return items;
}

describe('MeshPubSub in memory', () => {
  it('delivers a tenant’s events only to that tenant’s subscribers, in publish order', async () => {
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 16, log: silentLogger });
    const a = pubsub.subscribe('node:status', 'acme:live', all);
    const sandbox = pubsub.subscribe('node:status', 'acme:test', all);
    pubsub.publish('node:status', 'acme:live', change('n1', 1));
    pubsub.publish('node:status', 'acme:test', change('sandbox-node'));
    pubsub.publish('node:status', 'acme:live', change('n1', 2));
    expect((await take(a, 2)).map((c) => c.changedAtMs)).toEqual([1_700_000_000_001, 1_700_000_000_002]);
    expect((await take(sandbox, 1)).map((c) => c.nodeId)).toEqual(['sandbox-node']);
    await pubsub.close();
  });

  it('filters before buffering: events a subscriber does not want never take its queue slots', async () => {
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 2, log: silentLogger });
    const onlyN2 = pubsub.subscribe('node:status', 'acme:live', (c) => (c.nodeId === 'n2' ? [c] : []));
    for (let i = 0; i < 50; i++) pubsub.publish('node:status', 'acme:live', change('n1', i));
    pubsub.publish('node:status', 'acme:live', change('n2'));
    await nextTurn();
    expect((await take(onlyN2, 1)).map((c) => c.nodeId)).toEqual(['n2']);
    expect(pubsub.stats().dropped).toBe(0);
    await pubsub.close();
  });

  it('bounds a subscriber that stops reading: it keeps the newest items and counts the rest as dropped, while others get everything', async () => {
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 8, log: silentLogger });
    const stalled = pubsub.subscribe('node:status', 'acme:live', all);
    const reader = pubsub.subscribe('node:status', 'acme:live', all);
    const received: number[] = [];
    const reading = (async () => {
      for await (const c of reader) {
        received.push(c.changedAtMs);
        if (received.length === 2000) break;
      }
    })();
    for (let i = 0; i < 2000; i++) {
      pubsub.publish('node:status', 'acme:live', change('n1', i));
      if (i % 100 === 99) await nextTurn();
    }
    await reading;
    expect(received).toEqual(Array.from({ length: 2000 }, (_, i) => 1_700_000_000_000 + i));
    expect(pubsub.stats()).toMatchObject({ dropped: 1992 });
    expect((await take(stalled, 8)).map((c) => c.changedAtMs - 1_700_000_000_000)).toEqual([
      1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999,
    ]);
    await pubsub.close();
  });

  it('ends a subscription on return() and stops counting it', async () => {
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 4, log: silentLogger });
    const stream = pubsub.subscribe('node:status', 'acme:live', all);
    const pending = stream.next();
    expect(pubsub.stats().subscriptions).toBe(1);
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(pubsub.stats().subscriptions).toBe(0);
    await pubsub.close();
  });
});

describe('MeshPubSub over Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  /** SUBSCRIBE is asynchronous: wait until Redis counts the subscriber of the topic. */
  async function subscribedOnRedis(topic: string, count: number): Promise<void> {
    const probe = new Redis(redis.url);
    try {
      for (let i = 0; i < 100; i++) {
        const [, n] = (await probe.pubsub('NUMSUB', topic)) as [string, number];
        if (n >= count) return;
        await delay(20);
      }
      throw new Error(`${topic} never reached ${count} subscribers`);
    } finally {
      probe.disconnect();
    }
  }

  it('carries an event published on one instance to the subscribers of another, per tenant', async () => {
    const instances: MeshPubSub<NodeEvents>[] = [0, 1].map(() =>
      createMeshPubSub<NodeEvents>({ redisUrl: redis.url, bufferSize: 16, log: silentLogger }),
    );
    const [a, b] = instances as [MeshPubSub<NodeEvents>, MeshPubSub<NodeEvents>];
    await Promise.all(instances.map((i) => i.connect()));
    expect(a.transport).toBe('redis');
    const onB = b.subscribe('node:heartbeat', 'acme:live', all);
    const otherOrgOnB = b.subscribe('node:heartbeat', 'globex:live', all);
    await subscribedOnRedis('node:heartbeat:acme:live', 1);
    await subscribedOnRedis('node:heartbeat:globex:live', 1);
    const sample = { nodeId: 'n1', receivedAtMs: 1, cluster: 'c' } as HeartbeatSample;
    a.publish('node:heartbeat', 'acme:live', sample);
    a.publish('node:heartbeat', 'acme:live', { ...sample, receivedAtMs: 2 });
    expect((await take(onB, 2)).map((h) => h.receivedAtMs)).toEqual([1, 2]);
    const nothing = await Promise.race([otherOrgOnB.next(), delay(200).then(() => 'nothing')]);
    expect(nothing).toBe('nothing');
    await Promise.all(instances.map((i) => i.close()));
  });

  it('counts a publish that Redis cannot take instead of failing the publisher', async () => {
    const lonely = await startRedis();
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: lonely.url, bufferSize: 4, log: silentLogger });
    await pubsub.connect();
    await lonely.stop();
    await delay(100);
    expect(() => pubsub.publish('node:status', 'acme:live', change('n1'))).not.toThrow();
    for (let i = 0; i < 100 && pubsub.stats().publishFailures === 0; i++) await delay(20);
    expect(pubsub.stats().publishFailures).toBe(1);
    await pubsub.close();
  });

  it('subscribes, unsubscribes and shuts down cleanly while Redis is away', async () => {
    const lonely = await startRedis();
    const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: lonely.url, bufferSize: 4, log: silentLogger });
    await pubsub.connect();
    await lonely.stop();
    await delay(100);
    const stream = pubsub.subscribe('node:status', 'acme:live', all);
    await stream.return?.();
    await pubsub.close();
    await delay(100);
    expect(pubsub.stats().subscriptions).toBe(0);
  });
});
