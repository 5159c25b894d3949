import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';
import { sseSubscribe, subscriptionsOpen, wsClient, wsSubscribe } from './helpers/subscriptions.js';

const HEARTBEATS = `subscription Heartbeats($nodeId: String, $cluster: String) {
  nodeHeartbeat(nodeId: $nodeId, cluster: $cluster) { nodeId cluster spansIngestedTotal spansIngested status receivedAt }
}`;

const STATUS_CHANGES = `subscription StatusChanges($cluster: String) {
  nodeStatusChanged(cluster: $cluster) { nodeId cluster previousStatus status statusReasons changedAt }
}`;

const LIVE_TAIL = `subscription LiveTail($service: String) {
  traceIngested(filter: { service: $service }) { traceId services spanCount errorCount rootServiceName rootOperation }
}`;

interface Beat {
  nodeId: string;
  cluster: string;
  spansIngestedTotal: string;
}

let gw: TestGateway;
let otherOrgKey: string;
const clients: Client[] = [];

function client(key: string): Client {
  const c = wsClient(gw.baseUrl, key);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  gw = await startTestGateway();
  otherOrgKey = (await gw.app.services.auth.createKey({ org: 'globex', env: 'live', permissions: ['read', 'write'] })).key;
});

// Each test closes what it opened; the next one counts its own subscriptions from zero.
afterEach(async () => {
  await subscriptionsOpen(gw.app, 0);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await gw.close();
});

const beat = (b: Beat) => `${b.nodeId}#${b.spansIngestedTotal}`;

describe('nodeHeartbeat subscription', () => {
  it('delivers heartbeats posted after subscribing, in order, only for the subscriber’s org and filter (graphql-ws and SSE)', async () => {
    const byCluster = wsSubscribe<Beat>(client(gw.apiKey), 'nodeHeartbeat', HEARTBEATS, { cluster: 'sub-a' });
    const byNode = wsSubscribe<Beat>(client(gw.apiKey), 'nodeHeartbeat', HEARTBEATS, { nodeId: 'sub-a-2' });
    const otherOrg = wsSubscribe<Beat>(client(otherOrgKey), 'nodeHeartbeat', HEARTBEATS);
    const sse = await sseSubscribe<Beat>(gw.baseUrl, gw.apiKey, 'nodeHeartbeat', HEARTBEATS, { cluster: 'sub-a' });
    expect(sse.status).toBe(200);
    await subscriptionsOpen(gw.app, 4);

    const posted: [string, string, number][] = [
      ['sub-a-1', 'sub-a', 10],
      ['sub-b-1', 'sub-b', 10],
      ['sub-a-2', 'sub-a', 10],
      ['sub-a-1', 'sub-a', 20],
      ['sub-a-2', 'sub-a', 20],
      ['sub-b-1', 'sub-b', 20],
      ['sub-a-1', 'sub-a', 30],
    ];
    for (const [nodeId, cluster, total] of posted) {
      await reportHeartbeat(gw, nodeId, { cluster, spansIngestedTotal: String(total), uptimeSeconds: 100 + total });
    }
    await reportHeartbeat(gw, 'globex-1', { cluster: 'sub-a', spansIngestedTotal: '5' }, otherOrgKey);

    const expectedA = ['sub-a-1#10', 'sub-a-2#10', 'sub-a-1#20', 'sub-a-2#20', 'sub-a-1#30'];
    expect((await byCluster.waitFor(5)).map(beat)).toEqual(expectedA);
    expect((await sse.waitFor(5)).map(beat)).toEqual(expectedA);
    expect((await byNode.waitFor(2)).map(beat)).toEqual(['sub-a-2#10', 'sub-a-2#20']);
    expect((await otherOrg.waitFor(1)).map(beat)).toEqual(['globex-1#5']);

    // Nothing else arrives: no other cluster, node, org or partition leaked in.
    await delay(200);
    expect(byCluster.received).toHaveLength(5);
    expect(sse.received).toHaveLength(5);
    expect(byNode.received).toHaveLength(2);
    expect(otherOrg.received).toHaveLength(1);
    await Promise.all([byCluster.close(), byNode.close(), otherOrg.close(), sse.close()]);
  });

  it('carries the heartbeat fields a chart needs, with deltas derived at ingest', async () => {
    const sub = wsSubscribe<Beat & { spansIngested: string; status: string; receivedAt: string }>(
      client(gw.apiKey),
      'nodeHeartbeat',
      HEARTBEATS,
      {
        nodeId: 'sub-fields',
      },
    );
    await subscriptionsOpen(gw.app, 1);
    const first = await reportHeartbeat(gw, 'sub-fields', { uptimeSeconds: 60, spansIngestedTotal: '100', cpuPercent: 97 });
    await reportHeartbeat(gw, 'sub-fields', { uptimeSeconds: 70, spansIngestedTotal: '175' });
    const [a, b] = await sub.waitFor(2);
    expect(a).toEqual({
      nodeId: 'sub-fields',
      cluster: 'prod-eu-1',
      spansIngestedTotal: '100',
      spansIngested: '100',
      status: 'DEGRADED',
      receivedAt: first.heartbeat.receivedAt,
    });
    expect(b).toMatchObject({ spansIngestedTotal: '175', spansIngested: '75', status: 'HEALTHY' });
    await sub.close();
  });

  it('refuses a connection without a valid key, and a subscription without the read permission', async () => {
    const anonymous = wsSubscribe<Beat>(client('mtk_live_notarealkeynotarealkey00'), 'nodeHeartbeat', HEARTBEATS);
    await expect(anonymous.waitFor(1, 3_000)).rejects.toThrow(/subscription failed/);
    const { key: writeOnly } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'] });
    const forbidden = wsSubscribe<Beat>(client(writeOnly), 'nodeHeartbeat', HEARTBEATS);
    await expect(forbidden.waitFor(1, 3_000)).rejects.toThrow(/forbidden/);
    const sse = await sseSubscribe<Beat>(gw.baseUrl, writeOnly, 'nodeHeartbeat', HEARTBEATS);
    await expect(sse.waitFor(1, 3_000)).rejects.toThrow(/forbidden/);
    await sse.close();
  });

  it('rejects a malformed filter with invalid_parameter naming it', async () => {
    const sub = wsSubscribe<Beat>(client(gw.apiKey), 'nodeHeartbeat', HEARTBEATS, { nodeId: 'bad id' });
    await expect(sub.waitFor(1, 3_000)).rejects.toThrow(/"param":"nodeId"/);
  });
});

