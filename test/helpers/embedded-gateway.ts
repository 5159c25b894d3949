import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Db } from 'mongodb';
import { spawnGateway, type GatewayProcess } from './gateway-process.js';

/** Where test/global-setup.ts keeps the classpath Maven resolved for mongo-java-server. */
const CACHED_CLASSPATH = fileURLToPath(new URL('../../node_modules/.cache/mesh-trace-test-mongo/java-classpath.txt', import.meta.url));

/** A fresh MESH_DATA_DIR that starts warm: the test store's classpath is copied in, so no Maven run. */
export async function embeddedDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mesh-embedded-'));
  await copyFile(CACHED_CLASSPATH, join(dir, 'java-classpath.txt')).catch(() => undefined);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A gateway process on its own embedded mongo-java-server (no MONGODB_URI), as `npm start` runs it. */
export function spawnEmbeddedGateway(dataDir: string, env: Record<string, string>): Promise<GatewayProcess> {
  return spawnGateway(
    { MONGODB_URI: '', MESH_EMBEDDED_MONGO: 'java', MESH_DATA_DIR: dataDir, MESH_EMBEDDED_HEAP_MB: '512', ...env },
    180_000,
  );
}

/** The embedded store of a running gateway, read directly through the URI it publishes in its data dir. */
export async function embeddedStore(dataDir: string): Promise<{ db: Db; close(): Promise<void> }> {
  const uri = (await readFile(join(dataDir, 'mongodb.uri'), 'utf8')).trim();
  const client = new MongoClient(uri, { useBigInt64: true, directConnection: true });
  await client.connect();
  return { db: client.db('mesh_trace'), close: () => client.close() };
}

/** SIGTERM, and the exit as the process reported it. */
export async function stopGateway(gateway: GatewayProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  gateway.child.kill('SIGTERM');
  return gateway.exited;
}
