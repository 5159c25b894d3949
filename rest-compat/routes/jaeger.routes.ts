import { Kind } from 'graphql';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { graphql } from '../__generated__/gql.js';
import type { OtlpSpanFragment } from '../__generated__/graphql.js';
import { jaegerEnvelope, jaegerTrace, JaegerTraceJson, type JaegerTrace } from '../jaeger/jaeger-json.js';
import { MAX_TRACE_IDS } from '../../src/domain/traces/traces-by-ids.graphql.js';
import { MAX_PAGE_SIZE } from '../../src/domain/traces/traces.service.js';
import {
  boundedInteger,
  clampedPositiveInteger,
  epochTime,
  goDuration,
  jaegerSearchExpression,
  jaegerTags,
  jaegerTraceIdParam,
  lookback,
} from '../jaeger/jaeger-params.js';
import { modelSpan } from '../otlp-model.js';
import { largestFittingPage } from '../page-fit.js';
import { text } from '../params.js';
import { assertWholeTrace, WHOLE_TRACE_SPANS } from '../whole-trace.js';
import { defineRoute, type RestPath, type RestRoute } from '../route.js';

/*
 * The Jaeger query HTTP API (jaegertracing/jaeger cmd/query/app/http_handler.go)
 * that Jaeger UI and Grafana's Jaeger data source call, at `/api/…` (Jaeger
 * UI's default base path) and again under `/jaeger/api/…`. Answers are Jaeger's
 * structured response `{data, total, limit, offset, errors}` with the fields
 * each of Jaeger's handlers sets; errors are `{"data": null, …, "errors":
 * [{"code", "msg"}]}` (families.ts). docs/grafana.md lists every choice.
 */

const TAG = 'Jaeger query API';

/** Jaeger's default lookback for a search without `start` (query_parser.go), and for dependencies. */
const SEARCH_LOOKBACK_MS = 2 * 24 * 3_600_000;
const DEPENDENCIES_LOOKBACK_MS = 24 * 3_600_000;
/** Jaeger UI's and Grafana's own default. */
const DEFAULT_LIMIT = 20;

const envelope = <T>(data: T, total = 0) => ({ data, total, limit: 0, offset: 0, errors: null });

// ---------------------------------------------------------------- services

const ServicesJson = jaegerEnvelope(z.array(z.string()), 'JaegerServices');

const getServices = defineRoute({
  method: 'GET',
  path: '/api/services',
  tag: TAG,
  summary: 'Service names',
  description: 'Every service that sent spans within the retention period, sorted; `total` is their number.',
  operation: graphql(`
    query JaegerServices {
      services(limit: 1000) {
        services {
          name
        }
      }
    }
  `),
  input: {},
  variables: () => ({}),
  respond: (data) => {
    // One row per deployment (namespace, cluster): Jaeger lists names.
    const names = [...new Set(data.services.services.map((s) => s.name))].sort();
    return { body: envelope(names, names.length) };
  },
  response: { status: 200, schema: ServicesJson },
  errors: [],
});

// -------------------------------------------------------------- operations

const OPERATIONS = graphql(`
  query JaegerOperations($service: String!, $spanKind: SpanKind) {
    service(name: $service) {
      operations(spanKind: $spanKind) {
        name
        spanKind
      }
    }
  }
`);

const getServiceOperations = defineRoute({
  method: 'GET',
  path: '/api/services/{service}/operations',
  operationId: 'jaegerServiceOperationNames',
  tag: TAG,
  summary: 'Operation names of a service (legacy)',
  description: 'Every span name of the service, any span kind, sorted; an unknown service has none.',
  operation: OPERATIONS,
  input: { path: z.strictObject({ service: text('Service name (URL-encoded)') }) },
  variables: ({ path }) => ({ service: path.service, spanKind: null }),
  respond: (data) => {
    const names = [...new Set((data.service?.operations ?? []).map((o) => o.name))];
    return { body: envelope(names, names.length) };
  },
  response: { status: 200, schema: jaegerEnvelope(z.array(z.string()), 'JaegerOperationNames') },
  errors: [400],
});

