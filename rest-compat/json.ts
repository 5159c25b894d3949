import { z } from 'zod';
import { graphql } from './__generated__/gql.js';
import type { RestAttributeFragment, RestScalarValueFragment } from './__generated__/graphql.js';

/*
 * JSON renderings shared by the routes: milliseconds, timestamps and OTLP
 * attribute values as the REST document shows them.
 */

/** A duration in integer milliseconds, as the document's examples show (`"duration_ms": 142`); GraphQL keeps the exact float. */
export function roundedMs(ms: number): number {
  return Math.round(ms);
}

/** A DateTime in the document's form: ISO 8601, UTC, milliseconds, `Z` (the DateTime scalar already serializes so). */
export function isoMillis(description: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .meta({ description, format: 'date-time', examples: ['2026-03-15T08:22:41.003Z'] });
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value an attribute can render as (named, so OpenAPI refers to it instead of repeating it). */
export const AttributeValueJson: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(AttributeValueJson), z.record(z.string(), AttributeValueJson)]),
  )
  .meta({ id: 'AttributeValue' });

export const AttributeMapJson = z
  .record(z.string(), AttributeValueJson)
  .meta({ description: 'Attributes as a plain JSON map (see docs/rest-v1.md for how OTLP value types render)' });

/*
 * GraphQL has no recursive selections, so values are selected three levels deep:
 * a scalar, an array/kvlist of scalars, or an array/kvlist of those. Anything
 * nested deeper (rare in OTLP attributes) renders as null.
 */
graphql(`
  fragment RestScalarValue on AnyValue {
    __typename
    ... on StringValue {
      stringValue
    }
    ... on BoolValue {
      boolValue
    }
    ... on IntValue {
      intValue
    }
    ... on DoubleValue {
      doubleValue
      text
    }
    ... on BytesValue {
      bytesValue
    }
  }
`);

graphql(`
  fragment RestAnyValue on AnyValue {
    ...RestScalarValue
    ... on ArrayValue {
      arrayValue {
        ...RestScalarValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        value {
          ...RestScalarValue
        }
      }
    }
  }
`);

graphql(`
  fragment RestAttribute on Attribute {
    key
    value {
      ...RestAnyValue
      ... on ArrayValue {
        arrayValue {
          ...RestAnyValue
        }
      }
      ... on KvlistValue {
        kvlistValue {
          key
          value {
            ...RestAnyValue
          }
        }
      }
    }
  }
`);

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * OTLP values as JSON: strings, booleans and doubles as themselves; int64 as a
 * number when it is exactly representable (|n| ≤ 2^53 − 1), else as a string of
 * its exact digits, so no client silently rounds it; NaN/±Infinity as the
 * strings "NaN"/"Infinity"/"-Infinity" (the OTLP/JSON convention); bytes as
 * base64; arrays as arrays; kvlists as objects; an empty value as null.
 */
function scalarJson(value: RestScalarValueFragment): JsonValue {
  switch (value.__typename) {
    case 'StringValue':
      return value.stringValue;
    case 'BoolValue':
      return value.boolValue;
    case 'IntValue': {
      const n = BigInt(value.intValue);
      return n <= MAX_EXACT && n >= -MAX_EXACT ? Number(n) : value.intValue;
    }
    case 'DoubleValue':
      return value.doubleValue ?? value.text;
    case 'BytesValue':
      return value.bytesValue;
    default:
      return null;
  }
}

type NestedValue = RestScalarValueFragment & {
  readonly arrayValue?: readonly NestedValue[];
  readonly kvlistValue?: readonly { readonly key: string; readonly value: NestedValue }[];
};

function valueJson(value: NestedValue): JsonValue {
  if (value.__typename === 'ArrayValue') return value.arrayValue === undefined ? null : value.arrayValue.map(valueJson);
  if (value.__typename === 'KvlistValue') {
    return value.kvlistValue === undefined ? null : Object.fromEntries(value.kvlistValue.map((kv) => [kv.key, valueJson(kv.value)]));
  }
  return scalarJson(value);
}

/** Object.fromEntries defines own properties, so a key such as `__proto__` stays an ordinary key. */
export function attributeMap(attributes: readonly RestAttributeFragment[]): Record<string, JsonValue> {
  return Object.fromEntries(attributes.map((attribute) => [attribute.key, valueJson(attribute.value)]));
}
