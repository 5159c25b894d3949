import { builder } from '../../graphql/builder.js';
import { SERIES_STEPS_S } from './time-buckets.js';
import { COVERED, redStatFields, TopologyEdge } from './topology.graphql.js';
import type { TopologyEdge as TopologyEdgeModel } from './topology.service.js';
import type { Context } from '../../graphql/context.js';
import { SPAN_KINDS, type SpanKind as SpanKindNumber } from '../../otlp/otlp.types.js';
import { SpanKind } from '../traces/traces.graphql.js';
import type {
  OperationStats as OperationStatsModel,
  SeriesPoint,
  ServiceList as ServiceListModel,
  ServiceOperation as ServiceOperationModel,
  ServiceView,
} from './services.service.js';

const ServiceSeriesPoint = builder.objectRef<SeriesPoint>('ServiceSeriesPoint').implement({
  description: 'RED figures of the requests that started in [start, start + step).',
  fields: (t) => ({
    start: t.field({ type: 'DateTime', resolve: (p) => p.start }),
    ...redStatFields(t),
  }),
});

const OperationStats = builder.objectRef<OperationStatsModel>('OperationStats').implement({
  description: 'An entry operation of a service (the name of its server, consumer or local-root spans).',
  fields: (t) => ({
    name: t.exposeString('name'),
    ...redStatFields(t),
  }),
});

type SpanKindName = typeof SpanKind.$inferType;

const kindName = (kind: SpanKindNumber): SpanKindName => SPAN_KINDS[kind].toUpperCase() as SpanKindName;
const kindNumber = (name: SpanKindName): SpanKindNumber =>
  SPAN_KINDS.indexOf(name.toLowerCase() as (typeof SPAN_KINDS)[number]) as SpanKindNumber;

const ServiceOperation = builder.objectRef<ServiceOperationModel>('ServiceOperation').implement({
  description: 'A span name the service sent, with its span kind (any span, not only entry spans).',
  fields: (t) => ({
    name: t.exposeString('name'),
    spanKind: t.field({ type: SpanKind, resolve: (o) => kindName(o.kind) }),
  }),
});

const stats = (view: ServiceView, ctx: Context) => ctx.loaders.serviceStats.load({ selector: view.selector, window: view.window });

/** The service's edges in its cluster (all clusters for a view across clusters). */
async function neighbours(view: ServiceView, ctx: Context, side: 'source' | 'target'): Promise<TopologyEdgeModel[]> {
  const topology = await ctx.loaders.topology.load({ cluster: view.selector.cluster ?? null, window: view.window });
  return topology.edges.filter((edge) => edge[side] === view.name);
}

