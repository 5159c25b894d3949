import type { CommandFailedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Default metrics of prom-client that are gauges despite their `_total` suffix. */
const NON_COUNTER_TOTALS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'] as const;

/** Latency buckets (seconds) for HTTP requests, ingest batches and store commands: 1 ms to 30 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type SpanOutcome = 'accepted' | 'duplicate' | 'rejected' | 'failed';
export type ShedReason = 'inflight_bytes' | 'inflight_batches';
export type WsCloseReason = 'slow_consumer' | 'connection_limit' | 'unauthenticated_limit';

/**
 * The gateway's own telemetry, one Prometheus registry per app instance (so
 * several gateways in one process, as in tests, never share series). Labels
 * are bounded sets only: route templates (never raw paths), status codes,
 * driver command names; no org, key or trace ids. The list with meanings is
 * in docs/operations.md.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'mesh_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status, from request start to the last byte of the response',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly grpcRequestDuration = new Histogram({
    name: 'mesh_grpc_request_duration_seconds',
    help: 'OTLP/gRPC call latency by method and gRPC status code name, from the call reaching the handler to its status',
    labelNames: ['method', 'code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly ingestSpans = new Counter({
    name: 'mesh_ingest_spans_total',
    help: 'Spans received over OTLP by outcome: accepted (stored), duplicate (already stored by an earlier attempt), rejected (refused one by one, reported as partial success), failed (the batch was answered with an error and will be retried)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestBatchDuration = new Histogram({
    name: 'mesh_ingest_batch_duration_seconds',
    help: 'Time to decode and durably store one OTLP export request, by result',
    labelNames: ['result'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly ingestShed = new Counter({
    name: 'mesh_ingest_shed_total',
    help: 'OTLP requests refused with 429 because the in-flight ingest bound was reached, by bound',
    labelNames: ['bound'] as const,
    registers: [this.registry],
  });

  readonly storeCommandDuration = new Histogram({
    name: 'mesh_store_command_duration_seconds',
    help: 'MongoDB command latency as measured by the driver, by command name and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly storeCommandFailures = new Counter({
    name: 'mesh_store_command_failures_total',
    help: 'MongoDB commands that failed (network error, timeout or server error), by command name',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  readonly storeUp = new Gauge({
    name: 'mesh_store_up',
    help: '1 while the driver knows a writable MongoDB server, 0 while store-backed requests are refused with 503',
    registers: [this.registry],
  });

  readonly storeEvicted = new Counter({
    name: 'mesh_store_evicted_total',
    help: 'Embedded store at capacity (MESH_EMBEDDED_MAX_SPANS): spans and traces evicted, oldest traces first, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly storeExpired = new Counter({
    name: 'mesh_store_expired_documents_total',
    help: 'Documents the gateway deleted for a TTL index on a store that does not expire them (the embedded store), by collection',
    labelNames: ['collection'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRejections = new Counter({
    name: 'mesh_rate_limit_rejections_total',
    help: 'Requests refused with 429 by the per-key rate limits, by budget',
    labelNames: ['budget'] as const,
    registers: [this.registry],
  });

  readonly wsClosed = new Counter({
    name: 'mesh_ws_refused_total',
    help: 'WebSocket connections closed or refused by a bound: slow_consumer (send buffer over MESH_WS_MAX_BUFFERED_BYTES), connection_limit (MESH_WS_MAX_CONNECTIONS), unauthenticated_limit (MESH_WS_MAX_UNAUTHENTICATED, _PER_ADDRESS)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    this.storeUp.set(1);
    // process_* (RSS, CPU, fds), nodejs_heap_*, nodejs_eventloop_lag_* (p50/p90/p99 via monitorEventLoopDelay), GC.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    // prom-client's totals of active handles, requests and resources are gauges named `…_total`, which the
    // Prometheus naming rules (promtool check metrics) reserve for counters. Their per-type gauges stay
    // (`nodejs_active_handles{type}` …); a total is `sum(nodejs_active_handles)`.
    for (const name of NON_COUNTER_TOTALS) this.registry.removeSingleMetric(name);
  }

  /** A gauge read at scrape time from live state (open sockets, subscriptions, in-flight ingest). */
  gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /**
   * Times every command the gateway's MongoClient runs (the client must be
   * created with `monitorCommands: true`, as DRIVER_OPTIONS does). Only the
   * command name and duration are read: command documents hold tenant data and
   * never reach a label or a log. Returns the detach function.
   */
  observeStore(client: MongoClient): () => void {
    const succeeded = (event: CommandSucceededEvent) => {
      this.storeCommandDuration.observe({ command: event.commandName, outcome: 'ok' }, event.duration / 1000);
    };
    const failed = (event: CommandFailedEvent) => {
      this.storeCommandDuration.observe({ command: event.commandName, outcome: 'error' }, event.duration / 1000);
      this.storeCommandFailures.inc({ command: event.commandName });
    };
    client.on('commandSucceeded', succeeded);
    client.on('commandFailed', failed);
    return () => {
      client.off('commandSucceeded', succeeded);
      client.off('commandFailed', failed);
    };
  }

  /** The text exposition format, for GET /metrics. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
