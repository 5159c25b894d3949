import { Metadata } from '@grpc/grpc-js';
import { context as otelContext, SpanKind, SpanStatusCode, trace as otelTrace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ExportResultCode } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex } from './helpers/otlp.js';
import { grpcExport, type GrpcFailure } from './helpers/otlp-grpc.js';
import { TRACE_WITH_SPANS } from './helpers/queries.js';

/**
 * OTLP/gRPC (TraceService/Export) on the gateway's gRPC port: the real
 * OpenTelemetry JS gRPC exporter, and a plain grpc-js client for the error
 * statuses the OTLP specification assigns (with google.rpc.RetryInfo where a
 * retry is advised, decoded by protobufjs). Every refused call stores nothing.
 */

const BODY_LIMIT = 64 * 1024;
let gw: TestGateway;
let readOnlyKey: string;
let throttledKey: string;

beforeAll(async () => {
  gw = await startTestGateway({ MESH_MAX_BODY_BYTES: String(BODY_LIMIT) });
  readOnlyKey = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] })).key;
  throttledKey = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'], rateLimit: 2 })).key;
});
afterAll(async () => {
  await gw.close();
});

interface ValueView {
  __typename: string;
  [field: string]: unknown;
}
interface SpanView {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  attributes: { key: string; valueType: string; value: ValueView }[];
  events: { name: string; timeUnixNano: string; attributes: { key: string; value: ValueView }[] }[];
  links: { traceId: string; spanId: string; attributes: { key: string; value: ValueView }[] }[];
  status: { code: string; message: string };
  resource: { attributes: { key: string; value: ValueView }[] };
  scope: { name: string; version: string };
  serviceName: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}
interface TraceView {
  trace: { traceId: string; spanCount: number; spans: SpanView[] } | null;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function storedSpans(traceId: string): Promise<number> {
  return gw.store.db.collection('spans').countDocuments({ traceId });
}

/** Real SDK spans of one trace: a server root and a client child with an event, a link and an error status. */
function sdkTrace(service: string, startMs = Date.now() - 5_000): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'grpc' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('grpc-test', '2.0.0');
  const root = tracer.startSpan('POST /checkout', {
    kind: SpanKind.SERVER,
    startTime: startMs,
    attributes: {
      'http.request.method': 'POST',
      'http.response.status_code': 201,
      'order.total': 42.5,
      'cache.hit': true,
      'negative.int': -7,
      'big.safe_int': Number.MAX_SAFE_INTEGER,
      'order.skus': ['sku-1', 'sku-2'],
      'order.quantities': [1, 2, 3],
      'flags.bools': [true, false],
    },
  });
  const child = tracer.startSpan(
    'SELECT orders',
    { kind: SpanKind.CLIENT, startTime: startMs + 2, links: [{ context: root.spanContext(), attributes: { 'link.kind': 'follows' } }] },
    otelTrace.setSpan(otelContext.active(), root),
  );
  child.addEvent('query.start', { 'rows.expected': 10 }, startMs + 3);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock detected' });
  child.end(startMs + 10);
  root.setStatus({ code: SpanStatusCode.OK });
  root.end(startMs + 20);
  return memory.getFinishedSpans();
}

/**
 * The same span with attribute values the tracer API refuses but the exporter's OTLP
 * encoding carries (bytes, key-value lists, mixed arrays, empty): the only way to make
 * the JS SDK emit every AnyValue type. Everything else is the real span.
 */
function withAnyValues(span: ReadableSpan, extra: Record<string, unknown>): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    ...(span.parentSpanContext === undefined ? {} : { parentSpanContext: span.parentSpanContext }),
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: { ...span.attributes, ...extra } as Attributes,
    links: span.links,
    events: span.events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

function exportWith(exporter: GrpcExporter, spans: ReadableSpan[]): Promise<void> {
  return new Promise((resolve, reject) =>
    exporter.export(spans, (result) =>
      result.code === ExportResultCode.SUCCESS ? resolve() : reject(result.error ?? new Error('export failed')),
    ),
  );
}

function attr(span: SpanView, key: string): ValueView | undefined {
  return span.attributes.find((a) => a.key === key)?.value;
}

