import { trace as otelTrace, context as otelContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { TRACE_WITH_SPANS } from './helpers/queries.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

interface AttributeView {
  key: string;
  valueType: string;
  value: Record<string, unknown>;
}
interface SpanView {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  attributes: AttributeView[];
  events: { name: string; attributes: AttributeView[] }[];
  links: { traceId: string; spanId: string; attributes: AttributeView[] }[];
  status: { code: string; message: string };
  resource: { attributes: AttributeView[] };
  scope: { name: string; version: string };
  serviceName: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  traceState: string;
}
interface TraceView {
  trace: {
    traceId: string;
    spanCount: number;
    rootServiceName: string;
    rootOperation: string;
    status: string;
    services: string[];
    spans: SpanView[];
  } | null;
}

function attr(span: SpanView, key: string): AttributeView | undefined {
  return span.attributes.find((a) => a.key === key);
}

async function exportWithSdk(
  exporter: SpanExporter,
  serviceName: string,
): Promise<{ traceId: string; rootSpanId: string; childSpanId: string }> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': serviceName,
      'service.namespace': 'shop',
      'deployment.environment.name': 'production',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('integration-test', '1.2.3');
  const root = tracer.startSpan('POST /api/orders', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': 'POST',
      'http.response.status_code': 201,
      'order.total_amount': 42.5,
      'cache.hit': true,
      'order.item_skus': ['sku-1', 'sku-2'],
      'order.quantities': [1, 2, 3],
      'flags.bools': [true, false],
      'big.safe_int': Number.MAX_SAFE_INTEGER,
      'negative.int': -7,
    },
  });
  const child = tracer.startSpan(
    'SELECT orders',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql' },
      links: [{ context: root.spanContext(), attributes: { 'link.kind': 'follows' } }],
    },
    otelTrace.setSpan(otelContext.active(), root),
  );
  child.addEvent('query.start', { 'rows.expected': 10 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock detected' });
  child.end();
  root.setStatus({ code: SpanStatusCode.OK });
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
  return { traceId: root.spanContext().traceId, rootSpanId: root.spanContext().spanId, childSpanId: child.spanContext().spanId };
}

describe('OTLP/HTTP ingest from the real OpenTelemetry JS SDK', () => {
  for (const [encoding, make] of [
    ['protobuf', () => new ProtoExporter({ url: `${gw.baseUrl}/v1/traces`, headers: { authorization: `Bearer ${gw.apiKey}` } })],
    ['json', () => new JsonExporter({ url: `${gw.baseUrl}/v1/traces`, headers: { authorization: `Bearer ${gw.apiKey}` } })],
  ] as const) {
    it(`stores spans sent as ${encoding} and returns them field for field over GraphQL`, async () => {
      const ids = await exportWithSdk(make(), `svc-${encoding}`);
      const { body } = await gw.graphql<TraceView>(TRACE_WITH_SPANS, { traceId: ids.traceId });
      expect(body.errors).toBeUndefined();
      const t = body.data!.trace!;
      expect(t.spanCount).toBe(2);
      expect(t.rootServiceName).toBe(`svc-${encoding}`);
      expect(t.rootOperation).toBe('POST /api/orders');
      expect(t.status).toBe('ERROR');
      const root = t.spans.find((s) => s.spanId === ids.rootSpanId)!;
      const child = t.spans.find((s) => s.spanId === ids.childSpanId)!;
      expect(root.parentSpanId).toBeNull();
      expect(root.kind).toBe('SERVER');
      expect(child.parentSpanId).toBe(ids.rootSpanId);
      expect(child.kind).toBe('CLIENT');
      expect(attr(root, 'http.request.method')?.value).toEqual({ __typename: 'StringValue', stringValue: 'POST' });
      expect(attr(root, 'http.response.status_code')?.value).toEqual({ __typename: 'IntValue', intValue: '201' });
      expect(attr(root, 'order.total_amount')?.value).toEqual({ __typename: 'DoubleValue', doubleValue: 42.5, text: '42.5' });
      expect(attr(root, 'cache.hit')?.value).toEqual({ __typename: 'BoolValue', boolValue: true });
      expect(attr(root, 'big.safe_int')?.value).toEqual({ __typename: 'IntValue', intValue: String(Number.MAX_SAFE_INTEGER) });
      expect(attr(root, 'negative.int')?.value).toEqual({ __typename: 'IntValue', intValue: '-7' });
      expect(attr(root, 'order.item_skus')?.value).toEqual({
        __typename: 'ArrayValue',
        arrayValue: [
          { __typename: 'StringValue', stringValue: 'sku-1' },
          { __typename: 'StringValue', stringValue: 'sku-2' },
        ],
      });
      expect(attr(root, 'order.quantities')?.valueType).toBe('ARRAY');
      expect(attr(root, 'flags.bools')?.value).toEqual({
        __typename: 'ArrayValue',
        arrayValue: [
          { __typename: 'BoolValue', boolValue: true },
          { __typename: 'BoolValue', boolValue: false },
        ],
      });
      expect(child.status).toEqual({ code: 'ERROR', message: 'deadlock detected' });
      expect(root.status.code).toBe('OK');
      expect(child.events[0]!.name).toBe('query.start');
      expect(child.events[0]!.attributes[0]).toMatchObject({ key: 'rows.expected', value: { intValue: '10' } });
      expect(child.links[0]).toMatchObject({ traceId: ids.traceId, spanId: ids.rootSpanId });
      expect(child.links[0]!.attributes[0]).toMatchObject({ key: 'link.kind', value: { stringValue: 'follows' } });
      expect(root.scope).toMatchObject({ name: 'integration-test', version: '1.2.3' });
      expect(root.resource.attributes.map((a) => a.key)).toEqual(
        expect.arrayContaining(['service.name', 'service.namespace', 'deployment.environment.name']),
      );
      expect(BigInt(root.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(root.startTimeUnixNano));
    });
  }
});

/** OTLP/JSON written by hand: the encoding the SDK cannot produce (int64 beyond 2^53, bytes, kvlist, empty). */
const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const START_NS = BigInt(Date.now() - 60_000) * 1_000_000n;
const END_NS = START_NS + 1_000_000_001n;
const FULL_JSON = `{
  "resourceSpans": [{
    "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "anyvalue-svc" } }], "droppedAttributesCount": 2 },
    "schemaUrl": "https://opentelemetry.io/schemas/1.26.0",
    "scopeSpans": [{
      "scope": { "name": "hand", "version": "0.1", "attributes": [{ "key": "scope.attr", "value": { "boolValue": false } }], "droppedAttributesCount": 1 },
      "spans": [{
        "traceId": "${TRACE_ID}", "spanId": "eee19b7ec3c1b174", "parentSpanId": "", "traceState": "congo=t61rcWkgMzE",
        "name": "every-type", "kind": 2, "flags": 257,
        "startTimeUnixNano": "${START_NS}", "endTimeUnixNano": "${END_NS}",
        "attributes": [
          { "key": "int64.beyond.double", "value": { "intValue": 9007199254740993 } },
          { "key": "int64.max", "value": { "intValue": "9223372036854775807" } },
          { "key": "int64.min", "value": { "intValue": "-9223372036854775808" } },
          { "key": "bytes", "value": { "bytesValue": "AAEC/w==" } },
          { "key": "empty", "value": {} },
          { "key": "double.integral", "value": { "doubleValue": 5 } },
          { "key": "nested", "value": { "kvlistValue": { "values": [
            { "key": "list", "value": { "arrayValue": { "values": [ { "intValue": "1" }, { "kvlistValue": { "values": [ { "key": "deep", "value": { "stringValue": "x" } } ] } } ] } } }
          ] } } }
        ],
        "droppedAttributesCount": 3, "droppedEventsCount": 4, "droppedLinksCount": 5,
        "events": [{ "timeUnixNano": "${START_NS + 500_000_000n}", "name": "evt", "attributes": [], "droppedAttributesCount": 6 }],
        "links": [{ "traceId": "0123456789abcdef0123456789abcdef", "spanId": "0123456789abcdef", "traceState": "a=b", "attributes": [], "droppedAttributesCount": 7, "flags": 1 }],
        "status": { "code": 1, "message": "fine" }
      }]
    }]
  }]
}`;

async function post(body: string | Buffer, contentType: string, extra: Record<string, string> = {}) {
  return fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${gw.apiKey}`, ...extra },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
}

describe('OTLP/JSON with every AnyValue type', () => {
  it('keeps int64, bytes, nested array/kvlist, empty and dropped counts exact', async () => {
    const res = await post(FULL_JSON, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const { body } = await gw.graphql<TraceView>(TRACE_WITH_SPANS, { traceId: TRACE_ID });
    const span = body.data!.trace!.spans[0]!;
    expect(span.traceState).toBe('congo=t61rcWkgMzE');
    expect(span.startTimeUnixNano).toBe(String(START_NS));
    expect(span.endTimeUnixNano).toBe(String(END_NS));
    expect(attr(span, 'int64.beyond.double')?.value).toEqual({ __typename: 'IntValue', intValue: '9007199254740993' });
    expect(attr(span, 'int64.max')?.value).toEqual({ __typename: 'IntValue', intValue: '9223372036854775807' });
    expect(attr(span, 'int64.min')?.value).toEqual({ __typename: 'IntValue', intValue: '-9223372036854775808' });
    expect(attr(span, 'bytes')?.value).toEqual({ __typename: 'BytesValue', bytesValue: 'AAEC/w==' });
    expect(attr(span, 'empty')?.value).toEqual({ __typename: 'EmptyValue', empty: true });
    expect(attr(span, 'double.integral')?.value).toEqual({ __typename: 'DoubleValue', doubleValue: 5, text: '5' });
    expect(attr(span, 'nested')?.value).toEqual({
      __typename: 'KvlistValue',
      kvlistValue: [
        {
          key: 'list',
          value: {
            __typename: 'ArrayValue',
            arrayValue: [
              { __typename: 'IntValue', intValue: '1' },
              { __typename: 'KvlistValue', kvlistValue: [{ key: 'deep', value: { __typename: 'StringValue', stringValue: 'x' } }] },
            ],
          },
        },
      ],
    });
    expect(span).toMatchObject({ droppedAttributesCount: 3, droppedEventsCount: 4, droppedLinksCount: 5, kind: 'SERVER' });
    expect(span.events[0]).toMatchObject({ name: 'evt', droppedAttributesCount: 6 });
    expect(span.links[0]).toMatchObject({
      traceId: '0123456789abcdef0123456789abcdef',
      spanId: '0123456789abcdef',
      traceState: 'a=b',
      flags: 1,
      droppedAttributesCount: 7,
    });
    expect(span.status).toEqual({ code: 'OK', message: 'fine' });
    expect(span.scope).toMatchObject({ name: 'hand', version: '0.1', droppedAttributesCount: 1, schemaUrl: '' });
    expect(span.resource).toMatchObject({ droppedAttributesCount: 2, schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' });
  });

  it('does not duplicate a retried batch', async () => {
    const payload = FULL_JSON.replace(TRACE_ID, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    for (let i = 0; i < 3; i++) expect((await post(payload, 'application/json')).status).toBe(200);
    const count = await gw.store.db.collection('spans').countDocuments({ traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(count).toBe(1);
    const { body } = await gw.graphql<TraceView>(TRACE_WITH_SPANS, { traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(body.data!.trace!.spanCount).toBe(1);
  });
});

describe('POST /v1/traces rejects bad input with a clear 4xx and stores nothing', () => {
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    [
      'malformed protobuf',
      () => post(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), 'application/x-protobuf'),
      400,
      /Invalid OTLP protobuf/,
    ],
    ['malformed JSON', () => post('{"resourceSpans": [', 'application/json'), 400, /Invalid OTLP JSON/],
    ['wrong content type', () => post(FULL_JSON, 'text/plain'), 415, /Unsupported Content-Type 'text\/plain'/],
    ['bad trace id', () => post(FULL_JSON.replace(TRACE_ID, 'abc'), 'application/json'), 400, /traceId/],
    ['all-zero span id', () => post(FULL_JSON.replace('eee19b7ec3c1b174', '0000000000000000'), 'application/json'), 400, /spanId/],
    [
      'oversized body',
      () => post(`{"resourceSpans":[],"pad":"${'x'.repeat(9 * 1024 * 1024)}"}`, 'application/json'),
      413,
      /exceeds the limit/,
    ],
  ];
  for (const [name, send, status, message] of cases) {
    it(`answers ${status} for ${name}`, async () => {
      const before = await gw.store.db.collection('spans').countDocuments();
      const res = await send();
      expect(res.status).toBe(status);
      // The OTLP error body is a google.rpc.Status in the request's encoding; its message is UTF-8 either way.
      expect(await res.text()).toMatch(message);
      expect(await gw.store.db.collection('spans').countDocuments()).toBe(before);
    });
  }

  it('answers 401 without a key', async () => {
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FULL_JSON,
    });
    expect(res.status).toBe(401);
  });
});
