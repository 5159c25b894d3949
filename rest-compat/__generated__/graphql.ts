/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type CreateAlertRuleInput = {
  /** At least one, each at most once. */
  channels: Array<AlertChannelKind>;
  condition: AlertConditionInput;
  /** At most 200 characters. */
  name: string;
  /** Default: WARNING. */
  severity?: AlertSeverity | null | undefined;
};

/** A heartbeat report; each field is validated (ranges in docs/nodes.md), errors name the REST field (e.g. param "cpu_percent"). */
export type HeartbeatInput = {
  /** 0–100. */
  bufferUtilizationPct: number;
  cluster: string;
  /** 0–100, across all cores. */
  cpuPercent: number;
  /** Monotonic since the node started. */
  droppedSpansTotal: string;
  ingestionRateSps: number;
  memoryMb: number;
  otlpGrpcActive: boolean;
  otlpHttpActive: boolean;
  /** 0–1. */
  samplingRate: number;
  /** Monotonic since the node started; lower than before means a restart. */
  spansIngestedTotal: string;
  uptimeSeconds: number;
  version: string;
};

/** HEALTHY, DEGRADED and UNHEALTHY follow from the latest heartbeat; OFFLINE means no heartbeat for MESH_NODE_OFFLINE_AFTER_S (docs/nodes.md). */
export type NodeStatus =
  | 'DEGRADED'
  | 'HEALTHY'
  | 'OFFLINE'
  | 'UNHEALTHY';

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

type RestScalarValue_ArrayValue_Fragment = { __typename: 'ArrayValue' };

type RestScalarValue_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type RestScalarValue_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type RestScalarValue_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null, text: string };

type RestScalarValue_EmptyValue_Fragment = { __typename: 'EmptyValue' };

type RestScalarValue_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type RestScalarValue_KvlistValue_Fragment = { __typename: 'KvlistValue' };

type RestScalarValue_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type RestScalarValueFragment =
  | RestScalarValue_ArrayValue_Fragment
  | RestScalarValue_BoolValue_Fragment
  | RestScalarValue_BytesValue_Fragment
  | RestScalarValue_DoubleValue_Fragment
  | RestScalarValue_EmptyValue_Fragment
  | RestScalarValue_IntValue_Fragment
  | RestScalarValue_KvlistValue_Fragment
  | RestScalarValue_StringValue_Fragment
;

type RestAnyValue_ArrayValue_Fragment = { __typename: 'ArrayValue', arrayValue: Array<
    | { __typename: 'ArrayValue' }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue' }
    | { __typename: 'StringValue', stringValue: string }
  > };

type RestAnyValue_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type RestAnyValue_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type RestAnyValue_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null, text: string };

type RestAnyValue_EmptyValue_Fragment = { __typename: 'EmptyValue' };

type RestAnyValue_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type RestAnyValue_KvlistValue_Fragment = { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
      | { __typename: 'ArrayValue' }
      | { __typename: 'BoolValue', boolValue: boolean }
      | { __typename: 'BytesValue', bytesValue: string }
      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
      | { __typename: 'EmptyValue' }
      | { __typename: 'IntValue', intValue: string }
      | { __typename: 'KvlistValue' }
      | { __typename: 'StringValue', stringValue: string }
     }> };

type RestAnyValue_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type RestAnyValueFragment =
  | RestAnyValue_ArrayValue_Fragment
  | RestAnyValue_BoolValue_Fragment
  | RestAnyValue_BytesValue_Fragment
  | RestAnyValue_DoubleValue_Fragment
  | RestAnyValue_EmptyValue_Fragment
  | RestAnyValue_IntValue_Fragment
  | RestAnyValue_KvlistValue_Fragment
  | RestAnyValue_StringValue_Fragment
;

export type RestAttributeFragment = { key: string, value:
    | { __typename: 'ArrayValue', arrayValue: Array<
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
      > }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }
    | { __typename: 'StringValue', stringValue: string }
   };

export type OtlpAttributeFragment = { key: string, value:
    | { __typename: 'ArrayValue', arrayValue: Array<
        | { __typename: 'ArrayValue' }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue' }
        | { __typename: 'StringValue', stringValue: string }
      > }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
          | { __typename: 'ArrayValue' }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue' }
          | { __typename: 'StringValue', stringValue: string }
         }> }
    | { __typename: 'StringValue', stringValue: string }
   };

