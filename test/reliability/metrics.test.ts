import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../helpers/gateway-process.js';
import { hex, postOtlpJson } from '../helpers/otlp.js';
import { directDb, startGatewayOnStore, type StoreGateway } from '../helpers/store-gateway.js';

/** GET /metrics: the gateway's own telemetry in the Prometheus text format, with bounded labels only. */
let gw: StoreGateway;

beforeAll(async () => {
  gw = await startGatewayOnStore(inject('mongoUri'), { MESH_RATE_LIMIT_PER_MIN: '6' });
});
afterAll(async () => {
  await gw.close();
  await (await directDb(inject('mongoUri'), gw.dbName)).close();
});

async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample, e.g. `mesh_ingest_spans_total{outcome="accepted"}`; NaN when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? NaN : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts ingest, requests by route template, store commands, rate-limit rejections and runtime health', async () => {
    const traceId = hex(16);
    const spanId = hex(8);
    const now = Date.now();
    expect(
      (
        await postOtlpJson(gw.baseUrl, gw.apiKey, [
          { traceId, spanId, startMs: now, durationMs: 5 },
          { traceId, startMs: now, durationMs: 3 },
        ])
      ).status,
    ).toBe(200);
    // The same span again: stored once, counted as a duplicate.
    expect((await postOtlpJson(gw.baseUrl, gw.apiKey, [{ traceId, spanId, startMs: now, durationMs: 5 }])).status).toBe(200);
    expect((await fetch(`${gw.baseUrl}/v1/traces/${traceId}`, { headers: { authorization: `Bearer ${gw.apiKey}` } })).status).toBe(200);
    // The key's budget is 6 requests a minute: the rest are refused.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(`${gw.baseUrl}/v1/traces/${traceId}`, { headers: { authorization: `Bearer ${gw.apiKey}` } })).status);
    expect(statuses).toContain(429);

    const text = await scrape(`${gw.baseUrl}/metrics`);
    expect(sample(text, 'mesh_ingest_spans_total{outcome="accepted"}')).toBe(2);
    expect(sample(text, 'mesh_ingest_spans_total{outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'mesh_ingest_batch_duration_seconds_count{result="ok"}')).toBe(2);
    expect(sample(text, 'mesh_http_request_duration_seconds_count{method="POST",route="/v1/traces",status="200"}')).toBe(2);
    // Route templates, never raw paths (trace ids would make the series unbounded).
    expect(
      sample(text, 'mesh_http_request_duration_seconds_count{method="GET",route="/v1/traces/{trace_id}",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'mesh_http_request_duration_seconds_count{method="GET",route="/v1/traces/{trace_id}",status="429"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(traceId);
    expect(sample(text, 'mesh_rate_limit_rejections_total{budget="requests"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'mesh_store_command_duration_seconds_count{command="insert",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'mesh_store_up')).toBe(1);
    expect(sample(text, 'mesh_ws_connections')).toBe(0);
    expect(sample(text, 'mesh_subscriptions_open')).toBe(0);
    expect(sample(text, 'mesh_ingest_inflight_batches')).toBe(0);
    for (const runtime of ['nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'process_resident_memory_bytes']) {
      expect(sample(text, runtime), runtime).toBeGreaterThan(0);
    }
    // Nothing that identifies a tenant or a key.
    expect(text).not.toContain(gw.apiKey);
    expect(text).not.toMatch(/org="|key="/);
  });

  it('moves to its own listener with MESH_METRICS_PORT, and the API port no longer serves it', async () => {
    const metricsPort = await freePort();
    const other = await startGatewayOnStore(inject('mongoUri'), { MESH_METRICS_PORT: String(metricsPort) });
    try {
      expect(await scrape(`http://127.0.0.1:${metricsPort}/metrics`)).toMatch(/^# HELP mesh_/m);
      expect((await fetch(`${other.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await other.close();
      await (await directDb(inject('mongoUri'), other.dbName)).close();
    }
  });
});
