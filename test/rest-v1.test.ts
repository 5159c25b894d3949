import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { EXAMPLE_RETENTION, ingestFixture, rest, type ErrorBody } from './helpers/rest.js';

/**
 * The Traces section of spec/mesh-trace-rest-v1.txt against a real gateway:
 * the document's examples replayed on ingested data that reproduces them, and
 * every documented error with its envelope and status.
 */

interface Examples {
  readonly listTraces: Record<string, unknown>;
  readonly getTrace: Record<string, unknown>;
  readonly searchRequest: Record<string, unknown>;
  readonly errorResponse: Record<string, unknown>;
}

interface TraceSummaryJson {
  trace_id: string;
  root_service: string | null;
  root_operation: string | null;
  duration_ms: number;
  span_count: number;
  status: string;
  started_at: string;
  services: string[];
}
interface TraceListJson {
  traces: TraceSummaryJson[];
  next_cursor: string | null;
  total_matched: number;
}
interface SpanJson {
  span_id: string;
  parent_span_id: string | null;
  operation_name: string;
  service_name: string;
  duration_ms: number;
  status_code: string;
  attributes: Record<string, unknown>;
  started_at: string;
  events: { name: string; timestamp: string; attributes: Record<string, unknown> }[];
}
interface TraceJson {
  trace_id: string;
  duration_ms: number;
  span_count: number;
  spans: SpanJson[];
}

const EXAMPLE_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const OLDER_TRACE = '7d3a1f0c9b8e4d2a8c6b5a4f3e2d1c0b';
const FAILED_TRACE = 'a3c5e7f9b1d3f5a7c9e1b3d5f7a9c1e3';
const EXAMPLE_HOUR = 'start_time=2026-03-15T08:00:00Z&end_time=2026-03-15T09:00:00Z';

/** The JSON type of every value, recursively (an array by its first element): "same keys and types". */
function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

let gw: TestGateway;
let examples: Examples;

beforeAll(async () => {
  examples = JSON.parse(await readFile(new URL('./fixtures/rest-v1-document-examples.json', import.meta.url), 'utf8')) as Examples;
  gw = await startTestGateway(EXAMPLE_RETENTION);
  await ingestFixture(gw, 'rest-v1-examples.otlp.json');
});
afterAll(async () => {
  await gw.close();
});

