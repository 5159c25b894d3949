import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATIVE_ACCURACY } from '../src/domain/services/latency-histogram.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';

/*
 * The trace-analysis fields over a real gateway and store: spans sent as
 * OTLP/JSON, heartbeats through the GraphQL mutation, answers read through
 * GraphQL over HTTP.
 */

let gw: TestGateway;
/** A second organization on the same gateway and store. */
let otherKey: string;

beforeAll(async () => {
  gw = await startTestGateway({ MESH_STORE_TIMEOUT_MS: '60000' });
  otherKey = (
    await gw.app.services.auth.createKey({ org: 'analysis-other', env: 'live', permissions: ['read', 'write'], name: 'other org' })
  ).key;
});

afterAll(async () => {
  await gw.close();
});

async function ingest(spans: readonly SimpleSpan[], key = gw.apiKey): Promise<void> {
  const res = await postOtlpJson(gw.baseUrl, key, spans);
  expect(res.status).toBe(200);
}

async function query<T>(q: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> {
  const { body } = await gw.graphql<T>(q, variables, key);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A checkout trace: gateway → orders (two SELECTs) → payments; options vary it. */
function checkout(
  traceId: string,
  t0: number,
  opts: { payMs: number; payError?: boolean; retry?: boolean; email?: boolean },
): SimpleSpan[] {
  const id = (name: string) => `${traceId.slice(0, 8)}${name.padEnd(8, '0')}`.slice(0, 16);
  return [
    { traceId, spanId: id('a1'), service: 'gateway', name: 'POST /checkout', startMs: t0, durationMs: 200 },
    { traceId, spanId: id('b1'), parentSpanId: id('a1'), service: 'orders', name: 'createOrder', startMs: t0 + 5, durationMs: 190 },
    { traceId, spanId: id('c1'), parentSpanId: id('b1'), service: 'orders', name: 'SELECT', kind: 3, startMs: t0 + 10, durationMs: 5 },
    { traceId, spanId: id('c2'), parentSpanId: id('b1'), service: 'orders', name: 'SELECT', kind: 3, startMs: t0 + 20, durationMs: 8 },
    {
      traceId,
      spanId: id('d1'),
      parentSpanId: id('b1'),
      service: 'payments',
      name: 'charge',
      startMs: t0 + 30,
      durationMs: opts.payMs,
      statusCode: opts.payError ? 2 : 0,
    },
    ...(opts.retry
      ? [
          {
            traceId,
            spanId: id('d2'),
            parentSpanId: id('b1'),
            service: 'payments',
            name: 'charge',
            startMs: t0 + 40 + opts.payMs,
            durationMs: 20,
          },
        ]
      : []),
    ...(opts.email
      ? [{ traceId, spanId: id('e1'), parentSpanId: id('a1'), service: 'notify', name: 'send', startMs: t0 + 196, durationMs: 3 }]
      : []),
  ];
}

describe('Trace.criticalPath', () => {
  it('returns the spans on the critical path with their self time and segments', async () => {
    const traceId = hex(16);
    const t0 = Date.now() - 60_000;
    await ingest([
      { traceId, spanId: 'aaaaaaaaaaaaaaa1', service: 'gateway', name: 'root', startMs: t0, durationMs: 100 },
      {
        traceId,
        spanId: 'aaaaaaaaaaaaaaa2',
        parentSpanId: 'aaaaaaaaaaaaaaa1',
        service: 'orders',
        name: 'fast',
        startMs: t0 + 10,
        durationMs: 20,
      },
      {
        traceId,
        spanId: 'aaaaaaaaaaaaaaa3',
        parentSpanId: 'aaaaaaaaaaaaaaa1',
        service: 'orders',
        name: 'slow',
        startMs: t0 + 10,
        durationMs: 80,
      },
      {
        traceId,
        spanId: 'aaaaaaaaaaaaaaa4',
        parentSpanId: 'aaaaaaaaaaaaaaa3',
        service: 'db',
        name: 'query',
        startMs: t0 + 20,
        durationMs: 50,
      },
    ]);
    const data = await query<{
      trace: {
        criticalPath: {
          spanId: string;
          selfTimeMs: number;
          share: number;
          span: { name: string };
          segments: { startOffsetMs: number; endOffsetMs: number; startTimeUnixNano: string }[];
        }[];
      };
    }>(
      `query($id: String!) { trace(traceId: $id) { spans { spanId } criticalPath { spanId selfTimeMs share span { name } segments { startOffsetMs endOffsetMs startTimeUnixNano } } } }`,
      { id: traceId },
    );
    const path = data.trace.criticalPath;
    expect(path.map((e) => [e.span.name, e.selfTimeMs, e.share])).toEqual([
      ['root', 20, 0.2],
      ['slow', 30, 0.3],
      ['query', 50, 0.5],
    ]);
    expect(path[0]!.segments.map((s) => [s.startOffsetMs, s.endOffsetMs])).toEqual([
      [0, 10],
      [90, 100],
    ]);
    expect(path[2]!.segments[0]!.startTimeUnixNano).toBe(String(BigInt(t0 + 20) * 1_000_000n));
  });
});

describe('compareTraces', () => {
  const a = hex(16);
  const b = hex(16);

  beforeAll(async () => {
    const t0 = Date.now() - 120_000;
    await ingest(checkout(a, t0, { payMs: 50, email: true }));
    await ingest(checkout(b, t0 + 30_000, { payMs: 80, payError: true, retry: true }));
  });

  const COMPARE = `query($a: String!, $b: String!) { compareTraces(a: $a, b: $b) {
    a { traceId } b { traceId } durationDeltaMs matchedCount onlyInACount onlyInBCount errorsAddedCount errorsRemovedCount
    nodes { parentIndex depth serviceName operation occurrence presence durationDeltaMs durationRatio errorChange a { spanId durationMs error } b { spanId durationMs error span { name } } }
  } }`;

  interface Comparison {
    compareTraces: {
      a: { traceId: string };
      b: { traceId: string };
      matchedCount: number;
      onlyInACount: number;
      onlyInBCount: number;
      errorsAddedCount: number;
      errorsRemovedCount: number;
      durationDeltaMs: number;
      nodes: {
        parentIndex: number | null;
        depth: number;
        serviceName: string;
        operation: string;
        occurrence: number;
        presence: string;
        durationDeltaMs: number | null;
        durationRatio: number | null;
        errorChange: string;
        a: { spanId: string } | null;
        b: { spanId: string; span: { name: string } } | null;
      }[];
    };
  }

  it('matches spans by path, with deltas, added and removed nodes and error changes', async () => {
    const { compareTraces: c } = await query<Comparison>(COMPARE, { a, b });
    expect([c.a.traceId, c.b.traceId]).toEqual([a, b]);
    expect([c.matchedCount, c.onlyInACount, c.onlyInBCount, c.errorsAddedCount, c.errorsRemovedCount]).toEqual([5, 1, 1, 1, 0]);
    expect(
      c.nodes.map((n) => [n.depth, `${n.serviceName}:${n.operation}#${n.occurrence}`, n.presence, n.durationDeltaMs, n.errorChange]),
    ).toEqual([
      [0, 'gateway:POST /checkout#0', 'BOTH', 0, 'NONE'],
      [1, 'orders:createOrder#0', 'BOTH', 0, 'NONE'],
      [2, 'orders:SELECT#0', 'BOTH', 0, 'NONE'],
      [2, 'orders:SELECT#1', 'BOTH', 0, 'NONE'],
      [2, 'payments:charge#0', 'BOTH', 30, 'ADDED'],
      [2, 'payments:charge#1', 'ONLY_IN_B', null, 'NONE'],
      [1, 'notify:send#0', 'ONLY_IN_A', null, 'NONE'],
    ]);
    expect(c.nodes.map((n) => n.parentIndex)).toEqual([null, 0, 1, 1, 1, 1, 0]);
    expect(c.nodes[4]!.durationRatio).toBeCloseTo(1.6, 12);
    expect(c.nodes[5]!.a).toBeNull();
    expect(c.nodes[5]!.b?.span.name).toBe('charge');
  });

  it('is deterministic: the same answer every time', async () => {
    const first = await query<Comparison>(COMPARE, { a, b });
    expect(await query<Comparison>(COMPARE, { a, b })).toEqual(first);
  });

  it('answers not_found naming the argument of a trace that is not stored, and invalid_parameter for a malformed id', async () => {
    const missing = await gw.graphql(COMPARE, { a, b: hex(16) });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'not_found', param: 'b' });
    const malformed = await gw.graphql(COMPARE, { a: 'nope', b });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'a' });
  });

  it('never compares another tenant’s trace: it is not stored for the caller', async () => {
    const res = await gw.graphql(COMPARE, { a, b }, otherKey);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'not_found', param: 'a' });
  });
});

