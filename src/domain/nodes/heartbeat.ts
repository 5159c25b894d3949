import { ValidationError } from '../../errors.js';
import type { Heartbeat, NodeHealthAssessment, NodeStatusReason } from './node.js';

/**
 * Heartbeat rules, pure: validation of a report, counter deltas across
 * restarts, and the status a report implies. docs/nodes.md states the same
 * rules for operators; keep the two in step.
 */

/** The window of the documented `spans_ingested_1h` / `dropped_spans_1h` figures. */
export const COUNTER_WINDOW_MS = 60 * 60 * 1000;

export const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// Cluster names also come from cloud ARNs and kube contexts, hence ':' and '/'.
export const CLUSTER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
export const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$/;

/** Inclusive bounds of the numeric heartbeat fields; the REST body schema uses the same table. */
export const HEARTBEAT_BOUNDS = {
  cpu_percent: { min: 0, max: 100, integer: false },
  memory_mb: { min: 0, max: 16_777_216, integer: false },
  uptime_seconds: { min: 0, max: 2_147_483_647, integer: true },
  ingestion_rate_sps: { min: 0, max: 1_000_000_000, integer: false },
  spans_ingested_total: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  dropped_spans_total: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  sampling_rate: { min: 0, max: 1, integer: false },
  buffer_utilization_pct: { min: 0, max: 100, integer: false },
} as const;

export type HeartbeatNumberField = keyof typeof HEARTBEAT_BOUNDS;

export const NODE_ID_RULE = '1–128 characters: letters, digits, ".", "_" or "-", starting with a letter or digit';
export const CLUSTER_RULE = '1–128 characters: letters, digits, ".", "_", ":", "/" or "-", starting with a letter or digit';
export const VERSION_RULE = '1–64 characters: letters, digits, ".", "+", "_" or "-", starting with a letter or digit';

/** A heartbeat as the API layer hands it over; counters may arrive as Int64 (bigint). */
export interface HeartbeatInput {
  readonly cluster: string;
  readonly version: string;
  readonly cpuPercent: number;
  readonly memoryMb: number;
  readonly uptimeSeconds: number;
  readonly ingestionRateSps: number;
  readonly spansIngestedTotal: bigint | number;
  readonly droppedSpansTotal: bigint | number;
  readonly otlpGrpcActive: boolean;
  readonly otlpHttpActive: boolean;
  readonly samplingRate: number;
  readonly bufferUtilizationPct: number;
}

export interface HealthThresholds {
  /** Degraded when cpu_percent is above this. */
  readonly degradedCpuPct: number;
  /** Degraded when buffer_utilization_pct is above this. */
  readonly degradedBufferPct: number;
  /** Unhealthy when buffer_utilization_pct is at or above this. */
  readonly unhealthyBufferPct: number;
}

export function isNodeId(value: string): boolean {
  return NODE_ID.test(value);
}

export function assertNodeId(value: string, param = 'node_id'): string {
  if (!isNodeId(value)) throw new ValidationError(`Parameter '${param}' must be ${NODE_ID_RULE}`, param);
  return value;
}

export function assertCluster(value: string, param = 'cluster'): string {
  if (!CLUSTER.test(value)) throw new ValidationError(`Parameter '${param}' must be ${CLUSTER_RULE}`, param);
  return value;
}

function assertVersion(value: string, param: string): string {
  if (!VERSION.test(value)) throw new ValidationError(`Parameter '${param}' must be ${VERSION_RULE}`, param);
  return value;
}

