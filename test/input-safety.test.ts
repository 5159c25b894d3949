import type { Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type GraphQLBody, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { rest } from './helpers/rest.js';

/**
 * NoSQL injection: no client value may reach a MongoDB filter as an operator
 * or a field name. Every filter input is fed operator objects, operator-like
 * strings, regex metacharacters and oversized values; each attempt is either
 * rejected as `invalid_parameter` or treated as plain data — and then matches
 * nothing, because no stored value is literally "$ne" or ".*". Afterwards the
 * database holds exactly what it held before.
 */
let gw: TestGateway;
const from = new Date(Date.now() - 60 * 60_000).toISOString();
const to = new Date(Date.now() + 60_000).toISOString();
const TRACE_ID = hex(16);

beforeAll(async () => {
  gw = await startTestGateway();
  const start = Date.now() - 10 * 60_000;
  const res = await postOtlpJson(gw.baseUrl, gw.apiKey, [
    {
      traceId: TRACE_ID,
      service: 'checkout',
      name: 'GET /cart',
      startMs: start,
      durationMs: 30,
      attributes: { 'http.route': '/cart', 'http.status_code': 200 },
    },
    { traceId: hex(16), service: 'payments', name: 'charge', startMs: start + 5, durationMs: 80, attributes: { 'http.route': '/charge' } },
  ]);
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await gw.close();
});

const TRACES = `query($filter: TraceFilter) { traces(first: 50, filter: $filter) { totalCount edges { node { traceId } } } }`;

interface Outcome {
  readonly status: number;
  readonly body: GraphQLBody<Record<string, unknown> | null> | Record<string, unknown>;
}

// Variables go out as given, so that they carry objects where the schema wants strings.
const graphql = (query: string, variables: Record<string, unknown>): Promise<Outcome> => gw.graphql(query, variables);

const tracesWith = (filter: Record<string, unknown>) => graphql(TRACES, { filter: { from, to, ...filter } });
const attribute = (over: Record<string, unknown>) => ({ key: 'http.route', operator: 'EQ', type: 'STRING', value: '/cart', ...over });

/** Either refused as the client's invalid parameter, or answered with no data beyond the empty result. */
function expectRejected(outcome: Outcome): void {
  const body = outcome.body as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code ?? (outcome.body as { error?: { code: string } }).error?.code).toBe('invalid_parameter');
  // A refused root field resolves to null (or the whole response has no data).
  expect(Object.values((body.data ?? {}) as Record<string, unknown>).every((v) => v === null)).toBe(true);
}

