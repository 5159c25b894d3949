import { MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import { isDuplicateKey } from '../../db/write-commands.js';
import type { Tenant } from '../../auth/tenant.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { TimeIdPosition } from '../paging.js';
import type { AlertEvent } from './alert-event.js';
import type { AlertCondition, AlertRule, AlertSeverity, ChannelKind, RuleStatus } from './alert-rule.js';
import { INITIAL_EVALUATION, type AlertState, type Incident, type RuleEvaluation } from './alert-state.js';

export const ALERT_RULES_COLLECTION = 'alert_rules';

/**
 * One document per rule: its configuration, its evaluation state and the
 * evaluation lease. Keeping the three together lets one conditional write
 * do each job:
 * - a claim (`lease`) gives one instance the rule for one evaluation slot;
 * - a commit (`eval`, guarded by `eval.rev` and the lease owner) records a
 *   state change exactly once;
 * - the `outbox` written with a commit holds the event that commit
 *   announces until it is stored and queued for delivery, so a crash between
 *   the two never loses an announcement (the next claim finishes it).
 * Configuration updates `$set` only configuration fields and never race
 * the evaluator's fields.
 */
export const alertRulesCollection: CollectionSpec = {
  name: ALERT_RULES_COLLECTION,
  indexes: [
    { name: 'by_created', key: { org: 1, env: 1, createdAt: 1, _id: 1 }, serves: 'list and count the rules of a tenant in creation order' },
    {
      name: 'active_by_id',
      key: { status: 1, _id: 1 },
      serves: 'evaluator scan across tenants: active rules not yet evaluated in the current slot',
    },
  ],
};

interface LeaseFields {
  /** Instance holding the rule; null before any claim. */
  owner: string | null;
  /** The holder may keep claiming until then; anyone may take the rule over after it. */
  until: Date;
  /** Start of the last evaluation slot the rule was claimed for: one evaluation per slot. */
  slot: Date;
}

interface EvalFields {
  state: AlertState;
  since: Date | null;
  incident: Incident | null;
  lastEvaluatedAt: Date | null;
  lastValue: number | null;
  /** Grows with every commit; a commit is conditional on the revision it was computed from. */
  rev: number | bigint;
}

interface RuleDocument {
  _id: string;
  org: string;
  env: Tenant['env'];
  name: string;
  condition: AlertCondition;
  channels: ChannelKind[];
  severity: AlertSeverity;
  status: RuleStatus;
  createdAt: Date;
  updatedAt: Date;
  eval: EvalFields;
  lease: LeaseFields;
  outbox: AlertEvent | null;
}

/** A rule with its evaluation state, as the API shows it. */
export interface AlertRuleRecord extends AlertRule {
  readonly evaluation: RuleEvaluation;
}

/** A rule as claimed for one evaluation: everything the evaluator needs, read atomically with the claim. */
export interface ClaimedRule {
  readonly tenant: Tenant;
  readonly rule: AlertRule;
  readonly evaluation: RuleEvaluation;
  readonly rev: number;
  readonly outbox: AlertEvent | null;
}

export type RuleChanges = Partial<Pick<AlertRule, 'name' | 'condition' | 'channels' | 'severity' | 'status'>>;

const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);
const NEVER = new Date(0);

