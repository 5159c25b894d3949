/**
 * The protobuf wire format, read in one pass: a cursor over the request
 * bytes with bounds checks on every read, exact 64-bit integers, UTF-8
 * validation and iterative group skipping. Knows no message; the OTLP
 * decoders in otlp-protobuf.ts drive it.
 */
import { OtlpDecodeError } from './otlp-errors.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
const WIRE_START_GROUP = 3;
const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

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
export class Reader {
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
