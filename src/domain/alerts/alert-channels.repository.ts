import type { Collection, Db } from 'mongodb';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { ChannelConfig, ChannelSettings } from './alert-channel.js';
import type { ChannelKind } from './alert-rule.js';

export const ALERT_CHANNELS_COLLECTION = 'alert_channels';

/** At most one configuration per (tenant, kind): the document id is that tuple. */
export const alertChannelsCollection: CollectionSpec = {
  name: ALERT_CHANNELS_COLLECTION,
  indexes: [{ name: 'by_kind', key: { org: 1, env: 1, kind: 1 }, unique: true, serves: 'the channels of a tenant' }],
};

interface ChannelDocument {
  _id: string;
  org: string;
  env: Tenant['env'];
  kind: ChannelKind;
  config: ChannelConfig;
  updatedAt: Date;
}

/** JSON of the identity tuple: unambiguous whatever characters an organization name holds. */
function channelId(tenant: Tenant, kind: ChannelKind): string {
  return JSON.stringify([tenant.org, tenant.env, kind]);
}

const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);

function toSettings(doc: ChannelDocument): ChannelSettings {
  const config = doc.config.kind === 'email' ? { ...doc.config, port: num(doc.config.port) } : doc.config;
  return { config, updatedAt: doc.updatedAt };
}

export class AlertChannelsRepository {
  private readonly channels: Collection<ChannelDocument>;

  constructor(db: Db) {
    this.channels = db.collection<ChannelDocument>(ALERT_CHANNELS_COLLECTION);
  }

  /** Creates or replaces the tenant's configuration of `config.kind`. */
  async put<C extends ChannelConfig>(tenant: Tenant, config: C, at: Date): Promise<ChannelSettings<C>> {
    await this.channels.updateOne(
      { _id: channelId(tenant, config.kind) },
      { $set: { config, updatedAt: at }, $setOnInsert: { org: tenant.org, env: tenant.env, kind: config.kind } },
      { upsert: true },
    );
    return { config, updatedAt: at };
  }

  async find(tenant: Tenant, kind: ChannelKind): Promise<ChannelSettings | null> {
    const doc = await this.channels.findOne({ _id: channelId(tenant, kind) });
    return doc === null ? null : toSettings(doc);
  }

  async list(tenant: Tenant): Promise<ChannelSettings[]> {
    const docs = await this.channels.find({ org: tenant.org, env: tenant.env }).sort({ kind: 1 }).toArray();
    return docs.map(toSettings);
  }

  async delete(tenant: Tenant, kind: ChannelKind): Promise<boolean> {
    const result = await this.channels.deleteOne({ _id: channelId(tenant, kind) });
    return result.deletedCount === 1;
  }
}
