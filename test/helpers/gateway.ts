import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { testDb, type TestDb } from './mongo.js';

/** GraphQL over HTTP (POST /graphql) with a key: the given one, or the client's own. */
export type GraphQLClient = <T = unknown>(
  query: string,
  variables?: Record<string, unknown>,
  key?: string,
) => Promise<{ status: number; body: GraphQLBody<T> }>;

/** A gateway instance reached over its port. */
export interface GatewayPeer {
  readonly app: App;
  readonly baseUrl: string;
  /** OTLP/gRPC `host:port` (an ephemeral port: PORT=0 makes MESH_OTLP_GRPC_PORT default to one too). */
  readonly grpcTarget: string;
  readonly graphql: GraphQLClient;
}

export interface TestGateway extends GatewayPeer {
  readonly config: Config;
  readonly store: TestDb;
  /** A live key of org `default` with read, write and admin. */
  readonly apiKey: string;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export function randomApiKey(env: 'live' | 'test' = 'live'): string {
  return `mtk_${env}_${randomBytes(24).toString('base64url')}`;
}

export function graphqlClient(baseUrl: string, defaultKey: string): GraphQLClient {
  return async <T>(query: string, variables: Record<string, unknown> = {}, key = defaultKey) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLBody<T> };
  };
}

/** A real gateway on a real loopback port over its own database on the shared test server. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const store = await testDb();
  const apiKey = randomApiKey();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey, ...env });
  const app = buildApp({ config, db: store.db, log: silentLogger });
  const { port, grpcPort } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    config,
    store,
    baseUrl,
    apiKey,
    graphql: graphqlClient(baseUrl, apiKey),
    async close() {
      await app.stop();
      await store.close();
    },
  };
}

/** A second instance over the first one's database, with the same key and `env` as its settings; stop it with `app.stop()`. */
export async function startPeer(of: TestGateway, env: Record<string, string>): Promise<GatewayPeer> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: of.apiKey, ...env });
  const app = buildApp({ config, db: of.store.db, log: silentLogger });
  const { port, grpcPort } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return { app, baseUrl, grpcTarget: `127.0.0.1:${grpcPort}`, graphql: graphqlClient(baseUrl, of.apiKey) };
}
