package meshtrace

import (
	"encoding/json"
	"time"
)

// TraceSummary is one trace of GET /v1/traces and POST /v1/traces/search.
type TraceSummary struct {
	TraceID string `json:"trace_id"`
	// RootService and RootOperation are nil until the root span has arrived.
	RootService   *string   `json:"root_service"`
	RootOperation *string   `json:"root_operation"`
	DurationMs    int64     `json:"duration_ms"`
	SpanCount     int64     `json:"span_count"`
	Status        string    `json:"status"`
	StartedAt     time.Time `json:"started_at"`
	Services      []string  `json:"services"`
}

type traceList struct {
	Traces       []TraceSummary `json:"traces"`
	NextCursor   *string        `json:"next_cursor"`
	TotalMatched int            `json:"total_matched"`
}

// Trace is a full trace of GET /v1/traces/{trace_id}.
type Trace struct {
	TraceID    string `json:"trace_id"`
	DurationMs int64  `json:"duration_ms"`
	SpanCount  int64  `json:"span_count"`
	Spans      []Span `json:"spans"`
}

// Span is one span of a Trace.
type Span struct {
	SpanID string `json:"span_id"`
	// ParentSpanID is nil for a root span.
	ParentSpanID  *string     `json:"parent_span_id"`
	OperationName string      `json:"operation_name"`
	ServiceName   string      `json:"service_name"`
	DurationMs    int64       `json:"duration_ms"`
	StatusCode    string      `json:"status_code"`
	Attributes    Attributes  `json:"attributes"`
	StartedAt     time.Time   `json:"started_at"`
	Events        []SpanEvent `json:"events"`
}

// SpanEvent is an event of a Span.
type SpanEvent struct {
	Name       string     `json:"name"`
	Timestamp  time.Time  `json:"timestamp"`
	Attributes Attributes `json:"attributes"`
}

// Node is one collector node of GET /v1/nodes.
type Node struct {
	NodeID          string    `json:"node_id"`
	Cluster         string    `json:"cluster"`
	Version         string    `json:"version"`
	Status          string    `json:"status"`
	SpansIngested1h int64     `json:"spans_ingested_1h"`
	CPUPercent      float64   `json:"cpu_percent"`
	MemoryMb        float64   `json:"memory_mb"`
	LastHeartbeat   time.Time `json:"last_heartbeat"`
}

type nodeList struct {
	Nodes []Node `json:"nodes"`
	Total int    `json:"total"`
}

// NodeHealth is GET /v1/nodes/{node_id}/health.
type NodeHealth struct {
	NodeID               string  `json:"node_id"`
	Status               string  `json:"status"`
	UptimeSeconds        int64   `json:"uptime_seconds"`
	IngestionRateSps     float64 `json:"ingestion_rate_sps"`
	DroppedSpans1h       int64   `json:"dropped_spans_1h"`
	OTLPGrpcActive       bool    `json:"otlp_grpc_active"`
	OTLPHTTPActive       bool    `json:"otlp_http_active"`
	SamplingRate         float64 `json:"sampling_rate"`
	BufferUtilizationPct float64 `json:"buffer_utilization_pct"`
}

// Heartbeat is the body of POST /v1/nodes/{node_id}/heartbeat; every field is sent.
type Heartbeat struct {
	Cluster              string  `json:"cluster"`
	Version              string  `json:"version"`
	CPUPercent           float64 `json:"cpu_percent"`
	MemoryMb             float64 `json:"memory_mb"`
	UptimeSeconds        int64   `json:"uptime_seconds"`
	IngestionRateSps     float64 `json:"ingestion_rate_sps"`
	SpansIngestedTotal   int64   `json:"spans_ingested_total"`
	DroppedSpansTotal    int64   `json:"dropped_spans_total"`
	OTLPGrpcActive       bool    `json:"otlp_grpc_active"`
	OTLPHTTPActive       bool    `json:"otlp_http_active"`
	SamplingRate         float64 `json:"sampling_rate"`
	BufferUtilizationPct float64 `json:"buffer_utilization_pct"`
}

// HeartbeatAck answers a heartbeat.
type HeartbeatAck struct {
	NodeID        string    `json:"node_id"`
	Status        string    `json:"status"`
	LastHeartbeat time.Time `json:"last_heartbeat"`
}

// Service is one deployment of GET /v1/services.
type Service struct {
	Name         string    `json:"name"`
	Namespace    *string   `json:"namespace"`
	Cluster      *string   `json:"cluster"`
	FirstSeen    time.Time `json:"first_seen"`
	SpanCount24h int64     `json:"span_count_24h"`
	ErrorRate24h float64   `json:"error_rate_24h"`
	P99LatencyMs *int64    `json:"p99_latency_ms"`
}

