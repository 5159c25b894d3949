import { z } from 'zod';
import {
  boundsMessage,
  CLUSTER,
  CLUSTER_RULE,
  HEARTBEAT_BOUNDS,
  NODE_ID,
  NODE_ID_RULE,
  VERSION,
  VERSION_RULE,
  type HeartbeatNumberField,
} from '../../src/domain/nodes/heartbeat.js';
import { NotFoundError } from '../../src/errors.js';
import { graphql } from '../__generated__/gql.js';
import type { NodeStatus } from '../__generated__/graphql.js';
import { isoMillis } from '../json.js';
import { cursor, oneOf, queryInteger } from '../params.js';
import { defineRoute } from '../route.js';

/*
 * The Collector Nodes section of the REST document (spec/mesh-trace-rest-v1.txt),
 * plus the heartbeat endpoint of the design card. Field names and shapes are
 * the document's; the rules behind them (status, 1 h figures) are in docs/nodes.md.
 */

const STATUSES = ['healthy', 'degraded', 'unhealthy', 'offline'] as const;
const toRestStatus = (status: NodeStatus) => status.toLowerCase() as (typeof STATUSES)[number];
const StatusJson = z.enum(STATUSES).meta({ description: 'healthy, degraded, unhealthy or offline (rules in docs/nodes.md)' });

/** Int64 counters arrive as decimal strings; below 2^53 (validated at ingest) a JSON number is exact. */
const count = (int64: string) => Number(int64);

function pattern(regex: RegExp, rule: string, description: string) {
  const message = `must be ${rule}`;
  return z.string({ error: message }).regex(regex, { error: message }).meta({ description, pattern: regex.source });
}

function bounded(field: HeartbeatNumberField, description: string) {
  const { min, max, integer } = HEARTBEAT_BOUNDS[field];
  const message = boundsMessage(field);
  const number = z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
  return (integer ? number.int({ error: message }) : number).meta({ description, minimum: min, maximum: max });
}

function flag(description: string) {
  return z.boolean({ error: 'must be true or false' }).meta({ description });
}

const NodeIdPath = z.strictObject({ node_id: pattern(NODE_ID, NODE_ID_RULE, 'Unique node identifier') });

const HeartbeatBody = z
  .strictObject({
    cluster: pattern(CLUSTER, CLUSTER_RULE, 'Cluster the node runs in'),
    version: pattern(VERSION, VERSION_RULE, 'Collector version'),
    cpu_percent: bounded('cpu_percent', 'CPU use across all cores, 0–100'),
    memory_mb: bounded('memory_mb', 'Resident memory in MiB'),
    uptime_seconds: bounded('uptime_seconds', 'Seconds since the node process started'),
    ingestion_rate_sps: bounded('ingestion_rate_sps', 'Current ingestion rate, spans per second'),
    spans_ingested_total: bounded(
      'spans_ingested_total',
      'Spans ingested since the node started (monotonic; lower than before means a restart)',
    ),
    dropped_spans_total: bounded('dropped_spans_total', 'Spans dropped since the node started (monotonic)'),
    otlp_grpc_active: flag('Whether the OTLP/gRPC receiver is accepting data'),
    otlp_http_active: flag('Whether the OTLP/HTTP receiver is accepting data'),
    sampling_rate: bounded('sampling_rate', 'Head sampling rate, 0–1'),
    buffer_utilization_pct: bounded('buffer_utilization_pct', 'Export buffer utilization, 0–100'),
  })
  .meta({ id: 'Heartbeat' });

const HeartbeatAckJson = z
  .strictObject({
    node_id: z.string(),
    status: StatusJson,
    last_heartbeat: isoMillis('When the gateway received this heartbeat'),
  })
  .meta({ id: 'HeartbeatAck' });

export const postHeartbeat = defineRoute({
  method: 'POST',
  path: '/v1/nodes/{node_id}/heartbeat',
  tag: 'Collector Nodes',
  summary: 'Report a collector node heartbeat',
  description: 'Records a heartbeat (write permission); a node appears with its first heartbeat. Answers the status the heartbeat implies.',
  operation: graphql(`
    mutation RestReportHeartbeat($nodeId: String!, $input: HeartbeatInput!) {
      reportHeartbeat(nodeId: $nodeId, input: $input) {
        node {
          nodeId
          status
          lastHeartbeat
        }
      }
    }
  `),
  input: { path: NodeIdPath, body: HeartbeatBody },
  variables: ({ path, body }) => ({
    nodeId: path.node_id,
    input: {
      cluster: body.cluster,
      version: body.version,
      cpuPercent: body.cpu_percent,
      memoryMb: body.memory_mb,
      uptimeSeconds: body.uptime_seconds,
      ingestionRateSps: body.ingestion_rate_sps,
      spansIngestedTotal: String(body.spans_ingested_total),
      droppedSpansTotal: String(body.dropped_spans_total),
      otlpGrpcActive: body.otlp_grpc_active,
      otlpHttpActive: body.otlp_http_active,
      samplingRate: body.sampling_rate,
      bufferUtilizationPct: body.buffer_utilization_pct,
    },
  }),
  respond: ({ reportHeartbeat: { node } }) => ({
    body: { node_id: node.nodeId, status: toRestStatus(node.status), last_heartbeat: node.lastHeartbeat },
  }),
  response: { status: 200, schema: HeartbeatAckJson },
  errorParams: { nodeId: 'node_id' },
  errors: [400, 409],
});

