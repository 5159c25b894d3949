import { builder } from '../../graphql/builder.js';
import { connectionOf, rejectBackwardPaging, totalCountField } from '../paging.js';
import type { AlertEvent as AlertEventModel, Delivery, DeliveryAttempt } from './alert-event.js';
import { formatDuration, type AlertCondition as AlertConditionModel } from './alert-rule.js';
import type { AlertRuleRecord } from './alert-rules.repository.js';
import { MAX_EVENT_PAGE, MAX_RULE_PAGE } from './alerts.service.js';

/*
 * Alert rules (admin), their history and live events (read). The REST routes
 * of the Alerts section (rest-compat/routes/alerts.routes.ts) run these
 * fields; docs/alerts.md describes the behaviour behind them.
 */

export const AlertMetricEnum = builder.enumType('AlertMetric', {
  description: 'What a rule measures over its window, from the per-minute rollups.',
  values: {
    ERROR_RATE: { value: 'error_rate', description: 'Failed requests / requests, a fraction (0.05 = 5 %); no value without requests.' },
    P50_LATENCY_MS: { value: 'p50_latency_ms', description: 'Median request latency in milliseconds (within 2 %).' },
    P90_LATENCY_MS: { value: 'p90_latency_ms' },
    P95_LATENCY_MS: { value: 'p95_latency_ms' },
    P99_LATENCY_MS: { value: 'p99_latency_ms' },
    REQUEST_COUNT: { value: 'request_count', description: 'Requests in the window (0 when idle).' },
  } as const,
});

export const AlertOperatorEnum = builder.enumType('AlertOperator', {
  description: 'Comparison of the observed value with the threshold (REST: >, >=, <, <=, ==, !=).',
  values: {
    GT: { value: '>' },
    GTE: { value: '>=' },
    LT: { value: '<' },
    LTE: { value: '<=' },
    EQ: { value: '==' },
    NEQ: { value: '!=' },
  } as const,
});

export const AlertSeverityEnum = builder.enumType('AlertSeverity', {
  values: { CRITICAL: { value: 'critical' }, WARNING: { value: 'warning' }, INFO: { value: 'info' } } as const,
});

export const AlertChannelKindEnum = builder.enumType('AlertChannelKind', {
  description: "A notification channel; its settings are the organization's (configureWebhookChannel and friends).",
  values: {
    SLACK: { value: 'slack' },
    EMAIL: { value: 'email' },
    PAGERDUTY: { value: 'pagerduty' },
    WEBHOOK: { value: 'webhook' },
  } as const,
});

const AlertRuleStatusEnum = builder.enumType('AlertRuleStatus', {
  values: {
    ACTIVE: { value: 'active', description: 'Evaluated every MESH_ALERT_EVAL_INTERVAL_S.' },
    PAUSED: { value: 'paused', description: 'Not evaluated; its state is kept until it is resumed.' },
  } as const,
});

const AlertStateEnum = builder.enumType('AlertState', {
  description: 'ok → (pending while `for` runs) → firing → ok; see docs/alerts.md.',
  values: { OK: { value: 'ok' }, PENDING: { value: 'pending' }, FIRING: { value: 'firing' } } as const,
});

const AlertEventKindEnum = builder.enumType('AlertEventKind', {
  values: { FIRING: { value: 'firing' }, RESOLVED: { value: 'resolved' } } as const,
});

const AlertDeliveryStatusEnum = builder.enumType('AlertDeliveryStatus', {
  description: 'The outcome of one delivery attempt.',
  values: { SUCCEEDED: { value: 'succeeded' }, FAILED: { value: 'failed' } } as const,
});

const AlertNotificationStatusEnum = builder.enumType('AlertNotificationStatus', {
  values: {
    PENDING: { value: 'pending', description: 'Not delivered yet; another attempt is due at nextAttemptAt.' },
    DELIVERED: { value: 'delivered' },
    FAILED: { value: 'failed', description: 'Given up: a permanent failure, or MESH_ALERT_DELIVERY_ATTEMPTS attempts failed.' },
  } as const,
});

