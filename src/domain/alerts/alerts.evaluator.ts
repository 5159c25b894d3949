import { tenantKey, type Tenant } from '../../auth/tenant.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Logger } from '../../logger.js';
import { PeriodicTask } from '../../periodic-task.js';
import { floorTo } from '../services/time-buckets.js';
import type { AlertDeliveriesRepository } from './alert-deliveries.repository.js';
import { newEventId, toMessage, type AlertEvent } from './alert-event.js';
import type { AlertEventsRepository } from './alert-events.repository.js';
import type { AlertEvents } from './alerts.events.js';
import type { AlertMetrics } from './alert-metrics.js';
import { conditionMet } from './alert-rule.js';
import type { AlertRulesRepository, ClaimedRule } from './alert-rules.repository.js';
import { step } from './alert-state.js';

/** Rule ids read per scan query. */
const SCAN_BATCH = 500;
/** Rules evaluated at once by one instance. */
const CONCURRENCY = 8;
/** A lease outlives this many intervals without renewal before another instance may take the rule over. */
const LEASE_INTERVALS = 3;

export interface EvaluatorOptions {
  /** MESH_ALERT_EVAL_INTERVAL_S in milliseconds. */
  readonly intervalMs: number;
  /** This instance's name in leases; unique per process. */
  readonly instanceId: string;
  readonly log: Logger;
  /** Called after an event was queued for delivery, so the local delivery worker starts at once. */
  readonly onQueued: () => void;
  readonly now?: () => Date;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Evaluates every active rule once per evaluation slot (epoch-aligned
 * intervals of MESH_ALERT_EVAL_INTERVAL_S) from the rollups. Every instance
 * runs this; for each rule and slot exactly one of them wins the claim:
 *
 * - the lease (`lease.owner`, `lease.until`) keeps a rule with the instance
 *   that holds it, renewed by each claim; when that instance stops (released
 *   at once) or dies (after LEASE_INTERVALS intervals), another takes over;
 * - `lease.slot` makes the claim succeed once per slot, whoever holds the lease;
 * - the commit is conditional on the revision the step was computed from and
 *   on still holding the lease, so each transition is recorded once even when
 *   a slow instance and its successor overlap.
 *
 * An announced transition is written with the commit (the outbox), then
 * stored as an event, queued for delivery and published; whatever of that a
 * crash interrupts, the next claim of the rule completes.
 */
export class AlertEvaluator {
  private readonly now: () => Date;
  private readonly held = new Set<string>();
  /** The next pass starts at the next slot boundary, so that every instance competes for the same slot. */
  private readonly task = new PeriodicTask(() => {
    const { intervalMs } = this.options;
    const nowMs = this.now().getTime();
    const slot = floorTo(nowMs, intervalMs) + intervalMs;
    return { delayMs: slot - nowMs, run: () => this.pass(new Date(slot)) };
  });

  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly events: AlertEventsRepository,
    private readonly deliveries: AlertDeliveriesRepository,
    private readonly metrics: AlertMetrics,
    private readonly pubsub: EventBus<AlertEvents>,
    private readonly options: EvaluatorOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.task.start();
  }

  /** Stops the timer, waits for a pass in progress and hands this instance's leases over at once. */
  async stop(): Promise<void> {
    await this.task.stop();
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.map((id) => this.rules.release(id, this.options.instanceId))).catch((error: unknown) => {
      this.options.log.warn('alert leases not released', { error: error instanceof Error ? error.message : String(error) });
    });
  }

  private async pass(slot: Date): Promise<void> {
    try {
      await this.evaluateSlot(slot);
    } catch (error) {
      this.options.log.warn('alert evaluation pass failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** One pass: every active rule not yet evaluated in `slot` that this instance can claim. Returns how many it evaluated. */
  async evaluateSlot(slot: Date): Promise<number> {
    let evaluated = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.rules.dueRuleIds(slot, after, SCAN_BATCH);
      await eachLimited(ids, CONCURRENCY, async (id) => {
        if (await this.evaluateRule(id, slot)) evaluated++;
      });
      if (ids.length < SCAN_BATCH) return evaluated;
      after = ids.at(-1) ?? null;
    }
  }

  private async evaluateRule(id: string, slot: Date): Promise<boolean> {
    const { instanceId, intervalMs, log } = this.options;
    try {
      const now = this.now();
      const claimed = await this.rules.claim(id, instanceId, slot, now, new Date(now.getTime() + LEASE_INTERVALS * intervalMs));
      if (claimed === null) {
        this.held.delete(id);
        return false;
      }
      this.held.add(id);
      if (claimed.outbox !== null) await this.announce(claimed.tenant, claimed.outbox);
      await this.evaluateClaimed(claimed, now);
      return true;
    } catch (error) {
      log.warn('alert rule evaluation failed', { ruleId: id, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  private async evaluateClaimed(claimed: ClaimedRule, now: Date): Promise<void> {
    const { rule, tenant } = claimed;
    const value = await this.metrics.observe(tenant, rule.condition, now);
    const { next, transition } = step(
      claimed.evaluation,
      { met: conditionMet(rule.condition, value), value, at: now },
      rule.condition.forS,
    );
    const event: AlertEvent | null =
      transition === null
        ? null
        : {
            id: newEventId(),
            ruleId: rule.id,
            ruleName: rule.name,
            severity: rule.severity,
            kind: transition.kind,
            incidentId: transition.incident.id,
            condition: rule.condition,
            value,
            at: now,
            firedAt: transition.incident.firedAt,
            channels: rule.channels,
          };
    const committed = await this.rules.commit(rule.id, this.options.instanceId, claimed.rev, next, event);
    if (committed && event !== null) await this.announce(tenant, event);
  }

  /**
   * Stores, queues and publishes an event, then empties the outbox. Each
   * step is idempotent; the live event is published only by the call that
   * stored the event, so subscribers see it once.
   */
  private async announce(tenant: Tenant, event: AlertEvent): Promise<void> {
    const stored = await this.events.insert(tenant, event);
    await this.deliveries.enqueue(tenant, event, this.now());
    if (stored) this.pubsub.publish('alert:event', tenantKey(tenant), toMessage(event));
    await this.rules.clearOutbox(event.ruleId, event.id);
    this.options.onQueued();
    this.options.log.info('alert transition', { ruleId: event.ruleId, kind: event.kind, eventId: event.id, value: event.value });
  }
}
