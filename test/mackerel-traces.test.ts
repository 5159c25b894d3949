import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { EXAMPLE_RETENTION, ingestFixture, type ErrorBody } from './helpers/rest.js';

/**
 * spec/mackerel-traces-v0.md against a real gateway: the document's examples
 * replayed on ingested data that reproduces them, the operator × type matrix,
 * ordering and paging, every AnyValue type read back exactly, and the
 * documented status codes. Requests carry the key in X-Api-Key, as Mackerel
 * clients do. The list route admits 1 request per second per key, so each list
 * request here uses a fresh read key unless the limit itself is the subject.
 */

interface Examples {
  readonly listRequest: Record<string, unknown>;
  readonly listResponse: { results: TraceResult[]; hasNextPage: boolean };
  readonly getResponse: { spans: Record<string, unknown>[] };
  readonly arrayValue: Record<string, unknown>;
  readonly kvlistValue: Record<string, unknown>;
}

interface TraceResult {
  traceId: string;
  serviceName: string;
  serviceNamespace: string;
  environment: string;
  title: string;
  traceStartAt: number;
  traceLatencyMillis: number;
  serviceStartAt: number;
  serviceLatencyMillis: number;
}
interface TraceList {
  results: TraceResult[];
  hasNextPage: boolean;
}

interface Answer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: T;
}

let gw: TestGateway;
let examples: Examples;

/** A new key of org `default` with only the read permission (its own 1 request/second budget). */
async function readKey(): Promise<string> {
  return (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] })).key;
}