export type OtlpSpanFragment = { traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
      | { __typename: 'ArrayValue', arrayValue: Array<
          | { __typename: 'ArrayValue' }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue' }
          | { __typename: 'StringValue', stringValue: string }
        > }
      | { __typename: 'BoolValue', boolValue: boolean }
      | { __typename: 'BytesValue', bytesValue: string }
      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
      | { __typename: 'EmptyValue' }
      | { __typename: 'IntValue', intValue: string }
      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
           }> }
      | { __typename: 'StringValue', stringValue: string }
     }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }> } };

export type RestAlertRuleFragment = { id: string, name: string, channels: Array<AlertChannelKind>, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, createdAt: string, updatedAt: string, lastEvaluatedAt: string | null, condition: { metric: AlertMetric, service: string | null, operator: AlertOperator, threshold: number, window: string, for: string | null, edge: { source: string, target: string } | null } };

export type RestCreateAlertRuleMutationVariables = Exact<{
  input: CreateAlertRuleInput;
}>;


export type RestCreateAlertRuleMutation = { createAlertRule: { id: string, name: string, status: AlertRuleStatus, createdAt: string } };

export type RestListAlertRulesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type RestListAlertRulesQuery = { alertRules: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, channels: Array<AlertChannelKind>, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, createdAt: string, updatedAt: string, lastEvaluatedAt: string | null, condition: { metric: AlertMetric, service: string | null, operator: AlertOperator, threshold: number, window: string, for: string | null, edge: { source: string, target: string } | null } } }> } };

export type RestGetAlertRuleQueryVariables = Exact<{
  id: string | number;
}>;


export type RestGetAlertRuleQuery = { alertRule: { id: string, name: string, channels: Array<AlertChannelKind>, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, createdAt: string, updatedAt: string, lastEvaluatedAt: string | null, condition: { metric: AlertMetric, service: string | null, operator: AlertOperator, threshold: number, window: string, for: string | null, edge: { source: string, target: string } | null } } | null };

export type RestUpdateAlertRuleMutationVariables = Exact<{
  id: string | number;
  input: UpdateAlertRuleInput;
}>;


export type RestUpdateAlertRuleMutation = { updateAlertRule: { id: string, name: string, channels: Array<AlertChannelKind>, severity: AlertSeverity, status: AlertRuleStatus, state: AlertState, createdAt: string, updatedAt: string, lastEvaluatedAt: string | null, condition: { metric: AlertMetric, service: string | null, operator: AlertOperator, threshold: number, window: string, for: string | null, edge: { source: string, target: string } | null } } };

export type RestDeleteAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type RestDeleteAlertRuleMutation = { deleteAlertRule: string };

export type JaegerServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type JaegerServicesQuery = { services: { services: Array<{ name: string }> } };

export type JaegerOperationsQueryVariables = Exact<{
  service: string;
  spanKind?: SpanKind | null | undefined;
}>;


export type JaegerOperationsQuery = { service: { operations: Array<{ name: string, spanKind: SpanKind }> } | null };

export type JaegerTraceFragment = { traceId: string, spanCount: number, spans: Array<{ traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
       }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> } }> };

export type JaegerFindTracesQueryVariables = Exact<{
  byIds: boolean;
  traceIds: Array<string> | string;
  query: string;
  from: string;
  to: string;
  first: number;
  spanLimit: number;
}>;


export type JaegerFindTracesQuery = { tracesByIds?: Array<{ traceId: string, spanCount: number, spans: Array<{ traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> } }> } | null>, searchTraces?: { edges: Array<{ node: { traceId: string, spanCount: number, spans: Array<{ traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
             }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> } }> } }> } };

export type JaegerGetTraceQueryVariables = Exact<{
  traceId: string;
  spanLimit: number;
}>;


export type JaegerGetTraceQuery = { trace: { traceId: string, spanCount: number, spans: Array<{ traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> } }> } | null };

export type JaegerDependenciesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type JaegerDependenciesQuery = { topology: { edges: Array<{ source: string, target: string, requestCount: string }> } };

export type RestMackerelListTracesQueryVariables = Exact<{
  filter: TraceFilter;
  orderBy: TraceOrderBy;
  page: number;
  perPage: number;
  service: string;
  serviceNamespace?: string | null | undefined;
  environment?: string | null | undefined;
}>;


export type RestMackerelListTracesQuery = { tracePage: { hasNextPage: boolean, results: Array<{ traceId: string, rootOperation: string | null, startTimeUnixNano: string, durationNs: string, serviceSegment: { serviceNamespace: string | null, environment: string | null, startTimeUnixNano: string, durationNs: string } | null }> } };

type MackerelScalarValue_ArrayValue_Fragment = { __typename: 'ArrayValue' };

type MackerelScalarValue_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type MackerelScalarValue_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type MackerelScalarValue_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null };

