import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  DEFAULT_BASE_URL,
  InternalServerError,
  MeshTrace,
  MeshTraceError,
  NotFoundError,
  Page,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  backoffDelayMs,
  parseRetryAfterMs,
} from '@mesh-trace/sdk';
import { errorBody, scriptedServer, summary } from './scripted-server.js';

const KEY = 'mtk_live_unit_test_key_000000';
const EMPTY = { traces: [], next_cursor: null, total_matched: 0 };
const HEADERS = {
  'x-ratelimit-limit': '1000',
  'x-ratelimit-remaining': '997',
  'x-ratelimit-reset': '1710504000',
  'x-request-id': 'req_7f3a8b2e4d',
};
const IDS = Array.from({ length: 7 }, (_, n) => n.toString(16).padStart(32, '0'));

function pagesOf(ids, size) {
  const chunks = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks.map((chunk, n) => ({
    body: { traces: chunk.map(summary), next_cursor: n + 1 < chunks.length ? `c${n + 1}` : null, total_matched: ids.length },
  }));
}

let server;
let client;
beforeEach(async () => {
  server = await scriptedServer();
  client = new MeshTrace({ apiKey: KEY, baseUrl: server.url });
});
afterEach(() => server.close());

describe('configuration', () => {
  it('takes the key and base URL from the environment, arguments first', () => {
    const saved = { ...process.env };
    try {
      process.env.MESH_TRACE_API_KEY = 'mtk_live_from_env_0000000000';
      process.env.MESH_TRACE_BASE_URL = 'https://gateway.example/v1/';
      assert.equal(new MeshTrace().baseUrl, 'https://gateway.example/v1');
      assert.equal(new MeshTrace({ baseUrl: 'http://arg.example/v1' }).baseUrl, 'http://arg.example/v1');
      delete process.env.MESH_TRACE_BASE_URL;
      assert.equal(new MeshTrace().baseUrl, DEFAULT_BASE_URL);
      assert.equal(DEFAULT_BASE_URL, 'http://127.0.0.1:4000/v1');
      delete process.env.MESH_TRACE_API_KEY;
      assert.throws(
        () => new MeshTrace(),
        (error) => error instanceof MeshTraceError && /MESH_TRACE_API_KEY/.test(error.message),
      );
    } finally {
      process.env = saved;
    }
  });

  it('sends the key as a bearer token and parameters in the query', async () => {
    server.queue({ body: { traces: [summary(IDS[0])], next_cursor: null, total_matched: 1 } });
    const page = await client.traces.list({
      service: 'api-gateway',
      start_time: new Date(Date.UTC(2026, 2, 15, 8, 30, 0, 123)),
      end_time: '2026-03-15T09:00:00Z',
      min_duration_ms: 100,
      status: 'error',
      limit: 20,
    });
    const [seen] = server.requests;
    assert.equal(seen.method, 'GET');
    assert.equal(seen.path, '/v1/traces');
    assert.equal(seen.headers.authorization, `Bearer ${KEY}`);
    assert.deepEqual(seen.query, {
      service: 'api-gateway',
      start_time: '2026-03-15T08:30:00.123Z',
      end_time: '2026-03-15T09:00:00Z',
      min_duration_ms: '100',
      status: 'error',
      limit: '20',
    });
    assert.ok(page instanceof Page);
    assert.deepEqual(page.items, [summary(IDS[0])]);
    assert.equal(page.total, 1);
    assert.equal(page.hasNextPage(), false);
  });

  it('escapes path parameters', async () => {
    server.queue({ status: 404, body: errorBody('not_found', 'x', 'node_id') });
    await assert.rejects(client.nodes.health('a/b c'), NotFoundError);
    assert.equal(server.requests[0].path, '/v1/nodes/a%2Fb%20c/health');
  });
});

