package meshtrace

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// One service per section of the REST v1 document; each method is one route.

func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

func setString(q url.Values, name, value string) {
	if value != "" {
		q.Set(name, value)
	}
}

func setInt(q url.Values, name string, value int64) {
	if value != 0 {
		q.Set(name, strconv.FormatInt(value, 10))
	}
}

// TracesService: GET /v1/traces, GET /v1/traces/{trace_id}, POST /v1/traces/search.
type TracesService struct{ t *transport }

// ListTracesParams are the query parameters of GET /v1/traces; zero values are not sent.
type ListTracesParams struct {
	Service string
	// StartTime and EndTime bound the window (default: the last hour; kept while paging).
	StartTime     time.Time
	EndTime       time.Time
	MinDurationMs int64
	// Status is ok, error or unset.
	Status string
	// Limit is the page size, 1–200 (default 50).
	Limit  int
	Cursor string
}

// List fetches one page of traces, newest first.
func (s *TracesService) List(ctx context.Context, params *ListTracesParams) (*Page[TraceSummary], error) {
	p := ListTracesParams{}
	if params != nil {
		p = *params
	}
	query := url.Values{}
	setString(query, "service", p.Service)
	if !p.StartTime.IsZero() {
		query.Set("start_time", timestamp(p.StartTime))
	}
	if !p.EndTime.IsZero() {
		query.Set("end_time", timestamp(p.EndTime))
	}
	setInt(query, "min_duration_ms", p.MinDurationMs)
	setString(query, "status", p.Status)
	setInt(query, "limit", int64(p.Limit))
	var fetch func(ctx context.Context, cursor string) (*Page[TraceSummary], error)
	fetch = func(ctx context.Context, cursor string) (*Page[TraceSummary], error) {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		setString(q, "cursor", cursor)
		var body traceList
		res, err := s.t.do(ctx, request{method: http.MethodGet, path: "/traces", query: q}, &body)
		if err != nil {
			return nil, err
		}
		return tracePage(body, res, fetch), nil
	}
	return fetch(ctx, p.Cursor)
}

// ListAll yields every trace of every page; the first page is fetched when the loop starts.
func (s *TracesService) ListAll(ctx context.Context, params *ListTracesParams) iter.Seq2[TraceSummary, error] {
	return allItems(ctx, func(ctx context.Context) (*Page[TraceSummary], error) { return s.List(ctx, params) })
}

func tracePage(body traceList, res *response, fetch func(context.Context, string) (*Page[TraceSummary], error)) *Page[TraceSummary] {
	page := &Page[TraceSummary]{Items: body.Traces, Total: body.TotalMatched, RateLimit: res.rateLimit, RequestID: res.requestID, fetch: fetch}
	if body.NextCursor != nil {
		page.NextCursor = *body.NextCursor
	}
	return page
}

// Get fetches a trace with all its spans.
func (s *TracesService) Get(ctx context.Context, traceID string) (*Trace, error) {
	var trace Trace
	if _, err := s.t.do(ctx, request{method: http.MethodGet, path: "/traces/" + url.PathEscape(traceID)}, &trace); err != nil {
		return nil, err
	}
	return &trace, nil
}

// SearchTracesParams is the body of POST /v1/traces/search.
type SearchTracesParams struct {
	Query     string
	StartTime time.Time
	EndTime   time.Time
	// Limit is the page size, 1–500 (default 100).
	Limit  int
	Cursor string
}

type searchBody struct {
	Query     string `json:"query"`
	StartTime string `json:"start_time"`
	EndTime   string `json:"end_time"`
	Limit     int    `json:"limit,omitempty"`
	Cursor    string `json:"cursor,omitempty"`
}

var readOnly = true