const NodeSummaryJson = z
  .strictObject({
    node_id: z.string(),
    cluster: z.string(),
    version: z.string(),
    status: StatusJson,
    spans_ingested_1h: z.number().int().meta({ description: 'Spans ingested in the last hour, from counter deltas across restarts' }),
    cpu_percent: z.number(),
    memory_mb: z.number(),
    last_heartbeat: isoMillis('When the latest heartbeat was received'),
  })
  .meta({ id: 'NodeSummary' });

const NodeListJson = z
  .strictObject({
    nodes: z.array(NodeSummaryJson),
    total: z.number().int().meta({ description: 'Nodes matching the filters, over all pages' }),
  })
  .meta({ id: 'NodeList' });

export const listNodes = defineRoute({
  method: 'GET',
  path: '/v1/nodes',
  tag: 'Collector Nodes',
  summary: 'List collector nodes',
  description:
    'Nodes in node id order. The body is exactly the documented one; when more nodes match than `limit`, ' +
    'the next page is announced in a `Link: <…?cursor=…>; rel="next"` header (RFC 8288).',
  operation: graphql(`
    query RestListNodes($cluster: String, $status: NodeStatus, $first: Int!, $after: String) {
      nodes(cluster: $cluster, status: $status, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            nodeId
            cluster
            version
            status
            spansIngested1h
            cpuPercent
            memoryMb
            lastHeartbeat
          }
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      cluster: pattern(CLUSTER, CLUSTER_RULE, 'Only nodes of this cluster (an extension of the document)').optional(),
      status: oneOf(STATUSES, 'Only nodes with this status (an extension of the document)').optional(),
      limit: queryInteger(1, 500, 'Max nodes per response (1–500). Default: 500').optional(),
      cursor: cursor('Pagination cursor from the `Link: rel="next"` header of a previous response').optional(),
    }),
  },
  variables: ({ query }) => ({
    cluster: query.cluster ?? null,
    status: query.status === undefined ? null : (query.status.toUpperCase() as NodeStatus),
    first: query.limit ?? 500,
    after: query.cursor ?? null,
  }),
  respond: ({ nodes }, { query }) => {
    const next = nodes.pageInfo.hasNextPage ? (nodes.pageInfo.endCursor ?? null) : null;
    const params = new URLSearchParams();
    if (query.cluster !== undefined) params.set('cluster', query.cluster);
    if (query.status !== undefined) params.set('status', query.status);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (next !== null) params.set('cursor', next);
    return {
      body: {
        nodes: nodes.edges.map(({ node }) => ({
          node_id: node.nodeId,
          cluster: node.cluster,
          version: node.version,
          status: toRestStatus(node.status),
          spans_ingested_1h: count(node.spansIngested1h),
          cpu_percent: node.cpuPercent,
          memory_mb: node.memoryMb,
          last_heartbeat: node.lastHeartbeat,
        })),
        total: nodes.totalCount,
      },
      ...(next !== null ? { headers: { link: `</v1/nodes?${params.toString()}>; rel="next"` } } : {}),
    };
  },
  response: { status: 200, schema: NodeListJson },
  errorParams: { after: 'cursor', first: 'limit' },
  errors: [400],
});

const NodeHealthJson = z
  .strictObject({
    node_id: z.string(),
    status: StatusJson,
    uptime_seconds: z.number().int(),
    ingestion_rate_sps: z.number(),
    dropped_spans_1h: z.number().int().meta({ description: 'Spans dropped in the last hour, from counter deltas across restarts' }),
    otlp_grpc_active: z.boolean(),
    otlp_http_active: z.boolean(),
    sampling_rate: z.number(),
    buffer_utilization_pct: z.number(),
  })
  .meta({ id: 'NodeHealth' });

export const getNodeHealth = defineRoute({
  method: 'GET',
  path: '/v1/nodes/{node_id}/health',
  tag: 'Collector Nodes',
  summary: 'Detailed node health metrics',
  description: 'The latest reported metrics of a node with its status; 404 for a node that never sent a heartbeat.',
  operation: graphql(`
    query RestNodeHealth($nodeId: String!) {
      node(nodeId: $nodeId) {
        nodeId
        health {
          status
          uptimeSeconds
          ingestionRateSps
          droppedSpans1h
          otlpGrpcActive
          otlpHttpActive
          samplingRate
          bufferUtilizationPct
        }
      }
    }
  `),
  input: { path: NodeIdPath },
  variables: ({ path }) => ({ nodeId: path.node_id }),
  respond: ({ node }, { path }) => {
    if (node == null) throw new NotFoundError(`Node '${path.node_id}' does not exist`, 'node_id');
    const { health } = node;
    return {
      body: {
        node_id: node.nodeId,
        status: toRestStatus(health.status),
        uptime_seconds: health.uptimeSeconds,
        ingestion_rate_sps: health.ingestionRateSps,
        dropped_spans_1h: count(health.droppedSpans1h),
        otlp_grpc_active: health.otlpGrpcActive,
        otlp_http_active: health.otlpHttpActive,
        sampling_rate: health.samplingRate,
        buffer_utilization_pct: health.bufferUtilizationPct,
      },
    };
  },
  response: { status: 200, schema: NodeHealthJson },
  errorParams: { nodeId: 'node_id' },
  errors: [400, 404],
});

export const nodesRoutes = [postHeartbeat, listNodes, getNodeHealth];
