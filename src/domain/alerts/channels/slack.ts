import type { SlackChannelConfig } from '../alert-channel.js';
import { formatDuration, targetLabel } from '../alert-rule.js';
import type { OutboundPolicy } from '../outbound.js';
import type { ChannelSender } from './channel-sender.js';
import { postJson } from './http-post.js';
import { describeCondition, formatValue, statusWord, summary, type Notification } from './notification.js';

/** Attachment colour bar: red while firing (amber for warning, blue for info), green once resolved. */
const FIRING_COLOR = { critical: '#d62728', warning: '#ff7f0e', info: '#1f77b4' } as const;
const RESOLVED_COLOR = '#2ca02c';

/**
 * A Slack incoming-webhook message: `text` is the notification fallback
 * (push notifications, clients without blocks); the blocks sit in an
 * attachment so that the message gets the colour bar of its state.
 */
export function slackPayload({ event }: Notification) {
  const word = statusWord(event);
  const fields = [
    { type: 'mrkdwn', text: `*Target*\n${targetLabel(event.condition.target)}` },
    { type: 'mrkdwn', text: `*Severity*\n${event.severity}` },
    { type: 'mrkdwn', text: `*Observed*\n${event.condition.metric} = ${formatValue(event.condition.metric, event.value)}` },
    { type: 'mrkdwn', text: `*Condition*\n${describeCondition(event.condition)}` },
  ];
  const since = Math.floor(event.firedAt.getTime() / 1000);
  const context =
    event.kind === 'firing'
      ? `Firing since <!date^${since}^{date_short_pretty} {time_secs}|${event.firedAt.toISOString()}> · rule ${event.ruleId}`
      : `Resolved after ${formatDuration(Math.max(0, Math.round((event.at.getTime() - event.firedAt.getTime()) / 1000)))} · rule ${event.ruleId}`;
  return {
    text: summary(event),
    attachments: [
      {
        color: event.kind === 'firing' ? FIRING_COLOR[event.severity] : RESOLVED_COLOR,
        fallback: summary(event),
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: `${word}: ${event.ruleName}`.slice(0, 150) } },
          { type: 'section', fields },
          { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
        ],
      },
    ],
  };
}

export class SlackSender implements ChannelSender<'slack'> {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
  ) {}

  async send(config: SlackChannelConfig, notification: Notification): Promise<void> {
    await postJson(this.policy, { url: config.webhookUrl, body: JSON.stringify(slackPayload(notification)) }, this.timeoutMs);
  }
}
