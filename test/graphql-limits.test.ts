import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { wsClient } from './helpers/subscriptions.js';

/**
 * Every GraphQL limit refuses an abusive operation with an error naming the
 * limit (`extensions.param`), and refuses it before it runs: no resolver
 * reaches the trace service (observed through spies on the real service).
 */
let gw: TestGateway;
let production: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
  production = await startTestGateway({ NODE_ENV: 'production' });
});
afterAll(async () => {
  await gw.close();
  await production.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** Spies (pass-through) on every read the trace service offers, to show nothing ran. */
function watchTraceReads() {
  const traces = gw.app.services.traces;
  return [
    vi.spyOn(traces, 'listTraces'),
    vi.spyOn(traces, 'loadTraces'),
    vi.spyOn(traces, 'loadSpansOfTraces'),
    vi.spyOn(traces, 'loadSpans'),
  ];
}

function post(target: TestGateway, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${target.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ErrorResult {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; param?: string } }[];
}

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/** Nested `rootSpan { trace { … } }` pairs under `trace`: each pair adds two levels. */
function deep(pairs: number): string {
  return `{ trace(traceId: "${TRACE_ID}") { ${'rootSpan { trace { '.repeat(pairs)}traceId${' } }'.repeat(pairs)} } }`;
}

const ABUSIVE: readonly { limit: string; query: string; before: 'validation' | 'resolvers' }[] = [
  { limit: 'depth', query: deep(8), before: 'resolvers' },
  {
    limit: 'complexity',
    query: `{ traces(first: 500) { edges { node { spans { attributes { key } events { name } links { spanId } } } } } }`,
    before: 'resolvers',
  },
  { limit: 'aliases', query: `{ ${repeat(31, (i) => `t${i}: trace(traceId: "${TRACE_ID}") { traceId }`)} }`, before: 'validation' },
  {
    limit: 'directives',
    query: `{ trace(traceId: "${TRACE_ID}") { ${repeat(51, () => '...T @include(if: true)')} } } fragment T on Trace { traceId }`,
    before: 'validation',
  },
  { limit: 'tokens', query: `{ trace(traceId: "${TRACE_ID}") { ${repeat(5000, () => 'traceId')} } }`, before: 'validation' },
];

describe('GraphQL operation limits', () => {
  for (const { limit, query, before } of ABUSIVE) {
    it(`rejects an operation over the ${limit} limit with invalid_parameter on ${limit}, before ${before}`, async () => {
      const spies = watchTraceReads();
      const body = (await (await post(gw, { query })).json()) as ErrorResult;
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: limit });
      expect(body.errors?.[0]?.message).toMatch(/limit/);
      // Refused in validation: no `data` at all; refused by the complexity check wrapping each root resolver: null root fields.
      if (before === 'validation') expect(body).not.toHaveProperty('data');
      else expect(Object.values((body.data ?? {}) as Record<string, unknown>).every((v) => v === null)).toBe(true);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    });
  }

  it('accepts an ordinary operation with a few aliases, directives and fragments', async () => {
    const query = `{ a: trace(traceId: "${TRACE_ID}") { ...T } b: trace(traceId: "${TRACE_ID}") { traceId @include(if: true) } } fragment T on Trace { traceId }`;
    const body = (await (await post(gw, { query })).json()) as ErrorResult;
    expect(body).toEqual({ data: { a: null, b: null } });
  });

  it('applies the same limits to operations over graphql-ws', async () => {
    const client = wsClient(gw.baseUrl, gw.apiKey);
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: ABUSIVE.find((a) => a.limit === 'aliases')!.query },
          { next: () => undefined, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(errors).toMatchObject([{ extensions: { code: 'invalid_parameter', param: 'aliases' } }]);
    } finally {
      await client.dispose();
    }
  });
});

describe('batched requests', () => {
  const op = { query: '{ __typename }' };

  it('runs a batch of up to 10 operations', async () => {
    const res = await post(gw, Array(10).fill(op));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(Array(10).fill({ data: { __typename: 'Query' } }));
  });

  it('rejects a batch of 11 with invalid_parameter on batch, running none of it', async () => {
    const spies = watchTraceReads();
    const res = await post(gw, Array(11).fill({ query: `{ trace(traceId: "${TRACE_ID}") { traceId } }` }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorResult;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'batch' });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('request body size', () => {
  const oversized = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024) } });

  it('rejects a body over 1 MiB by its Content-Length with 413 payload_too_large on body', async () => {
    const res = await post(gw, oversized);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorResult).errors?.[0]?.extensions).toMatchObject({ code: 'payload_too_large', param: 'body' });
  });

  it('rejects a chunked body (no Content-Length) once it passes 1 MiB', async () => {
    const bytes = new TextEncoder().encode(oversized);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorResult).errors?.[0]?.extensions).toMatchObject({ code: 'payload_too_large', param: 'body' });
  });
});

describe('introspection and GraphiQL', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('answers introspection outside production', async () => {
    expect(await (await post(gw, { query: INTROSPECT })).json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses introspection in production by default, naming the setting, but still answers __typename', async () => {
    const body = (await (await post(production, { query: INTROSPECT })).json()) as ErrorResult;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'introspection' });
    expect(body.errors?.[0]?.message).toContain('MESH_GRAPHQL_INTROSPECTION');
    expect(await (await post(production, { query: '{ __typename }' })).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves GraphiQL outside production and not in production', async () => {
    const page = (target: TestGateway) => fetch(`${target.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const dev = await page(gw);
    expect(dev.status).toBe(200);
    expect(await dev.text()).toContain('GraphiQL');
    expect((await page(production)).status).toBe(401);
  });

  it('turns both on in production with MESH_GRAPHQL_INTROSPECTION=true and MESH_GRAPHIQL=true', async () => {
    const open = await startTestGateway({ NODE_ENV: 'production', MESH_GRAPHQL_INTROSPECTION: 'true', MESH_GRAPHIQL: 'true' });
    try {
      expect(await (await post(open, { query: INTROSPECT })).json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect((await fetch(`${open.baseUrl}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
