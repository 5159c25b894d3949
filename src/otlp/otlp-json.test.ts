import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, createTraceState, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './otlp-errors.js';
import { decodeOtlpJson } from './otlp-json.js';
import { decodeOtlpProtobuf } from './otlp-protobuf.js';
import type { AnyValue, OtlpSpan } from './otlp.types.js';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';
const SPAN_PATH = 'resourceSpans[0].scopeSpans[0].spans[0]';

/** Spans carrying everything the SDK emits: remote parent with trace state, link, events, statuses, dropped counts, every attribute type. */
function recordSdkSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout', 'host.cpu.count': 8 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { attributeCountLimit: 10, eventCountLimit: 1 },
  });
  const http = provider.getTracer('@acme/http', '2.1.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' });
  const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: createTraceState('vendor=abc'),
  });
  const server = http.startSpan(
    'GET /orders/:id',
    {
      kind: SpanKind.SERVER,
      startTime: [1_700_000_000, 123_456_789],
      links: [{ context: { traceId: TRACE_ID, spanId: 'a'.repeat(16), traceFlags: TraceFlags.NONE }, attributes: { reason: 'retry' } }],
      attributes: {
        route: '/orders/:id',
        status: 200,
        'max.safe': Number.MAX_SAFE_INTEGER,
        negative: -42,
        hit: true,
        ratio: 0.25,
        tags: ['a', 'b'],
        codes: [1, null, 3],
        flags: [true, false],
        weights: [0.5, 1.5],
        'over.the.limit': 'x',
      },
    },
    remoteParent,
  );
  server.addEvent('dropped', {}, [1_700_000_000, 150_000_000]);
  server.addEvent('cache.miss', { key: 'order:7' }, [1_700_000_000, 200_000_000]);
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'payment declined' });
  const db = provider.getTracer('@acme/db');
  db.startSpan('SELECT', { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, server)).end();
  server.end([1_700_000_001, 5]);
  for (const kind of [SpanKind.INTERNAL, SpanKind.PRODUCER, SpanKind.CONSUMER]) db.startSpan('job', { kind, root: true }).end();
  return exporter.getFinishedSpans();
}

/** A request whose only span has the given ids plus `fields` (JSON members, written out). */
function spanRequest(fields = ''): string {
  const members = [`"traceId":"${TRACE_ID}"`, `"spanId":"${SPAN_ID}"`, fields].filter((member) => member !== '').join(',');
  return `{"resourceSpans":[{"scopeSpans":[{"spans":[{${members}}]}]}]}`;
}

function decodeSpan(text: string): OtlpSpan {
  return decodeOtlpJson(text).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
}

/** The decoded value of a span's only attribute, given as AnyValue JSON text. */
function decodedAttribute(anyValue: string): AnyValue {
  return decodeSpan(spanRequest(`"attributes":[{"key":"k","value":${anyValue}}]`)).attributes[0]!.value;
}

