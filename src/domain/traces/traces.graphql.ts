import { Attribute, EMBEDDED_LIST_COMPLEXITY } from '../../graphql/any-value.js';
import { builder } from '../../graphql/builder.js';
import { connectionOf, rejectBackwardPaging, totalCountField } from '../paging.js';
import { SPAN_KINDS, STATUS_CODES, type SpanEvent as SpanEventModel, type SpanLink as SpanLinkModel } from '../../otlp/otlp.types.js';
import type { Span as SpanModel } from './span.js';
import type { TraceSummary } from './trace.js';
import { chargeSpans, chargeWholeTraceListing, MAX_SPANS_PER_REQUEST } from './span-budget.js';
import {
  assertSpanId,
  assertSpanPage,
  assertTraceId,
  DEFAULT_TRACE_SPANS,
  MAX_PAGE_SIZE,
  MAX_TRACE_SPANS,
  type TraceFilterInput,
} from './traces.service.js';

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));
/** How many spans the static complexity counts for `Trace.spans` (a typical trace); the real count is charged when it is known. */
const TYPICAL_TRACE_SPANS = 20;
const nsToMs = (ns: bigint) => Number(ns) / 1_000_000;

export const SpanKind = builder.enumType('SpanKind', {
  values: SPAN_KINDS.map((k) => k.toUpperCase()) as ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'],
});

export const StatusCode = builder.enumType('StatusCode', {
  values: ['UNSET', 'OK', 'ERROR'] as const,
});

const statusName = (code: number) => (STATUS_CODES[code] ?? 'unset').toUpperCase() as 'UNSET' | 'OK' | 'ERROR';

const SpanStatus = builder.objectRef<SpanModel['status']>('SpanStatus').implement({
  fields: (t) => ({
    code: t.field({ type: StatusCode, resolve: (s) => statusName(s.code) }),
    message: t.exposeString('message'),
  }),
});

const SpanEvent = builder.objectRef<SpanEventModel>('SpanEvent').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    time: t.field({ type: 'DateTime', resolve: (e) => nsToDate(e.timeUnixNano) }),
    timeUnixNano: t.field({ type: 'Int64', resolve: (e) => e.timeUnixNano }),
    attributes: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (e) => [...e.attributes] }),
    droppedAttributesCount: t.exposeInt('droppedAttributesCount'),
  }),
});

const SpanLink = builder.objectRef<SpanLinkModel>('SpanLink').implement({
  fields: (t) => ({
    traceId: t.exposeString('traceId'),
    spanId: t.exposeString('spanId'),
    traceState: t.exposeString('traceState'),
    flags: t.exposeInt('flags'),
    attributes: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (l) => [...l.attributes] }),
    droppedAttributesCount: t.exposeInt('droppedAttributesCount'),
  }),
});

const Resource = builder.objectRef<SpanModel['resource']>('Resource').implement({
  fields: (t) => ({
    attributes: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (r) => [...r.attributes] }),
    droppedAttributesCount: t.exposeInt('droppedAttributesCount'),
    schemaUrl: t.exposeString('schemaUrl'),
  }),
});

const InstrumentationScope = builder.objectRef<SpanModel['scope']>('InstrumentationScope').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    version: t.exposeString('version'),
    attributes: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (s) => [...s.attributes] }),
    droppedAttributesCount: t.exposeInt('droppedAttributesCount'),
    schemaUrl: t.exposeString('schemaUrl'),
  }),
});

export const Trace = builder.objectRef<TraceSummary>('Trace');

