import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, type GraphQLBody, type TestGateway } from '../helpers/gateway.js';
import { encodeOtlpProtobuf, minimalSpan, requestOf } from '../helpers/otlp-encode.js';
import { hex } from '../helpers/otlp.js';
import { rest, type ErrorBody } from '../helpers/rest.js';
import { wsClient } from '../helpers/subscriptions.js';

/**
 * Finding 2 of issue #16: ten aliases of `trace(traceId) { spans { … } }` over
 * a 20,000-span trace returned 71 MB in 11 s; the cost model assumed 20 spans
 * per trace and `Trace.spans` returned every span. Now `Trace.spans` is paged
 * (`first`, default 1,000, and `after`), every spans list is charged its
 * real size (the trace's stored span count) against a budget of 10,000 spans
 * per request before anything is loaded, and a
 * result over MESH_GRAPHQL_MAX_RESPONSE_BYTES is answered with a coded error.
 */
/** The documented default page of Trace.spans, and the spans one request may load (docs/auth-and-limits.md). */
const DEFAULT_TRACE_SPANS = 1_000;
const MAX_SPANS_PER_REQUEST = 10_000;
const BIG_SPANS = 1_500;
/** Spans per distinct start time: page boundaries fall inside runs of equal starts. */
const PER_START = 7;
const RESPONSE_CAP = 64 * 1024;

let gw: TestGateway;
let capped: TestGateway;
const bigTrace = hex(16);
const hugeTrace = hex(16);
/** Stored with more spans than half the budget: the console's page of it (spans and critical path) must still fit. */
const consoleTrace = hex(16);

async function ingestTrace(target: TestGateway, traceId: string, count: number): Promise<void> {
  const start = BigInt(Date.now() - 60_000) * 1_000_000n;
  const spans = Array.from({ length: count }, (_, i) =>
    minimalSpan({
      traceId,
      spanId: hex(8),
      name: `op-${i}`,
      startTimeUnixNano: start + BigInt(Math.floor(i / PER_START)) * 1_000n,
      endTimeUnixNano: start + 5_000_000n,
      attributes: [{ key: 'payload', value: { type: 'string', value: 'x'.repeat(40) } }],
    }),
  );
  for (let at = 0; at < spans.length; at += 500) {
    const res = await fetch(`${target.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/x-protobuf' },
      body: Buffer.from(encodeOtlpProtobuf(requestOf('big-svc', spans.slice(at, at + 500)))),
    });
    expect(res.status).toBe(200);
  }
}

beforeAll(async () => {
  gw = await startTestGateway();
  capped = await startTestGateway({ MESH_GRAPHQL_MAX_RESPONSE_BYTES: String(RESPONSE_CAP) });
  await Promise.all([
    ingestTrace(gw, bigTrace, BIG_SPANS),
    ingestTrace(gw, hugeTrace, 600),
    ingestTrace(gw, consoleTrace, 600),
    ingestTrace(capped, bigTrace, 600),
  ]);
  // A trace whose summary records more spans than one request may load (as 20,000 would): its stored count is what is charged.
  await gw.store.db.collection('traces').updateOne({ traceId: hugeTrace }, { $set: { spanCount: 20_000 } });
  await gw.store.db.collection('traces').updateOne({ traceId: consoleTrace }, { $set: { spanCount: 6_000 } });
}, 120_000);
afterAll(async () => {
  await gw.close();
  await capped.close();
});

interface SpanIds {
  readonly spanId: string;
  readonly startTimeUnixNano: string;
}

describe('Trace.spans is paged', () => {
  it(`returns ${DEFAULT_TRACE_SPANS} spans by default, and every span exactly once across pages, in start order`, async () => {
    const pages: SpanIds[][] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: GraphQLBody<{ trace: { spanCount: number; spans: SpanIds[] } }> } = await gw.graphql(
        'query ($id: String!, $after: String) { trace(traceId: $id) { spanCount spans(after: $after) { spanId startTimeUnixNano } } }',
        { id: bigTrace, after },
      );
      expect(body.errors).toBeUndefined();
      const page: SpanIds[] = body.data!.trace.spans;
      if (page.length === 0) break;
      pages.push(page);
      after = page.at(-1)!.spanId;
    }
    expect(pages.map((p) => p.length)).toEqual([DEFAULT_TRACE_SPANS, BIG_SPANS - DEFAULT_TRACE_SPANS]);
    const all = pages.flat();
    expect(new Set(all.map((s) => s.spanId)).size).toBe(BIG_SPANS);
    const key = (s: SpanIds) => `${s.startTimeUnixNano.padStart(20, '0')}:${s.spanId}`;
    expect(all.map(key)).toEqual([...all.map(key)].sort());
  });

  it('refuses a first outside 1–10000 and an after that is not a span of the trace', async () => {
    for (const [args, param] of [
      ['first: 0', 'first'],
      ['first: 10001', 'first'],
      ['after: "zz"', 'after'],
      [`after: "${hex(8)}"`, 'after'],
    ] as const) {
      const { body } = await gw.graphql(`{ trace(traceId: "${bigTrace}") { spans(${args}) { spanId } } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param });
    }
  });
});

