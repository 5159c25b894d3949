import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import { tenantKey } from '../../auth/tenant.js';
import { NotFoundError } from '../../errors.js';
import type { EventBus } from '../../events/pubsub.js';
import { assertPageSize, pageOf, sealedCursor, type CursorCodec, type Page, type TimeIdPosition } from '../paging.js';
import type { AlertDeliveriesRepository } from './alert-deliveries.repository.js';
import { fromMessage, type AlertEvent, type Delivery } from './alert-event.js';
import type { AlertEventsRepository } from './alert-events.repository.js';
import type { AlertEvents } from './alerts.events.js';
import {
  assertRuleId,
  newRuleId,
  parseRuleInput,
  parseRulePatch,
  type AlertRuleInput,
  type AlertRulePatch,
  type RuleStatus,
} from './alert-rule.js';
import type { AlertRuleRecord, AlertRulesRepository } from './alert-rules.repository.js';
import { INITIAL_EVALUATION } from './alert-state.js';

export const MAX_RULE_PAGE = 500;
export const MAX_EVENT_PAGE = 500;
/** Ids are 32 random bits; a clash with an existing rule is drawn again. */
const ID_ATTEMPTS = 5;

/**
 * Keyset cursors of the alert lists: (time, id) of the last item seen. Rules
 * are listed in creation order and events newest first; a cursor of one list
 * is refused by the other.
 */
function alertCursor(list: 'rules' | 'events'): CursorCodec<TimeIdPosition> {
  return sealedCursor({
    scope: ['alerts', list],
    fields: 2,
    write: ({ atMs, id }) => [atMs, id],
    read: ([at, id]) => {
      const atMs = Number(at);
      if (!/^\d{1,16}$/.test(at!) || !Number.isSafeInteger(atMs) || !/^alert_(rule|event)_[0-9a-f]{8,16}$/.test(id!)) return null;
      return { atMs, id: id! };
    },
  });
}

export const RULE_CURSOR = alertCursor('rules');
export const EVENT_CURSOR = alertCursor('events');

export interface PageArgs {
  readonly first: number;
  readonly after: string | null;
}

/**
 * Alert rules and their history: the use cases behind the GraphQL fields and
 * the /v1/alerts routes. Rules are configuration (admin); events and their
 * deliveries are what monitoring shows (read). Evaluation and delivery run
 * in the background (alerts.evaluator.ts, alerts.delivery.ts).
 */
export class AlertsService {
  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly events: AlertEventsRepository,
    private readonly deliveries: AlertDeliveriesRepository,
    private readonly pubsub: EventBus<AlertEvents>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listRules(principal: Principal | null, args: PageArgs): Promise<Page<AlertRuleRecord>> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    assertPageSize(args.first, 'first', MAX_RULE_PAGE);
    const after = args.after === null ? null : RULE_CURSOR.decode(tenant, args.after, 'after');
    const rows = await this.rules.list(tenant, after, args.first + 1);
    return pageOf(
      rows,
      args.first,
      (r) => RULE_CURSOR.encode(tenant, { atMs: r.createdAt.getTime(), id: r.id }),
      () => this.rules.count(tenant),
    );
  }

  async getRule(principal: Principal | null, id: string): Promise<AlertRuleRecord | null> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    return this.rules.find(tenant, assertRuleId(id));
  }

  /** A new rule starts active and `ok`; the evaluator picks it up at the next evaluation slot. */
  async createRule(principal: Principal | null, input: AlertRuleInput): Promise<AlertRuleRecord> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    const fields = parseRuleInput(input);
    const at = this.now();
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const rule = { ...fields, id: newRuleId(), status: 'active' as const, createdAt: at, updatedAt: at };
      if (await this.rules.insert(tenant, rule)) return { ...rule, evaluation: INITIAL_EVALUATION };
    }
    throw new Error('Could not draw an unused alert rule id');
  }

  async updateRule(principal: Principal | null, id: string, patch: AlertRulePatch): Promise<AlertRuleRecord> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    const ruleId = assertRuleId(id);
    const current = await this.rules.find(tenant, ruleId);
    if (current === null) throw notFound(ruleId);
    const updated = await this.rules.update(tenant, ruleId, parseRulePatch(current, patch), this.now());
    if (updated === null) throw notFound(ruleId);
    return updated;
  }

  /**
   * Pausing stops evaluation (and so notifications) without changing the
   * rule's state; resuming evaluates it again from that state at the next slot.
   */
  setRuleStatus(principal: Principal | null, id: string, status: RuleStatus): Promise<AlertRuleRecord> {
    return this.updateRule(principal, id, { status });
  }

  /** Deletes the rule; its events and their deliveries stay in the history. */
  async deleteRule(principal: Principal | null, id: string): Promise<string> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    const ruleId = assertRuleId(id);
    if (!(await this.rules.delete(tenant, ruleId))) throw notFound(ruleId);
    return ruleId;
  }

  /** The tenant's alert history newest first, optionally of one rule. */
  async listEvents(principal: Principal | null, args: PageArgs & { ruleId: string | null }): Promise<Page<AlertEvent>> {
    const { tenant } = assertCan(principal, 'alerts:read');
    assertPageSize(args.first, 'first', MAX_EVENT_PAGE);
    const filter = args.ruleId === null ? {} : { ruleId: assertRuleId(args.ruleId, 'ruleId') };
    const after = args.after === null ? null : EVENT_CURSOR.decode(tenant, args.after, 'after');
    const rows = await this.events.list(tenant, filter, after, args.first + 1);
    return pageOf(
      rows,
      args.first,
      (e) => EVENT_CURSOR.encode(tenant, { atMs: e.at.getTime(), id: e.id }),
      () => this.events.count(tenant, filter),
    );
  }

  /** Deliveries (with every attempt) of several events, by event id. */
  async deliveriesFor(principal: Principal | null, eventIds: readonly string[]): Promise<Map<string, Delivery[]>> {
    const { tenant } = assertCan(principal, 'alerts:read');
    const byEvent = new Map<string, Delivery[]>(eventIds.map((id) => [id, []]));
    for (const delivery of await this.deliveries.forEvents(tenant, eventIds)) byEvent.get(delivery.eventId)?.push(delivery);
    return byEvent;
  }

  /** Firing and resolved events of the caller's tenant as they are announced, optionally of one rule. */
  subscribe(principal: Principal | null, filter: { ruleId?: string | null }): AsyncIterableIterator<AlertEvent> {
    const { tenant } = assertCan(principal, 'alerts:read');
    const ruleId = filter.ruleId == null ? null : assertRuleId(filter.ruleId, 'ruleId');
    return this.pubsub.subscribe('alert:event', tenantKey(tenant), (message) =>
      ruleId === null || message.ruleId === ruleId ? [fromMessage(message)] : [],
    );
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Alert rule '${id}' does not exist`, 'id');
}
