import { readFile } from 'node:fs/promises';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_ROUTES } from '../rest-compat/routes/index.js';
import { MAX_SEARCH_LIMIT, MAX_TRACE_IDS_PER_REQUEST } from '../rest-compat/routes/jaeger.routes.js';
import { WHOLE_TRACE_SPANS } from '../rest-compat/whole-trace.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { EXAMPLE_RETENTION, ingestFixture, rest } from './helpers/rest.js';

/**
 * The Jaeger query HTTP API at /api and /jaeger/api, held to the JSON model
 * Jaeger documents (jaegertracing/jaeger model/json, cmd/query/app/http_handler.go):
 * the golden trace is test/fixtures/jaeger-tempo.expected.json, written from
 * that model for test/fixtures/jaeger-tempo.otlp.json.
 */

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
/** 2026-03-15T08:21:40Z .. 08:23:20Z in epoch microseconds: the fixture's window. */
const WINDOW = 'start=1773562900000000&end=1773563000000000';

interface Expected {
  readonly jaegerGetTrace: { readonly data: readonly { readonly spans: readonly unknown[] }[] };
}

let gw: TestGateway;
let expected: Expected;
let readKey: string;

beforeAll(async () => {
  gw = await startTestGateway(EXAMPLE_RETENTION);
  await ingestFixture(gw, 'jaeger-tempo.otlp.json');
  expected = JSON.parse(await readFile(new URL('./fixtures/jaeger-tempo.expected.json', import.meta.url), 'utf8')) as Expected;
  readKey = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] })).key;
});
afterAll(async () => {
  await gw.close();
});

const get = <T = unknown>(path: string, key: string | null = readKey) => rest<T>(gw, 'GET', path, { key });