describe('lists are charged their real size', () => {
  afterAll(() => vi.restoreAllMocks());

  it('caps ten aliases of a big trace at the default page each', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `t${i}: trace(traceId: "${bigTrace}") { spans { spanId attributes { key } } }`);
    const { body } = await gw.graphql<Record<string, { spans: unknown[] }>>(`{ ${aliases.join(' ')} }`);
    expect(body.errors).toBeUndefined();
    const lengths = Object.values(body.data!).map((t) => t.spans.length);
    expect(lengths).toEqual(Array.from({ length: 10 }, () => DEFAULT_TRACE_SPANS));
  });

  it(`refuses, before loading them, the spans past ${MAX_SPANS_PER_REQUEST} in one request`, async () => {
    const loads = vi.spyOn(gw.app.services.traces, 'loadSpanPage');
    const aliases = Array.from({ length: 11 }, (_, i) => `t${i}: trace(traceId: "${bigTrace}") { spans { spanId } }`);
    const { body } = await gw.graphql<Record<string, { spans: unknown[] } | null>>(`{ ${aliases.join(' ')} }`);
    const refused = body.errors?.filter((e) => e.extensions?.param === 'spans') ?? [];
    expect(refused.length).toBe(1);
    expect(refused[0]!.extensions).toMatchObject({ code: 'invalid_parameter', param: 'spans' });
    expect(refused[0]!.message).toMatch(/at most 10000 spans are loaded per request/);
    const served = Object.values(body.data ?? {}).filter((t) => t !== null && t.spans !== null);
    expect(served.reduce((n, t) => n + (t?.spans.length ?? 0), 0)).toBeLessThanOrEqual(MAX_SPANS_PER_REQUEST);
    // Ten pages of one trace are one load (the loader's cache); the refused eleventh loads nothing.
    expect(loads.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('charges a trace its stored span count, not a fixed 20', async () => {
    const { body } = await gw.graphql(
      `{ a: trace(traceId: "${hugeTrace}") { spans(first: 10000) { spanId } } b: trace(traceId: "${bigTrace}") { spans(first: 1) { spanId } } }`,
    );
    expect(body.errors?.map((e) => e.extensions?.param)).toEqual(['spans']);
  });

  it('charges a whole trace read by its spans and its critical path once: one load serves both', async () => {
    const loads = vi.spyOn(gw.app.services.traces, 'loadSpansOfTraces');
    const before = loads.mock.calls.length;
    const { body } = await gw.graphql<{ trace: { spans: unknown[]; criticalPath: unknown[] } }>(
      `{ trace(traceId: "${consoleTrace}") { spans(first: 10000) { spanId } criticalPath { spanId } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.trace.spans).toHaveLength(600);
    expect(body.data!.trace.criticalPath.length).toBeGreaterThan(0);
    expect(loads.mock.calls.length - before).toBe(1);
  });

  it('charges every further listing of the same whole trace again: each adds its spans to the answer', async () => {
    const { body } = await gw.graphql(
      `{ a: trace(traceId: "${consoleTrace}") { spans(first: 10000) { spanId } } b: trace(traceId: "${consoleTrace}") { spans(first: 10000) { spanId } } }`,
    );
    expect(body.errors?.map((e) => e.extensions?.param)).toEqual(['spans']);
  });

  it('answers a REST trace that cannot be returned whole with 413, never a truncated list', async () => {
    const whole = await rest<{ span_count: number; spans: unknown[] }>(gw, 'GET', `/v1/traces/${bigTrace}`);
    expect(whole.status).toBe(200);
    expect(whole.body.spans).toHaveLength(BIG_SPANS);
    for (const path of [`/v1/traces/${hugeTrace}`, `/api/v0/traces/${hugeTrace}`]) {
      const res = await rest<ErrorBody>(gw, 'GET', path);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
      expect(res.body.error.message).toMatch(/has 20000 spans; this route answers traces of at most 10000 spans whole/);
    }
  });
});

describe(`MESH_GRAPHQL_MAX_RESPONSE_BYTES (${RESPONSE_CAP} here)`, () => {
  const QUERY = `{ trace(traceId: "${bigTrace}") { spans { spanId name attributes { key value { ... on StringValue { stringValue } } } } } }`;

  it('answers a larger result over HTTP with 413 payload_too_large on response, not the body', async () => {
    const res = await fetch(`${capped.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${capped.apiKey}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const text = await res.text();
    expect(res.status).toBe(413);
    expect(text.length).toBeLessThan(1_000);
    expect(JSON.parse(text)).toMatchObject({
      errors: [
        { extensions: { code: 'payload_too_large', param: 'response' }, message: expect.stringMatching(/MESH_GRAPHQL_MAX_RESPONSE_BYTES/) },
      ],
    });
  });

  it('answers a REST route the same way, in the envelope', async () => {
    const res = await rest<ErrorBody>(capped, 'GET', `/v1/traces/${bigTrace}`);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', param: 'response' });
  });

  it('answers a graphql-ws operation with the error, and the socket stays', async () => {
    const client = wsClient(capped.baseUrl, capped.apiKey);
    try {
      const result = await new Promise<{ readonly errors?: readonly { extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        client.subscribe({ query: QUERY }, { next: resolve, error: reject, complete: () => undefined });
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'payload_too_large', param: 'response' });
    } finally {
      await client.dispose();
    }
  });

  it('still answers results under the limit', async () => {
    const { status, body } = await capped.graphql<{ trace: { spans: unknown[] } }>(
      `{ trace(traceId: "${bigTrace}") { spans(first: 10) { spanId } } }`,
    );
    expect(status).toBe(200);
    expect(body.data?.trace.spans).toHaveLength(10);
  });
});
