import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import { tenantKey } from '../../auth/tenant.js';
import { ConflictError, ValidationError } from '../../errors.js';
import type { EventBus } from '../../events/pubsub.js';
import { assertPageSize, pageOf, sealedCursor, type Page } from '../paging.js';
import {
  assertCluster,
  assertNodeId,
  isNodeId,
  assessHealth,
  COUNTER_WINDOW_MS,
  counterDeltas,
  validateHeartbeat,
  type HealthThresholds,
  type HeartbeatInput,
} from './heartbeat.js';
import type { CollectorNode, HeartbeatSample, NodeListFilter, NodeStatus, NodeStatusChange, NodeWindowTotals } from './node.js';
import type { NodeEvents } from './nodes.events.js';
import type { NodesRepository } from './nodes.repository.js';

export const MAX_NODE_PAGE = 500;
export const MAX_SERIES_POINTS = 5_000;
/** Default chart window of a node's heartbeat series. */
export const DEFAULT_SERIES_WINDOW_MS = 60 * 60 * 1000;
/** Concurrent heartbeats of one node are rare; a few optimistic retries settle them. */
const HEARTBEAT_ATTEMPTS = 5;
const SWEEP_BATCH = 500;

export interface NodesOptions {
  readonly offlineAfterS: number;
  readonly thresholds: HealthThresholds;
}

/**
 * Node pages are keyset pages in node id order, so a cursor is the last node
 * id seen: nodes appearing between page requests never shift a page.
 */
export const NODE_CURSOR = sealedCursor<string>({
  scope: ['nodes'],
  fields: 2,
  write: (nodeId) => ['n', nodeId],
  read: ([kind, nodeId]) => (kind === 'n' && isNodeId(nodeId!) ? nodeId! : null),
});

export interface HeartbeatResult {
  readonly node: CollectorNode;
  readonly heartbeat: HeartbeatSample;
}

export interface SeriesWindow {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly last?: number | null;
}

/**
 * Collector nodes: heartbeat ingest, status, the offline sweep, queries and
 * live subscriptions. Every status change is a conditional write on the
 * stored state, announced by the one writer whose write took effect, so each
 * transition is published exactly once however many gateways run.
 */
