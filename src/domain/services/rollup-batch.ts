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

type Identity = Readonly<Record<string, string | Date | null>>;

/**
 * The rollup increments of one ingest batch, summed in memory per document so
 * that a batch issues one upsert per (bucket, key) instead of one per span.
 * Document ids are the JSON of the identity tuple (its values in order, the
 * bucket start in epoch ms): unambiguous for any service or operation name,
 * and equal on every instance.
 *
 * The ids are built by concatenating JSON pieces that are each encoded once
 * per batch (the tenant, a service deployment, a name), which is what keeps
 * counting a span to a few map lookups: the JSON of `[a, b, c]` is the JSON
 * of `a`, `b` and `c` joined by commas inside brackets.
 */
export class RollupBatch {
  readonly services = new Map<string, RollupIncrement>();
  readonly operations = new Map<string, RollupIncrement>();
  readonly edges = new Map<string, RollupIncrement>();
  /** `["org","env"` */
  private readonly tenantJson: string;
  /** `,cluster,ns,svc` by service deployment; spans of one resource share the same keys. */
  private readonly deploymentJson = new Map<string, string>();
  private readonly textJson = new Map<string, string>();

  constructor(private readonly tenant: { readonly org: string; readonly env: string }) {
    this.tenantJson = `[${JSON.stringify(tenant.org)},${JSON.stringify(tenant.env)}`;
  }

  /** Counts a span in its service's rollups: every span in `spans`; entry spans also as requests of the service and its operation. */
  addSpan(span: Span): void {
    const startMs = Number(span.startTimeUnixNano / 1_000_000n);
    const entry = isEntrySpan(span);
    const error = isError(span);
    const latency = entry ? durationNs(span) : 0;
    const histogramKey = entry ? `h.${bucketKey(latency)}` : '';
    const deployment = this.deployment(span.cluster, span.serviceNamespace, span.serviceName);
    for (const res of RESOLUTIONS) {
      const t = floorTo(startMs, RESOLUTION_MS[res]);
      const prefix = `${this.tenantJson},"${res}",${t}${deployment}`;
      const service = this.increment(this.services, `${prefix}]`, () => ({
        ...this.bucket(res, t, span.cluster),
        ns: span.serviceNamespace,
        svc: span.serviceName,
      })).inc;
      add(service, 'spans', 1);
      if (!entry) continue;
      count(service, error, histogramKey);
      const operation = this.increment(this.operations, `${prefix},${this.json(span.name)}]`, () => ({
        ...this.bucket(res, t, span.cluster),
        ns: span.serviceNamespace,
        svc: span.serviceName,
        op: span.name,
      })).inc;
      count(operation, error, histogramKey);
    }
  }

  addEdge(edge: EdgeObservation): void {
    const histogramKey = `h.${bucketKey(edge.durationNs)}`;
    const tail = `,${this.json(edge.cluster)},${this.json(edge.source)},${this.json(edge.target)},"${edge.targetType}"]`;
    for (const res of RESOLUTIONS) {
      const t = floorTo(edge.startMs, RESOLUTION_MS[res]);
      const inc = this.increment(this.edges, `${this.tenantJson},"${res}",${t}${tail}`, () => ({
        ...this.bucket(res, t, edge.cluster),
        src: edge.source,
        dst: edge.target,
        dt: edge.targetType,
      })).inc;
      count(inc, edge.error, histogramKey);
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

  private bucket(res: Resolution, t: number, cluster: string | null): Record<string, string | Date | null> {
    return { org: this.tenant.org, env: this.tenant.env, res, t: new Date(t), cluster };
  }

  private deployment(cluster: string | null, ns: string | null, svc: string): string {
    // Length-prefixed, so that no two deployments share a key whatever their names hold.
    const key = `${cluster === null ? -1 : cluster.length}:${cluster ?? ''}${ns === null ? -1 : ns.length}:${ns ?? ''}${svc}`;
    let json = this.deploymentJson.get(key);
    if (json === undefined)
      this.deploymentJson.set(key, (json = `,${JSON.stringify(cluster)},${JSON.stringify(ns)},${JSON.stringify(svc)}`));
    return json;
  }

  private json(text: string | null): string {
    if (text === null) return 'null';
    let json = this.textJson.get(text);
    if (json === undefined) this.textJson.set(text, (json = JSON.stringify(text)));
    return json;
  }

  private increment(map: Map<string, RollupIncrement>, id: string, identity: () => Identity): RollupIncrement {
    let entry = map.get(id);
    if (entry === undefined) {
      entry = { identity: identity(), inc: {} };
      map.set(id, entry);
    }
    return entry;
  }
}

function add(inc: Record<string, number>, field: string, n: number): void {
  inc[field] = (inc[field] ?? 0) + n;
}

function count(inc: Record<string, number>, error: boolean, histogramKey: string): void {
  add(inc, 'req', 1);
  // No `err: 0`: each field of an upsert costs the store, and a bucket without errors reads as 0 (RollupsRepository).
  if (error) add(inc, 'err', 1);
  add(inc, histogramKey, 1);
}
