// Package integration_test runs against a gateway seeded by the repository's
// test/helpers/sdk-scenario.ts: MESH_TRACE_BASE_URL and MESH_TRACE_API_KEY
// point the client at it, MESH_TRACE_IT_FIXTURE names the file describing the
// seeded data. Without it the tests are skipped. test/sdk-go.test.ts copies
// these files into a fresh module that requires mesh-trace/sdk-go through a
// replace directive, as the README shows.
package integration_test

import (
	"encoding/json"
	"os"
	"testing"

	meshtrace "mesh-trace/sdk-go"
)

type fixture struct {
	Walk struct {
		Service  string   `json:"service"`
		PageSize int      `json:"page_size"`
		TraceIDs []string `json:"trace_ids"`
	} `json:"walk"`
	AnyValue struct {
		TraceID    string               `json:"trace_id"`
		SpanID     string               `json:"span_id"`
		Attributes meshtrace.Attributes `json:"attributes"`
		Event      struct {
			Name       string               `json:"name"`
			Attributes meshtrace.Attributes `json:"attributes"`
		} `json:"event"`
	} `json:"any_value"`
	Search struct {
		Query     string   `json:"query"`
		StartTime string   `json:"start_time"`
		EndTime   string   `json:"end_time"`
		TraceIDs  []string `json:"trace_ids"`
	} `json:"search"`
	Topology struct {
		Source string `json:"source"`
		Target string `json:"target"`
	} `json:"topology"`
	Services       []string `json:"services"`
	RateLimitedKey string   `json:"rate_limited_key"`
	ReportDir      string   `json:"report_dir"`
}

func load(t *testing.T) fixture {
	t.Helper()
	path := os.Getenv("MESH_TRACE_IT_FIXTURE")
	if path == "" {
		t.Skip("MESH_TRACE_IT_FIXTURE is not set: no gateway to test against")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fx fixture
	if err := json.Unmarshal(raw, &fx); err != nil {
		t.Fatal(err)
	}
	return fx
}

func newClient(t *testing.T, options ...meshtrace.Option) *meshtrace.Client {
	t.Helper()
	client, err := meshtrace.NewClient(options...)
	if err != nil {
		t.Fatal(err)
	}
	return client
}
