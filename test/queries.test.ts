import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { emitDemoTraces } from '../src/demo/demo-traffic.js';
import { silentLogger } from '../src/logger.js';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import { branchShapes, describeQuery, issuedQueries, servingIndex } from './helpers/index-coverage.js';
import { postOtlpJson } from './helpers/otlp.js';

/**
 * Runs every API query shape against a gateway whose driver reports each
 * command, then checks (1) each query is served by a declared index and
 * (2) nested list fields are batched (no N+1).
 */
let client: MongoClient;
let app: App;
let baseUrl: string;
const apiKey = randomApiKey();
const dbName = `t_${randomBytes(6).toString('hex')}`;
const NO_CLUSTER_TRACE = randomBytes(16).toString('hex');
const commands: CommandStartedEvent[] = [];

/** GraphQL data, failing the test on any error. */
async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await graphqlClient(baseUrl, apiKey)<T>(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey });
  app = buildApp({ config, db: client.db(dbName), log: silentLogger });
  const { port } = await app.start();
  baseUrl = `http://127.0.0.1:${port}`;
  await emitDemoTraces({ baseUrl, apiKey, traces: 120, seed: 7 });
  // A trace whose spans name no cluster (its completeness reads drop reports of every cluster), older than the demo traffic.
  const res = await postOtlpJson(baseUrl, apiKey, [
    { traceId: NO_CLUSTER_TRACE, service: 'no-cluster-svc', startMs: Date.now() - 20 * 3_600_000, durationMs: 5 },
  ]);
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await app.stop();
  await client.db(dbName).dropDatabase();
  await client.close();
});

const LIST = `query($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int, $after: String) {
  traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { traceId spanCount } }
  }
}`;

const TRACE_PAGE = `query($filter: TraceFilter!, $orderBy: TraceOrderBy, $page: Int, $perPage: Int) {
  tracePage(filter: $filter, orderBy: $orderBy, page: $page, perPage: $perPage) {
    hasNextPage
    results { traceId serviceSegment(service: "api-gateway") { startTime durationMs } }
  }
}`;

const ISSUES = `query($from: DateTime!, $to: DateTime!, $service: String) {
  issues(from: $from, to: $to, service: $service) { fingerprint count exceptionType sampleSpan { spanId } }
}`;

const FILTERS: Record<string, unknown>[] = [
  {},
  { service: 'payment-svc' },
  { status: 'ERROR' },
  { minDurationMs: 10, maxDurationMs: 5000 },
  { serviceNamespace: 'shop', environment: 'production' },
  { spanName: 'POST /api/orders' },
  { service: 'api-gateway', attributes: [{ key: 'http.request.method', operator: 'EQ', type: 'STRING', value: 'POST' }] },
  { attributes: [{ key: 'http.response.status_code', operator: 'GTE', type: 'INT', value: '500' }] },
  { resourceAttributes: [{ key: 'k8s.cluster.name', operator: 'STARTS_WITH', type: 'STRING', value: 'prod-' }] },
  { spanStatus: 'ERROR', issueFingerprint: 'ffffffffffffffff' },
];
const ORDERS = [
  { field: 'START_TIME', direction: 'DESC' },
  { field: 'START_TIME', direction: 'ASC' },
  { field: 'DURATION', direction: 'DESC' },
  { field: 'DURATION', direction: 'ASC' },
];

describe('index coverage', () => {
  it('serves every query the API issues from a declared index (equality prefix, then sort)', async () => {
    commands.length = 0;
    for (const filter of FILTERS) {
      for (const orderBy of ORDERS) {
        const first = await gql<{ traces: { pageInfo: { endCursor: string | null } } }>(LIST, { filter, orderBy, first: 5 });
        if (first.traces.pageInfo.endCursor) await gql(LIST, { filter, orderBy, first: 5, after: first.traces.pageInfo.endCursor });
      }
    }
    const page = await gql<{ traces: { edges: { node: { traceId: string } }[] } }>(LIST, { first: 3 });
    const traceId = page.traces.edges[0]!.node.traceId;
    await gql(`query($id: String!) { trace(traceId: $id) { traceId rootSpan { spanId trace { traceId } } spans { spanId } } }`, {
      id: traceId,
    });
    // Numbered pages (the Mackerel list) with each trace's service segment, and the issues grouping.
    const window = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    for (const filter of FILTERS) {
      for (const orderBy of ORDERS) {
        await gql(TRACE_PAGE, { filter: { ...filter, ...window, service: filter.service ?? 'api-gateway' }, orderBy, page: 2, perPage: 3 });
      }
    }
    await gql(ISSUES, window);
    await gql(ISSUES, { ...window, service: 'payment-svc' });
    // Services and topology (rollups), across clusters and within one.
    const SERVICE_MAP = `query($cluster: String, $from: DateTime, $to: DateTime) {
      services(cluster: $cluster, from: $from, to: $to) { totalCount services { requestCount p99LatencyMs series { start } topOperations { name } upstream { source } } }
      service(name: "order-svc", cluster: $cluster) { spanCount downstream { target } }
      topology(cluster: $cluster, from: $from, to: $to) { nodes { id } edges { source } }
    }`;
    await gql(SERVICE_MAP, window);
    await gql(SERVICE_MAP, { ...window, cluster: 'prod-eu-1' });
    // Trace analysis: critical path, comparison, completeness (clusters named, and a trace naming none).
    const second = page.traces.edges[1]!.node.traceId;
    await gql(
      `query($a: String!, $b: String!) { compareTraces(a: $a, b: $b) { matchedCount a { criticalPath { spanId } completeness { status } } } }`,
      { a: traceId, b: second },
    );
    await gql(
      `query($f: TraceFilter) { traces(filter: $f, first: 20) { edges { node { completeness { status reports { nodeId } } } } } }`,
      { f: window },
    );
    await gql(`query($id: String!) { trace(traceId: $id) { completeness { status } } }`, { id: NO_CLUSTER_TRACE });

    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const { queries, nonIdUpdates } = issuedQueries(commands);
    const unserved = [...nonIdUpdates];
    let checked = 0;
    for (const q of queries) {
      const spec = specs.get(q.collection);
      expect(spec, `collection ${q.collection} has a declared spec`).toBeDefined();
      checked++;
      if (branchShapes(q.filter, q.sort).some((shape) => servingIndex(spec!, shape) === null)) unserved.push(describeQuery(q));
    }
    expect(checked).toBeGreaterThan(FILTERS.length * ORDERS.length);
    expect(unserved).toEqual([]);
  });
});

