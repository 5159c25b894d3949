import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tenant } from '../../auth/tenant.js';
import { createMeshPubSub, type MeshPubSub } from '../../events/pubsub.js';
import type { AlertEvents } from './alerts.events.js';
import { silentLogger } from '../../logger.js';
import { testDb, type TestDb } from '../../../test/helpers/mongo.js';
import { RollupsRepository } from '../services/rollups.repository.js';
import { AlertDeliveriesRepository } from './alert-deliveries.repository.js';
import { newEventId, type AlertEvent } from './alert-event.js';
import { AlertEventsRepository } from './alert-events.repository.js';
import { AlertMetrics } from './alert-metrics.js';
import { newRuleId, parseRuleInput, type AlertRule } from './alert-rule.js';
import { AlertRulesRepository } from './alert-rules.repository.js';
import { AlertEvaluator } from './alerts.evaluator.js';

/**
 * The evaluation lease against a real store, with each instance's clock in
 * the test's hands: instances take turns explicitly (`evaluateSlot`), so
 * every interleaving below is exact rather than hoped for.
 */

const INTERVAL_MS = 1000;
const T0 = Date.parse('2026-03-15T09:00:00Z');
const slot = (k: number) => new Date(T0 + k * INTERVAL_MS);
const tenant: Tenant = { org: 'lease-org', env: 'live' };

let store: TestDb;
let pubsub: MeshPubSub<AlertEvents>;
let rules: AlertRulesRepository;
let events: AlertEventsRepository;
let deliveries: AlertDeliveriesRepository;
let rule: AlertRule;

/** An evaluator instance whose clock reads `clock.now`. */
function instance(name: string, clock: { now: Date }): AlertEvaluator {
  return new AlertEvaluator(rules, events, deliveries, new AlertMetrics(new RollupsRepository(store.db)), pubsub, {
    intervalMs: INTERVAL_MS,
    instanceId: name,
    log: silentLogger,
    onQueued: () => undefined,
    now: () => clock.now,
  });
}

/** A gateway instance: an evaluator and the clock it reads. */
function node(name: string): readonly [AlertEvaluator, { now: Date }] {
  const clock = { now: slot(0) };
  return [instance(name, clock), clock];
}

/** Each instance evaluates slot k at the slot's start; returns how many rules each one evaluated. */
async function turn(k: number, ...instances: (readonly [AlertEvaluator, { now: Date }])[]): Promise<number[]> {
  const counts: number[] = [];
  for (const [evaluator, clock] of instances) {
    clock.now = slot(k);
    counts.push(await evaluator.evaluateSlot(slot(k)));
  }
  return counts;
}

beforeAll(async () => {
  store = await testDb();
  pubsub = createMeshPubSub<AlertEvents>({ redisUrl: undefined, bufferSize: 16, log: silentLogger });
  rules = new AlertRulesRepository(store.db);
  events = new AlertEventsRepository(store.db);
  deliveries = new AlertDeliveriesRepository(store.db);
});

afterAll(async () => {
  await pubsub?.close();
  await store?.close();
});

beforeEach(async () => {
  await store.db.collection('alert_rules').deleteMany({});
  const fields = parseRuleInput({
    name: 'lease subject',
    condition: { metric: 'request_count', service: 'idle-svc', operator: '<', threshold: 1, window: '1m' },
    channels: ['webhook'],
  });
  rule = { ...fields, id: newRuleId(), status: 'active', createdAt: slot(0), updatedAt: slot(0) };
  await rules.insert(tenant, rule);
});

