import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import type { EmailChannelConfig } from '../alert-channel.js';
import { targetLabel } from '../alert-rule.js';
import { OutboundRefusedError, type OutboundPolicy } from '../outbound.js';
import type { ChannelSender } from './channel-sender.js';
import { DeliveryError } from './channel-sender.js';
import { describeCondition, formatValue, statusWord, type Notification } from './notification.js';

/** `[FIRING] [critical] Payment service high error rate`. */
export function emailSubject({ event }: Notification): string {
  return `[${statusWord(event)}] [${event.severity}] ${event.ruleName}`;
}

/** A plain-text body, one fact per line. */
export function emailText({ tenant, event }: Notification): string {
  const lines = [
    `${event.ruleName} is ${event.kind === 'firing' ? 'FIRING' : 'RESOLVED'}.`,
    '',
    `Target:    ${targetLabel(event.condition.target)}`,
    `Observed:  ${event.condition.metric} = ${formatValue(event.condition.metric, event.value)}`,
    `Condition: ${describeCondition(event.condition)}`,
    `Severity:  ${event.severity}`,
    `Since:     ${event.firedAt.toISOString()}`,
    ...(event.kind === 'resolved' ? [`Resolved:  ${event.at.toISOString()}`] : []),
    '',
    `Rule:      ${event.ruleId}`,
    `Event:     ${event.id}`,
    `Tenant:    ${tenant.org} (${tenant.env})`,
  ];
  return `${lines.join('\n')}\n`;
}

interface SmtpFailure {
  readonly message?: string;
  readonly responseCode?: number;
  readonly permanent?: boolean;
}

/**
 * Email through the tenant's SMTP server with nodemailer. The SMTP host goes
 * through the SSRF guard like a URL; nodemailer connects to the checked
 * address and verifies TLS (SMTPS, or STARTTLS when offered) against the
 * configured host name. A 5xx reply is permanent, everything else retried.
 */
export class EmailSender implements ChannelSender<'email'> {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly timeoutMs: number,
  ) {}

  async send(config: EmailChannelConfig, notification: Notification): Promise<void> {
    let resolved;
    try {
      resolved = await this.policy.resolveHost(config.host);
    } catch (error) {
      if (error instanceof OutboundRefusedError) throw new DeliveryError(`refused: ${error.message}`, error.transient);
      throw error;
    }
    const transport = createTransport({
      host: resolved.address,
      port: config.port,
      secure: config.secure,
      ...(config.username !== null ? { auth: { user: config.username, pass: config.password ?? '' } } : {}),
      ...(isIP(resolved.host) === 0 ? { tls: { servername: resolved.host } } : {}),
      connectionTimeout: this.timeoutMs,
      greetingTimeout: this.timeoutMs,
      socketTimeout: this.timeoutMs,
    });
    try {
      await transport.sendMail({
        from: config.from,
        to: [...config.to],
        subject: emailSubject(notification),
        text: emailText(notification),
        headers: { 'X-Mesh-Event-Id': notification.event.id },
      });
    } catch (error) {
      const failure = error as SmtpFailure;
      const reply = failure.responseCode === undefined ? '' : ` (SMTP ${failure.responseCode})`;
      throw new DeliveryError(`SMTP delivery failed${reply}: ${failure.message ?? String(error)}`, failure.permanent !== true);
    } finally {
      transport.close();
    }
  }
}