// Search fetches one page of traces matching a search expression, newest
// first. A search changes nothing, so it is retried like a GET.
func (s *TracesService) Search(ctx context.Context, params SearchTracesParams) (*Page[TraceSummary], error) {
	var fetch func(ctx context.Context, cursor string) (*Page[TraceSummary], error)
	fetch = func(ctx context.Context, cursor string) (*Page[TraceSummary], error) {
		body := searchBody{Query: params.Query, StartTime: timestamp(params.StartTime), EndTime: timestamp(params.EndTime), Limit: params.Limit, Cursor: cursor}
		var answer traceList
		res, err := s.t.do(ctx, request{method: http.MethodPost, path: "/traces/search", body: body, idempotent: &readOnly}, &answer)
		if err != nil {
			return nil, err
		}
		return tracePage(answer, res, fetch), nil
	}
	return fetch(ctx, params.Cursor)
}

// SearchAll yields every matching trace of every page.
func (s *TracesService) SearchAll(ctx context.Context, params SearchTracesParams) iter.Seq2[TraceSummary, error] {
	return allItems(ctx, func(ctx context.Context) (*Page[TraceSummary], error) { return s.Search(ctx, params) })
}

// NodesService: GET /v1/nodes, GET /v1/nodes/{node_id}/health, POST /v1/nodes/{node_id}/heartbeat.
type NodesService struct{ t *transport }

// ListNodesParams are the query parameters of GET /v1/nodes; zero values are not sent.
type ListNodesParams struct {
	Cluster string
	// Status is healthy, degraded, unhealthy or offline.
	Status string
	// Limit is the page size, 1–500 (default 500).
	Limit  int
	Cursor string
}

// List fetches one page of collector nodes in node id order (paged by the Link header).
func (s *NodesService) List(ctx context.Context, params *ListNodesParams) (*Page[Node], error) {
	p := ListNodesParams{}
	if params != nil {
		p = *params
	}
	var fetch func(ctx context.Context, cursor string) (*Page[Node], error)
	fetch = func(ctx context.Context, cursor string) (*Page[Node], error) {
		q := url.Values{}
		setString(q, "cluster", p.Cluster)
		setString(q, "status", p.Status)
		setInt(q, "limit", int64(p.Limit))
		setString(q, "cursor", cursor)
		var body nodeList
		res, err := s.t.do(ctx, request{method: http.MethodGet, path: "/nodes", query: q}, &body)
		if err != nil {
			return nil, err
		}
		return &Page[Node]{Items: body.Nodes, Total: body.Total, NextCursor: cursorOfLink(res.header.Get("Link")), RateLimit: res.rateLimit, RequestID: res.requestID, fetch: fetch}, nil
	}
	return fetch(ctx, p.Cursor)
}

// ListAll yields every node of every page.
func (s *NodesService) ListAll(ctx context.Context, params *ListNodesParams) iter.Seq2[Node, error] {
	return allItems(ctx, func(ctx context.Context) (*Page[Node], error) { return s.List(ctx, params) })
}

// Health fetches the latest reported metrics of a node.
func (s *NodesService) Health(ctx context.Context, nodeID string) (*NodeHealth, error) {
	var health NodeHealth
	if _, err := s.t.do(ctx, request{method: http.MethodGet, path: "/nodes/" + url.PathEscape(nodeID) + "/health"}, &health); err != nil {
		return nil, err
	}
	return &health, nil
}

// Heartbeat reports a heartbeat (write permission). Not retried unless WithRetryNonIdempotent.
func (s *NodesService) Heartbeat(ctx context.Context, nodeID string, heartbeat Heartbeat) (*HeartbeatAck, error) {
	var ack HeartbeatAck
	if _, err := s.t.do(ctx, request{method: http.MethodPost, path: "/nodes/" + url.PathEscape(nodeID) + "/heartbeat", body: heartbeat}, &ack); err != nil {
		return nil, err
	}
	return &ack, nil
}

// ServicesService: GET /v1/services.
type ServicesService struct{ t *transport }

// ListServicesParams are the query parameters of GET /v1/services.
type ListServicesParams struct {
	Cluster string
}

// List fetches the discovered services with their last-24-hour figures (one page, at most 1000).
func (s *ServicesService) List(ctx context.Context, params *ListServicesParams) (*ServiceList, error) {
	q := url.Values{}
	if params != nil {
		setString(q, "cluster", params.Cluster)
	}
	var list ServiceList
	if _, err := s.t.do(ctx, request{method: http.MethodGet, path: "/services", query: q}, &list); err != nil {
		return nil, err
	}
	return &list, nil
}

