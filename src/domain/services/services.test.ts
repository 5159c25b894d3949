import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../test/helpers/gateway.js';
import { RELATIVE_ACCURACY } from './latency-histogram.js';
import { seededRandom } from '../../seeded-random.js';

/** Rollup correctness is the point here, not the store deadline: a busy shared test store may be slow. */
const SLOW_STORE_OK = { MESH_STORE_TIMEOUT_MS: '60000' };

/**
 * Services from rollups, checked against the exact figures of the spans sent:
 * counts exactly, percentiles within the histogram's 2 %.
 */

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

interface SentSpan {
  readonly service: string;
  readonly cluster: string | null;
  readonly clusterAttribute?: string;
  readonly name: string;
  readonly kind: number;
  readonly parentSpanId: string;
  readonly startNs: bigint;
  readonly durationNs: bigint;
  readonly error: boolean;
}

/** OTLP/JSON with nanosecond times, one resource per span. */
function otlp(spans: readonly SentSpan[]): string {
  return JSON.stringify({
    resourceSpans: spans.map((s) => ({
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: s.service } },
          { key: 'service.namespace', value: { stringValue: 'shop' } },
          ...(s.cluster === null ? [] : [{ key: 'k8s.cluster.name', value: { stringValue: s.cluster } }]),
          ...(s.clusterAttribute === undefined ? [] : [{ key: 'cluster', value: { stringValue: s.clusterAttribute } }]),
        ],
      },
      scopeSpans: [
        {
          scope: { name: 'services-test' },
          spans: [
            {
              traceId: hex(16),
              spanId: hex(8),
              parentSpanId: s.parentSpanId,
              name: s.name,
              kind: s.kind,
              startTimeUnixNano: String(s.startNs),
              endTimeUnixNano: String(s.startNs + s.durationNs),
              status: { code: s.error ? 2 : 0 },
            },
          ],
        },
      ],
    })),
  });
}

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;
const OPERATIONS: Record<string, readonly string[]> = {
  checkout: ['POST /checkout', 'GET /cart', 'GET /health'],
  catalog: ['GET /products', 'GET /products/{id}'],
  search: ['GET /search'],
};
const MEDIAN_MS: Record<string, number> = { checkout: 120, catalog: 8, search: 35 };

/** Entry (server) spans with log-normal latencies, plus client and internal children that are spans but not requests. */
function traffic(count: number, nowMs: number): SentSpan[] {
  const r = seededRandom(2026);
  const spans: SentSpan[] = [];
  const services = Object.keys(OPERATIONS);
  for (let i = 0; i < count; i++) {
    const service = services[i % services.length]!;
    const ops = OPERATIONS[service]!;
    const startNs = BigInt(nowMs - 50 * 60_000 + Math.floor(r() * 48 * 60_000)) * 1_000_000n + BigInt(Math.floor(r() * 1e6));
    const gaussian = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const durationNs = BigInt(Math.max(1, Math.round(MEDIAN_MS[service]! * 1e6 * Math.exp(0.9 * gaussian))));
    const cluster = i % 4 === 0 ? 'prod-us-1' : 'prod-eu-1';
    const name = ops[Math.floor(r() ** 2 * ops.length)]!;
    const entry = { service, cluster, name, kind: SERVER, parentSpanId: '', startNs, durationNs, error: r() < 0.03 };
    spans.push(entry);
    if (i % 5 === 0)
      spans.push({ ...entry, kind: CLIENT, name: 'GET /inner', parentSpanId: hex(8), durationNs: durationNs / 2n, error: false });
    if (i % 7 === 0)
      spans.push({ ...entry, kind: INTERNAL, name: 'render', parentSpanId: hex(8), durationNs: durationNs / 3n, error: false });
  }
  return spans;
}

function exactQuantileMs(durations: readonly bigint[], q: number): number {
  const sorted = [...durations].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Number(sorted[Math.floor(q * (sorted.length - 1))]!) / 1e6;
}

function expectWithin2Percent(reported: number | null, exact: number, label: string): void {
  expect(reported, label).not.toBeNull();
  expect(Math.abs(reported! - exact), `${label}: reported ${reported}, exact ${exact}`).toBeLessThanOrEqual(
    exact * RELATIVE_ACCURACY + 1e-9,
  );
}

interface ServiceRow {
  name: string;
  namespace: string | null;
  cluster: string | null;
  firstSeen: string;
  spanCount: string;
  requestCount: string;
  errorCount: string;
  errorRate: number;
  p50LatencyMs: number | null;
  p90LatencyMs: number | null;
  p99LatencyMs: number | null;
}

