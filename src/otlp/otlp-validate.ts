/**
 * Rules shared by the protobuf and JSON decoders, so that both encodings accept
 * and reject the same requests with the same messages. Validators throw an
 * OtlpDecodeError whose path is relative to the message being decoded.
 */
import { OtlpDecodeError } from './otlp-errors.js';
import type { SpanKind, StatusCode } from './otlp.types.js';

/** Deepest AnyValue nesting accepted (an attribute's own value is level 1); bounds decoder recursion. */
export const MAX_ANY_VALUE_DEPTH = 32;

/** Most entries accepted in one attribute list (span, event, link, resource or scope). */
export const MAX_ATTRIBUTES = 1024;

export type IdField = 'traceId' | 'spanId';

const ID_BYTES: Readonly<Record<IdField, number>> = { traceId: 16, spanId: 8 };
const HEX_CHAR_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
// Reused char-code buffers: building an id in one fromCharCode call avoids an intermediate string per byte.
const TRACE_ID_CODES = new Array<number>(32).fill(0);
const SPAN_ID_CODES = new Array<number>(16).fill(0);
const HEX_DIGITS = /^[0-9a-fA-F]*$/;
const ZERO_IDS: Readonly<Record<IdField, string>> = { traceId: '0'.repeat(32), spanId: '0'.repeat(16) };

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function wrongLength(field: string, expectedBytes: number, got: string): OtlpDecodeError {
  return new OtlpDecodeError(field, `${field} must be ${expectedBytes} bytes (${expectedBytes * 2} hex characters), got ${got}`);
}

function allZeros(field: string): OtlpDecodeError {
  return new OtlpDecodeError(field, `${field} must not be all zeros`);
}

/** `end - start` is 8 or 16, checked by the callers. */
function bytesToHex(bytes: Uint8Array, start: number, end: number): string {
  const codes = end - start === 16 ? TRACE_ID_CODES : SPAN_ID_CODES;
  for (let i = start, j = 0; i < end; i++, j += 2) {
    const byte = bytes[i]!;
    codes[j] = HEX_CHAR_CODES[byte >>> 4]!;
    codes[j + 1] = HEX_CHAR_CODES[byte & 15]!;
  }
  return String.fromCharCode(...codes);
}

function isAllZeros(bytes: Uint8Array, start: number, end: number): boolean {
  let any = 0;
  for (let i = start; i < end; i++) any |= bytes[i]!;
  return any === 0;
}

/** A trace or span id given as raw bytes `bytes[start, end)`. */
export function idFromBytes(field: IdField, bytes: Uint8Array, start: number, end: number): string {
  const expected = ID_BYTES[field];
  if (end - start !== expected) throw wrongLength(field, expected, plural(end - start, 'byte'));
  if (isAllZeros(bytes, start, end)) throw allZeros(field);
  return bytesToHex(bytes, start, end);
}

/** The error for an id field that is absent (proto3 cannot tell absent from empty). */
export function missingId(field: IdField): OtlpDecodeError {
  return wrongLength(field, ID_BYTES[field], '0 bytes');
}

/**
 * Empty means a root span. An all-zero parent is also read as "no parent": it
 * is not a valid span id, and some converters write it for roots.
 */
export function parentIdFromBytes(bytes: Uint8Array, start: number, end: number): string | null {
  if (end === start) return null;
  if (end - start !== 8) throw wrongLength('parentSpanId', 8, plural(end - start, 'byte'));
  return isAllZeros(bytes, start, end) ? null : bytesToHex(bytes, start, end);
}

function checkHex(field: string, value: string): void {
  if (!HEX_DIGITS.test(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new OtlpDecodeError(field, `${field} must be a hex string, got ${JSON.stringify(shown)}`);
  }
}

/** A trace or span id given as hex text (OTLP/JSON); case-insensitive, returned lowercase. */
export function idFromHex(field: IdField, value: string): string {
  checkHex(field, value);
  const expected = ID_BYTES[field];
  if (value.length !== expected * 2) throw wrongLength(field, expected, plural(value.length, 'hex character'));
  const id = value.toLowerCase();
  if (id === ZERO_IDS[field]) throw allZeros(field);
  return id;
}

/** As parentIdFromBytes, for hex text. */
export function parentIdFromHex(value: string): string | null {
  if (value === '') return null;
  checkHex('parentSpanId', value);
  if (value.length !== 16) throw wrongLength('parentSpanId', 8, plural(value.length, 'hex character'));
  const id = value.toLowerCase();
  return id === ZERO_IDS.spanId ? null : id;
}

const SPAN_KIND_VALUES: readonly SpanKind[] = [0, 1, 2, 3, 4, 5];
const SPAN_KIND_NAMES: readonly string[] = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_CODE_VALUES: readonly StatusCode[] = [0, 1, 2];
const STATUS_CODE_NAMES: readonly string[] = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

/** Unknown enum values are rejected rather than mapped to "unspecified": they mean a producer we do not understand. */
function enumError(field: string, names: readonly string[], got: string): OtlpDecodeError {
  const last = names.length - 1;
  return new OtlpDecodeError(field, `${field} must be from 0 to ${last} (${names[0]} to ${names[last]}), got ${got}`);
}

export function spanKindFromNumber(value: number): SpanKind {
  const kind = SPAN_KIND_VALUES[value];
  if (kind === undefined) throw enumError('kind', SPAN_KIND_NAMES, String(value));
  return kind;
}

export function spanKindFromName(name: string): SpanKind {
  const kind = SPAN_KIND_VALUES[SPAN_KIND_NAMES.indexOf(name)];
  if (kind === undefined) throw enumError('kind', SPAN_KIND_NAMES, JSON.stringify(name));
  return kind;
}

export function statusCodeFromNumber(value: number): StatusCode {
  const code = STATUS_CODE_VALUES[value];
  if (code === undefined) throw enumError('code', STATUS_CODE_NAMES, String(value));
  return code;
}

export function statusCodeFromName(name: string): StatusCode {
  const code = STATUS_CODE_VALUES[STATUS_CODE_NAMES.indexOf(name)];
  if (code === undefined) throw enumError('code', STATUS_CODE_NAMES, JSON.stringify(name));
  return code;
}

/** Thrown at the list itself (`…attributes`), before the entry past the limit is decoded. */
export function tooManyAttributes(): OtlpDecodeError {
  return new OtlpDecodeError('attributes', `more than ${MAX_ATTRIBUTES} attributes`);
}

export function nestedTooDeeply(): OtlpDecodeError {
  return new OtlpDecodeError('', `AnyValue nested more than ${MAX_ANY_VALUE_DEPTH} levels deep`);
}