// TopologyService: GET /v1/topology.
type TopologyService struct{ t *transport }

// TopologyParams are the query parameters of GET /v1/topology.
type TopologyParams struct {
	Cluster string
	// TimeWindow is 1h, 6h or 24h (default 1h).
	TimeWindow string
}

// Get fetches the service dependency graph.
func (s *TopologyService) Get(ctx context.Context, params *TopologyParams) (*Topology, error) {
	q := url.Values{}
	if params != nil {
		setString(q, "cluster", params.Cluster)
		setString(q, "time_window", params.TimeWindow)
	}
	var topology Topology
	if _, err := s.t.do(ctx, request{method: http.MethodGet, path: "/topology", query: q}, &topology); err != nil {
		return nil, err
	}
	return &topology, nil
}

// AlertRulesService: POST, GET /v1/alerts/rules; GET, PATCH, DELETE /v1/alerts/rules/{id}.
type AlertRulesService struct{ t *transport }

// Create creates an active rule (admin). Not retried unless WithRetryNonIdempotent: a repeated create makes a second rule.
func (s *AlertRulesService) Create(ctx context.Context, params CreateAlertRuleParams) (*CreatedAlertRule, error) {
	var created CreatedAlertRule
	if _, err := s.t.do(ctx, request{method: http.MethodPost, path: "/alerts/rules", body: params}, &created); err != nil {
		return nil, err
	}
	return &created, nil
}

// Get fetches a rule with its current evaluation state.
func (s *AlertRulesService) Get(ctx context.Context, id string) (*AlertRule, error) {
	var rule AlertRule
	if _, err := s.t.do(ctx, request{method: http.MethodGet, path: "/alerts/rules/" + url.PathEscape(id)}, &rule); err != nil {
		return nil, err
	}
	return &rule, nil
}

// ListAlertRulesParams are the query parameters of GET /v1/alerts/rules.
type ListAlertRulesParams struct {
	// Limit is the page size, 1–500 (default 500).
	Limit  int
	Cursor string
}

// List fetches one page of rules in creation order (paged by the Link header).
func (s *AlertRulesService) List(ctx context.Context, params *ListAlertRulesParams) (*Page[AlertRule], error) {
	p := ListAlertRulesParams{}
	if params != nil {
		p = *params
	}
	var fetch func(ctx context.Context, cursor string) (*Page[AlertRule], error)
	fetch = func(ctx context.Context, cursor string) (*Page[AlertRule], error) {
		q := url.Values{}
		setInt(q, "limit", int64(p.Limit))
		setString(q, "cursor", cursor)
		var body alertRuleList
		res, err := s.t.do(ctx, request{method: http.MethodGet, path: "/alerts/rules", query: q}, &body)
		if err != nil {
			return nil, err
		}
		return &Page[AlertRule]{Items: body.Rules, Total: body.Total, NextCursor: cursorOfLink(res.header.Get("Link")), RateLimit: res.rateLimit, RequestID: res.requestID, fetch: fetch}, nil
	}
	return fetch(ctx, p.Cursor)
}

// ListAll yields every rule of every page.
func (s *AlertRulesService) ListAll(ctx context.Context, params *ListAlertRulesParams) iter.Seq2[AlertRule, error] {
	return allItems(ctx, func(ctx context.Context) (*Page[AlertRule], error) { return s.List(ctx, params) })
}

// Update changes the given fields; condition fields merge into the current condition.
func (s *AlertRulesService) Update(ctx context.Context, id string, params UpdateAlertRuleParams) (*AlertRule, error) {
	var rule AlertRule
	if _, err := s.t.do(ctx, request{method: http.MethodPatch, path: "/alerts/rules/" + url.PathEscape(id), body: params}, &rule); err != nil {
		return nil, err
	}
	return &rule, nil
}

// Delete deletes a rule.
func (s *AlertRulesService) Delete(ctx context.Context, id string) error {
	_, err := s.t.do(ctx, request{method: http.MethodDelete, path: "/alerts/rules/" + url.PathEscape(id)}, nil)
	return err
}
