import { randomBytes } from 'node:crypto';
import { ValidationError } from '../../errors.js';

/**
 * Alert rules: the model and the validation of what callers send. Parameter
 * names in errors are the REST body's (`condition.window`), which GraphQL's
 * CreateAlertRuleInput mirrors field for field.
 */

export const ALERT_METRICS = [
  'error_rate',
  'p50_latency_ms',
  'p90_latency_ms',
  'p95_latency_ms',
  'p99_latency_ms',
  'request_count',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const ALERT_OPERATORS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type AlertOperator = (typeof ALERT_OPERATORS)[number];

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const CHANNEL_KINDS = ['slack', 'email', 'pagerduty', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const RULE_STATUSES = ['active', 'paused'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** What a rule watches: one service's requests, or the calls on one edge of the topology. */
export type AlertTarget =
  { readonly kind: 'service'; readonly service: string } | { readonly kind: 'edge'; readonly source: string; readonly target: string };

export interface AlertCondition {
  readonly metric: AlertMetric;
  readonly target: AlertTarget;
  readonly operator: AlertOperator;
  readonly threshold: number;
  /** The metric is computed over the last `windowS` seconds (whole minutes, 1 min to 24 h). */
  readonly windowS: number;
  /** The condition must hold this long before the rule fires; null fires on the first evaluation that meets it. */
  readonly forS: number | null;
}

export interface AlertRule {
  readonly id: string;
  readonly name: string;
  readonly condition: AlertCondition;
  readonly channels: readonly ChannelKind[];
  readonly severity: AlertSeverity;
  readonly status: RuleStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const MAX_NAME_LENGTH = 200;
export const MAX_SERVICE_LENGTH = 1024;
export const MIN_WINDOW_S = 60;
export const MAX_WINDOW_S = 24 * 3600;
export const MAX_FOR_S = 24 * 3600;

/** The documented shape of a rule id; `RULE_ID_RULE` is what an id that does not have it is told. */
export const RULE_ID = /^alert_rule_[0-9a-f]{8}$/;
export const RULE_ID_RULE = 'must be an alert rule id (alert_rule_ followed by 8 hex digits)';

/** `alert_rule_` and 8 hex digits, as in the REST document's example (`alert_rule_7f3a8b2e`). */
export function newRuleId(): string {
  return `alert_rule_${randomBytes(4).toString('hex')}`;
}

export function assertRuleId(id: string, param = 'id'): string {
  if (!RULE_ID.test(id)) throw new ValidationError(`Parameter '${param}' ${RULE_ID_RULE}`, param);
  return id;
}

const UNIT_S: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DURATION = /^(?:\d{1,6}[smhd])+$/;

/**
 * A duration like `5m`, `1h`, `90s` or `1h30m` (Prometheus style: integer
 * amounts with s, m, h or d units, largest first or not) in seconds; null when
 * the text is not one.
 */
export function parseDuration(text: string): number | null {
  if (!DURATION.test(text)) return null;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhd])/g)) seconds += Number(amount) * UNIT_S[unit!]!;
  return seconds;
}

/** The shortest canonical text of a duration: 300 → `5m`, 5400 → `1h30m`, 86400 → `24h`. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}

export function parseWindow(text: string, param = 'condition.window'): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds % 60 !== 0 || seconds < MIN_WINDOW_S || seconds > MAX_WINDOW_S) {
    throw new ValidationError(`Parameter '${param}' must be a duration in whole minutes from 1m to 24h (e.g. 5m, 1h)`, param);
  }
  return seconds;
}

export function parseFor(text: string, param = 'condition.for'): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds < 1 || seconds > MAX_FOR_S) {
    throw new ValidationError(`Parameter '${param}' must be a duration from 1s to 24h (e.g. 30s, 5m)`, param);
  }
  return seconds;
}

function boundedText(value: string, param: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    throw new ValidationError(`Parameter '${param}' must be a non-empty string of at most ${max} characters`, param);
  }
  return trimmed;
}

function oneOf<const V extends readonly string[]>(values: V, value: string, param: string): V[number] {
  if (!values.includes(value)) throw new ValidationError(`Parameter '${param}' must be one of ${values.join(', ')}`, param);
  return value as V[number];
}

/** Valid thresholds per metric: a rate is a fraction, latencies and counts are non-negative. */
function checkThreshold(metric: AlertMetric, threshold: number, param: string): number {
  if (!Number.isFinite(threshold)) throw new ValidationError(`Parameter '${param}' must be a finite number`, param);
  if (metric === 'error_rate' && (threshold < 0 || threshold > 1)) {
    throw new ValidationError(`Parameter '${param}' must be from 0 to 1 for error_rate (a fraction: 0.05 is 5 %)`, param);
  }
  if (threshold < 0) throw new ValidationError(`Parameter '${param}' must not be negative for ${metric}`, param);
  return threshold;
}

export interface AlertEdgeInput {
  readonly source: string;
  readonly target: string;
}

/** A condition as sent; exactly one of `service` and `edge`. */
export interface AlertConditionInput {
  readonly metric: string;
  readonly service?: string | null;
  readonly edge?: AlertEdgeInput | null;
  readonly operator: string;
  readonly threshold: number;
  readonly window: string;
  readonly for?: string | null;
}

export interface AlertRuleInput {
  readonly name: string;
  readonly condition: AlertConditionInput;
  readonly channels: readonly string[];
  readonly severity?: string | null;
}

/** Condition fields to change; null is refused except for `for` (removes it) and the target fields. */
export type AlertConditionPatch = { readonly [K in keyof AlertConditionInput]?: AlertConditionInput[K] | null };

