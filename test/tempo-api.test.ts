import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOtlpProtobuf } from '../src/otlp/otlp-protobuf.js';
import { decodeOtlpJson } from '../src/otlp/otlp-json.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_RETENTION, ingestFixture, rest } from './helpers/rest.js';

/**
 * The Tempo HTTP API subset under /tempo, held to Tempo's documented shapes
 * (grafana/tempo docs/sources/tempo/api_docs, pkg/tempopb/tempo.proto): the
 * golden trace is test/fixtures/jaeger-tempo.expected.json; the TraceQL
 * subset is the table test/fixtures/traceql-subset.json.
 */

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const WINDOW = 'start=1773562900&end=1773563000';

interface Expected {
  readonly tempoTraceV1: { readonly batches: readonly unknown[] };
}
interface SubsetTable {
  readonly accepted: readonly { readonly q: string; readonly traces: readonly string[] }[];
  readonly refused: readonly { readonly q: string; readonly message: string }[];
}

let gw: TestGateway;
let expected: Expected;
let fixture: { request: unknown };
const table = JSON.parse(await readFile(new URL('./fixtures/traceql-subset.json', import.meta.url), 'utf8')) as SubsetTable;

beforeAll(async () => {
  gw = await startTestGateway(EXAMPLE_RETENTION);
  fixture = (await ingestFixture(gw, 'jaeger-tempo.otlp.json')) as { request: unknown };
  expected = JSON.parse(await readFile(new URL('./fixtures/jaeger-tempo.expected.json', import.meta.url), 'utf8')) as Expected;
});
afterAll(async () => {
  await gw.close();
});

const get = <T = unknown>(path: string, headers: Record<string, string> = {}) => rest<T>(gw, 'GET', path, { headers });

