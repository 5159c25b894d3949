/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A notification channel; its settings are the organization's (configureWebhookChannel and friends). */
export type AlertChannelKind =
  | 'EMAIL'
  | 'PAGERDUTY'
  | 'SLACK'
  | 'WEBHOOK';

/** Exactly one of `service` and `edge`. */
export type AlertConditionInput = {
  edge?: AlertEdgeInput | null | undefined;
  /** Optional, 1s to 24h: the condition must hold this long (measured at evaluations) before firing. */
  for?: string | null | undefined;
  metric: AlertMetric;
  operator: AlertOperator;
  service?: string | null | undefined;
  /** error_rate: a fraction from 0 to 1; other metrics: ≥ 0. */
  threshold: number;
  /** Whole minutes from 1m to 24h: "5m", "1h", "1h30m". */
  window: string;
};

/** Fields to change; the others stay. Giving `service` or `edge` replaces the target; `for: null` removes the for-duration. */
export type AlertConditionPatchInput = {
  edge?: AlertEdgeInput | null | undefined;
  for?: string | null | undefined;
  metric?: AlertMetric | null | undefined;
  operator?: AlertOperator | null | undefined;
  service?: string | null | undefined;
  threshold?: number | null | undefined;
  window?: string | null | undefined;
};

export type AlertEdgeInput = {
  source: string;
  target: string;
};

export type AlertEventKind =
  | 'FIRING'
  | 'RESOLVED';

/** What a rule measures over its window, from the per-minute rollups. */
export type AlertMetric =
  /** Failed requests / requests, a fraction (0.05 = 5 %); no value without requests. */
  | 'ERROR_RATE'
  /** Median request latency in milliseconds (within 2 %). */
  | 'P50_LATENCY_MS'
  | 'P90_LATENCY_MS'
  | 'P95_LATENCY_MS'
  | 'P99_LATENCY_MS'
  /** Requests in the window (0 when idle). */
  | 'REQUEST_COUNT';

export type AlertNotificationStatus =
  | 'DELIVERED'
  /** Given up: a permanent failure, or MESH_ALERT_DELIVERY_ATTEMPTS attempts failed. */
  | 'FAILED'
  /** Not delivered yet; another attempt is due at nextAttemptAt. */
  | 'PENDING';

/** Comparison of the observed value with the threshold (REST: >, >=, <, <=, ==, !=). */
export type AlertOperator =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'NEQ';

export type AlertRuleStatus =
  /** Evaluated every MESH_ALERT_EVAL_INTERVAL_S. */
  | 'ACTIVE'
  /** Not evaluated; its state is kept until it is resumed. */
  | 'PAUSED';

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** ok → (pending while `for` runs) → firing → ok; see docs/alerts.md. */
export type AlertState =
  | 'FIRING'
  | 'OK'
  | 'PENDING';

export type AnyValueType =
  | 'ARRAY'
  | 'BOOL'
  | 'BYTES'
  | 'DOUBLE'
  | 'EMPTY'
  | 'INT'
  | 'KVLIST'
  | 'STRING';

/** LIVE keys (mtk_live_) read and write live data; TEST keys (mtk_test_) the sandbox partition only. */
export type ApiKeyEnv =
  | 'LIVE'
  | 'TEST';

/** READ: queries. WRITE: ingest and heartbeats. ADMIN: alert rules and key management. */
export type ApiKeyPermission =
  | 'ADMIN'
  | 'READ'
  | 'WRITE';

/** A typed attribute condition; which operators a type accepts is documented in docs/api.md. */
export type AttributeFilter = {
  key: string;
  operator: AttributeFilterOperator;
  type: AttributeFilterType;
  /** The value as text, parsed according to `type`. */
  value: string;
};

export type AttributeFilterOperator =
  | 'CONTAINS'
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'NEQ'
  | 'STARTS_WITH';

export type AttributeFilterType =
  | 'BOOL'
  | 'DOUBLE'
  | 'INT'
  | 'STRING';

export type ComparisonPresence =
  /** A span at this path in both traces. */
  | 'BOTH'
  /** Only trace `a` has a span at this path (removed in `b`). */
  | 'ONLY_IN_A'
  /** Only trace `b` has a span at this path (added in `b`). */
  | 'ONLY_IN_B';

export type CreateAlertRuleInput = {
  /** At least one, each at most once. */
  channels: Array<AlertChannelKind>;
  condition: AlertConditionInput;
  /** At most 200 characters. */
  name: string;
  /** Default: WARNING. */
  severity?: AlertSeverity | null | undefined;
};

export type CreateApiKeyInput = {
  env: ApiKeyEnv;
  /** At most 200 characters. */
  name?: string | null | undefined;
  permissions: Array<ApiKeyPermission>;
  /** Requests per minute, 1–10000; default: the gateway default (1,000). */
  rateLimit?: number | null | undefined;
};

export type ErrorChange =
  /** The span failed in `b` but not in `a`. */
  | 'ADDED'
  /** Same error status on both sides, or the node is on one side only. */
  | 'NONE'
  /** The span failed in `a` but not in `b`. */
  | 'REMOVED';