describe('GET /api/traces/{traceID}', () => {
  it('answers the documented Jaeger trace: typed tags, references, logs, processes, warnings', async () => {
    const res = await get(`/api/traces/${TRACE_ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(expected.jaegerGetTrace);
  });

  it('writes int64 beyond 2^53 as its exact digits, as Jaeger does', async () => {
    const res = await fetch(`${gw.baseUrl}/api/traces/${TRACE_ID}`, { headers: { 'x-api-key': readKey } });
    expect(await res.text()).toContain('{"key":"retry.count.max","type":"int64","value":"9223372036854775807"}');
  });

  it('takes a short id left-padded with zeros, and upper-case hex', async () => {
    const res = await get(`/api/traces/${TRACE_ID.toUpperCase()}`);
    expect(res.body).toEqual(expected.jaegerGetTrace);
  });

  it('answers 404 in Jaeger’s error envelope for an unknown trace', async () => {
    const res = await get('/api/traces/1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] });
  });

  it('answers 400 in Jaeger’s error envelope for an id that is not hex', async () => {
    const res = await get('/api/traces/not-a-trace');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      total: 0,
      limit: 0,
      offset: 0,
      errors: [{ code: 400, msg: "Parameter 'traceID' must be a trace ID of 1 to 32 hex digits" }],
    });
  });

  it('is served under /jaeger/api too', async () => {
    const res = await get(`/jaeger/api/traces/${TRACE_ID}`);
    expect(res.body).toEqual(expected.jaegerGetTrace);
  });
});

describe('GET /api/traces', () => {
  it('finds traces by service, operation, tags and span duration, each with all its spans', async () => {
    const tags = encodeURIComponent(JSON.stringify({ 'db.system': 'postgresql' }));
    const res = await get(
      `/api/traces?service=orders&operation=SELECT%20orders&tags=${tags}&minDuration=100ms&maxDuration=1s&${WINDOW}&lookback=custom`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...expected.jaegerGetTrace, total: 0 });
  });

  it('matches Jaeger’s synthesized tags (error=true, span.kind, otel.status_code) and typed values given as text', async () => {
    for (const tag of ['error:true', 'span.kind:client', 'otel.status_code:ERROR']) {
      const res = await get<{ data: { traceID: string }[] }>(`/api/traces?service=orders&tag=${encodeURIComponent(tag)}&${WINDOW}`);
      expect(
        res.body.data.map((t) => t.traceID),
        tag,
      ).toEqual([TRACE_ID]);
    }
    const typed = await get<{ data: { traceID: string }[] }>(
      `/api/traces?service=frontend&tag=http.status_code:200&tag=cache.hit:false&${WINDOW}`,
    );
    expect(typed.body.data.map((t) => t.traceID)).toEqual([TRACE_ID]);
  });

  it('returns no traces when one condition fails on the service’s spans', async () => {
    for (const query of ['service=frontend&tag=db.system:postgresql', 'service=orders&minDuration=2s', 'service=orders&operation=nope']) {
      const res = await get(`/api/traces?${query}&${WINDOW}`);
      expect(res.body, query).toEqual({ data: [], total: 0, limit: 0, offset: 0, errors: null });
    }
  });

  it('gets several traces by traceID, reporting a missing one in errors', async () => {
    const res = await get(`/api/traces?traceID=${TRACE_ID}&traceID=abc`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...expected.jaegerGetTrace,
      errors: [{ msg: 'trace not found', traceID: '00000000000000000000000000000abc' }],
    });
  });

  it('takes as many traceIDs as whole traces fit the complexity limit, and refuses more naming traceID', async () => {
    const missing = Array.from({ length: MAX_TRACE_IDS_PER_REQUEST - 1 }, (_, i) => (i + 1).toString(16).padStart(32, '0'));
    const ids = (list: readonly string[]) => list.map((id) => `traceID=${id}`).join('&');
    const res = await get(`/api/traces?${ids([TRACE_ID, ...missing])}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...expected.jaegerGetTrace, errors: missing.map((traceID) => ({ msg: 'trace not found', traceID })) });
    const over = await get(`/api/traces?${ids([TRACE_ID, ...missing, 'abc'])}`);
    expect(over.status).toBe(400);
    expect(over.body).toEqual({
      data: null,
      total: 0,
      limit: 0,
      offset: 0,
      errors: [{ code: 400, msg: `Parameter 'traceID' may be given at most ${MAX_TRACE_IDS_PER_REQUEST} times` }],
    });
    const doc = await readFile(new URL('../docs/grafana.md', import.meta.url), 'utf8');
    expect(doc).toContain(`takes at most ${MAX_TRACE_IDS_PER_REQUEST} ids`);
  });

  it.each([
    ['', "Parameter 'service' is required"],
    ['service=orders&limit=0', "Parameter 'limit' must be a positive integer"],
    ['service=orders&limit=-1', "Parameter 'limit' must be a positive integer"],
    ['service=orders&limit=1.5', "Parameter 'limit' must be a positive integer"],
    ['service=orders&limit=1e2', "Parameter 'limit' must be a positive integer"],
    ['service=orders&limit=', "Parameter 'limit' must be a positive integer"],
    ['service=orders&minDuration=fast', "Parameter 'minDuration' must be a duration such as 100ms, 1.5s or 1h30m"],
    ['service=orders&minDuration=2s&maxDuration=1s', "Parameter 'maxDuration' must not be less than 'minDuration'"],
    ['service=orders&start=soon', "Parameter 'start' must be a whole number of microseconds since the Unix epoch"],
    ['service=orders&tag=novalue', 'Parameter \'tag\' must be key:value; received "novalue"'],
    ['service=orders&tags=%5B1%5D', "Parameter 'tags' must be a JSON object of string values"],
    ['service=orders&unknown=1', "Parameter 'unknown' is not a parameter of this route"],
  ])('refuses %s with 400: %s', async (query, msg) => {
    const res = await get(`/api/traces?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 400, msg }] });
  });
});

describe('GET /api/traces limit', () => {
  /** More traces of one service than the largest search answers, one millisecond apart, in an organization of their own. */
  const COUNT = MAX_SEARCH_LIMIT + 3;
  const START_MS = Date.parse('2026-03-15T09:00:00Z');
  const window = `start=${START_MS * 1000}&end=${(START_MS + COUNT) * 1000}`;
  let key: string;
  let newestFirst: string[];

  beforeAll(async () => {
    key = (await gw.app.services.auth.createKey({ org: 'jaeger-limit', env: 'live', permissions: ['read', 'write'] })).key;
    const spans = Array.from({ length: COUNT }, (_, i) => ({
      traceId: hex(16),
      service: 'busy',
      name: 'GET /busy',
      startMs: START_MS + i,
      durationMs: 1,
    }));
    const res = await postOtlpJson(gw.baseUrl, key, spans);
    expect(res.status).toBe(200);
    newestFirst = spans.map((s) => s.traceId).reverse();
  });

  const traceIds = async (limit: string) => {
    const res = await get<{ data: { traceID: string }[] }>(
      `/api/traces?service=busy&${window}${limit === '' ? '' : `&limit=${limit}`}`,
      key,
    );
    expect(res.status, limit).toBe(200);
    return res.body.data.map((t) => t.traceID);
  };

  it('answers as many traces as asked up to the largest search', async () => {
    expect(await traceIds('3')).toEqual(newestFirst.slice(0, 3));
    expect(await traceIds(String(MAX_SEARCH_LIMIT))).toEqual(newestFirst.slice(0, MAX_SEARCH_LIMIT));
    expect(await traceIds('')).toEqual(newestFirst.slice(0, 20));
  });

  it('clamps a larger limit (Jaeger’s default of 100, or any positive integer) to the largest search instead of refusing it', async () => {
    for (const limit of [String(MAX_SEARCH_LIMIT + 1), '100', '1500', '99999999999999999999999']) {
      expect(await traceIds(limit), limit).toEqual(newestFirst.slice(0, MAX_SEARCH_LIMIT));
    }
  });

  it('sets the largest search at exactly what the GraphQL complexity limit admits', async () => {
    const route = REST_ROUTES.find((r) => r.method === 'GET' && r.path === '/api/traces')!;
    const variables = {
      byIds: false,
      traceIds: [],
      query: 'service.name = "busy"',
      from: '2026-03-15T09:00:00Z',
      to: '2026-03-15T10:00:00Z',
      spanLimit: WHOLE_TRACE_SPANS,
    };
    const fits = await gw.graphql(print(route.operation), { ...variables, first: MAX_SEARCH_LIMIT }, key);
    expect(fits.body.errors).toBeUndefined();
    const over = await gw.graphql(print(route.operation), { ...variables, first: MAX_SEARCH_LIMIT + 1 }, key);
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'complexity' });
  });

  it('is the figure docs/grafana.md gives', async () => {
    const doc = await readFile(new URL('../docs/grafana.md', import.meta.url), 'utf8');
    expect(doc).toContain(`clamped to ${MAX_SEARCH_LIMIT}`);
  });
});

describe('services and operations', () => {
  it('GET /api/services lists service names with their count', async () => {
    expect((await get('/api/services')).body).toEqual({ data: ['frontend', 'orders'], total: 2, limit: 0, offset: 0, errors: null });
  });

  it('GET /api/services/{service}/operations lists every span name of the service', async () => {
    expect((await get('/api/services/orders/operations')).body).toEqual({
      data: ['SELECT orders', 'late callback'],
      total: 2,
      limit: 0,
      offset: 0,
      errors: null,
    });
    expect((await get('/api/services/nobody/operations')).body).toEqual({ data: [], total: 0, limit: 0, offset: 0, errors: null });
  });

  it('GET /api/operations gives span kinds and filters by spanKind', async () => {
    expect((await get('/api/operations?service=orders')).body).toEqual({
      data: [
        { name: 'SELECT orders', spanKind: 'client' },
        { name: 'late callback', spanKind: '' },
      ],
      total: 2,
      limit: 0,
      offset: 0,
      errors: null,
    });
    expect((await get('/api/operations?service=frontend&spanKind=server')).body).toMatchObject({
      data: [{ name: 'GET /api/orders', spanKind: 'server' }],
      total: 1,
    });
    expect((await get('/api/operations?service=frontend&spanKind=client')).body).toMatchObject({ data: [], total: 0 });
    expect((await get('/api/operations')).status).toBe(400);
  });
});

describe('GET /api/dependencies', () => {
  it('answers the topology edges of the window as parent/child/callCount', async () => {
    const res = await get('/api/dependencies?endTs=1773563000000&lookback=3600000');
    expect(res.body).toEqual({
      data: [{ parent: 'orders', child: 'postgresql', callCount: 1 }],
      total: 0,
      limit: 0,
      offset: 0,
      errors: null,
    });
    const filtered = await get('/api/dependencies?endTs=1773563000000&lookback=3600000&service=frontend');
    expect(filtered.body).toMatchObject({ data: [] });
  });
});

describe('auth, limits and isolation', () => {
  it('answers 401 in Jaeger’s envelope without a key, before any parameter is read', async () => {
    const res = await get('/api/traces?limit=bad', null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 401, msg: 'Missing or invalid API key' }] });
  });

  it('shows another organization nothing', async () => {
    const other = (await gw.app.services.auth.createKey({ org: 'jaeger-other', env: 'live', permissions: ['read'] })).key;
    expect((await get('/api/services', other)).body).toMatchObject({ data: [], total: 0 });
    expect((await get(`/api/traces/${TRACE_ID}`, other)).status).toBe(404);
  });

  it('charges the per-key rate limit and answers 429 in Jaeger’s envelope with Retry-After', async () => {
    const limited = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'], rateLimit: 2 })).key;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 3; i++) {
      last = await get('/api/services', limited);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(last?.body).toMatchObject({ data: null, errors: [{ code: 429 }] });
  });

  it('keeps Mackerel’s /api/v0 in the gateway’s envelope', async () => {
    const res = await rest(gw, 'GET', '/api/v0/nothing-here', { key: readKey });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