describe('pagination', () => {
  it('walks every page with for await, sending the cursor with the same parameters', async () => {
    server.queue(...pagesOf(IDS, 3));
    const seen = [];
    for await (const trace of client.traces.list({ service: 's', limit: 3 })) seen.push(trace.trace_id);
    assert.deepEqual(seen, IDS);
    assert.deepEqual(
      server.requests.map((r) => r.query.cursor),
      [undefined, 'c1', 'c2'],
    );
    assert.ok(server.requests.every((r) => r.query.service === 's' && r.query.limit === '3'));
  });

  it('fetches a page only when the loop reaches it, and nothing before it is used', async () => {
    server.queue(...pagesOf(IDS, 3));
    const pending = client.traces.list({ limit: 3 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.requests.length, 0);
    const seen = [];
    for await (const trace of pending) {
      seen.push(trace.trace_id);
      if (seen.length === 4) break;
    }
    assert.deepEqual(seen, IDS.slice(0, 4));
    assert.equal(server.requests.length, 2);
  });

  it('gives one page at a time', async () => {
    server.queue(...pagesOf(IDS, 3));
    const page = await client.traces.list({ limit: 3 });
    assert.deepEqual(
      page.items.map((t) => t.trace_id),
      IDS.slice(0, 3),
    );
    assert.equal(page.nextCursor, 'c1');
    const second = await page.nextPage();
    assert.deepEqual(
      second.items.map((t) => t.trace_id),
      IDS.slice(3, 6),
    );
    const sizes = [];
    for await (const p of second.iterPages()) sizes.push(p.items.length);
    assert.deepEqual(sizes, [3, 1]);
  });

  it('pages a search with the cursor in the body', async () => {
    server.queue(...pagesOf(IDS, 4));
    const seen = [];
    for await (const trace of client.traces.search({
      query: 'service.name = "s"',
      start_time: '2026-03-15',
      end_time: '2026-03-16',
      limit: 4,
    }))
      seen.push(trace.trace_id);
    assert.deepEqual(seen, IDS);
    assert.deepEqual(
      server.requests.map((r) => r.body),
      [
        { query: 'service.name = "s"', start_time: '2026-03-15', end_time: '2026-03-16', limit: 4 },
        { query: 'service.name = "s"', start_time: '2026-03-15', end_time: '2026-03-16', limit: 4, cursor: 'c1' },
      ],
    );
  });

  it('follows the Link header cursor of node lists', async () => {
    const node = {
      node_id: 'a',
      cluster: 'c',
      version: '1',
      status: 'healthy',
      spans_ingested_1h: 1,
      cpu_percent: 1.5,
      memory_mb: 2,
      last_heartbeat: '2026-03-15T09:41:58.000Z',
    };
    server.queue(
      { body: { nodes: [node], total: 2 }, headers: { link: '</v1/nodes?limit=1&cursor=abc%3D>; rel="next"' } },
      { body: { nodes: [{ ...node, node_id: 'b' }], total: 2 } },
    );
    const ids = [];
    for await (const n of client.nodes.list({ limit: 1 })) ids.push(n.node_id);
    assert.deepEqual(ids, ['a', 'b']);
    assert.deepEqual(server.requests[1].query, { limit: '1', cursor: 'abc=' });
  });
});

describe('retries', () => {
  it('waits the Retry-After of a 429, then succeeds', async () => {
    server.queue({ status: 429, body: errorBody('rate_limited', 'slow down'), headers: { 'retry-after': '1' } }, { body: EMPTY });
    const started = Date.now();
    assert.deepEqual((await client.traces.list()).items, []);
    assert.ok(Date.now() - started >= 1000);
    assert.equal(server.requests.length, 2);
  });

  it('retries a 503 and gives up after maxRetries with the last error', async () => {
    const once = new MeshTrace({ apiKey: KEY, baseUrl: server.url, maxRetries: 1 });
    server.queue(
      ...[0, 1, 2].map((n) => ({ status: 503, body: errorBody('unavailable', 'down', null, `req_${n}`), headers: { 'retry-after': '0' } })),
    );
    await assert.rejects(
      async () => once.traces.list(),
      (error) =>
        error instanceof ServiceUnavailableError &&
        error instanceof InternalServerError &&
        error.request_id === 'req_1' &&
        error.retryAfter === 0,
    );
    assert.equal(server.requests.length, 2);
  });

  it('does not retry a create unless asked', async () => {
    const rule = {
      name: 'r',
      condition: { metric: 'error_rate', service: 's', operator: '>', threshold: 0.05, window: '5m' },
      channels: ['slack'],
    };
    server.queue({ status: 429, body: errorBody('rate_limited', 'x'), headers: { 'retry-after': '0' } });
    await assert.rejects(client.alertRules.create(rule), RateLimitError);
    assert.equal(server.requests.length, 1);
    const opted = new MeshTrace({ apiKey: KEY, baseUrl: server.url, retryNonIdempotent: true });
    server.queue(
      { status: 429, body: errorBody('rate_limited', 'x'), headers: { 'retry-after': '0' } },
      { status: 201, body: { id: 'alert_rule_7f3a8b2e', name: 'r', status: 'active', created_at: '2026-03-15T09:45:00.000Z' } },
    );
    assert.equal((await opted.alertRules.create(rule)).id, 'alert_rule_7f3a8b2e');
  });

  it('retries a search, a POST that only reads', async () => {
    server.queue({ status: 503, body: errorBody('unavailable', 'x'), headers: { 'retry-after': '0' } }, { body: EMPTY });
    await client.traces.search({ query: 'status = error', start_time: '2026-03-15', end_time: '2026-03-16' });
    assert.equal(server.requests.length, 2);
  });

  it('does not wait a Retry-After beyond maxRetryWaitMs', async () => {
    const brief = new MeshTrace({ apiKey: KEY, baseUrl: server.url, maxRetryWaitMs: 30_000 });
    server.queue({ status: 429, body: errorBody('rate_limited', 'x'), headers: { 'retry-after': '61' } });
    await assert.rejects(
      async () => brief.traces.list(),
      (error) => error instanceof RateLimitError && error.retryAfter === 61,
    );
    assert.equal(server.requests.length, 1);
  });

  it('does not retry other errors', async () => {
    server.queue({ status: 500, body: errorBody('internal_error', 'boom') });
    await assert.rejects(async () => client.traces.list(), InternalServerError);
    assert.equal(server.requests.length, 1);
  });

  it('retries network failures of idempotent requests, not of a heartbeat', async () => {
    server.queue({ drop: true }, { body: EMPTY });
    assert.deepEqual((await client.traces.list()).items, []);
    assert.equal(server.requests.length, 2);
    server.queue({ drop: true });
    const heartbeat = {
      cluster: 'c',
      version: '1',
      cpu_percent: 1,
      memory_mb: 1,
      uptime_seconds: 1,
      ingestion_rate_sps: 1,
      spans_ingested_total: 1,
      dropped_spans_total: 0,
      otlp_grpc_active: true,
      otlp_http_active: true,
      sampling_rate: 1,
      buffer_utilization_pct: 1,
    };
    await assert.rejects(client.nodes.heartbeat('n', heartbeat), APIConnectionError);
    assert.equal(server.requests.length, 3);
  });

  it('reports a refused connection as a connection error', async () => {
    const nowhere = new MeshTrace({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0 });
    await assert.rejects(nowhere.services.list(), APIConnectionError);
  });

  it('backs off exponentially with jitter in the upper half, up to 8 s', () => {
    assert.equal(
      backoffDelayMs(0, () => 0),
      250,
    );
    assert.equal(
      backoffDelayMs(0, () => 1),
      500,
    );
    assert.equal(
      backoffDelayMs(3, () => 1),
      4000,
    );
    assert.equal(
      backoffDelayMs(20, () => 1),
      8000,
    );
  });

  it('parses Retry-After seconds and dates', () => {
    assert.equal(parseRetryAfterMs('61'), 61_000);
    assert.equal(parseRetryAfterMs(null), null);
    assert.equal(parseRetryAfterMs('Sun, 15 Mar 2026 08:00:30 GMT', Date.UTC(2026, 2, 15, 8, 0, 0)), 30_000);
    assert.equal(parseRetryAfterMs('Sun, 15 Mar 2026 07:00:00 GMT', Date.UTC(2026, 2, 15, 8, 0, 0)), 0);
    assert.equal(parseRetryAfterMs('soon'), null);
  });
});

describe('errors and rate limits', () => {
  it('gives a 400 its code, message, param, request_id and status', async () => {
    server.queue({
      status: 400,
      body: errorBody('invalid_parameter', "Parameter 'limit' must be an integer from 1 to 200", 'limit', 'req_7f3a8b2e4d'),
      headers: HEADERS,
    });
    const error = await client.traces.list({ limit: 500 }).then(
      () => assert.fail('no error'),
      (e) => e,
    );
    assert.ok(error instanceof BadRequestError && error instanceof APIError && error instanceof MeshTraceError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_parameter');
    assert.equal(error.message, "Parameter 'limit' must be an integer from 1 to 200");
    assert.equal(error.param, 'limit');
    assert.equal(error.request_id, 'req_7f3a8b2e4d');
    assert.deepEqual(error.rateLimit, { limit: 1000, remaining: 997, reset: 1710504000 });
  });

  for (const [status, ErrorClass] of [
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
  ]) {
    it(`maps ${status} to ${ErrorClass.name}`, async () => {
      server.queue({ status, body: errorBody('x', 'y') });
      await assert.rejects(client.services.list(), ErrorClass);
    });
  }

  it('types an error whose body is not the envelope', async () => {
    server.queue({ status: 502, body: '<html>bad gateway</html>', headers: { 'x-request-id': 'req_proxy' } });
    await assert.rejects(
      client.services.list(),
      (error) => error instanceof APIError && error.status === 502 && error.code === 'http_502' && error.request_id === 'req_proxy',
    );
  });

  it('exposes the rate-limit headers of the latest response', async () => {
    assert.equal(client.rateLimit, null);
    server.queue({ body: { services: [], total: 0 }, headers: HEADERS });
    await client.services.list();
    assert.deepEqual(client.rateLimit, { limit: 1000, remaining: 997, reset: 1710504000 });
  });

  it('hands over safe integers as numbers and int64 beyond 2^53 as the exact digits the gateway sends', async () => {
    const span = {
      span_id: '00f067aa0ba902b7',
      parent_span_id: null,
      operation_name: 'op',
      service_name: 'svc',
      duration_ms: 1,
      status_code: 'OK',
      attributes: { beyond: '9007199254740993', small: 201 },
      started_at: '2026-03-15T08:22:41.003Z',
      events: [],
    };
    server.queue({ body: { trace_id: 't', duration_ms: 1, span_count: 1, spans: [span] } });
    assert.deepEqual((await client.traces.get('t')).spans[0].attributes, { beyond: '9007199254740993', small: 201 });
  });
});