const AlertEdge = builder.objectRef<{ source: string; target: string }>('AlertEdge').implement({
  description: 'An edge of the service topology: calls from a service to a node.',
  fields: (t) => ({ source: t.exposeString('source'), target: t.exposeString('target') }),
});

const AlertCondition = builder.objectRef<AlertConditionModel>('AlertCondition').implement({
  fields: (t) => ({
    metric: t.field({ type: AlertMetricEnum, resolve: (c) => c.metric }),
    service: t.string({
      nullable: true,
      description: 'The watched service (null for an edge rule).',
      resolve: (c) => (c.target.kind === 'service' ? c.target.service : null),
    }),
    edge: t.field({
      type: AlertEdge,
      nullable: true,
      description: 'The watched edge (null for a service rule).',
      resolve: (c) => (c.target.kind === 'edge' ? c.target : null),
    }),
    operator: t.field({ type: AlertOperatorEnum, resolve: (c) => c.operator }),
    threshold: t.exposeFloat('threshold'),
    window: t.string({ description: 'E.g. "5m", "1h".', resolve: (c) => formatDuration(c.windowS) }),
    windowSeconds: t.exposeInt('windowS'),
    for: t.string({
      nullable: true,
      description: 'How long the condition must hold before firing.',
      resolve: (c) => (c.forS === null ? null : formatDuration(c.forS)),
    }),
    forSeconds: t.exposeInt('forS', { nullable: true }),
  }),
});

export const AlertRule = builder.objectRef<AlertRuleRecord>('AlertRule').implement({
  fields: (t) => ({
    id: t.exposeID('id', { description: 'alert_rule_ followed by 8 hex digits.' }),
    name: t.exposeString('name'),
    condition: t.field({ type: AlertCondition, resolve: (r) => r.condition }),
    channels: t.field({ type: [AlertChannelKindEnum], resolve: (r) => [...r.channels] }),
    severity: t.field({ type: AlertSeverityEnum, resolve: (r) => r.severity }),
    status: t.field({ type: AlertRuleStatusEnum, resolve: (r) => r.status }),
    state: t.field({ type: AlertStateEnum, resolve: (r) => r.evaluation.state }),
    stateSince: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Null until the first evaluation.',
      resolve: (r) => r.evaluation.since,
    }),
    lastEvaluatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.evaluation.lastEvaluatedAt }),
    lastValue: t.float({
      nullable: true,
      description: 'The metric at the last evaluation; null without data.',
      resolve: (r) => r.evaluation.lastValue,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

const AlertDelivery = builder.objectRef<DeliveryAttempt>('AlertDelivery').implement({
  description: 'One attempt to deliver an alert event to one channel.',
  fields: (t) => ({
    channel: t.field({ type: AlertChannelKindEnum, resolve: (a) => a.channel }),
    attempt: t.exposeInt('attempt', { description: '1 for the first attempt.' }),
    status: t.field({ type: AlertDeliveryStatusEnum, resolve: (a) => (a.ok ? 'succeeded' : 'failed') }),
    error: t.exposeString('error', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
  }),
});

const AlertNotification = builder.objectRef<Delivery>('AlertNotification').implement({
  description: 'Where the notification of an event on one channel stands.',
  fields: (t) => ({
    channel: t.field({ type: AlertChannelKindEnum, resolve: (d) => d.channel }),
    status: t.field({ type: AlertNotificationStatusEnum, resolve: (d) => d.status }),
    attempts: t.int({ resolve: (d) => d.attempts.length }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.nextAttemptAt }),
  }),
});

const CHANNEL_ORDER = ['webhook', 'slack', 'pagerduty', 'email'] as const;
const byChannel = (a: { channel: string }, b: { channel: string }) =>
  CHANNEL_ORDER.indexOf(a.channel as (typeof CHANNEL_ORDER)[number]) - CHANNEL_ORDER.indexOf(b.channel as (typeof CHANNEL_ORDER)[number]);

export const AlertEvent = builder.objectRef<AlertEventModel>('AlertEvent').implement({
  description: "A rule's transition to firing or back (resolved), with the rule as it was then.",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: AlertEventKindEnum, resolve: (e) => e.kind }),
    ruleId: t.exposeID('ruleId'),
    ruleName: t.exposeString('ruleName'),
    severity: t.field({ type: AlertSeverityEnum, resolve: (e) => e.severity }),
    condition: t.field({ type: AlertCondition, resolve: (e) => e.condition }),
    value: t.float({
      nullable: true,
      description: 'The metric observed by the evaluation that made the transition; null without data.',
      resolve: (e) => e.value,
    }),
    incidentId: t.exposeString('incidentId', { description: 'Shared by the firing event and the resolved event that closes it.' }),
    at: t.field({ type: 'DateTime', description: 'When the transition was observed.', resolve: (e) => e.at }),
    firedAt: t.field({ type: 'DateTime', description: 'When the incident began.', resolve: (e) => e.firedAt }),
    channels: t.field({ type: [AlertChannelKindEnum], resolve: (e) => [...e.channels] }),
    deliveries: t.field({
      type: [AlertDelivery],
      description: 'Every delivery attempt on every channel, oldest first.',
      resolve: async (e, _a, ctx) =>
        (await ctx.loaders.alertDeliveries.load(e.id))
          .flatMap((d) => d.attempts)
          .sort((a, b) => a.at.getTime() - b.at.getTime() || byChannel(a, b) || a.attempt - b.attempt),
    }),
    notifications: t.field({
      type: [AlertNotification],
      description: 'The state of the notification on each channel.',
      resolve: async (e, _a, ctx) => [...(await ctx.loaders.alertDeliveries.load(e.id))].sort(byChannel),
    }),
  }),
});