/** A partial update: absent fields stay; `condition` fields merge into the stored condition. */
export interface AlertRulePatch {
  readonly name?: string | null;
  readonly condition?: AlertConditionPatch | null;
  readonly channels?: readonly string[] | null;
  readonly severity?: string | null;
  readonly status?: string | null;
}

function parseTarget(service: string | null | undefined, edge: AlertEdgeInput | null | undefined): AlertTarget {
  const hasService = service !== null && service !== undefined;
  const hasEdge = edge !== null && edge !== undefined;
  if (hasService === hasEdge) {
    throw new ValidationError(
      "Parameter 'condition.service' must be given, or else 'condition.edge' (exactly one of them)",
      'condition.service',
    );
  }
  if (hasService) return { kind: 'service', service: boundedText(service, 'condition.service', MAX_SERVICE_LENGTH) };
  return {
    kind: 'edge',
    source: boundedText(edge!.source, 'condition.edge.source', MAX_SERVICE_LENGTH),
    target: boundedText(edge!.target, 'condition.edge.target', MAX_SERVICE_LENGTH),
  };
}

export function parseCondition(input: AlertConditionInput): AlertCondition {
  const metric = oneOf(ALERT_METRICS, input.metric, 'condition.metric');
  return {
    metric,
    target: parseTarget(input.service, input.edge),
    operator: oneOf(ALERT_OPERATORS, input.operator, 'condition.operator'),
    threshold: checkThreshold(metric, input.threshold, 'condition.threshold'),
    windowS: parseWindow(input.window),
    forS: input.for === null || input.for === undefined ? null : parseFor(input.for),
  };
}

export function parseChannels(channels: readonly string[], param = 'channels'): ChannelKind[] {
  if (channels.length === 0) throw new ValidationError(`Parameter '${param}' must name at least one of ${CHANNEL_KINDS.join(', ')}`, param);
  const parsed = channels.map((c, i) => oneOf(CHANNEL_KINDS, c, `${param}.${i}`));
  if (new Set(parsed).size !== parsed.length) throw new ValidationError(`Parameter '${param}' must not name a channel twice`, param);
  return parsed;
}

export interface NewRuleFields {
  readonly name: string;
  readonly condition: AlertCondition;
  readonly channels: readonly ChannelKind[];
  readonly severity: AlertSeverity;
}

export function parseRuleInput(input: AlertRuleInput): NewRuleFields {
  return {
    name: boundedText(input.name, 'name', MAX_NAME_LENGTH),
    condition: parseCondition(input.condition),
    channels: parseChannels(input.channels),
    severity: input.severity === null || input.severity === undefined ? 'warning' : oneOf(ALERT_SEVERITIES, input.severity, 'severity'),
  };
}

/** The stored condition as input, so a partial condition can be merged into it and validated whole. */
export function conditionInput(condition: AlertCondition): AlertConditionInput {
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

function required<T>(value: T | null | undefined, param: string): T | undefined {
  if (value === null) throw new ValidationError(`Parameter '${param}' must not be null`, param);
  return value;
}

/**
 * The fields a patch changes, validated against the rule they apply to.
 * Naming `service` or `edge` replaces the rule's target (the other is
 * cleared); `for: null` removes the for-duration; other nulls are refused.
 */
export function parseRulePatch(rule: AlertRule, patch: AlertRulePatch): Partial<NewRuleFields & { status: RuleStatus }> {
  const changes: { -readonly [K in keyof NewRuleFields]?: NewRuleFields[K] } & { status?: RuleStatus } = {};
  const name = required(patch.name, 'name');
  if (name !== undefined) changes.name = boundedText(name, 'name', MAX_NAME_LENGTH);
  const condition = required(patch.condition, 'condition');
  if (condition !== undefined) {
    const current = conditionInput(rule.condition);
    const retargets = condition.service != null || condition.edge != null;
    const merged: AlertConditionInput = {
      metric: required(condition.metric, 'condition.metric') ?? current.metric,
      operator: required(condition.operator, 'condition.operator') ?? current.operator,
      threshold: required(condition.threshold, 'condition.threshold') ?? current.threshold,
      window: required(condition.window, 'condition.window') ?? current.window,
      for: condition.for === undefined ? current.for : condition.for,
      ...(retargets ? { service: condition.service, edge: condition.edge } : { service: current.service, edge: current.edge }),
    };
    changes.condition = parseCondition(merged);
  }
  const channels = required(patch.channels, 'channels');
  if (channels !== undefined) changes.channels = parseChannels(channels);
  const severity = required(patch.severity, 'severity');
  if (severity !== undefined) changes.severity = oneOf(ALERT_SEVERITIES, severity, 'severity');
  const status = required(patch.status, 'status');
  if (status !== undefined) changes.status = oneOf(RULE_STATUSES, status, 'status');
  return changes;
}

/** Whether an observed value meets the condition; a metric without a value (no requests) never does. */
export function conditionMet(condition: Pick<AlertCondition, 'operator' | 'threshold'>, value: number | null): boolean {
  if (value === null) return false;
  const t = condition.threshold;
  switch (condition.operator) {
    case '>':
      return value > t;
    case '>=':
      return value >= t;
    case '<':
      return value < t;
    case '<=':
      return value <= t;
    case '==':
      return value === t;
    case '!=':
      return value !== t;
  }
}

/** `payment-svc` or `api-gateway → order-svc`, for messages. */
export function targetLabel(target: AlertTarget): string {
  return target.kind === 'service' ? target.service : `${target.source} → ${target.target}`;
}
