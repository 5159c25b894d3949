import type { Tenant } from '../../../auth/tenant.js';
import type { AlertEvent } from '../alert-event.js';
import { formatDuration, targetLabel, type AlertCondition, type AlertMetric } from '../alert-rule.js';

/**
 * What every channel says about an event, so that a webhook, a Slack message,
 * a PagerDuty incident and an email tell the same story in their own format.
 */
export interface Notification {
  readonly tenant: Tenant;
  readonly event: AlertEvent;
}

/** A metric value for people: error rates as percentages, latencies in ms, counts as integers. */
export function formatValue(metric: AlertMetric, value: number | null): string {
  if (value === null) return 'no data';
  if (metric === 'error_rate') return `${Number((value * 100).toFixed(2))} %`;
  if (metric === 'request_count') return String(Math.round(value));
  return `${Number(value.toFixed(1))} ms`;
}

/** `error_rate > 5 % over 5m` (and `for 2m` when set). */
export function describeCondition(condition: AlertCondition): string {
  const rule = `${condition.metric} ${condition.operator} ${formatValue(condition.metric, condition.threshold)} over ${formatDuration(condition.windowS)}`;
  return condition.forS === null ? rule : `${rule} for ${formatDuration(condition.forS)}`;
}

export function statusWord(event: AlertEvent): 'FIRING' | 'RESOLVED' {
  return event.kind === 'firing' ? 'FIRING' : 'RESOLVED';
}

/** One line: `[FIRING] Payment service high error rate: payment-svc error_rate is 12.5 % (error_rate > 5 % over 5m)`. */
export function summary(event: AlertEvent): string {
  const observed = `${targetLabel(event.condition.target)} ${event.condition.metric} is ${formatValue(event.condition.metric, event.value)}`;
  return `[${statusWord(event)}] ${event.ruleName}: ${observed} (${describeCondition(event.condition)})`;
}

/** The condition as the REST API and the webhook payload write it (snake_case, durations as text). */
export function conditionJson(condition: AlertCondition) {
  return {
    metric: condition.metric,
    ...(condition.target.kind === 'service'
      ? { service: condition.target.service }
      : { edge: { source: condition.target.source, target: condition.target.target } }),
    operator: condition.operator,
    threshold: condition.threshold,
    window: formatDuration(condition.windowS),
    for: condition.forS === null ? null : formatDuration(condition.forS),
  };
}
