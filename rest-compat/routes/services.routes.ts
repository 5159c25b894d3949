import { z } from 'zod';
import { graphql } from '../__generated__/gql.js';
import type { TopologyNodeType } from '../__generated__/graphql.js';
import { isoMillis, roundedMs } from '../json.js';
import { oneOf, text } from '../params.js';
import { defineRoute } from '../route.js';

/*
 * The Services section of the REST document (spec/mesh-trace-rest-v1.txt).
 * Both routes read rollups through the public schema; definitions (which spans
 * count, edges, leaf types, error bounds) are in docs/services-topology.md.
 */

const HOUR_MS = 3_600_000;
const TIME_WINDOWS = { '1h': 1, '6h': 6, '24h': 24 } as const;

/** Int64 counters arrive as decimal strings; rollup counts stay far below 2^53, so a JSON number is exact. */
const count = (int64: string) => Number(int64);

/** The last `hours` hours, ending now, as the DateTime variables the schema takes. */
function lastHours(hours: number): { from: string; to: string } {
  const to = Date.now();
  return { from: new Date(to - hours * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

const ServiceJson = z
  .strictObject({
    name: z.string().meta({ description: 'service.name' }),
    namespace: z.string().nullable().meta({ description: 'service.namespace; null when the resource has none' }),
    cluster: z.string().nullable().meta({ description: 'k8s.cluster.name (or the configured fallback attribute); null when absent' }),
    first_seen: isoMillis('Start of the earliest span seen from this deployment'),
    span_count_24h: z.number().int().meta({ description: 'Spans of the service that started in the last 24 hours' }),
    error_rate_24h: z.number().meta({
      description:
        'Failed requests / requests over the last 24 hours (requests: server, consumer and local-root spans); 0 without requests',
    }),
    p99_latency_ms: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'p99 request latency over the last 24 hours, within 2 %, rounded; null without requests' }),
  })
  .meta({ id: 'Service' });

const ServiceListJson = z
  .strictObject({
    services: z.array(ServiceJson).meta({ description: 'One entry per deployment (name, namespace, cluster), by name; at most 1000' }),
    total: z.number().int().meta({ description: 'Deployments discovered (within the retention period)' }),
  })
  .meta({ id: 'ServiceList' });

export const listServices = defineRoute({
  method: 'GET',
  path: '/v1/services',
  tag: 'Services',
  summary: 'List discovered services',
  description: 'Services discovered from resource attributes, with figures for the last 24 hours read from per-minute/per-hour rollups.',
  operation: graphql(`
    query RestListServices($cluster: String, $from: DateTime!, $to: DateTime!, $limit: Int!) {
      services(cluster: $cluster, from: $from, to: $to, limit: $limit) {
        totalCount
        services {
          name
          namespace
          cluster
          firstSeen
          spanCount
          errorRate
          p99LatencyMs
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      cluster: text('Only services of this cluster (an extension of the document)').optional(),
    }),
  },
  variables: ({ query }) => ({ cluster: query.cluster ?? null, ...lastHours(24), limit: 1000 }),
  respond: ({ services }) => ({
    body: {
      services: services.services.map((s) => ({
        name: s.name,
        namespace: s.namespace ?? null,
        cluster: s.cluster ?? null,
        first_seen: s.firstSeen,
        span_count_24h: count(s.spanCount),
        error_rate_24h: s.errorRate,
        p99_latency_ms: s.p99LatencyMs == null ? null : roundedMs(s.p99LatencyMs),
      })),
      total: services.totalCount,
    },
  }),
  response: { status: 200, schema: ServiceListJson },
  errors: [400],
});

const NODE_TYPES = ['service', 'database', 'messaging', 'external'] as const;
const toRestNodeType = (type: TopologyNodeType) => type.toLowerCase() as (typeof NODE_TYPES)[number];

const TopologyJson = z
  .strictObject({
    nodes: z.array(
      z.strictObject({
        id: z.string().meta({ description: 'Service name, or the name of a database, messaging destination or external peer' }),
        type: z.enum(NODE_TYPES),
      }),
    ),
    edges: z.array(
      z.strictObject({
        source: z.string(),
        target: z.string(),
        request_count: z.number().int(),
        error_rate: z.number().meta({ description: 'Failed calls / calls' }),
        p50_latency_ms: z.number().int().meta({ description: 'Median call latency, within 2 %, rounded' }),
        p99_latency_ms: z.number().int().meta({ description: 'p99 call latency, within 2 %, rounded' }),
      }),
    ),
  })
  .meta({ id: 'Topology' });

export const getTopology = defineRoute({
  method: 'GET',
  path: '/v1/topology',
  tag: 'Services',
  summary: 'Service dependency graph',
  description: 'Nodes and edges of the calls made in the last `time_window`, optionally only from one cluster.',
  operation: graphql(`
    query RestTopology($cluster: String, $from: DateTime!, $to: DateTime!) {
      topology(cluster: $cluster, from: $from, to: $to) {
        nodes {
          id
          type
        }
        edges {
          source
          target
          requestCount
          errorRate
          p50LatencyMs
          p99LatencyMs
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      cluster: text('Filter by cluster name: calls made from this cluster').optional(),
      time_window: oneOf(['1h', '6h', '24h'], 'Aggregation window: 1h, 6h, 24h. Default: 1h').optional(),
    }),
  },
  variables: ({ query }) => ({ cluster: query.cluster ?? null, ...lastHours(TIME_WINDOWS[query.time_window ?? '1h']) }),
  respond: ({ topology }) => ({
    body: {
      nodes: topology.nodes.map((n) => ({ id: n.id, type: toRestNodeType(n.type) })),
      // An edge exists only once a call was counted on it, so its latencies are never null.
      edges: topology.edges.map((e) => ({
        source: e.source,
        target: e.target,
        request_count: count(e.requestCount),
        error_rate: e.errorRate,
        p50_latency_ms: roundedMs(e.p50LatencyMs ?? 0),
        p99_latency_ms: roundedMs(e.p99LatencyMs ?? 0),
      })),
    },
  }),
  response: { status: 200, schema: TopologyJson },
  errors: [400],
});

export const servicesRoutes = [listServices, getTopology];