const AlertEdgeInput = builder.inputType('AlertEdgeInput', {
  fields: (t) => ({ source: t.string({ required: true }), target: t.string({ required: true }) }),
});

const AlertConditionInputType = builder.inputType('AlertConditionInput', {
  description: 'Exactly one of `service` and `edge`.',
  fields: (t) => ({
    metric: t.field({ type: AlertMetricEnum, required: true }),
    service: t.string(),
    edge: t.field({ type: AlertEdgeInput }),
    operator: t.field({ type: AlertOperatorEnum, required: true }),
    threshold: t.float({ required: true, description: 'error_rate: a fraction from 0 to 1; other metrics: ≥ 0.' }),
    window: t.string({ required: true, description: 'Whole minutes from 1m to 24h: "5m", "1h", "1h30m".' }),
    for: t.string({ description: 'Optional, 1s to 24h: the condition must hold this long (measured at evaluations) before firing.' }),
  }),
});

const CreateAlertRuleInput = builder.inputType('CreateAlertRuleInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'At most 200 characters.' }),
    condition: t.field({ type: AlertConditionInputType, required: true }),
    channels: t.field({ type: [AlertChannelKindEnum], required: true, description: 'At least one, each at most once.' }),
    severity: t.field({ type: AlertSeverityEnum, description: 'Default: WARNING.' }),
  }),
});

const AlertConditionPatchInput = builder.inputType('AlertConditionPatchInput', {
  description: 'Fields to change; the others stay. Giving `service` or `edge` replaces the target; `for: null` removes the for-duration.',
  fields: (t) => ({
    metric: t.field({ type: AlertMetricEnum }),
    service: t.string(),
    edge: t.field({ type: AlertEdgeInput }),
    operator: t.field({ type: AlertOperatorEnum }),
    threshold: t.float(),
    window: t.string(),
    for: t.string(),
  }),
});

