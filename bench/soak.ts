/**
 * Soak: the demo at ten times its rate against a gateway process for a while, watched from outside.
 * `npm run soak` (SOAK_DURATION_S, default 60; 1800 for the report).
 *
 * The gateway is started as `npm start` starts it (bench/gateway-process.ts): the embedded store with its
 * defaults, or MONGODB_URI when set. Load, all on loopback: the demo's traffic (the shop's traces through
 * the OpenTelemetry SDK and its OTLP/HTTP exporter, src/demo) emitting a trace every
 * DEMO_TRACE_INTERVAL_MS / SOAK_DEMO_SPEEDUP (10); SOAK_SUBSCRIBERS graphql-ws clients on the
 * `traceIngested` live tail; REST and GraphQL trace listings at SOAK_READ_RPS. RSS of the gateway and of
 * the store come from /proc, heap and event-loop lag from the gateway's /metrics. The verdict lines compare
 * the gateway's RSS growth after warm-up with the 10 % budget, and the store's RSS with its
 * MESH_EMBEDDED_HEAP_MB.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EMBEDDED_DEFAULTS } from '../src/config.js';
import { DEMO_TRACE_INTERVAL_MS, startDemoTraffic } from '../src/demo/demo-traffic.js';
import { startGatewayProcess } from './gateway-process.js';
import { printTable, type Row } from './harness.js';

const env = (name: string, def: number) => (process.env[name] ? Number(process.env[name]) : def);
const DURATION_S = env('SOAK_DURATION_S', 60);
const WARMUP_S = Math.min(60, Math.max(5, Math.round(DURATION_S / 10)));
const SPEEDUP = env('SOAK_DEMO_SPEEDUP', 10);
const SUBSCRIBERS = env('SOAK_SUBSCRIBERS', 200);
const READ_RPS = env('SOAK_READ_RPS', 2);
const SAMPLE_MS = 5_000;
const STORE_BUDGET_MB = env('MESH_EMBEDDED_HEAP_MB', EMBEDDED_DEFAULTS.heapMb);

interface Sample {
  readonly atS: number;
  readonly rss: number;
  readonly storeRss: number;
  readonly heapUsed: number;
  readonly lagP99: number;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.slice(name.length + 1));
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
  const dataDir = await mkdtemp(join(tmpdir(), 'mesh-soak-'));
  const gateway = await startGatewayProcess({
    dir: fileURLToPath(new URL('..', import.meta.url)),
    dataDir,
    env: {
      NODE_ENV: 'production',
      MESH_BOOTSTRAP_API_KEY: apiKey,
      MESH_RATE_LIMIT_PER_MIN: '10000',
      ...(process.env.MONGODB_URI ? { MONGODB_DB: `soak_${randomBytes(4).toString('hex')}` } : {}),
    },
  });
  const base = gateway.baseUrl;
  const auth = { authorization: `Bearer ${apiKey}` };

  // Subscribers first, so that every ingested batch fans out to all of them.
  let events = 0;
  const wsErrors = new Map<string, number>();
  // Ramped up (20 per 100 ms) as clients of a real deployment arrive, and retrying as graphql-ws clients do.
  const clients: Client[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    clients.push(
      createClient({
        url: `${base.replace('http', 'ws')}/graphql`,
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
        error: (error) => {
          const code = String((error as { code?: number }).code ?? 'error');
          wsErrors.set(code, (wsErrors.get(code) ?? 0) + 1);
        },
        complete: () => undefined,
      },
    ),
  );

  let exportFailures = 0;
  const demo = startDemoTraffic({
    baseUrl: base,
    apiKey,
    intervalMs: DEMO_TRACE_INTERVAL_MS / SPEEDUP,
    log: (msg) => void (msg.includes('failed') && exportFailures++),
  });

  const started = Date.now();
  const ends = started + (WARMUP_S + DURATION_S) * 1000;
  const stop = () => Date.now() >= ends;
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
        rss: gateway.rss().gateway,
        storeRss: process.env.MONGODB_URI ? NaN : gateway.rss().store,
        heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
        lagP99: metric(text, 'nodejs_eventloop_lag_p99_seconds'),
      });
      await delay(SAMPLE_MS);
    }
  })();
  await Promise.all([
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
  await demo.stop();
  const finalMetrics = await fetch(`${base}/metrics`).then((r) => r.text());
  for (const dispose of disposers) dispose();
  await Promise.all(clients.map((c) => c.dispose()));
  const exitCode = await gateway.stop();
  await rm(dataDir, { recursive: true, force: true });
  const warnings = (gateway.output().match(/"level":"(warn|error)"/g) ?? []).length;

  const steady = samples.filter((s) => s.atS >= WARMUP_S);
  const first = steady[0] ?? samples[0]!;
  const last = samples.at(-1)!;
  const lags = steady
    .map((s) => s.lagP99)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  const growth = ((last.rss - first.rss) / first.rss) * 100;
  const storePeak = Math.max(...samples.map((s) => s.storeRss));
  const accepted = metric(finalMetrics, 'mesh_ingest_spans_total{outcome="accepted"}');
  printTable(
    `Soak: ${DURATION_S} s after ${WARMUP_S} s warm-up; the demo at ${SPEEDUP}× its rate, ${SUBSCRIBERS} subscribers, ${READ_RPS} REST+GraphQL reads/s`,
    [
      { figure: 'gateway RSS start (MiB)', value: mib(first.rss) },
      { figure: 'gateway RSS end (MiB)', value: mib(last.rss) },
      { figure: 'gateway RSS growth (%)', value: Math.round(growth * 10) / 10 },
      { figure: 'store RSS end / peak (MiB)', value: `${mib(last.storeRss)} / ${mib(storePeak)}` },
      { figure: 'heap used start (MiB)', value: mib(first.heapUsed) },
      { figure: 'heap used end (MiB)', value: mib(last.heapUsed) },
      {
        figure: 'event-loop lag p99, median of 5 s windows (ms)',
        value: Math.round((lags[Math.floor(lags.length / 2)] ?? NaN) * 1000 * 10) / 10,
      },
      { figure: 'event-loop lag p99, worst 5 s window (ms)', value: Math.round((lags.at(-1) ?? NaN) * 1000 * 10) / 10 },
      { figure: 'spans accepted', value: accepted },
      { figure: 'spans accepted per second', value: Math.round(accepted / ((Date.now() - started) / 1000)) },
      { figure: 'spans evicted (capacity)', value: metric(finalMetrics, 'mesh_store_evicted_total{kind="spans"}') || 0 },
      { figure: 'demo export failure episodes', value: exportFailures },
      { figure: 'live-tail events delivered', value: events },
      { figure: 'events dropped for slow subscribers', value: metric(finalMetrics, 'mesh_subscription_events_dropped') },
      { figure: 'gateway exit code after SIGTERM', value: exitCode ?? 'signal' },
      { figure: 'gateway log lines at warn or error', value: warnings },
    ],
  );
  const outcomes: Row[] = [
    ...[...reads].map(([status, n]) => ({ traffic: 'reads', outcome: status, count: n })),
    ...[...wsErrors].map(([code, n]) => ({ traffic: 'subscriptions', outcome: `error ${code}`, count: n })),
  ];
  printTable('Outcomes', outcomes);
  process.stdout.write(`\nGateway RSS growth after warm-up: ${growth.toFixed(1)} % (budget 10 %): ${growth <= 10 ? 'within' : 'OVER'}\n`);
  if (Number.isFinite(storePeak)) {
    const within = storePeak <= STORE_BUDGET_MB * 2 ** 20;
    process.stdout.write(
      `Store RSS peak: ${mib(storePeak)} MiB (MESH_EMBEDDED_HEAP_MB ${STORE_BUDGET_MB}): ${within ? 'within' : 'OVER'}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
