import { once } from 'node:events';
import type { ClientRequestArgs } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { subscriptionsOpen, wsUrl } from '../helpers/subscriptions.js';

/**
 * graphql-transport-ws protocol discipline, checked with a raw `ws` client
 * that can break the protocol on purpose: each violation is answered with the
 * close code the protocol assigns, and the per-socket bounds hold.
 */
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    MESH_WS_INIT_TIMEOUT_MS: '300',
    MESH_WS_MAX_OPERATIONS: '2',
    MESH_WS_MAX_CONNECTIONS: '5',
    MESH_WS_MAX_BUFFERED_BYTES: String(64 * 1024),
  });
});
afterAll(async () => {
  await gw.close();
});

const SUBSCRIBE = { query: 'subscription { traceIngested { traceId services } }' };

interface RawClient {
  readonly ws: WebSocket;
  /** The underlying TCP socket, to stop reading like a stuck consumer. */
  readonly tcp: Socket;
  readonly messages: { type: string; id?: string; payload?: unknown }[];
  readonly closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  waitFor(type: string, timeoutMs?: number): Promise<{ type: string; id?: string; payload?: unknown }>;
}

async function rawClient(protocols: string[] = ['graphql-transport-ws']): Promise<RawClient> {
  let tcp: Socket | undefined;
  const ws = new WebSocket(wsUrl(gw.baseUrl), protocols, {
    createConnection: (options: ClientRequestArgs) =>
      (tcp = connect({ port: Number(options.port), host: options.hostname ?? options.host ?? '127.0.0.1' })),
  });
  const messages: RawClient['messages'] = [];
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as RawClient['messages'][number]));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await once(ws, 'open');
  return {
    ws,
    tcp: tcp!,
    messages,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async waitFor(type, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.type === type);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no ${type} message; got ${JSON.stringify(messages)}`);
        await delay(10);
      }
    },
  };
}

async function acknowledged(): Promise<RawClient> {
  const client = await rawClient();
  client.send({ type: 'connection_init', payload: { authorization: `Bearer ${gw.apiKey}` } });
  await client.waitFor('connection_ack');
  return client;
}

describe('graphql-ws protocol violations', () => {
  it('closes 4408 when connection_init does not arrive within MESH_WS_INIT_TIMEOUT_MS', async () => {
    const client = await rawClient();
    expect((await client.closed).code).toBe(4408);
  });

  it('closes 4429 on a second connection_init', async () => {
    const client = await acknowledged();
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${gw.apiKey}` } });
    expect((await client.closed).code).toBe(4429);
  });

  it('closes 4401 on subscribe before the connection is acknowledged', async () => {
    const client = await rawClient();
    client.send({ id: '1', type: 'subscribe', payload: SUBSCRIBE });
    expect((await client.closed).code).toBe(4401);
  });

  it('closes 4409 when an operation id is reused while that operation runs', async () => {
    const client = await acknowledged();
    client.send({ id: 'same', type: 'subscribe', payload: SUBSCRIBE });
    await subscriptionsOpen(gw.app, 1);
    client.send({ id: 'same', type: 'subscribe', payload: SUBSCRIBE });
    expect((await client.closed).code).toBe(4409);
  });

  it('closes 4400 on a message that is not JSON or not a protocol message', async () => {
    for (const invalid of ['not json', JSON.stringify({ type: 'bogus' }), JSON.stringify({ type: 'subscribe', id: 1 })]) {
      const client = await acknowledged();
      client.send(invalid);
      expect((await client.closed).code, invalid).toBe(4400);
    }
  });

  it('closes 4403 when connection_init carries no valid key, and 4406 without the graphql-transport-ws subprotocol', async () => {
    const stranger = await rawClient();
    stranger.send({ type: 'connection_init', payload: { authorization: 'Bearer mtk_live_not_a_key_at_all_000000' } });
    expect((await stranger.closed).code).toBe(4403);
    const other = await rawClient([]);
    expect((await other.closed).code).toBe(4406);
  });
});

describe('graphql-ws per-connection bounds', () => {
  it('answers an operation past MESH_WS_MAX_OPERATIONS with an error naming operations, and keeps the others running', async () => {
    const client = await acknowledged();
    client.send({ id: 'a', type: 'subscribe', payload: SUBSCRIBE });
    client.send({ id: 'b', type: 'subscribe', payload: SUBSCRIBE });
    await subscriptionsOpen(gw.app, 2);
    client.send({ id: 'c', type: 'subscribe', payload: SUBSCRIBE });
    const error = await client.waitFor('error');
    expect(error.id).toBe('c');
    expect(error.payload).toMatchObject([{ extensions: { code: 'invalid_parameter', param: 'operations' } }]);
    expect(gw.app.services.pubsub.stats().subscriptions).toBe(2);
    // Completing one frees its slot.
    client.send({ id: 'a', type: 'complete' });
    await subscriptionsOpen(gw.app, 1);
    client.send({ id: 'd', type: 'subscribe', payload: SUBSCRIBE });
    await subscriptionsOpen(gw.app, 2);
    client.ws.close(1000);
    await client.closed;
    await subscriptionsOpen(gw.app, 0);
  });

  it('refuses the upgrade with 503 past MESH_WS_MAX_CONNECTIONS', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => acknowledged()));
    const refused = new WebSocket(wsUrl(gw.baseUrl), 'graphql-transport-ws');
    const status = await new Promise<number>((resolve) => {
      refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.once('open', () => resolve(101));
    });
    expect(status).toBe(503);
    for (const client of clients) client.ws.close(1000);
    await Promise.all(clients.map((c) => c.closed));
  });

  it('closes a subscriber that stops reading once its send buffer passes MESH_WS_MAX_BUFFERED_BYTES', async () => {
    const client = await acknowledged();
    client.send({ id: 'tail', type: 'subscribe', payload: SUBSCRIBE });
    await subscriptionsOpen(gw.app, 1);
    client.tcp.pause();
    // Live-tail rows of ~100 KB each (many service names), far more than the socket and kernel buffers take.
    const services = Array.from({ length: 2_000 }, (_, i) => `service-${i}-${'x'.repeat(40)}`);
    const row = {
      traceId: 'a'.repeat(32),
      services,
      spanCount: 1,
      errorCount: 0,
      rootServiceName: null,
      rootOperation: null,
      startTimeMs: 0,
      endTimeMs: 1,
      ingestedAtMs: 1,
    };
    for (let i = 0; i < 200 && gw.app.services.pubsub.stats().subscriptions > 0; i++) {
      gw.app.services.pubsub.publish('trace:ingested', 'default:live', { traces: [row] });
      await delay(20);
    }
    client.tcp.resume();
    const { code } = await client.closed;
    // 1013 when the close frame got through, 1006 when the socket had to be cut after the grace period.
    expect([1013, 1006]).toContain(code);
    const metrics = await (await fetch(`${gw.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/mesh_ws_refused_total\{reason="slow_consumer"\} [1-9]/);
  });

  it('closes open sockets with 1001 Going Away when the gateway stops', async () => {
    const other = await startTestGateway();
    const client = await (async () => {
      const ws = new WebSocket(wsUrl(other.baseUrl), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await once(ws, 'open');
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${other.apiKey}` } }));
      await once(ws, 'message');
      return { closed };
    })();
    await other.close();
    expect(await client.closed).toBe(1001);
  });
});
