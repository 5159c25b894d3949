import { z } from 'zod';
import { RULE_ID, RULE_ID_RULE } from '../../src/domain/alerts/alert-rule.js';
import { NotFoundError } from '../../src/errors.js';
import { graphql } from '../__generated__/gql.js';
import type {
  AlertChannelKind,
  AlertMetric,
  AlertOperator,
  AlertSeverity,
  RestAlertRuleFragment,
  UpdateAlertRuleInput,
} from '../__generated__/graphql.js';
import { isoMillis } from '../json.js';
import { cursor, oneOf, queryInteger, text } from '../params.js';
import { defineRoute } from '../route.js';

/*
 * The Alerts section of the REST document (spec/mesh-trace-rest-v1.txt):
 * POST /v1/alerts/rules as documented, and the list/get/update/delete routes
 * its changelog announces, in the same snake_case style (docs/alerts.md).
 * Notification channels are configured through GraphQL only.
 */

const METRICS = ['error_rate', 'p50_latency_ms', 'p90_latency_ms', 'p95_latency_ms', 'p99_latency_ms', 'request_count'] as const;
const OPERATORS = ['>', '>=', '<', '<=', '==', '!='] as const;
const CHANNELS = ['slack', 'email', 'pagerduty', 'webhook'] as const;
const SEVERITIES = ['critical', 'warning', 'info'] as const;
const STATUSES = ['active', 'paused'] as const;
const STATES = ['ok', 'pending', 'firing'] as const;

const OPERATOR_ENUM: Readonly<Record<(typeof OPERATORS)[number], AlertOperator>> = {
  '>': 'GT',
  '>=': 'GTE',
  '<': 'LT',
  '<=': 'LTE',
  '==': 'EQ',
  '!=': 'NEQ',
};
const OPERATOR_TEXT = Object.fromEntries(Object.entries(OPERATOR_ENUM).map(([text, value]) => [value, text])) as Record<
  AlertOperator,
  (typeof OPERATORS)[number]
>;

const upper = <T extends string>(value: string) => value.toUpperCase() as T;
const lower = <T extends string>(value: string) => value.toLowerCase() as T;

graphql(`
  fragment RestAlertRule on AlertRule {
    id
    name
    condition {
      metric
      service
      edge {
        source
        target
      }
      operator
      threshold
      window
      for
    }
    channels
    severity
    status
    state
    createdAt
    updatedAt
    lastEvaluatedAt
  }
`);

const threshold = z
  .number({ error: 'must be a number' })
  .meta({ description: 'error_rate: a fraction from 0 to 1 (0.05 = 5 %); latencies in ms; counts' });
const duration = (description: string) => text(description, 16);

const EdgeJson = z
  .strictObject({
    source: text('Calling service'),
    target: text('Called service, database, messaging destination or external peer (as in GET /v1/topology)'),
  })
  .meta({ id: 'AlertEdge' });

const ConditionBody = z
  .strictObject({
    metric: oneOf(METRICS, 'What is measured over the window'),
    service: text('The service whose requests are measured (or give `edge`)').optional(),
    edge: EdgeJson.optional().meta({ description: 'The edge whose calls are measured (instead of `service`)' }),
    operator: oneOf(OPERATORS, 'How the observed value is compared with the threshold'),
    threshold,
    window: duration('Whole minutes from 1m to 24h, e.g. 5m, 1h'),
    for: duration('Optional: how long the condition must hold before the rule fires, 1s to 24h').optional(),
  })
  .meta({ id: 'AlertConditionInput', description: 'Trigger condition (metric, threshold, window); exactly one of service and edge' });

const CreateRuleBody = z
  .strictObject({
    name: text('Human-readable alert name', 200),
    condition: ConditionBody,
    channels: z
      .array(oneOf(CHANNELS, 'A notification channel'))
      .meta({ description: 'Notification channels: slack, email, pagerduty, webhook' }),
    severity: oneOf(SEVERITIES, 'critical, warning, or info. Default: warning').optional(),
  })
  .meta({ id: 'CreateAlertRule' });

const ConditionJson = z
  .strictObject({
    metric: z.enum(METRICS),
    service: z.string().optional().meta({ description: 'Present for a service rule' }),
    edge: EdgeJson.optional().meta({ description: 'Present for an edge rule' }),
    operator: z.enum(OPERATORS),
    threshold: z.number(),
    window: z.string().meta({ examples: ['5m'] }),
    for: z.string().nullable(),
  })
  .meta({ id: 'AlertCondition' });

const RuleJson = z
  .strictObject({
    id: z.string().meta({ examples: ['alert_rule_7f3a8b2e'] }),
    name: z.string(),
    condition: ConditionJson,
    channels: z.array(z.enum(CHANNELS)),
    severity: z.enum(SEVERITIES),
    status: z.enum(STATUSES).meta({ description: 'active rules are evaluated; paused ones are not' }),
    state: z.enum(STATES).meta({ description: 'ok, pending (the condition holds, `for` not yet elapsed) or firing' }),
    created_at: isoMillis('When the rule was created'),
    updated_at: isoMillis('When the rule was last changed'),
    last_evaluated_at: isoMillis('When the rule was last evaluated').nullable(),
  })
  .meta({ id: 'AlertRule' });

