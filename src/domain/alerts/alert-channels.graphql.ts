import { builder } from '../../graphql/builder.js';
import type { ChannelSettings, ChannelSettingsOf } from './alert-channel.js';
import { AlertChannelKindEnum } from './alerts.graphql.js';

/*
 * Notification channels of an organization (admin), one per kind and
 * partition. Secrets go in and never come out: the webhook secret, the
 * PagerDuty routing key, the Slack URL's token path and the SMTP password
 * are shown at most as a hint.
 */

const AlertChannel = builder.interfaceRef<ChannelSettings>('AlertChannel').implement({
  description: 'Where the notifications of rules naming this channel kind go.',
  resolveType: (settings) =>
    ({ webhook: 'WebhookAlertChannel', slack: 'SlackAlertChannel', pagerduty: 'PagerDutyAlertChannel', email: 'EmailAlertChannel' })[
      settings.config.kind
    ],
  fields: (t) => ({
    kind: t.field({ type: AlertChannelKindEnum, resolve: (s) => s.config.kind }),
    updatedAt: t.field({ type: 'DateTime', resolve: (s) => s.updatedAt }),
  }),
});

const WebhookAlertChannel = builder.objectRef<ChannelSettingsOf<'webhook'>>('WebhookAlertChannel').implement({
  interfaces: [AlertChannel],
  description: 'POSTs the documented JSON body, signed with HMAC-SHA256 (X-Mesh-Signature, X-Mesh-Timestamp).',
  fields: (t) => ({
    url: t.string({ resolve: (s) => s.config.url }),
  }),
});

const SlackAlertChannel = builder.objectRef<ChannelSettingsOf<'slack'>>('SlackAlertChannel').implement({
  interfaces: [AlertChannel],
  fields: (t) => ({
    webhookUrlHint: t.string({
      description: 'The incoming-webhook origin; its path is a secret.',
      resolve: (s) => `${new URL(s.config.webhookUrl).origin}/…`,
    }),
  }),
});

const PagerDutyAlertChannel = builder.objectRef<ChannelSettingsOf<'pagerduty'>>('PagerDutyAlertChannel').implement({
  interfaces: [AlertChannel],
  fields: (t) => ({
    endpoint: t.string({ resolve: (s) => s.config.endpoint }),
    routingKeyHint: t.string({
      description: 'The last 4 characters of the routing key.',
      resolve: (s) => `…${s.config.routingKey.slice(-4)}`,
    }),
  }),
});

const EmailAlertChannel = builder.objectRef<ChannelSettingsOf<'email'>>('EmailAlertChannel').implement({
  interfaces: [AlertChannel],
  fields: (t) => ({
    host: t.string({ resolve: (s) => s.config.host }),
    port: t.int({ resolve: (s) => s.config.port }),
    secure: t.boolean({
      description: 'TLS from the first byte (SMTPS); otherwise STARTTLS when the server offers it.',
      resolve: (s) => s.config.secure,
    }),
    username: t.string({ nullable: true, resolve: (s) => s.config.username }),
    from: t.string({ resolve: (s) => s.config.from }),
    to: t.stringList({ resolve: (s) => [...s.config.to] }),
  }),
});

const ConfigureWebhookChannelInput = builder.inputType('ConfigureWebhookChannelInput', {
  fields: (t) => ({
    url: t.string({
      required: true,
      description: 'http(s) URL; private, loopback and link-local addresses are refused unless MESH_OUTBOUND_ALLOW allows them.',
    }),
    secret: t.string({ required: true, description: '16–256 characters: the HMAC-SHA256 key of X-Mesh-Signature.' }),
  }),
});

const ConfigureSlackChannelInput = builder.inputType('ConfigureSlackChannelInput', {
  fields: (t) => ({ webhookUrl: t.string({ required: true, description: 'A Slack incoming-webhook URL.' }) }),
});

const ConfigurePagerDutyChannelInput = builder.inputType('ConfigurePagerDutyChannelInput', {
  fields: (t) => ({
    routingKey: t.string({ required: true, description: 'The Events API v2 integration (routing) key.' }),
    endpoint: t.string({ description: 'Default: https://events.pagerduty.com/v2/enqueue.' }),
  }),
});

const ConfigureEmailChannelInput = builder.inputType('ConfigureEmailChannelInput', {
  fields: (t) => ({
    host: t.string({ required: true, description: 'SMTP server; checked like a URL against MESH_OUTBOUND_ALLOW.' }),
    port: t.int({ required: true }),
    secure: t.boolean({ description: 'TLS from the first byte; default: true on port 465.' }),
    username: t.string(),
    password: t.string(),
    from: t.string({ required: true }),
    to: t.stringList({ required: true, description: '1 to 50 addresses.' }),
  }),
});

builder.queryFields((t) => ({
  alertChannels: t.field({
    type: [AlertChannel],
    authScopes: { admin: true },
    description: 'The configured notification channels of this organization and partition.',
    resolve: (_root, _args, ctx) => ctx.services.alertChannels.list(ctx.principal),
  }),
}));

builder.mutationFields((t) => ({
  configureWebhookChannel: t.field({
    type: WebhookAlertChannel,
    authScopes: { admin: true },
    description: 'Creates or replaces the webhook channel.',
    args: { input: t.arg({ type: ConfigureWebhookChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.alertChannels.configureWebhook(ctx.principal, input),
  }),
  configureSlackChannel: t.field({
    type: SlackAlertChannel,
    authScopes: { admin: true },
    description: 'Creates or replaces the Slack channel.',
    args: { input: t.arg({ type: ConfigureSlackChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.alertChannels.configureSlack(ctx.principal, input),
  }),
  configurePagerDutyChannel: t.field({
    type: PagerDutyAlertChannel,
    authScopes: { admin: true },
    description: 'Creates or replaces the PagerDuty channel.',
    args: { input: t.arg({ type: ConfigurePagerDutyChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.alertChannels.configurePagerDuty(ctx.principal, input),
  }),
  configureEmailChannel: t.field({
    type: EmailAlertChannel,
    authScopes: { admin: true },
    description: 'Creates or replaces the email channel.',
    args: { input: t.arg({ type: ConfigureEmailChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.alertChannels.configureEmail(ctx.principal, input),
  }),
  deleteAlertChannel: t.field({
    type: AlertChannelKindEnum,
    authScopes: { admin: true },
    description: 'Removes a channel; notifications for it then fail (recorded) until it is configured again.',
    args: { kind: t.arg({ type: AlertChannelKindEnum, required: true }) },
    resolve: (_root, { kind }, ctx) => ctx.services.alertChannels.remove(ctx.principal, kind),
  }),
}));
