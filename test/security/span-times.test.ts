import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { encodeOtlpJson, encodeOtlpProtobuf, minimalSpan, requestOf } from '../helpers/otlp-encode.js';
import { hex } from '../helpers/otlp.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import type { OtlpSpan } from '../../src/otlp/otlp.types.js';

/**
 * Finding 7 of issue #16: a span starting in the year 2500, or at 2^64−1 ns,
 * was accepted; REST showed it in 1915 or 1970, it sorted first among the
 * newest traces and never expired. Span times outside a sane range are now
 * refused one by one through OTLP partial success, with a message that says
 * why (and names MESH_INGEST_MAX_FUTURE_SKEW_S for the future bound).
 */
let gw: TestGateway;
const SKEW_S = 300;

beforeAll(async () => {
  gw = await startTestGateway({ MESH_INGEST_MAX_FUTURE_SKEW_S: String(SKEW_S) });
});
afterAll(async () => {
  await gw.close();
});

const MS = 1_000_000n;
const now = () => BigInt(Date.now()) * MS;
// Nanoseconds since 1970 overflow int64 in April 2262: the year 2500 is beyond it, 2200 is not.
const YEAR_2500 = BigInt(Date.UTC(2500, 0, 1)) * MS;
const YEAR_2200 = BigInt(Date.UTC(2200, 0, 1)) * MS;
const UINT64_MAX = 2n ** 64n - 1n;

interface Outcome {
  readonly status: number;
  readonly rejected: number;
  readonly message: string;
}

async function ingest(spans: readonly OtlpSpan[], encoding: 'json' | 'protobuf'): Promise<Outcome> {
  const request = requestOf('times-svc', spans);
  const res = await fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': encoding === 'json' ? 'application/json' : 'application/x-protobuf' },
    body: encoding === 'json' ? JSON.stringify(encodeOtlpJson(request)) : Buffer.from(encodeOtlpProtobuf(request)),
  });
  if (encoding === 'json') {
    const body = (await res.json()) as { partialSuccess?: { rejectedSpans?: string; errorMessage?: string } };
    return {
      status: res.status,
      rejected: Number(body.partialSuccess?.rejectedSpans ?? 0),
      message: body.partialSuccess?.errorMessage ?? '',
    };
  }
  // Read back with the OpenTelemetry SDK's own decoder of ExportTraceServiceResponse.
  const partial = ProtobufTraceSerializer.deserializeResponse(new Uint8Array(await res.arrayBuffer())).partialSuccess;
  return { status: res.status, rejected: Number(partial?.rejectedSpans ?? 0), message: partial?.errorMessage ?? '' };
}

async function stored(traceId: string): Promise<boolean> {
  const { body } = await gw.graphql<{ trace: unknown }>('query ($id: String!) { trace(traceId: $id) { traceId } }', { id: traceId });
  return body.data?.trace !== null && body.data?.trace !== undefined;
}

const CASES: readonly { what: string; times: (n: bigint) => Pick<OtlpSpan, 'startTimeUnixNano' | 'endTimeUnixNano'>; reason: RegExp }[] = [
  {
    what: 'starts in the year 2500',
    times: () => ({ startTimeUnixNano: YEAR_2500, endTimeUnixNano: YEAR_2500 + MS }),
    reason: /beyond the int64 range/,
  },
  {
    what: 'starts in the year 2200',
    times: () => ({ startTimeUnixNano: YEAR_2200, endTimeUnixNano: YEAR_2200 + MS }),
    reason: /in the future \(MESH_INGEST_MAX_FUTURE_SKEW_S\)/,
  },
  {
    what: 'starts at 2^64−1 ns',
    times: () => ({ startTimeUnixNano: UINT64_MAX, endTimeUnixNano: UINT64_MAX }),
    reason: /beyond the int64 range/,
  },
  { what: 'ends at 2^63 ns', times: (n) => ({ startTimeUnixNano: n, endTimeUnixNano: 2n ** 63n }), reason: /beyond the int64 range/ },
  {
    what: `starts ${SKEW_S + 60} s in the future`,
    times: (n) => ({ startTimeUnixNano: n + BigInt(SKEW_S + 60) * 1000n * MS, endTimeUnixNano: n + BigInt(SKEW_S + 61) * 1000n * MS }),
    reason: new RegExp(`more than ${SKEW_S}s in the future`),
  },
  {
    what: 'ends an hour before it starts',
    times: (n) => ({ startTimeUnixNano: n, endTimeUnixNano: n - 3_600_000n * MS }),
    reason: /ended more than 1000ms before they started/,
  },
];

describe('OTLP ingest refuses span times outside a sane range through partial success', () => {
  for (const encoding of ['json', 'protobuf'] as const) {
    for (const { what, times, reason } of CASES) {
      it(`${encoding}: a span that ${what} is refused, its batch-mates are stored`, async () => {
        const bad = minimalSpan({ traceId: hex(16), spanId: hex(8), ...times(now()) });
        const good = minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: now() - 10n * MS, endTimeUnixNano: now() });
        const outcome = await ingest([bad, good], encoding);
        expect(outcome.status).toBe(200);
        expect(outcome.rejected).toBe(1);
        expect(outcome.message).toMatch(reason);
        expect(await stored(bad.traceId)).toBe(false);
        expect(await stored(good.traceId)).toBe(true);
      });
    }
  }

  it('keeps spans within the bounds: a small clock step backwards, a start a little in the future', async () => {
    const n = now();
    const spans = [
      minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: n, endTimeUnixNano: n - 500n * MS }),
      minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: n + 60_000n * MS, endTimeUnixNano: n + 60_001n * MS }),
    ];
    const outcome = await ingest(spans, 'json');
    expect(outcome).toEqual({ status: 200, rejected: 0, message: '' });
    for (const span of spans) expect(await stored(span.traceId)).toBe(true);
  });

  it('reports every reason of one batch, with its count', async () => {
    const n = now();
    const spans = [
      minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: YEAR_2200, endTimeUnixNano: YEAR_2200 }),
      minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: YEAR_2200, endTimeUnixNano: YEAR_2200 }),
      minimalSpan({ traceId: hex(16), spanId: hex(8), startTimeUnixNano: n, endTimeUnixNano: n - 7_200_000n * MS }),
    ];
    const outcome = await ingest(spans, 'json');
    expect(outcome.rejected).toBe(3);
    expect(outcome.message).toContain('2 spans started or ended more than 300s in the future');
    expect(outcome.message).toContain('1 span ended more than 1000ms before');
  });
});