// ServiceList is GET /v1/services.
type ServiceList struct {
	Services []Service `json:"services"`
	Total    int       `json:"total"`
}

// TopologyNode is a service, database, messaging destination or external peer.
type TopologyNode struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// TopologyEdge counts the calls from Source to Target.
type TopologyEdge struct {
	Source       string  `json:"source"`
	Target       string  `json:"target"`
	RequestCount int64   `json:"request_count"`
	ErrorRate    float64 `json:"error_rate"`
	P50LatencyMs int64   `json:"p50_latency_ms"`
	P99LatencyMs int64   `json:"p99_latency_ms"`
}

// Topology is GET /v1/topology.
type Topology struct {
	Nodes []TopologyNode `json:"nodes"`
	Edges []TopologyEdge `json:"edges"`
}

// AlertEdge names the calls from one service to another node.
type AlertEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// AlertCondition is the condition of a stored rule.
type AlertCondition struct {
	Metric    string     `json:"metric"`
	Service   string     `json:"service,omitempty"`
	Edge      *AlertEdge `json:"edge,omitempty"`
	Operator  string     `json:"operator"`
	Threshold float64    `json:"threshold"`
	Window    string     `json:"window"`
	// For is nil when the rule fires as soon as the condition holds.
	For *string `json:"for"`
}

// AlertRule is a rule of GET /v1/alerts/rules and GET /v1/alerts/rules/{id}.
type AlertRule struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	Condition       AlertCondition `json:"condition"`
	Channels        []string       `json:"channels"`
	Severity        string         `json:"severity"`
	Status          string         `json:"status"`
	State           string         `json:"state"`
	CreatedAt       time.Time      `json:"created_at"`
	UpdatedAt       time.Time      `json:"updated_at"`
	LastEvaluatedAt *time.Time     `json:"last_evaluated_at"`
}

type alertRuleList struct {
	Rules []AlertRule `json:"rules"`
	Total int         `json:"total"`
}

// CreatedAlertRule answers POST /v1/alerts/rules.
type CreatedAlertRule struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
}

// AlertConditionInput is the condition of a new rule: exactly one of Service and Edge.
type AlertConditionInput struct {
	Metric    string     `json:"metric"`
	Service   string     `json:"service,omitempty"`
	Edge      *AlertEdge `json:"edge,omitempty"`
	Operator  string     `json:"operator"`
	Threshold float64    `json:"threshold"`
	Window    string     `json:"window"`
	For       string     `json:"for,omitempty"`
}

// CreateAlertRuleParams is the body of POST /v1/alerts/rules.
type CreateAlertRuleParams struct {
	Name      string              `json:"name"`
	Condition AlertConditionInput `json:"condition"`
	Channels  []string            `json:"channels"`
	// Severity is critical, warning or info; empty means the default, warning.
	Severity string `json:"severity,omitempty"`
}

// AlertConditionPatch holds the condition fields to change; nil fields stay.
type AlertConditionPatch struct {
	Metric    *string    `json:"metric,omitempty"`
	Service   *string    `json:"service,omitempty"`
	Edge      *AlertEdge `json:"edge,omitempty"`
	Operator  *string    `json:"operator,omitempty"`
	Threshold *float64   `json:"threshold,omitempty"`
	Window    *string    `json:"window,omitempty"`
	For       *string    `json:"-"`
	// RemoveFor sends "for": null, which removes the rule's For.
	RemoveFor bool `json:"-"`
}

// UpdateAlertRuleParams is the body of PATCH /v1/alerts/rules/{id}; nil fields stay.
type UpdateAlertRuleParams struct {
	Name      *string              `json:"name,omitempty"`
	Condition *AlertConditionPatch `json:"condition,omitempty"`
	Channels  []string             `json:"channels,omitempty"`
	Severity  *string              `json:"severity,omitempty"`
	Status    *string              `json:"status,omitempty"`
}

// Ptr returns a pointer to v, for the optional fields of UpdateAlertRuleParams.
func Ptr[T any](v T) *T { return &v }

// MarshalJSON writes For, or "for": null when RemoveFor is set, beside the other fields.
func (p AlertConditionPatch) MarshalJSON() ([]byte, error) {
	type plain AlertConditionPatch
	encoded, err := json.Marshal(plain(p))
	if err != nil || (p.For == nil && !p.RemoveFor) {
		return encoded, err
	}
	var value any
	if p.For != nil {
		value = *p.For
	}
	forJSON, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	separator := ","
	if len(encoded) == 2 {
		separator = ""
	}
	return append(append(encoded[:len(encoded)-1], separator+`"for":`...), append(forJSON, '}')...), nil
}
