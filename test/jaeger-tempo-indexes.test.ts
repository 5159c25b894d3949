import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { randomApiKey } from './helpers/gateway.js';
import { describeQuery, issuedQueries, servingIndex, shapeOf } from './helpers/index-coverage.js';
import { EXAMPLE_RETENTION } from './helpers/rest.js';

/**
 * Every MongoDB command the Jaeger and Tempo routes issue — the operations
 * catalog, the sampled tag keys and values, trace search and lookups — is
 * served by a declared index (the index-coverage rule of queries.test.ts).
 */
let client: MongoClient;
let app: App;
let baseUrl: string;
const apiKey = randomApiKey();
const dbName = `t_${randomBytes(6).toString('hex')}`;
const commands: CommandStartedEvent[] = [];

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  app = buildApp({
    config: loadConfig({ NODE_ENV: 'test', PORT: '0', MESH_BOOTSTRAP_API_KEY: apiKey, ...EXAMPLE_RETENTION }),
    db: client.db(dbName),
    log: silentLogger,
  });
  baseUrl = `http://127.0.0.1:${(await app.start()).port}`;
  const fixture = JSON.parse(await readFile(new URL('./fixtures/jaeger-tempo.otlp.json', import.meta.url), 'utf8')) as { request: unknown };
  const res = await fetch(`${baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(fixture.request),
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await app.stop();
  await client.db(dbName).dropDatabase();
  await client.close();
});

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const JAEGER_WINDOW = 'start=1773562900000000&end=1773563000000000';
const TEMPO_WINDOW = 'start=1773562900&end=1773563000';
const q = (traceql: string) => `q=${encodeURIComponent(traceql)}`;

const PATHS = [
  '/api/services',
  '/api/services/orders/operations',
  '/api/operations?service=orders&spanKind=client',
  `/api/traces/${TRACE_ID}`,
  `/api/traces?traceID=${TRACE_ID}&traceID=1`,
  `/api/traces?service=orders&${JAEGER_WINDOW}`,
  `/api/traces?service=orders&operation=SELECT%20orders&tag=error:true&minDuration=1ms&${JAEGER_WINDOW}`,
  `/api/traces?service=frontend&tags=${encodeURIComponent('{"http.status_code":"200"}')}&${JAEGER_WINDOW}`,
  '/api/dependencies?endTs=1773563000000&lookback=3600000',
  `/tempo/api/traces/${TRACE_ID}`,
  `/tempo/api/search?${q('{ resource.service.name = "orders" && status = error }')}&${TEMPO_WINDOW}`,
  `/tempo/api/search?${q('{ span.http.status_code >= 200 }')}&${TEMPO_WINDOW}`,
  `/tempo/api/search?${q('{ traceDuration > 1ms }')}&${TEMPO_WINDOW}`,
  `/tempo/api/search?${q('{ }')}&${TEMPO_WINDOW}`,
  `/tempo/api/search?tags=${encodeURIComponent('service.name=ord')}&${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tags?${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tags?${q('{ resource.service.name = "orders" }')}&${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tag/resource.service.name/values?${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tag/.http.method/values?${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tag/name/values?${q('{ resource.service.name = "orders" }')}&${TEMPO_WINDOW}`,
  `/tempo/api/v2/search/tag/status/values?${TEMPO_WINDOW}`,
];

describe('Jaeger and Tempo index coverage', () => {
  it('serves every query of every route from a declared index', async () => {
    commands.length = 0;
    for (const path of PATHS) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
      expect(res.status, path).toBe(200);
    }
    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const { queries, nonIdUpdates } = issuedQueries(commands);
    const unserved = [...nonIdUpdates];
    const collections = new Set<string>();
    for (const query of queries) {
      const spec = specs.get(query.collection);
      if (spec === undefined) continue;
      collections.add(query.collection);
      if (servingIndex(spec, shapeOf(query.filter, query.sort)) === null) unserved.push(describeQuery(query));
    }
    expect([...collections].sort()).toEqual(expect.arrayContaining(['service_operations', 'spans', 'traces']));
    expect(unserved).toEqual([]);
  });
});
