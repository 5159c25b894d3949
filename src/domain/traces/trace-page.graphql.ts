import { ValidationError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import { mergeSegments, type ServiceSegment as ServiceSegmentModel } from './service-segment.js';
import type { TraceSummary } from './trace.js';
import { toFilterInput, Trace, TraceFilter, TraceOrderBy } from './traces.graphql.js';

/*
 * Numbered pages of traces and the per-service view of a trace: what the
 * Mackerel-compatible list (POST /api/v0/traces) runs on, usable by any client.
 */

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));
const nsToMs = (ns: bigint) => Number(ns) / 1_000_000;

const ServiceSegment = builder.objectRef<ServiceSegmentModel>('ServiceSegment').implement({
  description:
    "One service's part of a trace: all of its spans in the trace taken together, from the earliest span start " +
    'to the latest span end (waits on other services in between included, overlapping spans counted once).',
  fields: (t) => ({
    service: t.exposeString('serviceName'),
    serviceNamespace: t.exposeString('serviceNamespace', { nullable: true }),
    environment: t.exposeString('environment', { nullable: true, description: 'deployment.environment(.name) of its spans.' }),
    startTime: t.field({ type: 'DateTime', resolve: (s) => nsToDate(s.startTimeUnixNano) }),
    startTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.startTimeUnixNano }),
    endTime: t.field({ type: 'DateTime', resolve: (s) => nsToDate(s.endTimeUnixNano) }),
    endTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.endTimeUnixNano }),
    durationMs: t.float({
      description: 'From the earliest span start to the latest span end.',
      resolve: (s) => nsToMs(s.endTimeUnixNano - s.startTimeUnixNano),
    }),
    durationNs: t.field({ type: 'Int64', resolve: (s) => s.endTimeUnixNano - s.startTimeUnixNano }),
    spanCount: t.exposeInt('spanCount'),
  }),
});

builder.objectField(Trace, 'serviceSegment', (t) =>
  t.field({
    type: ServiceSegment,
    nullable: true,
    description:
      'The part of this trace that `service` took; null when the service has no span in it. Batched across traces. ' +
      'With `serviceNamespace` and/or `environment`, only the spans of the service under them: name, namespace and ' +
      'environment together name one service.',
    args: {
      service: t.arg.string({ required: true }),
      serviceNamespace: t.arg.string({ description: 'service.namespace of the spans to take; any when absent.' }),
      environment: t.arg.string({ description: 'deployment.environment(.name) of the spans to take; any when absent.' }),
    },
    resolve: async (trace, args, ctx) => {
      const parts = (await ctx.loaders.serviceSegmentsByTraceId.load(trace.traceId)).get(args.service) ?? [];
      return mergeSegments(parts, args);
    },
  }),
);

interface TracePageModel {
  readonly results: readonly TraceSummary[];
  readonly hasNextPage: boolean;
}

const TracePage = builder.objectRef<TracePageModel>('TracePage').implement({
  description: 'One numbered page of traces.',
  fields: (t) => ({
    results: t.field({ type: [Trace], complexity: { field: 1, multiplier: 1 }, resolve: (p) => [...p.results] }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Exact: one row beyond the page is read to know.' }),
  }),
});

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 20;

builder.queryFields((t) => ({
  tracePage: t.field({
    type: TracePage,
    authScopes: { read: true },
    description:
      'Traces whose start lies in [filter.from, filter.to] (both required: a defaulted window would move between pages), ' +
      'in numbered pages (1-based). Offset paging: a page shifts when traces are ingested into the window between requests; ' +
      'use `traces` for stable cursors. Ties in the sort key are ordered by trace id.',
    args: {
      filter: t.arg({ type: TraceFilter, required: true }),
      orderBy: t.arg({ type: TraceOrderBy, description: 'Default: START_TIME DESC.' }),
      page: t.arg.int({ defaultValue: 1, description: '1-based page number.' }),
      perPage: t.arg.int({ defaultValue: DEFAULT_PER_PAGE, description: `1–${MAX_PER_PAGE}. Default: ${DEFAULT_PER_PAGE}.` }),
    },
    // The page size is the multiplier; `results` counts itself once.
    complexity: (args) => ({ field: 10, multiplier: Math.min(Math.max(args.perPage ?? DEFAULT_PER_PAGE, 1), MAX_PER_PAGE) }),
    resolve: async (_root, args, ctx) => {
      const filter = toFilterInput(args.filter);
      const { from, to } = filter;
      if (from == null) throw new ValidationError("Parameter 'from' is required", 'from');
      if (to == null) throw new ValidationError("Parameter 'to' is required", 'to');
      const page = await ctx.services.traces.listTracePage(ctx.principal, {
        filter: { ...filter, from, to },
        order: args.orderBy ?? { field: 'START_TIME', direction: 'DESC' },
        page: args.page ?? 1,
        perPage: args.perPage ?? DEFAULT_PER_PAGE,
      });
      return { results: page.traces, hasNextPage: page.hasNextPage };
    },
  }),
}));