type MackerelScalarValue_EmptyValue_Fragment = { __typename: 'EmptyValue' };

type MackerelScalarValue_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type MackerelScalarValue_KvlistValue_Fragment = { __typename: 'KvlistValue' };

type MackerelScalarValue_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type MackerelScalarValueFragment =
  | MackerelScalarValue_ArrayValue_Fragment
  | MackerelScalarValue_BoolValue_Fragment
  | MackerelScalarValue_BytesValue_Fragment
  | MackerelScalarValue_DoubleValue_Fragment
  | MackerelScalarValue_EmptyValue_Fragment
  | MackerelScalarValue_IntValue_Fragment
  | MackerelScalarValue_KvlistValue_Fragment
  | MackerelScalarValue_StringValue_Fragment
;

type MackerelValueLevel3_ArrayValue_Fragment = { __typename: 'ArrayValue', arrayValue: Array<
    | { __typename: 'ArrayValue' }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue' }
    | { __typename: 'StringValue', stringValue: string }
  > };

type MackerelValueLevel3_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type MackerelValueLevel3_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type MackerelValueLevel3_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null };

type MackerelValueLevel3_EmptyValue_Fragment = { __typename: 'EmptyValue' };

type MackerelValueLevel3_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type MackerelValueLevel3_KvlistValue_Fragment = { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
      | { __typename: 'ArrayValue' }
      | { __typename: 'BoolValue', boolValue: boolean }
      | { __typename: 'BytesValue', bytesValue: string }
      | { __typename: 'DoubleValue', doubleValue: number | null }
      | { __typename: 'EmptyValue' }
      | { __typename: 'IntValue', intValue: string }
      | { __typename: 'KvlistValue' }
      | { __typename: 'StringValue', stringValue: string }
     }> };

type MackerelValueLevel3_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type MackerelValueLevel3Fragment =
  | MackerelValueLevel3_ArrayValue_Fragment
  | MackerelValueLevel3_BoolValue_Fragment
  | MackerelValueLevel3_BytesValue_Fragment
  | MackerelValueLevel3_DoubleValue_Fragment
  | MackerelValueLevel3_EmptyValue_Fragment
  | MackerelValueLevel3_IntValue_Fragment
  | MackerelValueLevel3_KvlistValue_Fragment
  | MackerelValueLevel3_StringValue_Fragment
;

type MackerelValueLevel2_ArrayValue_Fragment = { __typename: 'ArrayValue', arrayValue: Array<
    | { __typename: 'ArrayValue', arrayValue: Array<
        | { __typename: 'ArrayValue' }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue' }
        | { __typename: 'StringValue', stringValue: string }
      > }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
          | { __typename: 'ArrayValue' }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue' }
          | { __typename: 'StringValue', stringValue: string }
         }> }
    | { __typename: 'StringValue', stringValue: string }
  > };

type MackerelValueLevel2_BoolValue_Fragment = { __typename: 'BoolValue', boolValue: boolean };

type MackerelValueLevel2_BytesValue_Fragment = { __typename: 'BytesValue', bytesValue: string };

type MackerelValueLevel2_DoubleValue_Fragment = { __typename: 'DoubleValue', doubleValue: number | null };

type MackerelValueLevel2_EmptyValue_Fragment = { __typename: 'EmptyValue' };

type MackerelValueLevel2_IntValue_Fragment = { __typename: 'IntValue', intValue: string };

type MackerelValueLevel2_KvlistValue_Fragment = { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
      | { __typename: 'ArrayValue', arrayValue: Array<
          | { __typename: 'ArrayValue' }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue' }
          | { __typename: 'StringValue', stringValue: string }
        > }
      | { __typename: 'BoolValue', boolValue: boolean }
      | { __typename: 'BytesValue', bytesValue: string }
      | { __typename: 'DoubleValue', doubleValue: number | null }
      | { __typename: 'EmptyValue' }
      | { __typename: 'IntValue', intValue: string }
      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
            | { __typename: 'ArrayValue' }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue' }
            | { __typename: 'StringValue', stringValue: string }
           }> }
      | { __typename: 'StringValue', stringValue: string }
     }> };

type MackerelValueLevel2_StringValue_Fragment = { __typename: 'StringValue', stringValue: string };

export type MackerelValueLevel2Fragment =
  | MackerelValueLevel2_ArrayValue_Fragment
  | MackerelValueLevel2_BoolValue_Fragment
  | MackerelValueLevel2_BytesValue_Fragment
  | MackerelValueLevel2_DoubleValue_Fragment
  | MackerelValueLevel2_EmptyValue_Fragment
  | MackerelValueLevel2_IntValue_Fragment
  | MackerelValueLevel2_KvlistValue_Fragment
  | MackerelValueLevel2_StringValue_Fragment
