/**
 * Soak: a gateway process under steady mixed load for a while, watched from
 * outside. `npm run soak` (SOAK_DURATION_S, default 60; 1800 for the report).
 *
 * Load, all on loopback: OTLP/JSON ingest paced at SOAK_INGEST_RPS batches per
 * second of SOAK_BATCH_SPANS spans; SOAK_SUBSCRIBERS graphql-ws clients on the
 * `traceIngested` live tail; REST and GraphQL trace listings at SOAK_READ_RPS.
 * The gateway runs compiled, as `npm start` runs it (`node dist/src/main.js`,
 * built first when stale), over MONGODB_URI, or over an embedded store started here. Its RSS comes from /proc, heap and event-loop
 * lag from its own /metrics; the verdict line compares RSS growth after warm-up
 * with the 10 % budget.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ensureServerBuilt, SERVER_ENTRY } from '../scripts/build.js';
import { startEmbeddedMongo } from '../src/db/embedded.js';
import { printTable, type Row } from './harness.js';

const env = (name: string, def: number) => (process.env[name] ? Number(process.env[name]) : def);
const DURATION_S = env('SOAK_DURATION_S', 60);
const WARMUP_S = Math.min(60, Math.max(5, Math.round(DURATION_S / 10)));
const INGEST_RPS = env('SOAK_INGEST_RPS', 5);
const BATCH_SPANS = env('SOAK_BATCH_SPANS', 50);
const SUBSCRIBERS = env('SOAK_SUBSCRIBERS', 200);
const READ_RPS = env('SOAK_READ_RPS', 2);
const SAMPLE_MS = 5_000;

interface Sample {
  readonly atS: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly lagP99: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.slice(name.length + 1));
}

function otlpBatch(spans: number): string {
  const traceId = randomBytes(16).toString('hex');
  const now = Date.now();
  const services = ['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc'];
  return JSON.stringify({
    resourceSpans: services.map((service, s) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'soak' },
          spans: Array.from({ length: Math.ceil(spans / services.length) }, (_, i) => ({
            traceId,
            spanId: randomBytes(8).toString('hex'),
            name: `op-${s}-${i % 5}`,
            kind: 2,
            startTimeUnixNano: String(BigInt(now - 50 + i) * 1_000_000n),
            endTimeUnixNano: String(BigInt(now + i) * 1_000_000n),
            attributes: [{ key: 'http.status_code', value: { intValue: String(i % 17 === 0 ? 500 : 200) } }],
            status: { code: i % 17 === 0 ? 2 : 0 },
          })),
        },
      ],
    })),
  });
}

/** Runs `task` `rps` times per second until `stop()`; counts outcomes by label. */
async function paced(rps: number, stop: () => boolean, task: () => Promise<string>, counts: Map<string, number>): Promise<void> {
  const interval = 1000 / rps;
  let next = Date.now();
  const running = new Set<Promise<void>>();
  while (!stop()) {
    const run = task()
      .catch((error: unknown) => `network:${error instanceof Error ? error.name : 'error'}`)
      .then((label) => void counts.set(label, (counts.get(label) ?? 0) + 1));
    running.add(run);
    void run.finally(() => running.delete(run));
    next += interval;
    await delay(Math.max(0, next - Date.now()));
  }
  await Promise.all(running);
}

