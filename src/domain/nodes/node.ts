/**
 * Collector nodes as the gateway sees them: what a node reports in a
 * heartbeat, what the gateway derives from it, and the node's current state.
 * Rules for status and counters live in heartbeat.ts and docs/nodes.md.
 */

export const NODE_STATUSES = ['healthy', 'degraded', 'unhealthy', 'offline'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

/** Why a node has its status; every rule that fired is listed. */
export const NODE_STATUS_REASONS = [
  'receivers_inactive',
  'buffer_full',
  'dropping_spans',
  'buffer_high',
  'cpu_high',
  'no_heartbeat',
] as const;
export type NodeStatusReason = (typeof NODE_STATUS_REASONS)[number];

/** One validated heartbeat report, field for field the documented heartbeat body. */
export interface Heartbeat {
  readonly cluster: string;
  readonly version: string;
  readonly cpuPercent: number;
  readonly memoryMb: number;
  readonly uptimeSeconds: number;
  readonly ingestionRateSps: number;
  /** Monotonic since the node process started; a lower value than the previous report means a restart. */
  readonly spansIngestedTotal: number;
  readonly droppedSpansTotal: number;
  readonly otlpGrpcActive: boolean;
  readonly otlpHttpActive: boolean;
  readonly samplingRate: number;
  readonly bufferUtilizationPct: number;
}

export interface NodeHealthAssessment {
  readonly status: Exclude<NodeStatus, 'offline'>;
  readonly reasons: readonly NodeStatusReason[];
}

/**
 * One heartbeat as stored in the history and published to subscribers: the
 * report plus what the gateway derived. Plain JSON (times in epoch ms) because
 * it travels through Redis unchanged.
 */
export interface HeartbeatSample extends Heartbeat, NodeHealthAssessment {
  readonly nodeId: string;
  readonly receivedAtMs: number;
  /** Spans counted since the previous heartbeat, restarts taken into account. */
  readonly spansIngested: number;
  readonly droppedSpans: number;
  /** The node restarted since its previous heartbeat (a counter or the uptime went down). */
  readonly restarted: boolean;
}

/** A node's current state: its latest report and the status the gateway holds for it. */
export interface CollectorNode {
  readonly nodeId: string;
  readonly cluster: string;
  readonly version: string;
  readonly status: NodeStatus;
  readonly reasons: readonly NodeStatusReason[];
  readonly statusSince: Date;
  readonly firstSeen: Date;
  readonly lastHeartbeat: Date;
  readonly latest: Heartbeat;
}

/** A status transition, published exactly once per change of the stored status. */
export interface NodeStatusChange {
  readonly nodeId: string;
  readonly cluster: string;
  /** Null when the node appeared with this heartbeat. */
  readonly previousStatus: NodeStatus | null;
  readonly status: NodeStatus;
  readonly reasons: readonly NodeStatusReason[];
  readonly changedAtMs: number;
}

/** Counter deltas summed over a window (the documented `*_1h` figures). */
export interface NodeWindowTotals {
  readonly spansIngested: number;
  readonly droppedSpans: number;
}

export interface NodeListFilter {
  readonly cluster?: string;
  readonly status?: NodeStatus;
}

/** One heartbeat that reported dropped spans (its `dropped_spans_total` delta since the node's previous heartbeat). */
export interface DropHeartbeat {
  readonly nodeId: string;
  readonly cluster: string;
  /** The node's previous heartbeat: the drops happened in (since, at]. Null when unknown (a node's first heartbeat). */
  readonly since: Date | null;
  readonly at: Date;
  readonly droppedSpans: number;
}

/** A collector node as far as watching a window goes: when its heartbeats began and when the latest arrived. */
export interface WatchingNode {
  readonly nodeId: string;
  readonly cluster: string;
  readonly firstSeen: Date;
  readonly lastHeartbeat: Date;
}