/** HEALTHY, DEGRADED and UNHEALTHY follow from the latest heartbeat; OFFLINE means no heartbeat for MESH_NODE_OFFLINE_AFTER_S (docs/nodes.md). */
export type NodeStatus =
  | 'DEGRADED'
  | 'HEALTHY'
  | 'OFFLINE'
  | 'UNHEALTHY';

/** A status rule that fired; thresholds are configurable (docs/nodes.md). */
export type NodeStatusReason =
  /** Buffer utilization at or above MESH_NODE_UNHEALTHY_BUFFER_PCT: unhealthy. */
  | 'BUFFER_FULL'
  /** Buffer utilization above MESH_NODE_DEGRADED_BUFFER_PCT: degraded. */
  | 'BUFFER_HIGH'
  /** CPU above MESH_NODE_DEGRADED_CPU_PCT: degraded. */
  | 'CPU_HIGH'
  /** Spans were dropped since the previous heartbeat: degraded. */
  | 'DROPPING_SPANS'
  /** No heartbeat for MESH_NODE_OFFLINE_AFTER_S: offline. */
  | 'NO_HEARTBEAT'
  /** Both OTLP receivers (gRPC and HTTP) are inactive: unhealthy. */
  | 'RECEIVERS_INACTIVE';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type SpanKind =
  | 'CLIENT'
  | 'CONSUMER'
  | 'INTERNAL'
  | 'PRODUCER'
  | 'SERVER'
  | 'UNSPECIFIED';

export type StatusCode =
  | 'ERROR'
  | 'OK'
  | 'UNSET';

/** SERVICE emits spans; the others are leaves typed from the client spans that reach them (docs/services-topology.md). */
export type TopologyNodeType =
  /** Reached by client spans with db.system.name / db.system. */
  | 'DATABASE'
  /** An uninstrumented peer: peer.service, or server.address of a client span no server span answered. */
  | 'EXTERNAL'
  /** A messaging destination (messaging.system/destination name). */
  | 'MESSAGING'
  | 'SERVICE';

/** Whether collector nodes reported dropping spans while a trace ran (docs/trace-analysis.md). */
export type TraceCompletenessStatus =
  /** A node of the trace’s clusters reported dropped spans in its window: spans of this trace may be missing. */
  | 'DROPS_REPORTED'
  /** Nodes of its clusters sent heartbeats from before the trace to after it, and none reported drops. */
  | 'NO_DROPS_REPORTED'
  /** No drops on record, but nothing to vouch for the window either (see `unknownReason`). */
  | 'UNKNOWN';

export type TraceCompletenessUnknownReason =
  /** The window is older than the heartbeat history (MESH_NODE_HISTORY_HOURS). */
  | 'HISTORY_EXPIRED'
  /** No collector node of the trace’s clusters sent heartbeats from before the trace’s start to after its end. */
  | 'NO_REPORTING_NODE';

/** Trace-level conditions (time window, service, namespace, environment, status, duration) use the trace summary. service, serviceNamespace and environment together name one service: given two or more, one span must carry them all. Span-level conditions (spanName, spanStatus, serviceVersion, issueFingerprint, attributes, resourceAttributes) match when one single span satisfies all of them, together with service/namespace/environment if given. */
export type TraceFilter = {
  attributes?: Array<AttributeFilter> | null | undefined;
  /** deployment.environment(.name) resource attribute. */
  environment?: string | null | undefined;
  /** Trace start at or after. Default: one hour ago. */
  from?: string | null | undefined;
  issueFingerprint?: string | null | undefined;
  maxDurationMs?: number | null | undefined;
  minDurationMs?: number | null | undefined;
  resourceAttributes?: Array<AttributeFilter> | null | undefined;
  service?: string | null | undefined;
  serviceNamespace?: string | null | undefined;
  serviceVersion?: string | null | undefined;
  spanName?: string | null | undefined;
  spanStatus?: TraceStatus | null | undefined;
  status?: TraceStatus | null | undefined;
  /** Trace start at or before. Default: now. */
  to?: string | null | undefined;
  traceId?: string | null | undefined;
};

export type TraceOrderBy = {
  direction: OrderDirection;
  field: TraceOrderField;
};

export type TraceOrderField =
  | 'DURATION'
  | 'START_TIME';

export type TraceStatus =
  | 'ERROR'
  | 'OK'
  | 'UNSET';

/** A partial update: absent fields stay as they are. */
export type UpdateAlertRuleInput = {
  channels?: Array<AlertChannelKind> | null | undefined;
  condition?: AlertConditionPatchInput | null | undefined;
  name?: string | null | undefined;
  severity?: AlertSeverity | null | undefined;
  status?: AlertRuleStatus | null | undefined;
};

export type AlertRuleRowFragment = { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } };

export type AlertEventRowFragment = { id: string, at: string, kind: AlertEventKind, ruleId: string, ruleName: string, severity: AlertSeverity, value: number | null, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null }, notifications: Array<{ channel: AlertChannelKind, status: AlertNotificationStatus, attempts: number }> };

