import { context, trace, SpanKind } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

const SERVICES = Array.from({ length: 10 }, (_, i) => `svc-${i}`);

/**
 * Real SDK spans (10 per trace, typical attribute sets) produced once and
 * serialized by the SDK's own OTLP serializers, so the benchmark measures the
 * gateway, not payload generation.
 */
export function sdkSpans(count: number, startMs = Date.now() - 30 * 60_000): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const providers = new Map(
    SERVICES.map((s) => [
      s,
      new BasicTracerProvider({
        resource: resourceFromAttributes({
          'service.name': s,
          'service.namespace': 'bench',
          'k8s.cluster.name': 'bench-1',
          'deployment.environment.name': 'bench',
        }),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      }),
    ]),
  );
  for (let i = 0; exporter.getFinishedSpans().length < count; i++) {
    const t0 = startMs + i * 7;
    const root = providers
      .get(SERVICES[i % SERVICES.length]!)!
      .getTracer('bench')
      .startSpan(
        'GET /api/items/{id}',
        {
          kind: SpanKind.SERVER,
          startTime: t0,
          attributes: {
            'http.request.method': 'GET',
            'http.route': '/api/items/{id}',
            'http.response.status_code': 200,
            'url.path': `/api/items/${i}`,
          },
        },
        context.active(),
      );
    const ctx = trace.setSpan(context.active(), root);
    for (let j = 1; j < 10; j++) {
      const svc = SERVICES[(i + j) % SERVICES.length]!;
      const child = providers
        .get(svc)!
        .getTracer('bench')
        .startSpan(
          j % 3 === 0 ? 'SELECT items' : 'GET /internal',
          {
            kind: j % 3 === 0 ? SpanKind.CLIENT : SpanKind.SERVER,
            startTime: t0 + j,
            attributes: { 'db.system.name': 'postgresql', 'server.address': 'db', rows: j, 'cache.hit': j % 2 === 0, ratio: j / 10 },
          },
          ctx,
        );
      child.end(t0 + j + 3);
    }
    root.end(t0 + 20);
  }
  return exporter.getFinishedSpans().slice(0, count);
}

export function protobufBatches(spans: readonly ReadableSpan[], batchSize: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < spans.length; i += batchSize) out.push(ProtobufTraceSerializer.serializeRequest(spans.slice(i, i + batchSize))!);
  return out;
}

export function jsonBatches(spans: readonly ReadableSpan[], batchSize: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < spans.length; i += batchSize) out.push(JsonTraceSerializer.serializeRequest(spans.slice(i, i + batchSize))!);
  return out;
}