function expectNoTraces(outcome: Outcome): void {
  const body = outcome.body as { data?: { traces: { totalCount: number } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data!.traces.totalCount).toBe(0);
}

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const name of ['spans', 'traces', 'api_keys', 'orgs']) {
    const docs: Document[] = await gw.store.db
      .collection(name)
      .find({}, { projection: { lastUsedAt: 0 } })
      .sort({ _id: 1 })
      .toArray();
    parts.push(JSON.stringify(docs, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return parts.join('\n');
}

describe('GraphQL filter inputs', () => {
  it('matches the seeded data normally (the baseline the attempts are compared with)', async () => {
    const body = (await tracesWith({ service: 'checkout' })).body as { data: { traces: { totalCount: number } } };
    expect(body.data.traces.totalCount).toBe(1);
    const all = (await tracesWith({})).body as { data: { traces: { totalCount: number } } };
    expect(all.data.traces.totalCount).toBe(2);
  });

  const OPERATOR_OBJECTS: readonly [string, Record<string, unknown>][] = [
    ['service', { service: { $ne: null } }],
    ['serviceNamespace', { serviceNamespace: { $gt: '' } }],
    ['environment', { environment: { $exists: true } }],
    ['traceId', { traceId: { $gt: '' } }],
    ['spanName', { spanName: { $regex: '.*' } }],
    ['serviceVersion', { serviceVersion: { $ne: 'x' } }],
    ['issueFingerprint', { issueFingerprint: { $nin: [] } }],
    ['minDurationMs', { minDurationMs: { $gt: 0 } }],
    ['status', { status: { $ne: 'ok' } }],
    ['attributes[].key', { attributes: [attribute({ key: { $ne: '' } })] }],
    ['attributes[].value', { attributes: [attribute({ value: { $gt: '' } })] }],
    ['resourceAttributes[].value', { resourceAttributes: [attribute({ key: 'service.name', value: { $ne: '' } })] }],
    ['filter itself', { $where: 'sleep(1000)' }],
  ];
  for (const [input, filter] of OPERATOR_OBJECTS) {
    it(`rejects an operator object in ${input} as invalid_parameter`, async () => {
      expectRejected(await tracesWith(filter));
    });
  }

  const OPERATOR_STRINGS: readonly [string, Record<string, unknown>][] = [
    ['service', { service: '$ne' }],
    ['service (JSON text)', { service: '{"$ne": null}' }],
    ['spanName', { spanName: '{"$gt": ""}' }],
    ['environment', { environment: '$where' }],
    ['attribute key "$gt"', { attributes: [attribute({ key: '$gt' })] }],
    ['attribute key with a dot path', { attributes: [attribute({ key: 'attrs.k' })] }],
    ['attribute value "$ne"', { attributes: [attribute({ operator: 'NEQ', key: '$ne', value: '$ne' })] }],
    ['STARTS_WITH ".*"', { attributes: [attribute({ operator: 'STARTS_WITH', value: '.*' })] }],
    ['STARTS_WITH "/c.*"', { attributes: [attribute({ operator: 'STARTS_WITH', value: '/c.*' })] }],
    ['CONTAINS "|"', { attributes: [attribute({ operator: 'CONTAINS', value: 'cart|charge' })] }],
    ['CONTAINS "(" (an invalid regex if unescaped)', { attributes: [attribute({ operator: 'CONTAINS', value: '((' })] }],
    ['CONTAINS "\\\\"', { attributes: [attribute({ operator: 'CONTAINS', value: '\\' })] }],
  ];
  for (const [input, filter] of OPERATOR_STRINGS) {
    it(`treats ${input} as plain data that matches nothing`, async () => {
      expectNoTraces(await tracesWith(filter));
    });
  }

  it('escapes regex metacharacters: STARTS_WITH and CONTAINS match literally', async () => {
    const literal = (await tracesWith({ attributes: [attribute({ operator: 'STARTS_WITH', value: '/ca' })] })).body as {
      data: { traces: { totalCount: number } };
    };
    expect(literal.data.traces.totalCount).toBe(1);
  });

  it('bounds string lengths and list sizes', async () => {
    expectRejected(await tracesWith({ service: 'x'.repeat(1025) }));
    expectRejected(await tracesWith({ attributes: Array.from({ length: 21 }, () => attribute({})) }));
    expectRejected(await tracesWith({ attributes: [attribute({ value: 'v'.repeat(1025) })] }));
    expectRejected(await graphql(TRACES.replace('first: 50', 'first: 501'), { filter: { from, to } }));
  });

  it('rejects operator values for ids in trace, span and node lookups', async () => {
    expectRejected(
      await graphql(
        `
          query ($id: String!) {
            trace(traceId: $id) {
              traceId
            }
          }
        `,
        { id: { $gt: '' } },
      ),
    );
    expectRejected(
      await graphql(
        `
          query ($id: String!) {
            trace(traceId: $id) {
              traceId
            }
          }
        `,
        { id: '{"$gt":""}' },
      ),
    );
    expectRejected(
      await graphql(
        `
          query ($t: String!, $s: String!) {
            span(traceId: $t, spanId: $s) {
              spanId
            }
          }
        `,
        { t: TRACE_ID, s: { $ne: '' } },
      ),
    );
    expectRejected(
      await graphql(
        `
          query ($id: String!) {
            node(nodeId: $id) {
              nodeId
            }
          }
        `,
        { id: { $ne: '' } },
      ),
    );
  });

  it('treats operator-looking search expressions as literals', async () => {
    const search = (query: string) =>
      graphql(`query($q: String!) { searchTraces(query: $q, from: "${from}", to: "${to}") { totalCount } }`, { q: query });
    for (const q of ['service.name = "$ne"', 'name STARTS WITH ".*"', 'service.name CONTAINS "|"', 'http.route = "{\\"$gt\\": \\"\\"}"']) {
      const body = (await search(q)).body as { data?: { searchTraces: { totalCount: number } }; errors?: unknown };
      expect(body.errors, q).toBeUndefined();
      expect(body.data!.searchTraces.totalCount, q).toBe(0);
    }
    expectRejected(
      await graphql(`query($q: String!) { searchTraces(query: $q, from: "${from}", to: "${to}") { totalCount } }`, { q: { $ne: '' } }),
    );
  });
});

describe('REST inputs', () => {
  it('treats bracketed query keys as unknown parameters, never as operators', async () => {
    for (const query of ['service[$ne]=x', 'service[$regex]=.*', 'limit[$gt]=0', 'cursor[$ne]=']) {
      const res = await rest<{ error: { code: string } }>(gw, 'GET', `/v1/traces?start_time=${from}&end_time=${to}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_parameter');
    }
  });

  it('treats operator-looking query values as data', async () => {
    const res = await rest<{ traces: unknown[] }>(
      gw,
      'GET',
      `/v1/traces?start_time=${from}&end_time=${to}&service=${encodeURIComponent('{"$ne":null}')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.traces).toEqual([]);
  });

  it('rejects operator objects in JSON bodies', async () => {
    for (const body of [
      { query: { $ne: '' }, start_time: from, end_time: to },
      { query: 'service.name = "checkout"', start_time: { $gt: '' }, end_time: to },
    ]) {
      const res = await rest<{ error: { code: string } }>(gw, 'POST', '/v1/traces/search', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_parameter');
    }
  });
});

describe('the store after every attempt', () => {
  it('changes nothing when attempts are repeated', async () => {
    const before = await snapshot();
    await tracesWith({ service: { $ne: null } });
    await tracesWith({ attributes: [attribute({ key: '$set', value: '{"$set": {"org": "other"}}' })] });
    await graphql(
      `
        query ($id: String!) {
          trace(traceId: $id) {
            traceId
          }
        }
      `,
      { id: { $gt: '' } },
    );
    await rest(gw, 'GET', `/v1/traces?service[$ne]=x`);
    expect(await snapshot()).toBe(before);
  });
});
