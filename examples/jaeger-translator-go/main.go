// Command jaeger-translator-go reads a trace from the Mesh-Trace Gateway's
// Tempo route in OTLP protobuf, decodes it with the OpenTelemetry Collector's
// own pdata decoder, translates it with the Collector's Jaeger translator
// (opentelemetry-collector-contrib pkg/translator/jaeger), and prints the
// spans Jaeger would store, as JSON. The gateway's tests compare this with
// its own Jaeger route, /api/traces/{traceID}: the two must agree span for
// span, tag for tag.
//
//	GATEWAY_URL=http://127.0.0.1:4000 GATEWAY_KEY=mtk_live_... go run . 5b8efff798038103d269b633813fc60c
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	model "github.com/jaegertracing/jaeger-idl/model/v1"
	jaegertranslator "github.com/open-telemetry/opentelemetry-collector-contrib/pkg/translator/jaeger"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

type keyValue struct {
	Key   string `json:"key"`
	Type  string `json:"type"`
	Value any    `json:"value"`
}

type reference struct {
	RefType string `json:"refType"`
	TraceID string `json:"traceID"`
	SpanID  string `json:"spanID"`
}

type logRecord struct {
	Timestamp int64      `json:"timestamp"`
	Fields    []keyValue `json:"fields"`
}

type process struct {
	ServiceName string     `json:"serviceName"`
	Tags        []keyValue `json:"tags"`
}

type span struct {
	TraceID       string      `json:"traceID"`
	SpanID        string      `json:"spanID"`
	Flags         uint32      `json:"flags,omitempty"`
	OperationName string      `json:"operationName"`
	References    []reference `json:"references"`
	StartTime     int64       `json:"startTime"`
	Duration      int64       `json:"duration"`
	Tags          []keyValue  `json:"tags"`
	Logs          []logRecord `json:"logs"`
	Process       process     `json:"process"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: jaeger-translator-go <traceID>")
		os.Exit(2)
	}
	body, err := fetchProtobuf(os.Getenv("GATEWAY_URL"), os.Getenv("GATEWAY_KEY"), os.Args[1])
	if err != nil {
		fail(err)
	}
	var unmarshaler ptrace.ProtoUnmarshaler
	traces, err := unmarshaler.UnmarshalTraces(body)
	if err != nil {
		fail(fmt.Errorf("the collector's OTLP decoder refused the gateway's protobuf: %w", err))
	}
	spans := []span{}
	for _, batch := range jaegertranslator.ProtoFromTraces(traces) {
		for _, s := range batch.Spans {
			spans = append(spans, convert(s, batch.Process))
		}
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	if err := out.Encode(map[string]any{"spans": spans}); err != nil {
		fail(err)
	}
}

// fetchProtobuf reads /tempo/api/traces/{traceID} with Accept: application/protobuf.
func fetchProtobuf(base, key, traceID string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, strings.TrimRight(base, "/")+"/tempo/api/traces/"+traceID, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/protobuf")
	req.Header.Set("Authorization", "Bearer "+key)
	client := &http.Client{Timeout: 30 * time.Second}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("gateway answered %d: %s", res.StatusCode, strings.TrimSpace(string(body)))
	}
	return body, nil
}

func convert(s *model.Span, p *model.Process) span {
	refs := []reference{}
	for _, r := range s.References {
		refs = append(refs, reference{RefType: r.RefType.String(), TraceID: r.TraceID.String(), SpanID: r.SpanID.String()})
	}
	logs := []logRecord{}
	for _, l := range s.Logs {
		logs = append(logs, logRecord{Timestamp: l.Timestamp.UnixNano() / 1000, Fields: keyValues(l.Fields)})
	}
	return span{
		TraceID:       s.TraceID.String(),
		SpanID:        s.SpanID.String(),
		Flags:         uint32(s.Flags),
		OperationName: s.OperationName,
		References:    refs,
		StartTime:     s.StartTime.UnixNano() / 1000,
		Duration:      int64(s.Duration / time.Microsecond),
		Tags:          keyValues(s.Tags),
		Logs:          logs,
		Process:       process{ServiceName: p.ServiceName, Tags: keyValues(p.Tags)},
	}
}

// keyValues writes int64 values as their exact decimal digits, so that no JSON reader rounds them.
func keyValues(kvs []model.KeyValue) []keyValue {
	out := []keyValue{}
	for _, kv := range kvs {
		var value any
		switch kv.VType {
		case model.ValueType_STRING:
			value = kv.VStr
		case model.ValueType_BOOL:
			value = kv.VBool
		case model.ValueType_INT64:
			value = strconv.FormatInt(kv.VInt64, 10)
		case model.ValueType_FLOAT64:
			value = kv.VFloat64
		case model.ValueType_BINARY:
			value = base64.StdEncoding.EncodeToString(kv.VBinary)
		}
		out = append(out, keyValue{Key: kv.Key, Type: strings.ToLower(kv.VType.String()), Value: value})
	}
	return out
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
