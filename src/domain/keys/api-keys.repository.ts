import type { Collection, Db } from 'mongodb';
import type { CollectionSpec } from '../../db/collections.js';
import type { Permission } from '../../auth/principal.js';
import type { Tenant } from '../../auth/tenant.js';

export interface ApiKeyRecord {
  readonly id: string;
  readonly tenant: Tenant;
  readonly name: string;
  readonly prefix: string;
  readonly permissions: readonly Permission[];
  readonly rateLimit: number | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

interface ApiKeyDocument {
  _id: string;
  org: string;
  env: Tenant['env'];
  name: string;
  /** SHA-256 of the key; the plaintext is never stored. */
  hash: string;
  prefix: string;
  permissions: Permission[];
  rateLimit: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const apiKeysCollection: CollectionSpec = {
  name: 'api_keys',
  indexes: [
    { name: 'hash_unique', key: { hash: 1 }, unique: true, serves: 'findActiveByHash: authentication on every request' },
    { name: 'org_env_created', key: { org: 1, env: 1, createdAt: -1 }, serves: 'list: keys of a tenant, newest first' },
  ],
};

function toRecord(doc: ApiKeyDocument): ApiKeyRecord {
  return {
    id: doc._id,
    tenant: { org: doc.org, env: doc.env },
    name: doc.name,
    prefix: doc.prefix,
    permissions: doc.permissions,
    rateLimit: doc.rateLimit,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt,
    revokedAt: doc.revokedAt,
  };
}

export class ApiKeysRepository {
  private readonly keys: Collection<ApiKeyDocument>;

  constructor(db: Db) {
    this.keys = db.collection<ApiKeyDocument>(apiKeysCollection.name);
  }

  /** Unrevoked key by hash. Not tenant-scoped by necessity: the key is what tells the tenant. */
  async findActiveByHash(hash: string): Promise<ApiKeyRecord | null> {
    const doc = await this.keys.findOne({ hash, revokedAt: null });
    return doc ? toRecord(doc) : null;
  }

  async insert(record: ApiKeyRecord, hash: string): Promise<void> {
    await this.keys.insertOne({
      _id: record.id,
      org: record.tenant.org,
      env: record.tenant.env,
      name: record.name,
      hash,
      prefix: record.prefix,
      permissions: [...record.permissions],
      rateLimit: record.rateLimit,
      createdAt: record.createdAt,
      lastUsedAt: record.lastUsedAt,
      revokedAt: record.revokedAt,
    });
  }

  /** Inserts the key unless one with the same hash exists; returns whether it was new. */
  async insertIfAbsent(record: ApiKeyRecord, hash: string): Promise<boolean> {
    const result = await this.keys.updateOne(
      { hash },
      {
        $setOnInsert: {
          _id: record.id,
          org: record.tenant.org,
          env: record.tenant.env,
          name: record.name,
          prefix: record.prefix,
          permissions: [...record.permissions],
          rateLimit: record.rateLimit,
          createdAt: record.createdAt,
          lastUsedAt: null,
          revokedAt: null,
        },
      },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  async list(org: string): Promise<ApiKeyRecord[]> {
    const docs = await this.keys.find({ org }).sort({ createdAt: -1 }).toArray();
    return docs.map(toRecord);
  }

  async listForTenant(tenant: Tenant): Promise<ApiKeyRecord[]> {
    const docs = await this.keys.find({ org: tenant.org, env: tenant.env }).sort({ createdAt: -1 }).toArray();
    return docs.map(toRecord);
  }

  /**
   * Revokes a key of the given org (and partition, when given); null when it
   * does not exist there. Idempotent: revoking again keeps the first revocation time.
   */
  async revoke(org: string, id: string, at: Date, env?: Tenant['env']): Promise<ApiKeyRecord | null> {
    const scope = { _id: id, org, ...(env !== undefined ? { env } : {}) };
    const revoked = await this.keys.findOneAndUpdate(
      { ...scope, revokedAt: null },
      { $set: { revokedAt: at } },
      { returnDocument: 'after' },
    );
    if (revoked) return toRecord(revoked);
    const existing = await this.keys.findOne(scope);
    return existing ? toRecord(existing) : null;
  }

  /**
   * The operator's revocation (the apikey CLI): by id alone, not tenant-scoped
   * by necessity — key ids are unique across organizations, and the operator
   * holds the store. Null when no key has that id. Idempotent like `revoke`.
   */
  async revokeById(id: string, at: Date): Promise<ApiKeyRecord | null> {
    const revoked = await this.keys.findOneAndUpdate(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: at } },
      { returnDocument: 'after' },
    );
    if (revoked) return toRecord(revoked);
    const existing = await this.keys.findOne({ _id: id });
    return existing ? toRecord(existing) : null;
  }

  /** Which of the given key ids are still unrevoked: one query for every open WebSocket's key. */
  async findActiveIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.keys.find({ _id: { $in: [...ids] }, revokedAt: null }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => d._id));
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.updateOne({ _id: id }, { $max: { lastUsedAt: at } });
  }
}
