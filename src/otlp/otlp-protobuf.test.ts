import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, createTraceState, trace } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './otlp-errors.js';
import { decodeOtlpProtobuf } from './otlp-protobuf.js';
import { parse } from 'protobufjs';
import { encodeExportTraceResponse, encodeRpcStatus } from './otlp-protobuf-response.js';
import type { AnyValue, ExportTraceRequest, OtlpSpan } from './otlp.types.js';

// ---- Spans recorded by the real OpenTelemetry SDK -------------------------------------------

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const REMOTE_PARENT_ID = 'b7ad6b7169203331';
const LINKED_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const LINKED_SPAN_ID = '00f067aa0ba902b7';
const ROOT_TRACE_ID = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const SPAN_IDS = ['1000000000000001', '1000000000000002', '1000000000000003', '1000000000000004'];

/**
 * One resource, two scopes, four spans: a server span under a remote parent
 * (trace state, link, event, error status, every attribute type the SDK
 * emits), its database child (over the attribute and event limits), and two
 * roots. Ids and times are fixed so the decoded model can be spelled out.
 */
function recordSdkSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  let nextSpanId = 0;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout', 'host.cpu.count': 8 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { attributeCountLimit: 6, eventCountLimit: 2 },
    idGenerator: { generateTraceId: () => ROOT_TRACE_ID, generateSpanId: () => SPAN_IDS[nextSpanId++]! },
  });
  const http = provider.getTracer('@acme/http', '2.1.0', { schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' });
  const db = provider.getTracer('@acme/db');
  const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: TRACE_ID,
    spanId: REMOTE_PARENT_ID,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: createTraceState('vendor=abc,other=1'),
  });
  const server = http.startSpan(
    'GET /orders/:id',
    {
      kind: SpanKind.SERVER,
      startTime: [1_700_000_000, 123_456_789],
      links: [
        {
          context: { traceId: LINKED_TRACE_ID, spanId: LINKED_SPAN_ID, traceFlags: TraceFlags.NONE, isRemote: true },
          attributes: { 'link.reason': 'retry' },
        },
      ],
    },
    remoteParent,
  );
  server.setAttributes({
    'http.route': '/orders/:id',
    'http.response.status_code': 200,
    'cache.hit': true,
    ratio: 0.25,
    'feature.flags': [true, false],
    weights: [0.5, 1.5],
  });
  server.addEvent('cache.miss', { 'cache.key': 'order:7' }, [1_700_000_000, 200_000_000]);
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'payment declined' });

  const query = db.startSpan(
    'SELECT orders',
    { kind: SpanKind.CLIENT, startTime: [1_700_000_000, 300_000_000] },
    trace.setSpan(ROOT_CONTEXT, server),
  );
  query.setAttributes({
    'max.safe': Number.MAX_SAFE_INTEGER,
    negative: -42,
    tags: ['a', 'b'],
    codes: [1, null, 3],
    'db.system.name': 'postgresql',
    'db.rows.ratio': -0.5,
    'over.the.limit': 'x',
  });
  query.addEvent('dropped', {}, [1_700_000_000, 310_000_000]);
  query.addEvent('retry', { attempt: 2, 'backoff.ms': 50 }, [1_700_000_000, 320_000_000]);
  query.addEvent('rows', { count: 3 }, [1_700_000_000, 330_000_000]);
  query.setStatus({ code: SpanStatusCode.OK });
  query.end([1_700_000_000, 400_000_000]);
  server.end([1_700_000_001, 5]);

  for (const kind of [SpanKind.INTERNAL, SpanKind.CONSUMER]) {
    http.startSpan('background', { kind, root: true, startTime: [1_700_000_002, 0] }).end([1_700_000_002, 0]);
  }
  return exporter.getFinishedSpans();
}

const str = (value: string): AnyValue => ({ type: 'string', value });
const int = (value: bigint): AnyValue => ({ type: 'int', value });
const double = (value: number): AnyValue => ({ type: 'double', value });
const bool = (value: boolean): AnyValue => ({ type: 'bool', value });
const array = (...values: AnyValue[]): AnyValue => ({ type: 'array', values });
const EMPTY: AnyValue = { type: 'empty' };
const UNSET = { code: 0, message: '' } as const;