const UpdateAlertRuleInput = builder.inputType('UpdateAlertRuleInput', {
  description: 'A partial update: absent fields stay as they are.',
  fields: (t) => ({
    name: t.string(),
    condition: t.field({ type: AlertConditionPatchInput }),
    channels: t.field({ type: [AlertChannelKindEnum] }),
    severity: t.field({ type: AlertSeverityEnum }),
    status: t.field({ type: AlertRuleStatusEnum }),
  }),
});

builder.queryFields((t) => ({
  alertRules: t.connection(
    {
      type: AlertRule,
      authScopes: { admin: true },
      description: 'Alert rules in creation order.',
      complexity: (args) => ({ field: 5, multiplier: Math.ceil(Math.min(args.first ?? 100, MAX_RULE_PAGE) / 10) }),
      resolve: async (_root, args, ctx) => {
        rejectBackwardPaging(args);
        return connectionOf(await ctx.services.alerts.listRules(ctx.principal, { first: args.first ?? 100, after: args.after ?? null }));
      },
    },
    {
      name: 'AlertRuleConnection',
      fields: (c) => ({ totalCount: c.int(totalCountField('Number of rules (a separate count; select it only when needed).')) }),
    },
    { name: 'AlertRuleEdge' },
  ),
  alertRule: t.field({
    type: AlertRule,
    nullable: true,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.alerts.getRule(ctx.principal, String(args.id)),
  }),
  alertEvents: t.connection(
    {
      type: AlertEvent,
      authScopes: { read: true },
      description: 'Alert events newest first, optionally of one rule (kept for MESH_RETENTION_HOURS).',
      args: { ruleId: t.arg.id() },
      complexity: (args) => ({ field: 5, multiplier: Math.ceil(Math.min(args.first ?? 100, MAX_EVENT_PAGE) / 10) }),
      resolve: async (_root, args, ctx) => {
        rejectBackwardPaging(args);
        const page = await ctx.services.alerts.listEvents(ctx.principal, {
          ruleId: args.ruleId == null ? null : String(args.ruleId),
          first: args.first ?? 100,
          after: args.after ?? null,
        });
        return connectionOf(page);
      },
    },
    {
      name: 'AlertEventConnection',
      fields: (c) => ({ totalCount: c.int(totalCountField('Number of events matching (a separate count).')) }),
    },
    { name: 'AlertEventEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createAlertRule: t.field({
    type: AlertRule,
    authScopes: { admin: true },
    description: 'Creates an active rule; it is evaluated from the next evaluation interval on.',
    args: { input: t.arg({ type: CreateAlertRuleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.alerts.createRule(ctx.principal, {
        name: input.name,
        condition: input.condition,
        channels: input.channels,
        severity: input.severity ?? null,
      }),
  }),
  updateAlertRule: t.field({
    type: AlertRule,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAlertRuleInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => ctx.services.alerts.updateRule(ctx.principal, String(id), input),
  }),
  pauseAlertRule: t.field({
    type: AlertRule,
    authScopes: { admin: true },
    description: 'Stops evaluating the rule (no notifications) until it is resumed; its state is kept.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.alerts.setRuleStatus(ctx.principal, String(id), 'paused'),
  }),
  resumeAlertRule: t.field({
    type: AlertRule,
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.alerts.setRuleStatus(ctx.principal, String(id), 'active'),
  }),
  deleteAlertRule: t.field({
    type: 'ID',
    authScopes: { admin: true },
    description: 'Deletes the rule and returns its id; its events stay in the history. A firing rule sends no resolved notification.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.alerts.deleteRule(ctx.principal, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  alertEvents: t.field({
    type: AlertEvent,
    authScopes: { read: true },
    description: "Each firing and resolved event of your organization's rules (this partition), once, as it is announced.",
    args: { ruleId: t.arg.id() },
    subscribe: (_root, args, ctx) =>
      ctx.services.alerts.subscribe(ctx.principal, { ruleId: args.ruleId == null ? null : String(args.ruleId) }),
    resolve: (event) => event,
  }),
}));
