import { Binary, Double } from 'mongodb';
import type { AnyValue, KeyValue } from '../../otlp/otlp.types.js';
import type { StoredKeyValue, StoredValue } from './span.document.js';

export function toStoredValue(value: AnyValue): StoredValue {
  switch (value.type) {
    case 'string':
    case 'bool':
    case 'int':
      return value.value;
    case 'double':
      // Written as an explicit Double: the driver would store an integral JS number as int32.
      return new Double(value.value);
    case 'bytes':
      return new Binary(value.value);
    case 'array':
      return { a: value.values.map(toStoredValue) };
    case 'kvlist':
      return { kv: toStoredAttributes(value.values) };
    case 'empty':
      return null;
  }
}

export function toStoredAttributes(attributes: readonly KeyValue[]): StoredKeyValue[] {
  return attributes.map((kv) => ({ k: kv.key, v: toStoredValue(kv.value) }));
}

/**
 * Reads a stored value back. Relies on the client reading with `useBigInt64`:
 * int64 comes back as bigint, double as number (ints are never written as
 * int32, so a number is always a double).
 */
export function fromStoredValue(value: StoredValue | undefined): AnyValue {
  if (value === null || value === undefined) return { type: 'empty' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'bigint') return { type: 'int', value };
  if (typeof value === 'number') return { type: 'double', value };
  if (value instanceof Double) return { type: 'double', value: value.value };
  if (value instanceof Binary) return { type: 'bytes', value: new Uint8Array(value.value()) };
  if ('a' in value) return { type: 'array', values: value.a.map(fromStoredValue) };
  return { type: 'kvlist', values: fromStoredAttributes(value.kv) };
}

export function fromStoredAttributes(attributes: readonly StoredKeyValue[]): KeyValue[] {
  return attributes.map((kv) => ({ key: kv.k, value: fromStoredValue(kv.v) }));
}
