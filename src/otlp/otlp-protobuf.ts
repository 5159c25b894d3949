/**
 * OTLP/HTTP protobuf encoding: decodes
 * `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest` straight
 * into the model of otlp.types.ts and encodes the response. Field numbers follow
 * opentelemetry-proto (collector/trace/v1/trace_service.proto, trace/v1/trace.proto,
 * common/v1/common.proto, resource/v1/resource.proto).
 *
 * Each message decoder switches on the whole tag (field number << 3 | wire type),
 * so a known field arriving with an unexpected wire type falls through to
 * `skip` and is treated as unknown, as the protobuf reference parsers do.
 */
import { OtlpDecodeError, rethrowWithin } from './otlp-errors.js';
import {
  MAX_ANY_VALUE_DEPTH,
  MAX_ATTRIBUTES,
  idFromBytes,
  missingId,
  nestedTooDeeply,
  parentIdFromBytes,
  spanKindFromNumber,
  statusCodeFromNumber,
  tooManyAttributes,
} from './otlp-validate.js';
import type {
  AnyValue,
  ExportTraceRequest,
  InstrumentationScope,
  KeyValue,
  OtlpSpan,
  Resource,
  ResourceSpans,
  ScopeSpans,
  SpanEvent,
  SpanKind,
  SpanLink,
  SpanStatus,
  StatusCode,
} from './otlp.types.js';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_START_GROUP = 3;
const WIRE_END_GROUP = 4;
const WIRE_FIXED32 = 5;

/** Below this many bytes a JS loop over ASCII beats TextDecoder's per-call cost (most attribute keys). */
const SHORT_STRING_BYTES = 12;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function truncated(what: string): OtlpDecodeError {
  return new OtlpDecodeError('', `truncated message: ${what}`);
}

/**
 * A cursor over the request bytes. `end` is the end of the message being
 * decoded, so no read can run past a nested message into its parent.
 */
class Reader {
  readonly buf: Uint8Array;
  pos = 0;
  end: number;
  /** Field number of the last tag read, for error messages. */
  private field = 0;
  /** The two 32-bit halves of the last varint read by `varint64`. */
  private lo = 0;
  private hi = 0;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    // A plain view even when given a Node Buffer: Buffer#subarray builds a FastBuffer, which costs several times more.
    this.buf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.byteLength;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  tag(): number {
    const tag = this.uint32();
    this.field = tag >>> 3;
    if (this.field === 0) throw new OtlpDecodeError('', 'invalid field number 0');
    return tag;
  }

