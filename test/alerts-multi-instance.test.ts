import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureChannels, eventsOf, ingestRequests } from './helpers/alerts.js';
import { startPeer, startTestGateway, type GatewayPeer, type TestGateway } from './helpers/gateway.js';
import { startHttpReceiver, type HttpReceiver } from './helpers/receivers.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { rest } from './helpers/rest.js';
import { subscriptionsOpen, wsClient, wsSubscribe, type LiveSubscription } from './helpers/subscriptions.js';

/**
 * Two gateway instances on one database and one Redis, both evaluating and
 * both delivering: a transition is announced, notified and published once,
 * not once per instance.
 */

const INTERVAL_S = 1;
const ENV = { MESH_ALERT_EVAL_INTERVAL_S: String(INTERVAL_S), MESH_OUTBOUND_ALLOW: 'loopback', MESH_ALERT_RETRY_BASE_MS: '100' };

let redis: TestRedis;
let a: TestGateway;
let b: GatewayPeer;
let webhook: HttpReceiver;
let ws: Client;
let live: LiveSubscription<{ kind: string }>;
let ruleId: string;

beforeAll(async () => {
  redis = await startRedis();
  webhook = await startHttpReceiver('/hooks/mesh');
  a = await startTestGateway({ ...ENV, REDIS_URL: redis.url });
  b = await startPeer(a, { ...ENV, REDIS_URL: redis.url });
  await configureChannels(b, { webhook: { url: webhook.url, secret: 'whsec_0123456789abcdef' } });
  ws = wsClient(b.baseUrl, a.apiKey);
  live = wsSubscribe(ws, 'alertEvents', `subscription { alertEvents { kind } }`);
  await subscriptionsOpen(b.app, 1);
});

afterAll(async () => {
  await live?.close();
  await ws?.dispose();
  await b?.app.stop();
  await a?.close();
  await webhook?.close();
  await redis?.stop();
});

describe('one rule, two gateway instances', () => {
  it('notifies one firing, not one per instance', async () => {
    const created = await rest<{ id: string }>(a, 'POST', '/v1/alerts/rules', {
      body: {
        name: 'Inventory errors',
        condition: { metric: 'error_rate', service: 'inventory-svc', operator: '>', threshold: 0.05, window: '1m' },
        channels: ['webhook'],
      },
    });
    ruleId = created.body.id;
    await ingestRequests(a, a.apiKey, { service: 'inventory-svc', total: 20, errors: 5 });
    await webhook.waitForAccepted(1);
    await delay(3 * INTERVAL_S * 1000);
    expect(webhook.requests.map((r) => JSON.parse(r.body).type)).toEqual(['alert.firing']);
  });

  it('notifies one resolution', async () => {
    await ingestRequests(b, a.apiKey, { service: 'inventory-svc', total: 150, errors: 0 });
    await webhook.waitForAccepted(2);
    await delay(3 * INTERVAL_S * 1000);
    expect(webhook.requests.map((r) => JSON.parse(r.body).type)).toEqual(['alert.firing', 'alert.resolved']);
  });

  it('stores each transition once and publishes it once, whichever instance the subscriber is on', async () => {
    expect((await eventsOf(a, ruleId)).map((e) => [e.kind, e.deliveries.length])).toEqual([
      ['FIRING', 1],
      ['RESOLVED', 1],
    ]);
    expect((await live.waitFor(2)).map((e) => e.kind)).toEqual(['FIRING', 'RESOLVED']);
    await delay(500);
    expect(live.received).toHaveLength(2);
  });
});