const LIST = `query List($cluster: String, $from: DateTime, $to: DateTime, $limit: Int) {
  services(cluster: $cluster, from: $from, to: $to, limit: $limit) {
    totalCount
    services { name namespace cluster firstSeen spanCount requestCount errorCount errorRate p50LatencyMs p90LatencyMs p99LatencyMs }
  }
}`;

let gw: TestGateway;
let sent: SentSpan[];
const nowMs = Date.now();
const window = { from: new Date(nowMs - 60 * 60_000).toISOString(), to: new Date(nowMs).toISOString() };

beforeAll(async () => {
  gw = await startTestGateway(SLOW_STORE_OK);
  sent = traffic(4000, nowMs);
  for (let i = 0; i < sent.length; i += 500) {
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
      body: otlp(sent.slice(i, i + 500)),
    });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await gw.close();
});

async function list(variables: Record<string, unknown>): Promise<{ totalCount: number; services: ServiceRow[] }> {
  const { body } = await gw.graphql<{ services: { totalCount: number; services: ServiceRow[] } }>(LIST, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.services;
}

describe('services(...) RED figures from rollups', () => {
  it('lists one row per deployment (name, namespace, cluster), by name', async () => {
    const result = await list(window);
    expect(result.totalCount).toBe(6);
    expect(result.services.map((s) => `${s.name}@${s.cluster}`)).toEqual([
      'catalog@prod-eu-1',
      'catalog@prod-us-1',
      'checkout@prod-eu-1',
      'checkout@prod-us-1',
      'search@prod-eu-1',
      'search@prod-us-1',
    ]);
    expect(result.services.every((s) => s.namespace === 'shop')).toBe(true);
  });

  it('counts spans, requests (entry spans only) and errors exactly, and first_seen is the earliest span start', async () => {
    for (const row of (await list(window)).services) {
      const mine = sent.filter((s) => s.service === row.name && s.cluster === row.cluster);
      const entries = mine.filter((s) => s.kind === SERVER);
      expect(row.spanCount, row.name).toBe(String(mine.length));
      expect(row.requestCount).toBe(String(entries.length));
      expect(row.errorCount).toBe(String(entries.filter((s) => s.error).length));
      expect(row.errorRate).toBeCloseTo(entries.filter((s) => s.error).length / entries.length, 12);
      const earliestMs = Number(mine.reduce((min, s) => (s.startNs < min ? s.startNs : min), mine[0]!.startNs) / 1_000_000n);
      expect(row.firstSeen).toBe(new Date(earliestMs).toISOString());
    }
  });

  it('reports p50, p90 and p99 within 2 % of the exact percentiles of the raw spans', async () => {
    for (const row of (await list(window)).services) {
      const durations = sent
        .filter((s) => s.service === row.name && s.cluster === row.cluster && s.kind === SERVER)
        .map((s) => s.durationNs);
      expectWithin2Percent(row.p50LatencyMs, exactQuantileMs(durations, 0.5), `${row.name}@${row.cluster} p50`);
      expectWithin2Percent(row.p90LatencyMs, exactQuantileMs(durations, 0.9), `${row.name}@${row.cluster} p90`);
      expectWithin2Percent(row.p99LatencyMs, exactQuantileMs(durations, 0.99), `${row.name}@${row.cluster} p99`);
    }
  });

  it('filters by cluster', async () => {
    const result = await list({ ...window, cluster: 'prod-us-1' });
    expect(result.totalCount).toBe(3);
    expect(result.services.every((s) => s.cluster === 'prod-us-1')).toBe(true);
  });

  it('answers zero requests and null latencies for a window without traffic', async () => {
    const result = await list({ from: new Date(nowMs - 3 * 3_600_000).toISOString(), to: new Date(nowMs - 2 * 3_600_000).toISOString() });
    expect(result.services[0]).toMatchObject({ requestCount: '0', errorRate: 0, p50LatencyMs: null, p99LatencyMs: null });
  });

  it('rejects an empty window and an out-of-range limit with invalid_parameter naming the argument', async () => {
    const reversed = await gw.graphql(LIST, { from: window.to, to: window.from });
    expect(reversed.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'from' });
    const tooMany = await gw.graphql(LIST, { limit: 5000 });
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'limit' });
  });
});