export const Span = builder.objectRef<SpanModel>('Span').implement({
  description: 'One OTLP span, every field kept as sent.',
  fields: (t) => ({
    traceId: t.exposeString('traceId'),
    spanId: t.exposeString('spanId'),
    parentSpanId: t.exposeString('parentSpanId', { nullable: true, description: 'Null for a root span.' }),
    traceState: t.exposeString('traceState'),
    flags: t.exposeInt('flags'),
    name: t.exposeString('name'),
    kind: t.field({ type: SpanKind, resolve: (s) => SPAN_KINDS[s.kind].toUpperCase() as 'SERVER' }),
    startTime: t.field({ type: 'DateTime', resolve: (s) => nsToDate(s.startTimeUnixNano) }),
    endTime: t.field({ type: 'DateTime', resolve: (s) => nsToDate(s.endTimeUnixNano) }),
    startTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.startTimeUnixNano }),
    endTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.endTimeUnixNano }),
    durationMs: t.float({ resolve: (s) => nsToMs(s.endTimeUnixNano - s.startTimeUnixNano) }),
    serviceName: t.exposeString('serviceName'),
    serviceNamespace: t.exposeString('serviceNamespace', { nullable: true }),
    attributes: t.field({ type: [Attribute], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (s) => [...s.attributes] }),
    droppedAttributesCount: t.exposeInt('droppedAttributesCount'),
    events: t.field({ type: [SpanEvent], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (s) => [...s.events] }),
    droppedEventsCount: t.exposeInt('droppedEventsCount'),
    links: t.field({ type: [SpanLink], complexity: EMBEDDED_LIST_COMPLEXITY, resolve: (s) => [...s.links] }),
    droppedLinksCount: t.exposeInt('droppedLinksCount'),
    status: t.field({ type: SpanStatus, resolve: (s) => s.status }),
    resource: t.field({ type: Resource, resolve: (s) => s.resource }),
    scope: t.field({ type: InstrumentationScope, resolve: (s) => s.scope }),
    issueFingerprint: t.exposeString('issueFingerprint', { nullable: true }),
    trace: t.field({ type: Trace, nullable: true, resolve: (s, _a, ctx) => ctx.loaders.traceById.load(s.traceId) }),
  }),
});

Trace.implement({
  description: 'A trace summary, maintained at ingest; `spans` loads the spans (batched across traces).',
  fields: (t) => ({
    traceId: t.exposeString('traceId'),
    rootServiceName: t.exposeString('rootServiceName', { nullable: true, description: 'Null until the root span has arrived.' }),
    rootOperation: t.exposeString('rootOperation', { nullable: true }),
    rootSpan: t.field({
      type: Span,
      nullable: true,
      resolve: (tr, _a, ctx) => (tr.rootSpanId === null ? null : ctx.loaders.spanById.load({ traceId: tr.traceId, spanId: tr.rootSpanId })),
    }),
    startTime: t.field({ type: 'DateTime', resolve: (tr) => nsToDate(tr.startTimeUnixNano) }),
    endTime: t.field({ type: 'DateTime', resolve: (tr) => nsToDate(tr.endTimeUnixNano) }),
    startTimeUnixNano: t.field({ type: 'Int64', resolve: (tr) => tr.startTimeUnixNano }),
    durationMs: t.float({ resolve: (tr) => nsToMs(tr.durationNs) }),
    durationNs: t.field({ type: 'Int64', resolve: (tr) => tr.durationNs }),
    spanCount: t.exposeInt('spanCount'),
    errorCount: t.exposeInt('errorCount'),
    status: t.field({ type: StatusCode, resolve: (tr) => tr.status.toUpperCase() as 'OK' }),
    services: t.exposeStringList('services'),
    namespaces: t.exposeStringList('namespaces'),
    environments: t.exposeStringList('environments'),
    clusters: t.exposeStringList('clusters'),
    spans: t.field({
      type: [Span],
      description:
        `The trace's spans in start order (ties by span id), \`first\` of them (default ${DEFAULT_TRACE_SPANS}, at most ${MAX_TRACE_SPANS}) ` +
        'after the span `after` (the span id of the last span of the previous page). `spanCount` tells whether there are more. ' +
        `One request loads at most ${MAX_SPANS_PER_REQUEST} spans in all, counted from the traces' stored span counts before any is loaded.`,
      args: {
        first: t.arg.int({ description: `1–${MAX_TRACE_SPANS}. Default: ${DEFAULT_TRACE_SPANS}.` }),
        after: t.arg.string({ description: 'The span id of the last span already received.' }),
      },
      // Before execution the real size is unknown: a typical trace is counted here, the real one by chargeSpans.
      complexity: (args) => ({ field: 5, multiplier: Math.min(args.first ?? DEFAULT_TRACE_SPANS, TYPICAL_TRACE_SPANS) }),
      resolve: async (tr, args, ctx) => {
        const page = { traceId: tr.traceId, first: args.first ?? DEFAULT_TRACE_SPANS, after: args.after ?? null };
        assertSpanPage(page);
        if (page.after === null && tr.spanCount <= page.first) {
          // A first page that holds the whole trace: the one load of it per request, shared with criticalPath.
          chargeWholeTraceListing(ctx, tr.traceId, tr.spanCount, `trace ${tr.traceId}`);
          return (await ctx.loaders.spansByTraceId.load(tr.traceId)).slice(0, page.first);
        }
        chargeSpans(ctx, Math.min(page.first, tr.spanCount), `trace ${tr.traceId}`);
        return [...(await ctx.loaders.spanPages.load(page))];
      },
    }),
  }),
});

