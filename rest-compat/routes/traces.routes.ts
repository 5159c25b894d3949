import { z } from 'zod';
import { NotFoundError } from '../../src/errors.js';
import { graphql } from '../__generated__/gql.js';
import type { RestTraceSummaryFragment } from '../__generated__/graphql.js';
import { attributeMap, AttributeMapJson, isoMillis, roundedMs } from '../json.js';
import { cursor, bodyInteger, isoTimestamp, oneOf, queryInteger, queryNonNegativeInteger, text, traceId } from '../params.js';
import { defineRoute } from '../route.js';
import { assertWholeTrace, WHOLE_TRACE_SPANS } from '../whole-trace.js';

/*
 * The Traces section of the REST document (spec/mesh-trace-rest-v1.txt). Each
 * route runs one operation of the public schema; the mappers only rename and
 * reformat fields (docs/rest-v1.md lists every choice the document left open).
 */

graphql(`
  fragment RestTraceSummary on Trace {
    traceId
    rootServiceName
    rootOperation
    durationMs
    spanCount
    status
    startTime
    services
  }
`);

const TraceSummaryJson = z
  .strictObject({
    trace_id: z.string().meta({ description: '32-character lowercase hex trace ID' }),
    root_service: z.string().nullable().meta({ description: 'Service of the root span; null until the root span has arrived' }),
    root_operation: z.string().nullable().meta({ description: 'Name of the root span; null until the root span has arrived' }),
    duration_ms: z.number().int().meta({ description: 'Trace duration in milliseconds, rounded to the nearest integer' }),
    span_count: z.number().int(),
    status: z.enum(['ok', 'error', 'unset']).meta({ description: 'error when any span failed, else ok when any span is OK, else unset' }),
    started_at: isoMillis('Start of the earliest span'),
    services: z.array(z.string()),
  })
  .meta({ id: 'TraceSummary' });

const TraceListJson = z
  .strictObject({
    traces: z.array(TraceSummaryJson),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
    total_matched: z.number().int().meta({ description: 'Traces matching the filters in the window, over all pages' }),
  })
  .meta({ id: 'TraceList' });

const STATUS = { ok: 'OK', error: 'ERROR', unset: 'UNSET' } as const;

function traceSummaryJson(trace: RestTraceSummaryFragment): z.input<typeof TraceSummaryJson> {
  return {
    trace_id: trace.traceId,
    root_service: trace.rootServiceName ?? null,
    root_operation: trace.rootOperation ?? null,
    duration_ms: roundedMs(trace.durationMs),
    span_count: trace.spanCount,
    status: trace.status === 'OK' ? 'ok' : trace.status === 'ERROR' ? 'error' : 'unset',
    started_at: trace.startTime,
    services: [...trace.services],
  };
}

interface TracePageData {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  readonly edges: readonly { readonly node: RestTraceSummaryFragment }[];
}

/** `next_cursor` is the connection's end cursor, null on the last page (keyset, so stable under ingestion). */
function traceListJson(page: TracePageData): z.input<typeof TraceListJson> {
  return {
    traces: page.edges.map((edge) => traceSummaryJson(edge.node)),
    next_cursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
    total_matched: page.totalCount,
  };
}