const Service = builder.objectRef<ServiceView>('Service').implement({
  description:
    'A service discovered from resource attributes (service.name, service.namespace, k8s.cluster.name), with RED figures ' +
    'for the query window. Requests are its server, consumer and local-root spans (docs/services-topology.md).',
  fields: (t) => ({
    name: t.exposeString('name'),
    namespace: t.exposeString('namespace', {
      nullable: true,
      description: 'service.namespace; null when absent (or different across the deployments shown).',
    }),
    cluster: t.exposeString('cluster', { nullable: true, description: 'The cluster of this deployment; null when absent or several.' }),
    clusters: t.exposeStringList('clusters', { description: 'Every cluster the service was seen in (within this view).' }),
    firstSeen: t.field({ type: 'DateTime', description: 'Start of the earliest span seen.', resolve: (s) => s.firstSeen }),
    lastSeen: t.field({ type: 'DateTime', description: 'Start of the latest span seen.', resolve: (s) => s.lastSeen }),
    from: t.field({ type: 'DateTime', description: COVERED, resolve: (s) => s.window.from }),
    to: t.field({ type: 'DateTime', resolve: (s) => s.window.to }),
    spanCount: t.field({
      type: 'Int64',
      description: 'Every span of the service in the window.',
      resolve: async (s, _a, ctx) => BigInt((await stats(s, ctx)).spanCount),
    }),
    requestCount: t.field({ type: 'Int64', resolve: async (s, _a, ctx) => BigInt((await stats(s, ctx)).requestCount) }),
    errorCount: t.field({ type: 'Int64', resolve: async (s, _a, ctx) => BigInt((await stats(s, ctx)).errorCount) }),
    errorRate: t.float({
      description: 'errorCount / requestCount; 0 without requests.',
      resolve: async (s, _a, ctx) => (await stats(s, ctx)).errorRate,
    }),
    p50LatencyMs: t.float({
      nullable: true,
      description: 'Within 2 %; null without requests.',
      resolve: async (s, _a, ctx) => (await stats(s, ctx)).p50LatencyMs,
    }),
    p90LatencyMs: t.float({ nullable: true, resolve: async (s, _a, ctx) => (await stats(s, ctx)).p90LatencyMs }),
    p95LatencyMs: t.float({ nullable: true, resolve: async (s, _a, ctx) => (await stats(s, ctx)).p95LatencyMs }),
    p99LatencyMs: t.float({ nullable: true, resolve: async (s, _a, ctx) => (await stats(s, ctx)).p99LatencyMs }),
    series: t.field({
      type: [ServiceSeriesPoint],
      description: 'RED time series for charts, one point per step over the window.',
      args: {
        step: t.arg.int({
          description: `Seconds per point, one of ${SERIES_STEPS_S.join(', ')}. Default: at most 180 points (hourly beyond a day).`,
        }),
      },
      complexity: { field: 20, multiplier: 1 },
      resolve: async (s, args, ctx) => [
        ...(await ctx.loaders.serviceSeries.load({ selector: s.selector, window: s.window, stepSeconds: args.step ?? null })),
      ],
    }),
    topOperations: t.field({
      type: [OperationStats],
      description: 'The most requested entry operations in the window.',
      args: { limit: t.arg.int({ defaultValue: 10, description: '1–100. Default: 10.' }) },
      complexity: (args) => ({ field: 10, multiplier: Math.min(args.limit ?? 10, 100) }),
      resolve: async (s, args, ctx) => [
        ...(await ctx.loaders.serviceTopOperations.load({ selector: s.selector, window: s.window, limit: args.limit ?? 10 })),
      ],
    }),
    operations: t.field({
      type: [ServiceOperation],
      description:
        'Every operation (span name, span kind) the service sent within the retention period, by name then kind; ' +
        'optionally of one span kind. At most 10,000.',
      args: { spanKind: t.arg({ type: SpanKind }) },
      complexity: { field: 10, multiplier: 1 },
      resolve: async (s, args, ctx) => [
        ...(await ctx.loaders.serviceOperations.load({
          selector: s.selector,
          spanKind: args.spanKind == null ? null : kindNumber(args.spanKind),
        })),
      ],
    }),
    upstream: t.field({
      type: [TopologyEdge],
      description: 'Edges into this service: its callers are the `source`s.',
      complexity: 10,
      resolve: (s, _a, ctx) => neighbours(s, ctx, 'target'),
    }),
    downstream: t.field({
      type: [TopologyEdge],
      description: 'Edges out of this service: what it calls are the `target`s (services and leaves).',
      complexity: 10,
      resolve: (s, _a, ctx) => neighbours(s, ctx, 'source'),
    }),
  }),
});

const ServiceList = builder.objectRef<ServiceListModel>('ServiceList').implement({
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: COVERED, resolve: (l) => l.window.from }),
    to: t.field({ type: 'DateTime', resolve: (l) => l.window.to }),
    totalCount: t.exposeInt('totalCount', { description: 'Deployments matching the filter, beyond `limit` too.' }),
    services: t.field({ type: [Service], resolve: (l) => [...l.services] }),
  }),
});

builder.queryFields((t) => ({
  services: t.field({
    type: ServiceList,
    authScopes: { read: true },
    description:
      'Discovered services, one per deployment (name, namespace, cluster), by name; figures cover the window (default: the last hour).',
    args: {
      cluster: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      limit: t.arg.int({ description: '1–1000. Default: 100.' }),
    },
    // Per-service fields load through batching loaders: a longer list costs about the same reads.
    complexity: { field: 10, multiplier: 10 },
    resolve: (_root, args, ctx) => ctx.services.catalog.list(ctx.principal, args),
  }),
  service: t.field({
    type: Service,
    nullable: true,
    authScopes: { read: true },
    description: 'A service by name across its deployments, or within one cluster / namespace; null if never seen.',
    args: {
      name: t.arg.string({ required: true }),
      namespace: t.arg.string(),
      cluster: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
    },
    resolve: (_root, args, ctx) => ctx.services.catalog.get(ctx.principal, args),
  }),
}));
