import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { testDb, type TestDb } from './mongo.js';

export interface TestGateway {
  readonly app: App;
  readonly config: Config;
  readonly store: TestDb;
  readonly baseUrl: string;
  /** A live key of org `default` with read, write and admin. */
  readonly apiKey: string;
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>, key?: string): Promise<{ status: number; body: GraphQLBody<T> }>;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export function randomApiKey(env: 'live' | 'test' = 'live'): string {
  return `mtk_${env}_${randomBytes(24).toString('base64url')}`;
}

/** A real gateway on a real loopback port over its own database on the shared test server. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const store = await testDb();
  const apiKey = randomApiKey();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey, ...env });
  const app = buildApp({ config, db: store.db, log: silentLogger });
  const { port } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    store,
    baseUrl,
    apiKey,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, key = apiKey) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLBody<T> };
    },
    async close() {
      await app.stop();
      await store.close();
    },
  };
}
