import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { connectStore, type Store } from '../../src/db/client.js';
import { silentLogger } from '../../src/logger.js';
import { FaultProxy, NO_FAULTS } from '../helpers/fault-proxy.js';
import { graphqlClient, randomApiKey, type GraphQLClient } from '../helpers/gateway.js';
import { EXAMPLE_HEARTBEAT, REPORT_HEARTBEAT } from '../helpers/nodes.js';
import { hex, postOtlpJson } from '../helpers/otlp.js';
import { wsClient } from '../helpers/subscriptions.js';

/**
 * Finding 1 of issue #16, second half: search reads were bounded by no
 * deadline. Every store read on a request path now carries the request
 * deadline (MESH_STORE_TIMEOUT_MS) to the server as maxTimeMS, and a read
 * that does not finish in time answers a coded 503, never a hung request.
 */
const STORE_TIMEOUT_MS = 1_500;
/** Background work (the node sweep, alert evaluation) reads without a request: kept out of this test's window. */
const QUIET_BACKGROUND = { MESH_NODE_SWEEP_INTERVAL_MS: '3600000', MESH_ALERT_EVAL_INTERVAL_S: '86400' };
const READS = new Set(['find', 'aggregate', 'count', 'distinct']);

interface Gateway {
  readonly app: App;
  readonly store: Store;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly graphql: GraphQLClient;
}

async function startGateway(uri: string, env: Record<string, string>): Promise<Gateway> {
  const apiKey = randomApiKey();
  const dbName = `t_${randomBytes(8).toString('hex')}`;
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MONGODB_URI: uri, MONGODB_DB: dbName, MESH_BOOTSTRAP_API_KEY: apiKey, ...env });
  const store = await connectStore(uri, dbName);
  const app = buildApp({ config, db: store.db, log: silentLogger });
  const baseUrl = `http://127.0.0.1:${(await app.start()).port}`;
  return { app, store, baseUrl, apiKey, graphql: graphqlClient(baseUrl, apiKey) };
}

async function stopGateway(gw: Gateway): Promise<void> {
  await gw.app.stop();
  await gw.store.db.dropDatabase().catch(() => undefined);
  await gw.store.close();
}

const TRACE_ID = hex(16);

