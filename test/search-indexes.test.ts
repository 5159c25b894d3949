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
 * POST /v1/traces/search compiles to MongoDB queries that a declared index
 * serves (tenant and window first), never to a collection scan: every command
 * a search issues is checked with the index-coverage rule of queries.test.ts.
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
  const fixture = JSON.parse(await readFile(new URL('./fixtures/search-language.otlp.json', import.meta.url), 'utf8')) as {
    request: unknown;
  };
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

const EXPRESSIONS = [
  'service.name = "api-gateway" AND duration > 100ms',
  'service.name = "payment-svc" AND status = ERROR',
  'name STARTS WITH "GET /api/"',
  'http.status_code >= 500',
  'resource.k8s.cluster.name = "staging-us-1"',
  'NOT (kind = server OR kind = client)',
  'payload EXISTS AND name MATCHES "^GET"',
  'trace.duration > 1s',
  'trace.status = error AND service.name = "api-gateway"',
  '(trace.duration < 50ms OR trace.status = ok) AND kind = server',
];

describe('search index coverage', () => {
  it('serves every query of a search from a declared index, first page and next', async () => {
    commands.length = 0;
    for (const query of EXPRESSIONS) {
      const body = { query, start_time: '2026-03-15T08:00:00Z', end_time: '2026-03-15T10:00:00Z', limit: 1 };
      const first = await fetch(`${baseUrl}/v1/traces/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(body),
      });
      expect(first.status, query).toBe(200);
      const { next_cursor } = (await first.json()) as { next_cursor: string | null };
      if (next_cursor !== null) {
        const next = await fetch(`${baseUrl}/v1/traces/search`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({ ...body, cursor: next_cursor }),
        });
        expect(next.status, query).toBe(200);
      }
    }
    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const unserved: string[] = [];
    let checked = 0;
    for (const q of issuedQueries(commands).queries) {
      if (!['spans', 'traces'].includes(q.collection)) continue;
      checked++;
      if (servingIndex(specs.get(q.collection)!, shapeOf(q.filter, q.sort)) === null) unserved.push(describeQuery(q));
    }
    expect(checked).toBeGreaterThanOrEqual(EXPRESSIONS.length * 2);
    expect(unserved).toEqual([]);
  });
});