export const listTraces = defineRoute({
  method: 'GET',
  path: '/v1/traces',
  tag: 'Traces',
  summary: 'List recent traces',
  description: 'Traces whose start lies in [start_time, end_time], newest first.',
  operation: graphql(`
    query RestListTraces($filter: TraceFilter!, $first: Int!, $after: String) {
      traces(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RestTraceSummary
          }
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      service: text('Filter by service name (e.g. api-gateway): traces with a span of this service').optional(),
      start_time: isoTimestamp('Start of the query window. Default: 1 hour ago (or the window of `cursor`)').optional(),
      end_time: isoTimestamp('End of the query window. Default: now (or the window of `cursor`)').optional(),
      min_duration_ms: queryNonNegativeInteger('Minimum trace duration in milliseconds').optional(),
      status: oneOf(['ok', 'error', 'unset'], 'Filter by status: ok, error, unset').optional(),
      limit: queryInteger(1, 200, 'Max results (1–200). Default: 50').optional(),
      cursor: cursor('Pagination cursor from previous response (`next_cursor`)').optional(),
    }),
  },
  variables: ({ query }) => ({
    filter: {
      // Absent times stay absent: the service defaults them (last hour), or reuses the cursor's pinned window.
      from: query.start_time ?? null,
      to: query.end_time ?? null,
      service: query.service ?? null,
      status: query.status === undefined ? null : STATUS[query.status],
      minDurationMs: query.min_duration_ms ?? null,
    },
    first: query.limit ?? 50,
    after: query.cursor ?? null,
  }),
  respond: (data) => ({ body: traceListJson(data.traces) }),
  response: { status: 200, schema: TraceListJson },
  errorParams: { after: 'cursor', first: 'limit' },
  errors: [400],
});

const SpanEventJson = z
  .strictObject({
    name: z.string(),
    timestamp: isoMillis('Time of the event'),
    attributes: AttributeMapJson,
  })
  .meta({ id: 'SpanEvent' });

const SpanJson = z
  .strictObject({
    span_id: z.string().meta({ description: '16-character lowercase hex span ID' }),
    parent_span_id: z.string().nullable().meta({ description: 'null for a root span' }),
    operation_name: z.string(),
    service_name: z.string(),
    duration_ms: z.number().int().meta({ description: 'Span duration in milliseconds, rounded to the nearest integer' }),
    status_code: z.enum(['OK', 'ERROR', 'UNSET']),
    attributes: AttributeMapJson,
    started_at: isoMillis('Span start'),
    events: z.array(SpanEventJson),
  })
  .meta({ id: 'Span' });

const TraceJson = z
  .strictObject({
    trace_id: z.string(),
    duration_ms: z.number().int().meta({ description: 'Trace duration in milliseconds, rounded to the nearest integer' }),
    span_count: z.number().int(),
    spans: z.array(SpanJson).meta({ description: 'Every span of the trace, in start order' }),
  })
  .meta({ id: 'Trace' });

export const getTrace = defineRoute({
  method: 'GET',
  path: '/v1/traces/{trace_id}',
  tag: 'Traces',
  summary: 'Get full trace with all spans',
  operation: graphql(`
    query RestGetTrace($traceId: String!, $spanLimit: Int!) {
      trace(traceId: $traceId) {
        traceId
        durationMs
        spanCount
        spans(first: $spanLimit) {
          spanId
          parentSpanId
          name
          serviceName
          durationMs
          status {
            code
          }
          startTime
          attributes {
            ...RestAttribute
          }
          events {
            name
            time
            attributes {
              ...RestAttribute
            }
          }
        }
      }
    }
  `),
  input: {
    path: z.strictObject({ trace_id: traceId('32-character hex trace ID (W3C format); upper-case hex is accepted') }),
  },
  variables: ({ path }) => ({ traceId: path.trace_id, spanLimit: WHOLE_TRACE_SPANS }),
  respond: (data, { path }) => {
    const trace = data.trace;
    if (trace == null) throw new NotFoundError(`Trace '${path.trace_id}' does not exist`, 'trace_id');
    assertWholeTrace(trace, path.trace_id, 'trace_id');
    return {
      body: {
        trace_id: trace.traceId,
        duration_ms: roundedMs(trace.durationMs),
        span_count: trace.spanCount,
        spans: trace.spans.map((span) => ({
          span_id: span.spanId,
          parent_span_id: span.parentSpanId ?? null,
          operation_name: span.name,
          service_name: span.serviceName,
          duration_ms: roundedMs(span.durationMs),
          status_code: span.status.code,
          attributes: attributeMap(span.attributes),
          started_at: span.startTime,
          events: span.events.map((event) => ({ name: event.name, timestamp: event.time, attributes: attributeMap(event.attributes) })),
        })),
      },
    };
  },
  response: { status: 200, schema: TraceJson },
  errorParams: { traceId: 'trace_id' },
  errors: [400, 404, 413],
});

export const searchTraces = defineRoute({
  method: 'POST',
  path: '/v1/traces/search',
  tag: 'Traces',
  summary: 'Advanced trace search',
  description:
    'Traces in [start_time, end_time] matching a search expression (docs/search-language.md), newest first. ' +
    'Answers like GET /v1/traces; pass `next_cursor` back as `cursor` in the body for the next page.',
  operation: graphql(`
    query RestSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
      searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RestTraceSummary
          }
        }
      }
    }
  `),
  input: {
    body: z.strictObject({
      query: text('Search expression (e.g. service.name = "api-gateway" AND duration > 100ms)', 4096),
      start_time: isoTimestamp('Start of the search window'),
      end_time: isoTimestamp('End of the search window'),
      limit: bodyInteger(1, 500, 'Max results (1–500). Default: 100').optional(),
      cursor: cursor('Pagination cursor from a previous response (`next_cursor`); an extension of the document').optional(),
    }),
  },
  variables: ({ body }) => ({
    query: body.query,
    from: body.start_time,
    to: body.end_time,
    first: body.limit ?? 100,
    after: body.cursor ?? null,
  }),
  respond: (data) => ({ body: traceListJson(data.searchTraces) }),
  response: { status: 200, schema: TraceListJson },
  errorParams: { after: 'cursor', first: 'limit', from: 'start_time', to: 'end_time' },
  errors: [400],
});

export const tracesRoutes = [listTraces, getTrace, searchTraces];
