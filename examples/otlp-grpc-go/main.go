// Command otlp-grpc-go sends one trace to the Mesh-Trace Gateway over OTLP/gRPC
// with the OpenTelemetry Go SDK's otlptracegrpc exporter, configured only by the
// standard OTEL_EXPORTER_OTLP_* variables (no code knows the gateway). Its spans
// carry an attribute of every OTLP AnyValue type, and it prints their ids as JSON.
//
//	OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317 \
//	OTEL_EXPORTER_OTLP_HEADERS="authorization=Bearer $MESH_API_KEY" \
//	OTEL_EXPORTER_OTLP_COMPRESSION=gzip go run . -service go-grpc-svc
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"
)

// sent is what the program prints: the ids and times of the spans it exported.
type sent struct {
	TraceID      string `json:"traceId"`
	RootSpanID   string `json:"rootSpanId"`
	ChildSpanID  string `json:"childSpanId"`
	RootStartNs  int64  `json:"rootStartUnixNano,string"`
	RootEndNs    int64  `json:"rootEndUnixNano,string"`
	ChildStartNs int64  `json:"childStartUnixNano,string"`
}

func main() {
	service := flag.String("service", "otlp-grpc-go", "service.name of the resource")
	flag.Parse()
	out, err := run(context.Background(), *service)
	if err != nil {
		fmt.Fprintln(os.Stderr, "otlp-grpc-go:", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "otlp-grpc-go:", err)
		os.Exit(1)
	}
}

// everyType is one attribute of each AnyValue kind the Go SDK can express,
// int64 at both ends of its range (beyond what a double holds exactly).
func everyType() []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("string", "héllo"),
		attribute.Bool("bool", true),
		attribute.Int64("int64.max", math.MaxInt64),
		attribute.Int64("int64.min", math.MinInt64),
		attribute.Float64("double", 0.1),
		attribute.ByteSlice("bytes", []byte{0, 1, 2, 255}),
		attribute.StringSlice("strings", []string{"a", "b"}),
		attribute.Int64Slice("ints", []int64{1, -2, math.MaxInt64}),
		attribute.Float64Slice("doubles", []float64{1.5, -0.25}),
		attribute.BoolSlice("bools", []bool{true, false}),
		attribute.Slice("mixed", attribute.IntValue(1), attribute.StringValue("two"), attribute.BoolValue(false)),
		attribute.Map("map",
			attribute.String("name", "x"),
			attribute.Map("nested", attribute.Slice("list", attribute.Int64Value(7), attribute.Float64Value(2.5))),
		),
		{Key: "empty", Value: attribute.Value{}},
	}
}

func run(ctx context.Context, service string) (sent, error) {
	var exportErr error
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) { exportErr = errors.Join(exportErr, err) }))

	// Endpoint, headers, compression and TLS all come from OTEL_EXPORTER_OTLP_* variables.
	exporter, err := otlptracegrpc.New(ctx)
	if err != nil {
		return sent{}, err
	}
	res := resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName(service), semconv.ServiceVersion("1.0.0"))
	provider := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter), sdktrace.WithResource(res))
	tracer := provider.Tracer("otlp-grpc-go", trace.WithInstrumentationVersion("0.1.0"))

	start := time.Now().Add(-time.Second)
	rootCtx, root := tracer.Start(ctx, "GET /inventory", trace.WithSpanKind(trace.SpanKindServer), trace.WithTimestamp(start),
		trace.WithAttributes(everyType()...))
	_, child := tracer.Start(rootCtx, "SELECT stock", trace.WithSpanKind(trace.SpanKindClient), trace.WithTimestamp(start.Add(2*time.Millisecond)),
		trace.WithAttributes(attribute.String("db.system.name", "postgresql")))
	child.AddEvent("query.start", trace.WithTimestamp(start.Add(3*time.Millisecond)), trace.WithAttributes(attribute.Int64("rows.expected", 10)))
	child.SetStatus(codes.Error, "deadlock detected")
	child.End(trace.WithTimestamp(start.Add(10 * time.Millisecond)))
	root.SetStatus(codes.Ok, "")
	root.End(trace.WithTimestamp(start.Add(20 * time.Millisecond)))

	if err := provider.Shutdown(ctx); err != nil {
		return sent{}, err
	}
	if exportErr != nil {
		return sent{}, exportErr
	}
	return sent{
		TraceID:      root.SpanContext().TraceID().String(),
		RootSpanID:   root.SpanContext().SpanID().String(),
		ChildSpanID:  child.SpanContext().SpanID().String(),
		RootStartNs:  start.UnixNano(),
		RootEndNs:    start.Add(20 * time.Millisecond).UnixNano(),
		ChildStartNs: start.Add(2 * time.Millisecond).UnixNano(),
	}, nil
}
