package meshtrace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// answer is what the scripted server replies to one request; drop closes the connection unanswered.
type answer struct {
	status  int
	body    string
	headers map[string]string
	drop    bool
}

type seen struct {
	method, path string
	query        map[string]string
	header       http.Header
	body         map[string]any
}

// scripted is a loopback HTTP server answering from a queue and recording the requests.
type scripted struct {
	*httptest.Server
	mu       sync.Mutex
	answers  []answer
	requests []seen
}

func newScripted(t *testing.T, answers ...answer) *scripted {
	s := &scripted{answers: answers}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var body map[string]any
		if len(raw) > 0 {
			_ = json.Unmarshal(raw, &body)
		}
		query := map[string]string{}
		for k, v := range r.URL.Query() {
			query[k] = v[0]
		}
		s.mu.Lock()
		s.requests = append(s.requests, seen{r.Method, r.URL.EscapedPath(), query, r.Header.Clone(), body})
		next := answer{status: 500, body: `{"error":{"code":"unscripted","message":"no answer queued","param":null,"request_id":"req_0"}}`}
		if len(s.answers) > 0 {
			next, s.answers = s.answers[0], s.answers[1:]
		}
		s.mu.Unlock()
		if next.drop {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		for k, v := range next.headers {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		status := next.status
		if status == 0 {
			status = 200
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, next.body)
	}))
	t.Cleanup(s.Close)
	return s
}

// seen returns the requests so far (under the lock: the handler runs on its own goroutine).
func (s *scripted) seen() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.requests...)
}

