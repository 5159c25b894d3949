import type { NodeStatus, NodeStatusReason } from '../../__generated__/graphql';

/**
 * The live board's model: the nodes as last loaded, updated in place by
 * heartbeat and status-change events. Events can arrive in any order relative
 * to each other and to the initial load (a status change is published by the
 * sweeper, a heartbeat by the request that carried it), so a status is
 * replaced only by one at least as recent as the one shown.
 */

/** What a heartbeat reports; unknown for a node first heard of through a status change. */
export interface NodeFigures {
  readonly cpuPercent: number;
  readonly memoryMb: number;
  readonly ingestionRateSps: number;
  readonly bufferUtilizationPct: number;
  readonly samplingRate: number;
  readonly otlpGrpcActive: boolean;
  readonly otlpHttpActive: boolean;
}

export interface BoardNode {
  readonly nodeId: string;
  readonly cluster: string;
  readonly version: string | null;
  readonly status: NodeStatus;
  readonly statusReasons: readonly NodeStatusReason[];
  readonly statusSince: string;
  readonly lastHeartbeat: string | null;
  readonly figures: NodeFigures | null;
  /** As of the last load: the API's hour window, not incremented from events. */
  readonly spansIngested1h: string | null;
}

export interface HeartbeatEvent extends NodeFigures {
  readonly nodeId: string;
  readonly cluster: string;
  readonly version: string;
  readonly status: NodeStatus;
  readonly statusReasons: readonly NodeStatusReason[];
  readonly receivedAt: string;
}

export interface StatusChangeEvent {
  readonly nodeId: string;
  readonly cluster: string;
  readonly status: NodeStatus;
  readonly previousStatus?: NodeStatus | null;
  readonly statusReasons: readonly NodeStatusReason[];
  readonly changedAt: string;
}

export type Board = ReadonlyMap<string, BoardNode>;

/** Epoch ms; an unknown time sorts before every known one. */
const time = (iso: string | null) => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/** Replaces the board with a fresh load, keeping any node whose event is newer than what the load saw. */
export function loadBoard(current: Board, loaded: readonly BoardNode[]): Board {
  const next = new Map<string, BoardNode>();
  for (const node of loaded) {
    const known = current.get(node.nodeId);
    next.set(
      node.nodeId,
      known !== undefined && time(known.lastHeartbeat) > time(node.lastHeartbeat) && time(known.statusSince) >= time(node.statusSince)
        ? known
        : node,
    );
  }
  // Nodes beyond the loaded page, or first heard of after the load was read, stay.
  for (const [id, node] of current) if (!next.has(id)) next.set(id, node);
  return next;
}

export function applyHeartbeat(board: Board, hb: HeartbeatEvent): Board {
  const known = board.get(hb.nodeId);
  if (known !== undefined && time(hb.receivedAt) < time(known.lastHeartbeat)) return board;
  const statusChanged = known === undefined || known.status !== hb.status;
  const statusIsNewer = known === undefined || time(hb.receivedAt) >= time(known.statusSince);
  const next = new Map(board);
  next.set(hb.nodeId, {
    nodeId: hb.nodeId,
    cluster: hb.cluster,
    version: hb.version,
    status: statusIsNewer ? hb.status : known.status,
    statusReasons: statusIsNewer ? hb.statusReasons : known.statusReasons,
    statusSince: statusChanged && statusIsNewer ? hb.receivedAt : (known?.statusSince ?? hb.receivedAt),
    lastHeartbeat: hb.receivedAt,
    figures: {
      cpuPercent: hb.cpuPercent,
      memoryMb: hb.memoryMb,
      ingestionRateSps: hb.ingestionRateSps,
      bufferUtilizationPct: hb.bufferUtilizationPct,
      samplingRate: hb.samplingRate,
      otlpGrpcActive: hb.otlpGrpcActive,
      otlpHttpActive: hb.otlpHttpActive,
    },
    spansIngested1h: known?.spansIngested1h ?? null,
  });
  return next;
}

export function applyStatusChange(board: Board, change: StatusChangeEvent): Board {
  const known = board.get(change.nodeId);
  if (known !== undefined && time(change.changedAt) < time(known.statusSince)) return board;
  const next = new Map(board);
  next.set(change.nodeId, {
    ...(known ?? placeholder(change)),
    cluster: change.cluster,
    status: change.status,
    statusReasons: change.statusReasons,
    statusSince: change.changedAt,
  });
  return next;
}

/** A node first heard of through a status change: figures unknown until its next heartbeat or load. */
function placeholder(change: StatusChangeEvent): BoardNode {
  return {
    nodeId: change.nodeId,
    cluster: change.cluster,
    version: null,
    status: change.status,
    statusReasons: change.statusReasons,
    statusSince: change.changedAt,
    lastHeartbeat: null,
    figures: null,
    spansIngested1h: null,
  };
}

/** By cluster, then node id: a card keeps its place when its status changes, so the eye can follow it. */
export function sortedNodes(board: Board): BoardNode[] {
  return [...board.values()].sort((a, b) => a.cluster.localeCompare(b.cluster) || a.nodeId.localeCompare(b.nodeId));
}

export function statusCounts(board: Board): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = { HEALTHY: 0, DEGRADED: 0, UNHEALTHY: 0, OFFLINE: 0 };
  for (const node of board.values()) counts[node.status]++;
  return counts;
}
