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

/*
 * An attribute renders three levels deep (see the fragments below), so its JSON
 * type is spelled out level by level rather than as "any JSON value": exact for
 * clients, and free of the self-reference through an array that generated
 * TypeScript types (openapi-typescript) cannot express.
 */

/** A scalar attribute value; also what anything nested deeper than three levels renders as (null). */
export type AttributeScalar = string | number | boolean | null;
/** An element of an array or kvlist value: a scalar, or an array or kvlist of scalars. */
export type AttributeElement = AttributeScalar | AttributeScalar[] | { [key: string]: AttributeScalar };
/** An attribute's value: a scalar, or an array or kvlist of elements. */
export type AttributeValue = AttributeScalar | AttributeElement[] | { [key: string]: AttributeElement };

const AttributeScalarJson = z.union([z.string(), z.number(), z.boolean(), z.null()]).meta({ id: 'AttributeScalar' });

const AttributeElementJson: z.ZodType<AttributeElement> = z
  .union([AttributeScalarJson, z.array(AttributeScalarJson), z.record(z.string(), AttributeScalarJson)])
  .meta({ id: 'AttributeElement', description: 'An element of an array or kvlist attribute value' });

/** Any JSON value an attribute can render as (named, so OpenAPI refers to it instead of repeating it). */
export const AttributeValueJson: z.ZodType<AttributeValue> = z
  .union([AttributeScalarJson, z.array(AttributeElementJson), z.record(z.string(), AttributeElementJson)])
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
function scalarJson(value: RestScalarValueFragment): AttributeScalar {
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

/** A value as selected at some level: `Inner` is what its array elements and kvlist values are selected as. */
type ValueData<Inner> = RestScalarValueFragment & {
  readonly arrayValue?: readonly Inner[];
  readonly kvlistValue?: readonly { readonly key: string; readonly value: Inner }[];
};

/** A composite value's JSON from its elements' (Object.fromEntries: a key such as `__proto__` stays an ordinary key). */
function composite<Inner, Out>(value: ValueData<Inner>, element: (inner: Inner) => Out): Out[] | { [key: string]: Out } | null {
  if (value.__typename === 'ArrayValue') return value.arrayValue === undefined ? null : value.arrayValue.map(element);
  if (value.__typename === 'KvlistValue') {
    return value.kvlistValue === undefined ? null : Object.fromEntries(value.kvlistValue.map((kv) => [kv.key, element(kv.value)]));
  }
  return null;
}

function elementJson(value: ValueData<RestScalarValueFragment>): AttributeElement {
  return composite(value, scalarJson) ?? scalarJson(value);
}

function valueJson(value: ValueData<ValueData<RestScalarValueFragment>>): AttributeValue {
  return composite(value, elementJson) ?? scalarJson(value);
}

export function attributeMap(attributes: readonly RestAttributeFragment[]): Record<string, AttributeValue> {
  return Object.fromEntries(attributes.map((attribute) => [attribute.key, valueJson(attribute.value)]));
}
