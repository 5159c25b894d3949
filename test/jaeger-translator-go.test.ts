import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_RETENTION, ingestFixture, rest } from './helpers/rest.js';

/**
 * The OpenTelemetry Collector's own code as the client: examples/jaeger-translator-go
 * reads a trace from the gateway's Tempo route in OTLP protobuf, decodes it with
 * the Collector's pdata decoder and maps it with the Collector's Jaeger
 * translator (opentelemetry-collector-contrib pkg/translator/jaeger, v0.165.1).
 * The gateway's Jaeger route must answer the same spans, tags, references,
 * logs and processes. Runs where `go` is on PATH; the build fetches the
 * modules through the Go module proxy on first use.
 */

const run = promisify(execFile);
const goAvailable = spawnSync('go', ['version']).status === 0;
const exampleDir = fileURLToPath(new URL('../examples/jaeger-translator-go/', import.meta.url));
const TRACE_ID = '5b8efff798038103d269b633813fc60c';

interface KeyValue {
  key: string;
  type: string;
  value: unknown;
}
interface TranslatedSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: string; traceID: string; spanID: string }[];
  startTime: number;
  duration: number;
  tags: KeyValue[];
  logs: { timestamp: number; fields: KeyValue[] }[];
  process: { serviceName: string; tags: KeyValue[] };
}
interface JaegerSpan extends Omit<TranslatedSpan, 'process'> {
  processID: string;
  warnings: string[] | null;
}

/**
 * int64 values as their digits on both sides (Jaeger writes small ones as
 * numbers, the example always as digits). The translator (v0.158+) also
 * renames http.status_code ⇄ http.response.status_code by its semconv
 * feature gates, in every setting of them; the gateway keeps keys as sent
 * (docs/grafana.md), so both names are compared as one.
 */
const HTTP_STATUS = /^http\.(response\.)?status_code$/;
const digits = (kvs: KeyValue[]) =>
  kvs.map((kv) => ({
    ...kv,
    key: HTTP_STATUS.test(kv.key) ? 'http status code' : kv.key,
    ...(kv.type === 'int64' ? { value: String(kv.value) } : {}),
  }));

describe.skipIf(!goAvailable)('examples/jaeger-translator-go (the Collector’s decoder and Jaeger translator against the gateway)', () => {
  let gw: TestGateway;
  let binDir: string;
  let binary: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'jaeger-translator-go-'));
    binary = join(binDir, 'jaeger-translator-go');
    const build = run('go', ['build', '-buildvcs=false', '-o', binary, '.'], { cwd: exampleDir, timeout: 240_000 });
    gw = await startTestGateway(EXAMPLE_RETENTION);
    await ingestFixture(gw, 'jaeger-tempo.otlp.json');
    await build;
  }, 300_000);

  afterAll(async () => {
    await gw?.close();
    if (binDir !== undefined) await rm(binDir, { recursive: true, force: true });
  });

  it('maps the trace exactly as the gateway’s Jaeger route does', async () => {
    const { stdout } = await run(binary, [TRACE_ID], {
      env: { ...process.env, GATEWAY_URL: gw.baseUrl, GATEWAY_KEY: gw.apiKey },
      timeout: 60_000,
    });
    const translated = (JSON.parse(stdout) as { spans: TranslatedSpan[] }).spans;
    const jaeger = await rest<{ data: { spans: JaegerSpan[]; processes: Record<string, TranslatedSpan['process']> }[] }>(
      gw,
      'GET',
      `/api/traces/${TRACE_ID}`,
    );
    const [trace] = jaeger.body.data;
    // Warnings come from Jaeger's query-time adjusters, not from the translator.
    const ours = trace!.spans.map(({ processID, warnings: _warnings, ...span }) => ({ ...span, process: trace!.processes[processID]! }));
    const normalize = (spans: TranslatedSpan[]) =>
      spans
        .map((s) => ({
          ...s,
          tags: digits(s.tags),
          logs: s.logs.map((l) => ({ ...l, fields: digits(l.fields) })),
          process: { ...s.process, tags: digits(s.process.tags) },
        }))
        .sort((a, b) => (a.spanID < b.spanID ? -1 : 1));
    expect(translated.length).toBe(3);
    expect(normalize(ours as TranslatedSpan[])).toEqual(normalize(translated));
  });

  it('reports the gateway’s Tempo errors', async () => {
    await expect(run(binary, ['abc'], { env: { ...process.env, GATEWAY_URL: gw.baseUrl, GATEWAY_KEY: gw.apiKey } })).rejects.toMatchObject({
      stderr: expect.stringContaining('gateway answered 404: trace not found'),
    });
  });
});
