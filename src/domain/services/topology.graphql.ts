import { builder, type SchemaTypes } from '../../graphql/builder.js';
import type { RedStats } from './red-stats.js';
import type {
  Topology as TopologyModel,
  TopologyEdge as TopologyEdgeModel,
  TopologyNode as TopologyNodeModel,
} from './topology.service.js';

/** The requested window widened to the buckets read: whole minutes, or whole hours beyond 6 h. */
export const COVERED = 'Start of the window the figures cover: the requested one widened to whole minutes (whole hours beyond 6 h).';

type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>, Parent>;

/** The RED fields of anything that carries its own figures (edges, operations, series points). */
export function redStatFields<Parent extends RedStats>(t: FieldBuilder<Parent>) {
  return {
    requestCount: t.field({ type: 'Int64', resolve: (s) => BigInt(s.requestCount) }),
    errorCount: t.field({ type: 'Int64', resolve: (s) => BigInt(s.errorCount) }),
    errorRate: t.float({ description: 'errorCount / requestCount; 0 without requests.', resolve: (s) => s.errorRate }),
    p50LatencyMs: t.float({
      nullable: true,
      description: 'Median latency (within 2 %); null without requests.',
      resolve: (s) => s.p50LatencyMs,
    }),
    p90LatencyMs: t.float({ nullable: true, resolve: (s) => s.p90LatencyMs }),
    p95LatencyMs: t.float({ nullable: true, resolve: (s) => s.p95LatencyMs }),
    p99LatencyMs: t.float({ nullable: true, resolve: (s) => s.p99LatencyMs }),
  };
}

export const TopologyNodeTypeEnum = builder.enumType('TopologyNodeType', {
  description: 'SERVICE emits spans; the others are leaves typed from the client spans that reach them (docs/services-topology.md).',
  values: {
    SERVICE: { value: 'service' },
    DATABASE: { value: 'database', description: 'Reached by client spans with db.system.name / db.system.' },
    MESSAGING: { value: 'messaging', description: 'A messaging destination (messaging.system/destination name).' },
    EXTERNAL: {
      value: 'external',
      description: 'An uninstrumented peer: peer.service, or server.address of a client span no server span answered.',
    },
  } as const,
});

const TopologyNode = builder.objectRef<TopologyNodeModel>('TopologyNode').implement({
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Service name, or the leaf name (e.g. postgres-orders, kafka/order-events, stripe-api).' }),
    type: t.field({ type: TopologyNodeTypeEnum, resolve: (n) => n.type }),
  }),
});

export const TopologyEdge = builder.objectRef<TopologyEdgeModel>('TopologyEdge').implement({
  description:
    'Calls from `source` to `target` in the window. Latency is the callee span duration for service → service edges ' +
    'and the client span duration for edges to leaves.',
  fields: (t) => ({
    source: t.exposeString('source'),
    target: t.exposeString('target'),
    ...redStatFields(t),
  }),
});

const Topology = builder.objectRef<TopologyModel>('Topology').implement({
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: COVERED, resolve: (g) => g.window.from }),
    to: t.field({ type: 'DateTime', resolve: (g) => g.window.to }),
    cluster: t.exposeString('cluster', { nullable: true, description: 'The cluster filter, if any: edges whose caller ran there.' }),
    nodes: t.field({ type: [TopologyNode], resolve: (g) => [...g.nodes] }),
    edges: t.field({ type: [TopologyEdge], resolve: (g) => [...g.edges] }),
  }),
});

builder.queryFields((t) => ({
  topology: t.field({
    type: Topology,
    authScopes: { read: true },
    description: 'The service dependency graph of a window (default: the last hour), read from per-minute/per-hour rollups.',
    args: {
      cluster: t.arg.string({ description: 'Only calls made from this cluster (k8s.cluster.name of the caller).' }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
    },
    complexity: 20,
    resolve: (_root, args, ctx) => ctx.services.topology.topology(ctx.principal, args),
  }),
}));