function ruleJson(rule: RestAlertRuleFragment): z.input<typeof RuleJson> {
  const { condition } = rule;
  return {
    id: rule.id,
    name: rule.name,
    condition: {
      metric: lower(condition.metric),
      ...(condition.service != null ? { service: condition.service } : {}),
      ...(condition.edge != null ? { edge: { source: condition.edge.source, target: condition.edge.target } } : {}),
      operator: OPERATOR_TEXT[condition.operator],
      threshold: condition.threshold,
      window: condition.window,
      for: condition.for ?? null,
    },
    channels: rule.channels.map((c) => lower(c)),
    severity: lower(rule.severity),
    status: lower(rule.status),
    state: lower(rule.state),
    created_at: rule.createdAt,
    updated_at: rule.updatedAt,
    last_evaluated_at: rule.lastEvaluatedAt ?? null,
  };
}

/**
 * The id's shape is checked with the path, before the body and before any
 * lookup: an id that cannot name a rule is the caller's malformed parameter
 * (400), an id of the documented shape that names no rule of the caller's
 * organization is a missing resource (404). docs/rest-v1.md, "Alert rule ids".
 */
const RuleIdPath = z.strictObject({
  id: z
    .string()
    .regex(RULE_ID, { error: RULE_ID_RULE })
    .meta({
      description:
        'Alert rule id: alert_rule_ followed by 8 lowercase hex digits. Another shape answers 400; a rule that does not exist, 404',
      examples: ['alert_rule_7f3a8b2e'],
    }),
});

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Alert rule '${id}' does not exist`, 'id');
}

export const createAlertRule = defineRoute({
  method: 'POST',
  path: '/v1/alerts/rules',
  tag: 'Alerts',
  summary: 'Create an alert rule',
  description:
    'Creates an active rule (admin permission). It is evaluated every MESH_ALERT_EVAL_INTERVAL_S from the rollups; see docs/alerts.md.',
  operation: graphql(`
    mutation RestCreateAlertRule($input: CreateAlertRuleInput!) {
      createAlertRule(input: $input) {
        id
        name
        status
        createdAt
      }
    }
  `),
  input: { body: CreateRuleBody },
  variables: ({ body }) => ({
    input: {
      name: body.name,
      condition: {
        metric: upper<AlertMetric>(body.condition.metric),
        service: body.condition.service ?? null,
        edge: body.condition.edge ?? null,
        operator: OPERATOR_ENUM[body.condition.operator],
        threshold: body.condition.threshold,
        window: body.condition.window,
        for: body.condition.for ?? null,
      },
      channels: body.channels.map((c) => upper<AlertChannelKind>(c)),
      severity: body.severity === undefined ? null : upper<AlertSeverity>(body.severity),
    },
  }),
  respond: ({ createAlertRule: rule }) => ({
    body: { id: rule.id, name: rule.name, status: lower<(typeof STATUSES)[number]>(rule.status), created_at: rule.createdAt },
  }),
  response: {
    status: 201,
    schema: z
      .strictObject({
        id: z.string().meta({ examples: ['alert_rule_7f3a8b2e'] }),
        name: z.string(),
        status: z.enum(STATUSES),
        created_at: isoMillis('When the rule was created'),
      })
      .meta({ id: 'CreatedAlertRule' }),
  },
  errors: [400],
});

export const listAlertRules = defineRoute({
  method: 'GET',
  path: '/v1/alerts/rules',
  tag: 'Alerts',
  summary: 'List alert rules',
  description:
    'Rules in creation order. When more rules exist than `limit`, the next page is announced in a `Link: <…?cursor=…>; rel="next"` header.',
  operation: graphql(`
    query RestListAlertRules($first: Int!, $after: String) {
      alertRules(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RestAlertRule
          }
        }
      }
    }
  `),
  input: {
    query: z.strictObject({
      limit: queryInteger(1, 500, 'Max rules per response (1–500). Default: 500').optional(),
      cursor: cursor('Pagination cursor from the `Link: rel="next"` header of a previous response').optional(),
    }),
  },
  variables: ({ query }) => ({ first: query.limit ?? 500, after: query.cursor ?? null }),
  respond: ({ alertRules }, { query }) => {
    const next = alertRules.pageInfo.hasNextPage ? (alertRules.pageInfo.endCursor ?? null) : null;
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (next !== null) params.set('cursor', next);
    return {
      body: { rules: alertRules.edges.map(({ node }) => ruleJson(node)), total: alertRules.totalCount },
      ...(next !== null ? { headers: { link: `</v1/alerts/rules?${params.toString()}>; rel="next"` } } : {}),
    };
  },
  response: {
    status: 200,
    schema: z
      .strictObject({
        rules: z.array(RuleJson),
        total: z.number().int().meta({ description: 'Rules of the organization, over all pages' }),
      })
      .meta({ id: 'AlertRuleList' }),
  },
  errorParams: { after: 'cursor', first: 'limit' },
  errors: [400],
});

export const getAlertRule = defineRoute({
  method: 'GET',
  path: '/v1/alerts/rules/{id}',
  tag: 'Alerts',
  summary: 'Get an alert rule',
  description: 'A rule with its current evaluation state.',
  operation: graphql(`
    query RestGetAlertRule($id: ID!) {
      alertRule(id: $id) {
        ...RestAlertRule
      }
    }
  `),
  input: { path: RuleIdPath },
  variables: ({ path }) => ({ id: path.id }),
  respond: ({ alertRule }, { path }) => {
    if (alertRule == null) throw notFound(path.id);
    return { body: ruleJson(alertRule) };
  },
  response: { status: 200, schema: RuleJson },
  errors: [400, 404],
});

const PatchConditionBody = z
  .strictObject({
    metric: oneOf(METRICS, 'What is measured over the window').optional(),
    service: text('Replaces the target with this service').optional(),
    edge: EdgeJson.optional().meta({ description: 'Replaces the target with this edge' }),
    operator: oneOf(OPERATORS, 'How the observed value is compared with the threshold').optional(),
    threshold: threshold.optional(),
    window: duration('Whole minutes from 1m to 24h').optional(),
    for: duration('1s to 24h; null removes it').nullable().optional(),
  })
  .meta({ id: 'AlertConditionPatch', description: 'Condition fields to change; the others stay' });

const PatchRuleBody = z
  .strictObject({
    name: text('Human-readable alert name', 200).optional(),
    condition: PatchConditionBody.optional(),
    channels: z.array(oneOf(CHANNELS, 'A notification channel')).optional(),
    severity: oneOf(SEVERITIES, 'critical, warning, or info').optional(),
    status: oneOf(STATUSES, 'active, or paused to stop evaluating the rule').optional(),
  })
  .meta({ id: 'UpdateAlertRule' });

function patchInput(body: z.output<typeof PatchRuleBody>): UpdateAlertRuleInput {
  const { condition } = body;
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.channels !== undefined ? { channels: body.channels.map((c) => upper<AlertChannelKind>(c)) } : {}),
    ...(body.severity !== undefined ? { severity: upper<AlertSeverity>(body.severity) } : {}),
    ...(body.status !== undefined ? { status: body.status === 'active' ? 'ACTIVE' : 'PAUSED' } : {}),
    ...(condition !== undefined
      ? {
          condition: {
            ...(condition.metric !== undefined ? { metric: upper<AlertMetric>(condition.metric) } : {}),
            ...(condition.service !== undefined ? { service: condition.service } : {}),
            ...(condition.edge !== undefined ? { edge: condition.edge } : {}),
            ...(condition.operator !== undefined ? { operator: OPERATOR_ENUM[condition.operator] } : {}),
            ...(condition.threshold !== undefined ? { threshold: condition.threshold } : {}),
            ...(condition.window !== undefined ? { window: condition.window } : {}),
            ...(condition.for !== undefined ? { for: condition.for } : {}),
          },
        }
      : {}),
  };
}

export const updateAlertRule = defineRoute({
  method: 'PATCH',
  path: '/v1/alerts/rules/{id}',
  tag: 'Alerts',
  summary: 'Update an alert rule',
  description: 'A partial update: absent fields stay; condition fields merge into the current condition. Answers the updated rule.',
  operation: graphql(`
    mutation RestUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
      updateAlertRule(id: $id, input: $input) {
        ...RestAlertRule
      }
    }
  `),
  input: { path: RuleIdPath, body: PatchRuleBody },
  variables: ({ path, body }) => ({ id: path.id, input: patchInput(body) }),
  respond: ({ updateAlertRule: rule }) => ({ body: ruleJson(rule) }),
  response: { status: 200, schema: RuleJson },
  errors: [400, 404],
});

export const deleteAlertRule = defineRoute({
  method: 'DELETE',
  path: '/v1/alerts/rules/{id}',
  tag: 'Alerts',
  summary: 'Delete an alert rule',
  description: 'Deletes the rule (204, no body); its alert events stay in the history.',
  operation: graphql(`
    mutation RestDeleteAlertRule($id: ID!) {
      deleteAlertRule(id: $id)
    }
  `),
  input: { path: RuleIdPath },
  variables: ({ path }) => ({ id: path.id }),
  respond: () => ({ body: null }),
  response: { status: 204, schema: z.null() },
  errors: [400, 404],
});

export const alertsRoutes = [createAlertRule, listAlertRules, getAlertRule, updateAlertRule, deleteAlertRule];
