import { randomBytes } from 'node:crypto';
import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { silentLogger } from '../src/logger.js';
import { configureChannels, eventsOf, gqlData, ingestRequests, type GatewayClient } from './helpers/alerts.js';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import { servingIndex, shapeOf } from './helpers/index-coverage.js';
import { startHttpReceiver, type HttpReceiver } from './helpers/receivers.js';

/**
 * Every query alerting issues — the API's, the evaluator's and the delivery
 * worker's — against the index declarations of its collections (the same
 * ESR rule as test/queries.test.ts), and no write that is not addressed by id.
 */

const ALERT_COLLECTIONS = /^(alert_|service_rollups$|edge_rollups$)/;

let client: MongoClient;
let app: App;
let gw: GatewayClient;
let webhook: HttpReceiver;
const apiKey = randomApiKey();
const dbName = `t_${randomBytes(6).toString('hex')}`;
const commands: CommandStartedEvent[] = [];

beforeAll(async () => {
  webhook = await startHttpReceiver('/hook');
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MESH_BOOTSTRAP_API_KEY: apiKey,
    MESH_ALERT_EVAL_INTERVAL_S: '1',
    MESH_OUTBOUND_ALLOW: 'loopback',
  });
  app = buildApp({ config, db: client.db(dbName), log: silentLogger });
  const { port } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  gw = { baseUrl, graphql: graphqlClient(baseUrl, apiKey) };
});

afterAll(async () => {
  await app.stop();
  await client.db(dbName).dropDatabase();
  await client.close();
  await webhook.close();
});

/** (collection, filter, sort) of a read, or the filters of a write. */
function shapes(e: CommandStartedEvent): { kind: 'read' | 'write'; collection: string; filter: Document; sort?: Document }[] {
  const c = e.command as Document;
  switch (e.commandName) {
    case 'find':
      return [{ kind: 'read', collection: c.find, filter: c.filter ?? {}, sort: c.sort }];
    case 'aggregate':
      return [{ kind: 'read', collection: c.aggregate, filter: (c.pipeline as Document[])[0]?.$match ?? {} }];
    case 'findAndModify':
      return [{ kind: 'write', collection: c.findAndModify, filter: c.query }];
    case 'update':
      return (c.updates as Document[]).map((u) => ({ kind: 'write' as const, collection: c.update, filter: u.q }));
    case 'delete':
      return (c.deletes as Document[]).map((d) => ({ kind: 'write' as const, collection: c.delete, filter: d.q }));
    default:
      return [];
  }
}

describe('alerting index coverage', () => {
  it('serves every alerting query from a declared index and addresses every write by id', async () => {
    await configureChannels(gw, { webhook: { url: webhook.url, secret: 'whsec_0123456789abcdef' } });
    await gqlData(gw, `{ alertChannels { kind } }`);
    const ids: string[] = [];
    for (const [i, condition] of [
      { metric: 'ERROR_RATE', service: 'payment-svc', operator: 'GT', threshold: 0.05, window: '1m' },
      { metric: 'P99_LATENCY_MS', edge: { source: 'order-svc', target: 'payment-svc' }, operator: 'GT', threshold: 500, window: '2h' },
      { metric: 'REQUEST_COUNT', service: 'payment-svc', operator: 'LT', threshold: 1, window: '24h', for: '1s' },
    ].entries()) {
      const created = await gqlData<{ createAlertRule: { id: string } }>(
        gw,
        `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id } }`,
        {
          input: { name: `rule ${i}`, channels: ['WEBHOOK'], condition },
        },
      );
      ids.push(created.createAlertRule.id);
    }
    const page = await gqlData<{ alertRules: { pageInfo: { endCursor: string } } }>(
      gw,
      `{ alertRules(first: 1) { totalCount pageInfo { endCursor } edges { node { id state } } } }`,
    );
    await gqlData(gw, `query($after: String) { alertRules(first: 5, after: $after) { edges { node { id } } } }`, {
      after: page.alertRules.pageInfo.endCursor,
    });
    await gqlData(gw, `mutation($id: ID!) { updateAlertRule(id: $id, input: { name: "renamed" }) { id } }`, { id: ids[2] });
    await gqlData(gw, `mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: ids[2] });

    await ingestRequests(gw, apiKey, { service: 'payment-svc', total: 10, errors: 5 });
    await webhook.waitForAccepted(1);
    await eventsOf(gw, ids[0]!);
    const events = await gqlData<{ alertEvents: { pageInfo: { endCursor: string } } }>(
      gw,
      `{ alertEvents(first: 1) { totalCount pageInfo { endCursor } edges { node { id deliveries { status } } } } }`,
    );
    await gqlData(gw, `query($after: String) { alertEvents(first: 5, after: $after) { edges { node { id } } } }`, {
      after: events.alertEvents.pageInfo.endCursor,
    });
    await gqlData(gw, `mutation { deleteAlertChannel(kind: WEBHOOK) }`);

    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const event of commands) {
      for (const shape of shapes(event)) {
        if (!ALERT_COLLECTIONS.test(shape.collection)) continue;
        seen.add(`${event.commandName}:${shape.collection}`);
        const spec = specs.get(shape.collection);
        expect(spec, `collection ${shape.collection} has a declared spec`).toBeDefined();
        const text = `${event.commandName} ${shape.collection} ${JSON.stringify(shape.filter)} sort=${JSON.stringify(shape.sort)}`;
        if (shape.kind === 'write') {
          if (!('_id' in shape.filter)) problems.push(`write not by id: ${text}`);
        } else if (servingIndex(spec!, shapeOf(shape.filter, shape.sort)) === null) {
          problems.push(`unserved: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The paths above really ran: API reads, the evaluator's scan and claims, the delivery queue, both rollup reads.
    for (const expected of [
      'find:alert_rules',
      'aggregate:alert_rules',
      'findAndModify:alert_rules',
      'update:alert_rules',
      'delete:alert_rules',
      'find:alert_events',
      'aggregate:alert_events',
      'find:alert_deliveries',
      'findAndModify:alert_deliveries',
      'update:alert_deliveries',
      'find:alert_channels',
      'update:alert_channels',
      'delete:alert_channels',
      'find:service_rollups',
      'find:edge_rollups',
    ]) {
      expect(seen, expected).toContain(expected);
    }
  });
});