describe('every store read on a request path carries maxTimeMS', () => {
  let gw: Gateway;
  const started: CommandStartedEvent[] = [];

  beforeAll(async () => {
    gw = await startGateway(inject('mongoUri'), { MESH_STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS), ...QUIET_BACKGROUND });
    gw.store.client.on('commandStarted', (event) => started.push(event));
  });
  afterAll(() => stopGateway(gw));

  it('on GraphQL (HTTP and WebSocket), REST, Mackerel, OTLP ingest, heartbeats and authentication', async () => {
    const now = Date.now();
    const ingest = await postOtlpJson(gw.baseUrl, gw.apiKey, [
      {
        traceId: TRACE_ID,
        name: 'GET /api/orders',
        service: 'api',
        startMs: now - 5_000,
        durationMs: 40,
        attributes: { 'http.method': 'GET' },
      },
      { traceId: TRACE_ID, name: 'SELECT', service: 'db', startMs: now - 4_990, durationMs: 5, statusCode: 2 },
    ]);
    expect(ingest.status).toBe(200);
    const from = new Date(now - 3_600_000).toISOString();
    const to = new Date(now + 60_000).toISOString();
    const queries = [
      `{ traces(first: 5) { totalCount edges { node { traceId spanCount rootSpan { name } spans { name attributes { key } } } } } }`,
      `{ trace(traceId: "${TRACE_ID}") { traceId serviceSegment(service: "api") { spanCount } } }`,
      `{ searchTraces(query: "name MATCHES \\"^GET .*/orders$\\" AND http.method = \\"GET\\"", from: "${from}", to: "${to}") { totalCount edges { node { traceId } } } }`,
      `{ tracePage(filter: { from: "${from}", to: "${to}", service: "api" }) { results { traceId } hasNextPage } }`,
      `{ issues(from: "${from}", to: "${to}") { fingerprint count } }`,
      `{ services(from: "${from}", to: "${to}") { services { name } } }`,
      `{ topology(from: "${from}", to: "${to}") { nodes { id } } }`,
      `{ nodes(first: 5) { totalCount edges { node { nodeId } } } }`,
      `{ alertRules(first: 5) { edges { node { id } } } }`,
    ];
    for (const query of queries) {
      const { status, body } = await gw.graphql(query);
      expect({ query, status, errors: body.errors }).toEqual({ query, status: 200, errors: undefined });
    }
    const auth = { authorization: `Bearer ${gw.apiKey}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const rest = [
      fetch(`${gw.baseUrl}/v1/traces?limit=5`, { headers: auth }),
      fetch(`${gw.baseUrl}/v1/traces/${TRACE_ID}`, { headers: auth }),
      fetch(`${gw.baseUrl}/v1/traces/search`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query: 'service.name = "api"', start_time: from, end_time: to }),
      }),
      fetch(`${gw.baseUrl}/v1/nodes`, { headers: auth }),
      fetch(`${gw.baseUrl}/v1/services`, { headers: auth }),
      fetch(`${gw.baseUrl}/v1/topology`, { headers: auth }),
      fetch(`${gw.baseUrl}/api/v0/traces/${TRACE_ID}`, { headers: auth }),
      fetch(`${gw.baseUrl}/api/v0/traces`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ serviceName: 'api', from: Math.floor(now / 1000) - 3600, to: Math.floor(now / 1000) + 60 }),
      }),
    ];
    for (const res of await Promise.all(rest)) expect(res.status, res.url).toBe(200);
    const heartbeat = await gw.graphql(REPORT_HEARTBEAT, { nodeId: 'node-a', input: EXAMPLE_HEARTBEAT });
    expect(heartbeat.body.errors).toBeUndefined();
    const client = wsClient(gw.baseUrl, gw.apiKey);
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: `{ trace(traceId: "${TRACE_ID}") { spans { name } } }` },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toMatchObject({ data: { trace: { spans: [{ name: 'GET /api/orders' }, { name: 'SELECT' }] } } });
    } finally {
      await client.dispose();
    }

    // On no request's behalf, in the background: the alert delivery worker polls its queue, and the key and
    // allow-list caches (and the revocation watch of open sockets) re-check what they hold by `_id $in`
    // (a request reads a key by its hash and an organization by its id).
    const background = (event: CommandStartedEvent) => {
      const collection = event.command[event.commandName] as unknown;
      const filter = (event.command as { filter?: { _id?: unknown } }).filter;
      const byIdList = typeof filter?._id === 'object' && filter._id !== null && '$in' in filter._id;
      return collection === 'alert_deliveries' || ((collection === 'api_keys' || collection === 'orgs') && byIdList);
    };
    const reads = started.filter((event) => READS.has(event.commandName) && !background(event));
    expect(reads.length).toBeGreaterThan(20);
    const unbounded = reads.filter((event) => {
      const limit = (event.command as { maxTimeMS?: unknown }).maxTimeMS;
      return typeof limit !== 'number' || limit <= 0 || limit > STORE_TIMEOUT_MS;
    });
    expect(unbounded.map((event) => JSON.stringify(event.command).slice(0, 160))).toEqual([]);
  });
});

describe('a read that outlives the request deadline', () => {
  let proxy: FaultProxy;
  let gw: Gateway;
  /** A value only the slow reads carry: the proxy holds the chunks that contain it. */
  const MARKER = `slow-${hex(6)}`;

  beforeAll(async () => {
    proxy = await FaultProxy.start(inject('mongoUri'));
    gw = await startGateway(proxy.uri, { MESH_STORE_TIMEOUT_MS: '1000', ...QUIET_BACKGROUND });
    proxy.setFaults({ ...NO_FAULTS, delayMs: [20_000, 20_000], delayOnly: (chunk) => chunk.includes(MARKER) });
  });
  afterAll(async () => {
    proxy.setFaults(NO_FAULTS);
    await stopGateway(gw);
    await proxy.close();
  });

  const expectDeadlineAnswer = (ms: number) => expect(ms).toBeLessThan(10_000);

  it('answers GraphQL 503 unavailable naming the deadline, not a hung request', async () => {
    const started = Date.now();
    const { status, body } = await gw.graphql(
      `{ searchTraces(query: "service.name = \\"${MARKER}\\"", from: "2026-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { totalCount } }`,
    );
    expectDeadlineAnswer(Date.now() - started);
    expect(status).toBe(503);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'unavailable', retry_after: 2 });
    expect(body.errors?.[0]?.message).toMatch(/did not answer within the request deadline \(MESH_STORE_TIMEOUT_MS\)/);
  });

  it('answers a REST route with the 503 envelope and Retry-After', async () => {
    const started = Date.now();
    const res = await fetch(`${gw.baseUrl}/v1/traces?service=${MARKER}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
    expectDeadlineAnswer(Date.now() - started);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/did not answer within the request deadline/);
  });

  it('answers a graphql-ws operation with an unavailable error and keeps the socket', async () => {
    const client = wsClient(gw.baseUrl, gw.apiKey);
    try {
      const query = `{ traces(filter: { service: "${MARKER}" }) { totalCount } }`;
      const started = Date.now();
      const result = await new Promise<{ readonly errors?: readonly { extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        client.subscribe({ query }, { next: resolve, error: reject, complete: () => undefined });
      });
      expectDeadlineAnswer(Date.now() - started);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'unavailable' });
      const next = await new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => undefined });
      });
      expect(next).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await client.dispose();
    }
  });
});
