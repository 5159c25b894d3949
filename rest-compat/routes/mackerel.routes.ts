import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { parseAttributeFilter } from '../../src/domain/traces/traces.service.js';
import { graphql } from '../__generated__/gql.js';
import type { MackerelAttributeFragment, MackerelScalarValueFragment, RestMackerelListTracesQuery } from '../__generated__/graphql.js';
import { text, traceId } from '../params.js';
import { defineRoute } from '../route.js';
import { assertWholeTrace, WHOLE_TRACE_SPANS } from '../whole-trace.js';

/*
 * The Mackerel trace API (spec/mackerel-traces-v0.md): POST /api/v0/traces and
 * GET /api/v0/traces/{traceId}, so that Mackerel clients (mackerel-client-go's
 * ListTraces/GetTrace, mkr) work against the gateway by changing the base URL
 * and the key. docs/mackerel.md lists every choice the document left open.
 */

// ---------------------------------------------------------------- List Traces

/** 9999-12-31T23:59:59Z: the last second a DateTime can carry. */
const MAX_EPOCH_S = 253_402_300_799;

/** Whole epoch seconds (mackerel-client-go sends int64); "is required" when absent. */
function epochSeconds(description: string) {
  const message = 'must be a whole number of seconds since the Unix epoch';
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : message) })
    .int({ error: message })
    .min(0, { error: message })
    .max(MAX_EPOCH_S, { error: message })
    .meta({ description, examples: [1718802000] });
}

function nonNegativeMillis(description: string) {
  const message = 'must be a non-negative number of milliseconds';
  return z.number({ error: message }).min(0, { error: message }).max(Number.MAX_SAFE_INTEGER, { error: message }).meta({ description });
}

function wholeNumber(min: number, max: number, description: string) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .meta({ description });
}