describe('Trace.completeness', () => {
  const eu = hex(16);
  const us = hex(16);
  const nowhere = hex(16);
  const unnamed = hex(16);
  let window: { from: string; to: string };

  const COMPLETENESS = `status unknownReason droppedSpans clusters reportingNodes from to reports { nodeId cluster droppedSpans heartbeats firstReportedAt lastReportedAt }`;

  interface Completeness {
    status: string;
    unknownReason: string | null;
    droppedSpans: string;
    clusters: string[];
    reportingNodes: number;
    from: string;
    to: string;
    reports: {
      nodeId: string;
      cluster: string;
      droppedSpans: string;
      heartbeats: number;
      firstReportedAt: string;
      lastReportedAt: string;
    }[];
  }

  beforeAll(async () => {
    // Baselines: the first heartbeat of a node up for a week counts nothing.
    await reportHeartbeat(gw, 'collector-eu-1', { cluster: 'c-eu', droppedSpansTotal: '100' });
    await reportHeartbeat(gw, 'collector-us-1', { cluster: 'c-us', droppedSpansTotal: '0' });
    await sleep(20);
    const t0 = Date.now();
    window = { from: new Date(t0 - 60_000).toISOString(), to: new Date(t0 + 60_000).toISOString() };
    const spanOf = (traceId: string, resource: Record<string, string>): SimpleSpan => ({
      traceId,
      service: 'edge',
      name: 'GET /',
      startMs: t0,
      durationMs: 30,
      resource,
    });
    await ingest([
      spanOf(eu, { 'k8s.cluster.name': 'c-eu' }),
      spanOf(us, { 'k8s.cluster.name': 'c-us' }),
      spanOf(nowhere, { cluster: 'c-none' }),
      spanOf(unnamed, {}),
    ]);
    await sleep(60);
    // After the traces: 12 more dropped in c-eu, none in c-us; another organization's node in c-us drops too.
    await reportHeartbeat(gw, 'collector-eu-1', { cluster: 'c-eu', droppedSpansTotal: '112' });
    await reportHeartbeat(gw, 'collector-us-1', { cluster: 'c-us', droppedSpansTotal: '0' });
    await reportHeartbeat(gw, 'collector-us-1', { cluster: 'c-us', droppedSpansTotal: '0', uptimeSeconds: 60 }, otherKey);
    await reportHeartbeat(gw, 'collector-us-1', { cluster: 'c-us', droppedSpansTotal: '999', uptimeSeconds: 61 }, otherKey);
  });

  async function completenessOf(traceId: string): Promise<Completeness> {
    const data = await query<{ trace: { completeness: Completeness } }>(
      `query($id: String!) { trace(traceId: $id) { completeness { ${COMPLETENESS} } } }`,
      { id: traceId },
    );
    return data.trace.completeness;
  }

  it('reports the drops of the trace’s cluster in its window, with the figures per node', async () => {
    const c = await completenessOf(eu);
    expect(c).toMatchObject({ status: 'DROPS_REPORTED', unknownReason: null, droppedSpans: '12', clusters: ['c-eu'], reportingNodes: 1 });
    expect(c.reports).toEqual([expect.objectContaining({ nodeId: 'collector-eu-1', cluster: 'c-eu', droppedSpans: '12', heartbeats: 1 })]);
    expect(Date.parse(c.to) - Date.parse(c.from)).toBe(30 + gw.config.nodeOfflineAfterS * 1000);
  });

  it('reports no drops for a trace of a cluster whose nodes dropped none (another tenant’s drops do not count)', async () => {
    expect(await completenessOf(us)).toMatchObject({ status: 'NO_DROPS_REPORTED', droppedSpans: '0', reports: [], reportingNodes: 1 });
  });

  it('is UNKNOWN for a trace of a cluster without collector nodes', async () => {
    expect(await completenessOf(nowhere)).toMatchObject({
      status: 'UNKNOWN',
      unknownReason: 'NO_REPORTING_NODE',
      clusters: ['c-none'],
      reportingNodes: 0,
    });
  });

  it('checks every cluster for a trace whose spans name none', async () => {
    expect(await completenessOf(unnamed)).toMatchObject({ status: 'DROPS_REPORTED', droppedSpans: '12', clusters: [], reportingNodes: 2 });
  });

  it('is on every trace of traces, searchTraces and tracePage results', async () => {
    const expected = { [eu]: 'DROPS_REPORTED', [us]: 'NO_DROPS_REPORTED', [nowhere]: 'UNKNOWN', [unnamed]: 'DROPS_REPORTED' };
    const statuses = (rows: { traceId: string; completeness: { status: string } }[]) =>
      Object.fromEntries(rows.filter((r) => r.traceId in expected).map((r) => [r.traceId, r.completeness.status]));
    const list = await query<{ traces: { edges: { node: { traceId: string; completeness: { status: string } } }[] } }>(
      `query($f: TraceFilter) { traces(filter: $f, first: 100) { edges { node { traceId completeness { status } } } } }`,
      { f: { ...window, service: 'edge' } },
    );
    expect(statuses(list.traces.edges.map((e) => e.node))).toEqual(expected);
    const search = await query<{ searchTraces: { edges: { node: { traceId: string; completeness: { status: string } } }[] } }>(
      `query($from: DateTime!, $to: DateTime!) { searchTraces(query: "service.name = \\"edge\\"", from: $from, to: $to, first: 100) { edges { node { traceId completeness { status } } } } }`,
      window,
    );
    expect(statuses(search.searchTraces.edges.map((e) => e.node))).toEqual(expected);
    const page = await query<{ tracePage: { results: { traceId: string; completeness: { status: string } }[] } }>(
      `query($f: TraceFilter!) { tracePage(filter: $f, perPage: 100) { results { traceId completeness { status } } } }`,
      { f: { ...window, service: 'edge' } },
    );
    expect(statuses(page.tracePage.results)).toEqual(expected);
  });

  it('shows another tenant none of this tenant’s drop reports', async () => {
    await ingest(
      [
        {
          traceId: eu,
          service: 'edge',
          name: 'GET /',
          startMs: Date.now() - 1_000,
          durationMs: 5,
          resource: { 'k8s.cluster.name': 'c-eu' },
        },
      ],
      otherKey,
    );
    const data = await query<{ trace: { completeness: Completeness } }>(
      `query($id: String!) { trace(traceId: $id) { completeness { ${COMPLETENESS} } } }`,
      { id: eu },
      otherKey,
    );
    expect(data.trace.completeness).toMatchObject({
      status: 'UNKNOWN',
      unknownReason: 'NO_REPORTING_NODE',
      droppedSpans: '0',
      reports: [],
    });
  });
});