  /** A varint that must fit in 32 bits: tags and lengths. */
  private uint32(): number {
    const buf = this.buf;
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.pos >= this.end) throw truncated('varint runs past the end');
      const byte = buf[this.pos++]!;
      if (shift === 28 && byte > 0x0f) throw new OtlpDecodeError('', 'varint exceeds 32 bits');
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
  }

  /** Reads any varint of up to 10 bytes into `lo`/`hi`. */
  private varint64(): void {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) throw truncated(`varint in field ${this.field} runs past the end`);
      const byte = buf[this.pos++]!;
      if (i < 4) lo |= (byte & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (byte & 0x0f) << 28;
        hi = (byte & 0x7f) >> 4;
      } else if (i < 9) hi |= (byte & 0x7f) << (7 * i - 32);
      // The tenth byte carries bit 63 alone: anything more is an 11-byte or wider-than-64-bit varint.
      else if (byte > 1) throw new OtlpDecodeError('', `varint in field ${this.field} overflows 64 bits`);
      else hi |= byte << 31;
      if (byte < 0x80) {
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
  }

  /** uint32 and int32 fields: the low 32 bits, as protobuf truncates wider varints. */
  varint32(): number {
    if (this.pos < this.end && this.buf[this.pos]! < 0x80) return this.buf[this.pos++]!;
    this.varint64();
    return this.lo;
  }

  int32(): number {
    return this.varint32() | 0;
  }

  bool(): boolean {
    this.varint64();
    return (this.lo | this.hi) !== 0;
  }

  int64(): bigint {
    this.varint64();
    if (this.hi < 0x200000) return BigInt(this.hi * 0x1_0000_0000 + this.lo);
    return BigInt.asIntN(64, (BigInt(this.hi) << 32n) | BigInt(this.lo));
  }

  private need(bytes: number): number {
    const at = this.pos;
    if (bytes > this.end - at) {
      throw truncated(`field ${this.field} needs ${bytes} bytes, ${this.end - at} remain`);
    }
    this.pos = at + bytes;
    return at;
  }

  fixed32(): number {
    return this.view.getUint32(this.need(4), true);
  }

  fixed64(): bigint {
    return this.view.getBigUint64(this.need(8), true);
  }

  double(): number {
    return this.view.getFloat64(this.need(8), true);
  }

  private length(): number {
    const length = this.uint32();
    if (length > this.end - this.pos) {
      throw truncated(`field ${this.field} declares ${length} bytes, ${this.end - this.pos} remain`);
    }
    return length;
  }

  /** Moves past a length-delimited field and returns where its payload starts; it ends at `pos`. */
  delimited(): number {
    const length = this.length();
    const start = this.pos;
    this.pos = start + length;
    return start;
  }

  /** Confines reading to the embedded message that starts here; returns the outer end for `leave`. */
  enter(): number {
    const length = this.length();
    const outer = this.end;
    this.end = this.pos + length;
    return outer;
  }

  leave(outer: number): void {
    this.end = outer;
  }

  string(field: string): string {
    const start = this.delimited();
    const end = this.pos;
    const buf = this.buf;
    if (end - start < SHORT_STRING_BYTES) {
      let text = '';
      for (let i = start; i < end; i++) {
        const byte = buf[i]!;
        if (byte >= 0x80) return decodeUtf8(buf, start, end, field);
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return decodeUtf8(buf, start, end, field);
  }

  /** A copy, so the decoded request never pins or aliases the (possibly pooled) request buffer. */
  bytes(): Uint8Array {
    const start = this.delimited();
    return new Uint8Array(this.buf.subarray(start, this.pos));
  }

  skip(tag: number): void {
    if ((tag & 7) === WIRE_START_GROUP) this.skipGroup(tag >>> 3);
    else this.skipValue(tag);
  }

  private skipValue(tag: number): void {
    switch (tag & 7) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        this.need(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        this.delimited();
        return;
      case WIRE_FIXED32:
        this.need(4);
        return;
      case WIRE_END_GROUP:
        throw new OtlpDecodeError('', `end-group tag for field ${tag >>> 3} without a start-group`);
      default:
        throw new OtlpDecodeError('', `invalid wire type ${tag & 7} for field ${tag >>> 3}`);
    }
  }

  /** Iterative, so that a payload of nested groups cannot exhaust the stack. */
  private skipGroup(field: number): void {
    const open = [field];
    while (open.length > 0) {
      if (this.pos >= this.end) throw truncated(`group ${open[open.length - 1]} is not closed`);
      const tag = this.tag();
      const wireType = tag & 7;
      if (wireType === WIRE_START_GROUP) open.push(tag >>> 3);
      else if (wireType !== WIRE_END_GROUP) this.skipValue(tag);
      else if (open.pop() !== tag >>> 3) {
        throw new OtlpDecodeError('', `end-group tag for field ${tag >>> 3} does not match the open group`);
      }
    }
  }
}

function decodeUtf8(buf: Uint8Array, start: number, end: number, field: string): string {
  try {
    return utf8.decode(buf.subarray(start, end));
  } catch {
    throw new OtlpDecodeError(field, `${field} is not valid UTF-8`);
  }
}

const EMPTY_VALUE: AnyValue = Object.freeze({ type: 'empty' });
const TRUE_VALUE: AnyValue = Object.freeze({ type: 'bool', value: true });
const FALSE_VALUE: AnyValue = Object.freeze({ type: 'bool', value: false });
const UNSET_STATUS: SpanStatus = Object.freeze({ code: 0, message: '' });

function decodeAnyValue(r: Reader, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) throw nestedTooDeeply();
  const outer = r.enter();
  // A oneof: when several members are present the last one wins.
  let value = EMPTY_VALUE;
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10: // string_value
        value = { type: 'string', value: r.string('stringValue') };
        break;
      case 16: // bool_value
        value = r.bool() ? TRUE_VALUE : FALSE_VALUE;
        break;
      case 24: // int_value
        value = { type: 'int', value: r.int64() };
        break;
      case 33: // double_value
        value = { type: 'double', value: r.double() };
        break;
      case 42: // array_value
        try {
          value = { type: 'array', values: decodeArrayValue(r, depth) };
        } catch (error) {
          rethrowWithin(error, 'arrayValue');
        }
        break;
      case 50: // kvlist_value
        try {
          value = { type: 'kvlist', values: decodeKeyValueList(r, depth) };
        } catch (error) {
          rethrowWithin(error, 'kvlistValue');
        }
        break;
      case 58: // bytes_value
        value = { type: 'bytes', value: r.bytes() };
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  return value;
}