async function call<T>(
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const key = options.key === undefined ? await readKey() : options.key;
  const headers: Record<string, string> = { ...(key !== null ? { 'x-api-key': key } : {}), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${gw.baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as T };
}

const list = (body: unknown, key?: string | null) => call<TraceList>('POST', '/api/v0/traces', { body, key });
const getTrace = (traceId: string, key?: string | null) =>
  call<{ spans: Record<string, unknown>[] }>('GET', `/api/v0/traces/${traceId}`, { key });

/** The JSON type of every value, recursively (an array by its first element). */
function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const EXAMPLE_TRACE = '550e8400e29b41d4a716446655440000';
/** The 20 other matches of the document's input, one per 30 ms before the example trace, newest first. */
const OTHER_MATCHES = Array.from({ length: 20 }, (_, k) => `${(20 - k).toString(16).padStart(8, '0')}${'aa'.repeat(12)}`);

beforeAll(async () => {
  examples = JSON.parse(await readFile(new URL('./fixtures/mackerel-document-examples.json', import.meta.url), 'utf8')) as Examples;
  gw = await startTestGateway(EXAMPLE_RETENTION);
  await ingestFixture(gw, 'mackerel-examples.otlp.json');
});
afterAll(async () => {
  await gw.close();
});

describe('POST /api/v0/traces — the document example', () => {
  it('answers the input example (with its CONTAINS) with the output example', async () => {
    const { status, body } = await list(examples.listRequest);
    expect(status).toBe(200);
    expect(shapeOf(body)).toEqual(shapeOf(examples.listResponse));
    const [documented] = examples.listResponse.results;
    // The document's serviceStartAt (1718802100) lies 100 s after the start of a trace that lasts
    // 1.234 s, which no trace can show; the fixture's shoppingcart span starts 100 ms after the
    // trace, in the same whole second (docs/mackerel.md, "The document's examples").
    expect(body.results[0]).toEqual({ ...documented, serviceStartAt: 1718802000 });
    expect(body.hasNextPage).toBe(true);
  });

  it('lists exactly the 21 matching traces over two pages, and none of the decoys that fail one condition', async () => {
    const first = await list(examples.listRequest);
    const second = await list({ ...examples.listRequest, page: 2 });
    expect(first.body.results.map((r) => r.traceId)).toEqual([EXAMPLE_TRACE, ...OTHER_MATCHES.slice(0, 19)]);
    expect(second.body.results.map((r) => r.traceId)).toEqual(OTHER_MATCHES.slice(19));
    expect(second.body.hasNextPage).toBe(false);
    const third = await list({ ...examples.listRequest, page: 3 });
    expect(third.body).toEqual({ results: [], hasNextPage: false });
  });

  it('holds span-level conditions on one single span of the requested service', async () => {
    // Decoy …09 has ERROR on one shoppingcart span and GET/500 on another; …0a has every condition on a frontend span.
    const { body } = await list({ ...examples.listRequest, perPage: 100 });
    const ids = body.results.map((r) => r.traceId);
    expect(ids).toHaveLength(21);
    expect(ids).not.toContain('d0000000000000000000000000000009');
    expect(ids).not.toContain('d000000000000000000000000000000a');
    // Without statusCode, …09's GET/500 span matches on its own.
    const withoutStatus = await list({ ...examples.listRequest, perPage: 100, statusCode: null });
    expect(withoutStatus.body.results.map((r) => r.traceId)).toContain('d0000000000000000000000000000009');
  });

  it('takes from and to as whole seconds, both inclusive, on the trace start', async () => {
    const { body } = await list({ serviceName: 'window-edges', from: 1718802000, to: 1718888400, order: { direction: 'ASC' } });
    expect(body.results.map((r) => r.traceId)).toEqual(['e0000000000000000000000000000001', 'e0000000000000000000000000000002']);
    expect(body.results.map((r) => r.traceStartAt)).toEqual([1718802000, 1718888400]);
  });

  it('reports serviceNamespace and environment of the requested service, and the root span name as title', async () => {
    const { body } = await list({ serviceName: 'frontend', from: 1718802000, to: 1718802001, traceId: EXAMPLE_TRACE });
    expect(body.results).toEqual([
      {
        traceId: EXAMPLE_TRACE,
        serviceName: 'frontend',
        serviceNamespace: 'shop',
        environment: 'production',
        title: 'GET /api/users',
        traceStartAt: 1718802000,
        traceLatencyMillis: 1234,
        serviceStartAt: 1718802000,
        serviceLatencyMillis: 1234,
      },
    ]);
  });
});

describe('POST /api/v0/traces — serviceName, serviceNamespace and environment name one service', () => {
  const payment = 'identity-payment';
  const frontend = 'identity-frontend';
  // I1: payment in shop/production, frontend in default/staging (the namespace and environment are in the trace, on another service).
  const I1 = 'a1d00000000000000000000000000001';
  // I2: payment in default/staging.
  const I2 = 'a1d00000000000000000000000000002';
  // I3: payment twice, in shop/production (40 ms) and in default/production (10 ms, 5 ms later).
  const I3 = 'a1d00000000000000000000000000003';
  const nowS = Math.floor(Date.now() / 1000);
  const window = { from: nowS - 3600, to: nowS + 60 };
  const at = (nowS - 30) * 1000;
  const where = (namespace: string, environment: string) => ({
    'service.namespace': namespace,
    'deployment.environment.name': environment,
  });

  beforeAll(async () => {
    const res = await postOtlpJson(gw.baseUrl, gw.apiKey, [
      { traceId: I1, service: payment, startMs: at, durationMs: 20, resource: where('shop', 'production') },
      { traceId: I1, service: frontend, startMs: at, durationMs: 30, resource: where('default', 'staging') },
      { traceId: I2, service: payment, startMs: at + 1, durationMs: 20, resource: where('default', 'staging') },
      { traceId: I3, service: payment, startMs: at + 2, durationMs: 40, resource: where('shop', 'production') },
      { traceId: I3, service: payment, startMs: at + 7, durationMs: 10, resource: where('default', 'production') },
    ]);
    expect(res.status).toBe(200);
  });

  const ids = async (request: Record<string, unknown>) => {
    const { status, body } = await list({ ...window, order: { direction: 'ASC' }, ...request });
    expect(status).toBe(200);
    return body.results.map((r) => r.traceId);
  };

  it('matches only traces in which the service itself runs in the namespace', async () => {
    expect(await ids({ serviceName: payment, serviceNamespace: 'default' })).toEqual([I2, I3]);
    expect(await ids({ serviceName: payment, serviceNamespace: 'shop' })).toEqual([I1, I3]);
    expect(await ids({ serviceName: frontend, serviceNamespace: 'shop' })).toEqual([]);
  });

  it('matches only traces in which the service itself runs in the environment', async () => {
    expect(await ids({ serviceName: payment, environment: 'staging' })).toEqual([I2]);
    expect(await ids({ serviceName: frontend, environment: 'production' })).toEqual([]);
  });

  it('holds name, namespace and environment on one span together', async () => {
    expect(await ids({ serviceName: payment, serviceNamespace: 'default', environment: 'production' })).toEqual([I3]);
    expect(await ids({ serviceName: payment, serviceNamespace: 'shop', environment: 'staging' })).toEqual([]);
  });

  it('matches nothing for a service that does not exist under that namespace or environment', async () => {
    expect(await ids({ serviceName: payment, serviceNamespace: 'nowhere' })).toEqual([]);
    expect(await ids({ serviceName: payment, environment: 'nowhere' })).toEqual([]);
  });

  it("reports the named service's own namespace, environment and segment", async () => {
    const { body } = await list({ ...window, serviceName: payment, serviceNamespace: 'default', traceId: I3 });
    expect(body.results).toEqual([
      expect.objectContaining({
        serviceName: payment,
        serviceNamespace: 'default',
        environment: 'production',
        traceLatencyMillis: 40,
        serviceLatencyMillis: 10,
      }),
    ]);
    // Without a namespace, the service name alone takes every span of that name.
    const whole = await list({ ...window, serviceName: payment, traceId: I3 });
    expect(whole.body.results).toEqual([expect.objectContaining({ serviceNamespace: 'shop', serviceLatencyMillis: 40 })]);
  });
});

describe('GET /api/v0/traces/{traceId} — the document example', () => {
  it('answers the example trace with the output example, key for key', async () => {
    const [documented] = examples.getResponse.spans;
    const { status, body, text } = await getTrace('0123456789abcdef0123456789abcdef');
    expect(status).toBe(200);
    expect(shapeOf(body)).toEqual(shapeOf(examples.getResponse));
    // The document's spanId has 18 hex digits; an OTLP span id has 16 (8 bytes): the fixture uses its first 16.
    expect(body.spans).toEqual([{ ...documented, spanId: '0123456780123456' }]);
    expect(text).not.toContain('parentSpanId');
  });

  it('writes the document key order', async () => {
    const { body } = await getTrace('0123456789abcdef0123456789abcdef');
    expect(Object.keys(body.spans[0]!)).toEqual(Object.keys(examples.getResponse.spans[0]!));
  });

  it('gives parentSpanId for a child span, and every span of the trace in start order', async () => {
    const { body } = await getTrace(EXAMPLE_TRACE);
    expect(body.spans.map((s) => [s.name, s.parentSpanId])).toEqual([
      ['GET /api/users', undefined],
      ['GET /api/cart', '550e8400e29b41d4'],
    ]);
    expect(body.spans[1]).toMatchObject({ kind: 'server', status: { code: 'error', message: 'cart lookup failed' } });
    expect(body.spans[1]?.events).toEqual([
      expect.objectContaining({ name: 'exception', time: '2024-06-19T13:00:01.467Z', droppedAttributesCount: 0 }),
    ]);
  });
});

describe('attribute values', () => {
  const INT64_MAX = '9223372036854775807';
  const INT64_MIN = '-9223372036854775808';
  const BYTES = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255]).toString('base64');

  it('reads back every AnyValue type field for field, int64 exact in the raw JSON text', async () => {
    const traceId = hex(16);
    const spanId = hex(8);
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    const kv = (key: string, value: unknown) => ({ key, value });
    // OTLP/JSON written as text: int64 travels as a decimal string, exact.
    const request = {
      resourceSpans: [
        {
          resource: {
            attributes: [kv('service.name', { stringValue: 'every-value' }), kv('host.id', { bytesValue: BYTES })],
            droppedAttributesCount: 2,
          },
          scopeSpans: [
            {
              scope: {
                name: 'value-test',
                version: '2.0.1',
                attributes: [kv('scope.int', { intValue: INT64_MIN })],
                droppedAttributesCount: 3,
              },
              spans: [
                {
                  traceId,
                  spanId,
                  traceState: 'vendor=1',
                  name: 'every value',
                  kind: 3,
                  startTimeUnixNano: String(nowNs),
                  endTimeUnixNano: String(nowNs + 1_500_000n),
                  attributes: [
                    kv('s', { stringValue: 'text "quoted" ✓' }),
                    kv('b', { boolValue: false }),
                    kv('i.max', { intValue: INT64_MAX }),
                    kv('i.min', { intValue: INT64_MIN }),
                    kv('i.small', { intValue: '-42' }),
                    kv('d', { doubleValue: 3.25 }),
                    kv('d.integral', { doubleValue: 2 }),
                    kv('d.nan', { doubleValue: 'NaN' }),
                    kv('bytes', { bytesValue: BYTES }),
                    kv('array', { arrayValue: { values: [{ intValue: '10' }, { intValue: '20' }] } }),
                    kv('kvlist', { kvlistValue: { values: [kv('en', { stringValue: 'success' })] } }),
                    kv('empty', {}),
                    kv('nested', {
                      arrayValue: {
                        values: [
                          {
                            kvlistValue: {
                              values: [kv('deep', { arrayValue: { values: [{ intValue: INT64_MAX }, { boolValue: true }, {}] } })],
                            },
                          },
                          { arrayValue: { values: [] } },
                        ],
                      },
                    }),
                  ],
                  droppedAttributesCount: 4,
                  events: [
                    {
                      timeUnixNano: String(nowNs + 1_000_000n),
                      name: 'checkpoint',
                      attributes: [kv('e.int', { intValue: INT64_MAX })],
                      droppedAttributesCount: 5,
                    },
                  ],
                  droppedEventsCount: 6,
                  links: [
                    {
                      traceId: hex(16),
                      spanId: hex(8),
                      traceState: 'l=1',
                      attributes: [kv('l.double', { doubleValue: -0.5 })],
                      droppedAttributesCount: 7,
                    },
                  ],
                  droppedLinksCount: 8,
                  status: { code: 2, message: 'boom' },
                },
              ],
            },
          ],
        },
      ],
    };
    const ingest = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
      body: JSON.stringify(request),
    });
    expect(ingest.status).toBe(200);

    const { status, text } = await getTrace(traceId);
    expect(status).toBe(200);
    // All 64 bits, as JSON numbers: the digits themselves are in the text.
    expect(text).toContain(`"intValue":${INT64_MAX}`);
    expect(text).toContain(`"intValue":${INT64_MIN}`);
    // Parse with every intValue kept as its digits, then compare field for field.
    const exact = JSON.parse(text.replace(/"intValue":(-?\d+)/g, '"intValue":"$1"')) as { spans: unknown[] };
    const int = (digits: string) => ({ valueType: 'int', intValue: digits });
    const start = new Date(Number(nowNs / 1_000_000n));
    expect(exact.spans).toEqual([
      {
        traceId,
        spanId,
        traceState: 'vendor=1',
        name: 'every value',
        kind: 'client',
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 1).toISOString(),
        attributes: [
          { key: 's', value: { valueType: 'string', stringValue: 'text "quoted" ✓' } },
          { key: 'b', value: { valueType: 'bool', boolValue: false } },
          { key: 'i.max', value: int(INT64_MAX) },
          { key: 'i.min', value: int(INT64_MIN) },
          { key: 'i.small', value: int('-42') },
          { key: 'd', value: { valueType: 'double', doubleValue: 3.25 } },
          { key: 'd.integral', value: { valueType: 'double', doubleValue: 2 } },
          { key: 'd.nan', value: { valueType: 'double', doubleValue: null } },
          { key: 'bytes', value: { valueType: 'bytes', bytesValue: BYTES } },
          { key: 'array', value: { valueType: 'array', arrayValue: [int('10'), int('20')] } },
          { key: 'kvlist', value: { valueType: 'kvlist', kvlistValue: { en: { valueType: 'string', stringValue: 'success' } } } },
          { key: 'empty', value: { valueType: 'empty' } },
          {
            key: 'nested',
            value: {
              valueType: 'array',
              arrayValue: [
                {
                  valueType: 'kvlist',
                  kvlistValue: {
                    deep: {
                      valueType: 'array',
                      arrayValue: [int(INT64_MAX), { valueType: 'bool', boolValue: true }, { valueType: 'empty' }],
                    },
                  },
                },
                { valueType: 'array', arrayValue: [] },
              ],
            },
          },
        ],
        droppedAttributesCount: 4,
        events: [
          {
            time: new Date(start.getTime() + 1).toISOString(),
            name: 'checkpoint',
            attributes: [{ key: 'e.int', value: int(INT64_MAX) }],
            droppedAttributesCount: 5,
          },
        ],
        droppedEventsCount: 6,
        links: [
          {
            traceId: request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.links[0]!.traceId,
            spanId: request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.links[0]!.spanId,
            traceState: 'l=1',
            attributes: [{ key: 'l.double', value: { valueType: 'double', doubleValue: -0.5 } }],
            droppedAttributesCount: 7,
          },
        ],
        droppedLinksCount: 8,
        status: { message: 'boom', code: 'error' },
        resource: {
          attributes: [
            { key: 'service.name', value: { valueType: 'string', stringValue: 'every-value' } },
            { key: 'host.id', value: { valueType: 'bytes', bytesValue: BYTES } },
          ],
          droppedAttributesCount: 2,
        },
        scope: {
          name: 'value-test',
          version: '2.0.1',
          attributes: [{ key: 'scope.int', value: int(INT64_MIN) }],
          droppedAttributesCount: 3,
        },
      },
    ]);
  });

  it('shapes arrays and kvlists as the document illustrates them', async () => {
    const traceId = hex(16);
    const request = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'illustrations' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: hex(8),
                  name: 'values',
                  startTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n),
                  endTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n),
                  attributes: [
                    { key: 'a', value: { arrayValue: { values: [{ intValue: '10' }, { intValue: '20' }] } } },
                    { key: 'k', value: { kvlistValue: { values: [{ key: 'en', value: { stringValue: 'success' } }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const ingest = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': gw.apiKey },
      body: JSON.stringify(request),
    });
    expect(ingest.status).toBe(200);
    const { body } = await getTrace(traceId);
    const [span] = body.spans as { attributes: { key: string; value: unknown }[] }[];
    expect(span?.attributes.map((a) => a.value)).toEqual([examples.arrayValue, examples.kvlistValue]);
  });
});

