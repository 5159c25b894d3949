import type { Span } from '../traces/span.js';
import { bucketKey } from './latency-histogram.js';
import { durationNs, isEntrySpan, isError, type Leaf, type NodeType } from './span-roles.js';
import { floorTo, RESOLUTION_MS, type Resolution } from './time-buckets.js';

const RESOLUTIONS: readonly Resolution[] = ['m', 'h'];

/** One call from a service to a node, as counted on the edge between them. */
export interface EdgeObservation {
  /** Cluster of the caller. */
  readonly cluster: string | null;
  readonly source: string;
  readonly target: string;
  readonly targetType: NodeType;
  /** Start of the caller's span: the bucket the call is counted in. */
  readonly startMs: number;
  readonly durationNs: number;
  readonly error: boolean;
}

/** The increments for one rollup document: its identity fields (set on insert) and `$inc` counters. */
export interface RollupIncrement {
  readonly identity: Readonly<Record<string, string | Date | null>>;
  readonly inc: Record<string, number>;
}

/**
 * The rollup increments of one ingest batch, summed in memory per document so
 * that a batch issues one upsert per (bucket, key) instead of one per span.
 * Document ids are the JSON of the identity tuple: unambiguous for any service
 * or operation name, and equal on every instance.
 */
export class RollupBatch {
  readonly services = new Map<string, RollupIncrement>();
  readonly operations = new Map<string, RollupIncrement>();
  readonly edges = new Map<string, RollupIncrement>();

  constructor(private readonly tenant: { readonly org: string; readonly env: string }) {}

  /** Counts a span in its service's rollups: every span in `spans`; entry spans also as requests of the service and its operation. */
  addSpan(span: Span): void {
    const startMs = Number(span.startTimeUnixNano / 1_000_000n);
    const entry = isEntrySpan(span);
    const error = isError(span);
    const latency = durationNs(span);
    for (const res of RESOLUTIONS) {
      const t = new Date(floorTo(startMs, RESOLUTION_MS[res]));
      const service = { res, t, cluster: span.cluster, ns: span.serviceNamespace, svc: span.serviceName };
      const counters = this.increment(this.services, service);
      add(counters.inc, 'spans', 1);
      if (!entry) continue;
      count(counters.inc, error, latency);
      count(this.increment(this.operations, { ...service, op: span.name }).inc, error, latency);
    }
  }

  addEdge(edge: EdgeObservation): void {
    for (const res of RESOLUTIONS) {
      const t = new Date(floorTo(edge.startMs, RESOLUTION_MS[res]));
      const identity = { res, t, cluster: edge.cluster, src: edge.source, dst: edge.target, dt: edge.targetType };
      count(this.increment(this.edges, identity).inc, edge.error, edge.durationNs);
    }
  }

  addLeafCall(span: Span, leaf: Leaf): void {
    this.addEdge({
      cluster: span.cluster,
      source: span.serviceName,
      target: leaf.id,
      targetType: leaf.type,
      startMs: Number(span.startTimeUnixNano / 1_000_000n),
      durationNs: durationNs(span),
      error: isError(span),
    });
  }

  private increment(map: Map<string, RollupIncrement>, fields: Record<string, string | Date | null>): RollupIncrement {
    const identity = { org: this.tenant.org, env: this.tenant.env, ...fields };
    const id = rollupId(identity);
    let entry = map.get(id);
    if (entry === undefined) {
      entry = { identity, inc: {} };
      map.set(id, entry);
    }
    return entry;
  }
}

export function rollupId(identity: Readonly<Record<string, string | Date | null>>): string {
  return JSON.stringify(Object.values(identity).map((v) => (v instanceof Date ? v.getTime() : v)));
}

function add(inc: Record<string, number>, field: string, n: number): void {
  inc[field] = (inc[field] ?? 0) + n;
}

function count(inc: Record<string, number>, error: boolean, latencyNs: number): void {
  add(inc, 'req', 1);
  add(inc, 'err', error ? 1 : 0);
  add(inc, `h.${bucketKey(latencyNs)}`, 1);
}
