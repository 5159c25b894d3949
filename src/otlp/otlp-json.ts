/**
 * OTLP/HTTP JSON encoding (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
 * the proto3 JSON mapping of ExportTraceServiceRequest, except that trace and
 * span ids are hex. Keys may be lowerCamelCase or the proto field names, `null`
 * means "not set", unknown keys are ignored, enums may be integers or names.
 *
 * 64-bit integers may arrive as bare JSON numbers, which JSON.parse rounds to a
 * double. The payload is parsed with JSON.parse first (native, fast); only if an
 * int64/fixed64 field then holds an integer beyond 2^53 is it parsed again with
 * the exact parser below, which yields such literals as bigint.
 */
import { Buffer } from 'node:buffer';
import { OtlpDecodeError, rethrowWithin } from './otlp-errors.js';
import {
  MAX_ANY_VALUE_DEPTH,
  MAX_ATTRIBUTES,
  idFromHex,
  missingId,
  nestedTooDeeply,
  parentIdFromHex,
  spanKindFromName,
  spanKindFromNumber,
  statusCodeFromName,
  statusCodeFromNumber,
  tooManyAttributes,
} from './otlp-validate.js';
import type { IdField } from './otlp-validate.js';
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

type JsonObject = Record<string, unknown>;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const UINT32_MAX = 0xffff_ffff;

const PLAIN_INTEGER = /^-?(?:0|[1-9]\d*)$/;
const JSON_NUMBER = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]*|[A-Za-z0-9_-]*)={0,2}$/;

/**
 * The integer a JSON number literal denotes exactly (`1.5e3` is 1500), or
 * undefined when it has a fractional part or more than 20 digits (then it fits
 * no 64-bit type; the bound also keeps `1e999999999` from costing anything).
 */