func (s *scripted) client(t *testing.T, options ...Option) *Client {
	c, err := NewClient(append([]Option{WithAPIKey("mtk_live_unit_test_key_000000"), WithBaseURL(s.URL + "/v1")}, options...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func errorBody(code, message, param, requestID string) string {
	p := "null"
	if param != "" {
		p = fmt.Sprintf("%q", param)
	}
	return fmt.Sprintf(`{"error":{"code":%q,"message":%q,"param":%s,"request_id":%q}}`, code, message, p, requestID)
}

func summaryJSON(id string) string {
	return fmt.Sprintf(`{"trace_id":%q,"root_service":"api-gateway","root_operation":"POST /api/orders","duration_ms":142,"span_count":23,"status":"ok","started_at":"2026-03-15T08:22:41.003Z","services":["api-gateway","order-svc"]}`, id)
}

func pagesOf(ids []string, size int) []answer {
	var out []answer
	for start, n := 0, 0; start < len(ids); start, n = start+size, n+1 {
		end := min(start+size, len(ids))
		items := make([]string, 0, size)
		for _, id := range ids[start:end] {
			items = append(items, summaryJSON(id))
		}
		next := "null"
		if end < len(ids) {
			next = fmt.Sprintf(`"c%d"`, n+1)
		}
		out = append(out, answer{body: fmt.Sprintf(`{"traces":[%s],"next_cursor":%s,"total_matched":%d}`, strings.Join(items, ","), next, len(ids))})
	}
	return out
}

var ids = []string{"00000000000000000000000000000000", "00000000000000000000000000000001", "00000000000000000000000000000002", "00000000000000000000000000000003", "00000000000000000000000000000004", "00000000000000000000000000000005", "00000000000000000000000000000006"}

const empty = `{"traces":[],"next_cursor":null,"total_matched":0}`

func TestConfigurationFromTheEnvironment(t *testing.T) {
	t.Setenv("MESH_TRACE_API_KEY", "mtk_live_from_env_0000000000")
	t.Setenv("MESH_TRACE_BASE_URL", "https://gateway.example/v1/")
	c, err := NewClient()
	if err != nil || c.BaseURL() != "https://gateway.example/v1" || c.transport.apiKey != "mtk_live_from_env_0000000000" {
		t.Fatalf("env: %v %v", c, err)
	}
	c, _ = NewClient(WithBaseURL("http://arg.example/v1"), WithAPIKey("arg"))
	if c.BaseURL() != "http://arg.example/v1" || c.transport.apiKey != "arg" {
		t.Fatal("arguments must win over the environment")
	}
	t.Setenv("MESH_TRACE_BASE_URL", "")
	c, _ = NewClient()
	if c.BaseURL() != DefaultBaseURL || DefaultBaseURL != "http://127.0.0.1:4000/v1" {
		t.Fatalf("default base URL: %s", c.BaseURL())
	}
	t.Setenv("MESH_TRACE_API_KEY", "")
	if _, err := NewClient(); err == nil || !strings.Contains(err.Error(), "MESH_TRACE_API_KEY") {
		t.Fatalf("a missing key must fail: %v", err)
	}
}

func TestSendsTheKeyAndParameters(t *testing.T) {
	s := newScripted(t, answer{body: fmt.Sprintf(`{"traces":[%s],"next_cursor":null,"total_matched":1}`, summaryJSON(ids[0]))})
	start := time.Date(2026, 3, 15, 9, 30, 0, 123_456_000, time.FixedZone("CET", 3600))
	page, err := s.client(t).Traces.List(context.Background(), &ListTracesParams{Service: "api-gateway", StartTime: start, MinDurationMs: 100, Status: "error", Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	r := s.seen()[0]
	if r.method != "GET" || r.path != "/v1/traces" || r.header.Get("Authorization") != "Bearer mtk_live_unit_test_key_000000" || !strings.HasPrefix(r.header.Get("User-Agent"), "mesh-trace-go/") {
		t.Fatalf("request: %+v", r)
	}
	want := map[string]string{"service": "api-gateway", "start_time": "2026-03-15T08:30:00.123Z", "min_duration_ms": "100", "status": "error", "limit": "20"}
	if !reflect.DeepEqual(r.query, want) {
		t.Fatalf("query %v, want %v", r.query, want)
	}
	got := page.Items[0]
	if got.TraceID != ids[0] || *got.RootService != "api-gateway" || got.DurationMs != 142 || !got.StartedAt.Equal(time.Date(2026, 3, 15, 8, 22, 41, 3_000_000, time.UTC)) {
		t.Fatalf("decoded %+v", got)
	}
	if page.Total != 1 || page.HasNextPage() {
		t.Fatalf("page %+v", page)
	}
}

func TestWalksEveryPageSendingTheCursor(t *testing.T) {
	s := newScripted(t, pagesOf(ids, 3)...)
	var walked []string
	for trace, err := range s.client(t).Traces.ListAll(context.Background(), &ListTracesParams{Service: "s", Limit: 3}) {
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, trace.TraceID)
	}
	if !reflect.DeepEqual(walked, ids) {
		t.Fatalf("walked %v", walked)
	}
	for n, want := range []string{"", "c1", "c2"} {
		if s.seen()[n].query["cursor"] != want || s.seen()[n].query["service"] != "s" || s.seen()[n].query["limit"] != "3" {
			t.Fatalf("request %d: %v", n, s.seen()[n].query)
		}
	}
}

func TestStopsFetchingWhenTheLoopBreaks(t *testing.T) {
	s := newScripted(t, pagesOf(ids, 3)...)
	seq := s.client(t).Traces.ListAll(context.Background(), &ListTracesParams{Limit: 3})
	if len(s.seen()) != 0 {
		t.Fatal("nothing may be fetched before the loop starts")
	}
	taken := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if taken++; taken == 4 {
			break
		}
	}
	if len(s.seen()) != 2 {
		t.Fatalf("%d requests for 4 items of pages of 3", len(s.seen()))
	}
}

func TestOnePageAtATime(t *testing.T) {
	s := newScripted(t, pagesOf(ids, 3)...)
	ctx := context.Background()
	page, err := s.client(t).Traces.List(ctx, &ListTracesParams{Limit: 3})
	if err != nil || len(page.Items) != 3 || page.NextCursor != "c1" || page.Total != 7 {
		t.Fatalf("first page %+v %v", page, err)
	}
	second, err := page.NextPage(ctx)
	if err != nil || second.Items[0].TraceID != ids[3] {
		t.Fatalf("second page %+v %v", second, err)
	}
	var sizes []int
	for p, err := range second.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(p.Items))
	}
	if !reflect.DeepEqual(sizes, []int{3, 1}) {
		t.Fatalf("sizes %v", sizes)
	}
}

func TestSearchPagesWithTheCursorInTheBody(t *testing.T) {
	s := newScripted(t, pagesOf(ids, 4)...)
	from, to := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, err := range s.client(t).Traces.SearchAll(context.Background(), SearchTracesParams{Query: `service.name = "s"`, StartTime: from, EndTime: to, Limit: 4}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	want := map[string]any{"query": `service.name = "s"`, "start_time": "2026-03-15T00:00:00.000Z", "end_time": "2026-03-16T00:00:00.000Z", "limit": 4.0}
	if n != 7 || !reflect.DeepEqual(s.seen()[0].body, want) {
		t.Fatalf("%d items, first body %v", n, s.seen()[0].body)
	}
	want["cursor"] = "c1"
	if !reflect.DeepEqual(s.seen()[1].body, want) {
		t.Fatalf("second body %v", s.seen()[1].body)
	}
}

func TestNodeListsFollowTheLinkCursor(t *testing.T) {
	node := `{"node_id":%q,"cluster":"c","version":"1","status":"healthy","spans_ingested_1h":1,"cpu_percent":1.5,"memory_mb":2,"last_heartbeat":"2026-03-15T09:41:58.000Z"}`
	s := newScripted(t,
		answer{body: `{"nodes":[` + fmt.Sprintf(node, "a") + `],"total":2}`, headers: map[string]string{"Link": `</v1/nodes?limit=1&cursor=abc%3D>; rel="next"`}},
		answer{body: `{"nodes":[` + fmt.Sprintf(node, "b") + `],"total":2}`},
	)
	var got []string
	for n, err := range s.client(t).Nodes.ListAll(context.Background(), &ListNodesParams{Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, n.NodeID)
	}
	if !reflect.DeepEqual(got, []string{"a", "b"}) || !reflect.DeepEqual(s.seen()[1].query, map[string]string{"limit": "1", "cursor": "abc="}) {
		t.Fatalf("got %v, second query %v", got, s.seen()[1].query)
	}
}

func TestWaitsRetryAfterOfA429ThenSucceeds(t *testing.T) {
	s := newScripted(t, answer{status: 429, body: errorBody("rate_limited", "slow down", "", "req_1"), headers: map[string]string{"Retry-After": "1"}}, answer{body: empty})
	started := time.Now()
	if _, err := s.client(t).Traces.List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(started); waited < time.Second || len(s.seen()) != 2 {
		t.Fatalf("waited %v, %d requests", waited, len(s.seen()))
	}
}

func TestGivesUpAfterMaxRetriesWithTheLastError(t *testing.T) {
	s := newScripted(t,
		answer{status: 503, body: errorBody("unavailable", "down", "", "req_0"), headers: map[string]string{"Retry-After": "0"}},
		answer{status: 503, body: errorBody("unavailable", "down", "", "req_1"), headers: map[string]string{"Retry-After": "0"}},
	)
	_, err := s.client(t, WithMaxRetries(1)).Traces.List(context.Background(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.RequestID != "req_1" || !errors.Is(err, ErrUnavailable) || !errors.Is(err, ErrServer) || len(s.seen()) != 2 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
}

func TestRetriesACreateOnlyWhenAsked(t *testing.T) {
	limited := answer{status: 429, body: errorBody("rate_limited", "x", "", "r"), headers: map[string]string{"Retry-After": "0"}}
	rule := CreateAlertRuleParams{Name: "r", Condition: AlertConditionInput{Metric: "error_rate", Service: "s", Operator: ">", Threshold: 0.05, Window: "5m"}, Channels: []string{"slack"}}
	s := newScripted(t, limited)
	if _, err := s.client(t).AlertRules.Create(context.Background(), rule); !errors.Is(err, ErrRateLimited) || len(s.seen()) != 1 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
	s = newScripted(t, limited, answer{status: 201, body: `{"id":"alert_rule_7f3a8b2e","name":"r","status":"active","created_at":"2026-03-15T09:45:00.000Z"}`})
	created, err := s.client(t, WithRetryNonIdempotent()).AlertRules.Create(context.Background(), rule)
	if err != nil || created.ID != "alert_rule_7f3a8b2e" {
		t.Fatalf("%+v %v", created, err)
	}
}

func TestRetriesASearchThoughItIsAPost(t *testing.T) {
	s := newScripted(t, answer{status: 503, body: errorBody("unavailable", "x", "", "r"), headers: map[string]string{"Retry-After": "0"}}, answer{body: empty})
	if _, err := s.client(t).Traces.Search(context.Background(), SearchTracesParams{Query: "status = error", StartTime: time.Now().Add(-time.Hour), EndTime: time.Now()}); err != nil || len(s.seen()) != 2 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
}

func TestDoesNotWaitARetryAfterBeyondMaxRetryWait(t *testing.T) {
	s := newScripted(t, answer{status: 429, body: errorBody("rate_limited", "x", "", "r"), headers: map[string]string{"Retry-After": "61"}})
	_, err := s.client(t, WithMaxRetryWait(30*time.Second)).Traces.List(context.Background(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != 61*time.Second || len(s.seen()) != 1 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
}

func TestDoesNotRetryOtherErrors(t *testing.T) {
	s := newScripted(t, answer{status: 500, body: errorBody("internal_error", "boom", "", "r")})
	if _, err := s.client(t).Traces.List(context.Background(), nil); !errors.Is(err, ErrServer) || len(s.seen()) != 1 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
}

func TestRetriesNetworkFailuresOfIdempotentRequestsOnly(t *testing.T) {
	s := newScripted(t, answer{drop: true}, answer{body: empty})
	c := s.client(t)
	if _, err := c.Traces.List(context.Background(), nil); err != nil || len(s.seen()) != 2 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
	s.mu.Lock()
	s.answers = []answer{{drop: true}}
	s.mu.Unlock()
	_, err := c.Nodes.Heartbeat(context.Background(), "n", Heartbeat{Cluster: "c", Version: "1"})
	var connErr *ConnectionError
	if !errors.As(err, &connErr) || len(s.seen()) != 3 {
		t.Fatalf("err %v after %d requests", err, len(s.seen()))
	}
}

func TestAContextEndsTheRetries(t *testing.T) {
	s := newScripted(t, answer{status: 503, body: errorBody("unavailable", "x", "", "r"), headers: map[string]string{"Retry-After": "30"}})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	started := time.Now()
	if _, err := s.client(t).Traces.List(ctx, nil); !errors.Is(err, ErrUnavailable) || time.Since(started) > 5*time.Second {
		t.Fatalf("err %v after %v", err, time.Since(started))
	}
}

func TestBackoffDoublesUpToTheCapWithJitterInTheUpperHalf(t *testing.T) {
	for _, c := range []struct {
		attempt int
		random  float64
		want    time.Duration
	}{{0, 0, 250 * time.Millisecond}, {0, 1, 500 * time.Millisecond}, {3, 1, 4 * time.Second}, {20, 1, 8 * time.Second}, {100, 0, 4 * time.Second}} {
		if got := backoffDelay(c.attempt, func() float64 { return c.random }); got != c.want {
			t.Errorf("backoffDelay(%d, %v) = %v, want %v", c.attempt, c.random, got, c.want)
		}
	}
}

func TestParsesRetryAfterSecondsAndDates(t *testing.T) {
	now := time.Date(2026, 3, 15, 8, 0, 0, 0, time.UTC)
	for value, want := range map[string]time.Duration{"61": 61 * time.Second, "Sun, 15 Mar 2026 08:00:30 GMT": 30 * time.Second, "Sun, 15 Mar 2026 07:00:00 GMT": 0} {
		if got, ok := parseRetryAfter(value, now); !ok || got != want {
			t.Errorf("parseRetryAfter(%q) = %v %v", value, got, ok)
		}
	}
	if _, ok := parseRetryAfter("soon", now); ok {
		t.Error("soon is no Retry-After")
	}
}

func TestTypedErrorsCarryTheEnvelope(t *testing.T) {
	headers := map[string]string{"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "997", "X-RateLimit-Reset": "1710504000"}
	s := newScripted(t, answer{status: 400, body: errorBody("invalid_parameter", "Parameter 'limit' must be an integer from 1 to 200", "limit", "req_7f3a8b2e4d"), headers: headers})
	_, err := s.client(t).Traces.List(context.Background(), &ListTracesParams{Limit: 500})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, ErrBadRequest) || errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v", err)
	}
	if apiErr.StatusCode != 400 || apiErr.Code != "invalid_parameter" || apiErr.Param != "limit" || apiErr.RequestID != "req_7f3a8b2e4d" || apiErr.Message != "Parameter 'limit' must be an integer from 1 to 200" {
		t.Fatalf("fields %+v", apiErr)
	}
	if *apiErr.RateLimit != (RateLimit{Limit: 1000, Remaining: 997, Reset: time.Unix(1710504000, 0).UTC()}) {
		t.Fatalf("rate limit %+v", apiErr.RateLimit)
	}
	for status, sentinel := range map[int]error{401: ErrUnauthorized, 403: ErrForbidden, 404: ErrNotFound, 409: ErrConflict} {
		s := newScripted(t, answer{status: status, body: errorBody("x", "y", "", "r")})
		if _, err := s.client(t).Services.List(context.Background(), nil); !errors.Is(err, sentinel) {
			t.Errorf("%d: %v", status, err)
		}
	}
	s = newScripted(t, answer{status: 502, body: "<html>bad gateway</html>", headers: map[string]string{"X-Request-Id": "req_proxy"}})
	_, err = s.client(t).Services.List(context.Background(), nil)
	if !errors.As(err, &apiErr) || apiErr.Code != "http_502" || apiErr.RequestID != "req_proxy" {
		t.Fatalf("non-envelope error %v", err)
	}
}

func TestExposesTheLatestRateLimit(t *testing.T) {
	s := newScripted(t, answer{body: `{"services":[],"total":0}`, headers: map[string]string{"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "997", "X-RateLimit-Reset": "1710504000"}})
	c := s.client(t)
	if _, ok := c.RateLimit(); ok {
		t.Fatal("no rate limit before the first response")
	}
	if _, err := c.Services.List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if limit, ok := c.RateLimit(); !ok || limit.Limit != 1000 || limit.Remaining != 997 || limit.Reset.Unix() != 1710504000 {
		t.Fatalf("%+v %v", limit, ok)
	}
}

func TestKeepsIntegersExact(t *testing.T) {
	span := `{"span_id":"00f067aa0ba902b7","parent_span_id":null,"operation_name":"op","service_name":"svc","duration_ms":1,"status_code":"OK","started_at":"2026-03-15T08:22:41.003Z","events":[],` +
		`"attributes":{"beyond":"9007199254740993","raw":9223372036854775807,"small":201,"double":1.5,"list":[1,2.5,"x"],"map":{"n":-9223372036854775808}}}`
	s := newScripted(t, answer{body: `{"trace_id":"t","duration_ms":1,"span_count":1,"spans":[` + span + `]}`})
	trace, err := s.client(t).Traces.Get(context.Background(), "t")
	if err != nil {
		t.Fatal(err)
	}
	want := Attributes{"beyond": "9007199254740993", "raw": int64(9223372036854775807), "small": int64(201), "double": 1.5, "list": []any{int64(1), 2.5, "x"}, "map": map[string]any{"n": int64(-9223372036854775808)}}
	if got := trace.Spans[0].Attributes; !reflect.DeepEqual(got, want) {
		t.Fatalf("attributes %#v", got)
	}
}

func TestPatchSendsOnlyTheGivenFieldsAndForNull(t *testing.T) {
	for _, c := range []struct {
		patch AlertConditionPatch
		want  string
	}{
		{AlertConditionPatch{Threshold: Ptr(0.1)}, `{"threshold":0.1}`},
		{AlertConditionPatch{Threshold: Ptr(0.1), For: Ptr("2m")}, `{"threshold":0.1,"for":"2m"}`},
		{AlertConditionPatch{RemoveFor: true}, `{"for":null}`},
		{AlertConditionPatch{}, `{}`},
	} {
		got, err := json.Marshal(c.patch)
		if err != nil || string(got) != c.want {
			t.Errorf("%+v → %s (%v), want %s", c.patch, got, err, c.want)
		}
	}
}

func TestEscapesPathParameters(t *testing.T) {
	s := newScripted(t, answer{status: 404, body: errorBody("not_found", "x", "node_id", "r")})
	if _, err := s.client(t).Nodes.Health(context.Background(), "a/b c"); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if s.seen()[0].path != "/v1/nodes/a%2Fb%20c/health" {
		t.Fatalf("path %q", s.seen()[0].path)
	}
}
