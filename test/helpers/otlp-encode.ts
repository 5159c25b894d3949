import type { AnyValue, ExportTraceRequest, KeyValue, OtlpSpan, ResourceSpans, ScopeSpans } from '../../src/otlp/otlp.types.js';

/**
 * The gateway's OTLP model written back to the wire, in both encodings, for
 * tests that need exact control over every field (times beyond what an SDK
 * produces, generated requests for the decoders' round trips). Field numbers
 * and JSON names follow opentelemetry-proto, as the decoders do.
 */

class Writer {
  private readonly chunks: number[] = [];

  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  tag(field: number, wireType: number): this {
    return this.varint((field << 3) | wireType);
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    for (const byte of data) this.chunks.push(byte);
    return this;
  }

  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  string(field: number, text: string): this {
    return text === '' ? this : this.bytes(field, new TextEncoder().encode(text));
  }

  uint(field: number, value: number): this {
    return value === 0 ? this : this.tag(field, 0).varint(value);
  }

  fixed64(field: number, value: bigint): this {
    this.tag(field, 1);
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt.asUintN(64, value), true);
    for (const byte of new Uint8Array(view.buffer)) this.chunks.push(byte);
    return this;
  }

  fixed32(field: number, value: number): this {
    if (value === 0) return this;
    this.tag(field, 5);
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, value, true);
    for (const byte of new Uint8Array(view.buffer)) this.chunks.push(byte);
    return this;
  }

  double(field: number, value: number): this {
    this.tag(field, 1);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    for (const byte of new Uint8Array(view.buffer)) this.chunks.push(byte);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const hexBytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

function anyValue(w: Writer, value: AnyValue): void {
  switch (value.type) {
    case 'string':
      w.bytes(1, new TextEncoder().encode(value.value));
      return;
    case 'bool':
      w.tag(2, 0).varint(value.value ? 1 : 0);
      return;
    case 'int':
      w.tag(3, 0).varint(value.value);
      return;
    case 'double':
      w.double(4, value.value);
      return;
    case 'array':
      w.message(5, (a) => value.values.forEach((v) => a.message(1, (e) => anyValue(e, v))));
      return;
    case 'kvlist':
      w.message(6, (l) => keyValues(l, 1, value.values));
      return;
    case 'bytes':
      w.bytes(7, value.value);
      return;
    case 'empty':
      return;
  }
}

function keyValues(w: Writer, field: number, list: readonly KeyValue[]): void {
  for (const kv of list) w.message(field, (m) => m.string(1, kv.key).message(2, (v) => anyValue(v, kv.value)));
}

function span(w: Writer, s: OtlpSpan): void {
  w.bytes(1, hexBytes(s.traceId)).bytes(2, hexBytes(s.spanId)).string(3, s.traceState);
  if (s.parentSpanId !== null) w.bytes(4, hexBytes(s.parentSpanId));
  w.string(5, s.name).uint(6, s.kind).fixed64(7, s.startTimeUnixNano).fixed64(8, s.endTimeUnixNano);
  keyValues(w, 9, s.attributes);
  w.uint(10, s.droppedAttributesCount);
  for (const e of s.events) {
    w.message(11, (m) => {
      m.fixed64(1, e.timeUnixNano).string(2, e.name);
      keyValues(m, 3, e.attributes);
      m.uint(4, e.droppedAttributesCount);
    });
  }
  w.uint(12, s.droppedEventsCount);
  for (const l of s.links) {
    w.message(13, (m) => {
      m.bytes(1, hexBytes(l.traceId)).bytes(2, hexBytes(l.spanId)).string(3, l.traceState);
      keyValues(m, 4, l.attributes);
      m.uint(5, l.droppedAttributesCount).fixed32(6, l.flags);
    });
  }
  w.uint(14, s.droppedLinksCount);
  if (s.status.code !== 0 || s.status.message !== '') w.message(15, (m) => m.string(2, s.status.message).uint(3, s.status.code));
  w.fixed32(16, s.flags);
}

function scopeSpans(w: Writer, ss: ScopeSpans): void {
  w.message(1, (m) => {
    m.string(1, ss.scope.name).string(2, ss.scope.version);
    keyValues(m, 3, ss.scope.attributes);
    m.uint(4, ss.scope.droppedAttributesCount);
  });
  for (const s of ss.spans) w.message(2, (m) => span(m, s));
  w.string(3, ss.schemaUrl);
}

function resourceSpans(w: Writer, rs: ResourceSpans): void {
  w.message(1, (m) => {
    keyValues(m, 1, rs.resource.attributes);
    m.uint(2, rs.resource.droppedAttributesCount);
  });
  for (const ss of rs.scopeSpans) w.message(2, (m) => scopeSpans(m, ss));
  w.string(3, rs.schemaUrl);
}

/** An ExportTraceServiceRequest in the protobuf encoding. */
export function encodeOtlpProtobuf(request: ExportTraceRequest): Uint8Array {
  const w = new Writer();
  for (const rs of request.resourceSpans) w.message(1, (m) => resourceSpans(m, rs));
  return w.finish();
}

function jsonValue(value: AnyValue): Record<string, unknown> {
  switch (value.type) {
    case 'string':
      return { stringValue: value.value };
    case 'bool':
      return { boolValue: value.value };
    case 'int':
      return { intValue: String(value.value) };
    case 'double':
      return { doubleValue: Number.isFinite(value.value) ? value.value : String(value.value) };
    case 'bytes':
      return { bytesValue: Buffer.from(value.value).toString('base64') };
    case 'array':
      return { arrayValue: { values: value.values.map(jsonValue) } };
    case 'kvlist':
      return { kvlistValue: { values: jsonAttributes(value.values) } };
    case 'empty':
      return {};
  }
}

const jsonAttributes = (list: readonly KeyValue[]) => list.map((kv) => ({ key: kv.key, value: jsonValue(kv.value) }));

/** An ExportTraceServiceRequest in the OTLP/JSON encoding (ids in hex, 64-bit integers as strings). */
export function encodeOtlpJson(request: ExportTraceRequest): Record<string, unknown> {
  return {
    resourceSpans: request.resourceSpans.map((rs) => ({
      resource: { attributes: jsonAttributes(rs.resource.attributes), droppedAttributesCount: rs.resource.droppedAttributesCount },
      schemaUrl: rs.schemaUrl,
      scopeSpans: rs.scopeSpans.map((ss) => ({
        scope: {
          name: ss.scope.name,
          version: ss.scope.version,
          attributes: jsonAttributes(ss.scope.attributes),
          droppedAttributesCount: ss.scope.droppedAttributesCount,
        },
        schemaUrl: ss.schemaUrl,
        spans: ss.spans.map((s) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          traceState: s.traceState,
          parentSpanId: s.parentSpanId ?? '',
          flags: s.flags,
          name: s.name,
          kind: s.kind,
          startTimeUnixNano: String(s.startTimeUnixNano),
          endTimeUnixNano: String(s.endTimeUnixNano),
          attributes: jsonAttributes(s.attributes),
          droppedAttributesCount: s.droppedAttributesCount,
          events: s.events.map((e) => ({
            timeUnixNano: String(e.timeUnixNano),
            name: e.name,
            attributes: jsonAttributes(e.attributes),
            droppedAttributesCount: e.droppedAttributesCount,
          })),
          droppedEventsCount: s.droppedEventsCount,
          links: s.links.map((l) => ({
            traceId: l.traceId,
            spanId: l.spanId,
            traceState: l.traceState,
            attributes: jsonAttributes(l.attributes),
            droppedAttributesCount: l.droppedAttributesCount,
            flags: l.flags,
          })),
          droppedLinksCount: s.droppedLinksCount,
          status: { code: s.status.code, message: s.status.message },
        })),
      })),
    })),
  };
}

/** One span with every other field at its default, for tests about one field. */
export function minimalSpan(fields: Partial<OtlpSpan> & Pick<OtlpSpan, 'traceId' | 'spanId'>): OtlpSpan {
  return {
    traceState: '',
    parentSpanId: null,
    flags: 0,
    name: 'op',
    kind: 2,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: '' },
    ...fields,
  };
}

/** A request of one resource (`service.name`) and one scope holding `spans`. */
export function requestOf(service: string, spans: readonly OtlpSpan[]): ExportTraceRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { type: 'string', value: service } }], droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeSpans: [{ scope: { name: 'test', version: '', attributes: [], droppedAttributesCount: 0 }, schemaUrl: '', spans }],
      },
    ],
  };
}
