import { createClient } from 'graphql-sse';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { EXAMPLE_HEARTBEAT, REPORT_HEARTBEAT } from '../helpers/nodes.js';
import { subscriptionsOpen } from '../helpers/subscriptions.js';

/**
 * Finding 3 of issue #16: the graphql-ws socket of a revoked key was closed
 * (4403), but an SSE subscription with the same key kept receiving
 * heartbeats. SSE subscriptions now end within MESH_WS_AUTH_RECHECK_S of a
 * revocation, with a `forbidden` error as their last event.
 */
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ MESH_WS_AUTH_RECHECK_S: '1' });
});
afterAll(async () => {
  await gw.close();
});

interface SseStream {
  readonly events: { event: string; data: string }[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  abort(): void;
}

async function sse(key: string, query: string): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(`${gw.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  const events: SseStream['events'] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = res.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event =
            lines
              .find((l) => l.startsWith('event:'))
              ?.slice(6)
              .trim() ?? '';
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event !== '') events.push({ event, data });
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  })();
  return { events, ended, abort: () => abort.abort() };
}

const heartbeat = (nodeId: string) => gw.graphql(REPORT_HEARTBEAT, { nodeId, input: EXAMPLE_HEARTBEAT });
const nextEvents = (stream: SseStream) => stream.events.filter((e) => e.event === 'next');

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await delay(20);
  }
  return true;
}

describe('SSE subscriptions and key revocation', () => {
  it('ends an SSE subscription within MESH_WS_AUTH_RECHECK_S of its key being revoked, with a forbidden error', async () => {
    const { key, record } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] });
    const stream = await sse(key, 'subscription { nodeHeartbeat { nodeId } }');
    let ended = false;
    void stream.ended.then(() => (ended = true));
    try {
      await subscriptionsOpen(gw.app, 1);
      await heartbeat('node-before');
      expect(await until(() => nextEvents(stream).length === 1, 5_000)).toBe(true);

      const revoked = await gw.graphql('mutation ($id: String!) { revokeApiKey(id: $id) { id } }', { id: record.id });
      expect(revoked.body.errors).toBeUndefined();
      const revokedAt = Date.now();
      // One recheck interval (1 s), with room for a loaded machine.
      expect(await until(() => ended, 5_000)).toBe(true);
      expect(Date.now() - revokedAt).toBeLessThan(5_000);
      const last = nextEvents(stream).at(-1)!;
      expect(JSON.parse(last.data)).toMatchObject({ errors: [{ extensions: { code: 'forbidden' } }] });
      expect(stream.events.at(-1)?.event).toBe('complete');

      await heartbeat('node-after');
      await delay(300);
      expect(nextEvents(stream).some((e) => e.data.includes('node-after'))).toBe(false);
      await subscriptionsOpen(gw.app, 0);
    } finally {
      stream.abort();
    }
  });

  it('ends a subscription of graphql-sse single connection mode the same way', async () => {
    const { key, record } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] });
    const client = createClient({
      url: `${gw.baseUrl}/graphql`,
      singleConnection: true,
      headers: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
    });
    const results: unknown[] = [];
    let ended = false;
    const dispose = client.subscribe(
      { query: 'subscription { nodeHeartbeat { nodeId } }' },
      { next: (result) => results.push(result), error: () => (ended = true), complete: () => (ended = true) },
    );
    try {
      await subscriptionsOpen(gw.app, 1);
      const revoked = await gw.graphql('mutation ($id: String!) { revokeApiKey(id: $id) { id } }', { id: record.id });
      expect(revoked.body.errors).toBeUndefined();
      expect(await until(() => ended, 5_000)).toBe(true);
      expect(results.at(-1)).toMatchObject({ errors: [{ extensions: { code: 'forbidden' } }] });
      await subscriptionsOpen(gw.app, 0);
    } finally {
      dispose();
      client.dispose();
    }
  });

  it("ends an SSE subscription once its organization's IP allow-list no longer admits its address", async () => {
    const auth = gw.app.services.auth;
    const { key } = await auth.createKey({ org: 'fenced', env: 'live', permissions: ['read'] });
    const admin = (await auth.createKey({ org: 'fenced', env: 'live', permissions: ['admin'] })).key;
    const stream = await sse(key, 'subscription { nodeHeartbeat { nodeId } }');
    let ended = false;
    void stream.ended.then(() => (ended = true));
    try {
      await subscriptionsOpen(gw.app, 1);
      const fenced = await gw.graphql(
        'mutation ($cidrs: [String!]!) { setIpAllowList(cidrs: $cidrs, force: true) { ipAllowList } }',
        { cidrs: ['10.0.0.0/8'] },
        admin,
      );
      expect(fenced.body.errors).toBeUndefined();
      expect(await until(() => ended, 5_000)).toBe(true);
      const last = JSON.parse(nextEvents(stream).at(-1)!.data) as { errors: { message: string; extensions: { code: string } }[] };
      expect(last.errors[0]).toMatchObject({ extensions: { code: 'forbidden' } });
      expect(last.errors[0]!.message).toMatch(/IP allow-list/);
      await subscriptionsOpen(gw.app, 0);
    } finally {
      stream.abort();
    }
  });

  it('keeps the SSE subscriptions of keys that stay valid', async () => {
    const stream = await sse(gw.apiKey, 'subscription { nodeHeartbeat { nodeId } }');
    try {
      await subscriptionsOpen(gw.app, 1);
      await delay(2_500);
      await heartbeat('node-kept');
      expect(await until(() => nextEvents(stream).some((e) => e.data.includes('node-kept')), 5_000)).toBe(true);
    } finally {
      stream.abort();
      await subscriptionsOpen(gw.app, 0);
    }
  });
});
