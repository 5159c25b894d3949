import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Config } from '../../config.js';
import type { CollectionSpec } from '../../db/collections.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Logger } from '../../logger.js';
import { RollupsRepository } from '../services/rollups.repository.js';
import { AlertChannelsRepository, alertChannelsCollection } from './alert-channels.repository.js';
import { AlertChannelsService } from './alert-channels.service.js';
import { AlertDeliveriesRepository, alertDeliveriesCollection } from './alert-deliveries.repository.js';
import { AlertEventsRepository, alertEventsCollection } from './alert-events.repository.js';
import type { AlertEvents } from './alerts.events.js';
import { AlertMetrics } from './alert-metrics.js';
import { AlertRulesRepository, alertRulesCollection } from './alert-rules.repository.js';
import { AlertEvaluator } from './alerts.evaluator.js';
import { DeliveryWorker } from './alerts.delivery.js';
import { AlertsService } from './alerts.service.js';
import { EmailSender } from './channels/email.js';
import { PagerDutySender } from './channels/pagerduty.js';
import { SlackSender } from './channels/slack.js';
import { WebhookSender } from './channels/webhook.js';
import { OutboundPolicy } from './outbound.js';

/** The collections of alerting, for `collectionSpecs()`. */
export function alertCollections(retentionSeconds: number): CollectionSpec[] {
  return [alertRulesCollection, alertEventsCollection(retentionSeconds), alertDeliveriesCollection(retentionSeconds), alertChannelsCollection];
}

export interface AlertingDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'alertEvalIntervalS' | 'alertDelivery' | 'outboundAllow'>;
  readonly pubsub: EventBus<AlertEvents>;
  readonly log: Logger;
}

export interface Alerting {
  /** Rules, history, live events (for the schema). */
  readonly alerts: AlertsService;
  /** Notification channels (for the schema). */
  readonly channels: AlertChannelsService;
  readonly evaluator: AlertEvaluator;
  readonly delivery: DeliveryWorker;
  /** Starts evaluation and delivery on this instance. */
  start(): void;
  stop(): Promise<void>;
}

/** Wires alerting once, for buildApp: repositories, the SSRF policy, the channel senders and both background loops. */
export function createAlerting({ db, config, pubsub, log }: AlertingDeps): Alerting {
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const policy = new OutboundPolicy(config.outboundAllow);
  const rules = new AlertRulesRepository(db);
  const events = new AlertEventsRepository(db);
  const deliveries = new AlertDeliveriesRepository(db);
  const channelsRepo = new AlertChannelsRepository(db);
  const { sendTimeoutMs, retryBaseMs, maxAttempts } = config.alertDelivery;
  const delivery = new DeliveryWorker(
    deliveries,
    events,
    channelsRepo,
    {
      webhook: new WebhookSender(policy, sendTimeoutMs),
      slack: new SlackSender(policy, sendTimeoutMs),
      pagerduty: new PagerDutySender(policy, sendTimeoutMs),
      email: new EmailSender(policy, sendTimeoutMs),
    },
    { instanceId, maxAttempts, retryBaseMs, sendTimeoutMs, pollMs: Math.min(1000, Math.max(50, retryBaseMs)), log: log.child({ component: 'alert-delivery' }) },
  );
  const evaluator = new AlertEvaluator(rules, events, deliveries, new AlertMetrics(new RollupsRepository(db)), pubsub, {
    intervalMs: config.alertEvalIntervalS * 1000,
    instanceId,
    log: log.child({ component: 'alert-evaluator' }),
    onQueued: () => delivery.kick(),
  });
  return {
    alerts: new AlertsService(rules, events, deliveries, pubsub),
    channels: new AlertChannelsService(channelsRepo, policy),
    evaluator,
    delivery,
    start() {
      evaluator.start();
      delivery.start();
    },
    async stop() {
      await evaluator.stop();
      await delivery.stop();
    },
  };
}