function decodeError(text: string): { path: string; message: string } {
  try {
    decodeOtlpJson(text);
  } catch (error) {
    if (error instanceof OtlpDecodeError) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error('expected decoding to fail');
}

const int = (value: bigint): AnyValue => ({ type: 'int', value });

/** Renames every key to the proto field name: traceId → trace_id, kvlistValue → kvlist_value. */
function toProtoFieldNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toProtoFieldNames);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`), toProtoFieldNames(field)]),
  );
}

describe('decodeOtlpJson', () => {
  describe('payloads serialized by the OpenTelemetry SDK (JsonTraceSerializer)', () => {
    const spans = recordSdkSpans();
    const json = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
    const decoded = decodeOtlpJson(json);

    it('decodes to the same model as the protobuf serialization of the same spans', () => {
      expect(decoded).toStrictEqual(decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!));
    });

    it('decodes ids, nanosecond times, flags, enums and dropped counts exactly', () => {
      const http = decoded.resourceSpans[0]!.scopeSpans.find((scope) => scope.scope.name === '@acme/http')!;
      expect(http.schemaUrl).toBe('https://opentelemetry.io/schemas/1.26.0');
      const server = http.spans[0]!;
      expect(server).toMatchObject({
        traceId: TRACE_ID,
        parentSpanId: SPAN_ID,
        traceState: 'vendor=abc',
        flags: 0x301,
        kind: 2,
        startTimeUnixNano: 1_700_000_000_123_456_789n,
        endTimeUnixNano: 1_700_000_001_000_000_005n,
        droppedAttributesCount: 1,
        droppedEventsCount: 1,
        status: { code: 2, message: 'payment declined' },
      });
      expect(server.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(server.attributes.map((attribute) => attribute.value)).toStrictEqual([
        { type: 'string', value: '/orders/:id' },
        int(200n),
        int(9_007_199_254_740_991n),
        int(-42n),
        { type: 'bool', value: true },
        { type: 'double', value: 0.25 },
        {
          type: 'array',
          values: [
            { type: 'string', value: 'a' },
            { type: 'string', value: 'b' },
          ],
        },
        { type: 'array', values: [int(1n), { type: 'empty' }, int(3n)] },
        {
          type: 'array',
          values: [
            { type: 'bool', value: true },
            { type: 'bool', value: false },
          ],
        },
        {
          type: 'array',
          values: [
            { type: 'double', value: 0.5 },
            { type: 'double', value: 1.5 },
          ],
        },
      ]);
      expect(server.events).toStrictEqual([
        {
          timeUnixNano: 1_700_000_000_200_000_000n,
          name: 'cache.miss',
          attributes: [{ key: 'key', value: { type: 'string', value: 'order:7' } }],
          droppedAttributesCount: 0,
        },
      ]);
      expect(server.links).toStrictEqual([
        {
          traceId: TRACE_ID,
          spanId: 'a'.repeat(16),
          traceState: '',
          attributes: [{ key: 'reason', value: { type: 'string', value: 'retry' } }],
          droppedAttributesCount: 0,
          flags: 0x100,
        },
      ]);
    });
  });

  it('decodes an empty request to no resource spans', () => {
    expect(decodeOtlpJson('{}')).toStrictEqual({ resourceSpans: [] });
    expect(decodeOtlpJson('{"resourceSpans":[]}')).toStrictEqual({ resourceSpans: [] });
  });

  describe('64-bit integers', () => {
    it.each([
      ['"9007199254740993"', 9_007_199_254_740_993n],
      ['9007199254740993', 9_007_199_254_740_993n],
      ['"9223372036854775807"', 2n ** 63n - 1n],
      ['9223372036854775807', 2n ** 63n - 1n],
      ['"-9223372036854775808"', -(2n ** 63n)],
      ['-9223372036854775808', -(2n ** 63n)],
      ['-1', -1n],
      ['"-1"', -1n],
      ['1e3', 1000n],
      ['"1.5e1"', 15n],
      ['12.0', 12n],
      ['9.007199254740993e15', 9_007_199_254_740_993n],
    ])('decodes intValue %s exactly', (text, expected) => {
      expect(decodedAttribute(`{"intValue":${text}}`)).toStrictEqual(int(expected));
    });

    it('decodes nanosecond times given as bare numbers beyond 2^53 exactly', () => {
      const span = decodeSpan(spanRequest('"startTimeUnixNano":1700000000123456789,"endTimeUnixNano":18446744073709551615'));
      expect(span.startTimeUnixNano).toBe(1_700_000_000_123_456_789n);
      expect(span.endTimeUnixNano).toBe(2n ** 64n - 1n);
    });

    it('decodes the rest of a payload that needs exact numbers exactly as JSON.parse would', () => {
      const payload = (intValue: string): string =>
        spanRequest(
          `"name":"caf\\u00e9 \\"quoted\\"\\n\\ud834\\udd1e/\\/","kind":2,\n\t"attributes":[` +
            `{"key":"big","value":{"intValue":${intValue}}},` +
            `{"key":"d","value":{"doubleValue":-1.5e-3}},` +
            `{"key":"list","value":{"arrayValue":{"values":[{"boolValue":false},{},{"stringValue":""}]}}},` +
            `{"key":"map","value":{"kvlistValue":{"values":[{"key":"x","value":{"intValue":-7}}]}}},` +
            `{"key":"nothing","value":null}] , "status" : { "code" : 1 , "message" : null } `,
        );
      const exact = decodeSpan(payload('18446744073709551')); // > 2^53 as a bare number: parsed exactly
      expect(exact.attributes[0]!.value).toStrictEqual(int(18_446_744_073_709_551n));
      expect(exact).toStrictEqual(decodeSpan(payload('"18446744073709551"')));
      expect(exact.name).toBe('café "quoted"\n𝄞//');
    });

    it.each([
      ['{"intValue":9223372036854775808}', 'intValue', 'intValue must be an integer in int64 range, got 9223372036854775808'],
      ['{"intValue":"-9223372036854775809"}', 'intValue', 'intValue must be an integer in int64 range, got "-9223372036854775809"'],
      ['{"intValue":1.5}', 'intValue', 'intValue must be an integer in int64 range, got 1.5'],
      ['{"intValue":"12abc"}', 'intValue', 'intValue must be an integer in int64 range, got "12abc"'],
      ['{"intValue":" 12"}', 'intValue', 'intValue must be an integer in int64 range, got " 12"'],
      ['{"intValue":true}', 'intValue', 'intValue must be an integer in int64 range, got true'],
    ])('rejects %s', (anyValue, field, message) => {
      expect(decodeError(spanRequest(`"attributes":[{"key":"k","value":${anyValue}}]`))).toStrictEqual({
        path: `${SPAN_PATH}.attributes[0].value.${field}`,
        message,
      });
    });

    it('rejects a negative or oversized timestamp', () => {
      expect(decodeError(spanRequest('"startTimeUnixNano":"-1"'))).toStrictEqual({
        path: `${SPAN_PATH}.startTimeUnixNano`,
        message: 'startTimeUnixNano must be an integer in uint64 range, got "-1"',
      });
      expect(decodeError(spanRequest('"endTimeUnixNano":18446744073709551616'))).toStrictEqual({
        path: `${SPAN_PATH}.endTimeUnixNano`,
        message: 'endTimeUnixNano must be an integer in uint64 range, got 18446744073709551616',
      });
    });
  });

  describe('field names and enums', () => {
    const camelCase = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }], droppedAttributesCount: 1 },
          schemaUrl: 'https://schema/resource',
          scopeSpans: [
            {
              scope: { name: 'lib', version: '1.0', attributes: [{ key: 'a', value: { boolValue: true } }], droppedAttributesCount: 2 },
              schemaUrl: 'https://schema/scope',
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  parentSpanId: 'ABCDEF0123456789',
                  traceState: 'k=v',
                  flags: 257,
                  name: 'op',
                  kind: 3,
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                  attributes: [
                    { key: 'i', value: { intValue: '5' } },
                    { key: 'd', value: { doubleValue: 2.5 } },
                    { key: 'b', value: { bytesValue: 'AP8Q' } },
                    { key: 'a', value: { arrayValue: { values: [{ stringValue: 'x' }] } } },
                    { key: 'm', value: { kvlistValue: { values: [{ key: 'y', value: { intValue: 1 } }] } } },
                  ],
                  droppedAttributesCount: 3,
                  events: [{ timeUnixNano: '3', name: 'e', attributes: [], droppedAttributesCount: 4 }],
                  droppedEventsCount: 5,
                  links: [{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: 's', attributes: [], droppedAttributesCount: 6, flags: 1 }],
                  droppedLinksCount: 7,
                  status: { code: 2, message: 'bad' },
                },
              ],
            },
          ],
        },
      ],
    };

    it('accepts the proto field names (snake_case) as well as lowerCamelCase', () => {
      const snakeCase = JSON.stringify(toProtoFieldNames(camelCase));
      expect(snakeCase).toContain('"dropped_attributes_count":3');
      expect(decodeOtlpJson(snakeCase)).toStrictEqual(decodeOtlpJson(JSON.stringify(camelCase)));
    });

    it('decodes every field of every message', () => {
      const decoded = decodeOtlpJson(JSON.stringify(camelCase));
      expect(decoded).toStrictEqual({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { type: 'string', value: 'svc' } }], droppedAttributesCount: 1 },
            schemaUrl: 'https://schema/resource',
            scopeSpans: [
              {
                scope: {
                  name: 'lib',
                  version: '1.0',
                  attributes: [{ key: 'a', value: { type: 'bool', value: true } }],
                  droppedAttributesCount: 2,
                },
                schemaUrl: 'https://schema/scope',
                spans: [
                  {
                    traceId: TRACE_ID,
                    spanId: SPAN_ID,
                    traceState: 'k=v',
                    parentSpanId: 'abcdef0123456789',
                    flags: 257,
                    name: 'op',
                    kind: 3,
                    startTimeUnixNano: 1n,
                    endTimeUnixNano: 2n,
                    attributes: [
                      { key: 'i', value: int(5n) },
                      { key: 'd', value: { type: 'double', value: 2.5 } },
                      { key: 'b', value: { type: 'bytes', value: Uint8Array.from([0x00, 0xff, 0x10]) } },
                      { key: 'a', value: { type: 'array', values: [{ type: 'string', value: 'x' }] } },
                      { key: 'm', value: { type: 'kvlist', values: [{ key: 'y', value: int(1n) }] } },
                    ],
                    droppedAttributesCount: 3,
                    events: [{ timeUnixNano: 3n, name: 'e', attributes: [], droppedAttributesCount: 4 }],
                    droppedEventsCount: 5,
                    links: [{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: 's', attributes: [], droppedAttributesCount: 6, flags: 1 }],
                    droppedLinksCount: 7,
                    status: { code: 2, message: 'bad' },
                  },
                ],
              },
            ],
          },
        ],
      });
    });

    it('ignores unknown fields at every level', () => {
      const withExtras = JSON.parse(JSON.stringify(camelCase), (_key, value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, extra: { nested: [1, 'two'] } } : value,
      ) as unknown;
      expect(JSON.stringify(withExtras)).toContain('"extra"');
      expect(decodeOtlpJson(JSON.stringify(withExtras))).toStrictEqual(decodeOtlpJson(JSON.stringify(camelCase)));
    });

    it('reads null as "not set"', () => {
      const span = decodeSpan(
        spanRequest('"name":null,"kind":null,"parentSpanId":null,"attributes":null,"events":null,"status":null,"flags":null'),
      );
      expect(span).toMatchObject({
        name: '',
        kind: 0,
        parentSpanId: null,
        attributes: [],
        events: [],
        status: { code: 0, message: '' },
        flags: 0,
      });
      expect(decodedAttribute('{"stringValue":null}')).toStrictEqual({ type: 'empty' });
    });

    it.each([
      ['"SPAN_KIND_UNSPECIFIED"', 0],
      ['"SPAN_KIND_INTERNAL"', 1],
      ['"SPAN_KIND_SERVER"', 2],
      ['"SPAN_KIND_CLIENT"', 3],
      ['"SPAN_KIND_PRODUCER"', 4],
      ['"SPAN_KIND_CONSUMER"', 5],
      ['5', 5],
    ])('decodes kind %s', (kind, expected) => {
      expect(decodeSpan(spanRequest(`"kind":${kind}`)).kind).toBe(expected);
    });

    it('decodes status codes given as names', () => {
      expect(decodeSpan(spanRequest('"status":{"code":"STATUS_CODE_ERROR"}')).status.code).toBe(2);
      expect(decodeSpan(spanRequest('"status":{"code":"STATUS_CODE_OK"}')).status.code).toBe(1);
      expect(decodeSpan(spanRequest('"status":{"code":"STATUS_CODE_UNSET"}')).status.code).toBe(0);
    });

    it.each([
      ['"kind":"SERVER"', 'kind', 'kind must be from 0 to 5 (SPAN_KIND_UNSPECIFIED to SPAN_KIND_CONSUMER), got "SERVER"'],
      ['"kind":6', 'kind', 'kind must be from 0 to 5 (SPAN_KIND_UNSPECIFIED to SPAN_KIND_CONSUMER), got 6'],
      ['"kind":1.5', 'kind', 'kind must be from 0 to 5 (SPAN_KIND_UNSPECIFIED to SPAN_KIND_CONSUMER), got 1.5'],
      ['"kind":true', 'kind', 'kind must be an integer or a SpanKind name, got true'],
      [
        '"status":{"code":"STATUS_CODE_FAILED"}',
        'status.code',
        'code must be from 0 to 2 (STATUS_CODE_UNSET to STATUS_CODE_ERROR), got "STATUS_CODE_FAILED"',
      ],
      ['"status":{"code":3}', 'status.code', 'code must be from 0 to 2 (STATUS_CODE_UNSET to STATUS_CODE_ERROR), got 3'],
    ])('rejects %s', (fields, path, message) => {
      expect(decodeError(spanRequest(fields))).toStrictEqual({ path: `${SPAN_PATH}.${path}`, message });
    });
  });

  describe('ids', () => {
    it('accepts upper-case hex and returns lower case', () => {
      const span = decodeSpan(
        `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${TRACE_ID.toUpperCase()}","spanId":"${SPAN_ID.toUpperCase()}"}]}]}]}`,
      );
      expect([span.traceId, span.spanId]).toStrictEqual([TRACE_ID, SPAN_ID]);
    });

    it('reads an empty or all-zero parentSpanId as a root span', () => {
      expect(decodeSpan(spanRequest('"parentSpanId":""')).parentSpanId).toBeNull();
      expect(decodeSpan(spanRequest('"parentSpanId":"0000000000000000"')).parentSpanId).toBeNull();
    });

    it.each([
      [
        `"traceId":"${TRACE_ID.slice(2)}","spanId":"${SPAN_ID}"`,
        'traceId',
        'traceId must be 16 bytes (32 hex characters), got 30 hex characters',
      ],
      [
        '"traceId":"W47/95gDgQPSabYzgT/GDA==","spanId":"' + SPAN_ID + '"',
        'traceId',
        'traceId must be a hex string, got "W47/95gDgQPSabYzgT/GDA=="',
      ],
      [`"traceId":"${'0'.repeat(32)}","spanId":"${SPAN_ID}"`, 'traceId', 'traceId must not be all zeros'],
      [`"traceId":12,"spanId":"${SPAN_ID}"`, 'traceId', 'traceId must be a hex string, got 12'],
      [`"traceId":"${TRACE_ID}"`, 'spanId', 'spanId must be 8 bytes (16 hex characters), got 0 bytes'],
      [`"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}0"`, 'spanId', 'spanId must be 8 bytes (16 hex characters), got 17 hex characters'],
      [
        `"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","parentSpanId":"abc"`,
        'parentSpanId',
        'parentSpanId must be 8 bytes (16 hex characters), got 3 hex characters',
      ],
      [
        `"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","links":[{"traceId":"${TRACE_ID}"}]`,
        'links[0].spanId',
        'spanId must be 8 bytes (16 hex characters), got 0 bytes',
      ],
    ])('rejects %s', (members, path, message) => {
      expect(decodeError(`{"resourceSpans":[{"scopeSpans":[{"spans":[{${members}}]}]}]}`)).toStrictEqual({
        path: `${SPAN_PATH}.${path}`,
        message,
      });
    });
  });

  describe('AnyValue', () => {
    it('decodes base64 bytes, standard or URL-safe, padded or not', () => {
      const bytes = (value: number[]): AnyValue => ({ type: 'bytes', value: Uint8Array.from(value) });
      expect(decodedAttribute('{"bytesValue":"+/8="}')).toStrictEqual(bytes([0xfb, 0xff]));
      expect(decodedAttribute('{"bytesValue":"-_8"}')).toStrictEqual(bytes([0xfb, 0xff]));
      expect(decodedAttribute('{"bytesValue":""}')).toStrictEqual(bytes([]));
    });

    it('decodes doubles given as numbers or as the proto3 JSON strings', () => {
      const double = (value: number): AnyValue => ({ type: 'double', value });
      expect(decodedAttribute('{"doubleValue":3}')).toStrictEqual(double(3));
      expect(decodedAttribute('{"doubleValue":"2.5e-1"}')).toStrictEqual(double(0.25));
      expect(decodedAttribute('{"doubleValue":"NaN"}')).toStrictEqual(double(Number.NaN));
      expect(decodedAttribute('{"doubleValue":"-Infinity"}')).toStrictEqual(double(Number.NEGATIVE_INFINITY));
    });

    it('decodes {} as empty and an arrayValue or kvlistValue without values as empty lists', () => {
      expect(decodedAttribute('{}')).toStrictEqual({ type: 'empty' });
      expect(decodedAttribute('{"arrayValue":{}}')).toStrictEqual({ type: 'array', values: [] });
      expect(decodedAttribute('{"kvlistValue":{"values":[]}}')).toStrictEqual({ type: 'kvlist', values: [] });
    });

    it.each([
      ['{"stringValue":"a","intValue":1}', '', 'AnyValue must set at most one value, got both stringValue and intValue'],
      ['{"bytesValue":"not base64!"}', '.bytesValue', 'bytesValue must be base64, got "not base64!"'],
      ['{"bytesValue":"AAAAA"}', '.bytesValue', 'bytesValue must be base64, got "AAAAA"'],
      ['{"boolValue":"true"}', '.boolValue', 'boolValue must be true or false, got "true"'],
      ['{"doubleValue":"fast"}', '.doubleValue', 'doubleValue must be a number, got "fast"'],
      ['{"stringValue":5}', '.stringValue', 'stringValue must be a string, got 5'],
      ['{"arrayValue":[]}', '.arrayValue', 'ArrayValue must be an object, got an array'],
      ['{"arrayValue":{"values":[{"intValue":1},"x"]}}', '.arrayValue.values[1]', 'AnyValue must be an object, got "x"'],
      ['{"kvlistValue":{"values":{}}}', '.kvlistValue.values', 'values must be an array, got an object'],
      ['"plain"', '', 'AnyValue must be an object, got "plain"'],
    ])('rejects %s', (anyValue, path, message) => {
      expect(decodeError(spanRequest(`"attributes":[{"key":"k","value":${anyValue}}]`))).toStrictEqual({
        path: `${SPAN_PATH}.attributes[0].value${path}`,
        message,
      });
    });

    it('accepts nesting 32 levels deep and rejects 33', () => {
      const nested = (levels: number): string => (levels === 1 ? '{"intValue":1}' : `{"arrayValue":{"values":[${nested(levels - 1)}]}}`);
      expect(decodedAttribute(nested(32)).type).toBe('array');
      expect(decodeError(spanRequest(`"attributes":[{"key":"k","value":${nested(33)}}]`))).toStrictEqual({
        path: `${SPAN_PATH}.attributes[0].value${'.arrayValue.values[0]'.repeat(32)}`,
        message: 'AnyValue nested more than 32 levels deep',
      });
    });

    it('accepts 1024 attributes and rejects 1025', () => {
      const attributes = (count: number): string =>
        `"attributes":[${Array.from({ length: count }, (_, i) => `{"key":"k${i}","value":{"intValue":${i}}}`).join(',')}]`;
      expect(decodeSpan(spanRequest(attributes(1024))).attributes).toHaveLength(1024);
      expect(decodeError(spanRequest(attributes(1025)))).toStrictEqual({
        path: `${SPAN_PATH}.attributes`,
        message: 'more than 1024 attributes',
      });
    });
  });

  describe('shape errors', () => {
    it.each([
      ['[]', '', 'request must be a JSON object, got an array'],
      ['{"resourceSpans":{}}', 'resourceSpans', 'resourceSpans must be an array, got an object'],
      ['{"resourceSpans":[{"scopeSpans":[{"spans":["x"]}]}]}', SPAN_PATH, 'Span must be an object, got "x"'],
      ['{"resourceSpans":[{"resource":[]}]}', 'resourceSpans[0].resource', 'Resource must be an object, got an array'],
      [
        '{"resourceSpans":[{"scopeSpans":[{"scope":{"name":1}}]}]}',
        'resourceSpans[0].scopeSpans[0].scope.name',
        'name must be a string, got 1',
      ],
      [
        spanRequest('"droppedAttributesCount":-1'),
        `${SPAN_PATH}.droppedAttributesCount`,
        'droppedAttributesCount must be an integer from 0 to 4294967295, got -1',
      ],
      [spanRequest('"flags":4294967296'), `${SPAN_PATH}.flags`, 'flags must be an integer from 0 to 4294967295, got 4294967296'],
      [spanRequest('"events":[{},{"name":{}}]'), `${SPAN_PATH}.events[1].name`, 'name must be a string, got an object'],
    ])('rejects %s', (text, path, message) => {
      expect(decodeError(text)).toStrictEqual({ path, message });
    });

    it('accepts 32-bit integers given as decimal strings', () => {
      expect(decodeSpan(spanRequest('"flags":"257","droppedLinksCount":"3"'))).toMatchObject({ flags: 257, droppedLinksCount: 3 });
    });
  });

  describe('malformed JSON', () => {
    it.each([
      ['{"resourceSpans": [}', 'line 1, column 20 (offset 19): unexpected "}", expected a JSON value'],
      ['{\n  "resourceSpans": [\n    {"resource": {}},\n  ]\n}', 'line 4, column 3 (offset 47): unexpected "]", expected a JSON value'],
      ['{"a" 1}', 'line 1, column 6 (offset 5): unexpected "1", expected \':\''],
      ['{"a": 01}', "line 1, column 8 (offset 7): unexpected \"1\", expected ',' or '}'"],
      ['{"a": [1 2]}', "line 1, column 10 (offset 9): unexpected \"2\", expected ',' or ']'"],
      ['{"a": "b', 'line 1, column 9 (offset 8): unterminated string'],
      ['{"a": "x\ty"}', 'line 1, column 9 (offset 8): control character in string'],
      ['{"a": "\\x"}', 'line 1, column 8 (offset 7): invalid escape in string'],
      ['{"a": "\\u12G4"}', 'line 1, column 8 (offset 7): invalid \\u escape'],
      ['{"a": tru}', 'line 1, column 7 (offset 6): unexpected "t", expected a JSON value'],
      ['{} {}', 'line 1, column 4 (offset 3): unexpected data after the JSON value'],
      ['', 'line 1, column 1 (offset 0): unexpected end of input, expected a JSON value'],
      ['[1,', 'line 1, column 4 (offset 3): unexpected end of input, expected a JSON value'],
      ['['.repeat(600), 'line 1, column 513 (offset 512): nesting deeper than 512 levels'],
    ])('reports %j with its position', (text, message) => {
      expect(decodeError(text)).toStrictEqual({ path: '', message: `invalid JSON at ${message}` });
    });
  });
});
