import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { graphqlClient, randomApiKey, startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_HEARTBEAT, REPORT_HEARTBEAT } from './helpers/nodes.js';
import { testDb, type TestDb } from './helpers/mongo.js';
import { otlpJson } from './helpers/otlp.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { wsClient } from './helpers/subscriptions.js';

/**
 * spec/mesh-trace-rest-v1.txt, Rate Limits: per API key, 1,000 requests per
 * minute by default (sliding window, see test/rate-limit-window.test.ts for
 * the window itself), X-RateLimit-* on every response, 429 + Retry-After.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const TYPENAME = JSON.stringify({ query: '{ __typename }' });

function graphqlPost(baseUrl: string, key: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: TYPENAME,
  });
}

async function newKey(rateLimit?: number): Promise<string> {
  const created = await gw.app.services.auth.createKey({
    org: 'default',
    env: 'live',
    permissions: ['read', 'write'],
    rateLimit: rateLimit ?? null,
  });
  return created.key;
}

/** One operation over graphql-ws; resolves with its result or the error the server sent for it. */
function wsOperation(
  client: Client,
  query: string,
): Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: unknown } = {};
    client.subscribe(
      { query },
      {
        next: (value) => (result = value as { data?: unknown }),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error as { message: string }[] }) : reject(error as Error)),
        complete: () => resolve(result),
      },
    );
  });
}

describe('per-key rate limit (1,000 requests per minute by default)', () => {
  it('answers the 1,001st request within a minute with 429, rate_limited, Retry-After and the X-RateLimit headers', async () => {
    const key = await newKey();
    const startedS = Math.floor(Date.now() / 1000);
    const remaining: number[] = [];
    for (let i = 0; i < 1000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => graphqlPost(gw.baseUrl, key)));
      for (const res of batch) {
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        expect(reset).toBeGreaterThanOrEqual(startedS + 60);
        expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
        remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
        await res.text();
      }
    }
    // Sent 20 at a time, so two responses may report the same remaining count; together they count down to 0.
    expect(remaining.every((r) => r >= 0 && r <= 999)).toBe(true);
    expect(Math.min(...remaining)).toBe(0);

    const refused = await graphqlPost(gw.baseUrl, key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // Never longer than the 60 s window, and never past the reset the same response announces.
    expect(retryAfter).toBeLessThanOrEqual(60);
    const refusedReset = Number(refused.headers.get('x-ratelimit-reset'));
    expect(refusedReset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
    expect(Math.floor(Date.now() / 1000) + retryAfter).toBeLessThanOrEqual(refusedReset + 1);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'rate_limited', retry_after: retryAfter });

    // The REST error envelope for the same key, with the request id it was answered under.
    const restRefused = await fetch(`${gw.baseUrl}/v1/traces`, {
      headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req_ratelimit_test' },
    });
    expect(restRefused.status).toBe(429);
    expect(restRefused.headers.get('retry-after')).not.toBeNull();
    expect(await restRefused.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringContaining('1000 requests per minute'),
        param: null,
        request_id: 'req_ratelimit_test',
      },
    });

    // Another key of the same organization has a budget of its own.
    expect((await graphqlPost(gw.baseUrl, gw.apiKey)).status).toBe(200);
  });

  it('honours a per-key override and charges REST, GraphQL, OTLP ingest and each WebSocket operation to one budget', async () => {
    const key = await newKey(4);
    const headers = { authorization: `Bearer ${key}` };
    const otlp = () =>
      fetch(`${gw.baseUrl}/v1/traces`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: otlpJson([{ startMs: Date.now(), durationMs: 5 }]),
      });
    const client = wsClient(gw.baseUrl, key);
    try {
      expect((await graphqlPost(gw.baseUrl, key)).headers.get('x-ratelimit-remaining')).toBe('3');
      expect((await fetch(`${gw.baseUrl}/v1/traces`, { headers })).headers.get('x-ratelimit-remaining')).toBe('2');
      expect((await otlp()).headers.get('x-ratelimit-remaining')).toBe('1');
      expect(await wsOperation(client, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });

      const ws = await wsOperation(client, '{ __typename }');
      expect(ws.errors?.[0]?.extensions?.code).toBe('rate_limited');
      expect((await graphqlPost(gw.baseUrl, key)).status).toBe(429);
      const refusedOtlp = await otlp();
      expect(refusedOtlp.status).toBe(429);
      expect(refusedOtlp.headers.get('retry-after')).not.toBeNull();
      // OTLP/HTTP error bodies are a google.rpc.Status (code 8, RESOURCE_EXHAUSTED).
      expect(await refusedOtlp.json()).toMatchObject({ code: 8, error: { code: 'rate_limited' } });
    } finally {
      await client.dispose();
    }
  });

  it('refuses a GraphQL POST over budget before reading it: a mutation, a malformed body and an invalid operation alike, none executed', async () => {
    const key = await newKey(1);
    const post = (body: string) =>
      fetch(`${gw.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'req_overlap' },
        body,
      });
    expect((await post(TYPENAME)).status).toBe(200);
    const nodeId = `node-overlap-${Date.now()}`;
    const heartbeat = JSON.stringify({ query: REPORT_HEARTBEAT, variables: { nodeId, input: EXAMPLE_HEARTBEAT } });
    // A mutation, a malformed body and an invalid operation: each refused with the same 429, none executed.
    for (const body of [heartbeat, '{"query": ', JSON.stringify({ query: '{ nope }' })]) {
      const refused = await post(body);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/json');
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: expect.stringContaining('1 requests per minute'),
            extensions: { code: 'rate_limited', retry_after: retryAfter, request_id: 'req_overlap' },
          },
        ],
      });
    }
    const gql = graphqlClient(gw.baseUrl, gw.apiKey);
    const { body } = await gql<{ node: unknown }>('query($id: String!) { node(nodeId: $id) { nodeId } }', { id: nodeId });
    expect(body).toEqual({ data: { node: null } });
  });

  it('sends no rate-limit headers to unauthenticated requests, which are refused before any budget is touched', async () => {
    const res = await fetch(`${gw.baseUrl}/v1/traces`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

for (const withRedis of [false, true]) {
  describe(`rate limits across gateway instances ${withRedis ? 'with the counters in Redis (REDIS_URL)' : 'on one MongoDB'}`, () => {
    let store: TestDb;
    let redis: TestRedis | null = null;
    const apps: App[] = [];
    const urls: string[] = [];
    const bootstrap = randomApiKey();

    beforeAll(async () => {
      store = await testDb();
      redis = withRedis ? await startRedis() : null;
      for (let i = 0; i < 2; i++) {
        const app = buildApp({
          config: loadConfig({
            NODE_ENV: 'test',
            PORT: '0',
            MESH_BOOTSTRAP_API_KEY: bootstrap,
            ...(redis === null ? {} : { REDIS_URL: redis.url }),
          }),
          db: store.db,
          log: silentLogger,
        });
        const { port } = await app.start();
        apps.push(app);
        urls.push(`http://127.0.0.1:${port}`);
      }
    });
    afterAll(async () => {
      for (const app of apps) await app.stop();
      await redis?.stop();
      await store.close();
    });

    it('shares one budget between two gateway instances', async () => {
      const { key } = await apps[0]!.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'], rateLimit: 10 });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await graphqlPost(urls[i % 2]!, key)).status);
      expect(statuses).toEqual(Array(10).fill(200));
      expect((await graphqlPost(urls[0]!, key)).status).toBe(429);
      expect((await graphqlPost(urls[1]!, key)).status).toBe(429);
    });
  });
}
