import type { PagerDutyChannelConfig } from '../alert-channel.js';
import { targetLabel } from '../alert-rule.js';
import type { OutboundPolicy } from '../outbound.js';
import type { ChannelSender } from './channel-sender.js';
import { postJson } from './http-post.js';
import { conditionJson, summary, type Notification } from './notification.js';

/** PagerDuty's summary field is limited to 1024 characters. */
const MAX_SUMMARY = 1024;

/**
 * The dedup key of an incident: the rule and the incident id, so the resolve
 * event closes exactly the alert its trigger opened, and a later incident of
 * the same rule opens a new one.
 */
export function pagerDutyDedupKey(ruleId: string, incidentId: string): string {
  return `${ruleId}:${incidentId}`;
}

/**
 * An Events API v2 event (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/):
 * `trigger` with the payload when firing, `resolve` (dedup key only) when resolved.
 * Severities map one to one (critical, warning, info are PagerDuty severities too).
 */
export function pagerDutyPayload(config: Pick<PagerDutyChannelConfig, 'routingKey'>, { tenant, event }: Notification) {
  const common = {
    routing_key: config.routingKey,
    dedup_key: pagerDutyDedupKey(event.ruleId, event.incidentId),
    client: 'Mesh-Trace Gateway',
  };
  if (event.kind === 'resolved') return { ...common, event_action: 'resolve' as const };
  return {
    ...common,
    event_action: 'trigger' as const,
    payload: {
      summary: summary(event).slice(0, MAX_SUMMARY),
      severity: event.severity,
      source: targetLabel(event.condition.target),
      timestamp: event.at.toISOString(),
      component: event.condition.target.kind === 'service' ? event.condition.target.service : event.condition.target.target,
      group: `${tenant.org}/${tenant.env}`,
      class: event.condition.metric,
      custom_details: {
        rule_id: event.ruleId,
        rule_name: event.ruleName,
        event_id: event.id,
        value: event.value,
        condition: conditionJson(event.condition),
      },
    },
  };
}

export class PagerDutySender implements ChannelSender<'pagerduty'> {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
  ) {}

  async send(config: PagerDutyChannelConfig, notification: Notification): Promise<void> {
    await postJson(this.policy, { url: config.endpoint, body: JSON.stringify(pagerDutyPayload(config, notification)) }, this.timeoutMs);
  }
}