;

export type MackerelAttributeFragment = { key: string, value:
    | { __typename: 'ArrayValue', arrayValue: Array<
        | { __typename: 'ArrayValue', arrayValue: Array<
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
          > }
        | { __typename: 'BoolValue', boolValue: boolean }
        | { __typename: 'BytesValue', bytesValue: string }
        | { __typename: 'DoubleValue', doubleValue: number | null }
        | { __typename: 'EmptyValue' }
        | { __typename: 'IntValue', intValue: string }
        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
             }> }
        | { __typename: 'StringValue', stringValue: string }
      > }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }> }
    | { __typename: 'StringValue', stringValue: string }
   };

export type RestMackerelGetTraceQueryVariables = Exact<{
  traceId: string;
  spanLimit: number;
}>;


export type RestMackerelGetTraceQuery = { trace: { spanCount: number, spans: Array<{ traceId: string, spanId: string, traceState: string, parentSpanId: string | null, name: string, kind: SpanKind, startTime: string, endTime: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }>, events: Array<{ time: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue', arrayValue: Array<
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                          > }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                              | { __typename: 'ArrayValue' }
                              | { __typename: 'BoolValue', boolValue: boolean }
                              | { __typename: 'BytesValue', bytesValue: string }
                              | { __typename: 'DoubleValue', doubleValue: number | null }
                              | { __typename: 'EmptyValue' }
                              | { __typename: 'IntValue', intValue: string }
                              | { __typename: 'KvlistValue' }
                              | { __typename: 'StringValue', stringValue: string }
                             }> }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue', arrayValue: Array<
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                          > }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                              | { __typename: 'ArrayValue' }
                              | { __typename: 'BoolValue', boolValue: boolean }
                              | { __typename: 'BytesValue', bytesValue: string }
                              | { __typename: 'DoubleValue', doubleValue: number | null }
                              | { __typename: 'EmptyValue' }
                              | { __typename: 'IntValue', intValue: string }
                              | { __typename: 'KvlistValue' }
                              | { __typename: 'StringValue', stringValue: string }
                             }> }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, status: { message: string, code: StatusCode }, resource: { droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue', arrayValue: Array<
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                          > }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                              | { __typename: 'ArrayValue' }
                              | { __typename: 'BoolValue', boolValue: boolean }
                              | { __typename: 'BytesValue', bytesValue: string }
                              | { __typename: 'DoubleValue', doubleValue: number | null }
                              | { __typename: 'EmptyValue' }
                              | { __typename: 'IntValue', intValue: string }
                              | { __typename: 'KvlistValue' }
                              | { __typename: 'StringValue', stringValue: string }
                             }> }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }, scope: { name: string, version: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue', arrayValue: Array<
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                      > }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                         }> }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue', arrayValue: Array<
                          | { __typename: 'ArrayValue' }
                          | { __typename: 'BoolValue', boolValue: boolean }
                          | { __typename: 'BytesValue', bytesValue: string }
                          | { __typename: 'DoubleValue', doubleValue: number | null }
                          | { __typename: 'EmptyValue' }
                          | { __typename: 'IntValue', intValue: string }
                          | { __typename: 'KvlistValue' }
                          | { __typename: 'StringValue', stringValue: string }
                        > }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                           }> }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue', arrayValue: Array<
                            | { __typename: 'ArrayValue' }
                            | { __typename: 'BoolValue', boolValue: boolean }
                            | { __typename: 'BytesValue', bytesValue: string }
                            | { __typename: 'DoubleValue', doubleValue: number | null }
                            | { __typename: 'EmptyValue' }
                            | { __typename: 'IntValue', intValue: string }
                            | { __typename: 'KvlistValue' }
                            | { __typename: 'StringValue', stringValue: string }
                          > }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                              | { __typename: 'ArrayValue' }
                              | { __typename: 'BoolValue', boolValue: boolean }
                              | { __typename: 'BytesValue', bytesValue: string }
                              | { __typename: 'DoubleValue', doubleValue: number | null }
                              | { __typename: 'EmptyValue' }
                              | { __typename: 'IntValue', intValue: string }
                              | { __typename: 'KvlistValue' }
                              | { __typename: 'StringValue', stringValue: string }
                             }> }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> } }> } | null };

export type RestReportHeartbeatMutationVariables = Exact<{
  nodeId: string;
  input: HeartbeatInput;
}>;


