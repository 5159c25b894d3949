import { describe, expect, it } from 'vitest';
import { decodeOtlpProtobuf } from './otlp-protobuf.js';
import type { AnyValue, ResourceSpans } from './otlp.types.js';
import { encodeTraceByIdResponse, encodeTracesData } from './otlp-protobuf-encoder.js';

/** Round trips through the gateway's own OTLP protobuf decoder (src/otlp/otlp-protobuf.ts). */

const values: readonly AnyValue[] = [
  { type: 'string', value: '' },
  { type: 'string', value: 'héllo ✓' },
  { type: 'bool', value: false },
  { type: 'bool', value: true },
  { type: 'int', value: 0n },
  { type: 'int', value: -1n },
  { type: 'int', value: -(2n ** 63n) },
  { type: 'int', value: 2n ** 63n - 1n },
  { type: 'double', value: 0 },
  { type: 'double', value: -0.5 },
  { type: 'double', value: Number.NaN },
  { type: 'double', value: Number.NEGATIVE_INFINITY },
  { type: 'bytes', value: new Uint8Array([0, 255, 7]) },
  { type: 'empty' },
  { type: 'array', values: [] },
  {
    type: 'array',
    values: [
      { type: 'int', value: 5n },
      { type: 'array', values: [{ type: 'bool', value: true }] },
    ],
  },
  { type: 'kvlist', values: [{ key: 'nested', value: { type: 'kvlist', values: [{ key: 'k', value: { type: 'double', value: 1.5 } }] } }] },
];

function request(): ResourceSpans[] {
  return [
    {
      resource: { attributes: [{ key: 'service.name', value: { type: 'string', value: 'svc' } }], droppedAttributesCount: 2 },
      schemaUrl: 'https://opentelemetry.io/schemas/1.24.0',
      scopeSpans: [
        {
          scope: {
            name: 'scope',
            version: '1.0',
            attributes: [{ key: 'a', value: { type: 'int', value: 1n } }],
            droppedAttributesCount: 1,
          },
          schemaUrl: 'https://opentelemetry.io/schemas/1.24.0',
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              traceState: 'a=b',
              parentSpanId: '00f067aa0ba902b7',
              flags: 0x301,
              name: 'every field',
              kind: 5,
              startTimeUnixNano: 1773562961003000001n,
              endTimeUnixNano: 18446744073709551615n,
              attributes: values.map((value, i) => ({ key: `v${i}`, value })),
              droppedAttributesCount: 3,
              events: [
                {
                  timeUnixNano: 1n,
                  name: 'e',
                  attributes: [{ key: 'x', value: { type: 'bool', value: false } }],
                  droppedAttributesCount: 4,
                },
              ],
              droppedEventsCount: 5,
              links: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  traceState: 'k=v',
                  attributes: [],
                  droppedAttributesCount: 6,
                  flags: 1,
                },
              ],
              droppedLinksCount: 7,
              status: { code: 2, message: 'boom' },
            },
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: '0000000000000001',
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
    { resource: { attributes: [], droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] },
  ];
}

describe('encodeTracesData', () => {
  it('is read back by the OTLP decoder as the same model: every value type, defaults, extremes', () => {
    const data = request();
    const decoded = decodeOtlpProtobuf(encodeTracesData(data));
    expect(decoded).toEqual({ resourceSpans: data });
  });

  it('writes nothing for no resource spans', () => {
    expect(encodeTracesData([])).toEqual(new Uint8Array());
  });
});

describe('encodeTraceByIdResponse', () => {
  it('wraps TracesData as field 1, length-delimited', () => {
    const inner = encodeTracesData(request());
    const outer = encodeTraceByIdResponse(request());
    expect(outer[0]).toBe(0x0a);
    let length = 0;
    let shift = 0;
    let i = 1;
    for (; (outer[i]! & 0x80) !== 0; i++, shift += 7) length |= (outer[i]! & 0x7f) << shift;
    length |= outer[i]! << shift;
    expect(length).toBe(inner.length);
    expect(outer.subarray(i + 1)).toEqual(inner);
  });
});
