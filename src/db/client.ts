import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

export interface Store {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * Driver settings chosen for an ingest gateway (docs/operations.md, "Store
 * timeouts and pool"). The rule: a request must learn within ~2 s that the
 * store is away, answer 503 + Retry-After and let the client retry, rather
 * than hold its connection and memory while the driver waits.
 *
 * - serverSelectionTimeoutMS 1.5 s: how long an operation waits for a usable
 *   server (store down, replica-set election). Short on purpose: OTLP senders
 *   retry a 503, and a replica-set election surfaces as a few seconds of 503s.
 * - heartbeatFrequencyMS 1 s: the monitor notices an outage and a recovery
 *   within about a second; StoreHealth (store-health.ts) follows its verdicts,
 *   so the gateway fails fast while the store is known down and resumes by
 *   itself when it answers again.
 * - connectTimeoutMS 2 s, waitQueueTimeoutMS 1.5 s: a new connection or a
 *   free pooled one is either there quickly or the request is answered 503.
 * - socketTimeoutMS 30 s: only a backstop for a connection that stopped
 *   answering; request paths have their own deadline (MESH_STORE_TIMEOUT_MS).
 * - maxPoolSize 50 per instance: ingest is bounded by MESH_MAX_INGEST_INFLIGHT_*
 *   well below that; reads share the rest.
 * - monitorCommands: command latency and failures feed /metrics.
 * - useBigInt64: int64 read back as bigint so that OTLP int64 attributes and
 *   nanosecond timestamps stay exact end to end.
 */
export const DRIVER_OPTIONS: MongoClientOptions = Object.freeze({
  useBigInt64: true,
  serverSelectionTimeoutMS: 1_500,
  heartbeatFrequencyMS: 1_000,
  connectTimeoutMS: 2_000,
  socketTimeoutMS: 30_000,
  maxPoolSize: 50,
  minPoolSize: 0,
  maxIdleTimeMS: 60_000,
  waitQueueTimeoutMS: 1_500,
  monitorCommands: true,
  appName: 'mesh-trace-gateway',
});

export async function connectStore(uri: string, dbName: string, extra: MongoClientOptions = {}): Promise<Store> {
  const client = new MongoClient(uri, { ...DRIVER_OPTIONS, ...extra });
  await client.connect();
  const db = client.db(dbName);
  return {
    client,
    db,
    close: () => client.close(),
  };
}

/**
 * True when the store answers a ping within `timeoutMs`. The race bounds the
 * answer even while the driver is still selecting a server; the ping itself
 * ends on its own within serverSelectionTimeoutMS.
 */
export async function storeReachable(db: Db, timeoutMs = 1_500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db.command({ ping: 1 }).then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
