import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import { MongoClient } from 'mongodb';
import WebSocket from 'ws';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { startRedis, type TestRedis } from '../test/helpers/redis.js';
import { benchStores, percentile, printTable, type Row } from './harness.js';

/**
 * Live-subscription fan-out: N graphql-ws subscribers on loopback to one
 * node's heartbeats; each heartbeat is POSTed to the REST endpoint and timed
 * until every subscriber has it. The gateway runs in a child process so that
 * its RSS is its own (the subscribers' sockets live in this process).
 * Latencies include this process handling N messages per heartbeat on one
 * event loop, so they are an upper bound of what N separate clients see.
 */

export interface SubscriptionBenchOptions {
  /** Concurrent WebSocket subscribers (default 1,000). */
  readonly subscribers?: number;
  /** Heartbeats timed, one after the other (default 50). */
  readonly heartbeats?: number;
  /** Also run over Redis (REDIS_URL semantics, a local redis-server); default when redis-server is installed. */
  readonly redis?: boolean;
  /** A store to use instead of starting the embedded one (e.g. a runner's shared store). */
  readonly mongoUri?: string;
}

const CHILD_ROLE = 'MESH_BENCH_SUBSCRIPTION_GATEWAY';
const NODE_ID = 'bench-node';
const DELIVERY_TIMEOUT_MS = 15_000;
/**
 * Sockets opened at once, all from 127.0.0.1: within the default budget of sockets not yet
 * authenticated per remote address (MESH_WS_MAX_UNAUTHENTICATED_PER_ADDRESS, 16); more are refused.
 */
const CONNECT_BATCH = 16;
const WARMUP = 5;

type ToChild = { type: 'stats' } | { type: 'stop' };
type FromChild = { type: 'ready'; port: number; key: string } | { type: 'stats'; rss: number; subscriptions: number; dropped: number };

const HEARTBEAT = {
  cluster: 'bench',
  version: '1.0.0',
  cpu_percent: 20,
  memory_mb: 512,
  uptime_seconds: 60,
  ingestion_rate_sps: 1000,
  spans_ingested_total: 0,
  dropped_spans_total: 0,
  otlp_grpc_active: true,
  otlp_http_active: true,
  sampling_rate: 1,
  buffer_utilization_pct: 10,
};

/** The gateway side: a real gateway over the given store, answering stats requests over IPC. */
async function runGatewayChild(): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  const client = new MongoClient(process.env.MONGODB_URI!, DRIVER_OPTIONS);
  await client.connect();
  const db = client.db(`bench_subs_${randomBytes(4).toString('hex')}`);
  const bootstrap = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const env: Record<string, string> = { NODE_ENV: 'production', PORT: '0', MESH_BOOTSTRAP_API_KEY: bootstrap };
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  const app = buildApp({ config: loadConfig(env), db, log: silentLogger });
  const { port } = await app.start();
  // Every subscribe is charged to the key's per-minute budget: take the highest a key can have.
  const { key } = await app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read', 'write'], rateLimit: 10_000 });
  process.on('message', (message: ToChild) => {
    if (message.type === 'stats') {
      (globalThis as { gc?: () => void }).gc?.();
      const { subscriptions, dropped } = app.services.pubsub.stats();
      send({ type: 'stats', rss: process.memoryUsage().rss, subscriptions, dropped });
    } else {
      void (async () => {
        await app.stop();
        await db.dropDatabase();
        await client.close();
        process.exit(0);
      })();
    }
  });
  send({ type: 'ready', port, key });
}

function request<T extends FromChild['type']>(child: ChildProcess, message: ToChild, reply: T): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (m: FromChild) => {
      if (m.type !== reply) return;
      child.off('message', onMessage);
      resolve(m as Extract<FromChild, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

async function startGatewayChild(mongoUri: string, redisUrl: string | null): Promise<{ child: ChildProcess; port: number; key: string }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, [CHILD_ROLE]: '1', MONGODB_URI: mongoUri, ...(redisUrl ? { REDIS_URL: redisUrl } : { REDIS_URL: '' }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Extract<FromChild, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench gateway exited with ${code}`)));
    child.on('message', (m: FromChild) => m.type === 'ready' && resolve(m));
  });
  return { child, port: ready.port, key: ready.key };
}

/** graphql-ws reports a closed socket as a CloseEvent and a refused operation as GraphQL errors. */
function describeFailure(failure: unknown): string {
  if (typeof failure === 'object' && failure !== null && 'code' in failure) {
    return `socket closed ${String(failure.code)} ${'reason' in failure ? String(failure.reason) : ''}`;
  }
  return failure instanceof Error ? failure.message : JSON.stringify(failure);
}

async function postHeartbeat(baseUrl: string, key: string, total: number): Promise<void> {
  const res = await fetch(`${baseUrl}/v1/nodes/${NODE_ID}/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ ...HEARTBEAT, spans_ingested_total: total, uptime_seconds: 60 + total }),
  });
  if (res.status !== 200) throw new Error(`heartbeat answered ${res.status}: ${await res.text()}`);
}

