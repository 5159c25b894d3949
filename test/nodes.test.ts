import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_HEARTBEAT, REPORT_HEARTBEAT, reportHeartbeat } from './helpers/nodes.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const NODE = `query Node($nodeId: String!) {
  node(nodeId: $nodeId) {
    nodeId cluster version status statusReasons statusSince firstSeen lastHeartbeat cpuPercent memoryMb spansIngested1h
    health {
      status statusReasons uptimeSeconds ingestionRateSps spansIngested1h droppedSpans1h
      otlpGrpcActive otlpHttpActive samplingRate bufferUtilizationPct cpuPercent memoryMb
    }
    heartbeats { receivedAt spansIngestedTotal spansIngested droppedSpans restarted status }
  }
}`;

const LIST = `query Nodes($cluster: String, $status: NodeStatus, $first: Int, $after: String) {
  nodes(cluster: $cluster, status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { nodeId cluster status spansIngested1h } }
  }
}`;

interface NodeData {
  node: {
    nodeId: string;
    status: string;
    statusReasons: string[];
    spansIngested1h: string;
    health: Record<string, unknown>;
    heartbeats: { spansIngested: string; droppedSpans: string; restarted: boolean; status: string; spansIngestedTotal: string }[];
  } & Record<string, unknown>;
}

interface ListData {
  nodes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { nodeId: string; cluster: string; status: string; spansIngested1h: string } }[];
  };
}

describe('reportHeartbeat', () => {
  it('registers a node on its first heartbeat, with the documented example reported back as healthy', async () => {
    const before = Date.now();
    const result = await reportHeartbeat(gw, 'node-eu-central-1a-07');
    expect(result.node).toMatchObject({ nodeId: 'node-eu-central-1a-07', cluster: 'prod-eu-1', status: 'HEALTHY', statusReasons: [] });
    expect(Date.parse(result.node.lastHeartbeat)).toBeGreaterThanOrEqual(before - 5);

    const { body } = await gw.graphql<NodeData>(NODE, { nodeId: 'node-eu-central-1a-07' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toMatchObject({
      cluster: 'prod-eu-1',
      version: '3.2.1',
      status: 'HEALTHY',
      cpuPercent: 12.4,
      memoryMb: 256,
      // Up for a week when first seen: its counters are the baseline, not the last hour's work.
      spansIngested1h: '0',
      health: {
        status: 'HEALTHY',
        statusReasons: [],
        uptimeSeconds: 604_821,
        ingestionRateSps: 4782,
        droppedSpans1h: '0',
        otlpGrpcActive: true,
        otlpHttpActive: true,
        samplingRate: 0.15,
        bufferUtilizationPct: 8.2,
      },
    });
    expect(body.data!.node.heartbeats).toEqual([
      {
        receivedAt: result.heartbeat.receivedAt,
        spansIngestedTotal: '284910',
        spansIngested: '0',
        droppedSpans: '0',
        restarted: false,
        status: 'HEALTHY',
      },
    ]);
  });

  it('answers null for a node that never sent a heartbeat', async () => {
    const { body } = await gw.graphql<NodeData>(NODE, { nodeId: 'never-seen' });
    expect(body).toEqual({ data: { node: null } });
  });

  it.each([
    ['cpu_percent', 'node-a', { cpuPercent: 150 }, "Parameter 'cpu_percent' must be a number from 0 to 100"],
    ['buffer_utilization_pct', 'node-a', { bufferUtilizationPct: -3 }, "Parameter 'buffer_utilization_pct' must be a number from 0 to 100"],
    ['sampling_rate', 'node-a', { samplingRate: 1.5 }, "Parameter 'sampling_rate' must be a number from 0 to 1"],
    [
      'spans_ingested_total',
      'node-a',
      { spansIngestedTotal: '-1' },
      "Parameter 'spans_ingested_total' must be an integer from 0 to 9007199254740991",
    ],
    ['uptime_seconds', 'node-a', { uptimeSeconds: -1 }, "Parameter 'uptime_seconds' must be an integer from 0 to 2147483647"],
    ['cluster', 'node-a', { cluster: 'prod eu' }, "Parameter 'cluster' must be 1–128 characters"],
    ['version', 'node-a', { version: '' }, "Parameter 'version' must be 1–64 characters"],
    ['node_id', 'node a/../b', {}, "Parameter 'node_id' must be 1–128 characters"],
  ])('rejects an invalid %s with invalid_parameter naming it', async (param, nodeId, overrides, message) => {
    const { status, body } = await gw.graphql(REPORT_HEARTBEAT, { nodeId, input: { ...EXAMPLE_HEARTBEAT, ...overrides } });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'invalid_parameter', param } });
    expect(body.errors?.[0]?.message).toContain(message);
    expect((await gw.graphql<NodeData>(NODE, { nodeId: 'node-a' })).body.data?.node).toBeNull();
  });

  it('rejects a heartbeat with a missing field before it reaches the service', async () => {
    const { cpuPercent: _omitted, ...withoutCpu } = EXAMPLE_HEARTBEAT;
    const { body } = await gw.graphql(REPORT_HEARTBEAT, { nodeId: 'node-a', input: withoutCpu });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'invalid_parameter' } });
    expect(body.errors?.[0]?.message).toContain('cpuPercent');
  });

  it('requires the write permission', async () => {
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] });
    const { body } = await gw.graphql(REPORT_HEARTBEAT, { nodeId: 'node-ro', input: EXAMPLE_HEARTBEAT }, key);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'forbidden' } });
  });

  it('computes degraded and unhealthy from the documented thresholds, with the rules that fired', async () => {
    expect((await reportHeartbeat(gw, 'node-hot', { cpuPercent: 95.5 })).node).toMatchObject({
      status: 'DEGRADED',
      statusReasons: ['CPU_HIGH'],
    });
    expect((await reportHeartbeat(gw, 'node-full', { bufferUtilizationPct: 85 })).node).toMatchObject({
      status: 'DEGRADED',
      statusReasons: ['BUFFER_HIGH'],
    });
    expect((await reportHeartbeat(gw, 'node-deaf', { otlpGrpcActive: false, otlpHttpActive: false })).node).toMatchObject({
      status: 'UNHEALTHY',
      statusReasons: ['RECEIVERS_INACTIVE'],
    });
    expect((await reportHeartbeat(gw, 'node-deaf', { bufferUtilizationPct: 100 })).node).toMatchObject({
      status: 'UNHEALTHY',
      statusReasons: ['BUFFER_FULL'],
    });
    // Dropping spans means new drops since the previous heartbeat, not a non-zero total.
    await reportHeartbeat(gw, 'node-drops', { uptimeSeconds: 600, spansIngestedTotal: '100', droppedSpansTotal: '4' });
    expect(
      (await reportHeartbeat(gw, 'node-drops', { uptimeSeconds: 610, spansIngestedTotal: '150', droppedSpansTotal: '9' })).node,
    ).toMatchObject({
      status: 'DEGRADED',
      statusReasons: ['DROPPING_SPANS'],
    });
    expect(
      (await reportHeartbeat(gw, 'node-drops', { uptimeSeconds: 620, spansIngestedTotal: '190', droppedSpansTotal: '9' })).node.status,
    ).toBe('HEALTHY');
  });

  it('derives the 1 h figures from counter deltas across a restart (a counter that goes down counts from 0)', async () => {
    const reports = [
      { uptimeSeconds: 100, spansIngestedTotal: '1000', droppedSpansTotal: '0' }, // started 100 s ago: all 1000 are this hour's
      { uptimeSeconds: 110, spansIngestedTotal: '1500', droppedSpansTotal: '5' }, // +500, +5
      { uptimeSeconds: 10, spansIngestedTotal: '200', droppedSpansTotal: '0' }, // restart: +200, +0
      { uptimeSeconds: 20, spansIngestedTotal: '450', droppedSpansTotal: '2' }, // +250, +2
    ];
    const deltas: [string, string, boolean][] = [];
    for (const r of reports) {
      const { heartbeat } = await reportHeartbeat(gw, 'node-restarts', { ...r, cluster: 'restart-lab' });
      deltas.push([heartbeat.spansIngested, heartbeat.droppedSpans, heartbeat.restarted]);
    }
    expect(deltas).toEqual([
      ['1000', '0', false],
      ['500', '5', false],
      ['200', '0', true],
      ['250', '2', false],
    ]);
    const { body } = await gw.graphql<NodeData>(NODE, { nodeId: 'node-restarts' });
    expect(body.data!.node.spansIngested1h).toBe('1950');
    expect(body.data!.node.health).toMatchObject({ spansIngested1h: '1950', droppedSpans1h: '7' });
    expect(body.data!.node.heartbeats.map((h) => h.spansIngestedTotal)).toEqual(['1000', '1500', '200', '450']);
  });
});

describe('nodes', () => {
  const fleet = ['fleet-a1', 'fleet-a2', 'fleet-a3', 'fleet-b1', 'fleet-b2'];

  beforeAll(async () => {
    for (const nodeId of fleet) {
      await reportHeartbeat(gw, nodeId, {
        cluster: nodeId.startsWith('fleet-a') ? 'fleet-a' : 'fleet-b',
        cpuPercent: nodeId === 'fleet-a2' ? 99 : 10,
      });
    }
  });

  it('lists the nodes of a cluster in node id order with a total, page by page', async () => {
    const first = await gw.graphql<ListData>(LIST, { cluster: 'fleet-a', first: 2 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.nodes.totalCount).toBe(3);
    expect(first.body.data!.nodes.edges.map((e) => e.node.nodeId)).toEqual(['fleet-a1', 'fleet-a2']);
    expect(first.body.data!.nodes.pageInfo.hasNextPage).toBe(true);
    const second = await gw.graphql<ListData>(LIST, { cluster: 'fleet-a', first: 2, after: first.body.data!.nodes.pageInfo.endCursor });
    expect(second.body.data!.nodes.edges.map((e) => e.node.nodeId)).toEqual(['fleet-a3']);
    expect(second.body.data!.nodes.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by status, alone and with a cluster', async () => {
    const degraded = await gw.graphql<ListData>(LIST, { status: 'DEGRADED', first: 100 });
    expect(degraded.body.data!.nodes.edges.map((e) => e.node.nodeId)).toContain('fleet-a2');
    expect(degraded.body.data!.nodes.edges.every((e) => e.node.status === 'DEGRADED')).toBe(true);
    const both = await gw.graphql<ListData>(LIST, { cluster: 'fleet-b', status: 'HEALTHY' });
    expect(both.body.data!.nodes).toMatchObject({
      totalCount: 2,
      edges: [{ node: { nodeId: 'fleet-b1' } }, { node: { nodeId: 'fleet-b2' } }],
    });
  });

  it('rejects a cursor of another tenant and a page size above 500', async () => {
    const first = await gw.graphql<ListData>(LIST, { first: 1 });
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['read'] });
    const foreign = await gw.graphql(LIST, { first: 1, after: first.body.data!.nodes.pageInfo.endCursor }, key);
    expect(foreign.body.errors?.[0]).toMatchObject({ extensions: { code: 'invalid_parameter', param: 'after' } });
    const tooMany = await gw.graphql(LIST, { first: 501 });
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: 'invalid_parameter', param: 'first' } });
  });

  it('keeps organizations and partitions apart', async () => {
    const { key: sandboxKey } = await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['read', 'write'] });
    const { key: otherOrgKey } = await gw.app.services.auth.createKey({ org: 'globex', env: 'live', permissions: ['read', 'write'] });
    await reportHeartbeat(gw, 'fleet-a1', { cluster: 'sandbox' }, sandboxKey);
    const sandbox = await gw.graphql<ListData>(LIST, {}, sandboxKey);
    expect(sandbox.body.data!.nodes).toMatchObject({ totalCount: 1, edges: [{ node: { nodeId: 'fleet-a1', cluster: 'sandbox' } }] });
    const other = await gw.graphql<ListData>(LIST, {}, otherOrgKey);
    expect(other.body.data!.nodes.totalCount).toBe(0);
    expect((await gw.graphql<NodeData>(NODE, { nodeId: 'fleet-a1' }, otherOrgKey)).body.data!.node).toBeNull();
    // The live partition's fleet-a1 is untouched by the sandbox heartbeat.
    expect((await gw.graphql<NodeData>(NODE, { nodeId: 'fleet-a1' })).body.data!.node.cluster).toBe('fleet-a');
  });

  it('returns a heartbeat series within a window, limited to the latest points, oldest first', async () => {
    for (let i = 1; i <= 4; i++) await reportHeartbeat(gw, 'fleet-series', { uptimeSeconds: 100 + i, spansIngestedTotal: String(i * 10) });
    const { body } = await gw.graphql<{ node: { heartbeats: { spansIngestedTotal: string }[] } }>(
      `query($id: String!, $from: DateTime) { node(nodeId: $id) { heartbeats(from: $from, last: 3) { spansIngestedTotal } } }`,
      { id: 'fleet-series', from: new Date(Date.now() - 60_000).toISOString() },
    );
    expect(body.data!.node.heartbeats.map((h) => h.spansIngestedTotal)).toEqual(['20', '30', '40']);
  });
});

describe('offline detection', () => {
  let fast: TestGateway;
  beforeAll(async () => {
    fast = await startTestGateway({ MESH_NODE_OFFLINE_AFTER_S: '1', MESH_NODE_SWEEP_INTERVAL_MS: '100' });
  });
  afterAll(async () => {
    await fast.close();
  });

  it('marks a silent node offline on its own, and back to healthy with its next heartbeat', async () => {
    const { heartbeat } = await reportHeartbeat(fast, 'node-quiet');
    const status = async () =>
      (
        await fast.graphql<{ node: { status: string; statusReasons: string[]; statusSince: string } }>(
          `query { node(nodeId: "node-quiet") { status statusReasons statusSince } }`,
        )
      ).body.data!.node;
    expect((await status()).status).toBe('HEALTHY');
    let now = await status();
    for (let i = 0; i < 50 && now.status !== 'OFFLINE'; i++) {
      await delay(100);
      now = await status();
    }
    expect(now).toEqual({
      status: 'OFFLINE',
      statusReasons: ['NO_HEARTBEAT'],
      statusSince: new Date(Date.parse(heartbeat.receivedAt) + 1000).toISOString(),
    });
    expect((await reportHeartbeat(fast, 'node-quiet')).node.status).toBe('HEALTHY');
  });
});
