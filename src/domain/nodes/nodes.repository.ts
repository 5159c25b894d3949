import { MongoServerError, type Collection, type Db, type Filter, type ObjectId } from 'mongodb';
import { isDuplicateKey } from '../../db/write-commands.js';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type {
  CollectorNode,
  DropHeartbeat,
  Heartbeat,
  HeartbeatSample,
  NodeListFilter,
  NodeStatus,
  NodeStatusReason,
  NodeWindowTotals,
  WatchingNode,
} from './node.js';

export const NODES_COLLECTION = 'nodes';
export const NODE_HEARTBEATS_COLLECTION = 'node_heartbeats';

/** Statuses the offline sweep looks at; `$in` rather than `$ne` so the sweep walks an index range. */
const ONLINE_STATUSES: readonly NodeStatus[] = ['healthy', 'degraded', 'unhealthy'];

/**
 * One document per node and tenant. `rev` grows on every change, so a writer
 * that read revision N can make its change conditional on still seeing N
 * (heartbeats), and the sweep's change is conditional on the stored status
 * and heartbeat time: each change of `status` is made by exactly one writer,
 * which is the one that announces it.
 */
export const nodesCollection: CollectionSpec = {
  name: NODES_COLLECTION,
  indexes: [
    { name: 'by_node', key: { org: 1, env: 1, nodeId: 1 }, serves: 'list and count all nodes in node id order' },
    { name: 'cluster_by_node', key: { org: 1, env: 1, cluster: 1, nodeId: 1 }, serves: 'list and count the nodes of a cluster' },
    { name: 'status_by_node', key: { org: 1, env: 1, status: 1, nodeId: 1 }, serves: 'list and count nodes by status' },
    {
      name: 'cluster_status_by_node',
      key: { org: 1, env: 1, cluster: 1, status: 1, nodeId: 1 },
      serves: 'list and count the nodes of a cluster by status',
    },
    {
      name: 'overdue',
      key: { status: 1, lastHeartbeat: 1 },
      serves: 'offline sweep across tenants: online nodes whose last heartbeat is older than the cutoff',
    },
  ],
};

/** The heartbeat history: one document per heartbeat, expired by TTL after MESH_NODE_HISTORY_HOURS. */
export function nodeHeartbeatsCollection(historySeconds: number): CollectionSpec {
  return {
    name: NODE_HEARTBEATS_COLLECTION,
    indexes: [
      {
        name: 'node_series',
        key: { org: 1, env: 1, nodeId: 1, at: -1 },
        serves: 'heartbeat time series of a node; 1 h counter sums of a page of nodes',
      },
      {
        name: 'cluster_window',
        key: { org: 1, env: 1, cluster: 1, at: 1 },
        serves: 'drop reports of the clusters of a page of traces (trace completeness)',
      },
      {
        name: 'window',
        key: { org: 1, env: 1, at: 1 },
        serves: 'drop reports of any cluster, for traces that name none (trace completeness)',
      },
      { name: 'history_ttl', key: { at: 1 }, expireAfterSeconds: historySeconds, serves: 'history retention (MESH_NODE_HISTORY_HOURS)' },
    ],
  };
}

/** The reported fields, stored under short names in both collections. */
interface StoredReport {
  cpu: number;
  mem: number;
  up: number;
  rate: number;
  spansTotal: number;
  droppedTotal: number;
  grpc: boolean;
  http: boolean;
  sampling: number;
  buffer: number;
}

interface NodeDocument {
  _id: string;
  org: string;
  env: Tenant['env'];
  nodeId: string;
  cluster: string;
  version: string;
  status: NodeStatus;
  reasons: NodeStatusReason[];
  statusSince: Date;
  firstSeen: Date;
  lastHeartbeat: Date;
  rev: number;
  last: StoredReport;
}

interface HeartbeatDocument extends StoredReport {
  _id?: ObjectId;
  org: string;
  env: Tenant['env'];
  nodeId: string;
  cluster: string;
  version: string;
  at: Date;
  spans: number;
  dropped: number;
  restarted: boolean;
  status: HeartbeatSample['status'];
  reasons: NodeStatusReason[];
  /** The node's previous heartbeat: the deltas cover (since, at]. Absent on a node's first heartbeat. */
  since?: Date;
}

/** A node with the revision it was read at. */
export interface NodeState extends CollectorNode {
  readonly rev: number;
}

/** A node the sweep found overdue; the tenant comes from the document. */
export interface OverdueNode {
  readonly tenant: Tenant;
  readonly nodeId: string;
  readonly lastHeartbeat: Date;
}

export function nodeDocumentId(tenant: Tenant, nodeId: string): string {
  return `${tenant.org}:${tenant.env}:${nodeId}`;
}

function toStoredReport(h: Heartbeat): StoredReport {
  return {
    cpu: h.cpuPercent,
    mem: h.memoryMb,
    up: h.uptimeSeconds,
    rate: h.ingestionRateSps,
    spansTotal: h.spansIngestedTotal,
    droppedTotal: h.droppedSpansTotal,
    grpc: h.otlpGrpcActive,
    http: h.otlpHttpActive,
    sampling: h.samplingRate,
    buffer: h.bufferUtilizationPct,
  };
}

