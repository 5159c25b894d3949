import type { Collection, Db } from 'mongodb';
import type { CollectionSpec } from '../../db/collections.js';

export interface Organization {
  readonly id: string;
  readonly createdAt: Date;
}

interface OrganizationDocument {
  _id: string;
  createdAt: Date;
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
    return { id, createdAt: doc?.createdAt ?? at };
  }
}
