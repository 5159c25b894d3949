/**
 * Volume: the embedded store at and past its capacity. A gateway started as its own process with the
 * command of `npm start` and default settings (no MONGODB_URI: the embedded store, MESH_EMBEDDED_* at their
 * defaults; only the port, the data directory, a bootstrap key and a higher per-key rate limit are set)
 * ingests VOLUME_SPANS spans (default 1,000,000) of SDK-shaped traces (10 spans each) in OTLP protobuf
 * batches of 1,000 from 4 concurrent senders, as the measurement did. Every VOLUME_STEP spans
 * (default 100,000) ingest pauses and the row is taken: store and gateway RSS, the step's ingest rate,
 * read latencies, spans evicted so far, and 503 answers so far (ingest retries each after Retry-After).
 * Then the gateway is stopped (its last snapshot) and started again on the same data directory (restore).
 *
 * Any MESH_* variable in the environment is passed on, so that other sizes can be measured
 * (e.g. MESH_EMBEDDED_MAX_SPANS, MESH_EMBEDDED_HEAP_MB).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { percentile, printTable, type Row } from './harness.js';
import { protobufBatches, sdkSpans } from './otlp-payloads.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOTAL = Number(process.env.VOLUME_SPANS ?? 1_000_000);
const STEP = Number(process.env.VOLUME_STEP ?? 100_000);
const BATCH = 1_000;
const SENDERS = 4;
const BY_ID_SAMPLES = 50;
const LIST_SAMPLES = 10;
const MIB = 2 ** 20;

interface Counters {
  status503: number;
  status429: number;
  /** Requests that failed on the network (a cut connection), retried as OTLP exporters do. */
  network: number;
}

function metric(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(line.length + 1));
}

async function timed(samples: number, call: () => Promise<Response>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const res = await call();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`read answered ${res.status}`);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

/** Sends the bodies from SENDERS concurrent senders; a 503 or 429 is counted and retried after its Retry-After. */
async function ingest(gateway: GatewayProcess, apiKey: string, bodies: readonly Uint8Array[], counters: Counters): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        for (;;) {
          const res = await fetch(`${gateway.baseUrl}/v1/traces`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${apiKey}` },
            body: new Blob([new Uint8Array(body)]),
          }).catch((error: unknown) => {
            if (!gateway.running()) throw new Error(`the gateway exited:\n${gateway.output().slice(-5000)}`, { cause: error });
            counters.network++;
            return null;
          });
          if (res === null) {
            await delay(1000);
            continue;
          }
          await res.arrayBuffer();
          if (res.status === 200) break;
          if (res.status !== 503 && res.status !== 429) throw new Error(`ingest answered ${res.status}`);
          counters[res.status === 503 ? 'status503' : 'status429']++;
          await delay(Number(res.headers.get('retry-after') ?? 1) * 1000);
        }
      }
    }),
  );
}

async function measure(gateway: GatewayProcess, apiKey: string, traceIds: readonly string[]): Promise<Omit<Row, 'spans sent'>> {
  const auth = { authorization: `Bearer ${apiKey}` };
  const sample = Array.from({ length: BY_ID_SAMPLES }, () => traceIds[Math.floor(Math.random() * traceIds.length)]!);
  let i = 0;
  const byId = await timed(BY_ID_SAMPLES, () => fetch(`${gateway.baseUrl}/v1/traces/${sample[i++]}`, { headers: auth }));
  const list = await timed(LIST_SAMPLES, () => fetch(`${gateway.baseUrl}/v1/traces?limit=20`, { headers: auth }));
  const services = await timed(LIST_SAMPLES, () => fetch(`${gateway.baseUrl}/v1/services`, { headers: auth }));
  const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
  const rss = gateway.rss();
  return {
    'store RSS MiB': process.env.MONGODB_URI ? NaN : Math.round(rss.store / MIB),
    'gateway RSS MiB': Math.round(rss.gateway / MIB),
    'trace by id p50 ms': percentile(byId, 0.5),
    'trace by id p99 ms': percentile(byId, 0.99),
    'trace list p50 ms': percentile(list, 0.5),
    'services p50 ms': percentile(services, 0.5),
    'spans evicted': metric(metrics, 'mesh_store_evicted_total{kind="spans"}'),
  };
}

/** The gateway's own log lines about its store, for the lines printed under the table. */
function logLines(gateway: GatewayProcess, pattern: RegExp): string[] {
  return gateway
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && pattern.test(line))
    .map((line) => {
      const { time: _time, pid: _pid, level: _level, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
}

export async function runVolumeBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mesh-volume-'));
  const apiKey = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const passedOn = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('MESH_') && v !== undefined)) as Record<
    string,
    string
  >;
  const env = { ...passedOn, MESH_DATA_DIR: dataDir, MESH_BOOTSTRAP_API_KEY: apiKey, MESH_RATE_LIMIT_PER_MIN: '10000' };
  const rows: Row[] = [];
  const notes: string[] = [];
  const counters: Counters = { status503: 0, status429: 0, network: 0 };
  // A start restores the last snapshot, which at a million spans takes minutes: a long readiness bound.
  const start = () => startGatewayProcess({ dir: ROOT, dataDir, env: { NODE_ENV: 'production', ...env }, timeoutMs: 900_000 });
  let gateway = await start();
  try {
    for (let sent = 0; sent < TOTAL;) {
      const count = Math.min(STEP, TOTAL - sent);
      // Recent start times, so that the default list window (the last hour) holds every trace: its worst case.
      const spans = sdkSpans(count, Date.now() - 10 * 60_000);
      const traceIds = [...new Set(spans.map((s) => s.spanContext().traceId))];
      const bodies = protobufBatches(spans, BATCH);
      const t0 = performance.now();
      await ingest(gateway, apiKey, bodies, counters);
      const seconds = (performance.now() - t0) / 1000;
      sent += count;
      rows.push({
        'spans sent': sent,
        ...(await measure(gateway, apiKey, traceIds)),
        'ingest spans/s': Math.round(count / seconds),
        '503s': counters.status503,
      });
      process.stderr.write(`volume: ${sent} spans sent\n`);
    }
    notes.push(...logLines(gateway, /store snapshot written|store at capacity/).slice(-3));
    const stopped = await gateway.stop();
    notes.push(`gateway exit code after SIGTERM: ${stopped}`, ...logLines(gateway, /"reason":"shutdown"/));
    gateway = await start();
    notes.push(...logLines(gateway, /embedded MongoDB: (restored|no snapshot|snapshot .* unreadable)/));
  } finally {
    await gateway.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (counters.status429 > 0) notes.push(`429 answers (retried): ${counters.status429}`);
  if (counters.network > 0) notes.push(`requests cut on the network (retried): ${counters.network}`);
  return { rows, notes };
}

export function printVolume({ rows, notes }: { rows: Row[]; notes: string[] }): void {
  printTable(
    `Volume: ${TOTAL.toLocaleString('en')} spans into the embedded default (npm start, own process); reads taken with ingest paused`,
    rows,
  );
  for (const note of notes) process.stdout.write(`  ${note}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printVolume(await runVolumeBench());
  process.exit(0);
}
