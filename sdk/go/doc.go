// Package meshtrace is the client library of the Mesh-Trace REST API v1:
// traces, collector nodes, services, topology and alert rules.
//
//	client, err := meshtrace.NewClient(meshtrace.WithAPIKey("mtk_live_…"))
//	for trace, err := range client.Traces.ListAll(ctx, &meshtrace.ListTracesParams{Service: "api-gateway"}) {
//		if err != nil {
//			return err
//		}
//		fmt.Printf("%s — %dms\n", trace.TraceID, trace.DurationMs)
//	}
//
// The key defaults to MESH_TRACE_API_KEY and the base URL to
// MESH_TRACE_BASE_URL, else http://127.0.0.1:4000/v1. Requests answered 429 or
// 503 are retried after the Retry-After the gateway sent, network failures
// after an exponential backoff with jitter — only requests that change nothing
// when repeated (GET, DELETE, trace search) unless WithRetryNonIdempotent is
// given. Errors of the API are *APIError values carrying the error envelope.
package meshtrace