const SPAN_KIND_PARAM = ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'] as const;
const SPAN_KIND = {
  server: 'SERVER',
  client: 'CLIENT',
  producer: 'PRODUCER',
  consumer: 'CONSUMER',
  internal: 'INTERNAL',
  unspecified: 'UNSPECIFIED',
} as const;

const OperationJson = z
  .strictObject({
    name: z.string(),
    spanKind: z.string().meta({ description: "server, client, producer, consumer, internal; '' when unspecified" }),
  })
  .meta({ id: 'JaegerOperation' });

const getOperations = defineRoute({
  method: 'GET',
  path: '/api/operations',
  tag: TAG,
  summary: 'Operations of a service, with span kinds',
  operation: OPERATIONS,
  input: {
    query: z.strictObject({
      service: z
        .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
        .min(1, { error: 'is required' })
        .meta({ description: 'Service name' }),
      spanKind: z
        .union([z.literal(''), z.enum(SPAN_KIND_PARAM, { error: `must be one of ${SPAN_KIND_PARAM.join(', ')}` })])
        .optional()
        .meta({ description: 'Only operations of this span kind; empty or absent: all' }),
    }),
  },
  variables: ({ query }) => ({
    service: query.service,
    spanKind: query.spanKind === undefined || query.spanKind === '' ? null : SPAN_KIND[query.spanKind],
  }),
  respond: (data) => {
    const operations = (data.service?.operations ?? []).map((o) => ({
      name: o.name,
      spanKind: o.spanKind === 'UNSPECIFIED' ? '' : o.spanKind.toLowerCase(),
    }));
    return { body: envelope(operations, operations.length) };
  },
  response: { status: 200, schema: jaegerEnvelope(z.array(OperationJson), 'JaegerOperations') },
  errors: [400],
});

// ------------------------------------------------------------------ traces

graphql(`
  fragment JaegerTrace on Trace {
    traceId
    spanCount
    spans(first: $spanLimit) {
      ...OtlpSpan
    }
  }
`);

/** Jaeger answers whole traces: asked for WHOLE_TRACE_SPANS spans, a larger trace is a 413, never a truncated list. */
function toJaeger(trace: {
  readonly traceId: string;
  readonly spanCount: number;
  readonly spans: readonly OtlpSpanFragment[];
}): JaegerTrace {
  assertWholeTrace(trace, trace.traceId, 'traceID');
  return jaegerTrace(trace.traceId, trace.spans.map(modelSpan));
}

const TracesJson = jaegerEnvelope(z.array(JaegerTraceJson), 'JaegerTraces');

const traceWindow = z.strictObject({
  start: epochTime(1000, 'Ignored (traces are found by id alone); accepted because Jaeger UI and Grafana send it').optional(),
  end: epochTime(1000, 'Ignored, like start').optional(),
  raw: z.enum(['true', 'false']).optional().meta({ description: 'Ignored: spans are never adjusted' }),
  prettyPrint: z.string().optional().meta({ description: 'Ignored: answers are compact JSON' }),
});

const FIND_TRACES = graphql(`
  query JaegerFindTraces(
    $byIds: Boolean!
    $traceIds: [String!]!
    $query: String!
    $from: DateTime!
    $to: DateTime!
    $first: Int!
    $spanLimit: Int!
  ) {
    tracesByIds(traceIds: $traceIds) @include(if: $byIds) {
      ...JaegerTrace
    }
    searchTraces(query: $query, from: $from, to: $to, first: $first) @skip(if: $byIds) {
      edges {
        node {
          ...JaegerTrace
        }
      }
    }
  }
`);

const NO_WINDOW = { query: '', from: '1970-01-01T00:00:00Z', to: '1970-01-01T00:00:00Z' };

/**
 * The most traces one search answers. A search answers whole traces (every
 * span, its attributes, events and links), and the operation is held to the
 * GraphQL complexity limit like any other: this is the largest `first` that
 * fits it, derived from the schema when the route is declared. A larger
 * `limit` — Jaeger's own default is 100 — is clamped to it, not refused
 * (docs/grafana.md).
 */
export const MAX_SEARCH_LIMIT = largestFittingPage(
  FIND_TRACES,
  (first) => ({ ...NO_WINDOW, byIds: false, traceIds: [], first, spanLimit: WHOLE_TRACE_SPANS }),
  MAX_PAGE_SIZE,
);