function backgroundSpan(spanId: string, kind: 1 | 5): OtlpSpan {
  return {
    traceId: ROOT_TRACE_ID,
    spanId,
    traceState: '',
    parentSpanId: null,
    flags: 0x101,
    name: 'background',
    kind,
    startTimeUnixNano: 1_700_000_002_000_000_000n,
    endTimeUnixNano: 1_700_000_002_000_000_000n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: UNSET,
  };
}

/** What recordSdkSpans() must decode to. Scopes and spans come in the order the spans ended. */
const SDK_SPANS_DECODED: ExportTraceRequest = {
  resourceSpans: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: str('checkout') },
          { key: 'host.cpu.count', value: int(8n) },
        ],
        droppedAttributesCount: 0,
      },
      schemaUrl: '',
      scopeSpans: [
        {
          scope: { name: '@acme/db', version: '', attributes: [], droppedAttributesCount: 0 },
          schemaUrl: '',
          spans: [
            {
              traceId: TRACE_ID,
              spanId: SPAN_IDS[1]!,
              traceState: 'vendor=abc,other=1',
              parentSpanId: SPAN_IDS[0]!,
              // sampled | "parent remoteness known" (0x100); the parent is local, so no 0x200.
              flags: 0x101,
              name: 'SELECT orders',
              kind: 3,
              startTimeUnixNano: 1_700_000_000_300_000_000n,
              endTimeUnixNano: 1_700_000_000_400_000_000n,
              attributes: [
                { key: 'max.safe', value: int(9_007_199_254_740_991n) },
                { key: 'negative', value: int(-42n) },
                { key: 'tags', value: array(str('a'), str('b')) },
                { key: 'codes', value: array(int(1n), EMPTY, int(3n)) },
                { key: 'db.system.name', value: str('postgresql') },
                { key: 'db.rows.ratio', value: double(-0.5) },
              ],
              droppedAttributesCount: 1,
              events: [
                {
                  timeUnixNano: 1_700_000_000_320_000_000n,
                  name: 'retry',
                  attributes: [
                    { key: 'attempt', value: int(2n) },
                    { key: 'backoff.ms', value: int(50n) },
                  ],
                  droppedAttributesCount: 0,
                },
                {
                  timeUnixNano: 1_700_000_000_330_000_000n,
                  name: 'rows',
                  attributes: [{ key: 'count', value: int(3n) }],
                  droppedAttributesCount: 0,
                },
              ],
              droppedEventsCount: 1,
              links: [],
              droppedLinksCount: 0,
              status: { code: 1, message: '' },
            },
          ],
        },
        {
          scope: { name: '@acme/http', version: '2.1.0', attributes: [], droppedAttributesCount: 0 },
          schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
          spans: [
            {
              traceId: TRACE_ID,
              spanId: SPAN_IDS[0]!,
              traceState: 'vendor=abc,other=1',
              parentSpanId: REMOTE_PARENT_ID,
              flags: 0x301,
              name: 'GET /orders/:id',
              kind: 2,
              startTimeUnixNano: 1_700_000_000_123_456_789n,
              endTimeUnixNano: 1_700_000_001_000_000_005n,
              attributes: [
                { key: 'http.route', value: str('/orders/:id') },
                { key: 'http.response.status_code', value: int(200n) },
                { key: 'cache.hit', value: bool(true) },
                { key: 'ratio', value: double(0.25) },
                { key: 'feature.flags', value: array(bool(true), bool(false)) },
                { key: 'weights', value: array(double(0.5), double(1.5)) },
              ],
              droppedAttributesCount: 0,
              events: [
                {
                  timeUnixNano: 1_700_000_000_200_000_000n,
                  name: 'cache.miss',
                  attributes: [{ key: 'cache.key', value: str('order:7') }],
                  droppedAttributesCount: 0,
                },
              ],
              droppedEventsCount: 0,
              links: [
                {
                  traceId: LINKED_TRACE_ID,
                  spanId: LINKED_SPAN_ID,
                  traceState: '',
                  attributes: [{ key: 'link.reason', value: str('retry') }],
                  droppedAttributesCount: 0,
                  flags: 0x300,
                },
              ],
              droppedLinksCount: 0,
              status: { code: 2, message: 'payment declined' },
            },
            backgroundSpan(SPAN_IDS[2]!, 1),
            backgroundSpan(SPAN_IDS[3]!, 5),
          ],
        },
      ],
    },
  ],
};

