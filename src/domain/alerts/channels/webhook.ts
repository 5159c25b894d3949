import { createHmac } from 'node:crypto';
import type { WebhookChannelConfig } from '../alert-channel.js';
import type { OutboundPolicy } from '../outbound.js';
import type { ChannelSender } from './channel-sender.js';
import { postJson } from './http-post.js';
import { conditionJson, summary, type Notification } from './notification.js';

export const SIGNATURE_HEADER = 'x-mesh-signature';
export const TIMESTAMP_HEADER = 'x-mesh-timestamp';
export const EVENT_ID_HEADER = 'x-mesh-event-id';

/**
 * The signature of a webhook body: HMAC-SHA256 over `<timestamp>.<body>`,
 * hex, sent as `X-Mesh-Signature: sha256=<hex>` with the timestamp (Unix
 * seconds) in `X-Mesh-Timestamp`. Signing the timestamp lets a receiver
 * refuse replays of an old body (docs/alerts.md shows the check).
 */
export function webhookSignature(secret: string, timestampS: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`;
}

/** The documented webhook body (docs/alerts.md, "Webhook"). */
export function webhookPayload({ tenant, event }: Notification) {
  return {
    id: event.id,
    type: `alert.${event.kind}`,
    status: event.kind,
    occurred_at: event.at.toISOString(),
    org: tenant.org,
    env: tenant.env,
    rule: { id: event.ruleId, name: event.ruleName, severity: event.severity, condition: conditionJson(event.condition) },
    incident: {
      id: event.incidentId,
      started_at: event.firedAt.toISOString(),
      resolved_at: event.kind === 'resolved' ? event.at.toISOString() : null,
    },
    value: event.value,
    summary: summary(event),
  };
}

export class WebhookSender implements ChannelSender<'webhook'> {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(config: WebhookChannelConfig, notification: Notification): Promise<void> {
    const body = JSON.stringify(webhookPayload(notification));
    const timestampS = Math.floor(this.now().getTime() / 1000);
    await postJson(
      this.policy,
      {
        url: config.url,
        body,
        headers: {
          [SIGNATURE_HEADER]: webhookSignature(config.secret, timestampS, body),
          [TIMESTAMP_HEADER]: String(timestampS),
          [EVENT_ID_HEADER]: notification.event.id,
        },
      },
      this.timeoutMs,
    );
  }
}