export type RestReportHeartbeatMutation = { reportHeartbeat: { node: { nodeId: string, status: NodeStatus, lastHeartbeat: string } } };

export type RestListNodesQueryVariables = Exact<{
  cluster?: string | null | undefined;
  status?: NodeStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type RestListNodesQuery = { nodes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { nodeId: string, cluster: string, version: string, status: NodeStatus, spansIngested1h: string, cpuPercent: number, memoryMb: number, lastHeartbeat: string } }> } };

export type RestNodeHealthQueryVariables = Exact<{
  nodeId: string;
}>;


export type RestNodeHealthQuery = { node: { nodeId: string, health: { status: NodeStatus, uptimeSeconds: number, ingestionRateSps: number, droppedSpans1h: string, otlpGrpcActive: boolean, otlpHttpActive: boolean, samplingRate: number, bufferUtilizationPct: number } } | null };

export type RestListServicesQueryVariables = Exact<{
  cluster?: string | null | undefined;
  from: string;
  to: string;
  limit: number;
}>;


export type RestListServicesQuery = { services: { totalCount: number, services: Array<{ name: string, namespace: string | null, cluster: string | null, firstSeen: string, spanCount: string, errorRate: number, p99LatencyMs: number | null }> } };

export type RestTopologyQueryVariables = Exact<{
  cluster?: string | null | undefined;
  from: string;
  to: string;
}>;


export type RestTopologyQuery = { topology: { nodes: Array<{ id: string, type: TopologyNodeType }>, edges: Array<{ source: string, target: string, requestCount: string, errorRate: number, p50LatencyMs: number | null, p99LatencyMs: number | null }> } };

export type TempoPingQueryVariables = Exact<{ [key: string]: never; }>;


export type TempoPingQuery = { __typename: 'Query' };

export type TempoTraceQueryVariables = Exact<{
  traceId: string;
  spanLimit: number;
}>;


export type TempoTraceQuery = { trace: { spanCount: number, spans: Array<{ traceId: string, spanId: string, parentSpanId: string | null, traceState: string, flags: number, name: string, kind: SpanKind, startTimeUnixNano: string, endTimeUnixNano: string, serviceName: string, droppedAttributesCount: number, droppedEventsCount: number, droppedLinksCount: number, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue' }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue' }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }>, events: Array<{ timeUnixNano: string, name: string, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, links: Array<{ traceId: string, spanId: string, traceState: string, flags: number, droppedAttributesCount: number, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }>, status: { code: StatusCode, message: string }, resource: { droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }, scope: { name: string, version: string, droppedAttributesCount: number, schemaUrl: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue' }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue' }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> } }> } | null };

export type TempoTraceSummaryFragment = { traceId: string, rootServiceName: string | null, rootOperation: string | null, startTimeUnixNano: string, durationNs: string };

export type TempoSearchQueryVariables = Exact<{
  all: boolean;
  query: string;
  from: string;
  to: string;
  first: number;
}>;


export type TempoSearchQuery = { traces?: { edges: Array<{ node: { traceId: string, rootServiceName: string | null, rootOperation: string | null, startTimeUnixNano: string, durationNs: string } }> }, searchTraces?: { edges: Array<{ node: { traceId: string, rootServiceName: string | null, rootOperation: string | null, startTimeUnixNano: string, durationNs: string } }> } };

export type TempoTagNamesQueryVariables = Exact<{
  span: boolean;
  resource: boolean;
  where?: string | null | undefined;
  from: string;
  to: string;
  limit: number;
}>;


export type TempoTagNamesQuery = { span?: Array<string>, resource?: Array<string> };

export type TempoTagValuesQueryVariables = Exact<{
  span: boolean;
  spanField: string;
  resource: boolean;
  resourceField: string;
  where?: string | null | undefined;
  from: string;
  to: string;
  limit: number;
}>;


export type TempoTagValuesQuery = { span?: Array<
    | { __typename: 'ArrayValue' }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue' }
    | { __typename: 'StringValue', stringValue: string }
  >, resource?: Array<
    | { __typename: 'ArrayValue' }
    | { __typename: 'BoolValue', boolValue: boolean }
    | { __typename: 'BytesValue', bytesValue: string }
    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
    | { __typename: 'EmptyValue' }
    | { __typename: 'IntValue', intValue: string }
    | { __typename: 'KvlistValue' }
    | { __typename: 'StringValue', stringValue: string }
  > };

export type RestTraceSummaryFragment = { traceId: string, rootServiceName: string | null, rootOperation: string | null, durationMs: number, spanCount: number, status: StatusCode, startTime: string, services: Array<string> };