async function measure(transport: 'memory' | 'redis', mongoUri: string, subscribers: number, heartbeats: number): Promise<Row> {
  const redis: TestRedis | null = transport === 'redis' ? await startRedis() : null;
  const { child, port, key } = await startGatewayChild(mongoUri, redis?.url ?? null);
  const baseUrl = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];
  try {
    await postHeartbeat(baseUrl, key, 0);
    const base = await request(child, { type: 'stats' }, 'stats');

    // receivedAt[round][subscriber]: when each subscriber saw the heartbeat of that round.
    const receivedAt: number[][] = Array.from({ length: WARMUP + heartbeats + 1 }, () => []);
    const failures: unknown[] = [];
    for (let i = 0; i < subscribers; i += CONNECT_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(CONNECT_BATCH, subscribers - i) }, async () => {
          const client = createClient({
            url: `ws://127.0.0.1:${port}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${key}` },
            retryAttempts: 0,
          });
          clients.push(client);
          client.subscribe<{ nodeHeartbeat: { spansIngestedTotal: string } }>(
            { query: `subscription { nodeHeartbeat(nodeId: "${NODE_ID}") { spansIngestedTotal } }` },
            {
              next: (result) => {
                const round = Number(result.data?.nodeHeartbeat.spansIngestedTotal);
                receivedAt[round]?.push(performance.now());
              },
              error: (error) => failures.push(error),
              complete: () => undefined,
            },
          );
        }),
      );
      // Let the batch connect before opening the next one: each connect and subscribe reads the store (key, rate limit).
      while ((await request(child, { type: 'stats' }, 'stats')).subscriptions < Math.min(i + CONNECT_BATCH, subscribers)) {
        if (failures.length > 0) throw new Error(`subscriber failed: ${describeFailure(failures[0])}`);
        await delay(20);
      }
    }
    const loaded = await request(child, { type: 'stats' }, 'stats');

    const latencies: number[] = [];
    const posts: number[] = [];
    let missing = 0;
    for (let round = 1; round <= WARMUP + heartbeats; round++) {
      const posted = performance.now();
      await postHeartbeat(baseUrl, key, round);
      const answered = performance.now() - posted;
      const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
      while (receivedAt[round]!.length < subscribers && Date.now() < deadline) await delay(1);
      // The first rounds run cold code paths on both sides: delivered, not timed.
      if (round <= WARMUP) continue;
      posts.push(answered);
      missing += subscribers - receivedAt[round]!.length;
      latencies.push(...receivedAt[round]!.map((t) => t - posted));
    }
    latencies.sort((x, y) => x - y);
    posts.sort((x, y) => x - y);
    const after = await request(child, { type: 'stats' }, 'stats');
    return {
      transport,
      subscribers,
      heartbeats,
      deliveries: latencies.length,
      missing,
      'POST p50 ms': percentile(posts, 0.5),
      'p50 ms': percentile(latencies, 0.5),
      'p99 ms': percentile(latencies, 0.99),
      'max ms': latencies.at(-1) ?? NaN,
      'rss base MB': base.rss / 2 ** 20,
      'rss MB': loaded.rss / 2 ** 20,
      'rss/conn KB': (loaded.rss - base.rss) / subscribers / 1024,
      dropped: after.dropped,
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    child.send({ type: 'stop' } satisfies ToChild);
    await once(child, 'exit');
    await redis?.stop();
  }
}

/** One row per transport: in memory, and over Redis when a redis-server is available. */
export async function runSubscriptionBench(opts: SubscriptionBenchOptions = {}): Promise<Row[]> {
  const subscribers = opts.subscribers ?? 1_000;
  const heartbeats = opts.heartbeats ?? 50;
  const stores = opts.mongoUri === undefined ? await benchStores() : [];
  const mongoUri = opts.mongoUri ?? stores[0]!.uri;
  const rows: Row[] = [];
  try {
    rows.push(await measure('memory', mongoUri, subscribers, heartbeats));
    let withRedis = opts.redis;
    if (withRedis === undefined) {
      withRedis = await startRedis().then(
        async (probe) => (await probe.stop(), true),
        () => false,
      );
    }
    if (withRedis) rows.push(await measure('redis', mongoUri, subscribers, heartbeats));
  } finally {
    for (const store of stores) await store.close();
  }
  return rows;
}

if (process.env[CHILD_ROLE] === '1') {
  await runGatewayChild();
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
  printTable(
    `Live subscriptions: ${subscribers} graphql-ws subscribers on loopback, heartbeat POST → every client`,
    await runSubscriptionBench({ subscribers }),
  );
  process.exit(0);
}
