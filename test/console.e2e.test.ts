import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDemoTraces } from '../src/demo/demo-traffic.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type Browser } from './helpers/chromium.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex, postOtlpJson } from './helpers/otlp.js';

/*
 * The web console in a real browser (headless Chromium) against a real
 * gateway on a loopback port, with demo traffic sent through the OpenTelemetry
 * SDK. The tests run in order on one page, as a person would click through.
 * Screenshots of each view land in test-artifacts/console/.
 */

const DEMO_SERVICES = ['api-gateway', 'order-svc', 'inventory-svc', 'payment-svc', 'notification-svc'];
/** The node board is fed by subscriptions: a heartbeat must show within this. */
const LIVE_WITHIN_MS = 2_000;
/** Short, so that the offline transition happens during the test (the sweeper runs every 500 ms then). */
const OFFLINE_AFTER_S = 3;

interface AnyValueFixture {
  readonly traceId: string;
  readonly rootSpanId: string;
  readonly childSpanId: string;
  readonly expected: readonly string[];
  readonly request: unknown;
}

interface RestRule {
  readonly id: string;
  readonly status: string;
  readonly condition: Record<string, unknown>;
}

/** A JSON replacer that shifts every `…UnixNano` time so that the earliest lies ten minutes ago. */
function movedToThePresent(request: unknown): (key: string, value: unknown) => unknown {
  const times = [...JSON.stringify(request).matchAll(/"\w+UnixNano":"(\d+)"/g)].map((m) => BigInt(m[1] as string));
  const earliest = times.reduce((a, b) => (b < a ? b : a));
  const shift = BigInt(Date.now() - 10 * 60_000) * 1_000_000n - earliest;
  return (key, value) => (key.endsWith('UnixNano') && typeof value === 'string' ? String(BigInt(value) + shift) : value);
}

