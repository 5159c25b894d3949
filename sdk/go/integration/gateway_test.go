package integration_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	meshtrace "mesh-trace/sdk-go"
)

func TestWalksEveryPageWhileAnotherWriterIngests(t *testing.T) {
	fx := load(t)
	ctx := context.Background()
	first, err := newClient(t).Traces.List(ctx, &meshtrace.ListTracesParams{Service: fx.Walk.Service, Limit: fx.Walk.PageSize})
	if err != nil || len(first.Items) != fx.Walk.PageSize {
		t.Fatalf("first page: %v %v", first, err)
	}
	started := time.Now()
	var seen []string
	for trace, err := range first.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, trace.TraceID)
		time.Sleep(60 * time.Millisecond)
	}
	finished := time.Now()
	report, _ := json.Marshal(map[string]any{"started_ms": started.UnixMilli(), "finished_ms": finished.UnixMilli(), "trace_ids": seen})
	if err := os.WriteFile(filepath.Join(fx.ReportDir, "walk.json"), report, 0o644); err != nil {
		t.Fatal(err)
	}
	unique := map[string]bool{}
	for _, id := range seen {
		if unique[id] {
			t.Fatalf("trace %s came twice", id)
		}
		unique[id] = true
	}
	if len(seen) < len(fx.Walk.TraceIDs) || !slices.Equal(seen[len(seen)-len(fx.Walk.TraceIDs):], fx.Walk.TraceIDs) {
		t.Fatalf("a seeded trace was skipped or misplaced: %v", seen)
	}
}

func TestReadsOnePageAtATimeAndStopsEarly(t *testing.T) {
	fx := load(t)
	ctx := context.Background()
	client := newClient(t)
	first, err := client.Traces.List(ctx, &meshtrace.ListTracesParams{Service: fx.Walk.Service, Limit: fx.Walk.PageSize})
	if err != nil || !first.HasNextPage() || first.Total < len(fx.Walk.TraceIDs) {
		t.Fatalf("first page %+v %v", first, err)
	}
	second, err := first.NextPage(ctx)
	if err != nil || len(second.Items) != fx.Walk.PageSize {
		t.Fatalf("second page %+v %v", second, err)
	}
	resumed, err := client.Traces.List(ctx, &meshtrace.ListTracesParams{Service: fx.Walk.Service, Limit: fx.Walk.PageSize, Cursor: first.NextCursor})
	if err != nil || !reflect.DeepEqual(resumed.Items, second.Items) {
		t.Fatalf("resumed %+v %v", resumed, err)
	}
	taken := 0
	for _, err := range first.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if taken++; taken == 2 {
			break
		}
	}
}

func TestGetsATraceWithEveryAnyValueTypeExact(t *testing.T) {
	fx := load(t)
	trace, err := newClient(t).Traces.Get(context.Background(), fx.AnyValue.TraceID)
	if err != nil {
		t.Fatal(err)
	}
	if trace.TraceID != fx.AnyValue.TraceID || trace.SpanCount != 1 {
		t.Fatalf("trace %+v", trace)
	}
	span := trace.Spans[0]
	if span.SpanID != fx.AnyValue.SpanID || span.ParentSpanID != nil {
		t.Fatalf("span %+v", span)
	}
	if !reflect.DeepEqual(span.Attributes, fx.AnyValue.Attributes) {
		t.Fatalf("attributes\n got %#v\nwant %#v", span.Attributes, fx.AnyValue.Attributes)
	}
	if span.Attributes["int.max_safe"] != int64(9007199254740991) || span.Attributes["double"] != 42.5 {
		t.Fatalf("numbers %#v %#v", span.Attributes["int.max_safe"], span.Attributes["double"])
	}
	if n, err := strconv.ParseInt(span.Attributes["int64.max"].(string), 10, 64); err != nil || n != 9223372036854775807 {
		t.Fatalf("int64.max %v %v", n, err)
	}
	if len(span.Events) != 1 || span.Events[0].Name != fx.AnyValue.Event.Name || !reflect.DeepEqual(span.Events[0].Attributes, fx.AnyValue.Event.Attributes) {
		t.Fatalf("events %+v", span.Events)
	}
}

