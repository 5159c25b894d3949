import { createClient, type Client, type ExecutionResult } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { subscriptionsOpen } from './helpers/subscriptions.js';

/**
 * The GraphQL over SSE protocol with its reference client (graphql-sse), in
 * both of its modes, against a real gateway: distinct connections (one event
 * stream per operation, yoga's own SSE) and single connection (PUT /graphql
 * reserves a stream; operations are POSTed with its token and their results
 * arrive on it). Each protocol request is an ordinary /graphql request: keyed,
 * charged, and run with the same context as every other transport.
 */

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

interface Seen {
  readonly method: string;
  readonly status: number;
  readonly remaining: string | null;
}

/** The reference client, with a fetch that records every protocol request it makes. */
function client(singleConnection: boolean, key: string | null, seen: Seen[] = []): Client<boolean> {
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(input, init);
    seen.push({ method: init?.method ?? 'GET', status: res.status, remaining: res.headers.get('x-ratelimit-remaining') });
    return res;
  };
  return createClient({
    url: `${gw.baseUrl}/graphql`,
    singleConnection,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    fetchFn,
  });
}

/** Runs one operation to completion: every result, or the error the client reports. */
function run<T>(
  sse: Client<boolean>,
  query: string,
  variables: Record<string, unknown> = {},
  count = 1,
): Promise<ExecutionResult<T, unknown>[]> {
  return new Promise((resolve, reject) => {
    const results: ExecutionResult<T, unknown>[] = [];
    const dispose = sse.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          results.push(result);
          if (results.length === count) {
            dispose();
            resolve(results);
          }
        },
        error: (error: unknown) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(results),
      },
    );
  });
}

const TAIL = `subscription($service: String) { traceIngested(filter: { service: $service }) { traceId services spanCount } }`;
const TRACE = `query($id: String!) { trace(traceId: $id) { traceId spanCount } }`;

async function ingest(service: string): Promise<string> {
  const traceId = hex(16);
  const res = await postOtlpJson(gw.baseUrl, gw.apiKey, [{ traceId, service, startMs: Date.now(), durationMs: 3 }]);
  expect(res.status).toBe(200);
  return traceId;
}

async function newKey(permissions: ('read' | 'write' | 'admin')[], options: { org?: string; rateLimit?: number } = {}) {
  const created = await gw.app.services.auth.createKey({
    org: options.org ?? 'default',
    env: 'live',
    permissions,
    rateLimit: options.rateLimit ?? null,
  });
  return created.key;
}

describe.each([
  ['distinct connections mode', false],
  ['single connection mode', true],
] as const)('graphql-sse client, %s', (_mode, singleConnection) => {
  it('runs a query', async () => {
    const traceId = await ingest(`sse-query-${String(singleConnection)}`);
    const sse = client(singleConnection, gw.apiKey);
    try {
      expect(await run(sse, TRACE, { id: traceId })).toEqual([{ data: { trace: { traceId, spanCount: 1 } } }]);
    } finally {
      sse.dispose();
    }
  });

  it('delivers subscription events as they happen', async () => {
    const service = `sse-tail-${String(singleConnection)}`;
    const sse = client(singleConnection, gw.apiKey);
    try {
      const open = gw.app.services.pubsub.stats().subscriptions;
      const events = run<{ traceIngested: { traceId: string } }>(sse, TAIL, { service }, 2);
      await subscriptionsOpen(gw.app, open + 1);
      const ids = [await ingest(service), await ingest(service)];
      expect((await events).map((e) => e.data?.traceIngested.traceId)).toEqual(ids);
    } finally {
      sse.dispose();
    }
  });

  it('refuses a client without a key', async () => {
    const seen: Seen[] = [];
    const sse = client(singleConnection, null, seen);
    try {
      await expect(run(sse, TRACE, { id: hex(16) })).rejects.toThrow();
      expect(seen.map((s) => s.status)).toEqual([401]);
    } finally {
      sse.dispose();
    }
  });

  it('applies the permissions of the key: a write-only key cannot read', async () => {
    const sse = client(singleConnection, await newKey(['write']));
    try {
      const [result] = await run(sse, TRACE, { id: hex(16) });
      expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'forbidden' });
    } finally {
      sse.dispose();
    }
  });

  it("shows only the key's own organization", async () => {
    const traceId = await ingest(`sse-tenant-${String(singleConnection)}`);
    const sse = client(singleConnection, await newKey(['read'], { org: `sse-other-${String(singleConnection)}` }));
    try {
      expect(await run(sse, TRACE, { id: traceId })).toEqual([{ data: { trace: null } }]);
    } finally {
      sse.dispose();
    }
  });

  it("charges every protocol request to the key's per-minute budget", async () => {
    const seen: Seen[] = [];
    const sse = client(singleConnection, await newKey(['read'], { rateLimit: 3 }), seen);
    try {
      // Distinct: one request per operation. Single: the reservation, the stream and each operation.
      let refused: unknown = null;
      for (let i = 0; i < 4 && refused === null; i++)
        refused = await run(sse, TRACE, { id: hex(16) }).then(
          () => null,
          (e: unknown) => e,
        );
      expect(refused).not.toBeNull();
      expect(seen.map((s) => [s.method, s.status, s.remaining])).toEqual(
        singleConnection
          ? [
              ['PUT', 201, '2'],
              ['GET', 200, '1'],
              ['POST', 202, '0'],
              ['PUT', 429, '0'],
            ]
          : [
              ['POST', 200, '2'],
              ['POST', 200, '1'],
              ['POST', 200, '0'],
              ['POST', 429, '0'],
            ],
      );
    } finally {
      sse.dispose();
    }
  });
});

