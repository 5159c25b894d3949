import { graphql } from './__generated__/gql.js';
import type { OtlpAttributeFragment, OtlpSpanFragment, RestScalarValueFragment } from './__generated__/graphql.js';
import type { AnyValue, InstrumentationScope, KeyValue, OtlpSpan, Resource, SpanKind, StatusCode } from '../src/otlp/otlp.types.js';

/*
 * A span as selected through GraphQL, back in the OTLP model of
 * src/otlp/otlp.types.ts: the common ground of the Jaeger and Tempo
 * renderings, which both translate from OTLP as their own backends do
 * (Jaeger's OTLP translator, Tempo's OTLP storage).
 */

/*
 * Two levels of values: a scalar, or an array/kvlist of scalars, which is all
 * OpenTelemetry SDKs send. The third level the REST v1 renderings select
 * would triple the complexity of a span (every union member counts), and a
 * Jaeger search returns whole traces: a composite nested deeper renders as an
 * empty value here (GraphQL selects it at any depth).
 */
graphql(`
  fragment OtlpAttribute on Attribute {
    key
    value {
      ...RestAnyValue
    }
  }
`);

graphql(`
  fragment OtlpSpan on Span {
    traceId
    spanId
    parentSpanId
    traceState
    flags
    name
    kind
    startTimeUnixNano
    endTimeUnixNano
    serviceName
    attributes {
      ...OtlpAttribute
    }
    droppedAttributesCount
    events {
      timeUnixNano
      name
      attributes {
        ...OtlpAttribute
      }
      droppedAttributesCount
    }
    droppedEventsCount
    links {
      traceId
      spanId
      traceState
      flags
      attributes {
        ...OtlpAttribute
      }
      droppedAttributesCount
    }
    droppedLinksCount
    status {
      code
      message
    }
    resource {
      attributes {
        ...OtlpAttribute
      }
      droppedAttributesCount
      schemaUrl
    }
    scope {
      name
      version
      attributes {
        ...OtlpAttribute
      }
      droppedAttributesCount
      schemaUrl
    }
  }
`);

/** A stored span in the OTLP model, with the resource and scope it was sent under. */
export interface ModelSpan extends OtlpSpan {
  readonly serviceName: string;
  readonly resource: Resource & { readonly schemaUrl: string };
  readonly scope: InstrumentationScope & { readonly schemaUrl: string };
}

type NestedValue = RestScalarValueFragment & {
  readonly arrayValue?: readonly NestedValue[];
  readonly kvlistValue?: readonly { readonly key: string; readonly value: NestedValue }[];
};

const KINDS: Readonly<Record<OtlpSpanFragment['kind'], SpanKind>> = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
};
const STATUS: Readonly<Record<OtlpSpanFragment['status']['code'], StatusCode>> = { UNSET: 0, OK: 1, ERROR: 2 };

/** A selected value in the model; a composite selected without its members (nested too deep) becomes an empty value. */
export function modelValue(value: NestedValue): AnyValue {
  switch (value.__typename) {
    case 'StringValue':
      return { type: 'string', value: value.stringValue };
    case 'BoolValue':
      return { type: 'bool', value: value.boolValue };
    case 'IntValue':
      return { type: 'int', value: BigInt(value.intValue) };
    case 'DoubleValue':
      // `text` is exact for every double, NaN and ±Infinity included (Number parses all three).
      return { type: 'double', value: value.doubleValue ?? Number(value.text) };
    case 'BytesValue':
      return { type: 'bytes', value: new Uint8Array(Buffer.from(value.bytesValue, 'base64')) };
    case 'ArrayValue':
      return value.arrayValue === undefined ? { type: 'empty' } : { type: 'array', values: value.arrayValue.map(modelValue) };
    case 'KvlistValue':
      return value.kvlistValue === undefined
        ? { type: 'empty' }
        : { type: 'kvlist', values: value.kvlistValue.map((kv) => ({ key: kv.key, value: modelValue(kv.value) })) };
    default:
      return { type: 'empty' };
  }
}

export function modelAttributes(attributes: readonly OtlpAttributeFragment[]): KeyValue[] {
  return attributes.map((a) => ({ key: a.key, value: modelValue(a.value as NestedValue) }));
}

export function modelSpan(span: OtlpSpanFragment): ModelSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? null,
    traceState: span.traceState,
    flags: span.flags,
    name: span.name,
    kind: KINDS[span.kind],
    startTimeUnixNano: BigInt(span.startTimeUnixNano),
    endTimeUnixNano: BigInt(span.endTimeUnixNano),
    serviceName: span.serviceName,
    attributes: modelAttributes(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((e) => ({
      timeUnixNano: BigInt(e.timeUnixNano),
      name: e.name,
      attributes: modelAttributes(e.attributes),
      droppedAttributesCount: e.droppedAttributesCount,
    })),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((l) => ({
      traceId: l.traceId,
      spanId: l.spanId,
      traceState: l.traceState,
      flags: l.flags,
      attributes: modelAttributes(l.attributes),
      droppedAttributesCount: l.droppedAttributesCount,
    })),
    droppedLinksCount: span.droppedLinksCount,
    status: { code: STATUS[span.status.code], message: span.status.message },
    resource: {
      attributes: modelAttributes(span.resource.attributes),
      droppedAttributesCount: span.resource.droppedAttributesCount,
      schemaUrl: span.resource.schemaUrl,
    },
    scope: {
      name: span.scope.name,
      version: span.scope.version,
      attributes: modelAttributes(span.scope.attributes),
      droppedAttributesCount: span.scope.droppedAttributesCount,
      schemaUrl: span.scope.schemaUrl,
    },
  };
}
