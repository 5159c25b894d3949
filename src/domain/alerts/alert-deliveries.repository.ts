import { MongoBulkWriteError, MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import { isDuplicateKey } from '../../db/write-commands.js';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { AlertEvent, Delivery, DeliveryAttempt, DeliveryStatus } from './alert-event.js';
import type { ChannelKind } from './alert-rule.js';

export const ALERT_DELIVERIES_COLLECTION = 'alert_deliveries';

/**
 * The delivery queue, persisted so that a restart loses no pending
 * notification: one document per (event, channel), id `<event id>:<channel>`
 * so that queueing an event twice queues it once. `due` is when the next
 * attempt may start; an instance claims a due delivery by moving `due` past
 * its own send timeout (a conditional write on the `due` it saw), so each
 * attempt is made by one instance, and a claim whose instance died becomes
 * due again by itself.
 */
export function alertDeliveriesCollection(retentionSeconds: number): CollectionSpec {
  return {
    name: ALERT_DELIVERIES_COLLECTION,
    indexes: [
      { name: 'due', key: { status: 1, due: 1 }, serves: 'delivery workers across tenants: pending deliveries whose next attempt is due' },
      { name: 'by_event', key: { org: 1, env: 1, eventId: 1 }, serves: 'deliveries of a page of events (AlertEvent.deliveries)' },
      {
        name: 'retention_ttl',
        key: { createdAt: 1 },
        expireAfterSeconds: retentionSeconds,
        serves: 'history retention (MESH_RETENTION_HOURS)',
      },
    ],
  };
}

interface StoredAttempt {
  n: number | bigint;
  ok: boolean;
  error: string | null;
  at: Date;
}

interface DeliveryDocument {
  _id: string;
  org: string;
  env: Tenant['env'];
  eventId: string;
  ruleId: string;
  channel: ChannelKind;
  status: DeliveryStatus;
  attempts: StoredAttempt[];
  /** Next attempt (or end of the current claim); null once delivered or given up. */
  due: Date | null;
  owner: string | null;
  createdAt: Date;
}

/** A delivery as claimed for one attempt. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly tenant: Tenant;
  readonly eventId: string;
  readonly channel: ChannelKind;
  /** Attempts made before this one. */
  readonly attemptsMade: number;
  readonly claimedUntil: Date;
}

export interface AttemptOutcome {
  readonly attempt: DeliveryAttempt;
  readonly status: DeliveryStatus;
  /** When to try again; null with a final status. */
  readonly nextAttemptAt: Date | null;
}

const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);

export function deliveryId(eventId: string, channel: ChannelKind): string {
  return `${eventId}:${channel}`;
}

function toDelivery(doc: DeliveryDocument): Delivery {
  return {
    id: doc._id,
    eventId: doc.eventId,
    channel: doc.channel,
    status: doc.status,
    attempts: doc.attempts.map((a) => ({ channel: doc.channel, attempt: num(a.n), ok: a.ok, error: a.error, at: a.at })),
    nextAttemptAt: doc.status === 'pending' ? doc.due : null,
  };
}

function onlyDuplicates(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return errors.length > 0 && errors.every(isDuplicateKey);
  }
  return error instanceof MongoServerError && isDuplicateKey(error);
}

export class AlertDeliveriesRepository {
  private readonly deliveries: Collection<DeliveryDocument>;

  constructor(db: Db) {
    this.deliveries = db.collection<DeliveryDocument>(ALERT_DELIVERIES_COLLECTION);
  }

  /** Queues the event for each of its channels, due at once; idempotent. */
  async enqueue(tenant: Tenant, event: AlertEvent, at: Date): Promise<void> {
    if (event.channels.length === 0) return;
    const docs: DeliveryDocument[] = event.channels.map((channel) => ({
      _id: deliveryId(event.id, channel),
      org: tenant.org,
      env: tenant.env,
      eventId: event.id,
      ruleId: event.ruleId,
      channel,
      status: 'pending',
      attempts: [],
      due: at,
      owner: null,
      createdAt: at,
    }));
    try {
      await this.deliveries.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }

  /** The workers' scan across tenants: pending deliveries due by `now`, earliest first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const docs = await this.deliveries
      .find({ status: 'pending', due: { $lte: now } }, { projection: { _id: 1 } })
      .sort({ due: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => d._id);
  }

  /** Claims a due delivery for one attempt until `claimUntil`; null when another instance claimed it first. */
  async claim(id: string, owner: string, now: Date, claimUntil: Date): Promise<ClaimedDelivery | null> {
    const doc = await this.deliveries.findOneAndUpdate(
      { _id: id, status: 'pending', due: { $lte: now } },
      { $set: { due: claimUntil, owner } },
      { returnDocument: 'after' },
    );
    if (doc === null) return null;
    return {
      id: doc._id,
      tenant: { org: doc.org, env: doc.env },
      eventId: doc.eventId,
      channel: doc.channel,
      attemptsMade: doc.attempts.length,
      claimedUntil: claimUntil,
    };
  }

  /** Records an attempt made under a claim; false when the claim had lapsed and another instance owns the delivery now. */
  async record(claim: ClaimedDelivery, owner: string, outcome: AttemptOutcome): Promise<boolean> {
    const { attempt } = outcome;
    const result = await this.deliveries.updateOne({ _id: claim.id, owner, due: claim.claimedUntil } as Filter<DeliveryDocument>, {
      $push: { attempts: { n: attempt.attempt, ok: attempt.ok, error: attempt.error, at: attempt.at } },
      $set: { status: outcome.status, due: outcome.nextAttemptAt, owner: null },
    });
    return result.matchedCount === 1;
  }

  /** The deliveries of several events of one tenant (one query for a page of events). */
  async forEvents(tenant: Tenant, eventIds: readonly string[]): Promise<Delivery[]> {
    const docs = await this.deliveries.find({ org: tenant.org, env: tenant.env, eventId: { $in: [...eventIds] } }).toArray();
    return docs.map(toDelivery);
  }
}
