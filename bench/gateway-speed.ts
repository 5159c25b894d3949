import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Document } from 'mongodb';
import { profilesOf, topSelfTime, type Window } from './cpu-profile.js';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { percentile, printTable, type Row } from './harness.js';
import { protobufBatches, sdkSpans } from './otlp-payloads.js';

/**
 * Issue #15's figures, black-box: the gateway is started as its own process
 * with package.json's `start` command (embedded store unless MONGODB_URI is
 * set) and reached over HTTP only; the baseline inserts the very span
 * documents the gateway stored, read back from the store, with the bare
 * driver (insertMany, same batch size, same concurrency) into the same store.
 *
 * Settings: BENCH_GATEWAY_DIR (checkout to run, default this one; it needs
 * its own node_modules), BENCH_SPANS (spans per round at batch 1,000; 20,000),
 * BENCH_ROUNDS (5; figures are medians over rounds), BENCH_WARMUP_S (30: seconds
 * of unmeasured batch-1,000 rounds first, see WARMUP_S), BENCH_BATCH_SIZES
 * ("1000,100,1"; empty: the request figure only), BENCH_LATENCY_REQUESTS (1,000 of each kind), BENCH_PROFILE=1
 * (profile the gateway with --cpu-prof; top self-time functions of the
 * batch-1,000 rounds; the .cpuprofile files are kept in BENCH_PROFILE_DIR
 * when it is set).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = resolve(process.env.BENCH_GATEWAY_DIR ?? ROOT);
const SPANS = Number(process.env.BENCH_SPANS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/**
 * Both processes compile their hot code while they run: the store's JVM keeps
 * its optimizing compiler busy for the first 20 seconds or so of ingest on
 * 2 cores (its compiler threads then used 3× the CPU of the work itself), and
 * V8 optimizes the gateway's. Rounds measured before that measure compilation,
 * and mostly that of whichever path ran first, so every figure is taken after
 * this many seconds of unmeasured rounds of both paths: the steady state that
 * a gateway in service runs in.
 */
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 30);
const BATCH_SIZES = (process.env.BENCH_BATCH_SIZES ?? '1000,100,1')
  .split(',')
  .filter((b) => b.trim() !== '')
  .map(Number);
const LATENCY_REQUESTS = Number(process.env.BENCH_LATENCY_REQUESTS ?? 1_000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const CONCURRENCY = 4;
/** Requests per round at most, so that small batches stay well inside one key's 10,000 requests per minute. */
const MAX_REQUESTS_PER_ROUND = 1_000;

export const TARGETS = {
  gatewayUsPerSpan: 30,
  rateRatio: 0.8,
  storeRatio: 1.5,
  authOverheadMs: 1,
} as const;

interface Round {
  readonly spans: number;
  /** Requests answered 429 or 503 and sent again. */
  readonly retried: number;
  readonly gatewayUsPerSpan: number;
  readonly gatewaySpansPerS: number;
  readonly bareSpansPerS: number;
  readonly gatewayStoreUsPerSpan: number;
  readonly bareStoreUsPerSpan: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function pool<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/**
 * Sends every body with CONCURRENCY senders; a 429 or 503 is retried after
 * its Retry-After, as OTLP exporters do. Returns how many answers were retries.
 */
async function sendAll(gw: GatewayProcess, apiKey: string, bodies: readonly Uint8Array[]): Promise<number> {
  let retried = 0;
  await pool(bodies, async (body) => {
    for (;;) {
      const res = await fetch(`${gw.baseUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${apiKey}` },
        body: new Blob([new Uint8Array(body)]),
      });
      await res.arrayBuffer();
      if (res.status === 200) return;
      if (res.status !== 429 && res.status !== 503) throw new Error(`ingest answered ${res.status}`);
      retried++;
      await delay(Number(res.headers.get('retry-after') ?? 1) * 1000);
    }
  });
  return retried;
}

/**
 * Empties the gateway's spans and trace summaries between rounds, so that
 * every round writes into a store of the same size (an in-memory store slows
 * down as its heap fills) and the round's span documents can be read back.
 */
async function clearSpans(client: MongoClient, dbName: string): Promise<void> {
  const db = client.db(dbName);
  for (const name of ['spans', 'traces']) await db.collection(name).deleteMany({});
}

/**
 * The documents with new trace and span ids (same lengths, consistent across
 * a trace's spans): new spans, as a bare client would insert them, and not
 * values the store has just seen. The embedded store shares repeated strings
 * through a cache, so the very same documents again would be cheaper for it to
 * store than any new span, the gateway's included.
 */
function withFreshIds(docs: readonly Document[]): Document[] {
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    let next = ids.get(id);
    if (next === undefined) ids.set(id, (next = randomBytes(id.length / 2).toString('hex')));
    return next;
  };
  return docs.map((doc) => {
    const traceId = fresh(String(doc.traceId));
    const spanId = fresh(String(doc.spanId));
    return {
      ...doc,
      _id: `${String(doc.org)}:${String(doc.env)}:${traceId}:${spanId}`,
      traceId,
      spanId,
      parentSpanId: doc.parentSpanId === null ? null : fresh(String(doc.parentSpanId)),
    };
  });
}

