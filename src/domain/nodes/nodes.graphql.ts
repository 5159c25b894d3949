import { builder } from '../../graphql/builder.js';
import { connectionOf, rejectBackwardPaging, totalCountField } from '../paging.js';
import type { CollectorNode as CollectorNodeModel, HeartbeatSample, NodeStatusChange as NodeStatusChangeModel } from './node.js';
import { MAX_NODE_PAGE, MAX_SERIES_POINTS } from './nodes.service.js';

export const NodeStatusEnum = builder.enumType('NodeStatus', {
  description:
    'HEALTHY, DEGRADED and UNHEALTHY follow from the latest heartbeat; OFFLINE means no heartbeat for MESH_NODE_OFFLINE_AFTER_S (docs/nodes.md).',
  values: {
    HEALTHY: { value: 'healthy' },
    DEGRADED: { value: 'degraded' },
    UNHEALTHY: { value: 'unhealthy' },
    OFFLINE: { value: 'offline' },
  } as const,
});

export const NodeStatusReasonEnum = builder.enumType('NodeStatusReason', {
  description: 'A status rule that fired; thresholds are configurable (docs/nodes.md).',
  values: {
    RECEIVERS_INACTIVE: { value: 'receivers_inactive', description: 'Both OTLP receivers (gRPC and HTTP) are inactive: unhealthy.' },
    BUFFER_FULL: { value: 'buffer_full', description: 'Buffer utilization at or above MESH_NODE_UNHEALTHY_BUFFER_PCT: unhealthy.' },
    DROPPING_SPANS: { value: 'dropping_spans', description: 'Spans were dropped since the previous heartbeat: degraded.' },
    BUFFER_HIGH: { value: 'buffer_high', description: 'Buffer utilization above MESH_NODE_DEGRADED_BUFFER_PCT: degraded.' },
    CPU_HIGH: { value: 'cpu_high', description: 'CPU above MESH_NODE_DEGRADED_CPU_PCT: degraded.' },
    NO_HEARTBEAT: { value: 'no_heartbeat', description: 'No heartbeat for MESH_NODE_OFFLINE_AFTER_S: offline.' },
  } as const,
});

const int64 = (n: number) => BigInt(n);

export const NodeHeartbeat = builder.objectRef<HeartbeatSample>('NodeHeartbeat').implement({
  description: 'One heartbeat as received, with the counter deltas and the status the gateway derived from it.',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId'),
    cluster: t.exposeString('cluster'),
    version: t.exposeString('version'),
    receivedAt: t.field({ type: 'DateTime', resolve: (h) => new Date(h.receivedAtMs) }),
    status: t.field({ type: NodeStatusEnum, description: 'The status this heartbeat implies.', resolve: (h) => h.status }),
    statusReasons: t.field({ type: [NodeStatusReasonEnum], resolve: (h) => [...h.reasons] }),
    cpuPercent: t.exposeFloat('cpuPercent'),
    memoryMb: t.exposeFloat('memoryMb'),
    uptimeSeconds: t.exposeInt('uptimeSeconds'),
    ingestionRateSps: t.exposeFloat('ingestionRateSps'),
    spansIngestedTotal: t.field({
      type: 'Int64',
      description: 'As reported: monotonic since the node started.',
      resolve: (h) => int64(h.spansIngestedTotal),
    }),
    droppedSpansTotal: t.field({ type: 'Int64', resolve: (h) => int64(h.droppedSpansTotal) }),
    spansIngested: t.field({
      type: 'Int64',
      description: 'Spans counted since the previous heartbeat (restarts taken into account).',
      resolve: (h) => int64(h.spansIngested),
    }),
    droppedSpans: t.field({
      type: 'Int64',
      description: 'Spans dropped since the previous heartbeat.',
      resolve: (h) => int64(h.droppedSpans),
    }),
    restarted: t.exposeBoolean('restarted', {
      description: 'The node restarted since its previous heartbeat (a counter or the uptime went down).',
    }),
    otlpGrpcActive: t.exposeBoolean('otlpGrpcActive'),
    otlpHttpActive: t.exposeBoolean('otlpHttpActive'),
    samplingRate: t.exposeFloat('samplingRate'),
    bufferUtilizationPct: t.exposeFloat('bufferUtilizationPct'),
  }),
});

