import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { rest, type ErrorBody } from './helpers/rest.js';

/**
 * The Collector Nodes section of spec/mesh-trace-rest-v1.txt and the
 * heartbeat endpoint, against a real gateway: the document's examples
 * reproduced from heartbeats, and every error with its envelope.
 */

interface NodeSummaryJson {
  node_id: string;
  cluster: string;
  version: string;
  status: string;
  spans_ingested_1h: number;
  cpu_percent: number;
  memory_mb: number;
  last_heartbeat: string;
}
interface NodeListJson {
  nodes: NodeSummaryJson[];
  total: number;
}
interface Examples {
  readonly listNodes: NodeListJson;
  readonly nodeHealth: Record<string, unknown>;
  readonly heartbeats: readonly Record<string, unknown>[];
}

const NODE = 'node-eu-central-1a-07';

let gw: TestGateway;
let examples: Examples;

beforeAll(async () => {
  examples = JSON.parse(await readFile(new URL('./fixtures/rest-v1-nodes-examples.json', import.meta.url), 'utf8')) as Examples;
  gw = await startTestGateway();
  for (const heartbeat of examples.heartbeats) {
    const res = await rest(gw, 'POST', `/v1/nodes/${NODE}/heartbeat`, { body: heartbeat });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await gw.close();
});

const heartbeat = (overrides: Record<string, unknown> = {}) => ({ ...examples.heartbeats[1], ...overrides });

describe('POST /v1/nodes/{node_id}/heartbeat', () => {
  it('records a heartbeat and answers the node’s status and the time it was received', async () => {
    const before = Date.now();
    const { status, body } = await rest<Record<string, unknown>>(gw, 'POST', '/v1/nodes/node-new-1/heartbeat', {
      body: heartbeat({ cpu_percent: 97 }),
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      node_id: 'node-new-1',
      status: 'degraded',
      last_heartbeat: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(Date.parse(body.last_heartbeat as string)).toBeGreaterThanOrEqual(before - 5);
  });

  it.each([
    [
      'a missing field',
      (b: Record<string, unknown>) => ({ ...b, sampling_rate: undefined }),
      'sampling_rate',
      "Parameter 'sampling_rate' must be a number from 0 to 1",
    ],
    [
      'a number sent as a string',
      (b: Record<string, unknown>) => ({ ...b, cpu_percent: '12.4' }),
      'cpu_percent',
      "Parameter 'cpu_percent' must be a number from 0 to 100",
    ],
    [
      'a value out of range',
      (b: Record<string, unknown>) => ({ ...b, buffer_utilization_pct: 120 }),
      'buffer_utilization_pct',
      "Parameter 'buffer_utilization_pct' must be a number from 0 to 100",
    ],
    [
      'a fractional counter',
      (b: Record<string, unknown>) => ({ ...b, spans_ingested_total: 1.5 }),
      'spans_ingested_total',
      "Parameter 'spans_ingested_total' must be an integer",
    ],
    [
      'a counter beyond 2^53',
      (b: Record<string, unknown>) => ({ ...b, dropped_spans_total: 2 ** 60 }),
      'dropped_spans_total',
      "Parameter 'dropped_spans_total' must be an integer",
    ],
    [
      'a boolean sent as a number',
      (b: Record<string, unknown>) => ({ ...b, otlp_http_active: 1 }),
      'otlp_http_active',
      "Parameter 'otlp_http_active' must be true or false",
    ],
    [
      'a malformed cluster',
      (b: Record<string, unknown>) => ({ ...b, cluster: 'prod eu 1' }),
      'cluster',
      "Parameter 'cluster' must be 1–128 characters",
    ],
    ['an unknown field', (b: Record<string, unknown>) => ({ ...b, cpu_pct: 3 }), 'cpu_pct', "Parameter 'cpu_pct'"],
  ])('rejects %s with 400 invalid_parameter naming the field', async (_case, change, param, message) => {
    const { status, body } = await rest<ErrorBody>(gw, 'POST', '/v1/nodes/node-bad/heartbeat', { body: change(heartbeat()) });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param, request_id: expect.stringMatching(/^req_/) });
    expect(body.error.message).toContain(message);
    expect((await rest(gw, 'GET', '/v1/nodes/node-bad/health')).status).toBe(404);
  });

  it.each(['-leading-dash', 'has%20space', 'x'.repeat(129)])('rejects the node id %s with 400 on node_id', async (nodeId) => {
    const { status, body } = await rest<ErrorBody>(gw, 'POST', `/v1/nodes/${nodeId}/heartbeat`, { body: heartbeat() });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'node_id' });
  });

  it('rejects a body that is not JSON', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'POST', `/v1/nodes/${NODE}/heartbeat`, { body: '{"cluster":' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'body' });
  });

  it('requires an API key (401) with the write permission (403)', async () => {
    expect((await rest<ErrorBody>(gw, 'POST', `/v1/nodes/${NODE}/heartbeat`, { key: null, body: heartbeat() })).status).toBe(401);
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] });
    const { status, body } = await rest<ErrorBody>(gw, 'POST', `/v1/nodes/${NODE}/heartbeat`, { key, body: heartbeat() });
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });
});