/** Inserts `docs` into a fresh collection with the gateway's span indexes, as the gateway's batches would be; returns seconds and store CPU. */
async function bareInsert(gw: GatewayProcess, client: MongoClient, gatewayDb: string, docs: readonly Document[], batch: number) {
  const db = client.db(`bench_bare_${randomBytes(4).toString('hex')}`);
  const target = db.collection('spans');
  for (const index of await client.db(gatewayDb).collection('spans').indexes()) {
    if (index.name === '_id_') continue;
    const { key, name, unique, expireAfterSeconds } = index;
    await target.createIndex(key, {
      name,
      ...(unique ? { unique } : {}),
      ...(expireAfterSeconds !== undefined ? { expireAfterSeconds } : {}),
    });
  }
  const fresh = withFreshIds(docs);
  const batches: Document[][] = [];
  for (let i = 0; i < fresh.length; i += batch) batches.push(fresh.slice(i, i + batch));
  const cpu0 = gw.cpu();
  const t0 = performance.now();
  await pool(batches, async (b) => {
    await target.insertMany(b, { ordered: false });
  });
  const seconds = (performance.now() - t0) / 1000;
  const storeCpu = gw.cpu().store - cpu0.store;
  await db.dropDatabase();
  return { seconds, storeCpu };
}

async function ingestRound(
  gw: GatewayProcess,
  apiKey: string,
  client: MongoClient,
  dbName: string,
  batch: number,
  spanCount: number,
  windows: Window[],
): Promise<Round> {
  await clearSpans(client, dbName);
  const bodies = protobufBatches(sdkSpans(spanCount), batch);
  const cpu0 = gw.cpu();
  const from = nowUs();
  const t0 = performance.now();
  const retried = await sendAll(gw, apiKey, bodies);
  const seconds = (performance.now() - t0) / 1000;
  windows.push({ fromUs: from, toUs: nowUs() });
  const cpu1 = gw.cpu();
  // The very documents the gateway stored, with their BSON types kept (Int32, Double, Long as they are).
  const docs = await client.db(dbName).collection('spans').find({}, { promoteValues: false }).toArray();
  if (docs.length !== spanCount) throw new Error(`the gateway stored ${docs.length} of ${spanCount} spans`);
  const bare = await bareInsert(gw, client, dbName, docs, batch);
  return {
    spans: spanCount,
    retried,
    gatewayUsPerSpan: ((cpu1.gateway - cpu0.gateway) / spanCount) * 1e6,
    gatewaySpansPerS: spanCount / seconds,
    bareSpansPerS: spanCount / bare.seconds,
    gatewayStoreUsPerSpan: ((cpu1.store - cpu0.store) / spanCount) * 1e6,
    bareStoreUsPerSpan: (bare.storeCpu / spanCount) * 1e6,
  };
}

/** p50 of `GET /healthz` and of an authenticated `{ __typename }`, requests alternating, one at a time. */
async function requestOverhead(gw: GatewayProcess, apiKey: string): Promise<{ healthz: number; typename: number }> {
  const healthz = async () => {
    const res = await fetch(`${gw.baseUrl}/healthz`);
    await res.arrayBuffer();
  };
  const typename = async () => {
    const res = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: '{"query":"{ __typename }"}',
    });
    const body = (await res.json()) as { data?: { __typename?: string } };
    if (body.data?.__typename !== 'Query') throw new Error(`{ __typename } answered ${res.status} ${JSON.stringify(body)}`);
  };
  for (let i = 0; i < 100; i++) {
    await healthz();
    await typename();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < LATENCY_REQUESTS; i++) {
    let t0 = performance.now();
    await healthz();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await typename();
    b.push(performance.now() - t0);
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  return { healthz: percentile(a, 0.5), typename: percentile(b, 0.5) };
}