function integerOfLiteral(literal: string): bigint | undefined {
  if (PLAIN_INTEGER.test(literal)) return literal.length <= 21 ? BigInt(literal) : undefined;
  const match = JSON_NUMBER.exec(literal);
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const significant = (whole + fraction).replace(/^0+/, '');
  if (significant === '') return 0n;
  const digits = significant.replace(/0+$/, '');
  const scale = Number(exponent) - fraction.length + (significant.length - digits.length);
  if (scale < 0 || digits.length + scale > 20) return undefined;
  const magnitude = BigInt(digits) * 10n ** BigInt(scale);
  return sign === '-' ? -magnitude : magnitude;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function invalid(field: string, expected: string, value: unknown): OtlpDecodeError {
  return new OtlpDecodeError(field, `${field} must be ${expected}, got ${describe(value)}`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** In proto3 JSON `null` means "not set", like an absent key. */
function isUnset(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A message-typed value; the caller's path already names where it is. */
function asMessage(value: unknown, type: string): JsonObject {
  if (!isObject(value)) throw new OtlpDecodeError('', `${type} must be an object, got ${describe(value)}`);
  return value;
}

function asString(value: unknown, field: string): string {
  if (isUnset(value)) return '';
  if (typeof value !== 'string') throw invalid(field, 'a string', value);
  return value;
}

function asUint32(value: unknown, field: string): number {
  if (isUnset(value)) return 0;
  const number = typeof value === 'string' && PLAIN_INTEGER.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > UINT32_MAX) {
    throw invalid(field, `an integer from 0 to ${UINT32_MAX}`, value);
  }
  return number;
}

function asDouble(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    if (value === 'NaN') return Number.NaN;
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    if (JSON_NUMBER.test(value)) return Number(value);
  }
  throw invalid(field, 'a number', value);
}

function asBytes(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !BASE64.test(value) || value.length % 4 === 1 || (value.endsWith('=') && value.length % 4 !== 0)) {
    throw invalid(field, 'base64', value);
  }
  // Copied out of Node's shared allocation pool into a plain Uint8Array.
  return new Uint8Array(Buffer.from(value, 'base64'));
}

function asId(value: unknown, field: IdField): string {
  if (isUnset(value)) throw missingId(field);
  if (typeof value !== 'string') throw invalid(field, 'a hex string', value);
  return idFromHex(field, value);
}

function asParentId(value: unknown): string | null {
  return parentIdFromHex(asString(value, 'parentSpanId'));
}

function asSpanKind(value: unknown): SpanKind {
  if (isUnset(value)) return 0;
  if (typeof value === 'number') return spanKindFromNumber(value);
  if (typeof value === 'string') return spanKindFromName(value);
  throw invalid('kind', 'an integer or a SpanKind name', value);
}

function asStatusCode(value: unknown): StatusCode {
  if (isUnset(value)) return 0;
  if (typeof value === 'number') return statusCodeFromNumber(value);
  if (typeof value === 'string') return statusCodeFromName(value);
  throw invalid('code', 'an integer or a StatusCode name', value);
}

const EMPTY_VALUE: AnyValue = Object.freeze({ type: 'empty' });
const TRUE_VALUE: AnyValue = Object.freeze({ type: 'bool', value: true });
const FALSE_VALUE: AnyValue = Object.freeze({ type: 'bool', value: false });
const UNSET_STATUS: SpanStatus = Object.freeze({ code: 0, message: '' });

/**
 * Walks a parsed payload into the model. Fields are read as named properties,
 * camelCase first, then the proto name (`o.traceId ?? o.trace_id`): payloads
 * from one producer share a shape, so these loads stay monomorphic. Methods for
 * message-typed fields take the raw value, so that they handle "not set" and
 * locate their errors under their own field name.
 */
class JsonTraceDecoder {
  /** Set when a bare-number int64/fixed64 was beyond 2^53, i.e. JSON.parse has already rounded it. */
  sawRoundedInteger = false;

  /** @param exact the payload came from parseExactJson, so integers beyond 2^53 are bigint. */
  constructor(private readonly exact: boolean) {}

  private integer(value: unknown, field: string, min: bigint, max: bigint, range: string): bigint {
    let integer: bigint | undefined;
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) integer = BigInt(value);
      else if (Number.isInteger(value) && !this.exact) {
        this.sawRoundedInteger = true;
        return 0n;
      }
    } else if (typeof value === 'bigint') integer = value;
    else if (typeof value === 'string') integer = integerOfLiteral(value);
    if (integer === undefined || integer < min || integer > max) throw invalid(field, `an integer in ${range} range`, value);
    return integer;
  }

  private fixed64(value: unknown, field: string): bigint {
    if (isUnset(value)) return 0n;
    return this.integer(value, field, 0n, UINT64_MAX, 'uint64');
  }

  private list<T>(value: unknown, field: string, item: (element: unknown) => T): T[] {
    if (isUnset(value)) return [];
    if (!Array.isArray(value)) throw invalid(field, 'an array', value);
    const items: T[] = [];
    for (let i = 0; i < value.length; i++) {
      try {
        items.push(item(value[i]));
      } catch (error) {
        rethrowWithin(error, `${field}[${i}]`);
      }
    }
    return items;
  }

  private attributes(value: unknown): KeyValue[] {
    if (Array.isArray(value) && value.length > MAX_ATTRIBUTES) throw tooManyAttributes();
    return this.list(value, 'attributes', (element) => this.keyValue(element, 1));
  }

  /** `depth` is the nesting level of the value: 1 for an attribute. */
  private keyValue(element: unknown, depth: number): KeyValue {
    const object = asMessage(element, 'KeyValue');
    const key = asString(object.key, 'key');
    if (isUnset(object.value)) return { key, value: EMPTY_VALUE };
    try {
      return { key, value: this.anyValue(object.value, depth) };
    } catch (error) {
      rethrowWithin(error, 'value');
    }
  }

  /** A oneof, so it has one key in practice: walking the keys beats probing fourteen names. */
  private anyValue(element: unknown, depth: number): AnyValue {
    if (depth > MAX_ANY_VALUE_DEPTH) throw nestedTooDeeply();
    const object = asMessage(element, 'AnyValue');
    let value = EMPTY_VALUE;
    let member = '';
    for (const name in object) {
      const field = object[name];
      if (isUnset(field)) continue;
      let decoded: AnyValue;
      switch (name) {
        case 'stringValue':
        case 'string_value':
          decoded = { type: 'string', value: asString(field, 'stringValue') };
          break;
        case 'boolValue':
        case 'bool_value':
          if (typeof field !== 'boolean') throw invalid('boolValue', 'true or false', field);
          decoded = field ? TRUE_VALUE : FALSE_VALUE;
          break;
        case 'intValue':
        case 'int_value':
          decoded = { type: 'int', value: this.integer(field, 'intValue', INT64_MIN, INT64_MAX, 'int64') };
          break;
        case 'doubleValue':
        case 'double_value':
          decoded = { type: 'double', value: asDouble(field, 'doubleValue') };
          break;
        case 'arrayValue':
        case 'array_value':
          decoded = { type: 'array', values: this.arrayValue(field, depth) };
          break;
        case 'kvlistValue':
        case 'kvlist_value':
          decoded = { type: 'kvlist', values: this.kvlistValue(field, depth) };
          break;
        case 'bytesValue':
        case 'bytes_value':
          decoded = { type: 'bytes', value: asBytes(field, 'bytesValue') };
          break;
        default:
          continue;
      }
      if (member !== '') {
        throw new OtlpDecodeError('', `AnyValue must set at most one value, got both ${member} and ${name}`);
      }
      member = name;
      value = decoded;
    }
    return value;
  }

  private arrayValue(field: unknown, depth: number): AnyValue[] {
    try {
      const object = asMessage(field, 'ArrayValue');
      return this.list(object.values, 'values', (element) => this.anyValue(element, depth + 1));
    } catch (error) {
      rethrowWithin(error, 'arrayValue');
    }
  }

  private kvlistValue(field: unknown, depth: number): KeyValue[] {
    try {
      const object = asMessage(field, 'KeyValueList');
      return this.list(object.values, 'values', (element) => this.keyValue(element, depth + 1));
    } catch (error) {
      rethrowWithin(error, 'kvlistValue');
    }
  }

  private resource(value: unknown): Resource {
    if (isUnset(value)) return { attributes: [], droppedAttributesCount: 0 };
    try {
      const o = asMessage(value, 'Resource');
      return {
        attributes: this.attributes(o.attributes),
        droppedAttributesCount: asUint32(o.droppedAttributesCount ?? o.dropped_attributes_count, 'droppedAttributesCount'),
      };
    } catch (error) {
      rethrowWithin(error, 'resource');
    }
  }

  private scope(value: unknown): InstrumentationScope {
    if (isUnset(value)) return { name: '', version: '', attributes: [], droppedAttributesCount: 0 };
    try {
      const o = asMessage(value, 'InstrumentationScope');
      return {
        name: asString(o.name, 'name'),
        version: asString(o.version, 'version'),
        attributes: this.attributes(o.attributes),
        droppedAttributesCount: asUint32(o.droppedAttributesCount ?? o.dropped_attributes_count, 'droppedAttributesCount'),
      };
    } catch (error) {
      rethrowWithin(error, 'scope');
    }
  }

  private status(value: unknown): SpanStatus {
    if (isUnset(value)) return UNSET_STATUS;
    try {
      const o = asMessage(value, 'Status');
      return { code: asStatusCode(o.code), message: asString(o.message, 'message') };
    } catch (error) {
      rethrowWithin(error, 'status');
    }
  }

  private event(element: unknown): SpanEvent {
    const o = asMessage(element, 'Event');
    return {
      timeUnixNano: this.fixed64(o.timeUnixNano ?? o.time_unix_nano, 'timeUnixNano'),
      name: asString(o.name, 'name'),
      attributes: this.attributes(o.attributes),
      droppedAttributesCount: asUint32(o.droppedAttributesCount ?? o.dropped_attributes_count, 'droppedAttributesCount'),
    };
  }

  private link(element: unknown): SpanLink {
    const o = asMessage(element, 'Link');
    return {
      traceId: asId(o.traceId ?? o.trace_id, 'traceId'),
      spanId: asId(o.spanId ?? o.span_id, 'spanId'),
      traceState: asString(o.traceState ?? o.trace_state, 'traceState'),
      attributes: this.attributes(o.attributes),
      droppedAttributesCount: asUint32(o.droppedAttributesCount ?? o.dropped_attributes_count, 'droppedAttributesCount'),
      flags: asUint32(o.flags, 'flags'),
    };
  }

  private span(element: unknown): OtlpSpan {
    const o = asMessage(element, 'Span');
    return {
      traceId: asId(o.traceId ?? o.trace_id, 'traceId'),
      spanId: asId(o.spanId ?? o.span_id, 'spanId'),
      traceState: asString(o.traceState ?? o.trace_state, 'traceState'),
      parentSpanId: asParentId(o.parentSpanId ?? o.parent_span_id),
      flags: asUint32(o.flags, 'flags'),
      name: asString(o.name, 'name'),
      kind: asSpanKind(o.kind),
      startTimeUnixNano: this.fixed64(o.startTimeUnixNano ?? o.start_time_unix_nano, 'startTimeUnixNano'),
      endTimeUnixNano: this.fixed64(o.endTimeUnixNano ?? o.end_time_unix_nano, 'endTimeUnixNano'),
      attributes: this.attributes(o.attributes),
      droppedAttributesCount: asUint32(o.droppedAttributesCount ?? o.dropped_attributes_count, 'droppedAttributesCount'),
      events: this.list(o.events, 'events', (item) => this.event(item)),
      droppedEventsCount: asUint32(o.droppedEventsCount ?? o.dropped_events_count, 'droppedEventsCount'),
      links: this.list(o.links, 'links', (item) => this.link(item)),
      droppedLinksCount: asUint32(o.droppedLinksCount ?? o.dropped_links_count, 'droppedLinksCount'),
      status: this.status(o.status),
    };
  }

  private scopeSpans(element: unknown): ScopeSpans {
    const o = asMessage(element, 'ScopeSpans');
    return {
      scope: this.scope(o.scope),
      schemaUrl: asString(o.schemaUrl ?? o.schema_url, 'schemaUrl'),
      spans: this.list(o.spans, 'spans', (item) => this.span(item)),
    };
  }

  private resourceSpans(element: unknown): ResourceSpans {
    const o = asMessage(element, 'ResourceSpans');
    return {
      resource: this.resource(o.resource),
      schemaUrl: asString(o.schemaUrl ?? o.schema_url, 'schemaUrl'),
      scopeSpans: this.list(o.scopeSpans ?? o.scope_spans, 'scopeSpans', (item) => this.scopeSpans(item)),
    };
  }

  request(root: unknown): ExportTraceRequest {
    if (!isObject(root)) throw new OtlpDecodeError('', `request must be a JSON object, got ${describe(root)}`);
    const resourceSpans = root.resourceSpans ?? root.resource_spans;
    return { resourceSpans: this.list(resourceSpans, 'resourceSpans', (item) => this.resourceSpans(item)) };
  }
}

