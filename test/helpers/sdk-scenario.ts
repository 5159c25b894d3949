import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { expect } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway.js';
import { hex, postOtlpJson, type SimpleSpan } from './otlp.js';

/*
 * What every client library's integration tests run against (sdk/<lang>): a
 * real gateway on a loopback port, seeded through OTLP, keys made by the
 * gateway's own key service, and a fixture file telling the tests what was
 * seeded. The tests read MESH_TRACE_BASE_URL, MESH_TRACE_API_KEY and
 * MESH_TRACE_IT_FIXTURE, and write what they saw of the paginated walk to
 * `<report_dir>/walk.json`, which `checkWalk` holds against the writer's log.
 */

export const WALK_SERVICE = 'sdk-walk';
/** Pages of 5 over 23 seeded traces: five pages, the last one short. */
export const WALK_PAGE_SIZE = 5;
const WALK_TRACES = 23;
/** The per-minute budget of the key the 429 test spends: two requests, then 429 + Retry-After. */
const RATE_LIMITED_BUDGET = 2;
const WRITER_INTERVAL_MS = 100;
const MINUTE_MS = 60_000;

export interface SdkFixture {
  readonly walk: { readonly service: string; readonly page_size: number; readonly trace_ids: readonly string[] };
  readonly any_value: {
    readonly trace_id: string;
    readonly span_id: string;
    readonly attributes: Record<string, unknown>;
    readonly event: { readonly name: string; readonly attributes: Record<string, unknown> };
  };
  readonly search: {
    readonly query: string;
    readonly start_time: string;
    readonly end_time: string;
    readonly trace_ids: readonly string[];
  };
  readonly topology: { readonly source: string; readonly target: string };
  readonly services: readonly string[];
  /** The api-gateway traces of at least 100 ms, newest first, as the document's quick example lists them. */
  readonly quick_example: readonly { readonly trace_id: string; readonly duration_ms: number }[];
  /** A read-only key admitting two requests per minute. */
  readonly rate_limited_key: string;
  /** Where the tests write walk.json. */
  readonly report_dir: string;
}

export interface WalkReport {
  readonly started_ms: number;
  readonly finished_ms: number;
  readonly trace_ids: readonly string[];
}

export interface Writer {
  /** Stops writing; resolves with every trace the gateway acknowledged and when. */
  stop(): Promise<readonly { readonly traceId: string; readonly at: number }[]>;
}

export interface SdkScenario {
  readonly gw: TestGateway;
  readonly fixture: SdkFixture;
  /** A scratch directory for installs and reports, removed by close(). */
  readonly dir: string;
  /** The environment the language's integration tests run with (on top of process.env). */
  readonly env: Record<string, string>;
  /** A second writer that keeps ingesting new traces of the walk service through the OpenTelemetry SDK. */
  startWriter(): Writer;
  close(): Promise<void>;
}

interface AnyValueFixture {
  readonly traceId: string;
  readonly spanId: string;
  readonly expectedAttributes: Record<string, unknown>;
  readonly expectedEvent: { readonly name: string; readonly attributes: Record<string, unknown> };
  readonly request: unknown;
}

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  /** stdout, then stderr. */
  readonly output: string;
}

/**
 * Runs a program to its end and answers its exit code and output (stdout then
 * stderr) instead of throwing, so that a failing test shows what the program said.
 */