function toRule(doc: RuleDocument): AlertRule {
  return {
    id: doc._id,
    name: doc.name,
    condition: {
      ...doc.condition,
      threshold: num(doc.condition.threshold),
      windowS: num(doc.condition.windowS),
      forS: doc.condition.forS === null ? null : num(doc.condition.forS),
    },
    channels: doc.channels,
    severity: doc.severity,
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toEvaluation(fields: EvalFields): RuleEvaluation {
  return {
    state: fields.state,
    since: fields.since,
    incident: fields.incident,
    lastEvaluatedAt: fields.lastEvaluatedAt,
    lastValue: fields.lastValue === null ? null : num(fields.lastValue),
  };
}

function toRecord(doc: RuleDocument): AlertRuleRecord {
  return { ...toRule(doc), evaluation: toEvaluation(doc.eval) };
}

export class AlertRulesRepository {
  private readonly rules: Collection<RuleDocument>;

  constructor(db: Db) {
    this.rules = db.collection<RuleDocument>(ALERT_RULES_COLLECTION);
  }

  /** Stores a new rule; false when its id is taken (the caller draws another). */
  async insert(tenant: Tenant, rule: AlertRule): Promise<boolean> {
    try {
      await this.rules.insertOne({
        _id: rule.id,
        org: tenant.org,
        env: tenant.env,
        name: rule.name,
        condition: rule.condition,
        channels: [...rule.channels],
        severity: rule.severity,
        status: rule.status,
        createdAt: rule.createdAt,
        updatedAt: rule.updatedAt,
        eval: { ...INITIAL_EVALUATION, rev: 0 },
        lease: { owner: null, until: NEVER, slot: NEVER },
        outbox: null,
      });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(tenant: Tenant, id: string): Promise<AlertRuleRecord | null> {
    const doc = await this.rules.findOne({ _id: id, org: tenant.org, env: tenant.env });
    return doc === null ? null : toRecord(doc);
  }

  /** A page in creation order, strictly after `after`. */
  async list(tenant: Tenant, after: TimeIdPosition | null, limit: number): Promise<AlertRuleRecord[]> {
    const query: Filter<RuleDocument> = { org: tenant.org, env: tenant.env };
    if (after !== null) {
      const at = new Date(after.atMs);
      query.$or = [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: after.id } }];
    }
    const docs = await this.rules.find(query).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
    return docs.map(toRecord);
  }

  count(tenant: Tenant): Promise<number> {
    return this.rules.countDocuments({ org: tenant.org, env: tenant.env });
  }

  /** Applies configuration changes; null when the rule does not exist in this tenant. */
  async update(tenant: Tenant, id: string, changes: RuleChanges, at: Date): Promise<AlertRuleRecord | null> {
    const set: Partial<RuleDocument> = { updatedAt: at };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.condition !== undefined) set.condition = changes.condition;
    if (changes.channels !== undefined) set.channels = [...changes.channels];
    if (changes.severity !== undefined) set.severity = changes.severity;
    if (changes.status !== undefined) set.status = changes.status;
    const doc = await this.rules.findOneAndUpdate(
      { _id: id, org: tenant.org, env: tenant.env },
      { $set: set },
      { returnDocument: 'after' },
    );
    return doc === null ? null : toRecord(doc);
  }

  async delete(tenant: Tenant, id: string): Promise<boolean> {
    const result = await this.rules.deleteOne({ _id: id, org: tenant.org, env: tenant.env });
    return result.deletedCount === 1;
  }

  /**
   * The evaluator's scan, the one query here that is not tenant-scoped:
   * evaluating every tenant's rules is the gateway's own job. Ids of active
   * rules not yet claimed for `slot`, in id order after `afterId`; each is
   * then claimed by id.
   */
  async dueRuleIds(slot: Date, afterId: string | null, limit: number): Promise<string[]> {
    const query: Filter<RuleDocument> = { status: 'active', 'lease.slot': { $lt: slot } };
    if (afterId !== null) query._id = { $gt: afterId };
    const docs = await this.rules
      .find(query, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => d._id);
  }

  /**
   * Claims a rule for one evaluation slot: succeeds for the instance that
   * holds the lease, or for any instance once the lease has expired (its
   * holder stopped or crashed), and only once per slot. Returns the rule as
   * claimed, or null when another instance has it or already evaluated it.
   */
  async claim(id: string, owner: string, slot: Date, now: Date, leaseUntil: Date): Promise<ClaimedRule | null> {
    const doc = await this.rules.findOneAndUpdate(
      { _id: id, status: 'active', 'lease.slot': { $lt: slot }, $or: [{ 'lease.owner': owner }, { 'lease.until': { $lte: now } }] },
      { $set: { lease: { owner, until: leaseUntil, slot } } },
      { returnDocument: 'after' },
    );
    if (doc === null) return null;
    return {
      tenant: { org: doc.org, env: doc.env },
      rule: toRule(doc),
      evaluation: toEvaluation(doc.eval),
      rev: num(doc.eval.rev),
      outbox: doc.outbox,
    };
  }

  /**
   * Records the result of an evaluation computed from revision `rev`, with
   * the event it announces (if any) in the outbox. False when the state moved
   * on meanwhile (another instance took the lease over and committed first),
   * in which case this evaluation is dropped and announces nothing.
   */
  async commit(id: string, owner: string, rev: number, next: RuleEvaluation, outbox: AlertEvent | null): Promise<boolean> {
    const result = await this.rules.updateOne(
      { _id: id, 'eval.rev': rev, 'lease.owner': owner },
      { $set: { eval: { ...next, rev: rev + 1 }, ...(outbox !== null ? { outbox } : {}) } },
    );
    return result.matchedCount === 1;
  }

  /** Empties the outbox once its event is stored and queued (only if it still holds that event). */
  async clearOutbox(id: string, eventId: string): Promise<void> {
    await this.rules.updateOne({ _id: id, 'outbox.id': eventId }, { $set: { outbox: null } });
  }

  /** Lets other instances take a rule over at once (graceful stop); the slot stays claimed, so it is not evaluated twice. */
  async release(id: string, owner: string): Promise<void> {
    await this.rules.updateOne({ _id: id, 'lease.owner': owner }, { $set: { 'lease.until': NEVER } });
  }
}
