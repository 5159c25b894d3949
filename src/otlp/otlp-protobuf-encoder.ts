import type { AnyValue, InstrumentationScope, KeyValue, OtlpSpan, Resource, ResourceSpans, SpanEvent, SpanLink } from './otlp.types.js';
import { WIRE_FIXED32, WIRE_FIXED64, WIRE_LENGTH_DELIMITED, WIRE_VARINT } from './protobuf-reader.js';

/**
 * OTLP protobuf encoding of traces: `opentelemetry.proto.trace.v1.TracesData`
 * (field numbers of opentelemetry-proto trace/v1/trace.proto and
 * common/v1/common.proto), the counterpart of the decoder in
 * src/otlp/otlp-protobuf.ts. Proto3 rules: a scalar at its default (0, "",
 * empty bytes) is not written, a oneof member always is (an AnyValue holding
 * `false` or `0` keeps its type), repeated messages are written one by one.
 *
 * `TracesData` is also Tempo's `tempopb.Trace` on the wire (field 1, repeated
 * ResourceSpans), and `tempopb.TraceByIDResponse` wraps it as its field 1.
 */

const utf8 = new TextEncoder();

class Writer {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
  }

  private tag(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  /** An unsigned varint; negative int64s arrive as their two's complement (10 bytes), as protobuf writes them. */
  varint(value: bigint): void {
    let v = BigInt.asUintN(64, value);
    const bytes: number[] = [];
    while (v >= 0x80n) {
      bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    bytes.push(Number(v));
    this.push(Uint8Array.from(bytes));
  }

  uint(field: number, value: number): void {
    if (value === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(BigInt(value));
  }

  fixed32(field: number, value: number): void {
    if (value === 0) return;
    this.tag(field, WIRE_FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value >>> 0, true);
    this.push(bytes);
  }

  fixed64(field: number, value: bigint): void {
    if (value === 0n) return;
    this.tag(field, WIRE_FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, BigInt.asUintN(64, value), true);
    this.push(bytes);
  }

  string(field: number, value: string): void {
    if (value === '') return;
    this.bytes(field, utf8.encode(value));
  }

  bytes(field: number, value: Uint8Array): void {
    if (value.byteLength === 0) return;
    this.lengthDelimited(field, value);
  }

  /** A message, or a oneof member: written even when empty. */
  lengthDelimited(field: number, value: Uint8Array): void {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    this.varint(BigInt(value.byteLength));
    this.push(value);
  }

  message(field: number, encode: (w: Writer) => void): void {
    const inner = new Writer();
    encode(inner);
    this.lengthDelimited(field, inner.finish());
  }

  /** AnyValue oneof members that are not length-delimited, always written. */
  oneofVarint(field: number, value: bigint): void {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
  }

  oneofDouble(field: number, value: number): void {
    this.tag(field, WIRE_FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.push(bytes);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

const hex = (id: string): Uint8Array => new Uint8Array(Buffer.from(id, 'hex'));

function anyValue(w: Writer, value: AnyValue): void {
  switch (value.type) {
    case 'string':
      return w.lengthDelimited(1, utf8.encode(value.value));
    case 'bool':
      return w.oneofVarint(2, value.value ? 1n : 0n);
    case 'int':
      return w.oneofVarint(3, value.value);
    case 'double':
      return w.oneofDouble(4, value.value);
    case 'array':
      return w.message(5, (list) => value.values.forEach((v) => list.message(1, (inner) => anyValue(inner, v))));
    case 'kvlist':
      return w.message(6, (list) => value.values.forEach((kv) => list.message(1, (inner) => keyValue(inner, kv))));
    case 'bytes':
      return w.lengthDelimited(7, value.value);
    case 'empty':
      return;
  }
}

function keyValue(w: Writer, kv: KeyValue): void {
  w.string(1, kv.key);
  w.message(2, (inner) => anyValue(inner, kv.value));
}

function attributes(w: Writer, field: number, list: readonly KeyValue[]): void {
  for (const kv of list) w.message(field, (inner) => keyValue(inner, kv));
}

function resource(w: Writer, r: Resource): void {
  attributes(w, 1, r.attributes);
  w.uint(2, r.droppedAttributesCount);
}

function scope(w: Writer, s: InstrumentationScope): void {
  w.string(1, s.name);
  w.string(2, s.version);
  attributes(w, 3, s.attributes);
  w.uint(4, s.droppedAttributesCount);
}

function event(w: Writer, e: SpanEvent): void {
  w.fixed64(1, e.timeUnixNano);
  w.string(2, e.name);
  attributes(w, 3, e.attributes);
  w.uint(4, e.droppedAttributesCount);
}

function link(w: Writer, l: SpanLink): void {
  w.bytes(1, hex(l.traceId));
  w.bytes(2, hex(l.spanId));
  w.string(3, l.traceState);
  attributes(w, 4, l.attributes);
  w.uint(5, l.droppedAttributesCount);
  w.fixed32(6, l.flags);
}

function span(w: Writer, s: OtlpSpan): void {
  w.bytes(1, hex(s.traceId));
  w.bytes(2, hex(s.spanId));
  w.string(3, s.traceState);
  if (s.parentSpanId !== null) w.bytes(4, hex(s.parentSpanId));
  w.string(5, s.name);
  w.uint(6, s.kind);
  w.fixed64(7, s.startTimeUnixNano);
  w.fixed64(8, s.endTimeUnixNano);
  attributes(w, 9, s.attributes);
  w.uint(10, s.droppedAttributesCount);
  for (const e of s.events) w.message(11, (inner) => event(inner, e));
  w.uint(12, s.droppedEventsCount);
  for (const l of s.links) w.message(13, (inner) => link(inner, l));
  w.uint(14, s.droppedLinksCount);
  w.message(15, (status) => {
    status.string(2, s.status.message);
    status.uint(3, s.status.code);
  });
  w.fixed32(16, s.flags);
}

function resourceSpans(w: Writer, rs: ResourceSpans): void {
  w.message(1, (inner) => resource(inner, rs.resource));
  for (const ss of rs.scopeSpans) {
    w.message(2, (inner) => {
      inner.message(1, (sc) => scope(sc, ss.scope));
      for (const s of ss.spans) inner.message(2, (sp) => span(sp, s));
      inner.string(3, ss.schemaUrl);
    });
  }
  w.string(3, rs.schemaUrl);
}

/** `TracesData` (also Tempo's `Trace`): each ResourceSpans as field 1. */
export function encodeTracesData(data: readonly ResourceSpans[]): Uint8Array {
  const w = new Writer();
  for (const rs of data) w.message(1, (inner) => resourceSpans(inner, rs));
  return w.finish();
}

/** Tempo's `TraceByIDResponse` (the v2 trace API): the trace as field 1. */
export function encodeTraceByIdResponse(data: readonly ResourceSpans[]): Uint8Array {
  const w = new Writer();
  w.lengthDelimited(1, encodeTracesData(data));
  return w.finish();
}