/** The most `traceID`s one request takes: as many whole traces as fit the complexity limit, like a search. */
export const MAX_TRACE_IDS_PER_REQUEST = largestFittingPage(
  FIND_TRACES,
  (n) => ({ ...NO_WINDOW, byIds: true, traceIds: Array.from({ length: n }, () => '0'.repeat(32)), first: 1, spanLimit: WHOLE_TRACE_SPANS }),
  MAX_TRACE_IDS,
);

const findTraces = defineRoute({
  method: 'GET',
  path: '/api/traces',
  tag: TAG,
  summary: 'Search traces, or get several traces by id',
  description:
    'With `traceID` (repeatable): those traces, a missing one reported in `errors` with its `traceID`. Otherwise traces started in ' +
    '[start, end] (default: the last 2 days) with one span of `service` that has the operation, the tags and a duration within ' +
    '[minDuration, maxDuration], newest first, each with all its spans.',
  operation: FIND_TRACES,
  repeatable: ['traceID', 'tag'],
  input: {
    query: z.strictObject({
      service: z.string().min(1, { error: 'must not be empty' }).optional().meta({ description: 'Service name; required without traceID' }),
      operation: z.string().min(1, { error: 'must not be empty' }).optional().meta({ description: 'Span name of a span of the service' }),
      tag: z.array(z.string()).optional().meta({ description: 'key:value, repeatable' }),
      tags: z.string().optional().meta({ description: 'JSON object of string values, e.g. {"http.status_code":"500"}' }),
      start: epochTime(1000, 'Window start, epoch microseconds. Default: end − lookback, or end − 2 days').optional(),
      end: epochTime(1000, 'Window end, epoch microseconds. Default: now').optional(),
      lookback: lookback("Jaeger UI's lookback (1h, 2d, …), used when start is absent; 'custom' (Grafana) means start/end").optional(),
      minDuration: goDuration('Minimum span duration, e.g. 100ms').optional(),
      maxDuration: goDuration('Maximum span duration, e.g. 1.5s').optional(),
      limit: clampedPositiveInteger(
        MAX_SEARCH_LIMIT,
        `Most traces: a positive integer; above ${MAX_SEARCH_LIMIT} (what fits the GraphQL complexity limit), ${MAX_SEARCH_LIMIT}. Default: ${DEFAULT_LIMIT}`,
      ).optional(),
      traceID: z
        .array(jaegerTraceIdParam('Trace id (1–32 hex digits), repeatable'))
        .max(MAX_TRACE_IDS_PER_REQUEST, { error: `may be given at most ${MAX_TRACE_IDS_PER_REQUEST} times` })
        .optional(),
      prettyPrint: z.string().optional().meta({ description: 'Ignored: answers are compact JSON' }),
    }),
  },
  variables: ({ query }) => {
    const to = query.end ?? Date.now();
    const from = query.start ?? to - (query.lookback ?? SEARCH_LOOKBACK_MS);
    const byIds = query.traceID !== undefined;
    if (!byIds && query.service === undefined) throw new ValidationError("Parameter 'service' is required", 'service');
    if (from > to) throw new ValidationError("Parameter 'start' must not be after 'end'", 'start');
    if (query.minDuration !== undefined && query.maxDuration !== undefined && query.maxDuration < query.minDuration) {
      throw new ValidationError("Parameter 'maxDuration' must not be less than 'minDuration'", 'maxDuration');
    }
    return {
      byIds,
      traceIds: query.traceID ?? [],
      query: byIds
        ? ''
        : jaegerSearchExpression({
            service: query.service ?? '',
            operation: query.operation,
            tags: jaegerTags(query.tag, query.tags),
            minDurationNs: query.minDuration,
            maxDurationNs: query.maxDuration,
          }),
      from: new Date(from).toISOString(),
      // The window is in microseconds; traces start on milliseconds here, so the end's millisecond is included whole.
      to: new Date(Math.min(to + (query.end === undefined ? 0 : 1), 253_402_300_799_999)).toISOString(),
      first: byIds ? 1 : (query.limit ?? DEFAULT_LIMIT),
      spanLimit: WHOLE_TRACE_SPANS,
    };
  },
  respond: (data, { query }) => {
    if (data.tracesByIds !== undefined) {
      const ids = query.traceID ?? [];
      const found = data.tracesByIds.flatMap((t) => (t === null ? [] : [toJaeger(t)]));
      const missing = ids.filter((_id, i) => data.tracesByIds?.[i] == null);
      return {
        body: { ...envelope(found), errors: missing.length === 0 ? null : missing.map((traceID) => ({ msg: 'trace not found', traceID })) },
      };
    }
    return { body: envelope((data.searchTraces?.edges ?? []).map((e) => toJaeger(e.node))) };
  },
  response: { status: 200, schema: TracesJson },
  errorParams: { first: 'limit', traceIds: 'traceID', from: 'start', to: 'end' },
  errors: [400],
});