const OPERATORS = ['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'STARTS_WITH', 'CONTAINS'] as const;
const TYPES = ['string', 'int', 'double', 'bool'] as const;
const GRAPHQL_TYPE = { string: 'STRING', int: 'INT', double: 'DOUBLE', bool: 'BOOL' } as const;
const MAX_ATTRIBUTE_FILTERS = 20;

/** Which operator a type accepts is checked with the service's own table (parseAttributeFilter) in `variables`. */
const AttributeFilterJson = z
  .strictObject({
    key: text('Attribute key'),
    value: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
      .meta({ description: 'Attribute value, as a string whatever the type' }),
    operator: z.enum(OPERATORS).meta({
      description: 'EQ, NEQ (string, bool); GT, GTE, LT, LTE (int, double); STARTS_WITH, CONTAINS (string)',
    }),
    type: z.enum(TYPES),
  })
  .meta({ id: 'MackerelAttributeFilter' });

const optionalText = (description: string) => text(description).nullish();

const ListTracesBody = z.strictObject({
  serviceName: text('Service name (required)'),
  serviceNamespace: optionalText('Service namespace'),
  from: epochSeconds('Trace search start time (epoch seconds, inclusive), on the trace start'),
  to: epochSeconds('Trace search end time (epoch seconds, inclusive: the whole second counts)'),
  environment: optionalText('Environment name (deployment.environment / deployment.environment.name)'),
  traceId: traceId('Trace ID (32-digit hexadecimal string)').nullish(),
  spanName: optionalText('Span name of a span of the service'),
  version: optionalText('service.version of a span of the service'),
  issueFingerprint: optionalText('Issue fingerprint of a span of the service'),
  statusCode: z.enum(['OK', 'ERROR']).nullish().meta({ description: 'Status code of a span of the service: OK or ERROR' }),
  minLatencyMillis: nonNegativeMillis('Minimum trace latency (milliseconds, inclusive)').nullish(),
  maxLatencyMillis: nonNegativeMillis('Maximum trace latency (milliseconds, inclusive)').nullish(),
  attributes: z.array(AttributeFilterJson).max(MAX_ATTRIBUTE_FILTERS).nullish().meta({ description: 'Span attribute conditions' }),
  resourceAttributes: z
    .array(AttributeFilterJson)
    .max(MAX_ATTRIBUTE_FILTERS)
    .nullish()
    .meta({ description: 'Resource attribute conditions' }),
  page: wholeNumber(1, 10_000, 'Page number (starts from 1). Default: 1').nullish(),
  perPage: wholeNumber(1, 100, 'Items per page (1–100). Default: 20').nullish(),
  order: z
    .strictObject({
      column: z.enum(['LATENCY', 'START_AT']).nullish().meta({ description: 'LATENCY (the trace latency) or START_AT. Default: START_AT' }),
      direction: z.enum(['ASC', 'DESC']).nullish().meta({ description: 'Default: DESC' }),
    })
    .nullish(),
});

type ListTracesInput = z.output<typeof ListTracesBody>;
type AttributeFilterInput = z.output<typeof AttributeFilterJson>;

/**
 * Each filter through the service's own parser (the operator × type table,
 * the value's syntax for its type), so a refused combination is a 400 naming
 * the key, the operator and the type under `attributes.<i>.operator`.
 */
function attributeFilters(filters: readonly AttributeFilterInput[] | null | undefined, param: string) {
  if (filters == null) return null;
  return filters.map((filter, i) => {
    parseAttributeFilter(filter, `${param}.${i}`);
    return { key: filter.key, value: filter.value, operator: filter.operator, type: GRAPHQL_TYPE[filter.type] };
  });
}

function assertOrdered(low: number | null | undefined, high: number | null | undefined, lowName: string, highName: string): void {
  if (low != null && high != null && low > high) {
    throw new ValidationError(`Parameter '${lowName}' must not be greater than '${highName}'`, lowName);
  }
}

/** `from`..`to` as whole seconds: [from.000, to.999] in the milliseconds a trace start is compared in. */
function searchWindow(body: ListTracesInput): { from: string; to: string } {
  assertOrdered(body.from, body.to, 'from', 'to');
  return { from: new Date(body.from * 1000).toISOString(), to: new Date(body.to * 1000 + 999).toISOString() };
}

function listVariables(body: ListTracesInput) {
  assertOrdered(body.minLatencyMillis, body.maxLatencyMillis, 'minLatencyMillis', 'maxLatencyMillis');
  return {
    filter: {
      ...searchWindow(body),
      service: body.serviceName,
      serviceNamespace: body.serviceNamespace ?? null,
      environment: body.environment ?? null,
      traceId: body.traceId ?? null,
      spanName: body.spanName ?? null,
      serviceVersion: body.version ?? null,
      issueFingerprint: body.issueFingerprint ?? null,
      spanStatus: body.statusCode ?? null,
      minDurationMs: body.minLatencyMillis ?? null,
      maxDurationMs: body.maxLatencyMillis ?? null,
      attributes: attributeFilters(body.attributes, 'attributes'),
      resourceAttributes: attributeFilters(body.resourceAttributes, 'resourceAttributes'),
    },
    orderBy: {
      field: body.order?.column === 'LATENCY' ? ('DURATION' as const) : ('START_TIME' as const),
      direction: body.order?.direction ?? 'DESC',
    },
    page: body.page ?? 1,
    perPage: body.perPage ?? 20,
    // The result describes the one service the three keys name (docs/mackerel.md, "One service").
    service: body.serviceName,
    serviceNamespace: body.serviceNamespace ?? null,
    environment: body.environment ?? null,
  };
}

const TraceResultJson = z
  .strictObject({
    traceId: z.string().meta({ description: 'Trace ID (32-digit lowercase hexadecimal string)' }),
    serviceName: z.string().meta({ description: 'The requested service' }),
    serviceNamespace: z.string().meta({ description: 'service.namespace of its spans; "" when unset' }),
    environment: z.string().meta({ description: 'deployment.environment(.name) of its spans; "" when unset' }),
    title: z.string().meta({ description: 'Name of the root span; "" while the root span has not arrived' }),
    traceStartAt: z.number().int().meta({ description: 'Trace start (earliest span start), epoch seconds, truncated' }),
    traceLatencyMillis: z.number().int().meta({ description: 'Earliest span start to latest span end, milliseconds, rounded' }),
    serviceStartAt: z.number().int().meta({ description: "Earliest start of the service's spans, epoch seconds, truncated" }),
    serviceLatencyMillis: z
      .number()
      .int()
      .meta({ description: "Earliest start to latest end of the service's spans, milliseconds, rounded" }),
  })
  .meta({ id: 'MackerelTraceResult' });

const TraceListJson = z.strictObject({ results: z.array(TraceResultJson), hasNextPage: z.boolean() }).meta({ id: 'MackerelTraceList' });

const NS_PER_S = 1_000_000_000n;
const NS_PER_MS = 1_000_000n;

/** Epoch seconds of an epoch-nanosecond Int64, truncated (the second the instant falls in). */
function epochSecondsOf(unixNano: string): number {
  return Number(BigInt(unixNano) / NS_PER_S);
}

/** Whole milliseconds of a non-negative nanosecond Int64, rounded half up, computed exactly. */
function roundedMillisOf(ns: string): number {
  return Number((BigInt(ns) + NS_PER_MS / 2n) / NS_PER_MS);
}

type TraceResultData = RestMackerelListTracesQuery['tracePage']['results'][number];

function traceResultJson(trace: TraceResultData, serviceName: string): z.input<typeof TraceResultJson> {
  // Every listed trace has a span of the service (the filter requires one); a
  // segment is missing only if retention removed those spans since, and then
  // the trace's own figures are the best remaining answer.
  const segment = trace.serviceSegment ?? {
    serviceNamespace: null,
    environment: null,
    startTimeUnixNano: trace.startTimeUnixNano,
    durationNs: trace.durationNs,
  };
  return {
    traceId: trace.traceId,
    serviceName,
    serviceNamespace: segment.serviceNamespace ?? '',
    environment: segment.environment ?? '',
    title: trace.rootOperation ?? '',
    traceStartAt: epochSecondsOf(trace.startTimeUnixNano),
    traceLatencyMillis: roundedMillisOf(trace.durationNs),
    serviceStartAt: epochSecondsOf(segment.startTimeUnixNano),
    serviceLatencyMillis: roundedMillisOf(segment.durationNs),
  };
}

export const mackerelListTraces = defineRoute({
  method: 'POST',
  path: '/api/v0/traces',
  tag: 'Mackerel Traces',
  summary: 'List Traces',
  description:
    'Mackerel-compatible trace list (spec/mackerel-traces-v0.md): traces of `serviceName` starting in [from, to], in numbered pages. ' +
    'Span-level conditions must hold on one span of the service. Rate limit: 1 request per second per key.',
  operation: graphql(`
    query RestMackerelListTraces(
      $filter: TraceFilter!
      $orderBy: TraceOrderBy!
      $page: Int!
      $perPage: Int!
      $service: String!
      $serviceNamespace: String
      $environment: String
    ) {
      tracePage(filter: $filter, orderBy: $orderBy, page: $page, perPage: $perPage) {
        hasNextPage
        results {
          traceId
          rootOperation
          startTimeUnixNano
          durationNs
          serviceSegment(service: $service, serviceNamespace: $serviceNamespace, environment: $environment) {
            serviceNamespace
            environment
            startTimeUnixNano
            durationNs
          }
        }
      }
    }
  `),
  input: { body: ListTracesBody },
  variables: ({ body }) => listVariables(body),
  respond: (data, { body }) => ({
    body: {
      results: data.tracePage.results.map((trace) => traceResultJson(trace, body.serviceName)),
      hasNextPage: data.tracePage.hasNextPage,
    },
  }),
  response: { status: 200, schema: TraceListJson },
  budget: 'mackerel-list',
  // The body is checked at the edge; should the schema refuse a filter field, the error names the body key.
  errorParams: { service: 'serviceName', serviceVersion: 'version', spanStatus: 'statusCode' },
  errors: [400],
});

// ------------------------------------------------------------------ Get Trace

/*
 * GraphQL has no recursive selections: values are selected four levels deep
 * (an attribute's value, and arrays/kvlists nested three more levels), which
 * OpenTelemetry SDKs never exceed; a composite value nested deeper is shown as
 * `empty` (the exact value at any depth is in GraphQL, selected deeper).
 */
graphql(`
  fragment MackerelScalarValue on AnyValue {
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
    }
    ... on BytesValue {
      bytesValue
    }
  }
`);

graphql(`
  fragment MackerelValueLevel3 on AnyValue {
    ...MackerelScalarValue
    ... on ArrayValue {
      arrayValue {
        ...MackerelScalarValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        value {
          ...MackerelScalarValue
        }
      }
    }
  }
`);

graphql(`
  fragment MackerelValueLevel2 on AnyValue {
    ...MackerelScalarValue
    ... on ArrayValue {
      arrayValue {
        ...MackerelValueLevel3
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        value {
          ...MackerelValueLevel3
        }
      }
    }
  }
`);

graphql(`
  fragment MackerelAttribute on Attribute {
    key
    value {
      ...MackerelScalarValue
      ... on ArrayValue {
        arrayValue {
          ...MackerelValueLevel2
        }
      }
      ... on KvlistValue {
        kvlistValue {
          key
          value {
            ...MackerelValueLevel2
          }
        }
      }
    }
  }
`);

/** The document's AnyValue: `valueType` and, except for `empty`, one `<type>Value`. */
export type MackerelAnyValue =
  | { readonly valueType: 'string'; readonly stringValue: string }
  | { readonly valueType: 'bool'; readonly boolValue: boolean }
  | { readonly valueType: 'int'; readonly intValue: bigint }
  | { readonly valueType: 'double'; readonly doubleValue: number | null }
  | { readonly valueType: 'bytes'; readonly bytesValue: string }
  | { readonly valueType: 'array'; readonly arrayValue: readonly MackerelAnyValue[] }
  | { readonly valueType: 'kvlist'; readonly kvlistValue: Readonly<Record<string, MackerelAnyValue>> }
  | { readonly valueType: 'empty' };

const AnyValueJson: z.ZodType<MackerelAnyValue, MackerelAnyValue> = z
  .lazy(() =>
    z.discriminatedUnion('valueType', [
      z.strictObject({ valueType: z.literal('string'), stringValue: z.string() }),
      z.strictObject({ valueType: z.literal('bool'), boolValue: z.boolean() }),
      z.strictObject({
        valueType: z.literal('int'),
        // Written as the exact digits of a JSON integer (rest-compat/json-text.ts), never through a JS number.
        intValue: z.bigint().meta({ type: 'integer', format: 'int64', description: 'Exact signed 64-bit integer' }),
      }),
      z.strictObject({
        valueType: z.literal('double'),
        doubleValue: z.number().nullable().meta({ description: 'null for NaN and ±Infinity, which JSON numbers cannot carry' }),
      }),
      z.strictObject({ valueType: z.literal('bytes'), bytesValue: z.string().meta({ description: 'Base64 (standard alphabet, padded)' }) }),
      z.strictObject({ valueType: z.literal('array'), arrayValue: z.array(AnyValueJson) }),
      z.strictObject({ valueType: z.literal('kvlist'), kvlistValue: z.record(z.string(), AnyValueJson) }),
      z.strictObject({ valueType: z.literal('empty') }),
    ]),
  )
  .meta({ id: 'MackerelAnyValue' });

const AttributeJson = z.strictObject({ key: z.string(), value: AnyValueJson }).meta({ id: 'MackerelAttribute' });
const timestamp = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .meta({ description, format: 'date-time', examples: ['2025-07-09T14:03:02.000Z'] });

const SpanJson = z
  .strictObject({
    traceId: z.string(),
    spanId: z.string(),
    traceState: z.string().meta({ description: 'W3C tracestate; "" when none' }),
    parentSpanId: z.string().optional().meta({ description: 'Omitted for root spans' }),
    name: z.string(),
    kind: z.enum(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']),
    startTime: timestamp('Span start, UTC, milliseconds'),
    endTime: timestamp('Span end, UTC, milliseconds'),
    attributes: z.array(AttributeJson),
    droppedAttributesCount: z.number().int(),
    events: z.array(
      z
        .strictObject({
          time: timestamp('Event time'),
          name: z.string(),
          attributes: z.array(AttributeJson),
          droppedAttributesCount: z.number().int(),
        })
        .meta({ id: 'MackerelSpanEvent' }),
    ),
    droppedEventsCount: z.number().int(),
    links: z.array(
      z
        .strictObject({
          traceId: z.string(),
          spanId: z.string(),
          traceState: z.string(),
          attributes: z.array(AttributeJson),
          droppedAttributesCount: z.number().int(),
        })
        .meta({ id: 'MackerelSpanLink' }),
    ),
    droppedLinksCount: z.number().int(),
    status: z.strictObject({ message: z.string(), code: z.enum(['unset', 'ok', 'error']) }),
    resource: z.strictObject({ attributes: z.array(AttributeJson), droppedAttributesCount: z.number().int() }),
    scope: z.strictObject({
      name: z.string(),
      version: z.string(),
      attributes: z.array(AttributeJson),
      droppedAttributesCount: z.number().int(),
    }),
  })
  .meta({ id: 'MackerelSpan' });

const TraceDetailJson = z
  .strictObject({ spans: z.array(SpanJson).meta({ description: 'Every span of the trace, in start order' }) })
  .meta({ id: 'MackerelTraceDetail' });

/** A selected value at some depth: the deepest level selects scalars only. */
type ValueData = MackerelScalarValueFragment & {
  readonly arrayValue?: readonly ValueData[];
  readonly kvlistValue?: readonly { readonly key: string; readonly value: ValueData }[];
};

const EMPTY: MackerelAnyValue = { valueType: 'empty' };

function anyValueJson(value: ValueData): MackerelAnyValue {
  switch (value.__typename) {
    case 'StringValue':
      return { valueType: 'string', stringValue: value.stringValue };
    case 'BoolValue':
      return { valueType: 'bool', boolValue: value.boolValue };
    case 'IntValue':
      // Int64 arrives as its decimal string; BigInt keeps all 64 bits.
      return { valueType: 'int', intValue: BigInt(value.intValue) };
    case 'DoubleValue':
      return { valueType: 'double', doubleValue: value.doubleValue ?? null };
    case 'BytesValue':
      return { valueType: 'bytes', bytesValue: value.bytesValue };
    case 'ArrayValue':
      return value.arrayValue === undefined ? EMPTY : { valueType: 'array', arrayValue: value.arrayValue.map(anyValueJson) };
    case 'KvlistValue':
      // Object.fromEntries defines own properties: a key such as `__proto__` stays an ordinary key.
      return value.kvlistValue === undefined
        ? EMPTY
        : { valueType: 'kvlist', kvlistValue: Object.fromEntries(value.kvlistValue.map((kv) => [kv.key, anyValueJson(kv.value)])) };
    default:
      return EMPTY;
  }
}

function attributesJson(attributes: readonly MackerelAttributeFragment[]): z.input<typeof AttributeJson>[] {
  return attributes.map((attribute) => ({ key: attribute.key, value: anyValueJson(attribute.value) }));
}

export const mackerelGetTrace = defineRoute({
  method: 'GET',
  path: '/api/v0/traces/{traceId}',
  tag: 'Mackerel Traces',
  summary: 'Get Trace',
  description: 'Mackerel-compatible trace detail (spec/mackerel-traces-v0.md): every span of the trace in OTLP form.',
  operation: graphql(`
    query RestMackerelGetTrace($traceId: String!, $spanLimit: Int!) {
      trace(traceId: $traceId) {
        spanCount
        spans(first: $spanLimit) {
          traceId
          spanId
          traceState
          parentSpanId
          name
          kind
          startTime
          endTime
          attributes {
            ...MackerelAttribute
          }
          droppedAttributesCount
          events {
            time
            name
            attributes {
              ...MackerelAttribute
            }
            droppedAttributesCount
          }
          droppedEventsCount
          links {
            traceId
            spanId
            traceState
            attributes {
              ...MackerelAttribute
            }
            droppedAttributesCount
          }
          droppedLinksCount
          status {
            message
            code
          }
          resource {
            attributes {
              ...MackerelAttribute
            }
            droppedAttributesCount
          }
          scope {
            name
            version
            attributes {
              ...MackerelAttribute
            }
            droppedAttributesCount
          }
        }
      }
    }
  `),
  input: { path: z.strictObject({ traceId: traceId('Trace ID (32-digit hexadecimal string); upper-case hex is accepted') }) },
  variables: ({ path }) => ({ traceId: path.traceId, spanLimit: WHOLE_TRACE_SPANS }),
  respond: (data, { path }) => {
    if (data.trace == null) throw new NotFoundError(`Trace '${path.traceId}' does not exist`, 'traceId');
    assertWholeTrace(data.trace, path.traceId, 'traceId');
    return {
      body: {
        spans: data.trace.spans.map((span) => ({
          traceId: span.traceId,
          spanId: span.spanId,
          traceState: span.traceState,
          ...(span.parentSpanId == null ? {} : { parentSpanId: span.parentSpanId }),
          name: span.name,
          kind: lower(span.kind),
          startTime: span.startTime,
          endTime: span.endTime,
          attributes: attributesJson(span.attributes),
          droppedAttributesCount: span.droppedAttributesCount,
          events: span.events.map((event) => ({
            time: event.time,
            name: event.name,
            attributes: attributesJson(event.attributes),
            droppedAttributesCount: event.droppedAttributesCount,
          })),
          droppedEventsCount: span.droppedEventsCount,
          links: span.links.map((link) => ({
            traceId: link.traceId,
            spanId: link.spanId,
            traceState: link.traceState,
            attributes: attributesJson(link.attributes),
            droppedAttributesCount: link.droppedAttributesCount,
          })),
          droppedLinksCount: span.droppedLinksCount,
          status: { message: span.status.message, code: lower(span.status.code) },
          resource: { attributes: attributesJson(span.resource.attributes), droppedAttributesCount: span.resource.droppedAttributesCount },
          scope: {
            name: span.scope.name,
            version: span.scope.version,
            attributes: attributesJson(span.scope.attributes),
            droppedAttributesCount: span.scope.droppedAttributesCount,
          },
        })),
      },
    };
  },
  response: { status: 200, schema: TraceDetailJson },
  errors: [400, 404, 413],
});

/** GraphQL enum values (SERVER, OK) as the document's lower-case strings. */
function lower<const T extends string>(value: T): Lowercase<T> {
  return value.toLowerCase() as Lowercase<T>;
}

export const mackerelRoutes = [mackerelListTraces, mackerelGetTrace];
