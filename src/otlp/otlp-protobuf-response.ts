/**
 * OTLP protobuf responses: ExportTraceServiceResponse and the google.rpc.Status
 * of an error (OTLP/HTTP body, OTLP/gRPC status details). A few bytes each,
 * built in a number[].
 */
import { WIRE_LENGTH_DELIMITED, WIRE_VARINT } from './protobuf-reader.js';

export interface ExportTracePartialSuccess {
  readonly rejectedSpans: bigint;
  readonly errorMessage: string;
}

const utf8Encoder = new TextEncoder();

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

const RETRY_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.RetryInfo';

/**
 * google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3 }:
 * the body of an OTLP/HTTP error response, and the `grpc-status-details-bin` trailer of an OTLP/gRPC
 * one. With `retryDelayS`, its one detail is a google.rpc.RetryInfo { Duration retry_delay = 1 },
 * which is what makes RESOURCE_EXHAUSTED retryable for an OTLP exporter and sets its back-off.
 */
export function encodeRpcStatus(code: number, message: string, retryDelayS?: number): Uint8Array {
  if (!Number.isInteger(code) || code < 0 || code > 0x7fff_ffff) {
    throw new RangeError(`code must be a google.rpc.Code (a non-negative int32), got ${code}`);
  }
  const status: number[] = [];
  pushVarintField(status, 1, BigInt(code));
  pushDelimitedField(status, 2, utf8Encoder.encode(message));
  if (retryDelayS !== undefined) pushDelimitedField(status, 3, retryInfoAny(retryDelayS));
  return Uint8Array.from(status);
}

/** google.protobuf.Any holding a RetryInfo whose retry_delay is a whole number of seconds. */
function retryInfoAny(delayS: number): number[] {
  if (!Number.isInteger(delayS) || delayS < 0) throw new RangeError(`retry delay must be whole non-negative seconds, got ${delayS}`);
  const duration: number[] = [];
  pushVarintField(duration, 1, BigInt(delayS));
  const retryInfo: number[] = [];
  // An empty Duration (a zero delay) is still present: RetryInfo without retry_delay would mean "no advice".
  retryInfo.push((1 << 3) | WIRE_LENGTH_DELIMITED);
  pushVarint(retryInfo, BigInt(duration.length));
  retryInfo.push(...duration);
  const any: number[] = [];
  pushDelimitedField(any, 1, utf8Encoder.encode(RETRY_INFO_TYPE_URL));
  pushDelimitedField(any, 2, retryInfo);
  return any;
}