describe('attribute filters: the operator × type matrix', () => {
  const service = 'matrix';
  const T1 = 'f1000000000000000000000000000001';
  const T2 = 'f1000000000000000000000000000002';
  const T3 = 'f1000000000000000000000000000003';
  const nowS = Math.floor(Date.now() / 1000);
  const window = { serviceName: service, from: nowS - 3600, to: nowS + 60 };

  beforeAll(async () => {
    const at = (nowS - 60) * 1000;
    const res = await postOtlpJson(gw.baseUrl, gw.apiKey, [
      { traceId: T1, service, startMs: at, durationMs: 5, attributes: { s: 'server-01', i: 500, d: 2.5, b: true } },
      { traceId: T2, service, startMs: at + 1, durationMs: 5, attributes: { s: 'worker-02', i: 200, d: 0.75, b: false } },
      { traceId: T3, service, startMs: at + 2, durationMs: 5, attributes: { s: 'server-10', i: 404, d: 10.5, b: true } },
    ]);
    expect(res.status).toBe(200);
  });

  const ALLOWED: readonly [type: string, operator: string, value: string, matches: readonly string[]][] = [
    ['string', 'EQ', 'server-01', [T1]],
    ['string', 'NEQ', 'server-01', [T2, T3]],
    ['string', 'STARTS_WITH', 'server', [T1, T3]],
    ['string', 'CONTAINS', 'er-0', [T1, T2]],
    ['int', 'EQ', '404', [T3]],
    ['int', 'GT', '404', [T1]],
    ['int', 'GTE', '404', [T1, T3]],
    ['int', 'LT', '404', [T2]],
    ['int', 'LTE', '404', [T2, T3]],
    ['double', 'EQ', '2.5', [T1]],
    ['double', 'GT', '2.5', [T3]],
    ['double', 'GTE', '2.5', [T1, T3]],
    ['double', 'LT', '2.5', [T2]],
    ['double', 'LTE', '2.5', [T1, T2]],
    ['bool', 'EQ', 'true', [T1, T3]],
    ['bool', 'NEQ', 'true', [T2]],
  ];
  const KEY = { string: 's', int: 'i', double: 'd', bool: 'b' } as const;

  it.each(ALLOWED)('accepts %s %s (value %s) and matches by the typed value', async (type, operator, value, matches) => {
    const key = KEY[type as keyof typeof KEY];
    const { status, body } = await list({ ...window, attributes: [{ key, value, operator, type }], order: { direction: 'ASC' } });
    expect(status).toBe(200);
    expect(body.results.map((r) => r.traceId)).toEqual(matches);
  });

  const OPERATORS = ['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'STARTS_WITH', 'CONTAINS'];
  const REFUSED = (['string', 'int', 'double', 'bool'] as const).flatMap((type) =>
    OPERATORS.filter((operator) => !ALLOWED.some(([t, o]) => t === type && o === operator)).map((operator) => [type, operator] as const),
  );

  it('refuses exactly the 16 combinations the table leaves empty', () => {
    expect(REFUSED).toHaveLength(16);
  });

  it.each(REFUSED)('refuses %s with %s: 400 naming the key, the operator and the type', async (type, operator) => {
    const { status, body } = await list({ ...window, attributes: [{ key: 'http.target', value: '1', operator, type }] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_parameter', param: 'attributes.0.operator' } });
    const { message } = (body as unknown as ErrorBody).error;
    expect(message).toContain(`'${operator}'`);
    expect(message).toContain(`'${type}'`);
    expect(message).toContain("'http.target'");
  });

  it('checks resource attribute filters with the same table, under their own name', async () => {
    const { status, body } = await list({
      ...window,
      resourceAttributes: [{ key: 'host.name', value: 'a', operator: 'GT', type: 'string' }],
    });
    expect(status).toBe(400);
    expect((body as unknown as ErrorBody).error.param).toBe('resourceAttributes.0.operator');
  });

  it.each([
    [{ key: 'i', value: '4.5', operator: 'EQ', type: 'int' }, 'attributes.0.value'],
    [{ key: 'd', value: 'fast', operator: 'GT', type: 'double' }, 'attributes.0.value'],
    [{ key: 'b', value: 'yes', operator: 'EQ', type: 'bool' }, 'attributes.0.value'],
    [{ key: 's', value: 'x', operator: 'LIKE', type: 'string' }, 'attributes.0.operator'],
    [{ key: 's', value: 'x', operator: 'EQ', type: 'float' }, 'attributes.0.type'],
    [{ key: '', value: 'x', operator: 'EQ', type: 'string' }, 'attributes.0.key'],
    [{ key: 's', value: 1, operator: 'EQ', type: 'int' }, 'attributes.0.value'],
    [{ key: 's', operator: 'EQ', type: 'string' }, 'attributes.0.value'],
    [{ key: 's', value: 'x', operator: 'EQ', type: 'string', negate: true }, 'attributes.0.negate'],
  ])('refuses the malformed filter %j under %s', async (filter, param) => {
    const { status, body } = await list({ ...window, attributes: [filter] });
    expect(status).toBe(400);
    expect((body as unknown as ErrorBody).error.param).toBe(param);
  });
});

describe('ordering and paging', () => {
  const service = 'ordering';
  const nowS = Math.floor(Date.now() / 1000);
  const window = { serviceName: service, from: nowS - 3600, to: nowS + 60 };
  /** Nine traces; durations and start times tie in places, so the trace id decides. */
  const traces = [
    { traceId: 'c0000000000000000000000000000001', offsetMs: 0, durationMs: 30 },
    { traceId: 'c0000000000000000000000000000002', offsetMs: 0, durationMs: 10 },
    { traceId: 'c0000000000000000000000000000003', offsetMs: 100, durationMs: 30 },
    { traceId: 'c0000000000000000000000000000004', offsetMs: 200, durationMs: 50 },
    { traceId: 'c0000000000000000000000000000005', offsetMs: 300, durationMs: 10 },
    { traceId: 'c0000000000000000000000000000006', offsetMs: 300, durationMs: 70 },
    { traceId: 'c0000000000000000000000000000007', offsetMs: 400, durationMs: 20 },
    { traceId: 'c0000000000000000000000000000008', offsetMs: 500, durationMs: 30 },
    { traceId: 'c0000000000000000000000000000009', offsetMs: 600, durationMs: 90 },
  ];

  beforeAll(async () => {
    const base = (nowS - 120) * 1000;
    const res = await postOtlpJson(
      gw.baseUrl,
      gw.apiKey,
      traces.map((t) => ({ traceId: t.traceId, service, startMs: base + t.offsetMs, durationMs: t.durationMs })),
    );
    expect(res.status).toBe(200);
  });

  /** The expected order, computed from the data: the sort key, then the trace id, both in the requested direction. */
  function expected(column: 'LATENCY' | 'START_AT', direction: 'ASC' | 'DESC'): string[] {
    const key = (t: (typeof traces)[number]) => (column === 'LATENCY' ? t.durationMs : t.offsetMs);
    const sign = direction === 'ASC' ? 1 : -1;
    return [...traces].sort((a, b) => sign * (key(a) - key(b) || a.traceId.localeCompare(b.traceId))).map((t) => t.traceId);
  }

  it.each([
    ['START_AT', 'DESC'],
    ['START_AT', 'ASC'],
    ['LATENCY', 'DESC'],
    ['LATENCY', 'ASC'],
  ] as const)('orders by %s %s, and its pages of 4 tile the whole list without overlap', async (column, direction) => {
    const order = { column, direction };
    const whole = await list({ ...window, order, perPage: 100 });
    expect(whole.body.results.map((r) => r.traceId)).toEqual(expected(column, direction));
    expect(whole.body.hasNextPage).toBe(false);

    const pages: TraceList[] = [];
    for (const page of [1, 2, 3]) pages.push((await list({ ...window, order, page, perPage: 4 })).body);
    expect(pages.map((p) => p.results.length)).toEqual([4, 4, 1]);
    expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => p.results.map((r) => r.traceId))).toEqual(expected(column, direction));
  });

  it('defaults to START_AT DESC, page 1, 20 per page, and takes order keys given as null as absent', async () => {
    const defaults = await list(window);
    expect(defaults.body.results.map((r) => r.traceId)).toEqual(expected('START_AT', 'DESC'));
    // mackerel-client-go sends {"column": null, "direction": "ASC"} when only the direction is set.
    const goClient = await list({ ...window, order: { column: null, direction: 'ASC' }, page: null, perPage: null });
    expect(goClient.body.results.map((r) => r.traceId)).toEqual(expected('START_AT', 'ASC'));

    const many = Array.from({ length: 21 }, (_, i) => ({ service: 'twenty-one', startMs: (nowS - 100) * 1000 + i, durationMs: 1 }));
    await postOtlpJson(gw.baseUrl, gw.apiKey, many);
    const page = await list({ ...window, serviceName: 'twenty-one' });
    expect(page.body.results).toHaveLength(20);
    expect(page.body.hasNextPage).toBe(true);
  });

  it('reports the trace latency rounded to whole milliseconds and the start in whole seconds', async () => {
    const { body } = await list({ ...window, traceId: 'c0000000000000000000000000000009' });
    expect(body.results).toEqual([
      expect.objectContaining({
        traceLatencyMillis: 90,
        serviceLatencyMillis: 90,
        traceStartAt: nowS - 120,
        serviceStartAt: nowS - 120,
        title: 'op',
      }),
    ]);
  });
});

describe('status codes', () => {
  const body = { serviceName: 'frontend', from: 1718802000, to: 1718888400 };

  it('answers 401 without a key or with an unknown key, before reading the body', async () => {
    for (const key of [null, 'mtk_live_unknownunknownunknownunknown']) {
      const res = await list('not json', key);
      expect(res.status).toBe(401);
      expect((res.body as unknown as ErrorBody).error.code).toBe('unauthorized');
      expect((await getTrace(EXAMPLE_TRACE, key)).status).toBe(401);
    }
  });

  it('accepts the key as a Bearer token too', async () => {
    const res = await call<TraceList>('POST', '/api/v0/traces', {
      key: null,
      body,
      headers: { authorization: `Bearer ${await readKey()}` },
    });
    expect(res.status).toBe(200);
  });

  it('answers 403 to a key without the read permission', async () => {
    const writer = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'] })).key;
    const listed = await list(body, writer);
    expect(listed.status).toBe(403);
    expect((listed.body as unknown as ErrorBody).error.code).toBe('forbidden');
    expect((await getTrace(EXAMPLE_TRACE, writer)).status).toBe(403);
  });

  it('answers 404 for an unknown trace, and for a trace of another organization', async () => {
    const unknown = await getTrace('ab'.repeat(16));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found', param: 'traceId' } });
    const other = (await gw.app.services.auth.createKey({ org: 'someone-else', env: 'live', permissions: ['read'] })).key;
    expect((await getTrace(EXAMPLE_TRACE, other)).status).toBe(404);
  });

  it.each(['xyz', 'ab'.repeat(15), '0'.repeat(32), `${'ab'.repeat(16)}0`])(
    'answers 400 on traceId for the invalid trace id %s',
    async (id) => {
      const res = await getTrace(id);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_parameter', param: 'traceId' } });
    },
  );

  it('accepts an upper-case trace id as the same trace', async () => {
    const res = await getTrace(EXAMPLE_TRACE.toUpperCase());
    expect(res.status).toBe(200);
  });

  it.each<[string, unknown, string]>([
    ['serviceName is missing', { from: 1, to: 2 }, 'serviceName'],
    ['serviceName is empty', { serviceName: '', from: 1, to: 2 }, 'serviceName'],
    ['from is missing', { serviceName: 's', to: 2 }, 'from'],
    ['to is missing', { serviceName: 's', from: 1 }, 'to'],
    ['from is fractional', { serviceName: 's', from: 1.5, to: 2 }, 'from'],
    ['from is a string', { serviceName: 's', from: '1718802000', to: 1718888400 }, 'from'],
    ['from is after to', { serviceName: 's', from: 3, to: 2 }, 'from'],
    ['page is 0', { ...body, page: 0 }, 'page'],
    ['perPage is 0', { ...body, perPage: 0 }, 'perPage'],
    ['perPage is 101', { ...body, perPage: 101 }, 'perPage'],
    ['order.column is unknown', { ...body, order: { column: 'DURATION' } }, 'order.column'],
    ['order.direction is lower case', { ...body, order: { direction: 'asc' } }, 'order.direction'],
    ['statusCode is UNSET', { ...body, statusCode: 'UNSET' }, 'statusCode'],
    ['minLatencyMillis is negative', { ...body, minLatencyMillis: -1 }, 'minLatencyMillis'],
    ['minLatencyMillis exceeds maxLatencyMillis', { ...body, minLatencyMillis: 10, maxLatencyMillis: 5 }, 'minLatencyMillis'],
    ['traceId is not 32 hex digits', { ...body, traceId: 'abc' }, 'traceId'],
    ['a key is unknown', { ...body, limit: 5 }, 'limit'],
    ['the body is not JSON', '{"serviceName":', 'body'],
    ['the body is an array', [], 'body'],
  ])('answers 400 naming the key when %s', async (_case, request, param) => {
    const res = await list(request);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_parameter', param } });
    expect((res.body as unknown as ErrorBody).error.message).toContain(param === 'body' ? 'body' : `'${param}'`);
  });

  it('answers 429 with Retry-After beyond 1 list request per second per key, then admits the key again', async () => {
    const key = await readKey();
    expect((await list(body, key)).status).toBe(200);
    const limited = await list(body, key);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfterS = Number(limited.headers.get('retry-after'));
    expect(retryAfterS).toBeGreaterThanOrEqual(1);
    // Another key has its own budget; Get Trace has none beyond the per-minute one.
    expect((await list(body)).status).toBe(200);
    expect((await getTrace(EXAMPLE_TRACE, key)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, retryAfterS * 1000));
    expect((await list(body, key)).status).toBe(200);
  });

  it('answers 404 for other paths under /api/v0 and 405 for other methods, in the envelope', async () => {
    const unknown = await call('GET', '/api/v0/hosts');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
    const wrongMethod = await call('GET', '/api/v0/traces');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('issue fingerprints', () => {
  const ISSUES = `query($service: String, $from: DateTime!, $to: DateTime!) {
    issues(service: $service, from: $from, to: $to) { fingerprint count exceptionType message firstSeen lastSeen services sampleTraceId sampleSpan { spanId issueFingerprint } }
  }`;
  const day = { from: '2024-06-19T13:00:00Z', to: '2024-06-20T13:00:00Z' };

  it('groups the error spans of a window by fingerprint in GraphQL, with type, sample message, count and first/last seen', async () => {
    const { body } = await gw.graphql<{ issues: Record<string, unknown>[] }>(ISSUES, { ...day, service: 'shoppingcart' });
    expect(body.errors).toBeUndefined();
    // 21 matches, 7 decoys that fail and one more failed span (decoy …09): one exception everywhere.
    expect(body.data?.issues).toEqual([
      {
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        count: 29,
        exceptionType: 'CartNotFoundError',
        message: 'cart 4711 not found',
        firstSeen: '2024-06-19T13:00:00.050Z',
        lastSeen: '2024-06-19T13:00:01.007Z',
        services: ['shoppingcart'],
        sampleTraceId: 'd0000000000000000000000000000008',
        sampleSpan: { spanId: '0000000000000008', issueFingerprint: body.data?.issues[0]?.fingerprint },
      },
    ]);
    const all = await gw.graphql<{ issues: { count: number; services: string[] }[] }>(ISSUES, day);
    expect(all.body.data?.issues).toEqual([expect.objectContaining({ count: 30, services: ['shoppingcart', 'window-edges'] })]);
  });

  it('filters the list by issueFingerprint', async () => {
    const { body } = await gw.graphql<{ issues: { fingerprint: string }[] }>(ISSUES, { ...day, service: 'shoppingcart' });
    const fingerprint = body.data?.issues[0]?.fingerprint;
    const matched = await list({ ...examples.listRequest, issueFingerprint: fingerprint, perPage: 100 });
    expect(matched.body.results).toHaveLength(21);
    const none = await list({ ...examples.listRequest, issueFingerprint: 'ffffffffffffffff' });
    expect(none.body).toEqual({ results: [], hasNextPage: false });
  });
});