let gw: TestGateway;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable()) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  gw = await startTestGateway({ MESH_NODE_OFFLINE_AFTER_S: String(OFFLINE_AFTER_S), MESH_ALERT_EVAL_INTERVAL_S: '1' });
  await emitDemoTraces({ baseUrl: gw.baseUrl, apiKey: gw.apiKey, traces: 40, seed: 10 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('web console', () => {
  it('redirects / to the console and asks for the API key once per tab', async () => {
    const { page } = browser;
    await page.goto(`${gw.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/ui/');
    const key = page.getByLabel('API key');
    await key.fill('mtk_live_not-a-key-that-exists-0000');
    await page.getByRole('button', { name: 'Open console' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('refused');

    await key.fill(gw.apiKey);
    await page.getByRole('button', { name: 'Open console' }).click();
    await page.getByRole('navigation', { name: 'Console sections' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ui/traces');
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([gw.apiKey]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

    // A reload keeps the key for the tab session.
    await page.reload();
    await page.getByRole('heading', { name: 'Traces', level: 1 }).waitFor();
  });

  it('searches with filters and with the search language, opens a trace, and the waterfall shows every span', async () => {
    const { page } = browser;
    await page.getByRole('radio', { name: 'Search language' }).check();
    await page.getByLabel('Search expression').fill('service.name = "payment-svc"');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('tr[data-trace-id]').first().waitFor();
    const byQuery = await page.locator('tr[data-trace-id]').count();
    expect(byQuery).toBeGreaterThan(0);
    for (const services of await page.locator('tr[data-trace-id] ul.chips').allTextContents()) expect(services).toContain('payment-svc');

    await page.getByRole('radio', { name: 'Filters' }).check();
    await page.getByLabel('Service', { exact: true }).fill('order-svc');
    await page.getByLabel('Order').selectOption('DURATION_DESC');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('service')).toBe('order-svc');
    await page.locator('tr[data-trace-id]').first().waitFor();
    const durations = await page.locator('tr[data-trace-id] .duration-cell .num').allTextContents();
    expect(durations.length).toBeGreaterThan(0);
    await browser.screenshot('01-trace-search');

    const first = page.locator('tr[data-trace-id]').first();
    const traceId = await first.getAttribute('data-trace-id');
    await first.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/ui/traces/${traceId}`);

    const tree = page.getByRole('tree');
    await tree.waitFor();
    const { body } = await gw.graphql<{ trace: { spans: { spanId: string }[] } }>(
      'query($id: String!) { trace(traceId: $id) { spans { spanId } } }',
      {
        id: traceId,
      },
    );
    const expected = body.data?.trace.spans.map((s) => s.spanId).sort();
    expect(expected?.length).toBeGreaterThan(1);
    await expect
      .poll(async () =>
        (await page.locator('[role=treeitem]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-span-id')))).sort(),
      )
      .toEqual(expected);
    expect(await page.locator('.wf-critical').count()).toBeGreaterThan(0);

    // Keyboard: focus the tree, move down, open the span in the side panel.
    await tree.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await panel.getByRole('table', { name: 'Resource attributes' }).waitFor();
    expect(await panel.getByRole('table', { name: 'Resource attributes' }).textContent()).toContain('service.name');
    await browser.screenshot('02-trace-waterfall');
  });

  it('shows every AnyValue type, the events, links, resource and scope of a span, and marks errors and clock skew', async () => {
    const { page } = browser;
    const fixture = JSON.parse(
      await readFile(new URL('fixtures/console-any-values.otlp.json', import.meta.url), 'utf8'),
    ) as AnyValueFixture;
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(fixture.request, movedToThePresent(fixture.request)),
    });
    expect(await res.json()).toEqual({});

    await page.goto(`${gw.baseUrl}/ui/traces/${fixture.traceId}?span=${fixture.rootSpanId}`);
    const panel = page.getByRole('complementary');
    await panel.getByRole('table', { name: 'Scope attributes' }).waitFor();
    const text = await panel.textContent();
    for (const expected of fixture.expected.filter((e) => e !== 'ends-after-parent-is-flagged')) expect(text, expected).toContain(expected);
    expect(await panel.getByRole('table', { name: 'Resource attributes' }).textContent()).toContain('1 dropped by the sender');

    const root = page.locator(`[data-span-id="${fixture.rootSpanId}"]`);
    expect(await root.getAttribute('aria-label')).toContain(', error');
    expect(await root.locator('.mark-error').count()).toBe(1);
    const child = page.locator(`[data-span-id="${fixture.childSpanId}"]`);
    expect(await child.getAttribute('aria-label')).toContain('clock skew: ends after its parent');
    await browser.screenshot('03a-span-any-values');
  });

  it('opens a 5,000-span trace without freezing, rendering only the rows in view, and reaches the last span by keyboard', async () => {
    const { page } = browser;
    const traceId = hex(16);
    const ids = Array.from({ length: 5_000 }, () => hex(8));
    const started = Date.now() - 60_000;
    // Each span's parent is a pseudo-randomly chosen earlier span: a tree both wide and deep. One service, internal
    // spans, so that the trace adds no edges to the service map of the next tests.
    const spans = ids.map((spanId, i) => ({
      traceId,
      spanId,
      parentSpanId: i === 0 ? undefined : ids[((i * 2654435761) >>> 0) % i],
      service: 'bulk-svc',
      kind: i === 0 ? 2 : 1,
      name: `op-${i}`,
      startMs: started + i * 0.01,
      durationMs: Math.max(1, 10_000 - i),
    }));
    for (let i = 0; i < spans.length; i += 1_000) {
      const res = await postOtlpJson(gw.baseUrl, gw.apiKey, spans.slice(i, i + 1_000));
      expect(res.status).toBe(200);
    }

    const clicked = Date.now();
    await page.goto(`${gw.baseUrl}/ui/traces/${traceId}`);
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 30_000 });
    const renderedMs = Date.now() - clicked;
    expect(await page.getByTestId('span-count').textContent()).toBe('5000');
    const inDom = await page.locator('[role=treeitem]').count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(200);

    const tree = page.getByRole('tree');
    await tree.focus();
    const keyed = Date.now();
    await page.keyboard.press('End');
    await expect.poll(() => tree.getAttribute('aria-activedescendant')).toBe('wf-row-4999');
    await page.locator('#wf-row-4999').waitFor();
    const endMs = Date.now() - keyed;
    // Still responsive: a click on a visible row selects it.
    await page.locator('#wf-row-4999').click();
    await page.getByRole('complementary').waitFor();
    console.info(
      `5,000-span trace: first rows after ${renderedMs} ms (load + query + layout), End key to the last row in ${endMs} ms, ${inDom} rows in the DOM`,
    );
    await browser.screenshot('03b-trace-5000-spans');
  });

  it('lists the services with RED figures and sparklines', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await page.locator('tr[data-service]').first().waitFor();
    const names = await page.locator('tr[data-service]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service')));
    for (const service of DEMO_SERVICES) expect(names).toContain(service);
    expect(await page.locator('tr[data-service] svg.sparkline').count()).toBe(names.length * 3);
    await browser.screenshot('04-services');
  });

  it('draws the service map with the seeded services, the database and labelled edges', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Service map' }).click();
    await page.locator('svg.service-map').waitFor();
    const drawn = await page
      .locator('[data-node-id]')
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-node-id'), n.getAttribute('data-node-type')]));
    const { body } = await gw.graphql<{ topology: { nodes: { id: string; type: string }[]; edges: unknown[] } }>(
      '{ topology { nodes { id type } edges { source } } }',
    );
    const topology = body.data?.topology;
    expect(drawn.sort()).toEqual(topology?.nodes.map((n) => [n.id, n.type]).sort());
    for (const service of DEMO_SERVICES) expect(drawn).toContainEqual([service, 'SERVICE']);
    expect(drawn).toContainEqual(['postgres-orders', 'DATABASE']);
    expect(await page.locator('path.map-edge').count()).toBe(topology?.edges.length);
    expect(await page.locator('text.edge-label').first().textContent()).toMatch(/\/(s|min|h) · .+ % · p99 /);

    await page.getByLabel('Window').selectOption('6h');
    await expect.poll(() => new URL(page.url()).searchParams.get('window')).toBe('6h');
    await page.locator('[data-node-id="postgres-orders"]').waitFor();
    await browser.screenshot('05-service-map');
  });

  it('shows a heartbeat on the node board within 2 s and turns the node red when it goes offline, without a reload', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Collector nodes' }).click();
    await page.getByRole('status').filter({ hasText: 'Live updates connected' }).waitFor();

    const nodeId = 'node-e2e-eu-1a';
    const posted = Date.now();
    const res = await fetch(`${gw.baseUrl}/v1/nodes/${nodeId}/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
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
      }),
    });
    expect(res.status).toBe(200);
    const card = page.locator(`[data-node-id="${nodeId}"]`);
    await card.waitFor({ timeout: LIVE_WITHIN_MS });
    expect(Date.now() - posted).toBeLessThan(LIVE_WITHIN_MS);
    expect(await card.getAttribute('data-status')).toBe('HEALTHY');
    await browser.screenshot('06-nodes-live');

    // No further heartbeat: the sweeper marks it offline after OFFLINE_AFTER_S, and the board turns it red.
    const url = page.url();
    await page.locator(`[data-node-id="${nodeId}"][data-status="OFFLINE"]`).waitFor({ timeout: (OFFLINE_AFTER_S + 10) * 1000 });
    expect(page.url()).toBe(url);
    const colours = await card.evaluate((el) => {
      const pill = el.querySelector('.status-pill');
      return { card: getComputedStyle(el).borderTopColor, pill: pill === null ? null : getComputedStyle(pill).backgroundColor };
    });
    expect(colours).toEqual({ card: 'rgb(179, 38, 30)', pill: 'rgb(179, 38, 30)' });
    expect(await page.getByRole('log').textContent()).toContain(`${nodeId} is now offline (was healthy): no heartbeat`);
    await browser.screenshot('07-nodes-offline');
  });

  it('creates, pauses, edits and deletes an alert rule, each change visible in GET /v1/alerts/rules', async () => {
    const { page } = browser;
    const restRules = async () => {
      const res = await fetch(`${gw.baseUrl}/v1/alerts/rules`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { rules: RestRule[] }).rules;
    };
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name', { exact: true }).fill('Payment service high error rate');
    await form.getByLabel('Service', { exact: true }).fill('payment-svc');
    await form.getByLabel('Metric').selectOption('ERROR_RATE');
    await form.getByLabel('Operator').selectOption('GT');
    await form.getByLabel(/^Threshold/).fill('0.05');
    await form.getByLabel('Window', { exact: true }).fill('5m');
    await form.getByLabel('Severity').selectOption('CRITICAL');
    await form.getByRole('checkbox', { name: /slack/ }).check();
    await form.getByRole('checkbox', { name: /pagerduty/ }).check();
    await browser.screenshot('08-alert-rule-form');
    await form.getByRole('button', { name: 'Create rule' }).click();
    const row = page.locator('tr[data-rule-id]', { hasText: 'Payment service high error rate' });
    await row.waitFor();
    const id = await row.getAttribute('data-rule-id');

    expect(await restRules()).toEqual([
      expect.objectContaining({
        id,
        name: 'Payment service high error rate',
        condition: { metric: 'error_rate', service: 'payment-svc', operator: '>', threshold: 0.05, window: '5m', for: null },
        channels: ['slack', 'pagerduty'],
        severity: 'critical',
        status: 'active',
      }),
    ]);

    await row.getByRole('button', { name: 'Pause Payment service high error rate' }).click();
    await page.locator(`tr[data-rule-id="${id}"][data-rule-status="PAUSED"]`).waitFor();
    expect((await restRules())[0]?.status).toBe('paused');

    await row.getByRole('button', { name: 'Edit Payment service high error rate' }).click();
    const edit = page.getByRole('form', { name: /^Edit rule/ });
    await edit.getByLabel(/^Threshold/).fill('0.1');
    await edit.getByLabel('For (optional)').fill('2m');
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(async () => (await restRules())[0]?.condition).toMatchObject({ threshold: 0.1, for: '2m' });
    await expect.poll(() => row.textContent()).toContain('error rate > 0.1 over 5m for 2m');
    await browser.screenshot('09-alert-rules');

    await row.getByRole('button', { name: 'Delete Payment service high error rate' }).click();
    await row.getByRole('button', { name: 'Confirm delete of Payment service high error rate' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await restRules()).toEqual([]);
  });

  it('shows an alert event in the live feed when a rule fires', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name', { exact: true }).fill('Gateway has traffic');
    await form.getByLabel('Service', { exact: true }).fill('api-gateway');
    await form.getByLabel('Metric').selectOption('REQUEST_COUNT');
    await form.getByLabel('Operator').selectOption('GTE');
    await form.getByLabel(/^Threshold/).fill('1');
    await form.getByLabel('Window', { exact: true }).fill('1h');
    await form.getByRole('checkbox', { name: /webhook/ }).check();
    await form.getByRole('button', { name: 'Create rule' }).click();

    // Evaluated every second (MESH_ALERT_EVAL_INTERVAL_S=1): the firing event arrives through the subscription.
    const event = page.getByRole('log', { name: 'Alert events' }).locator('.event-firing', { hasText: 'Gateway has traffic' });
    await event.waitFor({ timeout: 15_000 });
    await browser.screenshot('10-alert-events');
  });

  it('talks to no host but the gateway, and logs no error', () => {
    const origin = new URL(gw.baseUrl);
    const foreign = browser.requested.filter((url) => {
      const u = new URL(url);
      return u.host !== origin.host || !['http:', 'ws:'].includes(u.protocol);
    });
    expect(foreign).toEqual([]);
    expect(browser.requested.some((url) => url.startsWith(`ws://${origin.host}/graphql`))).toBe(true);
    // The rejected key of the first test is answered 401, which Chromium logs as a failed resource load.
    expect(browser.errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