describe('nodeStatusChanged subscription', () => {
  it('emits each transition once, from the appearance of a node through degraded and back, for the filtered cluster only', async () => {
    const sub = wsSubscribe<{ nodeId: string; previousStatus: string | null; status: string; statusReasons: string[] }>(
      client(gw.apiKey),
      'nodeStatusChanged',
      STATUS_CHANGES,
      { cluster: 'status-lab' },
    );
    const sse = await sseSubscribe<{ nodeId: string; status: string }>(gw.baseUrl, gw.apiKey, 'nodeStatusChanged', STATUS_CHANGES, {
      cluster: 'status-lab',
    });
    await subscriptionsOpen(gw.app, 2);

    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab' }); // appears: null → HEALTHY
    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab' }); // no change
    await reportHeartbeat(gw, 'elsewhere-1', { cluster: 'other-lab', cpuPercent: 99 }); // other cluster
    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab', cpuPercent: 95 }); // HEALTHY → DEGRADED
    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab', cpuPercent: 96 }); // still DEGRADED
    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab', otlpGrpcActive: false, otlpHttpActive: false }); // → UNHEALTHY
    await reportHeartbeat(gw, 'lab-1', { cluster: 'status-lab' }); // → HEALTHY

    expect(await sub.waitFor(4)).toEqual(
      [
        { nodeId: 'lab-1', previousStatus: null, status: 'HEALTHY', statusReasons: [] },
        { nodeId: 'lab-1', previousStatus: 'HEALTHY', status: 'DEGRADED', statusReasons: ['CPU_HIGH'] },
        { nodeId: 'lab-1', previousStatus: 'DEGRADED', status: 'UNHEALTHY', statusReasons: ['RECEIVERS_INACTIVE'] },
        { nodeId: 'lab-1', previousStatus: 'UNHEALTHY', status: 'HEALTHY', statusReasons: [] },
      ].map((c) => expect.objectContaining({ ...c, cluster: 'status-lab' })),
    );
    expect((await sse.waitFor(4)).map((c) => c.status)).toEqual(['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'HEALTHY']);
    await delay(200);
    expect(sub.received).toHaveLength(4);
    await Promise.all([sub.close(), sse.close()]);
  });
});

describe('traceIngested subscription (live tail)', () => {
  it('streams the traces of each stored batch, filtered by service, to the ingesting org only', async () => {
    type Row = {
      traceId: string;
      services: string[];
      spanCount: number;
      errorCount: number;
      rootServiceName: string | null;
      rootOperation: string | null;
    };
    const checkout = wsSubscribe<Row>(client(gw.apiKey), 'traceIngested', LIVE_TAIL, { service: 'checkout' });
    const everything = wsSubscribe<Row>(client(gw.apiKey), 'traceIngested', LIVE_TAIL);
    const otherOrg = wsSubscribe<Row>(client(otherOrgKey), 'traceIngested', LIVE_TAIL);
    await subscriptionsOpen(gw.app, 3);

    const now = Date.now();
    const [t1, t2] = [hex(16), hex(16)];
    const root = hex(8);
    const batch: SimpleSpan[] = [
      { traceId: t1, spanId: root, service: 'checkout', name: 'POST /checkout', startMs: now - 50, durationMs: 40 },
      {
        traceId: t1,
        spanId: hex(8),
        parentSpanId: root,
        service: 'payments',
        name: 'charge',
        startMs: now - 45,
        durationMs: 20,
        statusCode: 2,
      },
      { traceId: t2, spanId: hex(8), service: 'search', name: 'GET /search', startMs: now - 30, durationMs: 10 },
    ];
    expect((await postOtlpJson(gw.baseUrl, gw.apiKey, batch)).status).toBe(200);

    expect(await checkout.waitFor(1)).toEqual([
      {
        traceId: t1,
        services: ['checkout', 'payments'],
        spanCount: 2,
        errorCount: 1,
        rootServiceName: 'checkout',
        rootOperation: 'POST /checkout',
      },
    ]);
    expect((await everything.waitFor(2)).map((r) => r.traceId)).toEqual([t1, t2]);
    await delay(200);
    expect(checkout.received).toHaveLength(1);
    expect(otherOrg.received).toHaveLength(0);

    // A retried batch (every span a duplicate) stores nothing new and announces nothing.
    expect((await postOtlpJson(gw.baseUrl, gw.apiKey, batch)).status).toBe(200);
    await delay(200);
    expect(everything.received).toHaveLength(2);
    await Promise.all([checkout.close(), everything.close(), otherOrg.close()]);
  });
});
