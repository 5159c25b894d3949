/**
 * A scalar attribute value as the gateway renders it (docs/rest-v1.md): string,
 * boolean, number or null. An int64 beyond ±(2^53 − 1) arrives as the string of
 * its exact digits (a JS number would round it), NaN/±Infinity as
 * "NaN"/"Infinity"/"-Infinity", bytes as base64, an empty value (or one nested
 * deeper than the gateway renders) as null.
 */
export type AttributeScalar = string | number | boolean | null;
/** An element of an array or object attribute value: a scalar, or an array or object of scalars. */
export type AttributeElement = AttributeScalar | AttributeScalar[] | {
    [key: string]: AttributeScalar;
};
/** An attribute value: a scalar, or an array or object of elements (the gateway renders three levels). */
export type AttributeValue = AttributeScalar | AttributeElement[] | {
    [key: string]: AttributeElement;
};
export type Attributes = {
    [key: string]: AttributeValue;
};
export type TraceStatus = 'ok' | 'error' | 'unset';
export type SpanStatusCode = 'OK' | 'ERROR' | 'UNSET';
export type NodeStatus = 'healthy' | 'degraded' | 'unhealthy' | 'offline';
export type TopologyNodeType = 'service' | 'database' | 'messaging' | 'external';
export type AlertMetric = 'error_rate' | 'p50_latency_ms' | 'p90_latency_ms' | 'p95_latency_ms' | 'p99_latency_ms' | 'request_count';
export type AlertOperator = '>' | '>=' | '<' | '<=' | '==' | '!=';
export type AlertChannel = 'slack' | 'email' | 'pagerduty' | 'webhook';
export type AlertSeverity = 'critical' | 'warning' | 'info';
export type AlertRuleStatus = 'active' | 'paused';
export type AlertRuleState = 'ok' | 'pending' | 'firing';
export type TimeWindow = '1h' | '6h' | '24h';
export interface TraceSummary {
    trace_id: string;
    root_service: string | null;
    root_operation: string | null;
    duration_ms: number;
    span_count: number;
    status: TraceStatus;
    /** ISO 8601, UTC, milliseconds. */
    started_at: string;
    services: string[];
}
export interface TraceList {
    traces: TraceSummary[];
    next_cursor: string | null;
    total_matched: number;
}
export interface SpanEvent {
    name: string;
    timestamp: string;
    attributes: Attributes;
}
export interface Span {
    span_id: string;
    parent_span_id: string | null;
    operation_name: string;
    service_name: string;
    duration_ms: number;
    status_code: SpanStatusCode;
    attributes: Attributes;
    started_at: string;
    events: SpanEvent[];
}
export interface Trace {
    trace_id: string;
    duration_ms: number;
    span_count: number;
    spans: Span[];
}
export interface NodeSummary {
    node_id: string;
    cluster: string;
    version: string;
    status: NodeStatus;
    spans_ingested_1h: number;
    cpu_percent: number;
    memory_mb: number;
    last_heartbeat: string;
}
export interface NodeList {
    nodes: NodeSummary[];
    total: number;
}
export interface NodeHealth {
    node_id: string;
    status: NodeStatus;
    uptime_seconds: number;
    ingestion_rate_sps: number;
    dropped_spans_1h: number;
    otlp_grpc_active: boolean;
    otlp_http_active: boolean;
    sampling_rate: number;
    buffer_utilization_pct: number;
}
export interface Heartbeat {
    cluster: string;
    version: string;
    cpu_percent: number;
    memory_mb: number;
    uptime_seconds: number;
    ingestion_rate_sps: number;
    spans_ingested_total: number;
    dropped_spans_total: number;
    otlp_grpc_active: boolean;
    otlp_http_active: boolean;
    sampling_rate: number;
    buffer_utilization_pct: number;
}
export interface HeartbeatAck {
    node_id: string;
    status: NodeStatus;
    last_heartbeat: string;
}
export interface Service {
    name: string;
    namespace: string | null;
    cluster: string | null;
    first_seen: string;
    span_count_24h: number;
    error_rate_24h: number;
    p99_latency_ms: number | null;
}
export interface ServiceList {
    services: Service[];
    total: number;
}
export interface TopologyNode {
    id: string;
    type: TopologyNodeType;
}
export interface TopologyEdge {
    source: string;
    target: string;
    request_count: number;
    error_rate: number;
    p50_latency_ms: number;
    p99_latency_ms: number;
}
export interface Topology {
    nodes: TopologyNode[];
    edges: TopologyEdge[];
}
export interface AlertEdge {
    source: string;
    target: string;
}
export interface AlertCondition {
    metric: AlertMetric;
    service?: string;
    edge?: AlertEdge;
    operator: AlertOperator;
    threshold: number;
    window: string;
    for: string | null;
}
export interface AlertRule {
    id: string;
    name: string;
    condition: AlertCondition;
    channels: AlertChannel[];
    severity: AlertSeverity;
    status: AlertRuleStatus;
    state: AlertRuleState;
    created_at: string;
    updated_at: string;
    last_evaluated_at: string | null;
}
export interface AlertRuleList {
    rules: AlertRule[];
    total: number;
}
export interface CreatedAlertRule {
    id: string;
    name: string;
    status: AlertRuleStatus;
    created_at: string;
}
/** Exactly one of `service` and `edge`. */
export interface AlertConditionInput {
    metric: AlertMetric;
    service?: string;
    edge?: AlertEdge;
    operator: AlertOperator;
    threshold: number;
    window: string;
    for?: string;
}
export interface CreateAlertRule {
    name: string;
    condition: AlertConditionInput;
    channels: AlertChannel[];
    severity?: AlertSeverity;
}
/** Condition fields to change; `for: null` removes `for`. */
export interface AlertConditionPatch {
    metric?: AlertMetric;
    service?: string;
    edge?: AlertEdge;
    operator?: AlertOperator;
    threshold?: number;
    window?: string;
    for?: string | null;
}
export interface UpdateAlertRule {
    name?: string;
    condition?: AlertConditionPatch;
    channels?: AlertChannel[];
    severity?: AlertSeverity;
    status?: AlertRuleStatus;
}
/** The error envelope of every failed request. */
export interface ErrorEnvelope {
    error: {
        code: string;
        message: string;
        param: string | null;
        request_id: string;
    };
}
/** A timestamp parameter: a Date (sent in UTC with milliseconds) or ISO 8601 text as the gateway reads it. */
export type Timestamp = Date | string;
export interface ListTracesParams {
    service?: string;
    start_time?: Timestamp;
    end_time?: Timestamp;
    min_duration_ms?: number;
    status?: TraceStatus;
    /** Page size, 1–200 (default 50). */
    limit?: number;
    cursor?: string;
}
export interface SearchTracesParams {
    query: string;
    start_time: Timestamp;
    end_time: Timestamp;
    /** Page size, 1–500 (default 100). */
    limit?: number;
    cursor?: string;
}
export interface ListNodesParams {
    cluster?: string;
    status?: NodeStatus;
    /** Page size, 1–500 (default 500). */
    limit?: number;
    cursor?: string;
}
export interface ListServicesParams {
    cluster?: string;
}
export interface TopologyParams {
    cluster?: string;
    time_window?: TimeWindow;
}
export interface ListAlertRulesParams {
    /** Page size, 1–500 (default 500). */
    limit?: number;
    cursor?: string;
}
