import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DRIVER_OPTIONS } from '../src/db/client.js';
import { NODE_HEARTBEATS_COLLECTION, NODES_COLLECTION } from '../src/domain/nodes/nodes.repository.js';
import { silentLogger } from '../src/logger.js';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { describeQuery, issuedQueries, servingIndex, shapeOf } from './helpers/index-coverage.js';

/**
 * Every query the nodes API issues (heartbeats, listings with each filter,
 * health with the 1 h sums, the heartbeat series and the offline sweep) is
 * captured from the driver and checked against the declared indexes; and a
 * page of nodes with their 1 h figures costs a fixed number of round-trips.
 */

let client: MongoClient;
let app: App;
let baseUrl: string;
const apiKey = randomApiKey();
const dbName = `t_${randomBytes(6).toString('hex')}`;
const commands: CommandStartedEvent[] = [];

/** GraphQL as the node API's client, failing the test on any error. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}) {
  const result = await graphqlClient(baseUrl, apiKey)<T>(query, variables);
  expect(result.body.errors).toBeUndefined();
  return result;
}

const gw = { graphql };

beforeAll(async () => {
  client = new MongoClient(inject('mongoUri'), { ...DRIVER_OPTIONS, monitorCommands: true });
  await client.connect();
  client.on('commandStarted', (e) => commands.push(e));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MESH_BOOTSTRAP_API_KEY: apiKey,
    MESH_NODE_OFFLINE_AFTER_S: '1',
    MESH_NODE_SWEEP_INTERVAL_MS: '100',
  });
  app = buildApp({ config, db: client.db(dbName), log: silentLogger });
  const { port } = await app.start();
  baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 12; i++)
    await reportHeartbeat(gw, `node-${i}`, { cluster: i % 2 === 0 ? 'even' : 'odd', cpuPercent: i % 3 === 0 ? 95 : 10 });
});

afterAll(async () => {
  await app.stop();
  await client.db(dbName).dropDatabase();
  await client.close();
});

const LIST = `query($cluster: String, $status: NodeStatus, $after: String) {
  nodes(cluster: $cluster, status: $status, first: 3, after: $after) {
    totalCount
    pageInfo { endCursor }
    edges { node { nodeId spansIngested1h health { droppedSpans1h } } }
  }
}`;

describe('nodes index coverage', () => {
  it('serves every nodes query from a declared index, the offline sweep included', async () => {
    commands.length = 0;
    for (const cluster of [null, 'even']) {
      for (const status of [null, 'DEGRADED']) {
        const first = await graphql<{ nodes: { pageInfo: { endCursor: string | null } } }>(LIST, { cluster, status });
        await graphql(LIST, { cluster, status, after: first.body.data!.nodes.pageInfo.endCursor });
      }
    }
    await graphql(`
      {
        node(nodeId: "node-1") {
          status
          health {
            spansIngested1h
          }
          heartbeats(last: 10) {
            receivedAt
          }
        }
      }
    `);
    await reportHeartbeat(gw, 'node-1', { cluster: 'odd' });
    // Let the sweep run a few passes (nodes go offline after 1 s).
    await delay(1_500);

    const specs = new Map(app.collections.map((s) => [s.name, s]));
    const { queries, nonIdUpdates } = issuedQueries(commands);
    const unserved = [...nonIdUpdates];
    const seen = new Set<string>();
    for (const q of queries) {
      if (q.collection !== NODES_COLLECTION && q.collection !== NODE_HEARTBEATS_COLLECTION) continue;
      seen.add(`${q.command} ${q.collection}`);
      if (servingIndex(specs.get(q.collection)!, shapeOf(q.filter, q.sort)) === null) unserved.push(describeQuery(q));
    }
    expect([...seen].sort()).toEqual([
      'aggregate node_heartbeats',
      'aggregate nodes',
      'find node_heartbeats',
      'find nodes',
      'findAndModify nodes',
    ]);
    expect(unserved).toEqual([]);
  });

  it('loads a page of nodes with their 1 h figures in a fixed number of round-trips', async () => {
    await delay(200);
    commands.length = 0;
    await graphql(`
      {
        nodes(first: 12) {
          edges {
            node {
              nodeId
              spansIngested1h
              health {
                droppedSpans1h
                uptimeSeconds
              }
            }
          }
        }
      }
    `);
    const reads = commands
      .filter((e) => ['find', 'aggregate'].includes(e.commandName))
      .map((e) => `${e.commandName}:${(e.command as Document)[e.commandName] as string}`)
      .filter((c) => c.endsWith(NODES_COLLECTION) || c.endsWith(NODE_HEARTBEATS_COLLECTION));
    // One page read, one aggregation of the 1 h sums for the whole page (the sweep may add its own find).
    expect(reads.filter((r) => r === 'find:nodes').length).toBeLessThanOrEqual(2);
    expect(reads.filter((r) => r === 'aggregate:node_heartbeats')).toHaveLength(1);
  });
});
