import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsUrl } from '../helpers/subscriptions.js';

/**
 * Finding 4 of issue #16: with MESH_WS_MAX_CONNECTIONS=20, twenty sockets that
 * never sent connection_init made a client with a valid key get 503 (and they
 * reconnected every 10 s). Sockets that have not authenticated now have a
 * small budget of their own, per instance and per remote address, and a short
 * init timeout; they can never take an authenticated slot.
 */
let gw: TestGateway;
const INIT_TIMEOUT_MS = 1_500;

beforeAll(async () => {
  gw = await startTestGateway({
    MESH_WS_MAX_CONNECTIONS: '20',
    MESH_WS_MAX_UNAUTHENTICATED: '40',
    MESH_WS_MAX_UNAUTHENTICATED_PER_ADDRESS: '30',
    MESH_WS_INIT_TIMEOUT_MS: String(INIT_TIMEOUT_MS),
  });
});
afterAll(async () => {
  await gw.close();
});

interface Opened {
  readonly ws: WebSocket | null;
  readonly status: number;
  readonly closed: Promise<number>;
}

/** Opens a graphql-transport-ws socket from `localAddress` (any 127.x.y.z reaches the loopback listener) and sends nothing. */
async function idle(localAddress = '127.0.0.1'): Promise<Opened> {
  const ws = new WebSocket(wsUrl(gw.baseUrl), 'graphql-transport-ws', { localAddress });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const status = await new Promise<number>((resolve) => {
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => resolve(101));
    ws.once('error', () => resolve(0));
  });
  return { ws: status === 101 ? ws : null, status, closed };
}

/** A client with a valid key: connects, authenticates and runs one query; resolves with what happened. */
async function authenticatedQuery(localAddress = '127.0.0.1'): Promise<string> {
  const opened = await idle(localAddress);
  if (opened.ws === null) return `refused ${opened.status}`;
  const ws = opened.ws;
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${gw.apiKey}` } }));
  const messages: { type: string; payload?: unknown }[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
    messages.push(message);
    if (message.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }));
    if (message.type === 'next') ws.close(1000);
  });
  const code = await opened.closed;
  const next = messages.find((m) => m.type === 'next');
  return next === undefined ? `closed ${code}` : JSON.stringify(next.payload);
}

async function closeAll(sockets: readonly Opened[]): Promise<void> {
  for (const s of sockets) s.ws?.terminate();
  await Promise.all(sockets.map((s) => (s.ws === null ? undefined : s.closed)));
}

describe('sockets that never authenticate', () => {
  it('cannot take the authenticated budget: a valid key still connects past MESH_WS_MAX_CONNECTIONS idle sockets', async () => {
    const idlers = await Promise.all(Array.from({ length: 25 }, () => idle()));
    try {
      expect(idlers.every((s) => s.status === 101)).toBe(true);
      expect(await authenticatedQuery()).toBe(JSON.stringify({ data: { __typename: 'Query' } }));
    } finally {
      await closeAll(idlers);
    }
  });

  it('are refused past their own budget per remote address, while other addresses still connect', async () => {
    const idlers = await Promise.all(Array.from({ length: 30 }, () => idle('127.0.0.1')));
    try {
      expect((await idle('127.0.0.1')).status).toBe(503);
      expect(await authenticatedQuery('127.0.0.2')).toBe(JSON.stringify({ data: { __typename: 'Query' } }));
    } finally {
      await closeAll(idlers);
    }
  });

  it('are refused past their budget for the whole instance', async () => {
    const idlers = [
      ...(await Promise.all(Array.from({ length: 20 }, () => idle('127.0.0.3')))),
      ...(await Promise.all(Array.from({ length: 20 }, () => idle('127.0.0.4')))),
    ];
    try {
      expect(idlers.every((s) => s.status === 101)).toBe(true);
      expect((await idle('127.0.0.5')).status).toBe(503);
    } finally {
      await closeAll(idlers);
    }
    // Their slots are free again once they are gone.
    expect(await authenticatedQuery('127.0.0.5')).toBe(JSON.stringify({ data: { __typename: 'Query' } }));
  });

  it('are closed 4408 after MESH_WS_INIT_TIMEOUT_MS', async () => {
    const socket = await idle();
    const started = Date.now();
    expect(await socket.closed).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(INIT_TIMEOUT_MS - 200);
  });

  it('defaults to a small budget and a short init timeout', () => {
    const { wsLimits } = loadConfig({});
    expect(wsLimits).toMatchObject({ initTimeoutMs: 3_000, maxUnauthenticated: 256, maxUnauthenticatedPerAddress: 16 });
    expect(wsLimits.maxUnauthenticated).toBeLessThan(wsLimits.maxConnections);
  });
});