/** The health view of a node: its latest report plus the 1 h figures (loaded per page, not per node). */
const NodeHealth = builder.objectRef<CollectorNodeModel>('NodeHealth').implement({
  fields: (t) => ({
    status: t.field({ type: NodeStatusEnum, resolve: (n) => n.status }),
    statusReasons: t.field({ type: [NodeStatusReasonEnum], resolve: (n) => [...n.reasons] }),
    uptimeSeconds: t.int({ resolve: (n) => n.latest.uptimeSeconds }),
    ingestionRateSps: t.float({ resolve: (n) => n.latest.ingestionRateSps }),
    spansIngested1h: t.field({
      type: 'Int64',
      resolve: async (n, _a, ctx) => int64((await ctx.loaders.nodeWindowTotals.load(n.nodeId)).spansIngested),
    }),
    droppedSpans1h: t.field({
      type: 'Int64',
      resolve: async (n, _a, ctx) => int64((await ctx.loaders.nodeWindowTotals.load(n.nodeId)).droppedSpans),
    }),
    otlpGrpcActive: t.boolean({ resolve: (n) => n.latest.otlpGrpcActive }),
    otlpHttpActive: t.boolean({ resolve: (n) => n.latest.otlpHttpActive }),
    samplingRate: t.float({ resolve: (n) => n.latest.samplingRate }),
    bufferUtilizationPct: t.float({ resolve: (n) => n.latest.bufferUtilizationPct }),
    cpuPercent: t.float({ resolve: (n) => n.latest.cpuPercent }),
    memoryMb: t.float({ resolve: (n) => n.latest.memoryMb }),
  }),
});

export const CollectorNode = builder.objectRef<CollectorNodeModel>('CollectorNode').implement({
  description: 'A collector node; it appears with its first heartbeat.',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId'),
    cluster: t.exposeString('cluster'),
    version: t.exposeString('version'),
    status: t.field({ type: NodeStatusEnum, resolve: (n) => n.status }),
    statusReasons: t.field({ type: [NodeStatusReasonEnum], resolve: (n) => [...n.reasons] }),
    statusSince: t.field({ type: 'DateTime', resolve: (n) => n.statusSince }),
    firstSeen: t.field({ type: 'DateTime', resolve: (n) => n.firstSeen }),
    lastHeartbeat: t.field({ type: 'DateTime', resolve: (n) => n.lastHeartbeat }),
    cpuPercent: t.float({ resolve: (n) => n.latest.cpuPercent }),
    memoryMb: t.float({ resolve: (n) => n.latest.memoryMb }),
    spansIngested1h: t.field({
      type: 'Int64',
      description: 'Spans ingested in the last hour, from counter deltas across restarts.',
      resolve: async (n, _a, ctx) => int64((await ctx.loaders.nodeWindowTotals.load(n.nodeId)).spansIngested),
    }),
    health: t.field({ type: NodeHealth, resolve: (n) => n }),
    heartbeats: t.field({
      type: [NodeHeartbeat],
      description:
        'Heartbeat time series for charts: the latest `last` heartbeats within [from, to] (default: the last hour), oldest first.',
      args: {
        from: t.arg({ type: 'DateTime' }),
        to: t.arg({ type: 'DateTime' }),
        last: t.arg.int({ defaultValue: 360 }),
      },
      complexity: (args) => ({ field: 5, multiplier: Math.min(args.last ?? 360, MAX_SERIES_POINTS) }),
      resolve: (n, args, ctx) => ctx.services.nodes.heartbeatSeries(ctx.principal, n.nodeId, args),
    }),
  }),
});

export const NodeStatusChange = builder.objectRef<NodeStatusChangeModel>('NodeStatusChange').implement({
  description: 'A status transition of a node, emitted exactly once per transition across all gateway instances.',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId'),
    cluster: t.exposeString('cluster'),
    previousStatus: t.field({
      type: NodeStatusEnum,
      nullable: true,
      description: 'Null when the node appeared.',
      resolve: (c) => c.previousStatus,
    }),
    status: t.field({ type: NodeStatusEnum, resolve: (c) => c.status }),
    statusReasons: t.field({ type: [NodeStatusReasonEnum], resolve: (c) => [...c.reasons] }),
    changedAt: t.field({ type: 'DateTime', resolve: (c) => new Date(c.changedAtMs) }),
  }),
});

