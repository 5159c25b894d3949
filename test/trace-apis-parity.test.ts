import { context as otelContext, SpanKind, SpanStatusCode, trace as otelTrace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { TRACE_WITH_SPANS } from './helpers/queries.js';
import { rest } from './helpers/rest.js';

/**
 * One table: the same traces, sent by the real OpenTelemetry JS SDK (OTLP
 * protobuf over HTTP), read back through GraphQL, REST v1, the Jaeger query
 * API and the Tempo API. Each API's answer is brought to one canonical form
 * (what that API carries of a span) and must equal what the SDK itself
 * recorded, projected the same way.
 */

/** Times in whole milliseconds since the epoch, so that every API (ns, µs, ms) can state them exactly. */
const BASE_MS = Date.now() - 60_000;

interface CanonicalSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  service: string;
  startMs: number;
  durationMs: number;
  /** Values as text: 201, 42.5, true, ["a","b"] (JSON for arrays). */
  attributes: Record<string, string>;
  kind?: string;
  status?: { code: string; message: string };
  events?: { name: string; timeMs: number; attributes: Record<string, string> }[];
  links?: { traceId: string; spanId: string }[];
}

type Projection = Partial<Record<'kind' | 'status' | 'statusMessage' | 'events' | 'links', true>>;

let gw: TestGateway;
const recorded = new InMemorySpanExporter();
const traces: { traceId: string; spans: ReadableSpan[] }[] = [];