async function raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gw.baseUrl}${path}`, { headers: { authorization: `Bearer ${gw.apiKey}`, ...headers } });
}

describe('GET /tempo/api/echo and /tempo/api/status/buildinfo', () => {
  it('echoes as text once the key is accepted', async () => {
    const res = await raw('/tempo/api/echo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('echo');
    const anonymous = await fetch(`${gw.baseUrl}/tempo/api/echo`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('Missing or invalid API key\n');
  });

  it('reports the documented build information fields', async () => {
    const res = await get('/tempo/api/status/buildinfo');
    expect(Object.keys(res.body as object).sort()).toEqual(['branch', 'buildDate', 'buildUser', 'goVersion', 'revision', 'version']);
    expect(res.body).toMatchObject({ version: '2.6.0' });
  });
});

describe('GET /tempo/api/traces/{traceID} and /tempo/api/v2/traces/{traceID}', () => {
  it('answers OTLP/JSON under batches (v1) and trace.resourceSpans (v2), grouped by resource and scope as sent', async () => {
    expect((await get(`/tempo/api/traces/${TRACE_ID}`)).body).toEqual(expected.tempoTraceV1);
    expect((await get(`/tempo/api/v2/traces/${TRACE_ID}`)).body).toEqual({ trace: { resourceSpans: expected.tempoTraceV1.batches } });
  });

  it('is the ingested request again: the OTLP/JSON decoder reads it back to the same model', async () => {
    const res = await get<{ batches: unknown[] }>(`/tempo/api/traces/${TRACE_ID}`);
    expect(decodeOtlpJson(JSON.stringify({ resourceSpans: res.body.batches }))).toEqual(decodeOtlpJson(JSON.stringify(fixture.request)));
  });

  it('answers OTLP protobuf with Accept: application/protobuf: TracesData (v1), TraceByIDResponse (v2)', async () => {
    const v1 = await raw(`/tempo/api/traces/${TRACE_ID}`, { accept: 'application/protobuf' });
    expect(v1.headers.get('content-type')).toBe('application/protobuf');
    const v1Bytes = new Uint8Array(await v1.arrayBuffer());
    expect(decodeOtlpProtobuf(v1Bytes)).toEqual(decodeOtlpJson(JSON.stringify(fixture.request)));
    const v2Bytes = new Uint8Array(await (await raw(`/tempo/api/v2/traces/${TRACE_ID}`, { accept: 'application/protobuf' })).arrayBuffer());
    // TraceByIDResponse: field 1 (tag 0x0a), the length as a varint, then the same TracesData.
    expect(v2Bytes[0]).toBe(0x0a);
    expect(v2Bytes.subarray(v2Bytes.length - v1Bytes.length)).toEqual(v1Bytes);
  });

  it('answers 404 as text for an unknown trace and 400 for an id that is not hex', async () => {
    const missing = await raw('/tempo/api/traces/abc');
    expect([missing.status, await missing.text()]).toEqual([404, 'trace not found\n']);
    const bad = await raw('/tempo/api/v2/traces/xyz');
    expect([bad.status, await bad.text()]).toEqual([400, "Parameter 'traceID' must be a trace ID of 1 to 32 hex digits\n"]);
  });
});

describe('GET /tempo/api/search', () => {
  it('answers the documented search metadata', async () => {
    const res = await get(`/tempo/api/search?q=${encodeURIComponent('{ status = error }')}&${WINDOW}&limit=20&spss=3`);
    expect(res.body).toEqual({
      traces: [
        {
          traceID: TRACE_ID,
          rootServiceName: 'frontend',
          rootTraceName: 'GET /api/orders',
          startTimeUnixNano: '1773562961003000000',
          durationMs: 197,
        },
      ],
      metrics: {},
    });
  });

  it.each(table.accepted)('accepts $q', async ({ q, traces }) => {
    const res = await get<{ traces: { traceID: string }[] }>(`/tempo/api/search?q=${encodeURIComponent(q)}&${WINDOW}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.traces.map((t) => t.traceID)).toEqual(traces);
  });

  it.each(table.refused)('refuses $q with 400: $message', async ({ q, message }) => {
    const res = await raw(`/tempo/api/search?q=${encodeURIComponent(q)}&${WINDOW}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(`${message}\n`);
  });

  it('searches by logfmt tags (case-insensitive substrings) and trace duration', async () => {
    const find = async (query: string) =>
      (await get<{ traces: { traceID: string }[] }>(`/tempo/api/search?${query}&${WINDOW}`)).body.traces.map((t) => t.traceID);
    expect(await find(`tags=${encodeURIComponent('db.system=POSTGRES service.name=ord')}`)).toEqual([TRACE_ID]);
    expect(await find(`tags=${encodeURIComponent('http.method="get"')}&minDuration=150ms&maxDuration=1s`)).toEqual([TRACE_ID]);
    expect(await find('minDuration=1s')).toEqual([]);
  });
});

describe('tag names and values', () => {
  it('GET /tempo/api/search/tags merges span and resource keys', async () => {
    const res = await get(`/tempo/api/search/tags?${WINDOW}`);
    expect(res.body).toEqual({
      tagNames: [
        'cache.hit',
        'db.system',
        'host.cpus',
        'http.accept',
        'http.method',
        'http.status_code',
        'k8s.cluster.name',
        'request.digest',
        'retry.count.max',
        'sample.ratio',
        'service.name',
        'service.version',
        'user',
      ],
    });
  });

  it('GET /tempo/api/v2/search/tags gives keys by scope, the intrinsics, and filters by a TraceQL q', async () => {
    const res = await get(`/tempo/api/v2/search/tags?${WINDOW}&q=${encodeURIComponent('{ resource.service.name = "orders" }')}`);
    expect(res.body).toEqual({
      scopes: [
        { name: 'resource', tags: ['k8s.cluster.name', 'service.name'] },
        { name: 'span', tags: ['db.system'] },
        { name: 'intrinsic', tags: ['duration', 'kind', 'name', 'status', 'traceDuration'] },
      ],
    });
    expect((await get(`/tempo/api/v2/search/tags?scope=span&${WINDOW}&q=${encodeURIComponent('{ .a = }')}`)).body).toMatchObject({
      scopes: [{ name: 'span', tags: expect.arrayContaining(['db.system', 'http.method']) }],
    });
  });

  it('GET /tempo/api/v2/search/tag/{tag}/values gives typed values of scoped, unscoped and intrinsic tags', async () => {
    const values = async (tag: string, extra = '') =>
      (await get(`/tempo/api/v2/search/tag/${encodeURIComponent(tag)}/values?${WINDOW}${extra}`)).body;
    expect(await values('resource.service.name')).toEqual({
      tagValues: [
        { type: 'string', value: 'frontend' },
        { type: 'string', value: 'orders' },
      ],
    });
    expect(await values('.host.cpus')).toEqual({ tagValues: [{ type: 'int', value: '8' }] });
    expect(await values('span.retry.count.max')).toEqual({ tagValues: [{ type: 'int', value: '9223372036854775807' }] });
    expect(await values('span.sample.ratio')).toEqual({ tagValues: [{ type: 'float', value: '0.25' }] });
    expect(await values('span.cache.hit')).toEqual({ tagValues: [{ type: 'bool', value: 'false' }] });
    expect(await values('status')).toEqual({ tagValues: ['error', 'ok', 'unset'].map((value) => ({ type: 'keyword', value })) });
    expect(await values('name', `&q=${encodeURIComponent('{ resource.service.name = "orders" }')}`)).toEqual({
      tagValues: [
        { type: 'string', value: 'SELECT orders' },
        { type: 'string', value: 'late callback' },
      ],
    });
  });

  it('GET /tempo/api/search/tag/{tag}/values gives plain values', async () => {
    expect((await get(`/tempo/api/search/tag/service.name/values?${WINDOW}`)).body).toEqual({ tagValues: ['frontend', 'orders'] });
  });
});
