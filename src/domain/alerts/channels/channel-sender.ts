import type { ChannelConfig, ChannelConfigOf } from '../alert-channel.js';
import type { ChannelKind } from '../alert-rule.js';
import type { Notification } from './notification.js';

/**
 * A failed attempt. `retriable` says whether trying again may help (a
 * timeout, a 5xx, a 429, an SMTP 4xx) or not (a 4xx answer, a refused
 * address, a channel that is not configured): the delivery queue retries the
 * former with backoff and gives up at once on the latter.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly retriable: boolean,
  ) {
    super(message);
  }
}

/** Sends one notification through one kind of channel; resolves when the receiver accepted it. */
export interface ChannelSender<K extends ChannelKind> {
  send(config: ChannelConfigOf<K>, notification: Notification): Promise<void>;
}

export type ChannelSenders = { readonly [K in ChannelKind]: ChannelSender<K> };

/** Dispatches on the configuration's kind (the union narrows per sender). */
export function sendVia(senders: ChannelSenders, config: ChannelConfig, notification: Notification): Promise<void> {
  switch (config.kind) {
    case 'webhook':
      return senders.webhook.send(config, notification);
    case 'slack':
      return senders.slack.send(config, notification);
    case 'pagerduty':
      return senders.pagerduty.send(config, notification);
    case 'email':
      return senders.email.send(config, notification);
  }
}
