/**
 * OTLP/HTTP protobuf encoding: decodes
 * `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest` straight
 * into the model of otlp.types.ts (responses: otlp-protobuf-response.ts; the
 * wire format: protobuf-reader.ts). Field numbers follow
 * opentelemetry-proto (collector/trace/v1/trace_service.proto, trace/v1/trace.proto,
 * common/v1/common.proto, resource/v1/resource.proto).
 *
 * Each message decoder switches on the whole tag (field number << 3 | wire type),
 * so a known field arriving with an unexpected wire type falls through to
 * `skip` and is treated as unknown, as the protobuf reference parsers do.
 */
import { rethrowWithin } from './otlp-errors.js';
import { Reader } from './protobuf-reader.js';
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

type Decoder<T> = (r: Reader, depth: number) => T;

/**
 * Decodes the embedded message at the reader with `decode`. A decode error
 * from inside it gains `field` (or `field[index]` for an element of a
 * repeated field) at the front of its path on the way out, so each level adds
 * its own segment and the happy path never builds a path string.
 */
function nested<T>(r: Reader, decode: Decoder<T>, field: string, index: number | null, depth = 0): T {
  try {
    return decode(r, depth);
  } catch (error) {
    rethrowWithin(error, index === null ? field : `${field}[${index}]`);
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
        value = { type: 'array', values: nested(r, decodeArrayValue, 'arrayValue', null, depth) };
        break;
      case 50: // kvlist_value
        value = { type: 'kvlist', values: nested(r, decodeKeyValueList, 'kvlistValue', null, depth) };
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
    if (tag === 10) values.push(nested(r, decodeAnyValue, 'values', values.length, depth + 1));
    else r.skip(tag);
  }
  r.leave(outer);
  return values;
}

function decodeKeyValueList(r: Reader, depth: number): KeyValue[] {
  const outer = r.enter();
  const values: KeyValue[] = [];
  while (r.pos < r.end) {
    const tag = r.tag();
    if (tag === 10) values.push(nested(r, decodeKeyValue, 'values', values.length, depth + 1));
    else r.skip(tag);
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
    else if (tag === 18) value = nested(r, decodeAnyValue, 'value', null, depth);
    else r.skip(tag);
  }
  r.leave(outer);
  return { key, value };
}

function readAttribute(r: Reader, attributes: KeyValue[]): void {
  if (attributes.length === MAX_ATTRIBUTES) throw tooManyAttributes();
  attributes.push(nested(r, decodeKeyValue, 'attributes', attributes.length, 1));
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
        events.push(nested(r, decodeEvent, 'events', events.length));
        break;
      case 96:
        droppedEventsCount = r.varint32();
        break;
      case 106:
        links.push(nested(r, decodeLink, 'links', links.length));
        break;
      case 112:
        droppedLinksCount = r.varint32();
        break;
      case 122:
        status = nested(r, decodeStatus, 'status', null);
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
        scope = nested(r, decodeScope, 'scope', null);
        break;
      case 18:
        spans.push(nested(r, decodeSpan, 'spans', spans.length));
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
        resource = nested(r, decodeResource, 'resource', null);
        break;
      case 18:
        scopeSpans.push(nested(r, decodeScopeSpans, 'scopeSpans', scopeSpans.length));
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
    if (tag === 10) resourceSpans.push(nested(r, decodeResourceSpans, 'resourceSpans', resourceSpans.length));
    else r.skip(tag);
  }
  return { resourceSpans };
}