function decodeArrayValue(r: Reader, depth: number): AnyValue[] {
  const outer = r.enter();
  const values: AnyValue[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) {
      try {
        values.push(decodeAnyValue(r, depth + 1));
      } catch (error) {
        rethrowWithin(error, `values[${values.length}]`);
      }
    } else r.skip(tag);
  }
  r.leave(outer);
  return values;
}

function decodeKeyValueList(r: Reader, depth: number): KeyValue[] {
  const outer = r.enter();
  const values: KeyValue[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) {
      try {
        values.push(decodeKeyValue(r, depth + 1));
      } catch (error) {
        rethrowWithin(error, `values[${values.length}]`);
      }
    } else r.skip(tag);
  }
  r.leave(outer);
  return values;
}

/** `depth` is the nesting level of the value: 1 for an attribute. */
function decodeKeyValue(r: Reader, depth: number): KeyValue {
  const outer = r.enter();
  let key = '';
  let value = EMPTY_VALUE;
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) key = r.string('key');
    else if (tag === 18) {
      try {
        value = decodeAnyValue(r, depth);
      } catch (error) {
        rethrowWithin(error, 'value');
      }
    } else r.skip(tag);
  }
  r.leave(outer);
  return { key, value };
}

function readAttribute(r: Reader, attributes: KeyValue[]): void {
  if (attributes.length === MAX_ATTRIBUTES) throw tooManyAttributes();
  try {
    attributes.push(decodeKeyValue(r, 1));
  } catch (error) {
    rethrowWithin(error, `attributes[${attributes.length}]`);
  }
}

function decodeResource(r: Reader): Resource {
  const outer = r.enter();
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) readAttribute(r, attributes);
    else if (tag === 16) droppedAttributesCount = r.varint32();
    else r.skip(tag);
  }
  r.leave(outer);
  return { attributes, droppedAttributesCount };
}

function decodeScope(r: Reader): InstrumentationScope {
  const outer = r.enter();
  let name = '';
  let version = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10:
        name = r.string('name');
        break;
      case 18:
        version = r.string('version');
        break;
      case 26:
        readAttribute(r, attributes);
        break;
      case 32:
        droppedAttributesCount = r.varint32();
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  return { name, version, attributes, droppedAttributesCount };
}

function decodeStatus(r: Reader): SpanStatus {
  const outer = r.enter();
  let code: StatusCode = 0;
  let message = '';
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 18) message = r.string('message');
    else if (tag === 24) code = statusCodeFromNumber(r.int32());
    else r.skip(tag);
  }
  r.leave(outer);
  return { code, message };
}

function decodeEvent(r: Reader): SpanEvent {
  const outer = r.enter();
  let timeUnixNano = 0n;
  let name = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 9:
        timeUnixNano = r.fixed64();
        break;
      case 18:
        name = r.string('name');
        break;
      case 26:
        readAttribute(r, attributes);
        break;
      case 32:
        droppedAttributesCount = r.varint32();
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  return { timeUnixNano, name, attributes, droppedAttributesCount };
}

