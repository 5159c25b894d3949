import type { Tenant } from '../../auth/tenant.js';
import type { HistogramDocument } from './latency-histogram.js';
import type { NodeType } from './span-roles.js';
import type { Resolution } from './time-buckets.js';

/**
 * A counter as read back: written by `$inc` of small integers, so an int32
 * until MongoDB promotes it to an int64 on overflow, which the driver reads as
 * a bigint (DRIVER_OPTIONS.useBigInt64).
 */
export type StoredCount = number | bigint;

/** Fields every rollup document starts with: the tenant, the resolution and the bucket start. */
interface RollupBucket {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly res: Resolution;
  /** Bucket start (UTC minute or hour); also the TTL key. */
  readonly t: Date;
  readonly cluster: string | null;
  /** Requests: entry spans for a service or operation, calls for an edge. */
  readonly req: StoredCount;
  /** Absent until the bucket counts an error: a batch without errors increments nothing here. */
  readonly err?: StoredCount;
  /** Latency histogram of the requests (latency-histogram.ts), bucket key → count. */
  readonly h: HistogramDocument;
}

/** `service_rollups`: one per (tenant, resolution, bucket, cluster, namespace, service). */
export interface ServiceRollupDocument extends RollupBucket {
  readonly ns: string | null;
  readonly svc: string;
  /** Every span of the service, entry or not (span_count_24h). */
  readonly spans: StoredCount;
}

/** `operation_rollups`: one per (…, service, entry span name). */
export interface OperationRollupDocument extends RollupBucket {
  readonly ns: string | null;
  readonly svc: string;
  readonly op: string;
}

/** `edge_rollups`: one per (…, caller cluster, source service, target node, target type). */
export interface EdgeRollupDocument extends RollupBucket {
  readonly src: string;
  readonly dst: string;
  readonly dt: NodeType;
}