describe('service series and top operations', () => {
  const SERIES = `query Series($from: DateTime, $to: DateTime, $step: Int) {
    service(name: "checkout", from: $from, to: $to) {
      requestCount errorCount p99LatencyMs
      series(step: $step) { start requestCount errorCount p50LatencyMs p99LatencyMs }
      topOperations(limit: 2) { name requestCount errorCount p50LatencyMs }
    }
  }`;

  interface SeriesView {
    service: {
      requestCount: string;
      errorCount: string;
      p99LatencyMs: number;
      series: { start: string; requestCount: string; errorCount: string; p50LatencyMs: number | null; p99LatencyMs: number | null }[];
      topOperations: { name: string; requestCount: string; errorCount: string; p50LatencyMs: number }[];
    };
  }

  it('gives one point per step whose requests and errors add up to the window totals', async () => {
    const { body } = await gw.graphql<SeriesView>(SERIES, { ...window, step: 300 });
    expect(body.errors).toBeUndefined();
    const { service } = body.data!;
    const stepMs = 300_000;
    const points = Math.ceil(new Date(window.to).getTime() / stepMs) - Math.floor(new Date(window.from).getTime() / stepMs);
    expect(service.series).toHaveLength(points);
    expect(new Date(service.series[1]!.start).getTime() - new Date(service.series[0]!.start).getTime()).toBe(stepMs);
    const sum = (field: 'requestCount' | 'errorCount') => service.series.reduce((n, p) => n + Number(p[field]), 0);
    expect(sum('requestCount')).toBe(Number(service.requestCount));
    expect(sum('errorCount')).toBe(Number(service.errorCount));
  });

  it('computes each point from the requests that started in it', async () => {
    const { body } = await gw.graphql<SeriesView>(SERIES, { ...window, step: 900 });
    for (const point of body.data!.service.series) {
      const startNs = BigInt(new Date(point.start).getTime()) * 1_000_000n;
      const durations = sent
        .filter((s) => s.service === 'checkout' && s.kind === SERVER && s.startNs >= startNs && s.startNs < startNs + 900n * 1_000_000_000n)
        .map((s) => s.durationNs);
      expect(point.requestCount).toBe(String(durations.length));
      if (durations.length > 0) expectWithin2Percent(point.p50LatencyMs, exactQuantileMs(durations, 0.5), `point ${point.start}`);
    }
  });

  it('ranks entry operations by request count', async () => {
    const { body } = await gw.graphql<SeriesView>(SERIES, window);
    const entries = sent.filter((s) => s.service === 'checkout' && s.kind === SERVER);
    const counts = OPERATIONS.checkout!.map((op) => ({ op, n: entries.filter((s) => s.name === op).length })).sort((a, b) => b.n - a.n);
    expect(body.data!.service.topOperations.map((o) => [o.name, o.requestCount])).toEqual(
      counts.slice(0, 2).map((c) => [c.op, String(c.n)]),
    );
  });

  it('rejects a step that is not a standard one with invalid_parameter on step', async () => {
    const { body } = await gw.graphql(SERIES, { ...window, step: 42 });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'step' });
  });
});

describe('service(name)', () => {
  it('aggregates all deployments of a service, or one cluster when given', async () => {
    const QUERY = `query($cluster: String) { service(name: "search", cluster: $cluster) { name cluster clusters requestCount } }`;
    const all = await gw.graphql<{ service: { cluster: string | null; clusters: string[]; requestCount: string } }>(QUERY);
    const entries = sent.filter((s) => s.service === 'search' && s.kind === SERVER);
    expect(all.body.data!.service).toMatchObject({
      cluster: null,
      clusters: ['prod-eu-1', 'prod-us-1'],
      requestCount: String(entries.length),
    });
    const one = await gw.graphql<{ service: { cluster: string; requestCount: string } }>(QUERY, { cluster: 'prod-us-1' });
    expect(one.body.data!.service).toMatchObject({
      cluster: 'prod-us-1',
      requestCount: String(entries.filter((s) => s.cluster === 'prod-us-1').length),
    });
  });

  it('answers null for a service never seen', async () => {
    const { body } = await gw.graphql<{ service: null }>(`{ service(name: "nope") { name } }`);
    expect(body.data!.service).toBeNull();
  });

  it('takes the cluster from the fallback resource attribute when k8s.cluster.name is absent', async () => {
    const span: SentSpan = {
      service: 'legacy',
      cluster: null,
      clusterAttribute: 'on-prem-1',
      name: 'GET /',
      kind: SERVER,
      parentSpanId: '',
      startNs: BigInt(nowMs - 60_000) * 1_000_000n,
      durationNs: 5_000_000n,
      error: false,
    };
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
      body: otlp([span]),
    });
    expect(res.status).toBe(200);
    const { body } = await gw.graphql<{ service: { cluster: string } }>(`{ service(name: "legacy") { cluster } }`);
    expect(body.data!.service.cluster).toBe('on-prem-1');
  });
});
