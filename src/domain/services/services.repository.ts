import type { Collection, Db, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { updateEach } from '../../db/write-commands.js';
import type { Span } from '../traces/span.js';
import { discoveryWrites, lengthPrefixed } from './discovery.js';

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

  constructor(private readonly db: Db) {
    this.services = db.collection<ServiceDocument>(SERVICES_COLLECTION);
  }

  /** Records the deployments seen in a batch (discoveryWrites: a re-sent batch changes nothing). */
  async discover(tenant: Tenant, spans: readonly Span[]): Promise<void> {
    const writes = discoveryWrites<ServiceDocument>(
      spans,
      // One key per deployment whatever its names hold; the document id is built once per deployment.
      (span) => `${lengthPrefixed(span.serviceNamespace)}${lengthPrefixed(span.cluster)}${span.serviceName}`,
      (span) => ({ org: tenant.org, env: tenant.env, svc: span.serviceName, ns: span.serviceNamespace, cluster: span.cluster }),
    );
    await updateEach(this.db, SERVICES_COLLECTION, writes);
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
