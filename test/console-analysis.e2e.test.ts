import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDemoTraces } from '../src/demo/demo-traffic.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type Browser } from './helpers/chromium.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';

/*
 * The trace-analysis views of the console in headless Chromium against a
 * real gateway with demo traffic (OpenTelemetry SDK): the duration scatter
 * plot, the trace comparison, the service page and the completeness banner.
 * The tests run in order on one page. Screenshots: test-artifacts/console/analysis-*.png.
 */

let gw: TestGateway;
let browser: Browser;

/** A checkout trace of services that only this test sends; `slowPay`, `retry` and `email` vary it. */
function checkout(traceId: string, t0: number, opts: { payMs: number; retry?: boolean; email?: boolean }): SimpleSpan[] {
  const id = (n: number) => `${traceId.slice(0, 14)}${String(n).padStart(2, '0')}`;
  return [
    { traceId, spanId: id(1), service: 'cmp-gateway', name: 'POST /checkout', startMs: t0, durationMs: 200 },
    { traceId, spanId: id(2), parentSpanId: id(1), service: 'cmp-orders', name: 'createOrder', startMs: t0 + 5, durationMs: 190 },
    { traceId, spanId: id(3), parentSpanId: id(2), service: 'cmp-orders', name: 'SELECT', kind: 3, startMs: t0 + 10, durationMs: 5 },
    { traceId, spanId: id(4), parentSpanId: id(2), service: 'cmp-payments', name: 'charge', startMs: t0 + 30, durationMs: opts.payMs },
    ...(opts.retry
      ? [
          {
            traceId,
            spanId: id(5),
            parentSpanId: id(2),
            service: 'cmp-payments',
            name: 'charge',
            startMs: t0 + 40 + opts.payMs,
            durationMs: 20,
          },
        ]
      : []),
    ...(opts.email
      ? [{ traceId, spanId: id(6), parentSpanId: id(1), service: 'cmp-notify', name: 'send', startMs: t0 + 196, durationMs: 3 }]
      : []),
  ];
}