// ---- Hand-crafted protobuf -----------------------------------------------------------------

const utf8 = new TextEncoder();
type Bytes = readonly number[];

function varint(value: bigint | number): number[] {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
  return out;
}

function littleEndian(value: bigint, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

const tag = (field: number, wireType: number): number[] => varint((field << 3) | wireType);
const varintField = (field: number, value: bigint | number): number[] => [...tag(field, 0), ...varint(value)];
const fixed64Field = (field: number, value: bigint): number[] => [...tag(field, 1), ...littleEndian(value, 8)];
const fixed32Field = (field: number, value: number): number[] => [...tag(field, 5), ...littleEndian(BigInt(value), 4)];
const doubleField = (field: number, value: number): number[] => [...tag(field, 1), ...new Uint8Array(new Float64Array([value]).buffer)];
function bytesField(field: number, payload: Bytes | Uint8Array | string): number[] {
  const bytes = typeof payload === 'string' ? [...utf8.encode(payload)] : [...payload];
  return [...tag(field, 2), ...varint(bytes.length), ...bytes];
}
const message = (field: number, ...fields: Bytes[]): number[] => bytesField(field, fields.flat());
const hexBytes = (hex: string): number[] => [...Buffer.from(hex, 'hex')];

const SPAN_ID = 'eee19b7ec3c1b174';
const IDS: Bytes[] = [bytesField(1, hexBytes(TRACE_ID)), bytesField(2, hexBytes(SPAN_ID))];
const SPAN_PATH = 'resourceSpans[0].scopeSpans[0].spans[0]';

/** ExportTraceServiceRequest { resource_spans { scope_spans { spans { ...spanFields } } } } */
function requestWithSpan(...spanFields: Bytes[]): Uint8Array {
  return Uint8Array.from(message(1, message(2, message(2, ...spanFields))));
}

/** A span whose only attribute is `k` = the AnyValue made of `valueFields`. */
function requestWithAttribute(...valueFields: Bytes[]): Uint8Array {
  return requestWithSpan(...IDS, message(9, bytesField(1, 'k'), message(2, ...valueFields)));
}

function onlySpan(request: ExportTraceRequest): OtlpSpan {
  return request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
}

function decodedAttribute(...valueFields: Bytes[]): AnyValue {
  return onlySpan(decodeOtlpProtobuf(requestWithAttribute(...valueFields))).attributes[0]!.value;
}

function decodeError(bytes: Uint8Array): OtlpDecodeError {
  try {
    decodeOtlpProtobuf(bytes);
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error;
    throw error;
  }
  throw new Error('expected decoding to fail');
}

// ---- Specification ---------------------------------------------------------------------------

describe('decodeOtlpProtobuf', () => {
  describe('payloads serialized by the OpenTelemetry SDK (ProtobufTraceSerializer)', () => {
    const payload = ProtobufTraceSerializer.serializeRequest(recordSdkSpans())!;

    it('decodes resource, scopes, spans, events, links, status and every attribute type field for field', () => {
      expect(decodeOtlpProtobuf(payload)).toStrictEqual(SDK_SPANS_DECODED);
    });

    it('reads a Node Buffer that is a slice of a larger allocation', () => {
      const padded = Buffer.concat([Buffer.from([0xff, 0xff, 0xff]), Buffer.from(payload)]).subarray(3);
      expect(padded.byteOffset).not.toBe(0);
      expect(decodeOtlpProtobuf(padded)).toStrictEqual(SDK_SPANS_DECODED);
    });

    it('rejects every truncation of the payload with an OtlpDecodeError', () => {
      for (let length = 1; length < payload.length; length++) {
        expect(() => decodeOtlpProtobuf(payload.subarray(0, length)), `first ${length} bytes`).toThrow(OtlpDecodeError);
      }
    });
  });

  it('decodes an empty request to no resource spans', () => {
    expect(decodeOtlpProtobuf(new Uint8Array(0))).toStrictEqual({ resourceSpans: [] });
  });

  it('fills absent resource, scope, status and span fields with their proto3 defaults', () => {
    const decoded = decodeOtlpProtobuf(requestWithSpan(...IDS));
    expect(decoded).toStrictEqual({
      resourceSpans: [
        {
          resource: { attributes: [], droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeSpans: [
            {
              scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0 },
              schemaUrl: '',
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  traceState: '',
                  parentSpanId: null,
                  flags: 0,
                  name: '',
                  kind: 0,
                  startTimeUnixNano: 0n,
                  endTimeUnixNano: 0n,
                  attributes: [],
                  droppedAttributesCount: 0,
                  events: [],
                  droppedEventsCount: 0,
                  links: [],
                  droppedLinksCount: 0,
                  status: { code: 0, message: '' },
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('decodes the dropped counts, flags and scope attributes the SDK leaves at zero', () => {
    const request = decodeOtlpProtobuf(
      Uint8Array.from(
        message(
          1,
          message(1, varintField(2, 3)),
          message(
            2,
            message(1, bytesField(1, 'scope'), message(3, bytesField(1, 'scope.attr'), message(2, varintField(2, 1))), varintField(4, 2)),
            message(
              2,
              ...IDS,
              fixed32Field(16, 0xffff_ffff),
              varintField(14, 7),
              message(11, bytesField(2, 'event'), varintField(4, 5)),
              message(
                13,
                bytesField(1, hexBytes(LINKED_TRACE_ID)),
                bytesField(2, hexBytes(LINKED_SPAN_ID)),
                bytesField(3, 'k=v'),
                varintField(5, 4),
                fixed32Field(6, 0x301),
              ),
            ),
          ),
        ),
      ),
    );
    const resourceSpans = request.resourceSpans[0]!;
    expect(resourceSpans.resource).toStrictEqual({ attributes: [], droppedAttributesCount: 3 });
    expect(resourceSpans.scopeSpans[0]!.scope).toStrictEqual({
      name: 'scope',
      version: '',
      attributes: [{ key: 'scope.attr', value: bool(true) }],
      droppedAttributesCount: 2,
    });
    const span = onlySpan(request);
    expect(span.flags).toBe(0xffff_ffff);
    expect(span.droppedLinksCount).toBe(7);
    expect(span.events).toStrictEqual([{ timeUnixNano: 0n, name: 'event', attributes: [], droppedAttributesCount: 5 }]);
    expect(span.links).toStrictEqual([
      { traceId: LINKED_TRACE_ID, spanId: LINKED_SPAN_ID, traceState: 'k=v', attributes: [], droppedAttributesCount: 4, flags: 0x301 },
    ]);
  });

  describe('AnyValue', () => {
    it('decodes int64 exactly beyond 2^53, at both ends of the range, and negatives in two’s complement', () => {
      expect(decodedAttribute(varintField(3, 9_007_199_254_740_993n))).toStrictEqual(int(9_007_199_254_740_993n));
      expect(decodedAttribute(varintField(3, 2n ** 63n - 1n))).toStrictEqual(int(2n ** 63n - 1n));
      expect(decodedAttribute(varintField(3, -1n))).toStrictEqual(int(-1n));
      expect(decodedAttribute(varintField(3, -(2n ** 63n)))).toStrictEqual(int(-(2n ** 63n)));
      expect(decodedAttribute(varintField(3, 2n ** 32n))).toStrictEqual(int(2n ** 32n));
    });

    it('decodes bool, double and UTF-8 string values', () => {
      expect(decodedAttribute(varintField(2, 1))).toStrictEqual(bool(true));
      expect(decodedAttribute(varintField(2, 0))).toStrictEqual(bool(false));
      expect(decodedAttribute(varintField(2, 2n ** 32n))).toStrictEqual(bool(true));
      expect(decodedAttribute(doubleField(4, -1.5e300))).toStrictEqual(double(-1.5e300));
      expect(decodedAttribute(doubleField(4, Number.NaN))).toStrictEqual(double(Number.NaN));
      expect(decodedAttribute(bytesField(1, 'naïve ☃ 𝄞 and a longer tail'))).toStrictEqual(str('naïve ☃ 𝄞 and a longer tail'));
      expect(decodedAttribute(bytesField(1, ''))).toStrictEqual(str(''));
    });

    it('decodes bytes values into a copy that does not alias the request', () => {
      const request = requestWithAttribute(bytesField(7, [0x00, 0xff, 0x10]));
      const value = onlySpan(decodeOtlpProtobuf(request)).attributes[0]!.value;
      request.fill(0);
      expect(value).toStrictEqual({ type: 'bytes', value: Uint8Array.from([0x00, 0xff, 0x10]) });
    });

    it('decodes nested arrays and key-value lists', () => {
      const value = decodedAttribute(
        message(
          6,
          message(1, bytesField(1, 'list'), message(2, message(5, message(1, varintField(3, 1)), message(1, bytesField(1, 'two'))))),
          message(1, bytesField(1, 'map'), message(2, message(6, message(1, bytesField(1, 'inner'), message(2, varintField(2, 1)))))),
          message(1, bytesField(1, 'nothing')),
        ),
      );
      expect(value).toStrictEqual({
        type: 'kvlist',
        values: [
          { key: 'list', value: array(int(1n), str('two')) },
          { key: 'map', value: { type: 'kvlist', values: [{ key: 'inner', value: bool(true) }] } },
          { key: 'nothing', value: EMPTY },
        ],
      });
    });

    it('decodes an AnyValue with no value set, and a KeyValue without value, as empty', () => {
      expect(decodedAttribute()).toStrictEqual(EMPTY);
      const span = onlySpan(decodeOtlpProtobuf(requestWithSpan(...IDS, message(9, bytesField(1, 'k')))));
      expect(span.attributes).toStrictEqual([{ key: 'k', value: EMPTY }]);
    });

    it('keeps the last member when a oneof is set twice', () => {
      expect(decodedAttribute(bytesField(1, 'first'), varintField(3, 2))).toStrictEqual(int(2n));
    });

    it('accepts nesting 32 levels deep and rejects 33', () => {
      const nested = (levels: number): Bytes => (levels === 1 ? varintField(3, 1) : message(5, message(1, nested(levels - 1))));
      expect(() => decodeOtlpProtobuf(requestWithAttribute(nested(32)))).not.toThrow();
      const error = decodeError(requestWithAttribute(nested(33)));
      expect(error.message).toBe('AnyValue nested more than 32 levels deep');
      expect(error.path).toBe(`${SPAN_PATH}.attributes[0].value${'.arrayValue.values[0]'.repeat(32)}`);
    });
  });

  describe('unknown fields', () => {
    const unknownFields: Bytes = [
      ...varintField(1000, 2n ** 64n - 1n),
      ...fixed64Field(1001, 7n),
      ...bytesField(1002, 'ignored'),
      ...tag(1003, 3), // group with a nested group inside
      ...varintField(1, 5),
      ...tag(1004, 3),
      ...fixed32Field(2, 9),
      ...tag(1004, 4),
      ...tag(1003, 4),
      ...fixed32Field(1005, 1),
    ];

    function fullRequest(unknown: Bytes): Uint8Array {
      const attribute = message(9, unknown, bytesField(1, 'k'), message(2, unknown, bytesField(1, 'v')));
      return Uint8Array.from([
        ...unknown,
        ...message(
          1,
          unknown,
          message(1, unknown, message(1, bytesField(1, 'service.name'), unknown, message(2, bytesField(1, 'svc')))),
          message(
            2,
            unknown,
            message(1, unknown, bytesField(1, 'scope')),
            message(
              2,
              ...IDS,
              unknown,
              attribute,
              message(11, unknown, fixed64Field(1, 5n), bytesField(2, 'event')),
              message(13, unknown, bytesField(1, hexBytes(LINKED_TRACE_ID)), bytesField(2, hexBytes(LINKED_SPAN_ID))),
              message(15, unknown, varintField(3, 2)),
              message(9, bytesField(1, 'arr'), message(2, message(5, unknown, message(1, unknown, varintField(2, 1))))),
              message(9, bytesField(1, 'kv'), message(2, message(6, unknown, message(1, unknown, bytesField(1, 'x'))))),
            ),
          ),
        ),
        ...unknown,
      ]);
    }

    it('skips unknown fields of every wire type, including nested groups, at every level', () => {
      const withUnknown = decodeOtlpProtobuf(fullRequest(unknownFields));
      expect(withUnknown).toStrictEqual(decodeOtlpProtobuf(fullRequest([])));
      expect(onlySpan(withUnknown).status).toStrictEqual({ code: 2, message: '' });
      expect(onlySpan(withUnknown).events[0]!.timeUnixNano).toBe(5n);
    });

    it('skips a known field that arrives with another wire type, as protobuf parsers do', () => {
      const span = onlySpan(decodeOtlpProtobuf(requestWithSpan(...IDS, varintField(5, 1), bytesField(6, [1]))));
      expect(span.name).toBe('');
      expect(span.kind).toBe(0);
    });
  });

  describe('malformed input', () => {
    it.each([
      ['a varint cut short', [0x0a, 0x80], 'truncated message: varint runs past the end', 'resourceSpans[0]'],
      ['a length beyond the end', [0x0a, 0x05, 0x00], 'truncated message: field 1 declares 5 bytes, 1 remain', 'resourceSpans[0]'],
      [
        'a fixed64 cut short',
        requestWithSpan(...IDS, [...tag(7, 1), 1, 2, 3]),
        'truncated message: field 7 needs 8 bytes, 3 remain',
        SPAN_PATH,
      ],
      [
        'a varint longer than 10 bytes',
        [...tag(1000, 0), ...Array<number>(10).fill(0x80), 0x01],
        'varint in field 1000 overflows 64 bits',
        '',
      ],
      ['a varint beyond 64 bits', [...tag(1000, 0), ...Array<number>(9).fill(0xff), 0x02], 'varint in field 1000 overflows 64 bits', ''],
      ['a length beyond 32 bits', [0x0a, 0xff, 0xff, 0xff, 0xff, 0x1f], 'varint exceeds 32 bits', 'resourceSpans[0]'],
      ['field number 0', [0x00, 0x00], 'invalid field number 0', ''],
      ['wire type 6', [...tag(1000, 6)], 'invalid wire type 6 for field 1000', ''],
      ['an end-group tag with no group open', [...tag(1000, 4)], 'end-group tag for field 1000 without a start-group', ''],
      [
        'a group closed by another field number',
        [...tag(1000, 3), ...tag(1001, 4)],
        'end-group tag for field 1001 does not match the open group',
        '',
      ],
      ['a group never closed', [...tag(1000, 3), ...varintField(1, 1)], 'truncated message: group 1000 is not closed', ''],
    ])('rejects %s', (_case, bytes, message, path) => {
      const error = decodeError(Uint8Array.from(bytes));
      expect({ message: error.message, path: error.path }).toStrictEqual({ message, path });
    });

    it('rejects a string that is not valid UTF-8, naming the field', () => {
      const error = decodeError(requestWithSpan(...IDS, bytesField(5, [0x61, 0xc3, 0x28])));
      expect({ message: error.message, path: error.path }).toStrictEqual({ message: 'name is not valid UTF-8', path: `${SPAN_PATH}.name` });
      const longer = decodeError(requestWithAttribute(bytesField(1, [...utf8.encode('a long enough prefix '), 0xff])));
      expect(longer.path).toBe(`${SPAN_PATH}.attributes[0].value.stringValue`);
    });
  });

  describe('validation', () => {
    const zeros = (count: number): number[] => Array<number>(count).fill(0);

    it.each([
      [
        'a 15-byte trace id',
        [bytesField(1, zeros(14).concat(1)), IDS[1]!],
        'traceId',
        'traceId must be 16 bytes (32 hex characters), got 15 bytes',
      ],
      ['a missing trace id', [IDS[1]!], 'traceId', 'traceId must be 16 bytes (32 hex characters), got 0 bytes'],
      ['an all-zero trace id', [bytesField(1, zeros(16)), IDS[1]!], 'traceId', 'traceId must not be all zeros'],
      [
        'a 9-byte span id',
        [IDS[0]!, bytesField(2, zeros(8).concat(1))],
        'spanId',
        'spanId must be 8 bytes (16 hex characters), got 9 bytes',
      ],
      ['an all-zero span id', [IDS[0]!, bytesField(2, zeros(8))], 'spanId', 'spanId must not be all zeros'],
      [
        'a 4-byte parent span id',
        [...IDS, bytesField(4, [1, 2, 3, 4])],
        'parentSpanId',
        'parentSpanId must be 8 bytes (16 hex characters), got 4 bytes',
      ],
      ['kind 6', [...IDS, varintField(6, 6)], 'kind', 'kind must be from 0 to 5 (SPAN_KIND_UNSPECIFIED to SPAN_KIND_CONSUMER), got 6'],
      ['kind -1', [...IDS, varintField(6, -1)], 'kind', 'kind must be from 0 to 5 (SPAN_KIND_UNSPECIFIED to SPAN_KIND_CONSUMER), got -1'],
      [
        'status code 3',
        [...IDS, message(15, varintField(3, 3))],
        'status.code',
        'code must be from 0 to 2 (STATUS_CODE_UNSET to STATUS_CODE_ERROR), got 3',
      ],
      [
        'a link without span id',
        [...IDS, message(13, bytesField(1, hexBytes(LINKED_TRACE_ID)))],
        'links[0].spanId',
        'spanId must be 8 bytes (16 hex characters), got 0 bytes',
      ],
      [
        'a link with a short trace id',
        [...IDS, message(13, bytesField(1, [1]), bytesField(2, hexBytes(LINKED_SPAN_ID)))],
        'links[0].traceId',
        'traceId must be 16 bytes (32 hex characters), got 1 byte',
      ],
    ])('rejects %s', (_case, spanFields, path, message) => {
      const error = decodeError(requestWithSpan(...spanFields));
      expect({ path: error.path, message: error.message }).toStrictEqual({ path: `${SPAN_PATH}.${path}`, message });
    });

    it('locates errors by index at every level', () => {
      const good = message(2, ...IDS);
      const bad = message(2, IDS[0]!);
      const request = Uint8Array.from([
        ...message(1, message(2, good)),
        ...message(1, message(2, good), message(2, good, good, good, bad)),
      ]);
      expect(decodeError(request).path).toBe('resourceSpans[1].scopeSpans[1].spans[3].spanId');
      const inEvent = requestWithSpan(...IDS, message(11), message(11, message(3, bytesField(1, 'k'), message(2, bytesField(1, [0xff])))));
      expect(decodeError(inEvent).path).toBe(`${SPAN_PATH}.events[1].attributes[0].value.stringValue`);
    });

    it('reads an empty or all-zero parent span id as a root span', () => {
      expect(onlySpan(decodeOtlpProtobuf(requestWithSpan(...IDS, bytesField(4, [])))).parentSpanId).toBeNull();
      expect(onlySpan(decodeOtlpProtobuf(requestWithSpan(...IDS, bytesField(4, zeros(8))))).parentSpanId).toBeNull();
    });

    it('accepts 1024 attributes on a span and rejects 1025', () => {
      const attributes = (count: number): Bytes[] =>
        Array.from({ length: count }, (_, i) => message(9, bytesField(1, `k${i}`), message(2, varintField(3, i))));
      expect(onlySpan(decodeOtlpProtobuf(requestWithSpan(...IDS, ...attributes(1024)))).attributes).toHaveLength(1024);
      const error = decodeError(requestWithSpan(...IDS, ...attributes(1025)));
      expect({ path: error.path, message: error.message }).toStrictEqual({
        path: `${SPAN_PATH}.attributes`,
        message: 'more than 1024 attributes',
      });
    });
  });
});

describe('encodeExportTraceResponse', () => {
  it('is the empty message when nothing was rejected', () => {
    expect(encodeExportTraceResponse()).toStrictEqual(new Uint8Array(0));
    expect(encodeExportTraceResponse({ rejectedSpans: 0n, errorMessage: '' })).toStrictEqual(new Uint8Array(0));
  });

  it('encodes a partial success that the OpenTelemetry SDK reads back', () => {
    const bytes = encodeExportTraceResponse({ rejectedSpans: 300n, errorMessage: 'span 3: traceId ✗' });
    const response = ProtobufTraceSerializer.deserializeResponse(bytes);
    expect(Number(response.partialSuccess?.rejectedSpans)).toBe(300);
    expect(response.partialSuccess?.errorMessage).toBe('span 3: traceId ✗');
  });

  it('encodes a warning: a message with zero rejected spans', () => {
    expect([...encodeExportTraceResponse({ rejectedSpans: 0n, errorMessage: 'ok' })]).toStrictEqual([0x0a, 0x04, 0x12, 0x02, 0x6f, 0x6b]);
  });

  it('encodes the largest int64 count and refuses a negative one', () => {
    expect([...encodeExportTraceResponse({ rejectedSpans: 2n ** 63n - 1n, errorMessage: '' })]).toStrictEqual([
      0x0a, 0x0a, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
    ]);
    expect(() => encodeExportTraceResponse({ rejectedSpans: -1n, errorMessage: '' })).toThrow(RangeError);
  });
});

describe('encodeRpcStatus', () => {
  it('encodes google.rpc.Status code and message', () => {
    expect([...encodeRpcStatus(3, 'bad')]).toStrictEqual([0x08, 0x03, 0x12, 0x03, 0x62, 0x61, 0x64]);
    expect([...encodeRpcStatus(0, '')]).toStrictEqual([]);
  });

  it('adds a google.rpc.RetryInfo detail that protobufjs reads back as the retry delay', () => {
    const rpc = parse(`syntax = "proto3"; package google.rpc;
      message Status { int32 code = 1; string message = 2; repeated Any details = 3; }
      message Any { string type_url = 1; bytes value = 2; }
      message RetryInfo { Duration retry_delay = 1; }
      message Duration { int64 seconds = 1; int32 nanos = 2; }`).root;
    const read = (delayS: number) => {
      const status = rpc
        .lookupType('google.rpc.Status')
        .toObject(rpc.lookupType('google.rpc.Status').decode(encodeRpcStatus(8, 'slow down', delayS)), {
          longs: String,
          defaults: true,
        }) as { code: number; message: string; details: { typeUrl: string; value: Uint8Array }[] };
      const retryInfo = rpc.lookupType('google.rpc.RetryInfo');
      const info = retryInfo.toObject(retryInfo.decode(status.details[0]!.value), { longs: String, defaults: true });
      return { ...status, details: status.details.map((d) => d.typeUrl), info };
    };
    expect(read(7)).toStrictEqual({
      code: 8,
      message: 'slow down',
      details: ['type.googleapis.com/google.rpc.RetryInfo'],
      info: { retryDelay: { seconds: '7', nanos: 0 } },
    });
    expect(read(0).info).toStrictEqual({ retryDelay: { seconds: '0', nanos: 0 } });
    expect(() => encodeRpcStatus(8, 'x', 1.5)).toThrow(RangeError);
  });
});