/** Counters above 2^31 may come back as int64 (bigint, with useBigInt64) or double; both are exact below 2^53. */
const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);

function fromStoredReport(r: StoredReport, cluster: string, version: string): Heartbeat {
  return {
    cluster,
    version,
    cpuPercent: num(r.cpu),
    memoryMb: num(r.mem),
    uptimeSeconds: num(r.up),
    ingestionRateSps: num(r.rate),
    spansIngestedTotal: num(r.spansTotal),
    droppedSpansTotal: num(r.droppedTotal),
    otlpGrpcActive: r.grpc,
    otlpHttpActive: r.http,
    samplingRate: num(r.sampling),
    bufferUtilizationPct: num(r.buffer),
  };
}

function toNodeState(doc: NodeDocument): NodeState {
  return {
    nodeId: doc.nodeId,
    cluster: doc.cluster,
    version: doc.version,
    status: doc.status,
    reasons: doc.reasons,
    statusSince: doc.statusSince,
    firstSeen: doc.firstSeen,
    lastHeartbeat: doc.lastHeartbeat,
    latest: fromStoredReport(doc.last, doc.cluster, doc.version),
    rev: num(doc.rev),
  };
}

function toSample(doc: HeartbeatDocument): HeartbeatSample {
  return {
    ...fromStoredReport(doc, doc.cluster, doc.version),
    nodeId: doc.nodeId,
    receivedAtMs: doc.at.getTime(),
    spansIngested: num(doc.spans),
    droppedSpans: num(doc.dropped),
    restarted: doc.restarted,
    status: doc.status,
    reasons: doc.reasons,
  };
}

function nodeFields(node: CollectorNode) {
  return {
    cluster: node.cluster,
    version: node.version,
    status: node.status,
    reasons: [...node.reasons],
    statusSince: node.statusSince,
    lastHeartbeat: node.lastHeartbeat,
    last: toStoredReport(node.latest),
  };
}

function listFilter(tenant: Tenant, filter: NodeListFilter): Filter<NodeDocument> {
  return {
    org: tenant.org,
    env: tenant.env,
    ...(filter.cluster !== undefined ? { cluster: filter.cluster } : {}),
    ...(filter.status !== undefined ? { status: filter.status } : {}),
  };
}

export class NodesRepository {
  private readonly nodes: Collection<NodeDocument>;
  private readonly heartbeats: Collection<HeartbeatDocument>;

  constructor(db: Db) {
    this.nodes = db.collection<NodeDocument>(NODES_COLLECTION);
    this.heartbeats = db.collection<HeartbeatDocument>(NODE_HEARTBEATS_COLLECTION);
  }

  async findState(tenant: Tenant, nodeId: string): Promise<NodeState | null> {
    const doc = await this.nodes.findOne({ _id: nodeDocumentId(tenant, nodeId) });
    return doc === null ? null : toNodeState(doc);
  }

