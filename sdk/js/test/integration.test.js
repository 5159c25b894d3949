import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { AuthenticationError, BadRequestError, MeshTrace, NotFoundError, Page } from '@mesh-trace/sdk';
import { fx, skip } from './fixture.js';

describe('against a gateway', { skip }, () => {
  const client = () => new MeshTrace();

  it('walks every page while another writer ingests', async () => {
    const { walk } = fx;
    const traces = client().traces.list({ service: walk.service, limit: walk.page_size });
    const first = await traces;
    assert.ok(first instanceof Page);
    assert.equal(first.items.length, walk.page_size);
    const started = Date.now();
    const seen = [];
    for await (const trace of traces) {
      seen.push(trace.trace_id);
      await sleep(60);
    }
    const finished = Date.now();
    writeFileSync(join(fx.report_dir, 'walk.json'), JSON.stringify({ started_ms: started, finished_ms: finished, trace_ids: seen }));
    assert.equal(new Set(seen).size, seen.length, 'a trace came twice');
    assert.deepEqual(seen.slice(seen.length - walk.trace_ids.length), walk.trace_ids);
  });

  it('reads one page at a time and stops early', async () => {
    const { walk } = fx;
    const c = client();
    const first = await c.traces.list({ service: walk.service, limit: walk.page_size });
    assert.ok(first.hasNextPage() && first.total >= walk.trace_ids.length);
    const second = await first.nextPage();
    assert.equal(second.items.length, walk.page_size);
    const resumed = await c.traces.list({ service: walk.service, limit: walk.page_size, cursor: first.nextCursor });
    assert.deepEqual(
      resumed.items.map((t) => t.trace_id),
      second.items.map((t) => t.trace_id),
    );
    const taken = [];
    for await (const trace of first) {
      taken.push(trace);
      if (taken.length === 2) break;
    }
    assert.equal(taken.length, 2);
  });

  it('gets a trace with every AnyValue type, int64 exact', async () => {
    const expected = fx.any_value;
    const trace = await client().traces.get(expected.trace_id);
    assert.equal(trace.trace_id, expected.trace_id);
    assert.equal(trace.span_count, 1);
    const [span] = trace.spans;
    assert.equal(span.span_id, expected.span_id);
    assert.equal(span.parent_span_id, null);
    assert.deepEqual(span.attributes, expected.attributes);
    assert.equal(span.attributes['int64.max'], '9223372036854775807');
    assert.equal(BigInt(span.attributes['int64.min']), -(2n ** 63n));
    assert.deepEqual(
      span.events.map((e) => ({ name: e.name, attributes: e.attributes })),
      [expected.event],
    );
  });

  it('searches with the search language across pages', async () => {
    const { search } = fx;
    const found = client().traces.search({
      query: search.query,
      start_time: search.start_time,
      end_time: new Date(search.end_time),
      limit: 1,
    });
    assert.equal((await found).total, search.trace_ids.length);
    const ids = [];
    for await (const trace of found) {
      assert.equal(trace.status, 'error');
      ids.push(trace.trace_id);
    }
    assert.deepEqual(ids, search.trace_ids);
  });

  it('reports heartbeats, lists nodes across pages and reads their health', async () => {
    const c = client();
    const heartbeat = {
      cluster: 'prod-eu-1',
      version: '3.2.1',
      cpu_percent: 12.4,
      memory_mb: 256,
      uptime_seconds: 604821,
      ingestion_rate_sps: 4782,
      spans_ingested_total: 284910,
      dropped_spans_total: 0,
      otlp_grpc_active: true,
      otlp_http_active: true,
      sampling_rate: 0.15,
      buffer_utilization_pct: 8.2,
    };
    for (const id of ['js-node-a', 'js-node-b']) {
      const ack = await c.nodes.heartbeat(id, heartbeat);
      assert.equal(ack.node_id, id);
      assert.equal(ack.status, 'healthy');
    }
    const ids = [];
    for await (const node of c.nodes.list({ limit: 1 })) ids.push(node.node_id);
    assert.deepEqual(ids, ['js-node-a', 'js-node-b']);
    const health = await c.nodes.health('js-node-a');
    assert.deepEqual([health.uptime_seconds, health.sampling_rate, health.otlp_grpc_active], [604821, 0.15, true]);
    await assert.rejects(c.nodes.health('js-node-missing'), (e) => e instanceof NotFoundError && e.param === 'node_id');
  });

  it('lists services and the topology', async () => {
    const c = client();
    const services = await c.services.list();
    const names = new Set(services.services.map((s) => s.name));
    for (const name of fx.services) assert.ok(names.has(name), name);
    const topology = await c.topology.get({ time_window: '1h' });
    assert.ok(topology.edges.some((e) => e.source === fx.topology.source && e.target === fx.topology.target && e.request_count === 1));
  });

  it('creates, gets, lists, updates and deletes alert rules', async () => {
    const c = client();
    const condition = { metric: 'error_rate', service: fx.walk.service, operator: '>', threshold: 0.05, window: '5m' };
    const created = [];
    for (const n of [0, 1])
      created.push(await c.alertRules.create({ name: `js rule ${n}`, condition, channels: ['slack', 'pagerduty'], severity: 'critical' }));
    assert.ok(created.every((r) => r.status === 'active'));
    const mine = new Set(created.map((r) => r.id));
    const listed = [];
    for await (const rule of c.alertRules.list({ limit: 1 })) if (mine.has(rule.id)) listed.push(rule.id);
    assert.deepEqual(
      listed,
      created.map((r) => r.id),
    );
    const rule = await c.alertRules.get(created[0].id);
    assert.deepEqual([rule.name, rule.severity, rule.condition.threshold, rule.condition.for], ['js rule 0', 'critical', 0.05, null]);
    const updated = await c.alertRules.update(created[0].id, { status: 'paused', condition: { threshold: 0.1, for: '2m' } });
    assert.deepEqual(
      [updated.status, updated.condition.threshold, updated.condition.for, updated.condition.window],
      ['paused', 0.1, '2m', '5m'],
    );
    for (const r of created) await c.alertRules.delete(r.id);
    await assert.rejects(
      c.alertRules.get(created[0].id),
      (e) => e instanceof NotFoundError && e.status === 404 && e.code === 'not_found' && e.param === 'id',
    );
  });

  it('throws typed errors on 400, 404 and 401', async () => {
    const c = client();
    await assert.rejects(
      async () => c.traces.list({ limit: 500 }),
      (e) =>
        e instanceof BadRequestError &&
        e.status === 400 &&
        e.code === 'invalid_parameter' &&
        e.param === 'limit' &&
        e.message === "Parameter 'limit' must be an integer from 1 to 200" &&
        /^req_/.test(e.request_id),
    );
    await assert.rejects(
      c.traces.get('ab'.repeat(16)),
      (e) => e instanceof NotFoundError && e.status === 404 && e.code === 'not_found' && e.param === 'trace_id',
    );
    await assert.rejects(
      new MeshTrace({ apiKey: `mtk_live_${'0'.repeat(32)}` }).services.list(),
      (e) => e instanceof AuthenticationError && e.status === 401 && e.code === 'unauthorized',
    );
  });

  it('exposes the rate-limit headers', async () => {
    const c = client();
    await c.services.list();
    assert.equal(c.rateLimit.limit, 1000);
    assert.ok(c.rateLimit.remaining >= 0 && c.rateLimit.remaining < 1000);
    assert.ok(c.rateLimit.reset * 1000 > Date.now());
  });
});
