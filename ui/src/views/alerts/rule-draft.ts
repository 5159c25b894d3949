import type {
  AlertChannelKind,
  AlertMetric,
  AlertOperator,
  AlertSeverity,
  CreateAlertRuleInput,
  UpdateAlertRuleInput,
} from '../../__generated__/graphql';

/**
 * The alert rule form as plain data, and its mapping to the API inputs.
 * Values stay text until submit so the form can hold what the user typed.
 * Only a threshold that is not a number is caught here (JSON cannot carry
 * NaN); every other rule is the gateway's, whose messages name the field.
 */

export const METRICS: readonly { id: AlertMetric; label: string; unit: string }[] = [
  { id: 'ERROR_RATE', label: 'Error rate', unit: 'fraction, 0.05 = 5 %' },
  { id: 'P99_LATENCY_MS', label: 'p99 latency', unit: 'ms' },
  { id: 'P95_LATENCY_MS', label: 'p95 latency', unit: 'ms' },
  { id: 'P90_LATENCY_MS', label: 'p90 latency', unit: 'ms' },
  { id: 'P50_LATENCY_MS', label: 'p50 latency', unit: 'ms' },
  { id: 'REQUEST_COUNT', label: 'Request count', unit: 'requests in the window' },
];

export const OPERATORS: readonly { id: AlertOperator; symbol: string }[] = [
  { id: 'GT', symbol: '>' },
  { id: 'GTE', symbol: '≥' },
  { id: 'LT', symbol: '<' },
  { id: 'LTE', symbol: '≤' },
  { id: 'EQ', symbol: '=' },
  { id: 'NEQ', symbol: '≠' },
];

export const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'WARNING', 'INFO'];
export const CHANNELS: readonly AlertChannelKind[] = ['SLACK', 'EMAIL', 'PAGERDUTY', 'WEBHOOK'];

export interface RuleDraft {
  readonly name: string;
  readonly target: 'service' | 'edge';
  readonly service: string;
  readonly edgeSource: string;
  readonly edgeTarget: string;
  readonly metric: AlertMetric;
  readonly operator: AlertOperator;
  readonly threshold: string;
  readonly window: string;
  /** Empty: fire at the first evaluation that meets the condition. */
  readonly for: string;
  readonly severity: AlertSeverity;
  readonly channels: readonly AlertChannelKind[];
}

export const EMPTY_DRAFT: RuleDraft = {
  name: '',
  target: 'service',
  service: '',
  edgeSource: '',
  edgeTarget: '',
  metric: 'ERROR_RATE',
  operator: 'GT',
  threshold: '',
  window: '5m',
  for: '',
  severity: 'WARNING',
  channels: [],
};

/** The parts of an AlertRule the form edits. */
export interface RuleShape {
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly channels: readonly AlertChannelKind[];
  readonly condition: {
    readonly metric: AlertMetric;
    readonly operator: AlertOperator;
    readonly threshold: number;
    readonly window: string;
    readonly for?: string | null;
    readonly service?: string | null;
    readonly edge?: { readonly source: string; readonly target: string } | null;
  };
}

export function draftOf(rule: RuleShape): RuleDraft {
  const c = rule.condition;
  return {
    name: rule.name,
    target: c.edge ? 'edge' : 'service',
    service: c.service ?? '',
    edgeSource: c.edge?.source ?? '',
    edgeTarget: c.edge?.target ?? '',
    metric: c.metric,
    operator: c.operator,
    threshold: String(c.threshold),
    window: c.window,
    for: c.for ?? '',
    severity: rule.severity,
    channels: [...rule.channels],
  };
}

/** NaN when the text is not a number: the form refuses to submit it (see thresholdProblem). */
function threshold(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function target(draft: RuleDraft): { service: string; edge?: never } | { edge: { source: string; target: string }; service?: never } {
  return draft.target === 'service'
    ? { service: draft.service.trim() }
    : { edge: { source: draft.edgeSource.trim(), target: draft.edgeTarget.trim() } };
}

export function toCreateInput(draft: RuleDraft): CreateAlertRuleInput {
  return {
    name: draft.name.trim(),
    severity: draft.severity,
    channels: [...draft.channels],
    condition: {
      ...target(draft),
      metric: draft.metric,
      operator: draft.operator,
      threshold: threshold(draft.threshold),
      window: draft.window.trim(),
      ...(draft.for.trim() === '' ? {} : { for: draft.for.trim() }),
    },
  };
}

/** A full replacement of the editable fields; an emptied `for` is sent as null, which removes it. */
export function toUpdateInput(draft: RuleDraft): UpdateAlertRuleInput {
  return {
    name: draft.name.trim(),
    severity: draft.severity,
    channels: [...draft.channels],
    condition: {
      ...target(draft),
      metric: draft.metric,
      operator: draft.operator,
      threshold: threshold(draft.threshold),
      window: draft.window.trim(),
      for: draft.for.trim() === '' ? null : draft.for.trim(),
    },
  };
}

export function thresholdProblem(draft: RuleDraft): string | null {
  return Number.isFinite(threshold(draft.threshold)) ? null : 'Enter the threshold as a number';
}

/** "error rate > 0.05 over 5m for 2m" */
export function describeCondition(c: RuleShape['condition']): string {
  const metric = METRICS.find((m) => m.id === c.metric)?.label.toLowerCase() ?? c.metric;
  const op = OPERATORS.find((o) => o.id === c.operator)?.symbol ?? c.operator;
  const unit = c.metric.endsWith('_MS') ? ' ms' : '';
  return `${metric} ${op} ${c.threshold}${unit} over ${c.window}${c.for ? ` for ${c.for}` : ''}`;
}

export function describeTarget(c: RuleShape['condition']): string {
  return c.edge ? `${c.edge.source} → ${c.edge.target}` : (c.service ?? '');
}