export async function runTool(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      timeout: options.timeoutMs ?? 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : null,
      stdout: failed.stdout ?? '',
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}\n${failed.message}`,
    };
  }
}

export async function startSdkScenario(name: string): Promise<SdkScenario> {
  const dir = await mkdtemp(join(tmpdir(), `mesh-sdk-${name}-`));
  const gw = await startTestGateway();
  const auth = gw.app.services.auth;
  const key = (await auth.createKey({ org: 'default', env: 'live', permissions: ['read', 'write', 'admin'], name: `sdk-${name}` })).key;
  const writerKey = (await auth.createKey({ org: 'default', env: 'live', permissions: ['write'], name: 'writer', rateLimit: 10_000 })).key;
  const limitedKey = (
    await auth.createKey({ org: 'default', env: 'live', permissions: ['read'], name: 'limited', rateLimit: RATE_LIMITED_BUDGET })
  ).key;

  const now = Date.now();
  const walkIds = await seedWalk(gw, now);
  const anyValue = await seedAnyValues(gw);
  const search = await seedSearch(gw, now);
  const topology = await seedTopology(gw, now);
  const quickExample = await seedQuickExample(gw, now);

  const fixture: SdkFixture = {
    walk: { service: WALK_SERVICE, page_size: WALK_PAGE_SIZE, trace_ids: walkIds },
    any_value: {
      trace_id: anyValue.traceId,
      span_id: anyValue.spanId,
      attributes: anyValue.expectedAttributes,
      event: anyValue.expectedEvent,
    },
    search,
    topology,
    services: [WALK_SERVICE, 'sdk-any-values', 'sdk-search', topology.source, topology.target, 'api-gateway'],
    quick_example: quickExample,
    rate_limited_key: limitedKey,
    report_dir: dir,
  };
  const fixturePath = join(dir, 'fixture.json');
  await writeFile(fixturePath, JSON.stringify(fixture, null, 1));

  return {
    gw,
    fixture,
    dir,
    env: { MESH_TRACE_BASE_URL: `${gw.baseUrl}/v1`, MESH_TRACE_API_KEY: key, MESH_TRACE_IT_FIXTURE: fixturePath },
    startWriter: () => startWriter(gw.baseUrl, writerKey),
    async close() {
      await gw.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function ingest(gw: TestGateway, spans: readonly SimpleSpan[]): Promise<void> {
  const res = await postOtlpJson(gw.baseUrl, gw.apiKey, spans);
  const answer = await res.text();
  if (res.status !== 200 || answer.includes('rejected')) throw new Error(`seeding failed: ${res.status} ${answer}`);
}

/** 23 single-span traces 30 s apart, 40 to 29 minutes ago; returned newest first, the order of GET /v1/traces. */
async function seedWalk(gw: TestGateway, now: number): Promise<string[]> {
  const spans = Array.from({ length: WALK_TRACES }, (_, i) => ({
    traceId: hex(16),
    service: WALK_SERVICE,
    name: `GET /walk/${i}`,
    startMs: now - 40 * MINUTE_MS + i * 30_000,
    durationMs: 10 + i,
  }));
  await ingest(gw, spans);
  return spans.map((s) => s.traceId).reverse();
}

async function seedAnyValues(gw: TestGateway): Promise<AnyValueFixture> {
  const fixture = JSON.parse(await readFile(new URL('../fixtures/sdk-any-values.otlp.json', import.meta.url), 'utf8')) as AnyValueFixture;
  const res = await fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(fixture.request, movedToThePresent(fixture.request)),
  });
  const answer = await res.text();
  if (res.status !== 200 || answer !== '{}') throw new Error(`any-value fixture refused: ${res.status} ${answer}`);
  return fixture;
}

/** A JSON replacer that shifts every `…UnixNano` time so that the earliest lies ten minutes ago (retention drops older spans). */
function movedToThePresent(request: unknown): (key: string, value: unknown) => unknown {
  const times = [...JSON.stringify(request).matchAll(/"\w+UnixNano":"(\d+)"/g)].map((m) => BigInt(m[1] as string));
  const earliest = times.reduce((a, b) => (b < a ? b : a));
  const shift = BigInt(Date.now() - 10 * MINUTE_MS) * 1_000_000n - earliest;
  return (key, value) => (key.endsWith('UnixNano') && typeof value === 'string' ? String(BigInt(value) + shift) : value);
}

/** Four traces of sdk-search, two of them with a failed span; the search finds those two, newest first. */
async function seedSearch(gw: TestGateway, now: number): Promise<SdkFixture['search']> {
  const spans = [0, 1, 2, 3].map((i) => ({
    traceId: hex(16),
    service: 'sdk-search',
    name: `POST /pay/${i}`,
    startMs: now - 20 * MINUTE_MS + i * 60_000,
    durationMs: 50,
    statusCode: (i % 2 === 0 ? 2 : 1) as 1 | 2,
  }));
  await ingest(gw, spans);
  return {
    query: 'service.name = "sdk-search" AND status = error',
    start_time: new Date(now - 30 * MINUTE_MS).toISOString(),
    end_time: new Date(now).toISOString(),
    trace_ids: spans
      .filter((s) => s.statusCode === 2)
      .map((s) => s.traceId)
      .reverse(),
  };
}

/** sdk-frontend's client span calling sdk-backend's server span: one edge in GET /v1/topology. */
async function seedTopology(gw: TestGateway, now: number): Promise<SdkFixture['topology']> {
  const traceId = hex(16);
  const [root, client, server] = [hex(8), hex(8), hex(8)];
  const start = now - 10 * MINUTE_MS;
  await ingest(gw, [
    { traceId, spanId: root, service: 'sdk-frontend', kind: 2, name: 'GET /checkout', startMs: start, durationMs: 80 },
    {
      traceId,
      spanId: client,
      parentSpanId: root,
      service: 'sdk-frontend',
      kind: 3,
      name: 'POST /charge',
      startMs: start + 5,
      durationMs: 60,
    },
    {
      traceId,
      spanId: server,
      parentSpanId: client,
      service: 'sdk-backend',
      kind: 2,
      name: 'POST /charge',
      startMs: start + 10,
      durationMs: 50,
    },
  ]);
  return { source: 'sdk-frontend', target: 'sdk-backend' };
}

/** Traces of api-gateway for the document's Python quick example: three of at least 100 ms, two shorter. */
async function seedQuickExample(gw: TestGateway, now: number): Promise<SdkFixture['quick_example']> {
  const spans = [150, 40, 250, 99, 120].map((durationMs, i) => ({
    traceId: hex(16),
    service: 'api-gateway',
    name: 'POST /api/orders',
    startMs: now - 15 * MINUTE_MS + i * 60_000,
    durationMs,
  }));
  await ingest(gw, spans);
  return spans
    .filter((s) => s.durationMs >= 100)
    .map((s) => ({ trace_id: s.traceId, duration_ms: s.durationMs }))
    .reverse();
}

/** Delegates to the real exporter and records which traces the gateway acknowledged, and when. */
class AckRecorder implements SpanExporter {
  readonly acked: { traceId: string; at: number }[] = [];
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans, (result) => {
      // ExportResultCode.SUCCESS (0) of @opentelemetry/core.
      if (result.code === 0) for (const span of spans) this.acked.push({ traceId: span.spanContext().traceId, at: Date.now() });
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function startWriter(baseUrl: string, apiKey: string): Writer {
  const recorder = new AckRecorder(new OTLPTraceExporter({ url: `${baseUrl}/v1/traces`, headers: { authorization: `Bearer ${apiKey}` } }));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': WALK_SERVICE }),
    spanProcessors: [new SimpleSpanProcessor(recorder)],
  });
  const tracer = provider.getTracer('sdk-walk-writer');
  let n = 0;
  const timer = setInterval(() => {
    tracer.startSpan(`GET /walk/new/${n++}`, { kind: SpanKind.SERVER }).end();
  }, WRITER_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await provider.forceFlush();
      await provider.shutdown();
      return recorder.acked;
    },
  };
}

/**
 * The walk a library's test reported: more than two pages, no trace twice,
 * every seeded trace in order at the end, anything before them a trace the
 * writer added (newer than every seeded one), and the writer acknowledged
 * traces while the walk went on.
 */
export async function checkWalk(scenario: SdkScenario, acked: readonly { traceId: string; at: number }[]): Promise<void> {
  const report = JSON.parse(await readFile(join(scenario.dir, 'walk.json'), 'utf8')) as WalkReport;
  const seeded = scenario.fixture.walk.trace_ids;
  const ids = report.trace_ids;
  expect(ids.length).toBeGreaterThan(2 * WALK_PAGE_SIZE);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.slice(ids.length - seeded.length)).toEqual(seeded);
  const written = new Set(acked.map((a) => a.traceId));
  for (const id of ids.slice(0, ids.length - seeded.length)) expect(written.has(id), id).toBe(true);
  const during = acked.filter((a) => a.at > report.started_ms && a.at < report.finished_ms);
  expect(during.length, 'traces the writer ingested during the walk').toBeGreaterThanOrEqual(2);
}
