import type { Collection, Db, Document, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { updateEach, type UpdateStatement } from '../../db/write-commands.js';
import type { HistogramDocument } from './latency-histogram.js';
import type { EdgeRollupDocument, OperationRollupDocument, ServiceRollupDocument } from './rollup.document.js';
import type { RollupBatch, RollupIncrement } from './rollup-batch.js';
import type { NodeType } from './span-roles.js';
import type { BucketRange, Resolution } from './time-buckets.js';

export const SERVICE_ROLLUPS = 'service_rollups';
export const OPERATION_ROLLUPS = 'operation_rollups';
export const EDGE_ROLLUPS = 'edge_rollups';

/**
 * Reads are `find(tenant, resolution, [cluster | service], t range)`, one per
 * bucket range of the window plan: the equality prefix then the bucket start,
 * so a query walks exactly the buckets of its window.
 */
export function serviceRollupsCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: SERVICE_ROLLUPS,
    indexes: [
      { name: 'window', key: { org: 1, env: 1, res: 1, t: 1 }, serves: 'service stats of a window, all clusters' },
      { name: 'cluster_window', key: { org: 1, env: 1, res: 1, cluster: 1, t: 1 }, serves: 'service stats of a window in one cluster' },
      { name: 'service_window', key: { org: 1, env: 1, res: 1, svc: 1, t: 1 }, serves: 'stats and series of given services' },
      { name: 'retention_ttl', key: { t: 1 }, expireAfterSeconds: retentionSeconds, serves: 'retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

export function operationRollupsCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: OPERATION_ROLLUPS,
    indexes: [
      { name: 'service_window', key: { org: 1, env: 1, res: 1, svc: 1, t: 1 }, serves: 'top operations of given services' },
      { name: 'retention_ttl', key: { t: 1 }, expireAfterSeconds: retentionSeconds, serves: 'retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

export function edgeRollupsCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: EDGE_ROLLUPS,
    indexes: [
      { name: 'window', key: { org: 1, env: 1, res: 1, t: 1 }, serves: 'topology of a window, all clusters' },
      { name: 'cluster_window', key: { org: 1, env: 1, res: 1, cluster: 1, t: 1 }, serves: 'topology of a window in one cluster' },
      { name: 'retention_ttl', key: { t: 1 }, expireAfterSeconds: retentionSeconds, serves: 'retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

/** Counters of one bucket, whatever it belongs to. */
export interface BucketCounts {
  readonly res: Resolution;
  readonly t: Date;
  readonly cluster: string | null;
  readonly requests: number;
  readonly errors: number;
  readonly histogram: HistogramDocument;
}

export interface ServiceBucket extends BucketCounts {
  readonly namespace: string | null;
  readonly service: string;
  readonly spans: number;
}

export interface OperationBucket extends BucketCounts {
  readonly namespace: string | null;
  readonly service: string;
  readonly operation: string;
}

export interface EdgeBucket extends BucketCounts {
  readonly source: string;
  readonly target: string;
  readonly targetType: NodeType;
}

/** Which service buckets to read: optionally one cluster, optionally only some service names. */
export interface ServiceBucketFilter {
  readonly cluster?: string | null;
  readonly services?: readonly string[];
}

function counts(doc: ServiceRollupDocument | OperationRollupDocument | EdgeRollupDocument): BucketCounts {
  return {
    res: doc.res,
    t: doc.t,
    cluster: doc.cluster,
    requests: Number(doc.req ?? 0),
    errors: Number(doc.err ?? 0),
    histogram: doc.h ?? {},
  };
}

function upserts(increments: Map<string, RollupIncrement>): UpdateStatement[] {
  return [...increments].map(([_id, { identity, inc }]) => ({ q: { _id }, u: { $setOnInsert: identity, $inc: inc }, upsert: true }));
}

export class RollupsRepository {
  private readonly services: Collection<ServiceRollupDocument>;
  private readonly operations: Collection<OperationRollupDocument>;
  private readonly edges: Collection<EdgeRollupDocument>;

  constructor(private readonly db: Db) {
    this.services = db.collection<ServiceRollupDocument>(SERVICE_ROLLUPS);
    this.operations = db.collection<OperationRollupDocument>(OPERATION_ROLLUPS);
    this.edges = db.collection<EdgeRollupDocument>(EDGE_ROLLUPS);
  }

  /**
   * Applies the service and operation counters of a batch: one unordered
   * bulk of `$inc` upserts per collection. `$inc` commutes, so concurrent
   * batches on any instance, in any order, sum to the same documents. The
   * tenant is inside every document id.
   */
  async applyServices(batch: RollupBatch): Promise<void> {
    await Promise.all([
      updateEach(this.db, SERVICE_ROLLUPS, upserts(batch.services)),
      updateEach(this.db, OPERATION_ROLLUPS, upserts(batch.operations)),
    ]);
  }

  /** Applies the edge counters of a batch, as applyServices does: one bulk of upserts. */
  async applyEdges(batch: RollupBatch): Promise<void> {
    await updateEach(this.db, EDGE_ROLLUPS, upserts(batch.edges));
  }

  async serviceBuckets(tenant: Tenant, ranges: readonly BucketRange[], filter: ServiceBucketFilter): Promise<ServiceBucket[]> {
    const docs = await this.read(this.services, tenant, ranges, filter);
    return docs.map((doc) => ({ ...counts(doc), namespace: doc.ns, service: doc.svc, spans: Number(doc.spans ?? 0) }));
  }

  async operationBuckets(
    tenant: Tenant,
    ranges: readonly BucketRange[],
    filter: ServiceBucketFilter & { services: readonly string[] },
  ): Promise<OperationBucket[]> {
    const docs = await this.read(this.operations, tenant, ranges, filter);
    return docs.map((doc) => ({ ...counts(doc), namespace: doc.ns, service: doc.svc, operation: doc.op }));
  }

  async edgeBuckets(tenant: Tenant, ranges: readonly BucketRange[], filter: { readonly cluster?: string | null }): Promise<EdgeBucket[]> {
    const docs = await this.read(this.edges, tenant, ranges, filter);
    return docs.map((doc) => ({ ...counts(doc), source: doc.src, target: doc.dst, targetType: doc.dt }));
  }

  /**
   * The buckets of one edge (source service → target node, every cluster),
   * for alert rules on an edge: the `window` index range, with source and
   * target as residual filters, so only that edge's documents leave the store.
   */
  async edgeBucketsOf(
    tenant: Tenant,
    ranges: readonly BucketRange[],
    edge: { readonly source: string; readonly target: string },
  ): Promise<EdgeBucket[]> {
    const parts = await Promise.all(
      ranges.map((range) =>
        this.edges
          .find({
            org: tenant.org,
            env: tenant.env,
            res: range.res,
            src: edge.source,
            dst: edge.target,
            t: { $gte: range.from, $lt: range.to },
          })
          .toArray(),
      ),
    );
    return parts.flat().map((doc) => ({ ...counts(doc), source: doc.src, target: doc.dst, targetType: doc.dt }));
  }

  /** One indexed range read per bucket range, in parallel. */
  private async read<T extends ServiceRollupDocument | OperationRollupDocument | EdgeRollupDocument>(
    collection: Collection<T>,
    tenant: Tenant,
    ranges: readonly BucketRange[],
    filter: ServiceBucketFilter,
  ): Promise<T[]> {
    const parts = await Promise.all(
      ranges.map((range) => {
        const query: Document = { org: tenant.org, env: tenant.env, res: range.res };
        if (filter.services !== undefined) query.svc = { $in: [...filter.services] };
        if (filter.cluster !== undefined) query.cluster = filter.cluster;
        query.t = { $gte: range.from, $lt: range.to };
        return collection.find(query as Filter<T>).toArray() as Promise<T[]>;
      }),
    );
    return parts.flat();
  }
}