function decodeLink(r: Reader): SpanLink {
  const outer = r.enter();
  let traceId: string | undefined;
  let spanId: string | undefined;
  let traceState = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  let flags = 0;
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10: {
        const start = r.delimited();
        traceId = idFromBytes('traceId', r.buf, start, r.pos);
        break;
      }
      case 18: {
        const start = r.delimited();
        spanId = idFromBytes('spanId', r.buf, start, r.pos);
        break;
      }
      case 26:
        traceState = r.string('traceState');
        break;
      case 34:
        readAttribute(r, attributes);
        break;
      case 40:
        droppedAttributesCount = r.varint32();
        break;
      case 53:
        flags = r.fixed32();
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  if (traceId === undefined) throw missingId('traceId');
  if (spanId === undefined) throw missingId('spanId');
  return { traceId, spanId, traceState, attributes, droppedAttributesCount, flags };
}

function decodeSpan(r: Reader): OtlpSpan {
  const outer = r.enter();
  let traceId: string | undefined;
  let spanId: string | undefined;
  let traceState = '';
  let parentSpanId: string | null = null;
  let flags = 0;
  let name = '';
  let kind: SpanKind = 0;
  let startTimeUnixNano = 0n;
  let endTimeUnixNano = 0n;
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  const events: SpanEvent[] = [];
  let droppedEventsCount = 0;
  const links: SpanLink[] = [];
  let droppedLinksCount = 0;
  let status = UNSET_STATUS;
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10: {
        const start = r.delimited();
        traceId = idFromBytes('traceId', r.buf, start, r.pos);
        break;
      }
      case 18: {
        const start = r.delimited();
        spanId = idFromBytes('spanId', r.buf, start, r.pos);
        break;
      }
      case 26:
        traceState = r.string('traceState');
        break;
      case 34: {
        const start = r.delimited();
        parentSpanId = parentIdFromBytes(r.buf, start, r.pos);
        break;
      }
      case 42:
        name = r.string('name');
        break;
      case 48:
        kind = spanKindFromNumber(r.int32());
        break;
      case 57:
        startTimeUnixNano = r.fixed64();
        break;
      case 65:
        endTimeUnixNano = r.fixed64();
        break;
      case 74:
        readAttribute(r, attributes);
        break;
      case 80:
        droppedAttributesCount = r.varint32();
        break;
      case 90:
        try {
          events.push(decodeEvent(r));
        } catch (error) {
          rethrowWithin(error, `events[${events.length}]`);
        }
        break;
      case 96:
        droppedEventsCount = r.varint32();
        break;
      case 106:
        try {
          links.push(decodeLink(r));
        } catch (error) {
          rethrowWithin(error, `links[${links.length}]`);
        }
        break;
      case 112:
        droppedLinksCount = r.varint32();
        break;
      case 122:
        try {
          status = decodeStatus(r);
        } catch (error) {
          rethrowWithin(error, 'status');
        }
        break;
      case 133:
        flags = r.fixed32();
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  if (traceId === undefined) throw missingId('traceId');
  if (spanId === undefined) throw missingId('spanId');
  return {
    traceId,
    spanId,
    traceState,
    parentSpanId,
    flags,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    attributes,
    droppedAttributesCount,
    events,
    droppedEventsCount,
    links,
    droppedLinksCount,
    status,
  };
}