describe('evaluation lease', () => {
  it('evaluates a rule once per slot, by the instance holding its lease', async () => {
    const a = node('A');
    const b = node('B');
    expect(await turn(1, a, b)).toEqual([1, 0]);
    // B comes first in the next slot, but A holds the lease.
    expect(await turn(2, b, a)).toEqual([0, 1]);
    expect(await turn(2, a, b)).toEqual([0, 0]);
    expect((await rules.find(tenant, rule.id))?.evaluation.lastEvaluatedAt).toEqual(slot(2));
  });

  it("takes a crashed instance's rule over once its lease has expired, and keeps it", async () => {
    const a = node('A');
    const b = node('B');
    expect(await turn(1, a, b)).toEqual([1, 0]);
    // A stops answering (no release). Its lease, renewed at slot 1, runs for three intervals.
    expect(await turn(2, b)).toEqual([0]);
    expect(await turn(3, b)).toEqual([0]);
    expect(await turn(4, b)).toEqual([1]);
    expect((await rules.find(tenant, rule.id))?.evaluation.lastEvaluatedAt).toEqual(slot(4));
    // A is back: B holds the lease now.
    expect(await turn(5, a, b)).toEqual([0, 1]);
  });

  it('hands the lease over at once when an instance stops', async () => {
    const a = node('A');
    const b = node('B');
    expect(await turn(1, a, b)).toEqual([1, 0]);
    await a[0].stop();
    expect(await turn(1, b)).toEqual([0]);
    expect(await turn(2, b)).toEqual([1]);
  });

  it('skips paused rules', async () => {
    const a = node('A');
    await rules.update(tenant, rule.id, { status: 'paused' }, slot(0));
    expect(await turn(1, a)).toEqual([0]);
  });
});

describe('recording transitions', () => {
  it('commits a step once: an instance whose lease was taken over cannot commit its stale step', async () => {
    const slow = await rules.claim(rule.id, 'A', slot(1), slot(1), new Date(slot(1).getTime() + 3 * INTERVAL_MS));
    const successor = await rules.claim(rule.id, 'B', slot(4), slot(4), new Date(slot(4).getTime() + 3 * INTERVAL_MS));
    expect([slow?.rev, successor?.rev]).toEqual([0, 0]);
    const next = { ...successor!.evaluation, lastEvaluatedAt: slot(4) };
    expect(await rules.commit(rule.id, 'B', successor!.rev, next, null)).toBe(true);
    expect(await rules.commit(rule.id, 'A', slow!.rev, next, null)).toBe(false);
    expect(await rules.commit(rule.id, 'B', successor!.rev, next, null)).toBe(false);
  });

  it('finishes an announcement a crash interrupted, at the next claim, once', async () => {
    // Instance A committed "firing" with its event in the outbox, then died before storing it.
    const claimed = await rules.claim(rule.id, 'A', slot(1), slot(1), new Date(slot(1).getTime() + 3 * INTERVAL_MS));
    const event: AlertEvent = {
      id: newEventId(),
      ruleId: rule.id,
      ruleName: rule.name,
      severity: rule.severity,
      kind: 'firing',
      incidentId: 'incident-1',
      condition: rule.condition,
      value: 0,
      at: slot(1),
      firedAt: slot(1),
      channels: rule.channels,
    };
    const firingState = {
      state: 'firing' as const,
      since: slot(1),
      incident: { id: 'incident-1', firedAt: slot(1) },
      lastEvaluatedAt: slot(1),
      lastValue: 0,
    };
    expect(await rules.commit(rule.id, 'A', claimed!.rev, firingState, event)).toBe(true);

    const live = pubsub.subscribe('alert:event', `${tenant.org}:${tenant.env}`, (m) => [m.id]);
    const b = node('B');
    expect(await turn(4, b)).toEqual([1]);
    expect(await turn(5, b)).toEqual([1]);

    expect((await events.list(tenant, { ruleId: rule.id }, null, 10)).map((e) => e.id)).toEqual([event.id]);
    expect((await deliveries.forEvents(tenant, [event.id])).map((d) => [d.channel, d.status])).toEqual([['webhook', 'pending']]);
    expect(await live.next()).toEqual({ value: event.id, done: false });
    await live.return?.();
  });
});