beforeAll(async () => {
  if (!chromiumAvailable()) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  gw = await startTestGateway();
  await emitDemoTraces({ baseUrl: gw.baseUrl, apiKey: gw.apiKey, traces: 40, seed: 21 });
  browser = await launchChromium();
  const { page } = browser;
  await page.goto(`${gw.baseUrl}/ui/`);
  await page.getByLabel('API key').fill(gw.apiKey);
  await page.getByRole('button', { name: 'Open console' }).click();
  await page.getByRole('heading', { name: 'Traces', level: 1 }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('console trace analysis', () => {
  it('plots every trace of the search in the duration scatter, errors marked, and a click opens the trace', async () => {
    const { page } = browser;
    await page.locator('svg.duration-scatter .scatter-point').first().waitFor();
    const url = new URL(page.url());
    const { body } = await gw.graphql<{ traces: { edges: { node: { traceId: string; status: string } }[] } }>(
      `query($f: TraceFilter) { traces(filter: $f, first: 500) { edges { node { traceId status } } } }`,
      { f: { from: url.searchParams.get('from'), to: url.searchParams.get('to') } },
    );
    const traces = body.data!.traces.edges.map((e) => e.node);
    const plotted = await page
      .locator('svg.duration-scatter .scatter-point')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-trace-id')));
    expect(plotted.sort()).toEqual(traces.map((t) => t.traceId).sort());
    const errors = await page
      .locator('svg.duration-scatter .scatter-point.scatter-error')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-trace-id')));
    expect(errors.sort()).toEqual(
      traces
        .filter((t) => t.status === 'ERROR')
        .map((t) => t.traceId)
        .sort(),
    );
    expect(errors.length).toBeGreaterThan(0);
    await browser.screenshot('analysis-01-scatter');

    const mark = page.locator('svg.duration-scatter .scatter-point.scatter-error').first();
    const traceId = await mark.getAttribute('data-trace-id');
    await mark.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/ui/traces/${traceId}`);
    await page.getByRole('tree').waitFor();
    // The critical path drawn is the API's (Trace.criticalPath).
    expect(await page.locator('.wf-critical').count()).toBeGreaterThan(0);
  });

  it('compares two traces picked from the results: the merged tree shows the added, removed and slower nodes', async () => {
    const { page } = browser;
    const a = hex(16);
    const b = hex(16);
    const t0 = Date.now() - 5 * 60_000;
    expect((await postOtlpJson(gw.baseUrl, gw.apiKey, checkout(a, t0, { payMs: 50, email: true }))).status).toBe(200);
    expect((await postOtlpJson(gw.baseUrl, gw.apiKey, checkout(b, t0 + 1_000, { payMs: 120, retry: true }))).status).toBe(200);

    await page.goto(`${gw.baseUrl}/ui/traces?service=cmp-gateway`);
    await page.locator(`tr[data-trace-id="${b}"]`).waitFor();
    await page.locator(`tr[data-trace-id="${a}"]`).getByRole('checkbox').check();
    await page.locator(`tr[data-trace-id="${b}"]`).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?a=${a}&b=${b}`);

    const table = page.locator('table.compare-table');
    await table.waitFor();
    const rows = async () =>
      table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-node'), tr.getAttribute('data-change')]));
    expect(await rows()).toEqual([
      ['cmp-gateway:POST /checkout#0', 'same'],
      ['cmp-orders:createOrder#0', 'same'],
      ['cmp-orders:SELECT#0', 'same'],
      ['cmp-payments:charge#0', 'slower'],
      ['cmp-payments:charge#1', 'added'],
      ['cmp-notify:send#0', 'removed'],
    ]);
    expect(await table.locator('tr[data-change="slower"] .delta-cell').textContent()).toBe('+70 ms');
    expect(await page.getByTestId('compare-counts').textContent()).toBe('4 matched, 1 only in B, 1 only in A');
    // Colour-coded: the slower row's delta is shaded, the added row tinted, the removed one struck through.
    const styles = await table.evaluate((t) => {
      const style = (selector: string) => getComputedStyle(t.querySelector(selector)!);
      return {
        slower: style('tr[data-change="slower"] .delta-cell').backgroundColor,
        added: style('tr[data-change="added"]').backgroundColor,
        removed: style('tr[data-change="removed"] th').textDecorationLine,
      };
    });
    expect(styles).toEqual({ slower: 'rgb(255, 237, 213)', added: 'rgb(231, 238, 252)', removed: 'line-through' });
    await browser.screenshot('analysis-02-compare');

    // Pasting two ids gives the same comparison; "only changes" keeps the changed nodes and their parents.
    await page.goto(`${gw.baseUrl}/ui/compare`);
    await page.getByLabel('Trace A (baseline)').fill(a);
    await page.getByLabel('Trace B').fill(` ${b.toUpperCase()} `);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await table.waitFor();
    await page.getByLabel('Only show changes (with their parents)').check();
    expect((await rows()).map(([node]) => node)).toEqual([
      'cmp-gateway:POST /checkout#0',
      'cmp-orders:createOrder#0',
      'cmp-payments:charge#0',
      'cmp-payments:charge#1',
      'cmp-notify:send#0',
    ]);
  });

  it('opens a service page from the services list and from the map, with RED charts of the seeded traffic, top operations and neighbours', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await page.locator('tr[data-service="order-svc"]').first().getByRole('link', { name: 'order-svc', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/services/order-svc');
    await page.locator('figure.line-chart').first().waitFor();

    const charts = page.locator('figure.line-chart');
    expect(await charts.evaluateAll((figs) => figs.map((f) => f.getAttribute('data-chart')))).toEqual([
      'Request rate',
      'Error rate',
      'Latency',
    ]);
    const cluster = new URL(page.url()).searchParams.get('cluster');
    const { body } = await gw.graphql<{
      service: {
        series: { requestCount: string; p99LatencyMs: number | null }[];
        topOperations: { name: string }[];
        upstream: { source: string }[];
        downstream: { target: string }[];
      };
    }>(
      `query($c: String) { service(name: "order-svc", cluster: $c) { series(step: 60) { requestCount p99LatencyMs } topOperations(limit: 10) { name } upstream { source } downstream { target } } }`,
      { c: cluster },
    );
    const service = body.data!.service;
    const withRequests = service.series.filter((p) => p.requestCount !== '0').length;
    expect(withRequests).toBeGreaterThan(0);
    // One dot per bucket on the rate chart, and one per bucket with requests on each latency line.
    const dots = await charts.evaluateAll((figs) =>
      figs.map((f) => [...f.querySelectorAll('g[class^="chart-line"]')].map((g) => g.querySelectorAll('circle.chart-dot').length)),
    );
    expect(dots[0]![0]).toBeGreaterThanOrEqual(service.series.length - 1);
    expect(dots[2]).toHaveLength(3);
    for (const count of dots[2]!) expect(Math.abs(count - withRequests)).toBeLessThanOrEqual(1);
    for (const d of await charts.locator('path.chart-path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '')))
      expect(d).toMatch(/^M/);

    const operations = await page
      .locator('table.top-operations tr[data-operation]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-operation')));
    expect(operations).toEqual(service.topOperations.map((o) => o.name));
    const peers = (title: string) =>
      page
        .getByRole('region', { name: title })
        .locator('tr[data-peer]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-peer')));
    expect((await peers('Upstream (callers)')).sort()).toEqual(service.upstream.map((e) => e.source).sort());
    expect((await peers('Downstream (calls)')).sort()).toEqual(service.downstream.map((e) => e.target).sort());
    expect(await peers('Upstream (callers)')).toContain('api-gateway');
    expect(await peers('Downstream (calls)')).toContain('postgres-orders');
    await browser.screenshot('analysis-03-service-page');

    // From the map: a service node opens the same page.
    await page.getByRole('link', { name: 'Service map' }).click();
    await page.locator('[data-node-id="payment-svc"]').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ui/services/payment-svc');
    await page.locator('figure.line-chart').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('payment-svc');
  });

  it('shows the completeness banner on search results and on the trace once a heartbeat reports drops', async () => {
    const { page } = browser;
    await reportHeartbeat(gw, 'e2e-collector-1', { cluster: 'e2e-cluster', droppedSpansTotal: '40' });
    const traceId = hex(16);
    expect(
      (
        await postOtlpJson(gw.baseUrl, gw.apiKey, [
          {
            traceId,
            service: 'drop-svc',
            name: 'GET /lossy',
            startMs: Date.now(),
            durationMs: 20,
            resource: { 'k8s.cluster.name': 'e2e-cluster' },
          },
        ])
      ).status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const search = `${gw.baseUrl}/ui/traces?service=drop-svc`;
    await page.goto(search);
    const row = page.locator(`tr[data-trace-id="${traceId}"]`);
    await row.waitFor();
    expect(await page.locator('.completeness-banner').count()).toBe(0);
    expect(await row.getAttribute('data-completeness')).not.toBe('DROPS_REPORTED');

    // The collector reports 25 more dropped spans: the search (reloaded) and the trace say so.
    await reportHeartbeat(gw, 'e2e-collector-1', { cluster: 'e2e-cluster', droppedSpansTotal: '65' });
    await page.goto(search);
    const banner = page.locator('.completeness-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      '1 trace of the 1 on this page ran while collector nodes of their clusters reported dropping spans (up to 25 per trace window)',
    );
    expect(await row.getAttribute('data-completeness')).toBe('DROPS_REPORTED');
    expect(await row.locator('.chip-incomplete').textContent()).toBe('may be incomplete');
    await browser.screenshot('analysis-04-completeness-search');

    await row.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/ui/traces/${traceId}`);
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Collector nodes in e2e-cluster reported dropping 25 spans while this trace ran');
    expect(await banner.textContent()).toContain('e2e-collector-1 (e2e-cluster): 25');
    expect(await page.getByTestId('completeness').textContent()).toBe('25 spans dropped by collectors while it ran');
    await browser.screenshot('analysis-05-completeness-trace');
  });

  it('talks to no host but the gateway, and logs no error', () => {
    const origin = new URL(gw.baseUrl);
    expect(browser.requested.filter((url) => new URL(url).host !== origin.host)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
