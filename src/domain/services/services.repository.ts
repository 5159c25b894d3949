import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { Span } from '../traces/span.js';

export const SERVICES_COLLECTION = 'services';

/**
 * One document per discovered service deployment: (service.namespace,
 * service.name, cluster) within a tenant. Every listing sorts by
 * (svc, ns, cluster), so each query is an index walk after its equality prefix.
 */
export function servicesCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: SERVICES_COLLECTION,
    indexes: [
      { name: 'by_name', key: { org: 1, env: 1, svc: 1, ns: 1, cluster: 1 }, serves: 'list all services; one service by name' },
      { name: 'cluster_by_name', key: { org: 1, env: 1, cluster: 1, svc: 1, ns: 1 }, serves: 'list the services of one cluster' },
      {
        name: 'retention_ttl',
        key: { lastSeen: 1 },
        expireAfterSeconds: retentionSeconds,
        serves: 'forget services silent for the retention period',
      },
    ],
  };
}

export interface ServiceDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly svc: string;
  readonly ns: string | null;
  readonly cluster: string | null;
  /** Start of the earliest span seen (any span, however late it arrived). */
  readonly firstSeen: Date;
  /** Start of the latest span seen; the TTL key. */
  readonly lastSeen: Date;
}

/** A service deployment as the domain sees it. */
export interface ServiceRecord {
  readonly name: string;
  readonly namespace: string | null;
  readonly cluster: string | null;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
}

export interface ServiceListFilter {
  readonly cluster?: string | null;
  readonly name?: string;
}

const SORT = { svc: 1, ns: 1, cluster: 1 } as const;

function toRecord(doc: ServiceDocument): ServiceRecord {
  return { name: doc.svc, namespace: doc.ns, cluster: doc.cluster, firstSeen: doc.firstSeen, lastSeen: doc.lastSeen };
}

export class ServicesRepository {
  private readonly services: Collection<ServiceDocument>;

  constructor(db: Db) {
    this.services = db.collection<ServiceDocument>(SERVICES_COLLECTION);
  }

  /**
   * Records the deployments seen in a batch. Only `$min`/`$max`, so it is
   * applied to every span of a batch, new or re-sent, without double effect.
   */
  async discover(tenant: Tenant, spans: readonly Span[]): Promise<void> {
    const seen = new Map<string, { identity: Omit<ServiceDocument, '_id' | 'firstSeen' | 'lastSeen'>; first: number; last: number }>();
    for (const span of spans) {
      const identity = { org: tenant.org, env: tenant.env, svc: span.serviceName, ns: span.serviceNamespace, cluster: span.cluster };
      const id = JSON.stringify(Object.values(identity));
      const startMs = Number(span.startTimeUnixNano / 1_000_000n);
      const entry = seen.get(id);
      if (entry === undefined) seen.set(id, { identity, first: startMs, last: startMs });
      else {
        entry.first = Math.min(entry.first, startMs);
        entry.last = Math.max(entry.last, startMs);
      }
    }
    if (seen.size === 0) return;
    const ops: AnyBulkWriteOperation<ServiceDocument>[] = [...seen].map(([_id, { identity, first, last }]) => ({
      updateOne: {
        filter: { _id },
        update: { $setOnInsert: identity, $min: { firstSeen: new Date(first) }, $max: { lastSeen: new Date(last) } },
        upsert: true,
      },
    }));
    await this.services.bulkWrite(ops, { ordered: false });
  }

  async list(tenant: Tenant, filter: ServiceListFilter, limit: number): Promise<ServiceRecord[]> {
    const docs = await this.services.find(this.filter(tenant, filter)).sort(SORT).limit(limit).toArray();
    return docs.map(toRecord);
  }

  async count(tenant: Tenant, filter: ServiceListFilter): Promise<number> {
    return this.services.countDocuments(this.filter(tenant, filter));
  }

  private filter(tenant: Tenant, filter: ServiceListFilter): Filter<ServiceDocument> {
    return {
      org: tenant.org,
      env: tenant.env,
      ...(filter.cluster === undefined ? {} : { cluster: filter.cluster }),
      ...(filter.name === undefined ? {} : { svc: filter.name }),
    };
  }
}
