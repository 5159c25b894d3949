import type { ChannelKind } from './alert-rule.js';

/**
 * Where a tenant's notifications go: at most one configuration per channel
 * kind and tenant (organization and live/test partition), which every rule
 * naming that kind uses. Secrets (webhook secret, PagerDuty routing key,
 * Slack URL, SMTP password) are stored to be used, and never returned by the
 * API.
 */
export interface WebhookChannelConfig {
  readonly kind: 'webhook';
  readonly url: string;
  /** HMAC-SHA256 key of the `X-Mesh-Signature` header. */
  readonly secret: string;
}

export interface SlackChannelConfig {
  readonly kind: 'slack';
  /** An incoming-webhook URL; it embeds a token, so it is treated as a secret. */
  readonly webhookUrl: string;
}

export interface PagerDutyChannelConfig {
  readonly kind: 'pagerduty';
  readonly routingKey: string;
  /** Events API v2 endpoint. */
  readonly endpoint: string;
}

export interface EmailChannelConfig {
  readonly kind: 'email';
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (SMTPS, usually port 465); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly username: string | null;
  readonly password: string | null;
  readonly from: string;
  readonly to: readonly string[];
}

export type ChannelConfig = WebhookChannelConfig | SlackChannelConfig | PagerDutyChannelConfig | EmailChannelConfig;

export type ChannelConfigOf<K extends ChannelKind> = Extract<ChannelConfig, { kind: K }>;

export interface ChannelSettings<C extends ChannelConfig = ChannelConfig> {
  readonly config: C;
  readonly updatedAt: Date;
}

export type ChannelSettingsOf<K extends ChannelKind> = ChannelSettings<ChannelConfigOf<K>>;

export const DEFAULT_PAGERDUTY_ENDPOINT = 'https://events.pagerduty.com/v2/enqueue';