describe('Service.series', () => {
  const HOUR = 3_600_000;
  const nowMs = Date.now();
  const hourStart = (ms: number) => Math.floor(ms / HOUR) * HOUR;
  /** Three hours with traffic, up to six days back: 60 requests each, every 7th an error, distinct latencies. */
  const BUCKETS = [6 * 24 * HOUR - 2 * HOUR, 3 * 24 * HOUR, 2 * HOUR].map((ago) => hourStart(nowMs - ago));
  const durations = (b: number) => Array.from({ length: 60 }, (_, i) => 5 + ((i * 37 + b * 11) % 60) * (b + 1));

  beforeAll(async () => {
    const spans = BUCKETS.flatMap((start, b) =>
      durations(b).map((durationMs, i) => ({
        service: 'series-svc',
        name: 'GET /x',
        startMs: start + 1_000 + i * 30_000,
        durationMs,
        statusCode: (i % 7 === 0 ? 2 : 0) as 0 | 2,
      })),
    );
    for (let i = 0; i < spans.length; i += 60) await ingest(spans.slice(i, i + 60));
  });

  const exact = (values: readonly number[], q: number) => [...values].sort((x, y) => x - y)[Math.floor(q * (values.length - 1))]!;

  it('gives requests, error rate, p50, p95 and p99 per bucket over the whole retention (7 days), from rollups', async () => {
    const from = new Date(nowMs - 7 * 24 * HOUR).toISOString();
    const to = new Date(nowMs).toISOString();
    const data = await query<{
      service: {
        series: {
          start: string;
          requestCount: string;
          errorRate: number;
          p50LatencyMs: number | null;
          p95LatencyMs: number | null;
          p99LatencyMs: number | null;
        }[];
      };
    }>(
      `query($from: DateTime!, $to: DateTime!) { service(name: "series-svc", from: $from, to: $to) { series { start requestCount errorRate p50LatencyMs p95LatencyMs p99LatencyMs } } }`,
      { from, to },
    );
    const series = data.service.series;
    // Default step for 7 days: one hour (168 or 169 points, at most 180).
    expect(series.length).toBeGreaterThanOrEqual(168);
    expect(series.length).toBeLessThanOrEqual(180);
    expect(Date.parse(series[1]!.start) - Date.parse(series[0]!.start)).toBe(HOUR);
    const withTraffic = series.filter((p) => p.requestCount !== '0');
    expect(withTraffic.map((p) => Date.parse(p.start))).toEqual(BUCKETS);
    withTraffic.forEach((p, b) => {
      const values = durations(b);
      expect(p.requestCount).toBe('60');
      expect(p.errorRate).toBeCloseTo(9 / 60, 12);
      for (const [q, reported] of [
        [0.5, p.p50LatencyMs],
        [0.95, p.p95LatencyMs],
        [0.99, p.p99LatencyMs],
      ] as const) {
        const want = exact(values, q);
        expect(Math.abs(reported! - want), `bucket ${b} p${q * 100}: ${reported} vs ${want}`).toBeLessThanOrEqual(
          want * RELATIVE_ACCURACY + 1e-9,
        );
      }
    });
    expect(series.filter((p) => p.requestCount === '0').every((p) => p.p50LatencyMs === null && p.errorRate === 0)).toBe(true);
  });

  it('sums buckets into coarser steps', async () => {
    const from = new Date(nowMs - 7 * 24 * HOUR).toISOString();
    const data = await query<{ service: { series: { requestCount: string }[] } }>(
      `query($from: DateTime!) { service(name: "series-svc", from: $from) { series(step: 86400) { requestCount } } }`,
      { from },
    );
    expect(data.service.series.reduce((sum, p) => sum + Number(p.requestCount), 0)).toBe(180);
  });
});