func TestSearchesAcrossPages(t *testing.T) {
	fx := load(t)
	from, _ := time.Parse(time.RFC3339, fx.Search.StartTime)
	to, _ := time.Parse(time.RFC3339, fx.Search.EndTime)
	var ids []string
	for trace, err := range newClient(t).Traces.SearchAll(context.Background(), meshtrace.SearchTracesParams{Query: fx.Search.Query, StartTime: from, EndTime: to, Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		if trace.Status != "error" {
			t.Fatalf("status %s", trace.Status)
		}
		ids = append(ids, trace.TraceID)
	}
	if !slices.Equal(ids, fx.Search.TraceIDs) {
		t.Fatalf("found %v, want %v", ids, fx.Search.TraceIDs)
	}
}

func TestNodesHeartbeatListAndHealth(t *testing.T) {
	load(t)
	ctx := context.Background()
	client := newClient(t)
	heartbeat := meshtrace.Heartbeat{Cluster: "prod-eu-1", Version: "3.2.1", CPUPercent: 12.4, MemoryMb: 256, UptimeSeconds: 604821, IngestionRateSps: 4782,
		SpansIngestedTotal: 284910, OTLPGrpcActive: true, OTLPHTTPActive: true, SamplingRate: 0.15, BufferUtilizationPct: 8.2}
	for _, id := range []string{"go-node-a", "go-node-b"} {
		ack, err := client.Nodes.Heartbeat(ctx, id, heartbeat)
		if err != nil || ack.NodeID != id || ack.Status != "healthy" {
			t.Fatalf("heartbeat %+v %v", ack, err)
		}
	}
	var ids []string
	for node, err := range client.Nodes.ListAll(ctx, &meshtrace.ListNodesParams{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, node.NodeID)
	}
	if !slices.Equal(ids, []string{"go-node-a", "go-node-b"}) {
		t.Fatalf("nodes %v", ids)
	}
	health, err := client.Nodes.Health(ctx, "go-node-a")
	if err != nil || health.UptimeSeconds != 604821 || health.SamplingRate != 0.15 || !health.OTLPGrpcActive {
		t.Fatalf("health %+v %v", health, err)
	}
	_, err = client.Nodes.Health(ctx, "go-node-missing")
	var apiErr *meshtrace.APIError
	if !errors.Is(err, meshtrace.ErrNotFound) || !errors.As(err, &apiErr) || apiErr.Param != "node_id" {
		t.Fatalf("missing node: %v", err)
	}
}

func TestServicesAndTopology(t *testing.T) {
	fx := load(t)
	ctx := context.Background()
	client := newClient(t)
	services, err := client.Services.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range services.Services {
		names[s.Name] = true
	}
	for _, name := range fx.Services {
		if !names[name] {
			t.Errorf("service %s is missing", name)
		}
	}
	topology, err := client.Topology.Get(ctx, &meshtrace.TopologyParams{TimeWindow: "1h"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(topology.Edges, func(e meshtrace.TopologyEdge) bool {
		return e.Source == fx.Topology.Source && e.Target == fx.Topology.Target && e.RequestCount == 1
	}) {
		t.Fatalf("edge missing: %+v", topology.Edges)
	}
}

func TestAlertRulesCreateGetListUpdateDelete(t *testing.T) {
	fx := load(t)
	ctx := context.Background()
	client := newClient(t)
	var created []string
	for _, name := range []string{"go rule 0", "go rule 1"} {
		rule, err := client.AlertRules.Create(ctx, meshtrace.CreateAlertRuleParams{
			Name:      name,
			Condition: meshtrace.AlertConditionInput{Metric: "error_rate", Service: fx.Walk.Service, Operator: ">", Threshold: 0.05, Window: "5m"},
			Channels:  []string{"slack", "pagerduty"},
			Severity:  "critical",
		})
		if err != nil || rule.Status != "active" {
			t.Fatalf("create %+v %v", rule, err)
		}
		created = append(created, rule.ID)
	}
	var listed []string
	for rule, err := range client.AlertRules.ListAll(ctx, &meshtrace.ListAlertRulesParams{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(created, rule.ID) {
			listed = append(listed, rule.ID)
		}
	}
	if !slices.Equal(listed, created) {
		t.Fatalf("listed %v, created %v", listed, created)
	}
	rule, err := client.AlertRules.Get(ctx, created[0])
	if err != nil || rule.Name != "go rule 0" || rule.Severity != "critical" || rule.Condition.Threshold != 0.05 || rule.Condition.For != nil {
		t.Fatalf("get %+v %v", rule, err)
	}
	updated, err := client.AlertRules.Update(ctx, created[0], meshtrace.UpdateAlertRuleParams{
		Status:    meshtrace.Ptr("paused"),
		Condition: &meshtrace.AlertConditionPatch{Threshold: meshtrace.Ptr(0.1), For: meshtrace.Ptr("2m")},
	})
	if err != nil || updated.Status != "paused" || updated.Condition.Threshold != 0.1 || *updated.Condition.For != "2m" || updated.Condition.Window != "5m" {
		t.Fatalf("update %+v %v", updated, err)
	}
	for _, id := range created {
		if err := client.AlertRules.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	_, err = client.AlertRules.Get(ctx, created[0])
	var apiErr *meshtrace.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "not_found" || apiErr.Param != "id" {
		t.Fatalf("deleted rule: %v", err)
	}
}

func TestTypedErrorsOn400And404And401(t *testing.T) {
	load(t)
	ctx := context.Background()
	client := newClient(t)
	_, err := client.Traces.List(ctx, &meshtrace.ListTracesParams{Limit: 500})
	var apiErr *meshtrace.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, meshtrace.ErrBadRequest) || apiErr.StatusCode != 400 || apiErr.Code != "invalid_parameter" || apiErr.Param != "limit" ||
		apiErr.Message != "Parameter 'limit' must be an integer from 1 to 200" || len(apiErr.RequestID) < 5 || apiErr.RequestID[:4] != "req_" {
		t.Fatalf("400: %#v", err)
	}
	_, err = client.Traces.Get(ctx, "abababababababababababababababab")
	if !errors.As(err, &apiErr) || !errors.Is(err, meshtrace.ErrNotFound) || apiErr.Code != "not_found" || apiErr.Param != "trace_id" {
		t.Fatalf("404: %v", err)
	}
	_, err = newClient(t, meshtrace.WithAPIKey("mtk_live_00000000000000000000000000000000")).Services.List(ctx, nil)
	if !errors.As(err, &apiErr) || !errors.Is(err, meshtrace.ErrUnauthorized) || apiErr.Code != "unauthorized" {
		t.Fatalf("401: %v", err)
	}
}

func TestExposesTheRateLimitHeaders(t *testing.T) {
	load(t)
	client := newClient(t)
	if _, err := client.Services.List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	limit, ok := client.RateLimit()
	if !ok || limit.Limit != 1000 || limit.Remaining < 0 || limit.Remaining >= 1000 || !limit.Reset.After(time.Now()) {
		t.Fatalf("rate limit %+v %v", limit, ok)
	}
}
