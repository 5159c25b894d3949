import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex } from './helpers/otlp.js';

/**
 * A double attribute of −0.0 is a value of its own (IEEE 754 keeps the sign;
 * 1/−0 is −Infinity): stored exactly, it must come back exactly through every
 * read API — GraphQL `DoubleValue.text`, REST v1 attributes and the Mackerel
 * AnyValue — not as 0. JSON.stringify writes −0 as `0`, so each check reads
 * the raw response text.
 */

let gw: TestGateway;
const traceId = hex(16);

beforeAll(async () => {
  gw = await startTestGateway();
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  // OTLP/JSON written as text: `-0.0` must not pass through JSON.stringify on the way in either.
  const body = `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"signed-zero"}}]},
    "scopeSpans":[{"spans":[{"traceId":"${traceId}","spanId":"${hex(8)}","name":"zero","kind":2,
      "startTimeUnixNano":"${nowNs}","endTimeUnixNano":"${nowNs + 1_000_000n}",
      "attributes":[{"key":"z.neg","value":{"doubleValue":-0.0}},{"key":"z.pos","value":{"doubleValue":0.0}},
        {"key":"z.list","value":{"arrayValue":{"values":[{"doubleValue":-0.0},{"doubleValue":-1.5}]}}}]}]}]}]}`;
  const res = await fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
    body,
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await gw.close();
});

async function text(path: string): Promise<string> {
  const res = await fetch(`${gw.baseUrl}${path}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('negative zero round-trips exactly', () => {
  it('in GraphQL DoubleValue.text ("-0"), apart from +0', async () => {
    const { body } = await gw.graphql<{ trace: { spans: { attributes: { key: string; value: Record<string, unknown> }[] }[] } }>(
      `query($id: String!) { trace(traceId: $id) { spans { attributes { key value {
         ... on DoubleValue { text } ... on ArrayValue { arrayValue { ... on DoubleValue { text } } } } } } } }`,
      { id: traceId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.trace.spans[0]?.attributes).toEqual([
      { key: 'z.neg', value: { text: '-0' } },
      { key: 'z.pos', value: { text: '0' } },
      { key: 'z.list', value: { arrayValue: [{ text: '-0' }, { text: '-1.5' }] } },
    ]);
    expect(Object.is(Number('-0'), -0)).toBe(true);
  });

  it('in REST v1 attributes (the JSON number -0)', async () => {
    const raw = await text(`/v1/traces/${traceId}`);
    expect(raw).toContain('"attributes":{"z.neg":-0,"z.pos":0,"z.list":[-0,-1.5]}');
    const parsed = JSON.parse(raw) as { spans: { attributes: Record<string, unknown> }[] };
    expect(Object.is(parsed.spans[0]?.attributes['z.neg'], -0)).toBe(true);
  });

  it('in the Mackerel AnyValue ("doubleValue": -0)', async () => {
    const raw = await text(`/api/v0/traces/${traceId}`);
    expect(raw).toContain('{"key":"z.neg","value":{"valueType":"double","doubleValue":-0}}');
    expect(raw).toContain('{"key":"z.pos","value":{"valueType":"double","doubleValue":0}}');
    expect(raw).toContain('"arrayValue":[{"valueType":"double","doubleValue":-0},{"valueType":"double","doubleValue":-1.5}]');
  });
});
