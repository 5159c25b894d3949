// Command mackerel-go lists traces and reads one trace from the Mesh-Trace
// Gateway with Mackerel's official Go client, mackerel-client-go: the gateway
// serves Mackerel's trace API, so the client only needs the gateway's base URL
// and a gateway API key.
//
//	MACKEREL_APIBASE=http://127.0.0.1:4000 MACKEREL_APIKEY=mtk_live_... go run . -service api-gateway
//	MACKEREL_APIBASE=http://127.0.0.1:4000 MACKEREL_APIKEY=mtk_live_... go run . -trace 4bf92f3577b34da6a3ce929d0e0e4736
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	mackerel "github.com/mackerelio/mackerel-client-go"
)

func main() {
	service := flag.String("service", "", "list the traces of this service")
	from := flag.Int64("from", 0, "window start, epoch seconds (default: one hour ago)")
	to := flag.Int64("to", 0, "window end, epoch seconds (default: now)")
	perPage := flag.Int("per-page", 20, "traces per request (1-100); the client walks every page")
	traceID := flag.String("trace", "", "print this trace's spans as JSON")
	flag.Parse()

	client, err := mackerel.NewClientWithOptions(os.Getenv("MACKEREL_APIKEY"), os.Getenv("MACKEREL_APIBASE"), false)
	if err != nil {
		fail(err)
	}
	switch {
	case *traceID != "":
		err = printTrace(client, *traceID)
	case *service != "":
		err = listTraces(client, *service, *from, *to, *perPage)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fail(err)
	}
}

// listTraces prints one line per trace, newest first, over every page.
func listTraces(client *mackerel.Client, service string, from, to int64, perPage int) error {
	now := time.Now().Unix()
	if to == 0 {
		to = now
	}
	if from == 0 {
		from = to - 3600
	}
	params := &mackerel.ListTracesParam{ServiceName: service, From: from, To: to, PerPage: &perPage}
	retries := 0
	for trace, err := range client.ListTracesSeq(context.Background(), params) {
		if err != nil {
			// The list admits 1 request per second per key: wait and let the iterator repeat the request.
			var apiErr *mackerel.APIError
			if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests && retries < 10 {
				retries++
				time.Sleep(time.Second)
				continue
			}
			return err
		}
		retries = 0
		fmt.Printf("%s\t%s\t%s\ttrace %d ms\t%s %d ms\n",
			trace.TraceID, time.Unix(trace.TraceStartAt, 0).UTC().Format(time.RFC3339), trace.Title,
			trace.TraceLatencyMillis, trace.ServiceName, trace.ServiceLatencyMillis)
	}
	return nil
}

// printTrace prints the trace as the client decoded it (int64 attribute values stay exact).
func printTrace(client *mackerel.Client, traceID string) error {
	trace, err := client.GetTrace(traceID)
	if err != nil {
		return err
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	return out.Encode(trace)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
