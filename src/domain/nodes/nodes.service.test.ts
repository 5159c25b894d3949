import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from '../../../test/helpers/mongo.js';
import type { Principal } from '../../auth/principal.js';
import { ensureIndexes } from '../../db/collections.js';
import { createMeshPubSub, type MeshPubSub } from '../../events/pubsub.js';
import { silentLogger } from '../../logger.js';
import type { HeartbeatInput } from './heartbeat.js';
import { createNodesModule } from './index.js';
import type { NodeStatusChange } from './node.js';
import type { NodeEvents } from './nodes.events.js';
import type { NodesService } from './nodes.service.js';

/**
 * The service against a real MongoDB-wire server, with a controlled clock,
 * and two service instances on one database standing in for two gateways.
 */

const T0 = Date.parse('2026-03-15T09:00:00.000Z');
const config = {
  nodeOfflineAfterS: 90,
  nodeHealth: { degradedCpuPct: 90, degradedBufferPct: 80, unhealthyBufferPct: 100 },
  nodeSweepIntervalMs: 15_000,
  nodeHistoryHours: 24,
};

const principal = (org: string): Principal => ({
  keyId: `key_${org}`,
  tenant: { org, env: 'live' },
  permissions: new Set(['read', 'write']),
  rateLimit: 1000,
});

const report = (overrides: Partial<HeartbeatInput> = {}): HeartbeatInput => ({
  cluster: 'prod-eu-1',
  version: '3.2.1',
  cpuPercent: 10,
  memoryMb: 256,
  uptimeSeconds: 60,
  ingestionRateSps: 100,
  spansIngestedTotal: 0,
  droppedSpansTotal: 0,
  otlpGrpcActive: true,
  otlpHttpActive: true,
  samplingRate: 1,
  bufferUtilizationPct: 5,
  ...overrides,
});

let store: TestDb;
let clock = T0;
const instances: { service: NodesService; pubsub: MeshPubSub<NodeEvents>; changes: NodeStatusChange[] }[] = [];

async function instance(org: string) {
  const pubsub = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 10_000, log: silentLogger });
  const service = createNodesModule({ db: store.db, config, events: pubsub, log: silentLogger, now: () => new Date(clock) }).services.nodes;
  const changes: NodeStatusChange[] = [];
  const stream = pubsub.subscribe('node:status', `${org}:live`, (c) => [c]);
  void (async () => {
    for await (const c of stream) changes.push(c);
  })();
  const entry = { service, pubsub, changes };
  instances.push(entry);
  return entry;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  store = await testDb();
  const events = createMeshPubSub<NodeEvents>({ redisUrl: undefined, bufferSize: 1, log: silentLogger });
  await ensureIndexes(store.db, createNodesModule({ db: store.db, config, events, log: silentLogger }).collections);
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.pubsub.close()));
  await store.close();
});

describe('NodesService across instances', () => {
  it('announces each offline transition once when two instances sweep at the same time', async () => {
    clock = T0;
    const [a, b] = [await instance('sweep'), await instance('sweep')];
    const nodeIds = Array.from({ length: 40 }, (_, i) => `node-${String(i).padStart(2, '0')}`);
    for (const id of nodeIds) await a.service.reportHeartbeat(principal('sweep'), id, report());
    await settle();
    a.changes.length = 0;
    b.changes.length = 0;

    clock = T0 + 89_000;
    expect(await Promise.all([a.service.sweepOffline(), b.service.sweepOffline()])).toEqual([0, 0]);
    clock = T0 + 91_000;
    const counts = await Promise.all([
      a.service.sweepOffline(),
      b.service.sweepOffline(),
      a.service.sweepOffline(),
      b.service.sweepOffline(),
    ]);
    await settle();
    expect(counts.reduce((x, y) => x + y, 0)).toBe(40);
    const announced = [...a.changes, ...b.changes];
    expect(announced.map((c) => c.nodeId).sort()).toEqual(nodeIds);
    expect(new Set(announced.map((c) => `${c.previousStatus}->${c.status}@${c.changedAtMs}`))).toEqual(
      new Set([`healthy->offline@${T0 + 90_000}`]),
    );
  });

  it('announces the appearance of a node once when its first heartbeats race on two instances', async () => {
    clock = T0;
    const [a, b] = [await instance('race'), await instance('race')];
    const results = await Promise.all([
      a.service.reportHeartbeat(principal('race'), 'node-1', report()),
      b.service.reportHeartbeat(principal('race'), 'node-1', report()),
      a.service.reportHeartbeat(principal('race'), 'node-1', report()),
    ]);
    await settle();
    expect(results.every((r) => r.node.status === 'healthy')).toBe(true);
    expect([...a.changes, ...b.changes]).toEqual([
      { nodeId: 'node-1', cluster: 'prod-eu-1', previousStatus: null, status: 'healthy', reasons: [], changedAtMs: T0 },
    ]);
  });
});

describe('NodesService 1 h figures', () => {
  it('sums only the deltas of heartbeats received in the last hour', async () => {
    const { service } = await instance('window');
    const who = principal('window');
    clock = T0;
    await service.reportHeartbeat(who, 'node-w', report({ uptimeSeconds: 60, spansIngestedTotal: 500, droppedSpansTotal: 3 }));
    clock = T0 + 30 * 60_000;
    await service.reportHeartbeat(who, 'node-w', report({ uptimeSeconds: 1860, spansIngestedTotal: 800, droppedSpansTotal: 3 }));
    clock = T0 + 65 * 60_000;
    await service.reportHeartbeat(who, 'node-w', report({ uptimeSeconds: 3960, spansIngestedTotal: 1000, droppedSpansTotal: 4 }));
    // At T0+65 min the first heartbeat (T0) has left the window: 300 + 200 spans, 0 + 1 dropped.
    expect(await service.windowTotals(who, ['node-w', 'never-seen'])).toEqual(
      new Map([['node-w', { spansIngested: 500, droppedSpans: 1 }]]),
    );
    clock = T0 + 200 * 60_000;
    expect((await service.windowTotals(who, ['node-w'])).size).toBe(0);
  });
});
