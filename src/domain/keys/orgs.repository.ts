import type { Collection, Db } from 'mongodb';
import type { CollectionSpec } from '../../db/collections.js';

export interface Organization {
  readonly id: string;
  readonly createdAt: Date;
  /** CIDR blocks its keys may be used from, canonical; empty: no restriction. */
  readonly ipAllowList: readonly string[];
}

interface OrganizationDocument {
  _id: string;
  createdAt: Date;
  ipAllowList?: string[];
  ipAllowListUpdatedAt?: Date;
}

export const orgsCollection: CollectionSpec = { name: 'orgs', indexes: [] };

export class OrgsRepository {
  private readonly orgs: Collection<OrganizationDocument>;

  constructor(db: Db) {
    this.orgs = db.collection<OrganizationDocument>(orgsCollection.name);
  }

  /** Creates the organization if it does not exist; concurrent callers converge on one document. */
  async ensure(id: string, at: Date): Promise<Organization> {
    await this.orgs.updateOne({ _id: id }, { $setOnInsert: { createdAt: at } }, { upsert: true });
    const doc = await this.orgs.findOne({ _id: id });
    return { id, createdAt: doc?.createdAt ?? at, ipAllowList: doc?.ipAllowList ?? [] };
  }

  async find(id: string): Promise<Organization | null> {
    const doc = await this.orgs.findOne({ _id: id });
    return doc === null ? null : { id, createdAt: doc.createdAt, ipAllowList: doc.ipAllowList ?? [] };
  }

  /** The allow-list of each of these organizations (one query); an organization without a document has none. */
  async allowLists(ids: readonly string[]): Promise<Map<string, readonly string[]>> {
    const docs = await this.orgs.find({ _id: { $in: [...ids] } }, { projection: { ipAllowList: 1 } }).toArray();
    const lists = new Map<string, readonly string[]>(ids.map((id) => [id, []]));
    for (const doc of docs) lists.set(doc._id, doc.ipAllowList ?? []);
    return lists;
  }

  /** Replaces the allow-list, creating the organization if needed. */
  async setAllowList(id: string, cidrs: readonly string[], at: Date): Promise<Organization> {
    await this.orgs.updateOne(
      { _id: id },
      { $set: { ipAllowList: [...cidrs], ipAllowListUpdatedAt: at }, $setOnInsert: { createdAt: at } },
      { upsert: true },
    );
    return (await this.find(id)) ?? { id, createdAt: at, ipAllowList: [...cidrs] };
  }
}