export type RestListTracesQueryVariables = Exact<{
  filter: TraceFilter;
  first: number;
  after?: string | null | undefined;
}>;


export type RestListTracesQuery = { traces: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { traceId: string, rootServiceName: string | null, rootOperation: string | null, durationMs: number, spanCount: number, status: StatusCode, startTime: string, services: Array<string> } }> } };

export type RestGetTraceQueryVariables = Exact<{
  traceId: string;
  spanLimit: number;
}>;


export type RestGetTraceQuery = { trace: { traceId: string, durationMs: number, spanCount: number, spans: Array<{ spanId: string, parentSpanId: string | null, name: string, serviceName: string, durationMs: number, startTime: string, status: { code: StatusCode }, attributes: Array<{ key: string, value:
          | { __typename: 'ArrayValue', arrayValue: Array<
              | { __typename: 'ArrayValue', arrayValue: Array<
                  | { __typename: 'ArrayValue' }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue' }
                  | { __typename: 'StringValue', stringValue: string }
                > }
              | { __typename: 'BoolValue', boolValue: boolean }
              | { __typename: 'BytesValue', bytesValue: string }
              | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
              | { __typename: 'EmptyValue' }
              | { __typename: 'IntValue', intValue: string }
              | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                   }> }
              | { __typename: 'StringValue', stringValue: string }
            > }
          | { __typename: 'BoolValue', boolValue: boolean }
          | { __typename: 'BytesValue', bytesValue: string }
          | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
          | { __typename: 'EmptyValue' }
          | { __typename: 'IntValue', intValue: string }
          | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
               }> }
          | { __typename: 'StringValue', stringValue: string }
         }>, events: Array<{ name: string, time: string, attributes: Array<{ key: string, value:
            | { __typename: 'ArrayValue', arrayValue: Array<
                | { __typename: 'ArrayValue', arrayValue: Array<
                    | { __typename: 'ArrayValue' }
                    | { __typename: 'BoolValue', boolValue: boolean }
                    | { __typename: 'BytesValue', bytesValue: string }
                    | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                    | { __typename: 'EmptyValue' }
                    | { __typename: 'IntValue', intValue: string }
                    | { __typename: 'KvlistValue' }
                    | { __typename: 'StringValue', stringValue: string }
                  > }
                | { __typename: 'BoolValue', boolValue: boolean }
                | { __typename: 'BytesValue', bytesValue: string }
                | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                | { __typename: 'EmptyValue' }
                | { __typename: 'IntValue', intValue: string }
                | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                     }> }
                | { __typename: 'StringValue', stringValue: string }
              > }
            | { __typename: 'BoolValue', boolValue: boolean }
            | { __typename: 'BytesValue', bytesValue: string }
            | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
            | { __typename: 'EmptyValue' }
            | { __typename: 'IntValue', intValue: string }
            | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                  | { __typename: 'ArrayValue', arrayValue: Array<
                      | { __typename: 'ArrayValue' }
                      | { __typename: 'BoolValue', boolValue: boolean }
                      | { __typename: 'BytesValue', bytesValue: string }
                      | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                      | { __typename: 'EmptyValue' }
                      | { __typename: 'IntValue', intValue: string }
                      | { __typename: 'KvlistValue' }
                      | { __typename: 'StringValue', stringValue: string }
                    > }
                  | { __typename: 'BoolValue', boolValue: boolean }
                  | { __typename: 'BytesValue', bytesValue: string }
                  | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                  | { __typename: 'EmptyValue' }
                  | { __typename: 'IntValue', intValue: string }
                  | { __typename: 'KvlistValue', kvlistValue: Array<{ key: string, value:
                        | { __typename: 'ArrayValue' }
                        | { __typename: 'BoolValue', boolValue: boolean }
                        | { __typename: 'BytesValue', bytesValue: string }
                        | { __typename: 'DoubleValue', doubleValue: number | null, text: string }
                        | { __typename: 'EmptyValue' }
                        | { __typename: 'IntValue', intValue: string }
                        | { __typename: 'KvlistValue' }
                        | { __typename: 'StringValue', stringValue: string }
                       }> }
                  | { __typename: 'StringValue', stringValue: string }
                 }> }
            | { __typename: 'StringValue', stringValue: string }
           }> }> }> } | null };

export type RestSearchTracesQueryVariables = Exact<{
  query: string;
  from: string;
  to: string;
  first: number;
  after?: string | null | undefined;
}>;


export type RestSearchTracesQuery = { searchTraces: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { traceId: string, rootServiceName: string | null, rootOperation: string | null, durationMs: number, spanCount: number, status: StatusCode, startTime: string, services: Array<string> } }> } };