export function boundsMessage(field: HeartbeatNumberField): string {
  const { min, max, integer } = HEARTBEAT_BOUNDS[field];
  return `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
}

function boundedNumber(value: bigint | number, field: HeartbeatNumberField): number {
  const { min, max, integer } = HEARTBEAT_BOUNDS[field];
  const n = typeof value === 'bigint' ? (value >= BigInt(min) && value <= BigInt(max) ? Number(value) : NaN) : value;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ValidationError(`Parameter '${field}' ${boundsMessage(field)}`, field);
  }
  return n;
}

function assertBoolean(value: boolean, param: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(`Parameter '${param}' must be true or false`, param);
  return value;
}

/**
 * Checks every field of a report. Parameter names are those of the heartbeat
 * body (snake_case) in both APIs, so a collector sees the same `param`
 * whether it posts REST or calls the GraphQL mutation.
 */
export function validateHeartbeat(input: HeartbeatInput): Heartbeat {
  return {
    cluster: assertCluster(input.cluster),
    version: assertVersion(input.version, 'version'),
    cpuPercent: boundedNumber(input.cpuPercent, 'cpu_percent'),
    memoryMb: boundedNumber(input.memoryMb, 'memory_mb'),
    uptimeSeconds: boundedNumber(input.uptimeSeconds, 'uptime_seconds'),
    ingestionRateSps: boundedNumber(input.ingestionRateSps, 'ingestion_rate_sps'),
    spansIngestedTotal: boundedNumber(input.spansIngestedTotal, 'spans_ingested_total'),
    droppedSpansTotal: boundedNumber(input.droppedSpansTotal, 'dropped_spans_total'),
    otlpGrpcActive: assertBoolean(input.otlpGrpcActive, 'otlp_grpc_active'),
    otlpHttpActive: assertBoolean(input.otlpHttpActive, 'otlp_http_active'),
    samplingRate: boundedNumber(input.samplingRate, 'sampling_rate'),
    bufferUtilizationPct: boundedNumber(input.bufferUtilizationPct, 'buffer_utilization_pct'),
  };
}

export interface CounterDeltas {
  readonly spansIngested: number;
  readonly droppedSpans: number;
  readonly restarted: boolean;
}

/**
 * What a report adds to the node's counters since its previous report.
 * - Same process (both counters and the uptime did not go down): the difference.
 * - Restart (a counter or the uptime went down): the node counts from 0 again,
 *   so everything it reports now was counted since the restart.
 * - First report of a node: its counters cover its whole uptime. When that
 *   uptime lies inside the 1 h window, all of it counts; otherwise the report
 *   is only the baseline, since the spans' times are unknown.
 */
export function counterDeltas(previous: Heartbeat | null, report: Heartbeat): CounterDeltas {
  if (previous === null) {
    const withinWindow = report.uptimeSeconds * 1000 <= COUNTER_WINDOW_MS;
    return {
      spansIngested: withinWindow ? report.spansIngestedTotal : 0,
      droppedSpans: withinWindow ? report.droppedSpansTotal : 0,
      restarted: false,
    };
  }
  const restarted =
    report.spansIngestedTotal < previous.spansIngestedTotal ||
    report.droppedSpansTotal < previous.droppedSpansTotal ||
    report.uptimeSeconds < previous.uptimeSeconds;
  if (restarted) return { spansIngested: report.spansIngestedTotal, droppedSpans: report.droppedSpansTotal, restarted };
  return {
    spansIngested: report.spansIngestedTotal - previous.spansIngestedTotal,
    droppedSpans: report.droppedSpansTotal - previous.droppedSpansTotal,
    restarted: false,
  };
}

/**
 * The status a report implies (offline is decided by the sweep, not here):
 * - unhealthy: both OTLP receivers inactive (the node accepts nothing), or the
 *   buffer at or above `unhealthyBufferPct` (full: new spans are refused);
 * - degraded: spans dropped since the previous report, the buffer above
 *   `degradedBufferPct`, or CPU above `degradedCpuPct`;
 * - healthy otherwise. Every rule that fired is listed in `reasons`.
 */
export function assessHealth(report: Heartbeat, droppedSinceLast: number, thresholds: HealthThresholds): NodeHealthAssessment {
  const unhealthy: NodeStatusReason[] = [];
  if (!report.otlpGrpcActive && !report.otlpHttpActive) unhealthy.push('receivers_inactive');
  const bufferFull = report.bufferUtilizationPct >= thresholds.unhealthyBufferPct;
  if (bufferFull) unhealthy.push('buffer_full');
  const degraded: NodeStatusReason[] = [];
  if (droppedSinceLast > 0) degraded.push('dropping_spans');
  if (!bufferFull && report.bufferUtilizationPct > thresholds.degradedBufferPct) degraded.push('buffer_high');
  if (report.cpuPercent > thresholds.degradedCpuPct) degraded.push('cpu_high');
  const status = unhealthy.length > 0 ? 'unhealthy' : degraded.length > 0 ? 'degraded' : 'healthy';
  return { status, reasons: [...unhealthy, ...degraded] };
}