export type ConsoleAlertRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAlertRulesQuery = { alertRules: { edges: Array<{ node: { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } } }> }, alertChannels: Array<
    | { kind: AlertChannelKind }
    | { kind: AlertChannelKind }
    | { kind: AlertChannelKind }
    | { kind: AlertChannelKind }
  > };

export type ConsoleCreateAlertRuleMutationVariables = Exact<{
  input: CreateAlertRuleInput;
}>;


export type ConsoleCreateAlertRuleMutation = { createAlertRule: { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } } };

export type ConsoleUpdateAlertRuleMutationVariables = Exact<{
  id: string | number;
  input: UpdateAlertRuleInput;
}>;


export type ConsoleUpdateAlertRuleMutation = { updateAlertRule: { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } } };

export type ConsolePauseAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsolePauseAlertRuleMutation = { pauseAlertRule: { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } } };

export type ConsoleResumeAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleResumeAlertRuleMutation = { resumeAlertRule: { id: string, name: string, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, stateSince: string | null, lastValue: number | null, lastEvaluatedAt: string | null, channels: Array<AlertChannelKind>, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null } } };

export type ConsoleDeleteAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleDeleteAlertRuleMutation = { deleteAlertRule: string };

export type ConsoleAlertEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAlertEventsQuery = { alertEvents: { edges: Array<{ node: { id: string, at: string, kind: AlertEventKind, ruleId: string, ruleName: string, severity: AlertSeverity, value: number | null, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null }, notifications: Array<{ channel: AlertChannelKind, status: AlertNotificationStatus, attempts: number }> } }> } };

export type ConsoleAlertEventFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAlertEventFeedSubscription = { alertEvents: { id: string, at: string, kind: AlertEventKind, ruleId: string, ruleName: string, severity: AlertSeverity, value: number | null, condition: { metric: AlertMetric, operator: AlertOperator, threshold: number, window: string, for: string | null, service: string | null, edge: { source: string, target: string } | null }, notifications: Array<{ channel: AlertChannelKind, status: AlertNotificationStatus, attempts: number }> } };

export type ConsoleAlertServiceNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAlertServiceNamesQuery = { services: { services: Array<{ name: string }> } };

export type ConsoleCompareTracesQueryVariables = Exact<{
  a: string;
  b: string;
}>;


export type ConsoleCompareTracesQuery = { compareTraces: { durationDeltaMs: number, matchedCount: number, onlyInACount: number, onlyInBCount: number, errorsAddedCount: number, errorsRemovedCount: number, a: { traceId: string, durationMs: number, spanCount: number, rootServiceName: string | null, rootOperation: string | null }, b: { traceId: string, durationMs: number, spanCount: number, rootServiceName: string | null, rootOperation: string | null }, nodes: Array<{ parentIndex: number | null, depth: number, serviceName: string, operation: string, occurrence: number, presence: ComparisonPresence, durationDeltaMs: number | null, durationRatio: number | null, errorChange: ErrorChange, a: { spanId: string, durationMs: number, error: boolean } | null, b: { spanId: string, durationMs: number, error: boolean } | null }> } };

export type ConsoleKeyCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleKeyCheckQuery = { nodes: { pageInfo: { hasNextPage: boolean } } };

export type ConsoleTopologyQueryVariables = Exact<{
  from: string;
  to: string;
  cluster?: string | null | undefined;
}>;


export type ConsoleTopologyQuery = { topology: { from: string, to: string, cluster: string | null, nodes: Array<{ id: string, type: TopologyNodeType }>, edges: Array<{ source: string, target: string, requestCount: string, errorCount: string, errorRate: number, p50LatencyMs: number | null, p99LatencyMs: number | null }> } };

export type ConsoleNodesQueryVariables = Exact<{
  first: number;
}>;


export type ConsoleNodesQuery = { nodes: { totalCount: number, edges: Array<{ node: { nodeId: string, cluster: string, version: string, status: NodeStatus, statusReasons: Array<NodeStatusReason>, statusSince: string, lastHeartbeat: string, cpuPercent: number, memoryMb: number, spansIngested1h: string, health: { ingestionRateSps: number, bufferUtilizationPct: number, samplingRate: number, otlpGrpcActive: boolean, otlpHttpActive: boolean } } }> } };

export type ConsoleNodeHeartbeatSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleNodeHeartbeatSubscription = { nodeHeartbeat: { nodeId: string, cluster: string, version: string, status: NodeStatus, statusReasons: Array<NodeStatusReason>, receivedAt: string, cpuPercent: number, memoryMb: number, ingestionRateSps: number, bufferUtilizationPct: number, samplingRate: number, otlpGrpcActive: boolean, otlpHttpActive: boolean } };

export type ConsoleNodeStatusSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleNodeStatusSubscription = { nodeStatusChanged: { nodeId: string, cluster: string, status: NodeStatus, previousStatus: NodeStatus | null, statusReasons: Array<NodeStatusReason>, changedAt: string } };

export type ScatterTraceFragment = { traceId: string, startTime: string, durationMs: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null };