export const RestScalarValueFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}}]} as unknown as DocumentNode<RestScalarValueFragment, unknown>;
export const RestAnyValueFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}}]} as unknown as DocumentNode<RestAnyValueFragment, unknown>;
export const RestAttributeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestAttributeFragment, unknown>;
export const RestAlertRuleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAlertRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"for"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEvaluatedAt"}}]}}]} as unknown as DocumentNode<RestAlertRuleFragment, unknown>;
export const OtlpAttributeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OtlpAttributeFragment, unknown>;
export const OtlpSpanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Span"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"endTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}}]} as unknown as DocumentNode<OtlpSpanFragment, unknown>;
export const JaegerTraceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JaegerTrace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpSpan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Span"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"endTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}}]}}]} as unknown as DocumentNode<JaegerTraceFragment, unknown>;
export const MackerelScalarValueFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}}]} as unknown as DocumentNode<MackerelScalarValueFragment, unknown>;
export const MackerelValueLevel3FragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel3"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}}]} as unknown as DocumentNode<MackerelValueLevel3Fragment, unknown>;
export const MackerelValueLevel2FragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel2"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel3"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MackerelValueLevel2Fragment, unknown>;
export const MackerelAttributeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel2"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel2"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel3"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel2"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MackerelAttributeFragment, unknown>;
export const TempoTraceSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TempoTraceSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootServiceName"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"durationNs"}}]}}]} as unknown as DocumentNode<TempoTraceSummaryFragment, unknown>;
export const RestTraceSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTraceSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootServiceName"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}}]} as unknown as DocumentNode<RestTraceSummaryFragment, unknown>;
export const RestCreateAlertRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestCreateAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAlertRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<RestCreateAlertRuleMutation, RestCreateAlertRuleMutationVariables>;
export const RestListAlertRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestListAlertRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAlertRule"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAlertRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"for"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEvaluatedAt"}}]}}]} as unknown as DocumentNode<RestListAlertRulesQuery, RestListAlertRulesQueryVariables>;
export const RestGetAlertRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestGetAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAlertRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAlertRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"for"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEvaluatedAt"}}]}}]} as unknown as DocumentNode<RestGetAlertRuleQuery, RestGetAlertRuleQueryVariables>;
export const RestUpdateAlertRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestUpdateAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAlertRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAlertRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAlertRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"edge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"window"}},{"kind":"Field","name":{"kind":"Name","value":"for"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEvaluatedAt"}}]}}]} as unknown as DocumentNode<RestUpdateAlertRuleMutation, RestUpdateAlertRuleMutationVariables>;
export const RestDeleteAlertRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestDeleteAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RestDeleteAlertRuleMutation, RestDeleteAlertRuleMutationVariables>;
export const JaegerServicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JaegerServices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<JaegerServicesQuery, JaegerServicesQueryVariables>;
export const JaegerOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JaegerOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"service"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanKind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SpanKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"service"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"spanKind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"spanKind"}}]}}]}}]}}]} as unknown as DocumentNode<JaegerOperationsQuery, JaegerOperationsQueryVariables>;
export const JaegerFindTracesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JaegerFindTraces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"byIds"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tracesByIds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traceIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceIds"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byIds"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JaegerTrace"}}]}},{"kind":"Field","name":{"kind":"Name","value":"searchTraces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byIds"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JaegerTrace"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Span"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"endTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JaegerTrace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpSpan"}}]}}]}}]} as unknown as DocumentNode<JaegerFindTracesQuery, JaegerFindTracesQueryVariables>;
export const JaegerGetTraceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JaegerGetTrace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JaegerTrace"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Span"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"endTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JaegerTrace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpSpan"}}]}}]}}]} as unknown as DocumentNode<JaegerGetTraceQuery, JaegerGetTraceQueryVariables>;
export const JaegerDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JaegerDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topology"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}}]}}]}}]}}]} as unknown as DocumentNode<JaegerDependenciesQuery, JaegerDependenciesQueryVariables>;
export const RestMackerelListTracesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestMackerelListTraces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TraceFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TraceOrderBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"service"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceNamespace"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"environment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tracePage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"perPage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"perPage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"durationNs"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"service"},"value":{"kind":"Variable","name":{"kind":"Name","value":"service"}}},{"kind":"Argument","name":{"kind":"Name","value":"serviceNamespace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceNamespace"}}},{"kind":"Argument","name":{"kind":"Name","value":"environment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"environment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceNamespace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"durationNs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestMackerelListTracesQuery, RestMackerelListTracesQueryVariables>;
export const RestMackerelGetTraceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestMackerelGetTrace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel3"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelValueLevel2"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel3"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MackerelAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel2"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MackerelValueLevel2"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestMackerelGetTraceQuery, RestMackerelGetTraceQueryVariables>;
export const RestReportHeartbeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestReportHeartbeat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nodeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HeartbeatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportHeartbeat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nodeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nodeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastHeartbeat"}}]}}]}}]}}]} as unknown as DocumentNode<RestReportHeartbeatMutation, RestReportHeartbeatMutationVariables>;
export const RestListNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestListNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NodeStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cluster"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"spansIngested1h"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"lastHeartbeat"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestListNodesQuery, RestListNodesQueryVariables>;
export const RestNodeHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestNodeHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nodeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nodeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nodeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ingestionRateSps"}},{"kind":"Field","name":{"kind":"Name","value":"droppedSpans1h"}},{"kind":"Field","name":{"kind":"Name","value":"otlpGrpcActive"}},{"kind":"Field","name":{"kind":"Name","value":"otlpHttpActive"}},{"kind":"Field","name":{"kind":"Name","value":"samplingRate"}},{"kind":"Field","name":{"kind":"Name","value":"bufferUtilizationPct"}}]}}]}}]}}]} as unknown as DocumentNode<RestNodeHealthQuery, RestNodeHealthQueryVariables>;
export const RestListServicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestListServices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cluster"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeen"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"p99LatencyMs"}}]}}]}}]}}]} as unknown as DocumentNode<RestListServicesQuery, RestListServicesQueryVariables>;
export const RestTopologyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestTopology"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topology"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cluster"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cluster"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"p50LatencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"p99LatencyMs"}}]}}]}}]}}]} as unknown as DocumentNode<RestTopologyQuery, RestTopologyQueryVariables>;
export const TempoPingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TempoPing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<TempoPingQuery, TempoPingQueryVariables>;
export const TempoTraceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TempoTrace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpSpan"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OtlpSpan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Span"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"endTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedEventsCount"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"traceState"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedLinksCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OtlpAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"droppedAttributesCount"}},{"kind":"Field","name":{"kind":"Name","value":"schemaUrl"}}]}}]}}]} as unknown as DocumentNode<TempoTraceQuery, TempoTraceQueryVariables>;
export const TempoSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TempoSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"all"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"all"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TempoTraceSummary"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"searchTraces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"all"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TempoTraceSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TempoTraceSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootServiceName"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"startTimeUnixNano"}},{"kind":"Field","name":{"kind":"Name","value":"durationNs"}}]}}]} as unknown as DocumentNode<TempoSearchQuery, TempoSearchQueryVariables>;
export const TempoTagNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TempoTagNames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"span"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resource"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"span"},"name":{"kind":"Name","value":"spanAttributeKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"EnumValue","value":"SPAN"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"span"}}}]}]},{"kind":"Field","alias":{"kind":"Name","value":"resource"},"name":{"kind":"Name","value":"spanAttributeKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"EnumValue","value":"RESOURCE"}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resource"}}}]}]}]}}]} as unknown as DocumentNode<TempoTagNamesQuery, TempoTagNamesQueryVariables>;
export const TempoTagValuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TempoTagValues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"span"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanField"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resource"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resourceField"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"span"},"name":{"kind":"Name","value":"spanFieldValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"field"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanField"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"span"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"resource"},"name":{"kind":"Name","value":"spanFieldValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"field"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resourceField"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resource"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}}]} as unknown as DocumentNode<TempoTagValuesQuery, TempoTagValuesQueryVariables>;
export const RestListTracesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestListTraces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TraceFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTraceSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTraceSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootServiceName"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}}]} as unknown as DocumentNode<RestListTracesQuery, RestListTracesQueryVariables>;
export const RestGetTraceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestGetTrace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"spans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spanLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spanId"}},{"kind":"Field","name":{"kind":"Name","value":"parentSpanId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAttribute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAttribute"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestScalarValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StringValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BoolValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boolValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intValue"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DoubleValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doubleValue"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BytesValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesValue"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAnyValue"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnyValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestScalarValue"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestAttribute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attribute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArrayValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrayValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KvlistValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kvlistValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestAnyValue"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestGetTraceQuery, RestGetTraceQueryVariables>;
export const RestSearchTracesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestSearchTraces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchTraces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestTraceSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestTraceSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traceId"}},{"kind":"Field","name":{"kind":"Name","value":"rootServiceName"}},{"kind":"Field","name":{"kind":"Name","value":"rootOperation"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"spanCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}}]} as unknown as DocumentNode<RestSearchTracesQuery, RestSearchTracesQueryVariables>;