async function main(): Promise<void> {
  const apiKey = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const embedded = process.env.MONGODB_URI
    ? null
    : await startEmbeddedMongo({ dataDir: resolve(`.mesh/soak-${process.pid}`), log: () => {} });
  const mongoUri = process.env.MONGODB_URI ?? embedded!.uri;
  const port = await freePort();
  ensureServerBuilt({ log: () => {} });
  const gateway = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      // The soak load is OTLP/HTTP; no gRPC listener on the default 4317 beside it.
      MESH_OTLP_GRPC_PORT: '0',
      MONGODB_URI: mongoUri,
      MONGODB_DB: `soak_${randomBytes(4).toString('hex')}`,
      MESH_BOOTSTRAP_API_KEY: apiKey,
      MESH_RATE_LIMIT_PER_MIN: '10000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let warnings = 0;
  gateway.stderr.on('data', (d: Buffer) => {
    const text = d.toString();
    warnings += (text.match(/"level":"(warn|error)"/g) ?? []).length;
    log = (log + text).slice(-20_000);
  });
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${apiKey}` };
  for (let i = 0; ; i++) {
    if (gateway.exitCode !== null) throw new Error(`gateway exited:\n${log}`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 1200) throw new Error(`gateway not ready:\n${log}`);
    await delay(100);
  }

  // Subscribers first, so that every ingested batch fans out to all of them.
  let events = 0;
  const wsErrors = new Map<string, number>();
  // Ramped up (20 per 100 ms) as clients of a real deployment arrive, and retrying as graphql-ws clients do.
  const clients: Client[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    clients.push(
      createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: auth,
        retryAttempts: 5,
        lazy: false,
      }),
    );
    if (i % 20 === 19) await delay(100);
  }
  const disposers = clients.map((client) =>
    client.subscribe(
      { query: 'subscription { traceIngested { traceId spanCount services } }' },
      {
        next: () => void events++,
        error: (error) =>
          void wsErrors.set(
            String((error as { code?: number }).code ?? 'error'),
            (wsErrors.get(String((error as { code?: number }).code ?? 'error')) ?? 0) + 1,
          ),
        complete: () => undefined,
      },
    ),
  );

  const started = Date.now();
  const ends = started + (WARMUP_S + DURATION_S) * 1000;
  const stop = () => Date.now() >= ends;
  const ingest = new Map<string, number>();
  const reads = new Map<string, number>();
  const samples: Sample[] = [];
  const sampling = (async () => {
    while (!stop()) {
      const text = await fetch(`${base}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      samples.push({
        atS: (Date.now() - started) / 1000,
        rss: rssOf(gateway.pid!),
        heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
        lagP99: metric(text, 'nodejs_eventloop_lag_p99_seconds'),
      });
      await delay(SAMPLE_MS);
    }
  })();
  await Promise.all([
    paced(
      INGEST_RPS,
      stop,
      async () => {
        const res = await fetch(`${base}/v1/traces`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: otlpBatch(BATCH_SPANS),
        });
        await res.arrayBuffer();
        return String(res.status);
      },
      ingest,
    ),
    paced(
      READ_RPS,
      stop,
      async () => {
        const rest = await fetch(`${base}/v1/traces?limit=20`, { headers: auth });
        await rest.arrayBuffer();
        const gql = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ traces(first: 20) { edges { node { traceId spanCount } } } }' }),
        });
        const body = (await gql.json()) as { errors?: unknown[] };
        return `rest ${rest.status} / graphql ${gql.status}${body.errors ? ' errors' : ''}`;
      },
      reads,
    ),
    sampling,
  ]);
  const finalMetrics = await fetch(`${base}/metrics`).then((r) => r.text());
  for (const dispose of disposers) dispose();
  await Promise.all(clients.map((c) => c.dispose()));
  gateway.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((r) => gateway.once('exit', (code) => r(code)));
  await embedded?.stop();

  const steady = samples.filter((s) => s.atS >= WARMUP_S);
  const first = steady[0] ?? samples[0]!;
  const last = samples.at(-1)!;
  const lags = steady
    .map((s) => s.lagP99)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  const growth = ((last.rss - first.rss) / first.rss) * 100;
  printTable(
    `Soak: ${DURATION_S} s after ${WARMUP_S} s warm-up; ${INGEST_RPS} batches/s × ${BATCH_SPANS} spans, ${SUBSCRIBERS} subscribers, ${READ_RPS} REST+GraphQL reads/s`,
    [
      { figure: 'RSS start (MiB)', value: mib(first.rss) },
      { figure: 'RSS end (MiB)', value: mib(last.rss) },
      { figure: 'RSS growth (%)', value: Math.round(growth * 10) / 10 },
      { figure: 'heap used start (MiB)', value: mib(first.heapUsed) },
      { figure: 'heap used end (MiB)', value: mib(last.heapUsed) },
      {
        figure: 'event-loop lag p99, median of 5 s windows (ms)',
        value: Math.round((lags[Math.floor(lags.length / 2)] ?? NaN) * 1000 * 10) / 10,
      },
      { figure: 'event-loop lag p99, worst 5 s window (ms)', value: Math.round((lags.at(-1) ?? NaN) * 1000 * 10) / 10 },
      { figure: 'spans accepted', value: metric(finalMetrics, 'mesh_ingest_spans_total{outcome="accepted"}') },
      { figure: 'live-tail events delivered', value: events },
      { figure: 'events dropped for slow subscribers', value: metric(finalMetrics, 'mesh_subscription_events_dropped') },
      { figure: 'gateway exit code after SIGTERM', value: exitCode ?? 'signal' },
      { figure: 'gateway log lines at warn or error', value: warnings },
    ],
  );
  const outcomes: Row[] = [
    ...[...ingest].map(([status, n]) => ({ traffic: 'OTLP ingest', outcome: status, count: n })),
    ...[...reads].map(([status, n]) => ({ traffic: 'reads', outcome: status, count: n })),
    ...[...wsErrors].map(([code, n]) => ({ traffic: 'subscriptions', outcome: `error ${code}`, count: n })),
  ];
  printTable('Outcomes', outcomes);
  process.stdout.write(`\nRSS growth after warm-up: ${growth.toFixed(1)} % (budget 10 %): ${growth <= 10 ? 'within' : 'OVER'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
