import { tenantKey, type Tenant } from '../../auth/tenant.js';
import type { EdgeObservation } from './rollup-batch.js';
import { durationNs, isError, joinRole } from './span-roles.js';
import type { Span } from '../traces/span.js';
import {
  pendingEdgeId,
  type JoinEntry,
  type PendingCaller,
  type PendingCallee,
  type PendingEdgesRepository,
  type PendingSide,
} from './pending-edges.repository.js';

export interface EdgeJoinOptions {
  /** How long a side waits for the other, counted from its arrival at the gateway. */
  readonly windowMs: number;
  /** Per tenant and instance, how often ingest closes expired entries. */
  readonly sweepIntervalMs: number;
  readonly now: () => Date;
}

export const DEFAULT_JOIN_WINDOW_MS = 10 * 60_000;
export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;
const SWEEP_BATCH = 1000;

function pairId(entry: JoinEntry, calleeSpanId: string): string {
  return `${entry.id}:${calleeSpanId}`;
}

function pairedEdge(caller: PendingCaller, callee: PendingCallee): EdgeObservation {
  return {
    cluster: caller.cluster,
    source: caller.svc,
    target: callee.svc,
    targetType: 'service',
    startMs: caller.startMs,
    durationNs: callee.durNs,
    error: caller.err || callee.err,
  };
}

function fallbackEdge(caller: PendingCaller): EdgeObservation | null {
  if (caller.fb === null) return null;
  return {
    cluster: caller.cluster,
    source: caller.svc,
    target: caller.fb.id,
    targetType: caller.fb.type,
    startMs: caller.startMs,
    durationNs: caller.durNs,
    error: caller.err,
  };
}

function sideOf(span: Span): PendingSide | null {
  const role = joinRole(span);
  if (role === null) return null;
  if (role.side === 'caller') {
    const caller: PendingCaller = {
      svc: span.serviceName,
      cluster: span.cluster,
      startMs: Number(span.startTimeUnixNano / 1_000_000n),
      durNs: durationNs(span),
      err: isError(span),
      fb: role.fallback,
    };
    return { traceId: span.traceId, key: role.key, caller };
  }
  return {
    traceId: span.traceId,
    key: role.key,
    calleeSpanId: span.spanId,
    callee: { svc: span.serviceName, durNs: durationNs(span), err: isError(span) },
  };
}

/**
 * Pairs parent and child spans of different services into edges, whatever
 * order and batch they arrive in, across concurrent batches and instances,
 * without transactions:
 *
 * 1. each new side is written into the entry of its join key (an atomic
 *    single-document upsert that sets only that side's field), then the
 *    entries are read back;
 * 2. every complete (caller, callee) pair in them that involves a side of
 *    this batch is a candidate; of two batches holding the two sides, at
 *    least the later one sees the pair complete, and possibly both do;
 * 3. a candidate is counted only by the batch that inserts its claim document
 *    (unique _id per pair), so exactly one does.
 *
 * A caller left alone when its window closes is counted against its fallback
 * leaf by the sweep, which first closes the entry with a conditional update
 * that fails if a callee has arrived; a callee arriving later sees the entry
 * closed and does not pair. Either way the call is counted once.
 *
 * Only spans this gateway stored for the first time take part (a re-sent
 * batch registers nothing), so a retry cannot count a pair again.
 */
export class EdgeJoin {
  private readonly lastSweep = new Map<string, number>();

  constructor(
    private readonly pending: PendingEdgesRepository,
    private readonly options: EdgeJoinOptions,
  ) {}

  /**
   * Registers the join sides of newly stored spans (`fresh`, of the accepted
   * batch `batch`); returns the edges this call won.
   *
   * A callee whose parent is in the batch and is no caller (a server span
   * under an internal or server span of its trace) can never pair: span ids
   * are unique within a trace, so no caller will ever arrive under that key.
   * It is not registered, which spares the store an entry that would only
   * wait out the join window.
   */
  async join(tenant: Tenant, fresh: readonly Span[], batch: readonly Span[]): Promise<EdgeObservation[]> {
    let sides = fresh.map(sideOf).filter((side): side is PendingSide => side !== null);
    if (sides.some((side) => !('caller' in side))) {
      const inBatch = new Map<string, Span>();
      for (const span of batch) inBatch.set(`${span.traceId}:${span.spanId}`, span);
      sides = sides.filter((side) => {
        if ('caller' in side) return true;
        const parent = inBatch.get(`${side.traceId}:${side.key}`);
        return parent === undefined || joinRole(parent)?.side === 'caller';
      });
    }
    if (sides.length === 0) return [];
    const now = this.options.now().getTime();
    const expires = new Date(now + this.options.windowMs);
    // Entry ids of our callers, pair ids of our callees.
    const ours = new Set(
      sides.map((side) => {
        const entryId = pendingEdgeId(tenant, side.traceId, side.key);
        return 'caller' in side ? entryId : `${entryId}:${side.calleeSpanId}`;
      }),
    );
    const entries = await this.pending.register(tenant, sides, expires);

    const candidates = new Map<string, EdgeObservation>();
    for (const entry of entries) {
      if (entry.caller === null || entry.closed) continue;
      for (const [calleeSpanId, callee] of entry.callees) {
        const id = pairId(entry, calleeSpanId);
        if (ours.has(entry.id) || ours.has(id)) candidates.set(id, pairedEdge(entry.caller, callee));
      }
    }
    const won = await this.pending.claim(tenant, [...candidates.keys()], expires);
    return [...candidates].filter(([id]) => won.has(id)).map(([, edge]) => edge);
  }

  /**
   * Closes this tenant's expired entries, at most once per sweep interval per
   * instance; returns the fallback edges of the callers this call closed.
   */
  async sweepIfDue(tenant: Tenant): Promise<EdgeObservation[]> {
    const now = this.options.now();
    const key = tenantKey(tenant);
    if (now.getTime() - (this.lastSweep.get(key) ?? -Infinity) < this.options.sweepIntervalMs) return [];
    this.lastSweep.set(key, now.getTime());
    return this.sweep(tenant, now);
  }

  async sweep(tenant: Tenant, now: Date): Promise<EdgeObservation[]> {
    const expired = await this.pending.expired(tenant, now, SWEEP_BATCH);
    const lonely = expired.flatMap((entry) => {
      const edge = entry.caller === null || entry.closed || entry.callees.size > 0 ? null : fallbackEdge(entry.caller);
      return edge === null ? [] : [{ id: entry.id, edge }];
    });
    const closed = await Promise.all(lonely.map(({ id }) => this.pending.close(id)));
    await this.pending.purge(
      tenant,
      expired.map((entry) => entry.id),
      now,
    );
    return lonely.filter((_, i) => closed[i]).map(({ edge }) => edge);
  }
}