export class NodesService {
  constructor(
    private readonly repo: NodesRepository,
    private readonly pubsub: EventBus<NodeEvents>,
    private readonly options: NodesOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Records a heartbeat: the node appears on its first one. Counter deltas and
   * the status depend on the node's previous report, so the node is read and
   * then written only if still at the revision read (optimistic concurrency:
   * no transactions on the store); a lost race re-reads and recomputes.
   */
  async reportHeartbeat(principal: Principal | null, nodeId: string, input: HeartbeatInput): Promise<HeartbeatResult> {
    const { tenant } = assertCan(principal, 'nodes:write');
    const id = assertNodeId(nodeId);
    const report = validateHeartbeat(input);
    for (let attempt = 0; attempt < HEARTBEAT_ATTEMPTS; attempt++) {
      const at = this.now();
      const previous = await this.repo.findState(tenant, id);
      const deltas = counterDeltas(previous?.latest ?? null, report);
      const health = assessHealth(report, deltas.droppedSpans, this.options.thresholds);
      const changed = previous === null || previous.status !== health.status;
      const node: CollectorNode = {
        nodeId: id,
        cluster: report.cluster,
        version: report.version,
        status: health.status,
        reasons: health.reasons,
        statusSince: changed ? at : previous.statusSince,
        firstSeen: previous?.firstSeen ?? at,
        lastHeartbeat: at,
        latest: report,
      };
      const written =
        previous === null ? await this.repo.insertNode(tenant, node) : await this.repo.updateIfUnchanged(tenant, node, previous.rev);
      if (!written) continue;
      const heartbeat: HeartbeatSample = { ...report, ...deltas, ...health, nodeId: id, receivedAtMs: at.getTime() };
      // After the node write: a store failure in between loses this sample's
      // deltas from the 1 h sums (one heartbeat interval), never counts them twice.
      await this.repo.insertHeartbeat(tenant, heartbeat, previous?.lastHeartbeat ?? null);
      const key = tenantKey(tenant);
      this.pubsub.publish('node:heartbeat', key, heartbeat);
      if (changed) {
        this.pubsub.publish('node:status', key, {
          nodeId: id,
          cluster: report.cluster,
          previousStatus: previous?.status ?? null,
          status: health.status,
          reasons: health.reasons,
          changedAtMs: at.getTime(),
        });
      }
      return { node, heartbeat };
    }
    throw new ConflictError(`Node '${id}' received concurrent heartbeats; retry this one`, 'node_id');
  }

  /**
   * One pass of the offline sweep: every node still online whose last
   * heartbeat is older than MESH_NODE_OFFLINE_AFTER_S goes offline. All
   * instances sweep; the conditional write lets exactly one of them (or a
   * heartbeat arriving meanwhile) win each node. The transition time is the
   * moment the node became overdue, the same whichever instance notices it.
   */
  async sweepOffline(): Promise<number> {
    const offlineAfterMs = this.options.offlineAfterS * 1000;
    const cutoff = new Date(this.now().getTime() - offlineAfterMs);
    let transitions = 0;
    for (;;) {
      const overdue = await this.repo.findOverdue(cutoff, SWEEP_BATCH);
      for (const candidate of overdue) {
        const since = new Date(candidate.lastHeartbeat.getTime() + offlineAfterMs);
        const before = await this.repo.markOffline(candidate.tenant, candidate.nodeId, cutoff, since);
        if (before === null) continue;
        transitions++;
        this.pubsub.publish('node:status', tenantKey(candidate.tenant), {
          nodeId: before.nodeId,
          cluster: before.cluster,
          previousStatus: before.status,
          status: 'offline',
          reasons: ['no_heartbeat'],
          changedAtMs: since.getTime(),
        });
      }
      if (overdue.length < SWEEP_BATCH) return transitions;
    }
  }

  async listNodes(
    principal: Principal | null,
    args: { filter: NodeListFilterInput; first: number; after: string | null },
  ): Promise<Page<CollectorNode>> {
    const { tenant } = assertCan(principal, 'nodes:read');
    assertPageSize(args.first, 'first', MAX_NODE_PAGE);
    const filter = parseListFilter(args.filter);
    const after = args.after === null ? null : NODE_CURSOR.decode(tenant, args.after, 'after');
    const rows = await this.repo.list(tenant, filter, after, args.first + 1);
    return pageOf(
      rows,
      args.first,
      (n) => NODE_CURSOR.encode(tenant, n.nodeId),
      () => this.repo.count(tenant, filter),
    );
  }

  async getNode(principal: Principal | null, nodeId: string): Promise<CollectorNode | null> {
    const { tenant } = assertCan(principal, 'nodes:read');
    return this.repo.findState(tenant, assertNodeId(nodeId, 'nodeId'));
  }

  /** The documented 1 h figures of each node: sums of the per-heartbeat counter deltas of the last hour. */
  async windowTotals(principal: Principal | null, nodeIds: readonly string[]): Promise<Map<string, NodeWindowTotals>> {
    const { tenant } = assertCan(principal, 'nodes:read');
    return this.repo.windowTotals(tenant, nodeIds, new Date(this.now().getTime() - COUNTER_WINDOW_MS));
  }

  /** Heartbeats of a node for charts: the latest `last` (default 360) within [from, to] (default: the last hour), oldest first. */
  async heartbeatSeries(principal: Principal | null, nodeId: string, window: SeriesWindow): Promise<HeartbeatSample[]> {
    const { tenant } = assertCan(principal, 'nodes:read');
    const to = window.to ?? this.now();
    const from = window.from ?? new Date(to.getTime() - DEFAULT_SERIES_WINDOW_MS);
    if (from.getTime() > to.getTime()) throw new ValidationError("Parameter 'from' must not be after 'to'", 'from');
    const last = window.last ?? 360;
    assertPageSize(last, 'last', MAX_SERIES_POINTS);
    return this.repo.series(tenant, assertNodeId(nodeId, 'nodeId'), from, to, last);
  }

  /** Every heartbeat of the caller's tenant, optionally of one node and/or one cluster. */
  subscribeHeartbeats(
    principal: Principal | null,
    filter: { nodeId?: string | null; cluster?: string | null },
  ): AsyncIterableIterator<HeartbeatSample> {
    const { tenant } = assertCan(principal, 'nodes:read');
    const nodeId = filter.nodeId == null ? null : assertNodeId(filter.nodeId, 'nodeId');
    const cluster = filter.cluster == null ? null : assertCluster(filter.cluster);
    return this.pubsub.subscribe('node:heartbeat', tenantKey(tenant), (hb) =>
      (nodeId === null || hb.nodeId === nodeId) && (cluster === null || hb.cluster === cluster) ? [hb] : [],
    );
  }

  /** Every status transition of the caller's tenant, optionally of one cluster. */
  subscribeStatusChanges(principal: Principal | null, filter: { cluster?: string | null }): AsyncIterableIterator<NodeStatusChange> {
    const { tenant } = assertCan(principal, 'nodes:read');
    const cluster = filter.cluster == null ? null : assertCluster(filter.cluster);
    return this.pubsub.subscribe('node:status', tenantKey(tenant), (change) =>
      cluster === null || change.cluster === cluster ? [change] : [],
    );
  }
}

export interface NodeListFilterInput {
  readonly cluster?: string | null;
  readonly status?: NodeStatus | null;
}

function parseListFilter(input: NodeListFilterInput): NodeListFilter {
  return {
    ...(input.cluster != null ? { cluster: assertCluster(input.cluster) } : {}),
    ...(input.status != null ? { status: input.status } : {}),
  };
}
