import { assertCan } from '../../auth/policy.js';
import type { Principal } from '../../auth/principal.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import {
  DEFAULT_PAGERDUTY_ENDPOINT,
  type ChannelSettings,
  type ChannelSettingsOf,
  type EmailChannelConfig,
  type PagerDutyChannelConfig,
  type SlackChannelConfig,
  type WebhookChannelConfig,
} from './alert-channel.js';
import type { AlertChannelsRepository } from './alert-channels.repository.js';
import type { ChannelKind } from './alert-rule.js';
import { OutboundRefusedError, type OutboundPolicy } from './outbound.js';

const MAX_URL = 2048;
const MIN_SECRET = 16;
const MAX_SECRET = 256;
const MAX_RECIPIENTS = 50;
const ROUTING_KEY = /^[A-Za-z0-9_-]{1,128}$/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9A-Fa-f:.]+\]?)$/;
/** An address the way SMTP takes it; display names (`Ops <ops@…>`) are not accepted. */
const EMAIL = /^[^\s@<>(),;:"\\[\]]{1,64}@[^\s@<>(),;:"\\[\]]{1,253}$/;

export interface WebhookChannelInput {
  readonly url: string;
  readonly secret: string;
}

export interface SlackChannelInput {
  readonly webhookUrl: string;
}

export interface PagerDutyChannelInput {
  readonly routingKey: string;
  readonly endpoint?: string | null;
}

export interface EmailChannelInput {
  readonly host: string;
  readonly port: number;
  readonly secure?: boolean | null;
  readonly username?: string | null;
  readonly password?: string | null;
  readonly from: string;
  readonly to: readonly string[];
}

/**
 * A host that resolves into a refused range is a 400 naming the parameter.
 * A name that does not resolve now is accepted: DNS may be briefly away, and
 * every send resolves and checks it again before connecting.
 */
async function checkHost(policy: OutboundPolicy, resolve: (policy: OutboundPolicy) => Promise<unknown>, param: string): Promise<void> {
  try {
    await resolve(policy);
  } catch (error) {
    if (!(error instanceof OutboundRefusedError)) throw error;
    if (!error.transient) throw new ValidationError(`Parameter '${param}' ${error.message}`, param);
  }
}

function email(value: string, param: string): string {
  if (value.length > 254 || !EMAIL.test(value))
    throw new ValidationError(`Parameter '${param}' must be an email address (name@domain)`, param);
  return value;
}

/**
 * Notification channels of a tenant (admin). Every URL and SMTP host is
 * checked against the SSRF guard here, when it is configured, so a refused
 * address is a 400 naming the parameter; the delivery checks it again at
 * each send (outbound.ts).
 */
export class AlertChannelsService {
  constructor(
    private readonly channels: AlertChannelsRepository,
    private readonly policy: OutboundPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(principal: Principal | null): Promise<ChannelSettings[]> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    return this.channels.list(tenant);
  }

  async configureWebhook(principal: Principal | null, input: WebhookChannelInput): Promise<ChannelSettingsOf<'webhook'>> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    if (input.secret.length < MIN_SECRET || input.secret.length > MAX_SECRET) {
      throw new ValidationError(`Parameter 'secret' must have ${MIN_SECRET} to ${MAX_SECRET} characters`, 'secret');
    }
    const config: WebhookChannelConfig = { kind: 'webhook', url: await this.checkUrl(input.url, 'url'), secret: input.secret };
    return this.channels.put(tenant, config, this.now());
  }

  async configureSlack(principal: Principal | null, input: SlackChannelInput): Promise<ChannelSettingsOf<'slack'>> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    const config: SlackChannelConfig = { kind: 'slack', webhookUrl: await this.checkUrl(input.webhookUrl, 'webhookUrl') };
    return this.channels.put(tenant, config, this.now());
  }

  async configurePagerDuty(principal: Principal | null, input: PagerDutyChannelInput): Promise<ChannelSettingsOf<'pagerduty'>> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    if (!ROUTING_KEY.test(input.routingKey)) {
      throw new ValidationError(
        "Parameter 'routingKey' must be a PagerDuty integration key (1–128 letters, digits, '-' or '_')",
        'routingKey',
      );
    }
    const config: PagerDutyChannelConfig = {
      kind: 'pagerduty',
      routingKey: input.routingKey,
      endpoint: await this.checkUrl(input.endpoint ?? DEFAULT_PAGERDUTY_ENDPOINT, 'endpoint'),
    };
    return this.channels.put(tenant, config, this.now());
  }

  async configureEmail(principal: Principal | null, input: EmailChannelInput): Promise<ChannelSettingsOf<'email'>> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    const host = input.host.trim();
    if (!HOST_NAME.test(host) && !IP_LITERAL.test(host))
      throw new ValidationError("Parameter 'host' must be a host name or an IP address", 'host');
    if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535) {
      throw new ValidationError("Parameter 'port' must be an integer from 1 to 65535", 'port');
    }
    if (input.password != null && input.username == null) throw new ValidationError("Parameter 'password' requires 'username'", 'password');
    if (input.to.length === 0 || input.to.length > MAX_RECIPIENTS) {
      throw new ValidationError(`Parameter 'to' must list 1 to ${MAX_RECIPIENTS} addresses`, 'to');
    }
    await checkHost(this.policy, (p) => p.resolveHost(host), 'host');
    const config: EmailChannelConfig = {
      kind: 'email',
      host,
      port: input.port,
      secure: input.secure ?? input.port === 465,
      username: input.username ?? null,
      password: input.password ?? null,
      from: email(input.from, 'from'),
      to: input.to.map((address, i) => email(address, `to.${i}`)),
    };
    return this.channels.put(tenant, config, this.now());
  }

  async remove(principal: Principal | null, kind: ChannelKind): Promise<ChannelKind> {
    const { tenant } = assertCan(principal, 'alerts:admin');
    if (!(await this.channels.delete(tenant, kind))) throw new NotFoundError(`No ${kind} channel is configured`, 'kind');
    return kind;
  }

  private async checkUrl(text: string, param: string): Promise<string> {
    let url: URL;
    try {
      if (text.length > MAX_URL) throw new TypeError('too long');
      url = new URL(text);
    } catch {
      throw new ValidationError(`Parameter '${param}' must be an absolute http or https URL of at most ${MAX_URL} characters`, param);
    }
    await checkHost(this.policy, (p) => p.resolveUrl(url), param);
    return url.toString();
  }
}
