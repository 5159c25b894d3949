import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { connectStore, type Store } from '../../src/db/client.js';
import { silentLogger } from '../../src/logger.js';
import { randomApiKey } from './gateway.js';

/** An in-process gateway connected to `uri` exactly as main.ts connects (connectStore, DRIVER_OPTIONS). */
export interface StoreGateway {
  readonly app: App;
  readonly store: Store;
  readonly apiKey: string;
  readonly baseUrl: string;
  /** OTLP/gRPC `host:port` (ephemeral, as PORT). */
  readonly grpcTarget: string;
  readonly dbName: string;
  close(): Promise<void>;
}

export async function startGatewayOnStore(uri: string, env: Record<string, string> = {}): Promise<StoreGateway> {
  const dbName = `t_${randomBytes(8).toString('hex')}`;
  const apiKey = randomApiKey();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_URI: uri, MONGODB_DB: dbName, MESH_BOOTSTRAP_API_KEY: apiKey, ...env });
  const store = await connectStore(uri, dbName);
  const app = buildApp({ config, db: store.db, log: silentLogger });
  const { port, grpcPort } = await app.start();
  return {
    app,
    store,
    apiKey,
    baseUrl: `http://127.0.0.1:${port}`,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    dbName,
    async close() {
      await app.stop();
      await store.close();
    },
  };
}

/** A direct connection to the real store (not through any proxy), to check what was durably written. */
export async function directDb(uri: string, dbName: string): Promise<{ db: Db; close(): Promise<void> }> {
  const client = new MongoClient(uri, { useBigInt64: true });
  await client.connect();
  const db = client.db(dbName);
  return {
    db,
    close: async () => {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
