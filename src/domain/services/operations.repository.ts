import type { Collection, Db, Filter } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import { updateEach } from '../../db/write-commands.js';
import type { SpanKind } from '../../otlp/otlp.types.js';
import type { Span } from '../traces/span.js';
import { discoveryWrites, lengthPrefixed } from './discovery.js';

export const OPERATIONS_COLLECTION = 'service_operations';

/**
 * One document per operation of a service deployment: every span name a
 * (service.name, service.namespace, cluster) emitted, with its span kind —
 * what Jaeger's operation lists show (`/api/services/{s}/operations`,
 * `/api/operations?spanKind=`). Rollups keep only entry operations, so this
 * catalog is kept beside them at ingest, like the services catalog.
 */
export function operationsCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: OPERATIONS_COLLECTION,
    indexes: [
      {
        name: 'by_service_kind',
        key: { org: 1, env: 1, svc: 1, kind: 1, name: 1 },
        serves: 'operations of services, optionally of one span kind',
      },
      {
        name: 'retention_ttl',
        key: { lastSeen: 1 },
        expireAfterSeconds: retentionSeconds,
        serves: 'forget operations silent for the retention period',
      },
    ],
  };
}

export interface OperationDocument {
  readonly _id: string;
  readonly org: string;
  readonly env: Tenant['env'];
  readonly svc: string;
  readonly ns: string | null;
  readonly cluster: string | null;
  /** OTLP SpanKind number. */
  readonly kind: number;
  readonly name: string;
  readonly firstSeen: Date;
  /** Start of the latest span seen; the TTL key. */
  readonly lastSeen: Date;
}

/** An operation of one service deployment, as the domain sees it. */
export interface OperationRecord {
  readonly service: string;
  readonly namespace: string | null;
  readonly cluster: string | null;
  readonly kind: SpanKind;
  readonly name: string;
}

export interface OperationListQuery {
  readonly services: readonly string[];
  readonly kind?: SpanKind;
  readonly limit: number;
}

export class OperationsRepository {
  private readonly operations: Collection<OperationDocument>;

  constructor(private readonly db: Db) {
    this.operations = db.collection<OperationDocument>(OPERATIONS_COLLECTION);
  }

  /** Records the operations seen in a batch (discoveryWrites: a re-sent batch changes nothing). */
  async discover(tenant: Tenant, spans: readonly Span[]): Promise<void> {
    const writes = discoveryWrites<OperationDocument>(
      spans,
      (span) =>
        `${span.kind}:${lengthPrefixed(span.serviceNamespace)}${lengthPrefixed(span.cluster)}${lengthPrefixed(span.serviceName)}${span.name}`,
      (span) => ({
        org: tenant.org,
        env: tenant.env,
        svc: span.serviceName,
        ns: span.serviceNamespace,
        cluster: span.cluster,
        kind: span.kind,
        name: span.name,
      }),
    );
    await updateEach(this.db, OPERATIONS_COLLECTION, writes);
  }

  /** The operations of the given services (every deployment), in no particular order; at most `limit`. */
  async list(tenant: Tenant, query: OperationListQuery): Promise<OperationRecord[]> {
    const filter: Filter<OperationDocument> = {
      org: tenant.org,
      env: tenant.env,
      svc: { $in: [...query.services] },
      ...(query.kind === undefined ? {} : { kind: query.kind }),
    };
    const docs = await this.operations.find(filter).limit(query.limit).toArray();
    return docs.map((doc) => ({ service: doc.svc, namespace: doc.ns, cluster: doc.cluster, kind: doc.kind as SpanKind, name: doc.name }));
  }
}
