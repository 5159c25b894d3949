import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitDemoTraces, startDemoTraffic } from './demo-traffic.js';

const API_KEY = 'mtk_test_demo_traffic';
const NOW = new Date('2026-03-15T09:00:00.000Z');

interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Stands in for the gateway's OTLP endpoint: records every request and answers like an OTLP/HTTP receiver. */
class OtlpSink {
  readonly requests: ReceivedRequest[] = [];
  #server: Server | undefined;
  #status = 200;

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
        // An empty ExportTraceServiceResponse encodes to zero bytes.
        res.writeHead(this.#status, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  answerWith(status: number): void {
    this.#status = status;
  }

  async stop(): Promise<void> {
    // The exporters' keep-alive sockets would otherwise hold close() open.
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.#server?.close((error) => (error ? reject(error) : resolve())));
  }

  spans(): DecodedSpan[] {
    return this.requests.flatMap((request) => decodeExportRequest(request.body));
  }
}

// --- Just enough of the protobuf wire format to read ExportTraceServiceRequest back -----------------------

type Field = { readonly number: number; readonly varint: bigint } | { readonly number: number; readonly bytes: Uint8Array };

function readFields(buffer: Uint8Array): Field[] {
  const fields: Field[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buffer[offset++];
      if (byte === undefined) throw new Error('truncated varint');
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  while (offset < buffer.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) fields.push({ number, varint: varint() });
    else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      fields.push({ number, bytes: buffer.subarray(offset, offset + size) });
      offset += size;
    } else if (wireType === 2) {
      const length = Number(varint());
      if (offset + length > buffer.length) throw new Error('truncated length-delimited field');
      fields.push({ number, bytes: buffer.subarray(offset, offset + length) });
      offset += length;
    } else throw new Error(`unexpected wire type ${wireType}`);
  }
  return fields;
}

function messages(fields: Field[], number: number): Uint8Array[] {
  return fields.flatMap((field) => (field.number === number && 'bytes' in field ? [field.bytes] : []));
}

function hex(bytes: Uint8Array | undefined): string {
  return Buffer.from(bytes ?? new Uint8Array()).toString('hex');
}

interface DecodedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly resource: ReadonlyMap<string, string>;
}

/** ExportTraceServiceRequest{1: ResourceSpans{1: Resource{1: KeyValue}, 2: ScopeSpans{2: Span}}}; string resource attributes only. */
function decodeExportRequest(body: Uint8Array): DecodedSpan[] {
  return messages(readFields(body), 1).flatMap((resourceSpans) => {
    const fields = readFields(resourceSpans);
    const resource = new Map<string, string>();
    for (const attribute of messages(readFields(messages(fields, 1)[0] ?? new Uint8Array()), 1)) {
      const keyValue = readFields(attribute);
      const value = messages(readFields(messages(keyValue, 2)[0] ?? new Uint8Array()), 1)[0];
      if (value !== undefined) resource.set(Buffer.from(messages(keyValue, 1)[0] ?? []).toString(), Buffer.from(value).toString());
    }
    return messages(fields, 2).flatMap((scopeSpans) =>
      messages(readFields(scopeSpans), 2).map((encoded) => {
        const span = readFields(encoded);
        const kind = span.find((field) => field.number === 6);
        return {
          traceId: hex(messages(span, 1)[0]),
          spanId: hex(messages(span, 2)[0]),
          parentSpanId: hex(messages(span, 4)[0]),
          name: Buffer.from(messages(span, 5)[0] ?? []).toString(),
          kind: kind !== undefined && 'varint' in kind ? Number(kind.varint) : 0,
          resource,
        };
      }),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------

describe('emitDemoTraces', () => {
  let sink: OtlpSink;
  let baseUrl: string;

  beforeEach(async () => {
    sink = new OtlpSink();
    baseUrl = await sink.start();
  });

  afterEach(async () => {
    await sink.stop();
  });

  it('posts protobuf OTLP to /v1/traces with the bearer key, and reports what it sent', async () => {
    const result = await emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 20, seed: 7, now: NOW });

    expect(result.traces).toBe(20);
    expect(result.spans).toBeGreaterThan(20 * 4);
    expect(sink.requests.length).toBeGreaterThan(0);
    for (const request of sink.requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('/v1/traces');
      expect(request.headers['content-type']).toBe('application/x-protobuf');
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.body.length).toBeGreaterThan(0);
    }
    const spans = sink.spans();
    expect(spans).toHaveLength(result.spans);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(result.traces);
  });

  it('links spans of all services into one tree per trace', async () => {
    const result = await emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 20, seed: 7, now: NOW });
    const spans = sink.spans();

    const roots = spans.filter((span) => span.parentSpanId === '');
    expect(roots).toHaveLength(result.traces);
    expect(new Set(roots.map((span) => span.resource.get('service.name')))).toEqual(new Set(['api-gateway']));
    const ids = new Set(spans.map((span) => `${span.traceId}/${span.spanId}`));
    for (const span of spans.filter((candidate) => candidate.parentSpanId !== '')) {
      expect(ids.has(`${span.traceId}/${span.parentSpanId}`)).toBe(true);
    }
    const services = new Set(spans.map((span) => span.resource.get('service.name')));
    expect(services).toEqual(new Set(['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc', 'notification-svc']));
  });

  it('describes each service instance in its resource', async () => {
    await emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 20, seed: 7, now: NOW });

    for (const { resource } of sink.spans()) {
      expect(resource.get('deployment.environment.name')).toBe('production');
      expect(['prod-eu-1', 'prod-us-1']).toContain(resource.get('k8s.cluster.name'));
      expect(resource.get('k8s.namespace.name')).toBe(resource.get('service.name') === 'payment-svc' ? 'payments' : 'shop');
      expect(resource.get('telemetry.sdk.language')).toBe('nodejs');
      expect(resource.get('host.name')).toMatch(/^[a-z-]+-[0-9a-z]+-[0-9a-z]{5}$/);
    }
  });

  it('produces the same traces and spans for the same seed', async () => {
    const first = await emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 20, seed: 42, now: NOW });
    const firstNames = sink
      .spans()
      .map((span) => span.name)
      .sort();
    sink.requests.length = 0;
    const second = await emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 20, seed: 42, now: NOW });

    expect(second).toEqual(first);
    expect(
      sink
        .spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(firstNames);
  });

  it('rejects with the HTTP status when the endpoint refuses the key', async () => {
    sink.answerWith(401);

    await expect(emitDemoTraces({ baseUrl, apiKey: 'mtk_test_wrong', traces: 5, seed: 1, now: NOW })).rejects.toThrow(/HTTP 401/);
  });

  it('rejects a traces count that is not a positive integer', async () => {
    await expect(emitDemoTraces({ baseUrl, apiKey: API_KEY, traces: 0 })).rejects.toThrow(RangeError);
  });
});

describe('startDemoTraffic', () => {
  it('trickles traces until stopped and flushes them on stop', async () => {
    const sink = new OtlpSink();
    const baseUrl = await sink.start();
    try {
      const traffic = startDemoTraffic({ baseUrl, apiKey: API_KEY, traces: 0, seed: 3, intervalMs: 10, log: () => {} });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await traffic.stop();

      const traces = new Set(sink.spans().map((span) => span.traceId));
      expect(traces.size).toBeGreaterThan(3);
      const received = sink.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sink.requests.length).toBe(received);
    } finally {
      await sink.stop();
    }
  });
});
