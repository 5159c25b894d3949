import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../src/db/embedded.js';
import { silentLogger } from '../src/logger.js';

export type Row = Record<string, string | number>;

/** Prints rows as an aligned text table under a title. */
export function printTable(title: string, rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : (v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padStart(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`\n${title}\n${line(columns)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const r of rows) process.stdout.write(`${line(columns.map((c) => cell(r[c])))}\n`);
}

export function percentile(sortedMs: readonly number[], q: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))]!;
}

export async function timeIt(iterations: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(10, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

export interface BenchStore {
  readonly label: string;
  readonly uri: string;
  close(): Promise<void>;
}

/** The embedded store (mongo-java-server here), and MONGODB_URI as a second target when given. */
export async function benchStores(): Promise<BenchStore[]> {
  const stores: BenchStore[] = [];
  const embedded: EmbeddedMongo = await startEmbeddedMongo({ dataDir: resolve(`.mesh/bench-${process.pid}`), log: () => {} });
  stores.push({ label: `embedded (${embedded.backend})`, uri: embedded.uri, close: () => embedded.stop() });
  const external = process.env.MONGODB_URI;
  if (external) stores.push({ label: 'MONGODB_URI', uri: external, close: async () => {} });
  return stores;
}

export interface BenchGateway {
  readonly app: App;
  readonly db: Db;
  readonly client: MongoClient;
  readonly baseUrl: string;
  /** OTLP/gRPC `host:port` (ephemeral, as the API port). */
  readonly grpcTarget: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/** An in-process gateway on a loopback port over a fresh database of the given store. */
export async function benchGateway(uri: string): Promise<BenchGateway> {
  const client = new MongoClient(uri, DRIVER_OPTIONS);
  await client.connect();
  const db = client.db(`bench_${randomBytes(4).toString('hex')}`);
  const apiKey = `mtk_live_${randomBytes(24).toString('base64url')}`;
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey });
  const app = buildApp({ config, db, log: silentLogger });
  const { port, grpcPort } = await app.start();
  return {
    app,
    db,
    client,
    baseUrl: `http://127.0.0.1:${port}`,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    apiKey,
    async close() {
      await app.stop();
      await db.dropDatabase();
      await client.close();
    },
  };
}