describe('Service.series beyond 31 days', () => {
  let longGw: TestGateway;

  beforeAll(async () => {
    longGw = await startTestGateway({ MESH_RETENTION_HOURS: String(60 * 24), MESH_STORE_TIMEOUT_MS: '60000' });
    const startMs = Date.now() - 40 * 24 * 3_600_000;
    const res = await postOtlpJson(longGw.baseUrl, longGw.apiKey, [{ service: 'old-svc', name: 'GET /old', startMs, durationMs: 12 }]);
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    await longGw.close();
  });

  it('reads any window up to the retention (60 days here), and refuses a longer one naming from', async () => {
    const q = `query($from: DateTime!) { service(name: "old-svc", from: $from) { series(step: 86400) { requestCount p50LatencyMs } } }`;
    const ok = await longGw.graphql<{ service: { series: { requestCount: string; p50LatencyMs: number | null }[] } }>(q, {
      from: new Date(Date.now() - 45 * 24 * 3_600_000).toISOString(),
    });
    expect(ok.body.errors).toBeUndefined();
    const points = ok.body.data!.service.series.filter((p) => p.requestCount !== '0');
    expect(points).toHaveLength(1);
    expect(Math.abs(points[0]!.p50LatencyMs! - 12)).toBeLessThanOrEqual(12 * RELATIVE_ACCURACY);
    const tooLong = await longGw.graphql(q, { from: new Date(Date.now() - 61 * 24 * 3_600_000).toISOString() });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'from' });
  });
});
