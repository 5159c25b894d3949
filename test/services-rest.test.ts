import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDemoTraces } from '../src/demo/demo-traffic.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { rest, type ErrorBody } from './helpers/rest.js';

/** Rollup correctness is the point here, not the store deadline: a busy shared test store may be slow. */
const SLOW_STORE_OK = { MESH_STORE_TIMEOUT_MS: '60000' };

/**
 * The Services section of spec/mesh-trace-rest-v1.txt (GET /v1/services,
 * GET /v1/topology) against a real gateway fed by the real OpenTelemetry SDK.
 */

interface ServiceJson {
  name: string;
  namespace: string | null;
  cluster: string | null;
  first_seen: string;
  span_count_24h: number;
  error_rate_24h: number;
  p99_latency_ms: number | null;
}

interface TopologyJson {
  nodes: { id: string; type: string }[];
  edges: { source: string; target: string; request_count: number; error_rate: number; p50_latency_ms: number; p99_latency_ms: number }[];
}

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let gw: TestGateway;
let demoSpans: number;

beforeAll(async () => {
  gw = await startTestGateway(SLOW_STORE_OK);
  demoSpans = (await emitDemoTraces({ baseUrl: gw.baseUrl, apiKey: gw.apiKey, traces: 80, seed: 4 })).spans;
});

afterAll(async () => {
  await gw.close();
});

describe('GET /v1/services', () => {
  it('lists every deployment with exactly the documented fields', async () => {
    const { status, body } = await rest<{ services: ServiceJson[]; total: number }>(gw, 'GET', '/v1/services');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['services', 'total']);
    expect(body.total).toBe(10);
    expect(body.services).toHaveLength(10);
    for (const service of body.services) {
      expect(Object.keys(service).sort()).toEqual([
        'cluster',
        'error_rate_24h',
        'first_seen',
        'name',
        'namespace',
        'p99_latency_ms',
        'span_count_24h',
      ]);
      expect(service.first_seen).toMatch(ISO_MILLIS);
      expect(Number.isInteger(service.p99_latency_ms)).toBe(true);
      expect(service.error_rate_24h).toBeGreaterThanOrEqual(0);
    }
    expect(body.services[0]).toMatchObject({ name: 'api-gateway', namespace: 'shop', cluster: 'prod-eu-1' });
    expect(body.services.reduce((n, s) => n + s.span_count_24h, 0)).toBe(demoSpans);
  });

  it('filters by cluster (an extension of the document)', async () => {
    const { body } = await rest<{ services: ServiceJson[]; total: number }>(gw, 'GET', '/v1/services?cluster=prod-us-1');
    expect(body.total).toBe(5);
    expect(body.services.every((s) => s.cluster === 'prod-us-1')).toBe(true);
  });

  it('answers 401 in the error envelope without an API key', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'GET', '/v1/services', { key: null });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });
});

describe('GET /v1/topology', () => {
  it('answers nodes and edges with exactly the documented fields, typing leaves database, messaging and external', async () => {
    const { status, body } = await rest<TopologyJson>(gw, 'GET', '/v1/topology');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['edges', 'nodes']);
    const type = (id: string) => body.nodes.find((n) => n.id === id)?.type;
    expect(type('api-gateway')).toBe('service');
    expect(type('postgres-orders')).toBe('database');
    expect(type('kafka/order-events')).toBe('messaging');
    expect(type('stripe-api')).toBe('external');
    for (const edge of body.edges) {
      expect(Object.keys(edge).sort()).toEqual(['error_rate', 'p50_latency_ms', 'p99_latency_ms', 'request_count', 'source', 'target']);
      expect(Number.isInteger(edge.request_count) && Number.isInteger(edge.p50_latency_ms) && Number.isInteger(edge.p99_latency_ms)).toBe(
        true,
      );
      expect(edge.p99_latency_ms).toBeGreaterThanOrEqual(edge.p50_latency_ms);
    }
    expect(body.edges.find((e) => e.source === 'api-gateway' && e.target === 'order-svc')).toBeDefined();
  });

  it('agrees with GraphQL topology over the same window', async () => {
    const { body } = await rest<TopologyJson>(gw, 'GET', '/v1/topology?time_window=24h');
    const graph = await gw.graphql<{ topology: { edges: { source: string; target: string; requestCount: string }[] } }>(
      `query($from: DateTime) { topology(from: $from) { edges { source target requestCount } } }`,
      { from: new Date(Date.now() - 24 * 3_600_000).toISOString() },
    );
    expect(body.edges.map((e) => [e.source, e.target, e.request_count])).toEqual(
      graph.body.data!.topology.edges.map((e) => [e.source, e.target, Number(e.requestCount)]),
    );
  });

  it.each(['1h', '6h', '24h'])('accepts time_window=%s', async (window) => {
    expect((await rest(gw, 'GET', `/v1/topology?time_window=${window}`)).status).toBe(200);
  });

  it.each(['2h', '1d', '', '60m'])('rejects time_window=%j with 400 invalid_parameter on time_window', async (window) => {
    const { status, body } = await rest<ErrorBody>(gw, 'GET', `/v1/topology?time_window=${encodeURIComponent(window)}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'time_window' });
    expect(body.error.message).toBe("Parameter 'time_window' must be one of 1h, 6h, 24h");
  });

  it('filters by the caller cluster', async () => {
    const { body } = await rest<TopologyJson>(gw, 'GET', '/v1/topology?cluster=nowhere');
    expect(body).toEqual({ nodes: [], edges: [] });
  });

  it('rejects an undocumented parameter with invalid_parameter naming it', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'GET', '/v1/topology?window=1h');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'window' });
  });
});
