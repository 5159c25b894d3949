import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpDecodeError } from '../../src/otlp/otlp-errors.js';
import { decodeOtlpJson } from '../../src/otlp/otlp-json.js';
import { decodeOtlpProtobuf } from '../../src/otlp/otlp-protobuf.js';
import type { AnyValue, ExportTraceRequest, KeyValue, OtlpSpan, SpanKind, StatusCode } from '../../src/otlp/otlp.types.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { encodeOtlpJson, encodeOtlpProtobuf } from '../helpers/otlp-encode.js';
import { FUZZ } from './fuzz-settings.js';

/**
 * The OTLP decoders (src/otlp) under generated input: any bytes, any JSON, and
 * valid requests with every field drawn at random, then mangled. A decoder
 * either returns a request or throws OtlpDecodeError (a 400 naming the path);
 * nothing else, and a valid request decodes to exactly what was encoded, in
 * both encodings. The last property sends the same kinds of bodies through
 * the real endpoint, which must never answer 5xx.
 */
// OTLP strings are UTF-8: well-formed text only (a lone surrogate has no UTF-8 form).
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const id = (bytes: number) =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .filter((b) => b.some((x) => x !== 0))
    .map((b) => Buffer.from(b).toString('hex'));
const uint32 = fc.integer({ min: 0, max: 0xffff_ffff });
const small = fc.integer({ min: 0, max: 1000 });

const { anyValue } = fc.letrec<{ anyValue: AnyValue; kv: KeyValue }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value) => ({ type: 'string', value }) as const),
    fc.boolean().map((value) => ({ type: 'bool', value }) as const),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ type: 'int', value }) as const),
    // -0 has no JSON spelling of its own; NaN and the infinities travel as the strings OTLP/JSON specifies.
    fc.double().map((value) => ({ type: 'double', value: Object.is(value, -0) ? 0 : value }) as const),
    fc.uint8Array({ maxLength: 8 }).map((value) => ({ type: 'bytes', value }) as const),
    fc.array(tie('anyValue') as fc.Arbitrary<AnyValue>, { maxLength: 3 }).map((values) => ({ type: 'array', values }) as const),
    fc.array(tie('kv') as fc.Arbitrary<KeyValue>, { maxLength: 3 }).map((values) => ({ type: 'kvlist', values }) as const),
  ),
  kv: fc.record({ key: text, value: tie('anyValue') as fc.Arbitrary<AnyValue> }),
}));
const attributes = fc.array(fc.record({ key: text, value: anyValue }), { maxLength: 3 });

const span: fc.Arbitrary<OtlpSpan> = fc.record({
  traceId: id(16),
  spanId: id(8),
  traceState: text,
  parentSpanId: fc.option(id(8)),
  flags: uint32,
  name: text,
  kind: fc.integer({ min: 0, max: 5 }).map((k) => k as SpanKind),
  startTimeUnixNano: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  endTimeUnixNano: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  attributes,
  droppedAttributesCount: small,
  events: fc.array(
    fc.record({ timeUnixNano: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), name: text, attributes, droppedAttributesCount: small }),
    {
      maxLength: 2,
    },
  ),
  droppedEventsCount: small,
  links: fc.array(
    fc.record({ traceId: id(16), spanId: id(8), traceState: text, attributes, droppedAttributesCount: small, flags: uint32 }),
    { maxLength: 2 },
  ),
  droppedLinksCount: small,
  status: fc.record({ code: fc.integer({ min: 0, max: 2 }).map((c) => c as StatusCode), message: text }),
});

const request: fc.Arbitrary<ExportTraceRequest> = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.record({ attributes, droppedAttributesCount: small }),
      schemaUrl: text,
      scopeSpans: fc.array(
        fc.record({
          scope: fc.record({ name: text, version: text, attributes, droppedAttributesCount: small }),
          schemaUrl: text,
          spans: fc.array(span, { maxLength: 3 }),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 2 },
  ),
});

/** Runs `decode` and reports what it did: decoded, or refused with OtlpDecodeError; anything else fails the property. */
function outcome(decode: () => ExportTraceRequest): 'decoded' | 'refused' {
  try {
    decode();
    return 'decoded';
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return 'refused';
  }
}

/** A valid encoding, then a few bytes flipped, inserted or cut off. */
const mangledProtobuf = fc
  .tuple(
    request,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'insert', 'cut')), { maxLength: 4 }),
  )
  .map(([req, edits]) => {
    const bytes = [...encodeOtlpProtobuf(req)];
    for (const [at, value, edit] of edits) {
      if (bytes.length === 0) break;
      const i = at % bytes.length;
      if (edit === 'flip') bytes[i] = value;
      else if (edit === 'insert') bytes.splice(i, 0, value);
      else bytes.length = i;
    }
    return Uint8Array.from(bytes);
  });

describe('OTLP protobuf decoder', () => {
  it('decodes what was encoded, exactly (round trip)', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(decodeOtlpProtobuf(encodeOtlpProtobuf(req))).toEqual(req);
      }),
      FUZZ.run(300),
    );
  });

  it('returns or refuses with OtlpDecodeError for any bytes, random or a mangled valid request', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mangledProtobuf), (bytes) => {
        outcome(() => decodeOtlpProtobuf(bytes));
      }),
      FUZZ.run(1000),
    );
  });
});

describe('OTLP JSON decoder', () => {
  it('decodes what was encoded, exactly, and the same as the protobuf encoding (round trip)', () => {
    fc.assert(
      fc.property(request, (req) => {
        const decoded = decodeOtlpJson(JSON.stringify(encodeOtlpJson(req)));
        expect(decoded).toEqual(req);
        expect(decoded).toEqual(decodeOtlpProtobuf(encodeOtlpProtobuf(req)));
      }),
      FUZZ.run(300),
    );
  });

  it('returns or refuses with OtlpDecodeError for any text, any JSON, and valid requests with a value replaced', () => {
    const replaced = fc.tuple(request, fc.jsonValue(), fc.nat()).map(([req, value, at]) => {
      const json = JSON.stringify(encodeOtlpJson(req));
      const spots = [...json.matchAll(/:(?:"[^"]*"|-?\d+(?:\.\d+)?|true|false|\[\]|\{\})/g)];
      const spot = spots[at % Math.max(spots.length, 1)];
      return spot === undefined
        ? json
        : `${json.slice(0, spot.index + 1)}${JSON.stringify(value)}${json.slice(spot.index + spot[0].length)}`;
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          replaced,
        ),
        (body) => {
          outcome(() => decodeOtlpJson(body));
        },
      ),
      FUZZ.run(1000),
    );
  });
});

describe('POST /v1/traces', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('never answers 5xx, whatever the body (protobuf or JSON, valid, mangled or random)', async () => {
    const body = fc.oneof(
      mangledProtobuf.map((bytes) => ({ type: 'application/x-protobuf', data: Buffer.from(bytes) })),
      fc.uint8Array({ maxLength: 100 }).map((bytes) => ({ type: 'application/x-protobuf', data: Buffer.from(bytes) })),
      request.map((req) => ({ type: 'application/json', data: Buffer.from(JSON.stringify(encodeOtlpJson(req))) })),
      fc.jsonValue().map((value) => ({ type: 'application/json', data: Buffer.from(JSON.stringify(value)) })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ type, data }) => {
        const res = await fetch(`${gw.baseUrl}/v1/traces`, {
          method: 'POST',
          headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': type },
          body: data,
        });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      FUZZ.run(120),
    );
  });
});