describe('DataLoader batching', () => {
  it('loads the completeness of a page of 50 traces with one read of drop reports and one of nodes', async () => {
    commands.length = 0;
    const data = await gql<{ traces: { edges: { node: { completeness: { status: string } } }[] } }>(
      `{ traces(first: 50) { edges { node { traceId completeness { status droppedSpans reports { nodeId } } } } } }`,
    );
    expect(data.traces.edges).toHaveLength(50);
    const reads = commands
      .filter((e) => ['find', 'aggregate', 'count'].includes(e.commandName))
      .map((e) => `${e.commandName}:${(e.command as Document)[e.commandName] as string}`);
    expect(
      reads.filter((c) => c.endsWith(':node_heartbeats')),
      reads.join(', '),
    ).toEqual(['find:node_heartbeats']);
    expect(
      reads.filter((c) => c.endsWith(':nodes')),
      reads.join(', '),
    ).toEqual(['find:nodes']);
  });

  it('loads the service segments of a page of 50 traces with one find of their spans by _id', async () => {
    const window = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    commands.length = 0;
    const data = await gql<{ tracePage: { results: { serviceSegment: unknown; other: unknown }[] } }>(
      `query($filter: TraceFilter!) { tracePage(filter: $filter, perPage: 50) { results {
        traceId serviceSegment(service: "api-gateway") { startTime durationMs spanCount } other: serviceSegment(service: "order-svc") { spanCount }
      } } }`,
      { filter: window },
    );
    expect(data.tracePage.results).toHaveLength(50);
    expect(data.tracePage.results.every((r) => r.serviceSegment !== null)).toBe(true);
    const spanReads = commands.filter(
      (e) => ['find', 'aggregate'].includes(e.commandName) && (e.command as Document)[e.commandName] === 'spans',
    );
    expect(spanReads.map((e) => e.commandName)).toEqual(['find']);
    expect(Object.keys((spanReads[0]!.command as Document).filter as Document)).toEqual(['_id']);
  });

  it('loads 50 traces with all their spans and root spans in a bounded number of round-trips', async () => {
    commands.length = 0;
    const data = await gql<{ traces: { edges: { node: { spans: unknown[]; rootSpan: unknown } }[] } }>(
      `{ traces(first: 50) { edges { node { traceId spanCount rootSpan { spanId } spans { spanId name attributes { key } } } } } }`,
    );
    expect(data.traces.edges).toHaveLength(50);
    expect(data.traces.edges.every((e) => e.node.spans.length > 0 && e.node.rootSpan !== null)).toBe(true);
    // The key and allow-list caches' checks (by _id) run in the background, not for this request.
    const reads = commands.filter(
      (e) =>
        ['find', 'aggregate', 'count'].includes(e.commandName) &&
        !(e.commandName === 'find' && ['api_keys', 'orgs'].includes(e.command.find as string) && e.command.filter?._id !== undefined),
    );
    const byCollection = reads.map((e) => `${e.commandName}:${(e.command as Document)[e.commandName] as string}`);
    // Trace page (1) + the span ids of all 50 traces (1) + their spans by _id (1) + root spans (1); the key comes from the instance's key cache.
    expect(byCollection.filter((c) => c.startsWith('find:api_keys'))).toHaveLength(0);
    expect(byCollection.filter((c) => c.startsWith('find:traces'))).toHaveLength(2);
    expect(byCollection.filter((c) => c.startsWith('find:spans'))).toHaveLength(2);
    // Whatever else a request reads is per request, not per trace.
    const dataReads = byCollection.filter((c) => /:(api_keys|traces|spans)$/.test(c));
    expect(dataReads, byCollection.join(', ')).toHaveLength(4);
    expect(reads.length - dataReads.length, byCollection.join(', ')).toBeLessThanOrEqual(2);
  });
});
