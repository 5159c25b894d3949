import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { TRACE_WITH_SPANS } from './helpers/queries.js';

/**
 * The OpenTelemetry Go SDK's otlptracegrpc exporter against a real gateway:
 * examples/otlp-grpc-go is built and run with nothing but the standard
 * OTEL_EXPORTER_OTLP_* variables (endpoint, headers, gzip compression).
 * Runs where `go` is on PATH (developer machines and CI); the build fetches
 * the modules through the Go module proxy on first use.
 */

const run = promisify(execFile);
const goAvailable = spawnSync('go', ['version']).status === 0;
const exampleDir = fileURLToPath(new URL('../examples/otlp-grpc-go/', import.meta.url));

interface Sent {
  traceId: string;
  rootSpanId: string;
  childSpanId: string;
  rootStartUnixNano: string;
  rootEndUnixNano: string;
  childStartUnixNano: string;
}
interface ValueView {
  __typename: string;
  [field: string]: unknown;
}
interface SpanView {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  serviceName: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: ValueView }[];
  events: { name: string; timeUnixNano: string; attributes: { key: string; value: ValueView }[] }[];
  status: { code: string; message: string };
  scope: { name: string; version: string };
  resource: { attributes: { key: string; value: ValueView }[]; schemaUrl: string };
}

const int = (v: string) => ({ __typename: 'IntValue', intValue: v });
const dbl = (v: number) => ({ __typename: 'DoubleValue', doubleValue: v, text: String(v) });
const str = (v: string) => ({ __typename: 'StringValue', stringValue: v });
const bool = (v: boolean) => ({ __typename: 'BoolValue', boolValue: v });
const arr = (...values: unknown[]) => ({ __typename: 'ArrayValue', arrayValue: values });
const kv = (...entries: [string, unknown][]) => ({
  __typename: 'KvlistValue',
  kvlistValue: entries.map(([key, value]) => ({ key, value })),
});

describe.skipIf(!goAvailable)('examples/otlp-grpc-go (the Go SDK otlptracegrpc exporter against the gateway)', () => {
  let gw: TestGateway;
  let binDir: string;
  let binary: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'otlp-grpc-go-'));
    binary = join(binDir, 'otlp-grpc-go');
    const build = run('go', ['build', '-buildvcs=false', '-o', binary, '.'], { cwd: exampleDir, timeout: 240_000 });
    gw = await startTestGateway();
    await build;
  }, 300_000);

  afterAll(async () => {
    await gw?.close();
    if (binDir !== undefined) await rm(binDir, { recursive: true, force: true });
  });

  it('exports spans with every AnyValue type, gzip-compressed, and GraphQL returns them exactly', async () => {
    const { stdout } = await run(binary, ['-service', 'go-grpc-svc'], {
      env: {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://${gw.grpcTarget}`,
        OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${gw.apiKey}`,
        OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
      },
      timeout: 60_000,
    });
    const sent = JSON.parse(stdout) as Sent;
    const { body } = await gw.graphql<{ trace: { spanCount: number; spans: SpanView[] } | null }>(TRACE_WITH_SPANS, {
      traceId: sent.traceId,
    });
    expect(body.errors).toBeUndefined();
    const t = body.data!.trace!;
    expect(t.spanCount).toBe(2);
    const root = t.spans.find((s) => s.spanId === sent.rootSpanId)!;
    const child = t.spans.find((s) => s.spanId === sent.childSpanId)!;

    expect(root).toMatchObject({ name: 'GET /inventory', kind: 'SERVER', parentSpanId: null, serviceName: 'go-grpc-svc' });
    expect(root.startTimeUnixNano).toBe(sent.rootStartUnixNano);
    expect(root.endTimeUnixNano).toBe(sent.rootEndUnixNano);
    expect(root.status.code).toBe('OK');
    expect(root.scope).toMatchObject({ name: 'otlp-grpc-go', version: '0.1.0' });
    expect(root.resource.schemaUrl).toMatch(/^https:\/\/opentelemetry\.io\/schemas\//);
    expect(Object.fromEntries(root.attributes.map((a) => [a.key, a.value]))).toEqual({
      string: str('héllo'),
      bool: bool(true),
      'int64.max': int('9223372036854775807'),
      'int64.min': int('-9223372036854775808'),
      double: dbl(0.1),
      bytes: { __typename: 'BytesValue', bytesValue: 'AAEC/w==' },
      strings: arr(str('a'), str('b')),
      ints: arr(int('1'), int('-2'), int('9223372036854775807')),
      doubles: arr(dbl(1.5), dbl(-0.25)),
      bools: arr(bool(true), bool(false)),
      mixed: arr(int('1'), str('two'), bool(false)),
      map: kv(['name', str('x')], ['nested', kv(['list', arr(int('7'), dbl(2.5))])]),
      empty: { __typename: 'EmptyValue', empty: true },
    });

    expect(child).toMatchObject({ name: 'SELECT stock', kind: 'CLIENT', parentSpanId: sent.rootSpanId });
    expect(child.startTimeUnixNano).toBe(sent.childStartUnixNano);
    expect(child.status).toEqual({ code: 'ERROR', message: 'deadlock detected' });
    expect(child.events[0]).toMatchObject({ name: 'query.start', attributes: [{ key: 'rows.expected', value: int('10') }] });
  });
});
