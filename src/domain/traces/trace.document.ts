import type { Tenant } from '../../auth/tenant.js';

export const TRACES_COLLECTION = 'traces';

/**
 * Per-trace summary in the `traces` collection, maintained at ingest so that
 * listing and trace-level filtering never scan spans. Every field is written
 * only with order-independent, idempotent operators ($min, $max, $addToSet,
 * $setOnInsert, and $set of values that are fixed once known), so a retried or
 * reordered batch converges to the same document. `_id` is `<org>:<env>:<traceId>`.
 */
export interface TraceDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly traceId: string;
  /** Earliest span start as a Date: the list sort key, the time-window key and the TTL key. */
  readonly start: Date;
  readonly startNs: bigint;
  readonly endNs: bigint;
  /** endNs − startNs as last computed; only ever grows (see traces.repository). */
  readonly durNs: bigint;
  /** Ids of every stored span: $addToSet makes the count idempotent under retries. */
  readonly sids: readonly string[];
  readonly spanCount: number;
  /** Ids of spans with status ERROR. */
  readonly esids: readonly string[];
  /** Highest span status seen: 0 unset, 1 ok, 2 error. */
  readonly st: number;
  readonly root?: {
    readonly spanId: string;
    readonly svc: string;
    readonly ns: string | null;
    readonly name: string;
  };
  readonly svcs: readonly string[];
  readonly nss: readonly string[];
  readonly denvs: readonly string[];
  readonly clusters: readonly string[];
}