  /** Creates a node at revision 1; false when another writer created it first. */
  async insertNode(tenant: Tenant, node: CollectorNode): Promise<boolean> {
    try {
      await this.nodes.insertOne({
        _id: nodeDocumentId(tenant, node.nodeId),
        org: tenant.org,
        env: tenant.env,
        nodeId: node.nodeId,
        firstSeen: node.firstSeen,
        rev: 1,
        ...nodeFields(node),
      });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Replaces the node's state if it is still at `expectedRev`; false when another writer changed it since. */
  async updateIfUnchanged(tenant: Tenant, node: CollectorNode, expectedRev: number): Promise<boolean> {
    const result = await this.nodes.updateOne(
      { _id: nodeDocumentId(tenant, node.nodeId), rev: expectedRev },
      { $set: nodeFields(node), $inc: { rev: 1 } },
    );
    return result.matchedCount === 1;
  }

  async insertHeartbeat(tenant: Tenant, sample: HeartbeatSample, since: Date | null): Promise<void> {
    await this.heartbeats.insertOne({
      org: tenant.org,
      env: tenant.env,
      nodeId: sample.nodeId,
      cluster: sample.cluster,
      version: sample.version,
      at: new Date(sample.receivedAtMs),
      ...toStoredReport(sample),
      spans: sample.spansIngested,
      dropped: sample.droppedSpans,
      restarted: sample.restarted,
      status: sample.status,
      reasons: [...sample.reasons],
      ...(since === null ? {} : { since }),
    });
  }

  async findByIds(tenant: Tenant, nodeIds: readonly string[]): Promise<NodeState[]> {
    const docs = await this.nodes.find({ _id: { $in: nodeIds.map((id) => nodeDocumentId(tenant, id)) } }).toArray();
    return docs.map(toNodeState);
  }

  /** A page in node id order, strictly after `afterNodeId`. */
  async list(tenant: Tenant, filter: NodeListFilter, afterNodeId: string | null, limit: number): Promise<NodeState[]> {
    const query: Filter<NodeDocument> = listFilter(tenant, filter);
    if (afterNodeId !== null) query.nodeId = { $gt: afterNodeId };
    const docs = await this.nodes.find(query).sort({ nodeId: 1 }).limit(limit).toArray();
    return docs.map(toNodeState);
  }

  count(tenant: Tenant, filter: NodeListFilter): Promise<number> {
    return this.nodes.countDocuments(listFilter(tenant, filter));
  }

  /** Sums of the per-heartbeat counter deltas received after `since`, per node (absent nodes: no heartbeats). */
  async windowTotals(tenant: Tenant, nodeIds: readonly string[], since: Date): Promise<Map<string, NodeWindowTotals>> {
    const rows = await this.heartbeats
      .aggregate<{ _id: string; spans: number | bigint; dropped: number | bigint }>([
        { $match: { org: tenant.org, env: tenant.env, nodeId: { $in: [...nodeIds] }, at: { $gt: since } } },
        { $group: { _id: '$nodeId', spans: { $sum: '$spans' }, dropped: { $sum: '$dropped' } } },
      ])
      .toArray();
    return new Map(rows.map((r) => [r._id, { spansIngested: num(r.spans), droppedSpans: num(r.dropped) }]));
  }

  /** The latest `limit` heartbeats of a node within [from, to], oldest first (chart order). */
  async series(tenant: Tenant, nodeId: string, from: Date, to: Date, limit: number): Promise<HeartbeatSample[]> {
    const docs = await this.heartbeats
      .find({ org: tenant.org, env: tenant.env, nodeId, at: { $gte: from, $lte: to } })
      .sort({ at: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toSample).reverse();
  }

  /**
   * Heartbeats that reported dropped spans, within any of the ranges (each of
   * one cluster, or of any): one `$or` of index ranges on `cluster_window`
   * (`window` for a range of any cluster), `dropped > 0` a residual filter.
   */
  async dropReports(tenant: Tenant, ranges: readonly { cluster: string | null; from: Date; to: Date }[]): Promise<DropHeartbeat[]> {
    if (ranges.length === 0) return [];
    const docs = await this.heartbeats
      .find(
        {
          org: tenant.org,
          env: tenant.env,
          dropped: { $gt: 0 },
          $or: ranges.map((r) => ({ ...(r.cluster === null ? {} : { cluster: r.cluster }), at: { $gte: r.from, $lte: r.to } })),
        },
        { projection: { nodeId: 1, cluster: 1, at: 1, since: 1, dropped: 1 } },
      )
      .toArray();
    return docs.map((d) => ({ nodeId: d.nodeId, cluster: d.cluster, since: d.since ?? null, at: d.at, droppedSpans: num(d.dropped) }));
  }

  /** When each node of the given clusters (null: every cluster) began and last sent heartbeats. */
  async watchers(tenant: Tenant, clusters: readonly string[] | null): Promise<WatchingNode[]> {
    const docs = await this.nodes
      .find(
        { org: tenant.org, env: tenant.env, ...(clusters === null ? {} : { cluster: { $in: [...clusters] } }) },
        { projection: { nodeId: 1, cluster: 1, firstSeen: 1, lastHeartbeat: 1 } },
      )
      .toArray();
    return docs.map((d) => ({ nodeId: d.nodeId, cluster: d.cluster, firstSeen: d.firstSeen, lastHeartbeat: d.lastHeartbeat }));
  }

  /**
   * The sweep's query, the one query here that is not tenant-scoped: finding
   * overdue nodes is the gateway's own job across all tenants. Each node
   * found is then changed through the tenant-scoped `markOffline`.
   */
  async findOverdue(cutoff: Date, limit: number): Promise<OverdueNode[]> {
    const docs = await this.nodes
      .find(
        { status: { $in: [...ONLINE_STATUSES] }, lastHeartbeat: { $lt: cutoff } },
        { projection: { org: 1, env: 1, nodeId: 1, lastHeartbeat: 1 } },
      )
      .limit(limit)
      .toArray();
    return docs.map((d) => ({ tenant: { org: d.org, env: d.env }, nodeId: d.nodeId, lastHeartbeat: d.lastHeartbeat }));
  }

  /**
   * Marks a node offline if it is still online and still overdue. Returns
   * the node as it was before when this call made the change, null when a
   * heartbeat or another gateway instance got there first.
   */
  async markOffline(tenant: Tenant, nodeId: string, cutoff: Date, since: Date): Promise<NodeState | null> {
    const before = await this.nodes.findOneAndUpdate(
      { _id: nodeDocumentId(tenant, nodeId), status: { $in: [...ONLINE_STATUSES] }, lastHeartbeat: { $lt: cutoff } },
      { $set: { status: 'offline', reasons: ['no_heartbeat'], statusSince: since }, $inc: { rev: 1 } },
      { returnDocument: 'before' },
    );
    return before === null ? null : toNodeState(before);
  }
}
