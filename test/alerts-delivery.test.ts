import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/domain/alerts/alerts.delivery.js';
import { configureChannels, eventsOf, gqlData, ingestRequests, type EventView } from './helpers/alerts.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { postOtlpJson } from './helpers/otlp.js';
import { startHangingReceiver, startHttpReceiver, type HttpReceiver } from './helpers/receivers.js';
import { rest } from './helpers/rest.js';

/**
 * Delivery when receivers misbehave: retried with backoff, recorded per
 * attempt, given up after MESH_ALERT_DELIVERY_ATTEMPTS or at once on a
 * permanent failure, and never in the way of the gateway's own work.
 */

const ATTEMPTS = 4;
const SEND_TIMEOUT_MS = 300;

let gw: TestGateway;
let flaky: HttpReceiver;
let down: HttpReceiver;
let hanging: Awaited<ReturnType<typeof startHangingReceiver>>;
let ruleId: string;
let firing: EventView;

const notification = (event: EventView, channel: string) => event.notifications.find((n) => n.channel === channel)!;
const attemptsOf = (event: EventView, channel: string) => event.deliveries.filter((d) => d.channel === channel);

/** Waits until the rule has fired and no notification of its firing event is pending any more. */
async function settled(timeoutMs = 20_000): Promise<EventView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [event] = await eventsOf(gw, ruleId);
    if (event !== undefined && event.notifications.length > 0 && event.notifications.every((n) => n.status !== 'PENDING')) return event;
    if (Date.now() > deadline) throw new Error(`notifications still pending: ${JSON.stringify(event?.notifications)}`);
    await delay(200);
  }
}

beforeAll(async () => {
  [flaky, down, hanging] = await Promise.all([
    startHttpReceiver('/flaky', [500, 500, 200]),
    startHttpReceiver('/down', [503]),
    startHangingReceiver('/hang'),
  ]);
  gw = await startTestGateway({
    MESH_ALERT_EVAL_INTERVAL_S: '1',
    MESH_OUTBOUND_ALLOW: 'loopback',
    MESH_ALERT_RETRY_BASE_MS: '100',
    MESH_ALERT_DELIVERY_ATTEMPTS: String(ATTEMPTS),
    MESH_ALERT_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS),
  });
  // Email is named by the rule but not configured: a permanent failure.
  await configureChannels(gw, {
    webhook: { url: flaky.url, secret: 'whsec_0123456789abcdef' },
    slack: { webhookUrl: down.url },
    pagerduty: { routingKey: 'routingkey0123', endpoint: hanging.url },
  });
  const created = await rest<{ id: string }>(gw, 'POST', '/v1/alerts/rules', {
    body: {
      name: 'Checkout failing',
      condition: { metric: 'error_rate', service: 'checkout-svc', operator: '>=', threshold: 0.5, window: '1m' },
      channels: ['webhook', 'slack', 'pagerduty', 'email'],
    },
  });
  ruleId = created.body.id;
  await ingestRequests(gw, gw.apiKey, { service: 'checkout-svc', total: 4, errors: 4 });
  firing = await settled();
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await Promise.all([flaky?.close(), down?.close(), hanging?.close()]);
});

describe('notification delivery', () => {
  it('delivers once to a receiver that fails twice, after two retries', () => {
    expect(flaky.requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(flaky.accepted).toHaveLength(1);
    // The same notification each time: same event, same body.
    expect(new Set(flaky.requests.map((r) => r.headers['x-mesh-event-id']))).toEqual(new Set([firing.id]));
    expect(attemptsOf(firing, 'WEBHOOK').map((d) => [d.attempt, d.status, d.error])).toEqual([
      [1, 'FAILED', 'receiver answered HTTP 500: {"error":"receiver failing on purpose"}'],
      [2, 'FAILED', 'receiver answered HTTP 500: {"error":"receiver failing on purpose"}'],
      [3, 'SUCCEEDED', null],
    ]);
    expect(notification(firing, 'WEBHOOK')).toEqual({ channel: 'WEBHOOK', status: 'DELIVERED', attempts: 3, nextAttemptAt: null });
  });

  it('backs off between attempts', () => {
    const times = attemptsOf(firing, 'WEBHOOK').map((d) => Date.parse(d.at));
    // Waits of at least half of 100 ms and of 200 ms (equal jitter).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(50);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(100);
  });

  it('gives up on a receiver that never succeeds after MESH_ALERT_DELIVERY_ATTEMPTS, recording each failure', async () => {
    expect(attemptsOf(firing, 'SLACK').map((d) => [d.attempt, d.status])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'FAILED'],
      [4, 'FAILED'],
    ]);
    expect(attemptsOf(firing, 'SLACK').every((d) => d.error?.startsWith('receiver answered HTTP 503'))).toBe(true);
    expect(notification(firing, 'SLACK')).toEqual({ channel: 'SLACK', status: 'FAILED', attempts: ATTEMPTS, nextAttemptAt: null });
    await delay(1500);
    expect(down.requests).toHaveLength(ATTEMPTS);
  });

  it('ends an attempt that gets no answer at MESH_ALERT_SEND_TIMEOUT_MS and retries it', () => {
    expect(hanging.requests).toHaveLength(ATTEMPTS);
    expect(attemptsOf(firing, 'PAGERDUTY').map((d) => d.error)).toEqual(
      Array(ATTEMPTS).fill(`request failed: no response within ${SEND_TIMEOUT_MS} ms`),
    );
    expect(notification(firing, 'PAGERDUTY').status).toBe('FAILED');
  });

  it('fails at once, without retrying, when the channel is not configured', () => {
    expect(attemptsOf(firing, 'EMAIL').map((d) => [d.attempt, d.status, d.error])).toEqual([
      [1, 'FAILED', 'no email channel is configured for this organization'],
    ]);
    expect(notification(firing, 'EMAIL')).toMatchObject({ status: 'FAILED', attempts: 1 });
  });

  it('keeps the gateway healthy and responsive while receivers fail', async () => {
    // Fresh failures in the background: resolve the rule, so that every channel is tried again.
    await ingestRequests(gw, gw.apiKey, { service: 'checkout-svc', total: 40, errors: 0 });
    await hanging.waitForRequests(ATTEMPTS + 1);
    const started = Date.now();
    const [healthz, readyz, graphql, ingest] = await Promise.all([
      fetch(`${gw.baseUrl}/healthz`),
      fetch(`${gw.baseUrl}/readyz`),
      gqlData<{ alertRule: { id: string } }>(gw, `query($id: ID!) { alertRule(id: $id) { id } }`, { id: ruleId }),
      postOtlpJson(gw.baseUrl, gw.apiKey, [{ service: 'checkout-svc', startMs: Date.now(), durationMs: 5 }]),
    ]);
    expect([healthz.status, readyz.status, ingest.status]).toEqual([200, 200, 200]);
    expect(graphql.alertRule.id).toBe(ruleId);
    // Well under one hanging attempt: requests never wait for a delivery.
    expect(Date.now() - started).toBeLessThan(SEND_TIMEOUT_MS * 3);
  });
});

describe('retry delays', () => {
  it('double from the base, with jitter in the upper half, capped at 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, () => 1)).toBe(15 * 60_000);
  });
});
