import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { FUZZ } from './fuzz-settings.js';

/**
 * The Mackerel list body (POST /api/v0/traces: serviceName, the window, span
 * and attribute filters, paging, order) under generated input over HTTP:
 * arbitrary JSON, and bodies of the documented shape with each field drawn
 * from valid, borderline and wrong values. Every answer is 200 or a coded
 * 4xx, never 5xx. The route allows one request per second per key, so the
 * requests rotate over a pool of keys, each used at most once a second.
 */
const KEYS = 24;
let gw: TestGateway;
const pool: { key: string; lastUsed: number }[] = [];

beforeAll(async () => {
  gw = await startTestGateway();
  for (let i = 0; i < KEYS; i++) {
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'], rateLimit: 10_000 });
    pool.push({ key, lastUsed: 0 });
  }
});
afterAll(async () => {
  await gw.close();
});

async function nextKey(): Promise<string> {
  const entry = pool.reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
  const wait = entry.lastUsed + 1_050 - Date.now();
  if (wait > 0) await delay(wait);
  entry.lastUsed = Date.now();
  return entry.key;
}

const now = Math.floor(Date.now() / 1000);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(fc.oneof(value, anyJson), { nil: undefined, freq: 3 });
const seconds = fc.oneof(
  fc.integer({ min: now - 7 * 86_400, max: now + 60 }),
  fc.constantFrom(0, -1, 1.5, 253_402_300_800, Number.MAX_SAFE_INTEGER),
);
const attributeFilter = fc.record(
  {
    key: fc.oneof(fc.constantFrom('http.method', 'http.status_code', 'retry', '$where', ''), fc.string({ maxLength: 8 })),
    value: fc.oneof(fc.constantFrom('GET', '500', '1.5', 'true', '9223372036854775808', '', '.*', '(('), fc.string({ maxLength: 8 })),
    operator: fc.constantFrom('EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'STARTS_WITH', 'CONTAINS', 'MATCHES', 'eq'),
    type: fc.constantFrom('string', 'int', 'double', 'bool', 'STRING', 'date'),
  },
  { requiredKeys: [] },
);
const documentedBody = fc.record(
  {
    serviceName: fc.oneof(fc.constantFrom('api-gateway', 'x'.repeat(1025), ''), fc.string({ maxLength: 10 }), anyJson),
    serviceNamespace: maybe(fc.string({ maxLength: 8 })),
    from: fc.oneof(seconds, anyJson),
    to: fc.oneof(seconds, anyJson),
    environment: maybe(fc.string({ maxLength: 8 })),
    traceId: maybe(fc.constantFrom('4bf92f3577b34da6a3ce929d0e0e4736', '4BF92F3577B34DA6A3CE929D0E0E4736', '0'.repeat(32), 'zz')),
    spanName: maybe(fc.string({ maxLength: 8 })),
    version: maybe(fc.string({ maxLength: 8 })),
    issueFingerprint: maybe(fc.string({ maxLength: 8 })),
    statusCode: maybe(fc.constantFrom('OK', 'ERROR', 'UNSET', 'ok')),
    minLatencyMillis: maybe(fc.oneof(fc.nat(10_000), fc.double())),
    maxLatencyMillis: maybe(fc.oneof(fc.nat(10_000), fc.double())),
    attributes: maybe(fc.array(attributeFilter, { maxLength: 22 })),
    resourceAttributes: maybe(fc.array(attributeFilter, { maxLength: 3 })),
    page: maybe(fc.oneof(fc.integer({ min: -1, max: 10_001 }), fc.constant(1.5))),
    perPage: maybe(fc.oneof(fc.integer({ min: -1, max: 101 }), fc.constant(1e9))),
    order: maybe(
      fc.record({ column: maybe(fc.constantFrom('LATENCY', 'START_AT', 'NAME')), direction: maybe(fc.constantFrom('ASC', 'DESC', 'UP')) }),
    ),
    unknownField: fc.option(anyJson, { nil: undefined, freq: 8 }),
  },
  { requiredKeys: [] },
);

describe('POST /api/v0/traces (the Mackerel filter body)', () => {
  it('never answers 5xx, whatever the body', async () => {
    const body = fc.oneof(
      { weight: 4, arbitrary: documentedBody.map((b) => JSON.stringify(b)) },
      anyJson.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await fetch(`${gw.baseUrl}/api/v0/traces`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await nextKey()}`, 'content-type': 'application/json' },
          body: text,
        });
        const answer = (await res.json()) as { error?: { code: string } };
        expect({ body: text, status: res.status < 500 ? 'not 5xx' : res.status }).toEqual({ body: text, status: 'not 5xx' });
        if (res.status >= 400) expect(answer.error?.code).toMatch(/invalid_parameter|rate_limited/);
      }),
      FUZZ.run(150),
    );
  });
});
