import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

export interface Store {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * Driver settings chosen for an ingest gateway: fail fast when the store is
 * unreachable (server selection 5 s) so requests answer 503 instead of hanging,
 * a bounded pool per instance, and int64 read back as bigint so that OTLP int64
 * attributes and nanosecond timestamps stay exact end to end.
 */
export const DRIVER_OPTIONS: MongoClientOptions = Object.freeze({
  useBigInt64: true,
  serverSelectionTimeoutMS: 5_000,
  connectTimeoutMS: 5_000,
  socketTimeoutMS: 30_000,
  maxPoolSize: 50,
  minPoolSize: 0,
  maxIdleTimeMS: 60_000,
  waitQueueTimeoutMS: 5_000,
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

/** True when the store answers a ping within the server-selection timeout. */
export async function storeReachable(db: Db): Promise<boolean> {
  try {
    await db.command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