export const HeartbeatInput = builder.inputType('HeartbeatInput', {
  description:
    'A heartbeat report; each field is validated (ranges in docs/nodes.md), errors name the REST field (e.g. param "cpu_percent").',
  fields: (t) => ({
    cluster: t.string({ required: true }),
    version: t.string({ required: true }),
    cpuPercent: t.float({ required: true, description: '0–100, across all cores.' }),
    memoryMb: t.float({ required: true }),
    uptimeSeconds: t.int({ required: true }),
    ingestionRateSps: t.float({ required: true }),
    spansIngestedTotal: t.field({
      type: 'Int64',
      required: true,
      description: 'Monotonic since the node started; lower than before means a restart.',
    }),
    droppedSpansTotal: t.field({ type: 'Int64', required: true, description: 'Monotonic since the node started.' }),
    otlpGrpcActive: t.boolean({ required: true }),
    otlpHttpActive: t.boolean({ required: true }),
    samplingRate: t.float({ required: true, description: '0–1.' }),
    bufferUtilizationPct: t.float({ required: true, description: '0–100.' }),
  }),
});

const ReportHeartbeatPayload = builder
  .objectRef<{ node: CollectorNodeModel; heartbeat: HeartbeatSample }>('ReportHeartbeatPayload')
  .implement({
    fields: (t) => ({
      node: t.field({ type: CollectorNode, resolve: (p) => p.node }),
      heartbeat: t.field({ type: NodeHeartbeat, resolve: (p) => p.heartbeat }),
    }),
  });

builder.queryFields((t) => ({
  nodes: t.connection(
    {
      type: CollectorNode,
      authScopes: { read: true },
      description: 'Collector nodes in node id order.',
      args: {
        cluster: t.arg.string(),
        status: t.arg({ type: NodeStatusEnum }),
      },
      // The edges list already counts ×10 (the builder's defaultListMultiplier): scale the rest of the page size here.
      complexity: (args) => ({ field: 5, multiplier: Math.ceil(Math.min(args.first ?? 100, MAX_NODE_PAGE) / 10) }),
      resolve: async (_root, args, ctx) => {
        rejectBackwardPaging(args);
        const page = await ctx.services.nodes.listNodes(ctx.principal, {
          filter: { cluster: args.cluster, status: args.status },
          first: args.first ?? 100,
          after: args.after ?? null,
        });
        return connectionOf(page);
      },
    },
    {
      name: 'CollectorNodeConnection',
      fields: (c) => ({
        totalCount: c.int(totalCountField('Number of nodes matching the filter (a separate count; select it only when needed).')),
      }),
    },
    { name: 'CollectorNodeEdge' },
  ),
  node: t.field({
    type: CollectorNode,
    nullable: true,
    authScopes: { read: true },
    args: { nodeId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.nodes.getNode(ctx.principal, args.nodeId),
  }),
}));

builder.mutationFields((t) => ({
  reportHeartbeat: t.field({
    type: ReportHeartbeatPayload,
    authScopes: { write: true },
    description: 'Records a heartbeat of a collector node; the node appears on its first heartbeat.',
    args: {
      nodeId: t.arg.string({ required: true }),
      input: t.arg({ type: HeartbeatInput, required: true }),
    },
    resolve: (_root, args, ctx) => ctx.services.nodes.reportHeartbeat(ctx.principal, args.nodeId, args.input),
  }),
}));

builder.subscriptionFields((t) => ({
  nodeHeartbeat: t.field({
    type: NodeHeartbeat,
    authScopes: { read: true },
    description: 'Every heartbeat of your nodes as it arrives, optionally of one node and/or one cluster.',
    args: { nodeId: t.arg.string(), cluster: t.arg.string() },
    subscribe: (_root, args, ctx) => ctx.services.nodes.subscribeHeartbeats(ctx.principal, args),
    resolve: (heartbeat) => heartbeat,
  }),
  nodeStatusChanged: t.field({
    type: NodeStatusChange,
    authScopes: { read: true },
    description: 'Each status transition of your nodes (including to and from OFFLINE), exactly once.',
    args: { cluster: t.arg.string() },
    subscribe: (_root, args, ctx) => ctx.services.nodes.subscribeStatusChanges(ctx.principal, args),
    resolve: (change) => change,
  }),
}));