describe('GET /v1/traces', () => {
  it('answers the documented example with the same keys, types and values', async () => {
    const { status, body } = await rest<TraceListJson>(
      gw,
      'GET',
      `/v1/traces?service=api-gateway&min_duration_ms=100&limit=1&${EXAMPLE_HOUR}`,
    );
    expect(status).toBe(200);
    expect(shapeOf(body)).toEqual(shapeOf(examples.listTraces));
    const [documented] = (examples.listTraces as unknown as TraceListJson).traces;
    expect({ ...body.traces[0], services: body.traces[0]?.services.sort() }).toEqual({
      ...documented,
      services: documented?.services.sort(),
    });
    expect(body.total_matched).toBe(2);
  });

  it('pages with next_cursor until the last page, where next_cursor is null', async () => {
    const first = await rest<TraceListJson>(gw, 'GET', `/v1/traces?limit=1&${EXAMPLE_HOUR}`);
    expect(first.body.traces.map((t) => t.trace_id)).toEqual([EXAMPLE_TRACE]);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await rest<TraceListJson>(
      gw,
      'GET',
      `/v1/traces?limit=1&${EXAMPLE_HOUR}&cursor=${encodeURIComponent(first.body.next_cursor!)}`,
    );
    expect(second.body.traces.map((t) => t.trace_id)).toEqual([OLDER_TRACE]);
    expect(second.body.next_cursor).toBeNull();
    expect(second.body.total_matched).toBe(2);
  });

  it('keeps the window of the first page when the cursor is sent without start_time and end_time', async () => {
    const first = await rest<TraceListJson>(gw, 'GET', `/v1/traces?limit=1&${EXAMPLE_HOUR}`);
    const second = await rest<TraceListJson>(gw, 'GET', `/v1/traces?limit=1&cursor=${encodeURIComponent(first.body.next_cursor!)}`);
    expect(second.body.traces.map((t) => t.trace_id)).toEqual([OLDER_TRACE]);
  });

  it('defaults to the last hour, newest first, 50 per page', async () => {
    const now = Date.now();
    const recent = hex(16);
    const twoHoursAgo = hex(16);
    await postOtlpJson(gw.baseUrl, gw.apiKey, [
      { traceId: recent, startMs: now - 5 * 60_000, durationMs: 12, service: 'default-window' },
      { traceId: twoHoursAgo, startMs: now - 2 * 3_600_000, durationMs: 12, service: 'default-window' },
    ]);
    const { body } = await rest<TraceListJson>(gw, 'GET', '/v1/traces?service=default-window');
    expect(body.traces.map((t) => t.trace_id)).toEqual([recent]);

    const many = Array.from({ length: 55 }, (_, i) => ({ startMs: now - 60_000 - i * 1000, durationMs: 1, service: 'page-size' }));
    await postOtlpJson(gw.baseUrl, gw.apiKey, many);
    const page = await rest<TraceListJson>(gw, 'GET', '/v1/traces?service=page-size');
    expect(page.body.traces).toHaveLength(50);
    expect(page.body.total_matched).toBe(55);
    const starts = page.body.traces.map((t) => t.started_at);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it('filters by status (ok, error, unset), service and min_duration_ms', async () => {
    const ids = async (query: string) =>
      (
        await rest<TraceListJson>(gw, 'GET', `/v1/traces?start_time=2026-03-15T00:00:00Z&end_time=2026-03-15T12:00:00Z&${query}`)
      ).body.traces
        .map((t) => t.trace_id)
        .sort();
    expect(await ids('status=error')).toEqual([FAILED_TRACE]);
    expect(await ids('status=ok')).toEqual([EXAMPLE_TRACE, OLDER_TRACE].sort());
    expect(await ids('status=unset')).toEqual([]);
    expect(await ids('status=ERROR')).toEqual([FAILED_TRACE]);
    expect(await ids('service=payment-svc')).toEqual([EXAMPLE_TRACE, FAILED_TRACE].sort());
    expect(await ids('min_duration_ms=143')).toEqual([OLDER_TRACE]);
    expect(await ids('min_duration_ms=142')).toEqual([EXAMPLE_TRACE, OLDER_TRACE].sort());
  });

  it('accepts the documented maximum limit of 200 within the schema’s complexity limit', async () => {
    const { status, body } = await rest<TraceListJson>(gw, 'GET', '/v1/traces?limit=200&start_time=2026-03-15T00:00:00Z');
    expect(status).toBe(200);
    expect(body.traces.length).toBeGreaterThanOrEqual(3);
  });

  it('treats a query value that looks like an operator as plain text', async () => {
    const { status, body } = await rest<TraceListJson>(gw, 'GET', `/v1/traces?service=${encodeURIComponent('{"$ne":""}')}&${EXAMPLE_HOUR}`);
    expect(status).toBe(200);
    expect(body.traces).toEqual([]);
  });
});

describe('GET /v1/traces/{trace_id}', () => {
  it('answers the documented example with the same keys, types and values', async () => {
    const { status, body } = await rest<TraceJson>(gw, 'GET', `/v1/traces/${EXAMPLE_TRACE}`);
    expect(status).toBe(200);
    expect(shapeOf({ ...body, spans: body.spans.slice(0, 1) })).toEqual(shapeOf(examples.getTrace));
    const documented = examples.getTrace as unknown as TraceJson;
    expect({ ...body, spans: body.spans.slice(0, 1) }).toEqual(documented);
    expect(body.spans).toHaveLength(23);
  });

  it('lists every span in start order, parent_span_id null only for the root', async () => {
    const { body } = await rest<TraceJson>(gw, 'GET', `/v1/traces/${EXAMPLE_TRACE}`);
    const starts = body.spans.map((s) => s.started_at);
    expect([...starts].sort()).toEqual(starts);
    expect(body.spans.filter((s) => s.parent_span_id === null).map((s) => s.span_id)).toEqual(['00f067aa0ba902b7']);
    expect(new Set(body.spans.map((s) => s.service_name))).toEqual(new Set(['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc']));
    for (const span of body.spans) expect(span.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('renders attributes as a plain JSON map, int64 beyond 2^53 as exact digits in a string', async () => {
    const { body } = await rest<TraceJson>(gw, 'GET', `/v1/traces/${EXAMPLE_TRACE}`);
    const order = body.spans.find((s) => s.operation_name === 'POST /orders')!;
    expect(order.attributes).toEqual({
      'http.method': 'POST',
      'order.items': ['sku-1', 'sku-2'],
      'order.total': 42.5,
      'order.express': true,
      'order.id': '9007199254740993',
      'order.customer': { tier: 'gold', visits: 12 },
      'order.checksum': 'AAEC',
      'order.nothing': null,
    });
    expect(order.events).toEqual([
      { name: 'cache miss', timestamp: '2026-03-15T08:22:41.008Z', attributes: { 'cache.key': 'sku-1', 'cache.ttl_s': 30 } },
    ]);
    expect(order.duration_ms).toBe(130);
  });

  it('accepts an upper-case trace id as the same trace', async () => {
    const { status, body } = await rest<TraceJson>(gw, 'GET', `/v1/traces/${EXAMPLE_TRACE.toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.trace_id).toBe(EXAMPLE_TRACE);
  });

  it('answers 404 not_found for a trace that does not exist', async () => {
    const missing = hex(16);
    const { status, body } = await rest<ErrorBody>(gw, 'GET', `/v1/traces/${missing}`);
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: `Trace '${missing}' does not exist`, param: 'trace_id' });
  });

  it('answers 404 for a trace of another organization, as if it did not exist', async () => {
    const other = await gw.app.services.auth.createKey({ org: 'other-org', env: 'live', permissions: ['read'] });
    const { status } = await rest<ErrorBody>(gw, 'GET', `/v1/traces/${EXAMPLE_TRACE}`, { key: other.key });
    expect(status).toBe(404);
  });
});

describe('POST /v1/traces/search', () => {
  it('answers the documented example request like GET /v1/traces', async () => {
    const { status, body } = await rest<TraceListJson>(gw, 'POST', '/v1/traces/search', { body: examples.searchRequest });
    expect(status).toBe(200);
    expect(shapeOf({ ...body, next_cursor: 'x' })).toEqual(shapeOf(examples.listTraces));
    expect(body.traces.map((t) => t.trace_id)).toEqual([FAILED_TRACE]);
    expect(body.traces[0]).toMatchObject({ status: 'error', root_service: 'api-gateway', duration_ms: 80, span_count: 2 });
    expect(body.next_cursor).toBeNull();
    expect(body.total_matched).toBe(1);
  });

  it('pages with limit and a cursor in the body', async () => {
    const request = {
      query: 'service.name = "api-gateway"',
      start_time: '2026-03-15T00:00:00Z',
      end_time: '2026-03-15T12:00:00Z',
      limit: 2,
    };
    const first = await rest<TraceListJson>(gw, 'POST', '/v1/traces/search', { body: request });
    expect(first.body.traces.map((t) => t.trace_id)).toEqual([FAILED_TRACE, EXAMPLE_TRACE]);
    expect(first.body.total_matched).toBe(3);
    const second = await rest<TraceListJson>(gw, 'POST', '/v1/traces/search', { body: { ...request, cursor: first.body.next_cursor } });
    expect(second.body.traces.map((t) => t.trace_id)).toEqual([OLDER_TRACE]);
    expect(second.body.next_cursor).toBeNull();
  });

  it('answers a syntax error with 400 invalid_parameter on query, giving the position', async () => {
    const { status, body } = await rest<ErrorBody>(gw, 'POST', '/v1/traces/search', {
      body: { ...examples.searchRequest, query: 'service.name = ' },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'invalid_parameter',
      param: 'query',
      message: "Expected a value after '=' at position 15, found end of input",
    });
  });
});

type ErrorCase = readonly [
  description: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  status: number,
  param: string | null,
  message: string | RegExp,
];

const SEARCH = { query: 'status = error', start_time: '2026-03-15T00:00:00Z', end_time: '2026-03-15T12:00:00Z' };

describe('documented errors', () => {
  it.each<ErrorCase>([
    ['limit below 1', 'GET', '/v1/traces?limit=0', undefined, 400, 'limit', "Parameter 'limit' must be an integer from 1 to 200"],
    ['limit above 200', 'GET', '/v1/traces?limit=201', undefined, 400, 'limit', "Parameter 'limit' must be an integer from 1 to 200"],
    [
      'a limit that is not a number',
      'GET',
      '/v1/traces?limit=fifty',
      undefined,
      400,
      'limit',
      "Parameter 'limit' must be an integer from 1 to 200",
    ],
    ['a fractional limit', 'GET', '/v1/traces?limit=1.5', undefined, 400, 'limit', "Parameter 'limit' must be an integer from 1 to 200"],
    ['an exponent limit', 'GET', '/v1/traces?limit=1e2', undefined, 400, 'limit', "Parameter 'limit' must be an integer from 1 to 200"],
    [
      'a start_time that is not ISO 8601',
      'GET',
      '/v1/traces?start_time=yesterday',
      undefined,
      400,
      'start_time',
      "Parameter 'start_time' must be a valid ISO 8601 timestamp",
    ],
    [
      'an impossible end_time',
      'GET',
      '/v1/traces?end_time=2026-02-30T00:00:00Z',
      undefined,
      400,
      'end_time',
      "Parameter 'end_time' must be a valid ISO 8601 timestamp",
    ],
    [
      'start_time after end_time',
      'GET',
      '/v1/traces?start_time=2026-03-15T10:00:00Z&end_time=2026-03-15T09:00:00Z',
      undefined,
      400,
      'start_time',
      "Parameter 'start_time' must not be after 'end_time'",
    ],
    [
      'an unknown status',
      'GET',
      '/v1/traces?status=failed',
      undefined,
      400,
      'status',
      "Parameter 'status' must be one of ok, error, unset",
    ],
    [
      'a negative min_duration_ms',
      'GET',
      '/v1/traces?min_duration_ms=-5',
      undefined,
      400,
      'min_duration_ms',
      "Parameter 'min_duration_ms' must be a non-negative integer",
    ],
    [
      'a cursor that was never issued',
      'GET',
      '/v1/traces?cursor=bm90LWEtY3Vyc29y',
      undefined,
      400,
      'cursor',
      "Parameter 'cursor' is not a valid pagination cursor for this query",
    ],
    [
      'an empty service',
      'GET',
      '/v1/traces?service=',
      undefined,
      400,
      'service',
      "Parameter 'service' must be a non-empty string of at most 1024 characters",
    ],
    [
      'an operator-shaped parameter name',
      'GET',
      '/v1/traces?service[$ne]=x',
      undefined,
      400,
      'service[$ne]',
      "Parameter 'service[$ne]' is not a parameter of this route",
    ],
    ['a repeated parameter', 'GET', '/v1/traces?service=a&service=b', undefined, 400, 'service', "Parameter 'service' must be given once"],
    [
      'a trace id that is not hex',
      'GET',
      '/v1/traces/not-a-trace-id',
      undefined,
      400,
      'trace_id',
      "Parameter 'trace_id' must be a 32-character hex trace ID (W3C format)",
    ],
    [
      'a trace id of 31 digits',
      'GET',
      `/v1/traces/${EXAMPLE_TRACE.slice(1)}`,
      undefined,
      400,
      'trace_id',
      "Parameter 'trace_id' must be a 32-character hex trace ID (W3C format)",
    ],
    [
      'the all-zero trace id',
      'GET',
      `/v1/traces/${'0'.repeat(32)}`,
      undefined,
      400,
      'trace_id',
      "Parameter 'trace_id' must be a 32-character hex trace ID (W3C format)",
    ],
    [
      'a search without query',
      'POST',
      '/v1/traces/search',
      { start_time: SEARCH.start_time, end_time: SEARCH.end_time },
      400,
      'query',
      "Parameter 'query' is required",
    ],
    [
      'a search without start_time',
      'POST',
      '/v1/traces/search',
      { query: SEARCH.query, end_time: SEARCH.end_time },
      400,
      'start_time',
      "Parameter 'start_time' is required",
    ],
    [
      'a search with a bad end_time',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, end_time: '15/03/2026' },
      400,
      'end_time',
      "Parameter 'end_time' must be a valid ISO 8601 timestamp",
    ],
    [
      'a search limit above 500',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, limit: 501 },
      400,
      'limit',
      "Parameter 'limit' must be an integer from 1 to 500",
    ],
    [
      'a search limit below 1',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, limit: 0 },
      400,
      'limit',
      "Parameter 'limit' must be an integer from 1 to 500",
    ],
    [
      'a search limit given as a string',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, limit: '50' },
      400,
      'limit',
      "Parameter 'limit' must be an integer from 1 to 500",
    ],
    [
      'a query that is an object',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, query: { $ne: '' } },
      400,
      'query',
      /^Parameter 'query' must be a non-empty string/,
    ],
    [
      'an unknown body field',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, service: 'x' },
      400,
      'service',
      "Parameter 'service' is not a parameter of this route",
    ],
    ['a body that is not JSON', 'POST', '/v1/traces/search', '{"query": ', 400, 'body', 'Request body must be valid JSON'],
    ['a body that is not an object', 'POST', '/v1/traces/search', [SEARCH], 400, 'body', 'Request body must be a JSON object'],
    [
      'an unknown trace-level field in the query',
      'POST',
      '/v1/traces/search',
      { ...SEARCH, query: 'trace.bogus > 1' },
      400,
      'query',
      /^Unknown trace field 'trace.bogus' at position 0/,
    ],
  ])('rejects %s', async (_description, method, path, body, status, param, message) => {
    const res = await rest<ErrorBody>(gw, method, path, { body });
    expect(res.status).toBe(status);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'param', 'request_id']);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.param).toBe(param);
    if (typeof message === 'string') expect(res.body.error.message).toBe(message);
    else expect(res.body.error.message).toMatch(message);
    expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('uses the documented envelope shape', async () => {
    const res = await rest<ErrorBody>(gw, 'GET', '/v1/traces?start_time=yesterday');
    expect(shapeOf(res.body)).toEqual(shapeOf(examples.errorResponse));
    expect({ ...res.body.error, request_id: 'req_7f3a8b2e4d' }).toEqual((examples.errorResponse as unknown as ErrorBody).error);
  });

  it('echoes a sane incoming X-Request-Id as request_id', async () => {
    const res = await rest<ErrorBody>(gw, 'GET', '/v1/traces?limit=0', { headers: { 'x-request-id': 'client-req-12345' } });
    expect(res.body.error.request_id).toBe('client-req-12345');
  });

  describe('authentication and permissions', () => {
    const routes: readonly [string, string, unknown][] = [
      ['GET', '/v1/traces', undefined],
      ['GET', `/v1/traces/${EXAMPLE_TRACE}`, undefined],
      ['POST', '/v1/traces/search', SEARCH],
    ];

    it.each(routes)('%s %s without a key answers 401 unauthorized', async (method, path, body) => {
      const res = await rest<ErrorBody>(gw, method, path, { key: null, body });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthorized', message: 'Missing or invalid API key', param: null });
    });

    it.each(routes)('%s %s with an unknown key answers 401 unauthorized', async (method, path, body) => {
      const res = await rest<ErrorBody>(gw, method, path, { key: 'mtk_live_notakeynotakeynotakeynotakey', body });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });

    it.each(routes)('%s %s with a key lacking read answers 403 forbidden', async (method, path, body) => {
      const writer = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'] });
      const res = await rest<ErrorBody>(gw, method, path, { key: writer.key, body });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', param: null });
    });

    it('accepts the key in X-Api-Key as well', async () => {
      const res = await rest(gw, 'GET', `/v1/traces?${EXAMPLE_HOUR}`, { key: null, headers: { 'x-api-key': gw.apiKey } });
      expect(res.status).toBe(200);
    });

    it('shows a mtk_test_ key only sandbox data', async () => {
      const sandbox = await gw.app.services.auth.createKey({ org: 'default', env: 'test', permissions: ['read'] });
      const res = await rest<TraceListJson>(gw, 'GET', `/v1/traces?${EXAMPLE_HOUR}`, { key: sandbox.key });
      expect(res.status).toBe(200);
      expect(res.body.traces).toEqual([]);
    });
  });

  describe('routing', () => {
    it('answers an unknown path under /v1 with 404 in the envelope', async () => {
      const res = await rest<ErrorBody>(gw, 'GET', '/v1/spans');
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: 'No route for GET /v1/spans', param: null });
    });

    it.each([
      ['DELETE', `/v1/traces/${EXAMPLE_TRACE}`, 'GET'],
      ['PUT', '/v1/traces', 'GET, POST'],
      ['GET', '/v1/traces/search', 'POST'],
      ['POST', '/v1/openapi.json', 'GET'],
    ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const res = await rest<ErrorBody>(gw, method, path);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(res.body.error.code).toBe('method_not_allowed');
    });
  });
});