describe('OTLP/gRPC ingest from the real OpenTelemetry JS gRPC exporter', () => {
  it('stores spans with every AnyValue type sent gzip-compressed, and GraphQL returns them exactly', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${gw.apiKey}`);
    const exporter = new GrpcExporter({ url: `http://${gw.grpcTarget}`, compression: CompressionAlgorithm.GZIP, metadata });
    const [child, root] = sdkTrace('grpc-js-svc');
    const rich = withAnyValues(root!, {
      bytes: Uint8Array.from([0, 1, 2, 255]),
      kvlist: { name: 'x', count: 3, nested: { list: [1, 'two', true, 2.5] } },
      'array.mixed': [1, 'a', 2.5, false, [true]],
      empty: null,
    });
    try {
      await exportWith(exporter, [child!, rich]);
    } finally {
      await exporter.shutdown();
    }

    const traceId = root!.spanContext().traceId;
    const { body } = await gw.graphql<TraceView>(TRACE_WITH_SPANS, { traceId });
    expect(body.errors).toBeUndefined();
    const t = body.data!.trace!;
    expect(t.spanCount).toBe(2);
    const r = t.spans.find((s) => s.spanId === root!.spanContext().spanId)!;
    const c = t.spans.find((s) => s.spanId === child!.spanContext().spanId)!;
    expect(r).toMatchObject({ name: 'POST /checkout', kind: 'SERVER', parentSpanId: null, serviceName: 'grpc-js-svc' });
    expect(r.status.code).toBe('OK');
    expect(r.scope).toMatchObject({ name: 'grpc-test', version: '2.0.0' });
    expect(BigInt(r.startTimeUnixNano)).toBe(BigInt(root!.startTime[0]) * 1_000_000_000n + BigInt(root!.startTime[1]));
    expect(BigInt(r.endTimeUnixNano)).toBe(BigInt(root!.endTime[0]) * 1_000_000_000n + BigInt(root!.endTime[1]));
    expect(attr(r, 'http.request.method')).toEqual({ __typename: 'StringValue', stringValue: 'POST' });
    expect(attr(r, 'http.response.status_code')).toEqual({ __typename: 'IntValue', intValue: '201' });
    expect(attr(r, 'order.total')).toEqual({ __typename: 'DoubleValue', doubleValue: 42.5, text: '42.5' });
    expect(attr(r, 'cache.hit')).toEqual({ __typename: 'BoolValue', boolValue: true });
    expect(attr(r, 'negative.int')).toEqual({ __typename: 'IntValue', intValue: '-7' });
    expect(attr(r, 'big.safe_int')).toEqual({ __typename: 'IntValue', intValue: String(Number.MAX_SAFE_INTEGER) });
    expect(attr(r, 'order.skus')).toEqual({
      __typename: 'ArrayValue',
      arrayValue: [
        { __typename: 'StringValue', stringValue: 'sku-1' },
        { __typename: 'StringValue', stringValue: 'sku-2' },
      ],
    });
    expect(attr(r, 'order.quantities')).toEqual({
      __typename: 'ArrayValue',
      arrayValue: [1, 2, 3].map((n) => ({ __typename: 'IntValue', intValue: String(n) })),
    });
    expect(attr(r, 'flags.bools')).toEqual({
      __typename: 'ArrayValue',
      arrayValue: [
        { __typename: 'BoolValue', boolValue: true },
        { __typename: 'BoolValue', boolValue: false },
      ],
    });
    expect(attr(r, 'bytes')).toEqual({ __typename: 'BytesValue', bytesValue: 'AAEC/w==' });
    expect(attr(r, 'empty')).toEqual({ __typename: 'EmptyValue', empty: true });
    expect(attr(r, 'kvlist')).toEqual({
      __typename: 'KvlistValue',
      kvlistValue: [
        { key: 'name', value: { __typename: 'StringValue', stringValue: 'x' } },
        { key: 'count', value: { __typename: 'IntValue', intValue: '3' } },
        {
          key: 'nested',
          value: {
            __typename: 'KvlistValue',
            kvlistValue: [
              {
                key: 'list',
                value: {
                  __typename: 'ArrayValue',
                  arrayValue: [
                    { __typename: 'IntValue', intValue: '1' },
                    { __typename: 'StringValue', stringValue: 'two' },
                    { __typename: 'BoolValue', boolValue: true },
                    { __typename: 'DoubleValue', doubleValue: 2.5, text: '2.5' },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
    expect(attr(r, 'array.mixed')).toEqual({
      __typename: 'ArrayValue',
      arrayValue: [
        { __typename: 'IntValue', intValue: '1' },
        { __typename: 'StringValue', stringValue: 'a' },
        { __typename: 'DoubleValue', doubleValue: 2.5, text: '2.5' },
        { __typename: 'BoolValue', boolValue: false },
        { __typename: 'ArrayValue', arrayValue: [{ __typename: 'BoolValue', boolValue: true }] },
      ],
    });
    expect(r.resource.attributes.map((a) => a.key)).toEqual(expect.arrayContaining(['service.name', 'service.namespace']));

    expect(c).toMatchObject({ name: 'SELECT orders', kind: 'CLIENT', parentSpanId: root!.spanContext().spanId });
    expect(c.status).toEqual({ code: 'ERROR', message: 'deadlock detected' });
    expect(c.events[0]).toMatchObject({ name: 'query.start' });
    expect(c.events[0]!.attributes[0]).toMatchObject({ key: 'rows.expected', value: { __typename: 'IntValue', intValue: '10' } });
    expect(c.links[0]).toMatchObject({ traceId, spanId: root!.spanContext().spanId });
    expect(c.links[0]!.attributes[0]).toMatchObject({ key: 'link.kind', value: { __typename: 'StringValue', stringValue: 'follows' } });
  });

  it('does not duplicate a batch the exporter sends again', async () => {
    const spans = sdkTrace('grpc-retry-svc');
    const body = ProtobufTraceSerializer.serializeRequest(spans)!;
    for (let i = 0; i < 3; i++) expect((await grpcExport(gw.grpcTarget, body, { metadata: bearer(gw.apiKey), gzip: true })).ok).toBe(true);
    expect(await storedSpans(spans[0]!.spanContext().traceId)).toBe(2);
  });
});

describe('TraceService/Export answers with the status the OTLP specification assigns', () => {
  /** A valid request of one fresh trace, and that trace's id. */
  function request(service = 'grpc-status-svc'): { body: Uint8Array; traceId: string } {
    const spans = sdkTrace(service);
    return { body: ProtobufTraceSerializer.serializeRequest(spans)!, traceId: spans[0]!.spanContext().traceId };
  }

  async function refused(body: Uint8Array, traceId: string | null, options: Parameters<typeof grpcExport>[2]): Promise<GrpcFailure> {
    const result = await grpcExport(gw.grpcTarget, body, options);
    expect(result.ok).toBe(false);
    const failure = result as GrpcFailure;
    // What grpc-status-details-bin says agrees with the status itself (Go's grpc rejects a mismatch).
    if (failure.statusDetails !== null) expect(failure.statusDetails).toEqual({ code: failure.code, message: failure.details });
    if (traceId !== null) expect(await storedSpans(traceId)).toBe(0);
    return failure;
  }

  it('stores a batch sent with x-api-key metadata and echoes x-request-id', async () => {
    const { body, traceId } = request();
    const result = await grpcExport(gw.grpcTarget, body, { metadata: { 'x-api-key': gw.apiKey, 'x-request-id': 'req-grpc-test-0001' } });
    expect(result).toMatchObject({ ok: true, partialSuccess: null });
    expect(result.trailer.get('x-request-id')).toEqual(['req-grpc-test-0001']);
    expect(result.trailer.get('x-ratelimit-limit')).toEqual(['1000']);
    expect(await storedSpans(traceId)).toBe(2);
  });

  it('UNAUTHENTICATED without a key and with an unknown key, without RetryInfo', async () => {
    const { body, traceId } = request();
    const none = await refused(body, traceId, {});
    expect(none).toMatchObject({ codeName: 'UNAUTHENTICATED', retryDelayS: null });
    expect(none.details).toMatch(/Missing or invalid API key \(request_id req_[0-9a-f]+\)/);
    const unknown = await refused(body, traceId, { metadata: bearer(`mtk_live_${hex(20)}`) });
    expect(unknown).toMatchObject({ codeName: 'UNAUTHENTICATED', retryDelayS: null });
  });

  it('PERMISSION_DENIED for a key without the write permission', async () => {
    const { body, traceId } = request();
    const failure = await refused(body, traceId, { metadata: bearer(readOnlyKey) });
    expect(failure).toMatchObject({ codeName: 'PERMISSION_DENIED', retryDelayS: null });
    expect(failure.details).toMatch(/lacks the 'write' permission/);
  });

  it('INVALID_ARGUMENT for a message that is not protobuf, naming what is wrong', async () => {
    const failure = await refused(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), null, { metadata: bearer(gw.apiKey) });
    expect(failure).toMatchObject({ codeName: 'INVALID_ARGUMENT', retryDelayS: null });
    expect(failure.details).toMatch(/^Invalid OTLP protobuf payload at resourceSpans\[0\]/);
  });

  it('INVALID_ARGUMENT for a 15-byte trace id, naming its path, and stores none of the batch', async () => {
    const [child, root] = sdkTrace('grpc-invalid-svc');
    const good = root!.spanContext();
    const bad = { ...child!.spanContext(), traceId: good.traceId.slice(0, 30) };
    const broken: ReadableSpan = { ...withAnyValues(child!, {}), spanContext: () => bad };
    const body = ProtobufTraceSerializer.serializeRequest([root!, broken])!;
    const failure = await refused(body, good.traceId, { metadata: bearer(gw.apiKey) });
    expect(failure.codeName).toBe('INVALID_ARGUMENT');
    expect(failure.details).toMatch(/at resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[\d\]\.traceId/);
  });

  it('RESOURCE_EXHAUSTED without RetryInfo for a message over MESH_MAX_BODY_BYTES, on the wire or once decompressed', async () => {
    const [, root] = sdkTrace('grpc-oversized-svc');
    const body = ProtobufTraceSerializer.serializeRequest([withAnyValues(root!, { pad: 'x'.repeat(BODY_LIMIT) })])!;
    const traceId = root!.spanContext().traceId;
    const plain = await refused(body, traceId, { metadata: bearer(gw.apiKey) });
    expect(plain).toMatchObject({ codeName: 'RESOURCE_EXHAUSTED', retryDelayS: null });
    // A few hundred bytes on the wire that inflate past the limit: refused as they inflate (no gzip bomb).
    const bomb = await refused(body, traceId, { metadata: bearer(gw.apiKey), gzip: true });
    expect(bomb).toMatchObject({ codeName: 'RESOURCE_EXHAUSTED', retryDelayS: null });
    expect(bomb.details).toMatch(/decompresses to a size larger than 65536/);
  });

  it('RESOURCE_EXHAUSTED with RetryInfo once the key has spent its per-minute budget (shared with HTTP)', async () => {
    const first = request();
    expect((await grpcExport(gw.grpcTarget, first.body, { metadata: bearer(throttledKey) })).ok).toBe(true);
    // The same budget as OTLP/HTTP: the second unit is spent over HTTP.
    const http = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', ...bearer(throttledKey) },
      body: new Blob([new Uint8Array(request().body)]),
    });
    expect(http.status).toBe(200);
    const { body, traceId } = request();
    const failure = await refused(body, traceId, { metadata: bearer(throttledKey) });
    expect(failure.codeName).toBe('RESOURCE_EXHAUSTED');
    expect(failure.retryDelayS).toBeGreaterThanOrEqual(1);
    expect(failure.retryDelayS).toBeLessThanOrEqual(61);
    expect(failure.details).toMatch(/Rate limit of 2 requests per minute/);
    expect(failure.trailer.get('x-ratelimit-remaining')).toEqual(['0']);
  });

  it('reports spans refused one by one as partial success', async () => {
    const spans = sdkTrace('grpc-partial-svc', Date.now() - 200 * 3_600_000);
    const result = await grpcExport(gw.grpcTarget, ProtobufTraceSerializer.serializeRequest(spans)!, { metadata: bearer(gw.apiKey) });
    expect(result.ok).toBe(true);
    expect(result.ok && result.partialSuccess).toEqual({
      rejectedSpans: '2',
      errorMessage: '2 spans started before the retention period of 168h and were dropped',
    });
    expect(await storedSpans(spans[0]!.spanContext().traceId)).toBe(0);
  });

  it('counts gRPC calls and their spans in /metrics like HTTP ingest', async () => {
    const text = await (await fetch(`${gw.baseUrl}/metrics`)).text();
    const count = (code: string) =>
      Number(
        new RegExp(
          `^mesh_grpc_request_duration_seconds_count\\{method="opentelemetry.proto.collector.trace.v1.TraceService/Export",code="${code}"\\} (\\d+)$`,
          'm',
        ).exec(text)?.[1] ?? 0,
      );
    expect(count('OK')).toBeGreaterThanOrEqual(3);
    expect(count('UNAUTHENTICATED')).toBeGreaterThanOrEqual(2);
    expect(count('PERMISSION_DENIED')).toBeGreaterThanOrEqual(1);
    expect(count('INVALID_ARGUMENT')).toBeGreaterThanOrEqual(2);
    expect(count('RESOURCE_EXHAUSTED')).toBeGreaterThanOrEqual(1);
    expect(Number(/^mesh_ingest_spans_total\{outcome="accepted"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(6);
    expect(Number(/^mesh_ingest_spans_total\{outcome="rejected"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(/^mesh_rate_limit_rejections_total\{budget="requests"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
  });
});
