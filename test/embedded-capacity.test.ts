import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { randomApiKey } from './helpers/gateway.js';
import type { GatewayProcess } from './helpers/gateway-process.js';
import { embeddedDataDir, embeddedStore, spawnEmbeddedGateway, stopGateway } from './helpers/embedded-gateway.js';
import { hex, otlpJson, type SimpleSpan } from './helpers/otlp.js';
import { exportWithRetry } from './helpers/otlp-retry.js';

/**
 * MESH_EMBEDDED_MAX_SPANS on a gateway process with its own embedded store: five times the capacity is
 * ingested, oldest traces first, and the store ends up holding the newest traces whole.
 */
const MAX_SPANS = 10_000;
const SPANS_PER_TRACE = 10;
const TRACES = (5 * MAX_SPANS) / SPANS_PER_TRACE;
const TRACES_PER_REQUEST = 50;

let gateway: GatewayProcess | undefined;
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  gateway?.child.kill('SIGKILL');
  for (const step of cleanup) await step();
});

/** Trace i starts i ms after the first, so "oldest" is the order of sending. */
function trace(traceId: string, startMs: number): SimpleSpan[] {
  const rootId = hex(8);
  return Array.from({ length: SPANS_PER_TRACE }, (_, j) => ({
    traceId,
    spanId: j === 0 ? rootId : hex(8),
    ...(j === 0 ? {} : { parentSpanId: rootId }),
    service: `svc-${j % 3}`,
    name: j === 0 ? 'GET /orders' : 'SELECT orders',
    kind: j === 0 ? 2 : 3,
    startMs: startMs + j,
    durationMs: 5,
  }));
}

describe('MESH_EMBEDDED_MAX_SPANS', () => {
  it('evicts the oldest whole traces: after 5× the capacity the newest traces remain, complete, and totals agree', async () => {
    const { dir, remove } = await embeddedDataDir();
    cleanup.push(remove);
    const apiKey = randomApiKey();
    gateway = await spawnEmbeddedGateway(dir, {
      MESH_BOOTSTRAP_API_KEY: apiKey,
      MESH_EMBEDDED_MAX_SPANS: String(MAX_SPANS),
      MESH_EMBEDDED_SNAPSHOT_S: '0',
      MESH_RATE_LIMIT_PER_MIN: '10000',
    });

    const traceIds = Array.from({ length: TRACES }, () => hex(16));
    const firstMs = Date.now() - 30 * 60_000;
    const deadline = Date.now() + 540_000;
    for (let i = 0; i < TRACES; i += TRACES_PER_REQUEST) {
      const spans = traceIds.slice(i, i + TRACES_PER_REQUEST).flatMap((id, k) => trace(id, firstMs + (i + k) * 20));
      const outcome = await exportWithRetry(`${gateway.baseUrl}/v1/traces`, apiKey, otlpJson(spans), {
        deadline,
        attemptTimeoutMs: 30_000,
      });
      expect(outcome.status, `request ${i / TRACES_PER_REQUEST} after ${outcome.attempts} attempts`).toBe(200);
    }

    const store = await embeddedStore(dir);
    cleanup.push(() => store.close());
    const spans = store.db.collection('spans');
    // The capacity check runs every second: wait for the pass that follows the last batch.
    const settleBy = Date.now() + 30_000;
    while ((await spans.countDocuments()) > MAX_SPANS && Date.now() < settleBy) await delay(250);
    await delay(1_500);

    const stored = await spans.countDocuments();
    expect(stored).toBeLessThanOrEqual(MAX_SPANS);
    expect(stored).toBeGreaterThanOrEqual(0.85 * MAX_SPANS);

    // What remains is exactly the newest traces, each with every span and its summary.
    const summaries = await store.db
      .collection<{ traceId: string; spanCount: number }>('traces')
      .find({}, { projection: { traceId: 1, spanCount: 1 } })
      .toArray();
    const kept = new Set(summaries.map((s) => s.traceId));
    expect(kept).toEqual(new Set(traceIds.slice(TRACES - kept.size)));
    expect(summaries.every((s) => s.spanCount === SPANS_PER_TRACE)).toBe(true);
    const perTrace = await spans.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$traceId', n: { $sum: 1 } } }]).toArray();
    expect(perTrace.filter((t) => !kept.has(t._id) || t.n !== SPANS_PER_TRACE)).toEqual([]);
    expect(perTrace).toHaveLength(kept.size);
    expect(stored).toBe(kept.size * SPANS_PER_TRACE);

    // The API agrees: every kept trace is listed with all its spans, and an evicted one is not found.
    const auth = { authorization: `Bearer ${apiKey}` };
    const window = `start_time=${new Date(firstMs - 60_000).toISOString()}&end_time=${new Date().toISOString()}`;
    const list = (await (await fetch(`${gateway.baseUrl}/v1/traces?limit=1&${window}`, { headers: auth })).json()) as {
      total_matched: number;
    };
    expect(list.total_matched).toBe(kept.size);
    const newest = (await (await fetch(`${gateway.baseUrl}/v1/traces/${traceIds.at(-1)}`, { headers: auth })).json()) as {
      spans: unknown[];
    };
    expect(newest.spans).toHaveLength(SPANS_PER_TRACE);
    expect((await fetch(`${gateway.baseUrl}/v1/traces/${traceIds[0]}`, { headers: auth })).status).toBe(404);

    // Every span sent is either stored or counted as evicted.
    const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    const evicted = Number(/^mesh_store_evicted_total\{kind="spans"\} (\d+)$/m.exec(metrics)?.[1]);
    expect(evicted + stored).toBe(TRACES * SPANS_PER_TRACE);
    const evictedTraces = Number(/^mesh_store_evicted_total\{kind="traces"\} (\d+)$/m.exec(metrics)?.[1]);
    expect(evictedTraces + kept.size).toBe(TRACES);

    expect((await stopGateway(gateway)).code).toBe(0);
    gateway = undefined;
  }, 600_000);
});