export const AttributeFilterOperatorEnum = builder.enumType('AttributeFilterOperator', {
  values: ['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'STARTS_WITH', 'CONTAINS'] as const,
});

export const AttributeFilterTypeEnum = builder.enumType('AttributeFilterType', {
  values: { STRING: { value: 'string' }, INT: { value: 'int' }, DOUBLE: { value: 'double' }, BOOL: { value: 'bool' } } as const,
});

export const AttributeFilter = builder.inputType('AttributeFilter', {
  description: 'A typed attribute condition; which operators a type accepts is documented in docs/api.md.',
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.string({ required: true, description: 'The value as text, parsed according to `type`.' }),
    operator: t.field({ type: AttributeFilterOperatorEnum, required: true }),
    type: t.field({ type: AttributeFilterTypeEnum, required: true }),
  }),
});

const StatusFilter = builder.enumType('TraceStatus', {
  values: { OK: { value: 'ok' }, ERROR: { value: 'error' }, UNSET: { value: 'unset' } } as const,
});

export const TraceFilter = builder.inputType('TraceFilter', {
  description:
    'Trace-level conditions (time window, service, namespace, environment, status, duration) use the trace summary. ' +
    'service, serviceNamespace and environment together name one service: given two or more, one span must carry them all. ' +
    'Span-level conditions (spanName, spanStatus, serviceVersion, issueFingerprint, attributes, resourceAttributes) ' +
    'match when one single span satisfies all of them, together with service/namespace/environment if given.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Trace start at or after. Default: one hour ago.' }),
    to: t.field({ type: 'DateTime', description: 'Trace start at or before. Default: now.' }),
    traceId: t.string(),
    service: t.string(),
    serviceNamespace: t.string(),
    environment: t.string({ description: 'deployment.environment(.name) resource attribute.' }),
    status: t.field({ type: StatusFilter }),
    minDurationMs: t.float(),
    maxDurationMs: t.float(),
    spanName: t.string(),
    spanStatus: t.field({ type: StatusFilter }),
    serviceVersion: t.string(),
    issueFingerprint: t.string(),
    attributes: t.field({ type: [AttributeFilter] }),
    resourceAttributes: t.field({ type: [AttributeFilter] }),
  }),
});

export const TraceOrderField = builder.enumType('TraceOrderField', { values: ['START_TIME', 'DURATION'] as const });
export const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

export const TraceOrderBy = builder.inputType('TraceOrderBy', {
  fields: (t) => ({
    field: t.field({ type: TraceOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

/** GraphQL input objects arrive with nulls for absent fields; the service accepts both. */
export function toFilterInput(filter: typeof TraceFilter.$inferInput | null | undefined): TraceFilterInput {
  return filter ?? {};
}

builder.queryFields((t) => ({
  traces: t.connection(
    {
      type: Trace,
      authScopes: { read: true },
      description: 'Traces whose start lies in the window, newest first by default. Cursors are stable while new traces arrive.',
      args: {
        filter: t.arg({ type: TraceFilter }),
        orderBy: t.arg({ type: TraceOrderBy }),
      },
      complexity: (args) => ({ field: 10, multiplier: Math.min(args.first ?? 50, MAX_PAGE_SIZE) }),
      resolve: async (_root, args, ctx) => {
        rejectBackwardPaging(args);
        const page = await ctx.services.traces.listTraces(ctx.principal, {
          filter: toFilterInput(args.filter),
          order: args.orderBy ?? { field: 'START_TIME', direction: 'DESC' },
          first: args.first ?? 50,
          after: args.after ?? null,
        });
        return connectionOf(page);
      },
    },
    {
      name: 'TraceConnection',
      fields: (c) => ({
        totalCount: c.int(totalCountField('Number of traces matching the filter (a separate count; select it only when needed).')),
      }),
    },
    { name: 'TraceEdge' },
  ),
  trace: t.field({
    type: Trace,
    nullable: true,
    authScopes: { read: true },
    args: { traceId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.traceById.load(assertTraceId(args.traceId, 'traceId')),
  }),
  span: t.field({
    type: Span,
    nullable: true,
    authScopes: { read: true },
    args: { traceId: t.arg.string({ required: true }), spanId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.loaders.spanById.load({ traceId: assertTraceId(args.traceId, 'traceId'), spanId: assertSpanId(args.spanId, 'spanId') }),
  }),
}));
