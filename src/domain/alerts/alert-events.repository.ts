import { MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import { isDuplicateKey } from '../../db/write-commands.js';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { TimeIdPosition } from '../paging.js';
import type { AlertEvent } from './alert-event.js';

export const ALERT_EVENTS_COLLECTION = 'alert_events';

/** The alert history: one document per announced transition, kept for MESH_RETENTION_HOURS. */
export function alertEventsCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: ALERT_EVENTS_COLLECTION,
    indexes: [
      { name: 'recent', key: { org: 1, env: 1, at: -1, _id: -1 }, serves: 'events of a tenant, newest first' },
      { name: 'rule_recent', key: { org: 1, env: 1, ruleId: 1, at: -1, _id: -1 }, serves: 'events of one rule, newest first' },
      { name: 'retention_ttl', key: { at: 1 }, expireAfterSeconds: retentionSeconds, serves: 'history retention (MESH_RETENTION_HOURS)' },
    ],
  };
}

interface EventDocument extends Omit<AlertEvent, 'id'> {
  _id: string;
  org: string;
  env: Tenant['env'];
}

const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);

function toEvent(doc: EventDocument): AlertEvent {
  const { _id, org: _org, env: _env, ...rest } = doc;
  return {
    ...rest,
    id: _id,
    value: rest.value === null ? null : num(rest.value),
    condition: {
      ...rest.condition,
      threshold: num(rest.condition.threshold),
      windowS: num(rest.condition.windowS),
      forS: rest.condition.forS === null ? null : num(rest.condition.forS),
    },
  };
}

export interface EventListFilter {
  readonly ruleId?: string;
}

export class AlertEventsRepository {
  private readonly events: Collection<EventDocument>;

  constructor(db: Db) {
    this.events = db.collection<EventDocument>(ALERT_EVENTS_COLLECTION);
  }

  /** Stores an event; false when it is already stored (an outbox flushed twice), so it is announced once. */
  async insert(tenant: Tenant, event: AlertEvent): Promise<boolean> {
    const { id, ...rest } = event;
    try {
      await this.events.insertOne({ ...rest, channels: [...rest.channels], _id: id, org: tenant.org, env: tenant.env });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** By id within the tenant; the delivery worker reads the event it delivers. */
  async find(tenant: Tenant, id: string): Promise<AlertEvent | null> {
    const doc = await this.events.findOne({ _id: id, org: tenant.org, env: tenant.env });
    return doc === null ? null : toEvent(doc);
  }

  /** A page newest first, strictly after `after`. */
  async list(tenant: Tenant, filter: EventListFilter, after: TimeIdPosition | null, limit: number): Promise<AlertEvent[]> {
    const query: Filter<EventDocument> = {
      org: tenant.org,
      env: tenant.env,
      ...(filter.ruleId !== undefined ? { ruleId: filter.ruleId } : {}),
    };
    if (after !== null) {
      const at = new Date(after.atMs);
      query.$or = [{ at: { $lt: at } }, { at, _id: { $lt: after.id } }];
    }
    const docs = await this.events.find(query).sort({ at: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(toEvent);
  }

  count(tenant: Tenant, filter: EventListFilter): Promise<number> {
    return this.events.countDocuments({
      org: tenant.org,
      env: tenant.env,
      ...(filter.ruleId !== undefined ? { ruleId: filter.ruleId } : {}),
    });
  }
}
