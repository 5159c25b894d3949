import type { AnyValue, KeyValue } from '../otlp/otlp.types.js';
import { builder } from './builder.js';

type Variant<T extends AnyValue['type']> = Extract<AnyValue, { type: T }>;

/**
 * Complexity of a list that is embedded in its parent's document (attributes,
 * events, links, array/kvlist values): no resolver I/O, and its length is
 * bounded at ingest, so it counts its selection once instead of the default
 * ×10 per level, which made one full trace (spans → attributes → values)
 * exceed the complexity limit by orders of magnitude.
 */
export const EMBEDDED_LIST_COMPLEXITY = { field: 1, multiplier: 1 } as const;

export const AnyValueType = builder.enumType('AnyValueType', {
  values: ['STRING', 'BOOL', 'INT', 'DOUBLE', 'BYTES', 'ARRAY', 'KVLIST', 'EMPTY'] as const,
});

const StringValue = builder.objectRef<Variant<'string'>>('StringValue').implement({
  fields: (t) => ({ stringValue: t.string({ resolve: (v) => v.value }) }),
});

const BoolValue = builder.objectRef<Variant<'bool'>>('BoolValue').implement({
  fields: (t) => ({ boolValue: t.boolean({ resolve: (v) => v.value }) }),
});

const IntValue = builder.objectRef<Variant<'int'>>('IntValue').implement({
  fields: (t) => ({ intValue: t.field({ type: 'Int64', resolve: (v) => v.value }) }),
});

const DoubleValue = builder.objectRef<Variant<'double'>>('DoubleValue').implement({
  fields: (t) => ({
    doubleValue: t.float({
      nullable: true,
      description: 'The value; null for NaN and ±Infinity, which GraphQL Float cannot carry (see `text`).',
      resolve: (v) => (Number.isFinite(v.value) ? v.value : null),
    }),
    text: t.string({
      description: 'The value as text, exact for every double including NaN, ±Infinity and -0 (`"-0"`).',
      // String(-0) is "0": the sign of zero is written explicitly.
      resolve: (v) => (Object.is(v.value, -0) ? '-0' : String(v.value)),
    }),
  }),
});

const BytesValue = builder.objectRef<Variant<'bytes'>>('BytesValue').implement({
  fields: (t) => ({
    bytesValue: t.string({ description: 'Base64 (standard alphabet, padded).', resolve: (v) => Buffer.from(v.value).toString('base64') }),
  }),
});

const EmptyValue = builder.objectRef<Variant<'empty'>>('EmptyValue').implement({
  description: 'An AnyValue with no value set.',
  fields: (t) => ({ empty: t.boolean({ resolve: () => true }) }),
});

export const Attribute = builder.objectRef<KeyValue>('Attribute');

const ArrayValue = builder.objectRef<Variant<'array'>>('ArrayValue');
const KvlistValue = builder.objectRef<Variant<'kvlist'>>('KvlistValue');

const VARIANTS = {
  string: StringValue,
  bool: BoolValue,
  int: IntValue,
  double: DoubleValue,
  bytes: BytesValue,
  array: ArrayValue,
  kvlist: KvlistValue,
  empty: EmptyValue,
} as const;

/** OTLP AnyValue, one member per type, so int64 stays Int64 and nothing is stringly typed. */
export const AnyValueRef = builder.unionType('AnyValue', {
  types: Object.values(VARIANTS),
  resolveType: (value) => VARIANTS[value.type],
});

ArrayValue.implement({
  fields: (t) => ({ arrayValue: t.field({ type: [AnyValueRef], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (v) => [...v.values] }) }),
});

KvlistValue.implement({
  fields: (t) => ({ kvlistValue: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (v) => [...v.values] }) }),
});

Attribute.implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    valueType: t.field({ type: AnyValueType, resolve: (kv) => kv.value.type.toUpperCase() as 'STRING' }),
    value: t.field({ type: AnyValueRef, resolve: (kv) => kv.value }),
  }),
});