function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export async function runGatewaySpeedBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesh-bench-'));
  const profileDir = resolve(process.env.BENCH_PROFILE_DIR ?? join(dataDir, 'profiles'));
  const apiKey = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const dbName = process.env.MONGODB_URI ? `bench_${randomBytes(4).toString('hex')}` : 'mesh_trace';
  const gw = await startGatewayProcess({
    dir: DIR,
    dataDir,
    env: {
      NODE_ENV: 'production',
      MONGODB_DB: dbName,
      MESH_BOOTSTRAP_API_KEY: apiKey,
      MESH_RATE_LIMIT_PER_MIN: '10000',
    },
    // Not NODE_OPTIONS: Node refuses --cpu-prof there.
    nodeFlags: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const client = new MongoClient(gw.storeUri);
  const byBatch = new Map<number, Round[]>();
  const profiled: Window[] = [];
  let latency: { healthz: number; typename: number };
  let pids: number[] = [];
  try {
    await client.connect();
    const warmUntil = performance.now() + WARMUP_S * 1000;
    while (BATCH_SIZES.length > 0 && performance.now() < warmUntil) await ingestRound(gw, apiKey, client, dbName, 1000, SPANS, []);
    for (const batch of BATCH_SIZES) {
      const spans = Math.min(SPANS, batch * MAX_REQUESTS_PER_ROUND);
      // This batch size's own warm-up (its code paths, connection pools), not measured.
      await ingestRound(gw, apiKey, client, dbName, batch, Math.min(spans, batch * 20), []);
      const rounds: Round[] = [];
      for (let r = 0; r < ROUNDS; r++)
        rounds.push(await ingestRound(gw, apiKey, client, dbName, batch, spans, batch === 1000 ? profiled : []));
      byBatch.set(batch, rounds);
    }
    latency = await requestOverhead(gw, apiKey);
    pids = gw.gatewayPids();
    await clearSpans(client, dbName);
  } finally {
    await client.close();
    await gw.stop();
  }

  const figures = [...byBatch].map(([batch, rounds]) => ({
    batch,
    spans: rounds[0]!.spans,
    retried: rounds.reduce((n, r) => n + r.retried, 0),
    gatewayUs: median(rounds.map((r) => r.gatewayUsPerSpan)),
    rateRatio: median(rounds.map((r) => r.gatewaySpansPerS / r.bareSpansPerS)),
    storeRatio: median(rounds.map((r) => r.gatewayStoreUsPerSpan / r.bareStoreUsPerSpan)),
    gatewayRate: median(rounds.map((r) => r.gatewaySpansPerS)),
    bareRate: median(rounds.map((r) => r.bareSpansPerS)),
    gatewayStoreUs: median(rounds.map((r) => r.gatewayStoreUsPerSpan)),
    bareStoreUs: median(rounds.map((r) => r.bareStoreUsPerSpan)),
  }));
  const overhead = latency.typename - latency.healthz;
  const column = (f: (typeof figures)[number], value: string) => [`batch ${f.batch}`, value] as const;
  const ingestRows: Row[] = [
    {
      figure: 'gateway CPU per span, µs (user+sys, /proc)',
      target: `≤ ${TARGETS.gatewayUsPerSpan}`,
      ...Object.fromEntries(figures.map((f) => column(f, fmt(f.gatewayUs, 1)))),
    },
    {
      figure: 'ingest rate ÷ bare insertMany rate',
      target: `≥ ${TARGETS.rateRatio}`,
      ...Object.fromEntries(figures.map((f) => column(f, fmt(f.rateRatio)))),
    },
    {
      figure: 'store CPU per span ÷ bare insertMany store CPU',
      target: `≤ ${TARGETS.storeRatio}`,
      ...Object.fromEntries(figures.map((f) => column(f, fmt(f.storeRatio)))),
    },
  ];
  const requestRow: Row = {
    figure: 'auth {__typename} p50 − /healthz p50, ms',
    target: `≤ ${TARGETS.authOverheadMs}`,
    // Not a per-batch figure: the same value under every batch size, or alone.
    ...(figures.length === 0 ? { measured: fmt(overhead) } : Object.fromEntries(figures.map((f) => column(f, fmt(overhead))))),
  };
  const rows = figures.length === 0 ? [requestRow] : [...ingestRows, requestRow];
  const store = process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded store';
  printTable(
    `Gateway speed (issue #15): \`${gw.command}\` in ${DIR}, ${store}, OTLP protobuf, ${CONCURRENCY} senders, medians of ${ROUNDS} rounds after ${WARMUP_S} s of warm-up`,
    rows,
  );
  printTable(
    'Gateway speed: the measurements behind the ratios',
    figures.map((f) => ({
      batch: f.batch,
      'spans/round': f.spans,
      'retried (429/503)': f.retried,
      'gateway spans/s': Math.round(f.gatewayRate),
      'bare spans/s': Math.round(f.bareRate),
      'gateway µs/span': fmt(f.gatewayUs, 1),
      'store µs/span (gateway)': fmt(f.gatewayStoreUs, 1),
      'store µs/span (bare)': fmt(f.bareStoreUs, 1),
      'healthz p50 ms': fmt(latency.healthz),
      '{__typename} p50 ms': fmt(latency.typename),
    })),
  );
  if (PROFILE) {
    const files = profilesOf(profileDir, pids);
    // Beside the profiles, for a closer look: the batch-1,000 sending windows (monotonic µs) and the gateway's pids.
    writeFileSync(join(profileDir, 'windows.json'), JSON.stringify({ windows: profiled, pids }));
    const spans = byBatch.get(1000)?.reduce((s, r) => s + r.spans, 0) ?? 0;
    printTable(
      `Gateway CPU profile: top 10 self time during the batch-1,000 rounds (${files.length} profile file(s))`,
      topSelfTime(files, profiled, DIR).map((t) => ({
        function: t.fn,
        where: t.where,
        'self ms': fmt(t.selfMs, 0),
        share: `${fmt(t.share * 100, 1)}%`,
        'µs/span': spans > 0 ? fmt((t.selfMs * 1000) / spans, 1) : '',
      })),
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runGatewaySpeedBench();
  process.exit(0);
}