describe('GET /v1/nodes', () => {
  it('answers the documented example field for field: the node reproduced from its heartbeats, and the total', async () => {
    const { status, body } = await rest<NodeListJson>(gw, 'GET', '/v1/nodes?cluster=prod-eu-1');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(Object.keys(examples.listNodes));
    const documented = examples.listNodes.nodes[0]!;
    const listed = body.nodes.find((n) => n.node_id === NODE)!;
    expect(Object.keys(listed)).toEqual(Object.keys(documented));
    // The document's timestamp is its own; ours is when this test's heartbeat arrived.
    expect({ ...listed, last_heartbeat: documented.last_heartbeat }).toEqual(documented);
    expect(Date.now() - Date.parse(listed.last_heartbeat)).toBeLessThan(60_000);
    expect(body.total).toBe(body.nodes.length);
  });

  it('filters by cluster and status, and pages through a Link header while the body stays as documented', async () => {
    for (const id of ['page-1', 'page-2', 'page-3']) {
      expect((await rest(gw, 'POST', `/v1/nodes/${id}/heartbeat`, { body: heartbeat({ cluster: 'paging' }) })).status).toBe(200);
    }
    const first = await rest<NodeListJson>(gw, 'GET', '/v1/nodes?cluster=paging&status=healthy&limit=2');
    expect(first.body).toMatchObject({ total: 3, nodes: [{ node_id: 'page-1' }, { node_id: 'page-2' }] });
    const link = first.headers.get('link');
    expect(link).toMatch(/^<\/v1\/nodes\?cluster=paging&status=healthy&limit=2&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    const next = /^<([^>]+)>/.exec(link!)![1]!;
    const second = await rest<NodeListJson>(gw, 'GET', next);
    expect(second.body).toMatchObject({ total: 3, nodes: [{ node_id: 'page-3' }] });
    expect(second.headers.get('link')).toBeNull();
    expect((await rest<NodeListJson>(gw, 'GET', '/v1/nodes?cluster=paging&status=offline')).body).toEqual({ nodes: [], total: 0 });
  });

  it('rejects unknown statuses, malformed cursors and limits above 500', async () => {
    const cases: [string, string][] = [
      ['/v1/nodes?status=sleepy', 'status'],
      ['/v1/nodes?cursor=not-a-cursor', 'cursor'],
      ['/v1/nodes?limit=501', 'limit'],
      ['/v1/nodes?region=eu', 'region'],
    ];
    for (const [path, param] of cases) {
      const { status, body } = await rest<ErrorBody>(gw, 'GET', path);
      expect([path, status, body.error.param]).toEqual([path, 400, param]);
    }
  });

  it('lists only the nodes of the key’s organization and partition', async () => {
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['read'] });
    expect((await rest<NodeListJson>(gw, 'GET', '/v1/nodes', { key })).body).toEqual({ nodes: [], total: 0 });
  });
});

describe('GET /v1/nodes/{node_id}/health', () => {
  it('answers the documented example exactly', async () => {
    const { status, body } = await rest(gw, 'GET', `/v1/nodes/${NODE}/health`);
    expect(status).toBe(200);
    expect(body).toEqual(examples.nodeHealth);
  });

  it('answers 404 not_found on node_id for a node that never sent a heartbeat', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'GET', '/v1/nodes/node-unknown/health');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', param: 'node_id' });
  });

  it('answers 400 on node_id for a malformed node id', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'GET', '/v1/nodes/bad..%2F..id/health');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'node_id' });
  });
});