describe('single connection mode on /graphql', () => {
  const headers = (key: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, ...extra });

  it('answers PUT /graphql with 201 and a stream token', async () => {
    const res = await fetch(`${gw.baseUrl}/graphql`, { method: 'PUT', headers: headers(gw.apiKey) });
    expect(res.status).toBe(201);
    expect(await res.text()).toMatch(/^key_[0-9a-f]{16}\.[0-9a-f-]{36}$/);
  });

  it("binds a stream to the key that reserved it: another key's requests with its token find no stream", async () => {
    const token = await (await fetch(`${gw.baseUrl}/graphql`, { method: 'PUT', headers: headers(gw.apiKey) })).text();
    const stranger = await newKey(['read']);
    const stream = await fetch(`${gw.baseUrl}/graphql?token=${encodeURIComponent(token)}`, {
      headers: headers(stranger, { accept: 'text/event-stream' }),
    });
    expect(stream.status).toBe(404);
    const operation = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: headers(stranger, { 'content-type': 'application/json', 'x-graphql-event-stream-token': token }),
      body: JSON.stringify({ query: '{ __typename }', extensions: { operationId: '1' } }),
    });
    expect(operation.status).toBe(404);
  });

  it('reads an operation body only with a declared length, which the GraphQL body limit bounds', async () => {
    const token = await (await fetch(`${gw.baseUrl}/graphql`, { method: 'PUT', headers: headers(gw.apiKey) })).text();
    const operation = JSON.stringify({ query: '{ __typename }', extensions: { operationId: 'chunked' } });
    const chunked = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: headers(gw.apiKey, { 'content-type': 'application/json', 'x-graphql-event-stream-token': token }),
      body: new Blob([operation]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    const tooLarge = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: headers(gw.apiKey, { 'content-type': 'application/json', 'x-graphql-event-stream-token': token }),
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(2 * 1024 * 1024)}`, extensions: { operationId: 'big' } }),
    });
    expect(tooLarge.status).toBe(413);
  });

  it('keeps ordinary GraphQL requests and their errors on /graphql as they were', async () => {
    const { status, body } = await gw.graphql(TRACE, { id: 'not-a-trace-id' });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter' });
    const patch = await fetch(`${gw.baseUrl}/graphql`, { method: 'PATCH', headers: headers(gw.apiKey) });
    expect(patch.status).toBe(405);
  });

  it('ends open streams when the gateway shuts down, without waiting out the grace period', async () => {
    const other = await startTestGateway({ MESH_SHUTDOWN_GRACE_MS: '600000' });
    const token = await (await fetch(`${other.baseUrl}/graphql`, { method: 'PUT', headers: headers(other.apiKey) })).text();
    const stream = await fetch(`${other.baseUrl}/graphql`, {
      headers: headers(other.apiKey, { accept: 'text/event-stream', 'x-graphql-event-stream-token': token }),
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const subscribed = await fetch(`${other.baseUrl}/graphql`, {
      method: 'POST',
      headers: headers(other.apiKey, { 'content-type': 'application/json', 'x-graphql-event-stream-token': token }),
      body: JSON.stringify({ query: TAIL, extensions: { operationId: 'tail' } }),
    });
    expect(subscribed.status).toBe(202);
    await subscriptionsOpen(other.app, 1);
    // Closes within the test timeout only if the open stream is ended rather than waited for (grace: 10 minutes),
    // as WebSockets are closed with 1001: the client sees its stream end.
    await other.close();
    let chunk = await reader.read();
    while (!chunk.done) chunk = await reader.read();
    expect(chunk.done).toBe(true);
  });
});