function decodeScopeSpans(r: Reader): ScopeSpans {
  const outer = r.enter();
  let scope: InstrumentationScope | undefined;
  let schemaUrl = '';
  const spans: OtlpSpan[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10:
        try {
          scope = decodeScope(r);
        } catch (error) {
          rethrowWithin(error, 'scope');
        }
        break;
      case 18:
        try {
          spans.push(decodeSpan(r));
        } catch (error) {
          rethrowWithin(error, `spans[${spans.length}]`);
        }
        break;
      case 26:
        schemaUrl = r.string('schemaUrl');
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  return {
    scope: scope ?? { name: '', version: '', attributes: [], droppedAttributesCount: 0 },
    schemaUrl,
    spans,
  };
}

function decodeResourceSpans(r: Reader): ResourceSpans {
  const outer = r.enter();
  let resource: Resource | undefined;
  let schemaUrl = '';
  const scopeSpans: ScopeSpans[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    switch (tag) {
      case 10:
        try {
          resource = decodeResource(r);
        } catch (error) {
          rethrowWithin(error, 'resource');
        }
        break;
      case 18:
        try {
          scopeSpans.push(decodeScopeSpans(r));
        } catch (error) {
          rethrowWithin(error, `scopeSpans[${scopeSpans.length}]`);
        }
        break;
      case 26:
        schemaUrl = r.string('schemaUrl');
        break;
      default:
        r.skip(tag);
    }
  }
  r.leave(outer);
  return { resource: resource ?? { attributes: [], droppedAttributesCount: 0 }, schemaUrl, scopeSpans };
}

/**
 * Decodes an ExportTraceServiceRequest. A singular message field that occurs
 * twice replaces the earlier occurrence instead of merging with it (as
 * protobufjs, which the OTel JS SDK uses, does); no exporter emits one twice.
 */
export function decodeOtlpProtobuf(bytes: Uint8Array): ExportTraceRequest {
  const r = new Reader(bytes);
  const resourceSpans: ResourceSpans[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) {
      try {
        resourceSpans.push(decodeResourceSpans(r));
      } catch (error) {
        rethrowWithin(error, `resourceSpans[${resourceSpans.length}]`);
      }
    } else r.skip(tag);
  }
  return { resourceSpans };
}

export interface ExportTracePartialSuccess {
  readonly rejectedSpans: bigint;
  readonly errorMessage: string;
}

const utf8Encoder = new TextEncoder();

// Responses are a few bytes, so they are built in a number[].
function pushVarint(out: number[], value: bigint): void {
  let rest = value;
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
}

/** A non-negative varint field; proto3 omits zero. */
function pushVarintField(out: number[], field: number, value: bigint): void {
  if (value === 0n) return;
  out.push((field << 3) | WIRE_VARINT);
  pushVarint(out, value);
}

/** A length-delimited field; proto3 omits it when empty. */
function pushDelimitedField(out: number[], field: number, bytes: ArrayLike<number>): void {
  if (bytes.length === 0) return;
  out.push((field << 3) | WIRE_LENGTH_DELIMITED);
  pushVarint(out, BigInt(bytes.length));
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!);
}

/**
 * ExportTraceServiceResponse. Without rejected spans and message it is the empty
 * message (full success); a message with zero rejected spans is a warning, which
 * the OTLP spec allows.
 */
export function encodeExportTraceResponse(partial?: ExportTracePartialSuccess): Uint8Array {
  if (partial === undefined || (partial.rejectedSpans === 0n && partial.errorMessage === '')) {
    return new Uint8Array(0);
  }
  if (partial.rejectedSpans < 0n || partial.rejectedSpans > 0x7fff_ffff_ffff_ffffn) {
    throw new RangeError(`rejectedSpans must be a non-negative int64, got ${partial.rejectedSpans}`);
  }
  const partialSuccess: number[] = [];
  pushVarintField(partialSuccess, 1, partial.rejectedSpans);
  pushDelimitedField(partialSuccess, 2, utf8Encoder.encode(partial.errorMessage));
  const response: number[] = [];
  pushDelimitedField(response, 1, partialSuccess);
  return Uint8Array.from(response);
}

/** google.rpc.Status { int32 code = 1; string message = 2 }: the body of an OTLP/HTTP error response. */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  if (!Number.isInteger(code) || code < 0 || code > 0x7fff_ffff) {
    throw new RangeError(`code must be a google.rpc.Code (a non-negative int32), got ${code}`);
  }
  const status: number[] = [];
  pushVarintField(status, 1, BigInt(code));
  pushDelimitedField(status, 2, utf8Encoder.encode(message));
  return Uint8Array.from(status);
}