const getTrace = defineRoute({
  method: 'GET',
  path: '/api/traces/{traceID}',
  tag: TAG,
  summary: 'Get a trace by id',
  operation: graphql(`
    query JaegerGetTrace($traceId: String!, $spanLimit: Int!) {
      trace(traceId: $traceId) {
        ...JaegerTrace
      }
    }
  `),
  input: {
    path: z.strictObject({ traceID: jaegerTraceIdParam('Trace id: 1 to 32 hex digits (left-padded with zeros)') }),
    query: traceWindow,
  },
  variables: ({ path }) => ({ traceId: path.traceID, spanLimit: WHOLE_TRACE_SPANS }),
  respond: (data) => {
    if (data.trace == null) throw new NotFoundError('trace not found', 'traceID');
    return { body: envelope([toJaeger(data.trace)]) };
  },
  response: { status: 200, schema: TracesJson },
  errorParams: { traceId: 'traceID' },
  errors: [400, 404],
});

// ------------------------------------------------------------ dependencies

const DependencyJson = z
  .strictObject({ parent: z.string(), child: z.string(), callCount: z.number().int() })
  .meta({ id: 'JaegerDependencyLink' });

const getDependencies = defineRoute({
  method: 'GET',
  path: '/api/dependencies',
  tag: TAG,
  summary: 'Service dependencies',
  description:
    'Calls between services (and from services to databases, messaging and external peers) in [endTs − lookback, endTs], ' +
    'from the topology rollups; with `service`, the links that have it at either end.',
  operation: graphql(`
    query JaegerDependencies($from: DateTime!, $to: DateTime!) {
      topology(from: $from, to: $to) {
        edges {
          source
          target
          requestCount
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      endTs: epochTime(1, 'End of the window, epoch milliseconds. Default: now').optional(),
      lookback: boundedInteger(1, 999_999_999_999, 'Length of the window in milliseconds. Default: 86400000 (24 h)')
        .optional()
        .meta({ description: 'Length of the window in milliseconds. Default: 86400000 (24 h)' }),
      service: z.string().optional().meta({ description: 'Only links with this service as parent or child' }),
    }),
  },
  variables: ({ query }) => {
    const to = query.endTs ?? Date.now();
    const from = Math.max(0, to - (query.lookback ?? DEPENDENCIES_LOOKBACK_MS));
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  },
  respond: (data, { query }) => {
    const links = data.topology.edges
      .filter((e) => query.service === undefined || query.service === '' || e.source === query.service || e.target === query.service)
      .map((e) => ({ parent: e.source, child: e.target, callCount: Number(e.requestCount) }));
    return { body: envelope(links) };
  },
  response: { status: 200, schema: jaegerEnvelope(z.array(DependencyJson), 'JaegerDependencies') },
  errorParams: { from: 'lookback', to: 'endTs' },
  errors: [400],
});

const ROUTES = [getServices, getServiceOperations, getOperations, findTraces, getTrace, getDependencies];

/** The same route under `/jaeger/api/…`, for a Jaeger UI or proxy configured with a `/jaeger` base path. */
function underJaegerPrefix(route: RestRoute): RestRoute {
  const path = `/jaeger${route.path}` as RestPath;
  const operation = route.operation.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operationName = operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? '') : '';
  const id = route.operationId ?? operationName.replace(/^./, (c) => c.toLowerCase());
  return { ...route, path, operationId: `${id}UnderJaegerPrefix` };
}

export const jaegerRoutes: readonly RestRoute[] = [...ROUTES, ...ROUTES.map(underJaegerPrefix)];