export type ConsoleScatterTracesQueryVariables = Exact<{
  filter?: TraceFilter | null | undefined;
  orderBy?: TraceOrderBy | null | undefined;
  first: number;
}>;


export type ConsoleScatterTracesQuery = { traces: { edges: Array<{ node: { traceId: string, startTime: string, durationMs: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null } }>, pageInfo: { hasNextPage: boolean } } };

export type ConsoleScatterSearchQueryVariables = Exact<{
  query: string;
  from: string;
  to: string;
  first: number;
}>;


export type ConsoleScatterSearchQuery = { searchTraces: { edges: Array<{ node: { traceId: string, startTime: string, durationMs: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null } }>, pageInfo: { hasNextPage: boolean } } };

export type TraceRowFragment = { traceId: string, startTime: string, durationMs: number, spanCount: number, errorCount: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null, services: Array<string>, completeness: { status: TraceCompletenessStatus, droppedSpans: string } };

export type ConsoleTracesQueryVariables = Exact<{
  filter?: TraceFilter | null | undefined;
  orderBy?: TraceOrderBy | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleTracesQuery = { traces: { edges: Array<{ cursor: string, node: { traceId: string, startTime: string, durationMs: number, spanCount: number, errorCount: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null, services: Array<string>, completeness: { status: TraceCompletenessStatus, droppedSpans: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleSearchTracesQueryVariables = Exact<{
  query: string;
  from: string;
  to: string;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleSearchTracesQuery = { searchTraces: { edges: Array<{ cursor: string, node: { traceId: string, startTime: string, durationMs: number, spanCount: number, errorCount: number, status: StatusCode, rootServiceName: string | null, rootOperation: string | null, services: Array<string>, completeness: { status: TraceCompletenessStatus, droppedSpans: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleServiceNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleServiceNamesQuery = { services: { services: Array<{ name: string }> } };

export type ConsoleServiceQueryVariables = Exact<{
  name: string;
  cluster?: string | null | undefined;
  from: string;
  to: string;
  step?: number | null | undefined;
}>;


export type ConsoleServiceQuery = { service: { name: string, namespace: string | null, clusters: Array<string>, from: string, to: string, requestCount: string, errorCount: string, errorRate: number, p50LatencyMs: number | null, p95LatencyMs: number | null, p99LatencyMs: number | null, series: Array<{ start: string, requestCount: string, errorRate: number, p50LatencyMs: number | null, p95LatencyMs: number | null, p99LatencyMs: number | null }>, topOperations: Array<{ name: string, requestCount: string, errorRate: number, p50LatencyMs: number | null, p99LatencyMs: number | null }>, upstream: Array<{ source: string, requestCount: string, errorRate: number, p99LatencyMs: number | null }>, downstream: Array<{ target: string, requestCount: string, errorRate: number, p99LatencyMs: number | null }> } | null, topology: { nodes: Array<{ id: string, type: TopologyNodeType }> } };

export type ConsoleServicesQueryVariables = Exact<{
  from: string;
  to: string;
  step?: number | null | undefined;
}>;


export type ConsoleServicesQuery = { services: { totalCount: number, services: Array<{ name: string, namespace: string | null, cluster: string | null, requestCount: string, errorCount: string, errorRate: number, p50LatencyMs: number | null, p99LatencyMs: number | null, lastSeen: string, series: Array<{ start: string, requestCount: string, errorRate: number, p99LatencyMs: number | null }> }> } };

export type ApiKeyRowFragment = { id: string, name: string, prefix: string, env: ApiKeyEnv, permissions: Array<ApiKeyPermission>, rateLimit: number, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type ConsoleApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, env: ApiKeyEnv, permissions: Array<ApiKeyPermission>, rateLimit: number, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string, env: ApiKeyEnv, permissions: Array<ApiKeyPermission>, rateLimit: number, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleRevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, env: ApiKeyEnv, permissions: Array<ApiKeyPermission>, rateLimit: number, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type ConsoleOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOrganizationQuery = { organization: { id: string, ipAllowList: Array<string> } };

export type ConsoleSetIpAllowListMutationVariables = Exact<{
  cidrs: Array<string> | string;
  force?: boolean | null | undefined;
}>;


export type ConsoleSetIpAllowListMutation = { setIpAllowList: { id: string, ipAllowList: Array<string> } };

type ScalarValue_ArrayValue_Fragment = { __typename: 'ArrayValue' };

type ScalarValue_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type ScalarValue_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type ScalarValue_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null, text: string };

type ScalarValue_EmptyValue_Fragment = { __typename: 'EmptyValue', empty: boolean };

type ScalarValue_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type ScalarValue_KvlistValue_Fragment = { __typename: 'KvlistValue' };

type ScalarValue_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type ScalarValueFragment =
  | ScalarValue_ArrayValue_Fragment
  | ScalarValue_BoolValue_Fragment
  | ScalarValue_BytesValue_Fragment
  | ScalarValue_DoubleValue_Fragment
  | ScalarValue_EmptyValue_Fragment
  | ScalarValue_IntValue_Fragment
  | ScalarValue_KvlistValue_Fragment
  | ScalarValue_StringValue_Fragment
;

type NestedValue_ArrayValue_Fragment = { __typename: 'ArrayValue', arrayValue: Array<
    | { __typename: 'ArrayValue' }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue', empty: boolean }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue' }
    | { __typename: 'StringValue', stringValue: string }
  > };

type NestedValue_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type NestedValue_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type NestedValue_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null, text: string };

type NestedValue_EmptyValue_Fragment = { __typename: 'EmptyValue', empty: boolean };

type NestedValue_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type NestedValue_KvlistValue_Fragment = { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
      | { __typename: 'ArrayValue' }
      | { __typename: 'BoolValue', boolValue: boolean }
      | { __typename: 'BytesValue', bytesValue: string }
      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
      | { __typename: 'EmptyValue', empty: boolean }
      | { __typename: 'IntValue', intValue: string }
      | { __typename: 'KvlistValue' }
      | { __typename: 'StringValue', stringValue: string }
     }> };

type NestedValue_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type NestedValueFragment =
  | NestedValue_ArrayValue_Fragment
  | NestedValue_BoolValue_Fragment
  | NestedValue_BytesValue_Fragment
  | NestedValue_DoubleValue_Fragment
  | NestedValue_EmptyValue_Fragment
  | NestedValue_IntValue_Fragment
  | NestedValue_KvlistValue_Fragment
  | NestedValue_StringValue_Fragment
;

export type AttributeDetailFragment = { key: string, valueType: AnyValueType, value:
    | { __typename: 'ArrayValue', arrayValue: Array<
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue', empty: boolean }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue', empty: boolean }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
      > }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue', empty: boolean }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue', empty: boolean }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }
    | { __typename: 'StringValue', stringValue: string }
   };

export type ConsoleSpanQueryVariables = Exact<{
  traceId: string;
  spanId: string;
}>;


export type ConsoleSpanQuery = { span: { traceId: string, spanId: string, parentSpanId: string | null, name: string, kind: SpanKind, serviceName: string, serviceNamespace: string | null, startTime: string, endTime: string, durationMs: number, traceState: string, flags: number, issueFingerprint: string | null, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, status: { code: StatusCode, message: string }, attributes: Array<{ key: string, valueType: AnyValueType, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue', empty: boolean }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue', empty: boolean }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }>, events: Array<{ name: string, time: string, timeUnixNano: string, droppedAttributesCount: number, attributes: Array<{ key: string, valueType: AnyValueType, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue', empty: boolean }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue', empty: boolean }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, valueType: AnyValueType, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue', empty: boolean }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue', empty: boolean }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }>, resource: { schemaUrl: string, droppedAttributesCount: number, attributes: Array<{ key: string, valueType: AnyValueType, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue', empty: boolean }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue', empty: boolean }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }, scope: { name: string, version: string, schemaUrl: string, droppedAttributesCount: number, attributes: Array<{ key: string, valueType: AnyValueType, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue', empty: boolean }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue', empty: boolean }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue', empty: boolean }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue', empty: boolean }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue', empty: boolean }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, valueType: AnyValueType, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue', empty: boolean }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> } } | null };

export type ConsoleTraceQueryVariables = Exact<{
  traceId: string;
}>;


export type ConsoleTraceQuery = { trace: { traceId: string, startTime: string, durationMs: number, spanCount: number, errorCount: number, status: StatusCode, services: Array<string>, rootServiceName: string | null, rootOperation: string | null, spans: Array<{ spanId: string, parentSpanId: string | null, name: string, serviceName: string, kind: SpanKind, durationMs: number, startTimeUnixNano: string, endTimeUnixNano: string, status: { code: StatusCode } }>, criticalPath: Array<{ spanId: string, segments: Array<{ startTimeUnixNano: string, endTimeUnixNano: string }> }>, completeness: { status: TraceCompletenessStatus, unknownReason: TraceCompletenessUnknownReason | null, droppedSpans: string, clusters: Array<string>, reports: Array<{ nodeId: string, cluster: string, droppedSpans: string }> } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AlertRuleRowFragmentDoc = new TypedDocumentString(`
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}
    `, {"fragmentName":"AlertRuleRow"}) as unknown as TypedDocumentString<AlertRuleRowFragment, unknown>;
export const AlertEventRowFragmentDoc = new TypedDocumentString(`
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}
    `, {"fragmentName":"AlertEventRow"}) as unknown as TypedDocumentString<AlertEventRowFragment, unknown>;
export const ScatterTraceFragmentDoc = new TypedDocumentString(`
    fragment ScatterTrace on Trace {
  traceId
  startTime
  durationMs
  status
  rootServiceName
  rootOperation
}
    `, {"fragmentName":"ScatterTrace"}) as unknown as TypedDocumentString<ScatterTraceFragment, unknown>;
export const TraceRowFragmentDoc = new TypedDocumentString(`
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
  completeness {
    status
    droppedSpans
  }
}
    `, {"fragmentName":"TraceRow"}) as unknown as TypedDocumentString<TraceRowFragment, unknown>;
export const ApiKeyRowFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  env
  permissions
  rateLimit
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyRow"}) as unknown as TypedDocumentString<ApiKeyRowFragment, unknown>;
export const ScalarValueFragmentDoc = new TypedDocumentString(`
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
    `, {"fragmentName":"ScalarValue"}) as unknown as TypedDocumentString<ScalarValueFragment, unknown>;
export const NestedValueFragmentDoc = new TypedDocumentString(`
    fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}`, {"fragmentName":"NestedValue"}) as unknown as TypedDocumentString<NestedValueFragment, unknown>;
export const AttributeDetailFragmentDoc = new TypedDocumentString(`
    fragment AttributeDetail on Attribute {
  key
  valueType
  value {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...NestedValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...NestedValue
        }
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}`, {"fragmentName":"AttributeDetail"}) as unknown as TypedDocumentString<AttributeDetailFragment, unknown>;
export const ConsoleAlertRulesDocument = new TypedDocumentString(`
    query ConsoleAlertRules {
  alertRules(first: 500) {
    edges {
      node {
        ...AlertRuleRow
      }
    }
  }
  alertChannels {
    kind
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`) as unknown as TypedDocumentString<ConsoleAlertRulesQuery, ConsoleAlertRulesQueryVariables>;
export const ConsoleCreateAlertRuleDocument = new TypedDocumentString(`
    mutation ConsoleCreateAlertRule($input: CreateAlertRuleInput!) {
  createAlertRule(input: $input) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`) as unknown as TypedDocumentString<ConsoleCreateAlertRuleMutation, ConsoleCreateAlertRuleMutationVariables>;
export const ConsoleUpdateAlertRuleDocument = new TypedDocumentString(`
    mutation ConsoleUpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
  updateAlertRule(id: $id, input: $input) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`) as unknown as TypedDocumentString<ConsoleUpdateAlertRuleMutation, ConsoleUpdateAlertRuleMutationVariables>;
export const ConsolePauseAlertRuleDocument = new TypedDocumentString(`
    mutation ConsolePauseAlertRule($id: ID!) {
  pauseAlertRule(id: $id) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`) as unknown as TypedDocumentString<ConsolePauseAlertRuleMutation, ConsolePauseAlertRuleMutationVariables>;
export const ConsoleResumeAlertRuleDocument = new TypedDocumentString(`
    mutation ConsoleResumeAlertRule($id: ID!) {
  resumeAlertRule(id: $id) {
    ...AlertRuleRow
  }
}
    fragment AlertRuleRow on AlertRule {
  id
  name
  severity
  status
  state
  stateSince
  lastValue
  lastEvaluatedAt
  channels
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
}`) as unknown as TypedDocumentString<ConsoleResumeAlertRuleMutation, ConsoleResumeAlertRuleMutationVariables>;
export const ConsoleDeleteAlertRuleDocument = new TypedDocumentString(`
    mutation ConsoleDeleteAlertRule($id: ID!) {
  deleteAlertRule(id: $id)
}
    `) as unknown as TypedDocumentString<ConsoleDeleteAlertRuleMutation, ConsoleDeleteAlertRuleMutationVariables>;
export const ConsoleAlertEventsDocument = new TypedDocumentString(`
    query ConsoleAlertEvents {
  alertEvents(first: 50) {
    edges {
      node {
        ...AlertEventRow
      }
    }
  }
}
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}`) as unknown as TypedDocumentString<ConsoleAlertEventsQuery, ConsoleAlertEventsQueryVariables>;
export const ConsoleAlertEventFeedDocument = new TypedDocumentString(`
    subscription ConsoleAlertEventFeed {
  alertEvents {
    ...AlertEventRow
  }
}
    fragment AlertEventRow on AlertEvent {
  id
  at
  kind
  ruleId
  ruleName
  severity
  value
  condition {
    metric
    operator
    threshold
    window
    for
    service
    edge {
      source
      target
    }
  }
  notifications {
    channel
    status
    attempts
  }
}`) as unknown as TypedDocumentString<ConsoleAlertEventFeedSubscription, ConsoleAlertEventFeedSubscriptionVariables>;
export const ConsoleAlertServiceNamesDocument = new TypedDocumentString(`
    query ConsoleAlertServiceNames {
  services(limit: 1000) {
    services {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAlertServiceNamesQuery, ConsoleAlertServiceNamesQueryVariables>;
export const ConsoleCompareTracesDocument = new TypedDocumentString(`
    query ConsoleCompareTraces($a: String!, $b: String!) {
  compareTraces(a: $a, b: $b) {
    a {
      traceId
      durationMs
      spanCount
      rootServiceName
      rootOperation
    }
    b {
      traceId
      durationMs
      spanCount
      rootServiceName
      rootOperation
    }
    durationDeltaMs
    matchedCount
    onlyInACount
    onlyInBCount
    errorsAddedCount
    errorsRemovedCount
    nodes {
      parentIndex
      depth
      serviceName
      operation
      occurrence
      presence
      durationDeltaMs
      durationRatio
      errorChange
      a {
        spanId
        durationMs
        error
      }
      b {
        spanId
        durationMs
        error
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCompareTracesQuery, ConsoleCompareTracesQueryVariables>;
export const ConsoleKeyCheckDocument = new TypedDocumentString(`
    query ConsoleKeyCheck {
  nodes(first: 1) {
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleKeyCheckQuery, ConsoleKeyCheckQueryVariables>;
export const ConsoleTopologyDocument = new TypedDocumentString(`
    query ConsoleTopology($from: DateTime!, $to: DateTime!, $cluster: String) {
  topology(from: $from, to: $to, cluster: $cluster) {
    from
    to
    cluster
    nodes {
      id
      type
    }
    edges {
      source
      target
      requestCount
      errorCount
      errorRate
      p50LatencyMs
      p99LatencyMs
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTopologyQuery, ConsoleTopologyQueryVariables>;
export const ConsoleNodesDocument = new TypedDocumentString(`
    query ConsoleNodes($first: Int!) {
  nodes(first: $first) {
    totalCount
    edges {
      node {
        nodeId
        cluster
        version
        status
        statusReasons
        statusSince
        lastHeartbeat
        cpuPercent
        memoryMb
        spansIngested1h
        health {
          ingestionRateSps
          bufferUtilizationPct
          samplingRate
          otlpGrpcActive
          otlpHttpActive
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleNodesQuery, ConsoleNodesQueryVariables>;
export const ConsoleNodeHeartbeatDocument = new TypedDocumentString(`
    subscription ConsoleNodeHeartbeat {
  nodeHeartbeat {
    nodeId
    cluster
    version
    status
    statusReasons
    receivedAt
    cpuPercent
    memoryMb
    ingestionRateSps
    bufferUtilizationPct
    samplingRate
    otlpGrpcActive
    otlpHttpActive
  }
}
    `) as unknown as TypedDocumentString<ConsoleNodeHeartbeatSubscription, ConsoleNodeHeartbeatSubscriptionVariables>;
export const ConsoleNodeStatusDocument = new TypedDocumentString(`
    subscription ConsoleNodeStatus {
  nodeStatusChanged {
    nodeId
    cluster
    status
    previousStatus
    statusReasons
    changedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleNodeStatusSubscription, ConsoleNodeStatusSubscriptionVariables>;
export const ConsoleScatterTracesDocument = new TypedDocumentString(`
    query ConsoleScatterTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!) {
  traces(filter: $filter, orderBy: $orderBy, first: $first) {
    edges {
      node {
        ...ScatterTrace
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    fragment ScatterTrace on Trace {
  traceId
  startTime
  durationMs
  status
  rootServiceName
  rootOperation
}`) as unknown as TypedDocumentString<ConsoleScatterTracesQuery, ConsoleScatterTracesQueryVariables>;
export const ConsoleScatterSearchDocument = new TypedDocumentString(`
    query ConsoleScatterSearch($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!) {
  searchTraces(query: $query, from: $from, to: $to, first: $first) {
    edges {
      node {
        ...ScatterTrace
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    fragment ScatterTrace on Trace {
  traceId
  startTime
  durationMs
  status
  rootServiceName
  rootOperation
}`) as unknown as TypedDocumentString<ConsoleScatterSearchQuery, ConsoleScatterSearchQueryVariables>;
export const ConsoleTracesDocument = new TypedDocumentString(`
    query ConsoleTraces($filter: TraceFilter, $orderBy: TraceOrderBy, $first: Int!, $after: String) {
  traces(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...TraceRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
  completeness {
    status
    droppedSpans
  }
}`) as unknown as TypedDocumentString<ConsoleTracesQuery, ConsoleTracesQueryVariables>;
export const ConsoleSearchTracesDocument = new TypedDocumentString(`
    query ConsoleSearchTraces($query: String!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
  searchTraces(query: $query, from: $from, to: $to, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...TraceRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TraceRow on Trace {
  traceId
  startTime
  durationMs
  spanCount
  errorCount
  status
  rootServiceName
  rootOperation
  services
  completeness {
    status
    droppedSpans
  }
}`) as unknown as TypedDocumentString<ConsoleSearchTracesQuery, ConsoleSearchTracesQueryVariables>;
export const ConsoleServiceNamesDocument = new TypedDocumentString(`
    query ConsoleServiceNames {
  services(limit: 1000) {
    services {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleServiceNamesQuery, ConsoleServiceNamesQueryVariables>;
export const ConsoleServiceDocument = new TypedDocumentString(`
    query ConsoleService($name: String!, $cluster: String, $from: DateTime!, $to: DateTime!, $step: Int) {
  service(name: $name, cluster: $cluster, from: $from, to: $to) {
    name
    namespace
    clusters
    from
    to
    requestCount
    errorCount
    errorRate
    p50LatencyMs
    p95LatencyMs
    p99LatencyMs
    series(step: $step) {
      start
      requestCount
      errorRate
      p50LatencyMs
      p95LatencyMs
      p99LatencyMs
    }
    topOperations(limit: 10) {
      name
      requestCount
      errorRate
      p50LatencyMs
      p99LatencyMs
    }
    upstream {
      source
      requestCount
      errorRate
      p99LatencyMs
    }
    downstream {
      target
      requestCount
      errorRate
      p99LatencyMs
    }
  }
  topology(cluster: $cluster, from: $from, to: $to) {
    nodes {
      id
      type
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleServiceQuery, ConsoleServiceQueryVariables>;
export const ConsoleServicesDocument = new TypedDocumentString(`
    query ConsoleServices($from: DateTime!, $to: DateTime!, $step: Int) {
  services(from: $from, to: $to, limit: 1000) {
    totalCount
    services {
      name
      namespace
      cluster
      requestCount
      errorCount
      errorRate
      p50LatencyMs
      p99LatencyMs
      lastSeen
      series(step: $step) {
        start
        requestCount
        errorRate
        p99LatencyMs
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleServicesQuery, ConsoleServicesQueryVariables>;
export const ConsoleApiKeysDocument = new TypedDocumentString(`
    query ConsoleApiKeys {
  apiKeys {
    ...ApiKeyRow
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  env
  permissions
  rateLimit
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleCreateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      ...ApiKeyRow
    }
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  env
  permissions
  rateLimit
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleCreateApiKeyMutation, ConsoleCreateApiKeyMutationVariables>;
export const ConsoleRevokeApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeApiKey($id: String!) {
  revokeApiKey(id: $id) {
    ...ApiKeyRow
  }
}
    fragment ApiKeyRow on ApiKey {
  id
  name
  prefix
  env
  permissions
  rateLimit
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleRevokeApiKeyMutation, ConsoleRevokeApiKeyMutationVariables>;
export const ConsoleOrganizationDocument = new TypedDocumentString(`
    query ConsoleOrganization {
  organization {
    id
    ipAllowList
  }
}
    `) as unknown as TypedDocumentString<ConsoleOrganizationQuery, ConsoleOrganizationQueryVariables>;
export const ConsoleSetIpAllowListDocument = new TypedDocumentString(`
    mutation ConsoleSetIpAllowList($cidrs: [String!]!, $force: Boolean) {
  setIpAllowList(cidrs: $cidrs, force: $force) {
    id
    ipAllowList
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetIpAllowListMutation, ConsoleSetIpAllowListMutationVariables>;
export const ConsoleSpanDocument = new TypedDocumentString(`
    query ConsoleSpan($traceId: String!, $spanId: String!) {
  span(traceId: $traceId, spanId: $spanId) {
    traceId
    spanId
    parentSpanId
    name
    kind
    serviceName
    serviceNamespace
    startTime
    endTime
    durationMs
    traceState
    flags
    issueFingerprint
    status {
      code
      message
    }
    attributes {
      ...AttributeDetail
    }
    droppedAttributesCount
    events {
      name
      time
      timeUnixNano
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    droppedEventsCount
    links {
      traceId
      spanId
      traceState
      flags
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    droppedLinksCount
    resource {
      schemaUrl
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
    scope {
      name
      version
      schemaUrl
      droppedAttributesCount
      attributes {
        ...AttributeDetail
      }
    }
  }
}
    fragment ScalarValue on AnyValue {
  __typename
  ... on StringValue {
    stringValue
  }
  ... on BoolValue {
    boolValue
  }
  ... on IntValue {
    intValue
  }
  ... on DoubleValue {
    doubleValue
    text
  }
  ... on BytesValue {
    bytesValue
  }
  ... on EmptyValue {
    empty
  }
}
fragment NestedValue on AnyValue {
  ...ScalarValue
  ... on ArrayValue {
    arrayValue {
      ...ScalarValue
    }
  }
  ... on KvlistValue {
    kvlistValue {
      key
      valueType
      value {
        ...ScalarValue
      }
    }
  }
}
fragment AttributeDetail on Attribute {
  key
  valueType
  value {
    ...ScalarValue
    ... on ArrayValue {
      arrayValue {
        ...NestedValue
      }
    }
    ... on KvlistValue {
      kvlistValue {
        key
        valueType
        value {
          ...NestedValue
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<ConsoleSpanQuery, ConsoleSpanQueryVariables>;
export const ConsoleTraceDocument = new TypedDocumentString(`
    query ConsoleTrace($traceId: String!) {
  trace(traceId: $traceId) {
    traceId
    startTime
    durationMs
    spanCount
    errorCount
    status
    services
    rootServiceName
    rootOperation
    spans(first: 10000) {
      spanId
      parentSpanId
      name
      serviceName
      kind
      durationMs
      startTimeUnixNano
      endTimeUnixNano
      status {
        code
      }
    }
    criticalPath {
      spanId
      segments {
        startTimeUnixNano
        endTimeUnixNano
      }
    }
    completeness {
      status
      unknownReason
      droppedSpans
      clusters
      reports {
        nodeId
        cluster
        droppedSpans
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTraceQuery, ConsoleTraceQueryVariables>;