/** Two traces: a server → client → internal chain with events, a link and an error; and a lone consumer span. */
async function sendWithSdk(): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'parity-svc', 'service.version': '2.0.1' }),
    spanProcessors: [
      new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${gw.baseUrl}/v1/traces`, headers: { authorization: `Bearer ${gw.apiKey}` } })),
      new SimpleSpanProcessor(recorded),
    ],
  });
  const tracer = provider.getTracer('parity-test', '0.1.0');
  const lone = tracer.startSpan('consume order-events', {
    kind: SpanKind.CONSUMER,
    startTime: BASE_MS - 5_000,
    attributes: { 'messaging.system': 'kafka' },
  });
  lone.end(BASE_MS - 4_990);
  const root = tracer.startSpan('POST /checkout', {
    kind: SpanKind.SERVER,
    startTime: BASE_MS,
    attributes: {
      'http.request.method': 'POST',
      'http.response.status_code': 201,
      'order.total': 42.5,
      'cache.hit': true,
      'order.skus': ['sku-1', 'sku-2'],
      'order.counts': [1, 2],
    },
  });
  const rootContext = otelTrace.setSpan(otelContext.active(), root);
  const child = tracer.startSpan(
    'SELECT orders',
    {
      kind: SpanKind.CLIENT,
      startTime: BASE_MS + 3,
      attributes: { 'db.system.name': 'postgresql' },
      links: [{ context: lone.spanContext() }],
    },
    rootContext,
  );
  child.addEvent('query.start', { 'rows.expected': 10 }, BASE_MS + 4);
  child.addEvent('query.retry', {}, BASE_MS + 9);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'deadlock detected' });
  child.end(BASE_MS + 20);
  const internal = tracer.startSpan('render receipt', { kind: SpanKind.INTERNAL, startTime: BASE_MS + 21 }, rootContext);
  internal.end(BASE_MS + 25);
  root.setStatus({ code: SpanStatusCode.OK });
  root.end(BASE_MS + 30);
  await provider.forceFlush();
  // Read before shutdown, which empties the in-memory exporter.
  for (const traceId of [root.spanContext().traceId, lone.spanContext().traceId]) {
    traces.push({ traceId, spans: recorded.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId) });
  }
  await provider.shutdown();
}

beforeAll(async () => {
  gw = await startTestGateway();
  await sendWithSdk();
});
afterAll(async () => {
  await gw.close();
});

// ------------------------------------------------------------ the SDK's truth

const hrMs = ([s, ns]: [number, number]) => s * 1000 + Math.floor(ns / 1e6);
const KIND_NAMES = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

function text(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

function textMap(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, text(v)]));
}

function fromSdk(span: ReadableSpan, projection: Projection): CanonicalSpan {
  return {
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    service: String(span.resource.attributes['service.name']),
    startMs: hrMs(span.startTime),
    durationMs: hrMs(span.duration),
    attributes: textMap(span.attributes),
    ...(projection.kind ? { kind: KIND_NAMES[span.kind]! } : {}),
    ...(projection.status
      ? { status: { code: STATUS_NAMES[span.status.code]!, message: projection.statusMessage ? (span.status.message ?? '') : '' } }
      : {}),
    ...(projection.events
      ? { events: span.events.map((e) => ({ name: e.name, timeMs: hrMs(e.time), attributes: textMap(e.attributes ?? {}) })) }
      : {}),
    ...(projection.links ? { links: span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId })) } : {}),
  };
}

// ------------------------------------------------------------ each API, canonically

type Json = Record<string, unknown>;
const nsMs = (ns: string) => Number(BigInt(ns) / 1_000_000n);

/** An OTLP/GraphQL typed value as text. */
function typedText(value: Json): string {
  if ('stringValue' in value) return String(value.stringValue);
  if ('boolValue' in value) return String(value.boolValue);
  if ('intValue' in value) return String(value.intValue);
  if ('text' in value) return String(value.text);
  if ('doubleValue' in value) return String(value.doubleValue);
  const items = (value.arrayValue as Json[] | { values?: Json[] } | undefined) ?? [];
  const list = Array.isArray(items) ? items : (items.values ?? []);
  return JSON.stringify(list.map((v) => JSON.parse(JSON.stringify(scalar(v)))));
}

function scalar(value: Json): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  return 'doubleValue' in value ? Number(value.doubleValue) : null;
}

const typedMap = (list: { key: string; value: Json }[]) => Object.fromEntries(list.map((a) => [a.key, typedText(a.value)]));

async function viaGraphql(traceId: string): Promise<CanonicalSpan[]> {
  const { body } = await gw.graphql<{ trace: { spans: Json[] } }>(TRACE_WITH_SPANS, { traceId });
  return body.data!.trace!.spans.map((s) => ({
    spanId: s.spanId as string,
    parentSpanId: (s.parentSpanId as string | null) ?? null,
    name: s.name as string,
    service: s.serviceName as string,
    startMs: nsMs(s.startTimeUnixNano as string),
    durationMs: nsMs(s.endTimeUnixNano as string) - nsMs(s.startTimeUnixNano as string),
    attributes: typedMap(s.attributes as { key: string; value: Json }[]),
    kind: s.kind as string,
    status: s.status as { code: string; message: string },
    events: (s.events as Json[]).map((e) => ({
      name: e.name as string,
      timeMs: nsMs(e.timeUnixNano as string),
      attributes: typedMap(e.attributes as { key: string; value: Json }[]),
    })),
    links: (s.links as Json[]).map((l) => ({ traceId: l.traceId as string, spanId: l.spanId as string })),
  }));
}

async function viaRestV1(traceId: string): Promise<CanonicalSpan[]> {
  const res = await rest<{ spans: Json[] }>(gw, 'GET', `/v1/traces/${traceId}`);
  return res.body.spans.map((s) => ({
    spanId: s.span_id as string,
    parentSpanId: (s.parent_span_id as string | null) ?? null,
    name: s.operation_name as string,
    service: s.service_name as string,
    startMs: Date.parse(s.started_at as string),
    durationMs: s.duration_ms as number,
    attributes: textMap(s.attributes as Json),
    status: { code: s.status_code as string, message: '' },
    events: (s.events as Json[]).map((e) => ({
      name: e.name as string,
      timeMs: Date.parse(e.timestamp as string),
      attributes: textMap(e.attributes as Json),
    })),
  }));
}

/** The tags Jaeger's translator derives from OTLP fields, read back as those fields. */
const SYNTHESIZED = new Set([
  'otel.scope.name',
  'otel.scope.version',
  'span.kind',
  'otel.status_code',
  'error',
  'otel.status_description',
  'w3c.tracestate',
]);

async function viaJaeger(traceId: string): Promise<CanonicalSpan[]> {
  const res = await rest<{ data: { spans: Json[]; processes: Record<string, { serviceName: string }> }[] }>(
    gw,
    'GET',
    `/api/traces/${traceId}`,
  );
  const [trace] = res.body.data;
  return trace!.spans.map((s) => {
    const tags = s.tags as { key: string; value: unknown }[];
    const tag = (key: string) => tags.find((t) => t.key === key)?.value;
    const refs = s.references as { refType: string; traceID: string; spanID: string }[];
    const parent = refs[0]?.refType === 'CHILD_OF' ? refs[0] : undefined;
    return {
      spanId: s.spanID as string,
      parentSpanId: parent?.spanID ?? null,
      name: s.operationName as string,
      service: trace!.processes[s.processID as string]!.serviceName,
      startMs: Math.floor((s.startTime as number) / 1000),
      durationMs: Math.floor((s.duration as number) / 1000),
      attributes: Object.fromEntries(tags.filter((t) => !SYNTHESIZED.has(t.key)).map((t) => [t.key, String(t.value)])),
      kind: String(tag('span.kind') ?? 'unspecified').toUpperCase(),
      status: { code: String(tag('otel.status_code') ?? 'UNSET'), message: String(tag('otel.status_description') ?? '') },
      events: (s.logs as { timestamp: number; fields: { key: string; value: unknown }[] }[]).map((log) => ({
        name: String(log.fields.find((f) => f.key === 'event')?.value),
        timeMs: Math.floor(log.timestamp / 1000),
        attributes: Object.fromEntries(log.fields.filter((f) => f.key !== 'event').map((f) => [f.key, String(f.value)])),
      })),
      links: refs.filter((r) => r !== parent).map((r) => ({ traceId: r.traceID, spanId: r.spanID })),
    };
  });
}

const OTLP_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

async function viaTempo(traceId: string): Promise<CanonicalSpan[]> {
  const res = await rest<{ trace: { resourceSpans: Json[] } }>(gw, 'GET', `/tempo/api/v2/traces/${traceId}`);
  return res.body.trace.resourceSpans.flatMap((rs) => {
    const resource = typedMap(((rs.resource as Json).attributes as { key: string; value: Json }[]) ?? []);
    return (rs.scopeSpans as Json[]).flatMap((ss) =>
      (ss.spans as Json[]).map((s) => {
        const status = (s.status as { code?: number; message?: string }) ?? {};
        return {
          spanId: s.spanId as string,
          parentSpanId: (s.parentSpanId as string | undefined) ?? null,
          name: s.name as string,
          service: resource['service.name']!,
          startMs: nsMs(s.startTimeUnixNano as string),
          durationMs: nsMs(s.endTimeUnixNano as string) - nsMs(s.startTimeUnixNano as string),
          attributes: typedMap((s.attributes as { key: string; value: Json }[]) ?? []),
          kind: OTLP_KINDS[(s.kind as number | undefined) ?? 0]!,
          status: { code: STATUS_NAMES[status.code ?? 0]!, message: status.message ?? '' },
          events: ((s.events as Json[]) ?? []).map((e) => ({
            name: e.name as string,
            timeMs: nsMs(e.timeUnixNano as string),
            attributes: typedMap((e.attributes as { key: string; value: Json }[]) ?? []),
          })),
          links: ((s.links as Json[]) ?? []).map((l) => ({ traceId: l.traceId as string, spanId: l.spanId as string })),
        };
      }),
    );
  });
}

const APIS: readonly { name: string; read: (traceId: string) => Promise<CanonicalSpan[]>; projection: Projection }[] = [
  {
    name: 'GraphQL trace(traceId)',
    read: viaGraphql,
    projection: { kind: true, status: true, statusMessage: true, events: true, links: true },
  },
  { name: 'REST v1 GET /v1/traces/{trace_id}', read: viaRestV1, projection: { status: true, events: true } },
  {
    name: 'Jaeger GET /api/traces/{traceID}',
    read: viaJaeger,
    projection: { kind: true, status: true, statusMessage: true, events: true, links: true },
  },
  {
    name: 'Tempo GET /tempo/api/v2/traces/{traceID}',
    read: viaTempo,
    projection: { kind: true, status: true, statusMessage: true, events: true, links: true },
  },
];

const bySpanId = (a: CanonicalSpan, b: CanonicalSpan) => (a.spanId < b.spanId ? -1 : 1);

describe('the same SDK traces through every API', () => {
  it('sent two traces of four spans', () => {
    expect(traces.map((t) => t.spans.length).sort()).toEqual([1, 3]);
  });

  it.each(APIS)('$name answers what the SDK recorded', async ({ read, projection }) => {
    for (const { traceId, spans } of traces) {
      const answered = (await read(traceId)).sort(bySpanId);
      expect(answered, traceId).toEqual(spans.map((s) => fromSdk(s, projection)).sort(bySpanId));
    }
  });
});