/** Deeper than any valid OTLP payload gets before MAX_ANY_VALUE_DEPTH stops it; bounds the parser's recursion. */
const MAX_JSON_DEPTH = 512;
const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const UNICODE_ESCAPE = /^[0-9a-fA-F]{4}$/;

/**
 * A strict RFC 8259 parser that differs from JSON.parse in two ways: an integer
 * literal beyond 2^53 becomes an exact bigint, and errors give line and column.
 * Objects have no prototype, so a `__proto__` key is plain data.
 */
class ExactJsonParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): unknown {
    const value = this.value(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) throw this.error('unexpected data after the JSON value');
    return value;
  }

  private error(message: string): OtlpDecodeError {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    return new OtlpDecodeError('', `invalid JSON at line ${line}, column ${column} (offset ${this.pos}): ${message}`);
  }

  private unexpected(expected: string): OtlpDecodeError {
    if (this.pos >= this.text.length) return this.error(`unexpected end of input, expected ${expected}`);
    return this.error(`unexpected ${JSON.stringify(this.text[this.pos])}, expected ${expected}`);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      pos++;
    }
    this.pos = pos;
  }

  private value(depth: number): unknown {
    this.skipWhitespace();
    switch (this.text.charCodeAt(this.pos)) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) throw this.unexpected('a JSON value');
    this.pos += word.length;
    return value;
  }

  private object(depth: number): JsonObject {
    if (depth > MAX_JSON_DEPTH) throw this.error(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    const object: JsonObject = Object.create(null);
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x22) throw this.unexpected('a string key');
      const key = this.string();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) throw this.unexpected("':'");
      this.pos++;
      object[key] = this.value(depth);
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x7d) return object;
      if (next !== 0x2c) {
        this.pos--;
        throw this.unexpected("',' or '}'");
      }
    }
  }

  private array(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) throw this.error(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    const array: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.value(depth));
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x5d) return array;
      if (next !== 0x2c) {
        this.pos--;
        throw this.unexpected("',' or ']'");
      }
    }
  }

  /** Validates the token here, then lets JSON.parse unescape it. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let escaped = false;
    this.pos++;
    for (;;) {
      if (this.pos >= text.length) throw this.error('unterminated string');
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) break;
      if (code < 0x20) throw this.error('control character in string');
      if (code === 0x5c) {
        escaped = true;
        const escape = text[this.pos + 1] ?? '';
        if (escape === 'u') {
          if (!UNICODE_ESCAPE.test(text.slice(this.pos + 2, this.pos + 6))) throw this.error('invalid \\u escape');
          this.pos += 6;
        } else if (escape !== '' && '"\\/bfnrt'.includes(escape)) {
          this.pos += 2;
        } else {
          throw this.error('invalid escape in string');
        }
      } else {
        this.pos++;
      }
    }
    this.pos++;
    return escaped ? (JSON.parse(text.slice(start, this.pos)) as string) : text.slice(start + 1, this.pos - 1);
  }

  private number(): number | bigint {
    NUMBER_TOKEN.lastIndex = this.pos;
    if (!NUMBER_TOKEN.test(this.text)) throw this.unexpected('a JSON value');
    const literal = this.text.slice(this.pos, NUMBER_TOKEN.lastIndex);
    this.pos = NUMBER_TOKEN.lastIndex;
    const number = Number(literal);
    if (Number.isInteger(number) && !Number.isSafeInteger(number)) return integerOfLiteral(literal) ?? number;
    return number;
  }
}

function parseExactJson(text: string): unknown {
  return new ExactJsonParser(text).parse();
}

/** Decodes an OTLP/JSON ExportTraceServiceRequest given as text. */
export function decodeOtlpJson(text: string): ExportTraceRequest {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    // JSON.parse's messages carry no position in some cases; the exact parser always does.
    root = parseExactJson(text);
  }
  const decoder = new JsonTraceDecoder(false);
  const request = decoder.request(root);
  return decoder.sawRoundedInteger ? new JsonTraceDecoder(true).request(parseExactJson(text)) : request;
}
