import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import { ttlSeconds, type Config } from '../../config.js';
import type { EventBus } from '../../events/pubsub.js';
import type { Logger } from '../../logger.js';
import type { Module } from '../module.js';
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
import { alertLoaders, type AlertLoaders } from './alerts.loaders.js';
import { AlertsService } from './alerts.service.js';
import { EmailSender } from './channels/email.js';
import { PagerDutySender } from './channels/pagerduty.js';
import { SlackSender } from './channels/slack.js';
import { WebhookSender } from './channels/webhook.js';
import { OutboundPolicy } from './outbound.js';

export interface AlertsModuleDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'retentionHours' | 'alertEvalIntervalS' | 'alertDelivery' | 'outboundAllow'>;
  readonly events: EventBus<AlertEvents>;
  readonly log: Logger;
}

export interface AlertsServices {
  /** Alert rules, their history and live alert events. */
  readonly alerts: AlertsService;
  /** Notification channels per tenant. */
  readonly alertChannels: AlertChannelsService;
}

/**
 * Alerting: repositories, the SSRF policy, the channel senders, and two
 * background loops (evaluation over the service map's rollups, delivery).
 */
export function createAlertsModule({ db, config, events, log }: AlertsModuleDeps): Module<AlertsServices, AlertLoaders> {
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const policy = new OutboundPolicy(config.outboundAllow);
  const rules = new AlertRulesRepository(db);
  const eventsRepo = new AlertEventsRepository(db);
  const deliveries = new AlertDeliveriesRepository(db);
  const channelsRepo = new AlertChannelsRepository(db);
  const { sendTimeoutMs, retryBaseMs, maxAttempts } = config.alertDelivery;
  const delivery = new DeliveryWorker(
    deliveries,
    eventsRepo,
    channelsRepo,
    {
      webhook: new WebhookSender(policy, sendTimeoutMs),
      slack: new SlackSender(policy, sendTimeoutMs),
      pagerduty: new PagerDutySender(policy, sendTimeoutMs),
      email: new EmailSender(policy, sendTimeoutMs),
    },
    {
      instanceId,
      maxAttempts,
      retryBaseMs,
      sendTimeoutMs,
      pollMs: Math.min(1000, Math.max(50, retryBaseMs)),
      log: log.child({ component: 'alert-delivery' }),
    },
  );
  const evaluator = new AlertEvaluator(rules, eventsRepo, deliveries, new AlertMetrics(new RollupsRepository(db)), events, {
    intervalMs: config.alertEvalIntervalS * 1000,
    instanceId,
    log: log.child({ component: 'alert-evaluator' }),
    onQueued: () => delivery.kick(),
  });
  const alerts = new AlertsService(rules, eventsRepo, deliveries, events);
  const retentionS = ttlSeconds(config.retentionHours);
  return {
    services: { alerts, alertChannels: new AlertChannelsService(channelsRepo, policy) },
    collections: [alertRulesCollection, alertEventsCollection(retentionS), alertDeliveriesCollection(retentionS), alertChannelsCollection],
    loaders: alertLoaders(alerts),
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

declare module '../../graphql/context.js' {
  interface Services extends AlertsServices {}
  interface Loaders extends AlertLoaders {}
}
