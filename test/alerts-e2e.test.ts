import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureChannels, eventsOf, EVENT_FIELDS, ingestRequests, ruleState, type EventView } from './helpers/alerts.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type ReceivedRequest, type SmtpReceiver } from './helpers/receivers.js';
import { rest } from './helpers/rest.js';
import { sseSubscribe, subscriptionsOpen, wsClient, wsSubscribe, type LiveSubscription } from './helpers/subscriptions.js';

/**
 * The whole alerting path on one real gateway: traces ingested over OTLP
 * push payment-svc's error rate over 5 %; within an evaluation interval the
 * rule fires and a webhook receiver, a Slack-format receiver, a
 * PagerDuty-format receiver and an SMTP server each get one notification;
 * healthy traffic brings the rate down and each gets one resolved
 * notification. The live `alertEvents` subscription sees both transitions.
 *
 * Determinism: the rule's window is 1 minute and every span starts a second
 * before it is sent, so all of them stay inside the window for the whole
 * test (a minute bucket stays in a 1 m window for 60–120 s); the rate moves
 * only because of what the test ingests.
 */

const INTERVAL_S = 1;
const SECRET = 'whsec_0123456789abcdef';
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const SERVICE = 'payment-svc';

let gw: TestGateway;
let webhook: HttpReceiver;
let slack: HttpReceiver;
let pagerduty: HttpReceiver;
let smtp: SmtpReceiver;
let ws: Client;
let live: LiveSubscription<{ kind: string; ruleId: string; incidentId: string; value: number }>;
let sse: LiveSubscription<{ kind: string; ruleId: string }>;
/** Subscribers of other tenants: another organization, and the sandbox partition of this one. */
let strangers: LiveSubscription<unknown>[];
const strangerClients: Client[] = [];
let ruleId: string;

const json = (r: ReceivedRequest) => JSON.parse(r.body) as Record<string, any>;

/** After the first `count` notifications arrived everywhere, a few more intervals bring no more. */
async function expectExactly(count: number): Promise<void> {
  await Promise.all([
    webhook.waitForAccepted(count),
    slack.waitForAccepted(count),
    pagerduty.waitForAccepted(count),
    smtp.waitForMessages(count),
  ]);
  await delay(2.5 * INTERVAL_S * 1000);
  expect([webhook.accepted.length, slack.accepted.length, pagerduty.accepted.length, smtp.messages.length]).toEqual([
    count,
    count,
    count,
    count,
  ]);
}

beforeAll(async () => {
  [webhook, slack, pagerduty, smtp] = await Promise.all([
    startHttpReceiver('/hooks/mesh'),
    startHttpReceiver('/services/T000/B000/XXXXXXXX'),
    startHttpReceiver('/v2/enqueue', [202]),
    startSmtpReceiver(),
  ]);
  gw = await startTestGateway({
    MESH_ALERT_EVAL_INTERVAL_S: String(INTERVAL_S),
    MESH_OUTBOUND_ALLOW: 'loopback',
    MESH_ALERT_RETRY_BASE_MS: '100',
  });
  await configureChannels(gw, {
    webhook: { url: webhook.url, secret: SECRET },
    slack: { webhookUrl: slack.url },
    pagerduty: { routingKey: ROUTING_KEY, endpoint: pagerduty.url },
    email: { host: smtp.host, port: smtp.port, from: 'alerts@mesh.example', to: ['oncall@shop.example', 'payments@shop.example'] },
  });
  ws = wsClient(gw.baseUrl, gw.apiKey);
  live = wsSubscribe(ws, 'alertEvents', `subscription { alertEvents { kind ruleId incidentId value } }`);
  sse = await sseSubscribe(gw.baseUrl, gw.apiKey, 'alertEvents', `subscription { alertEvents { kind ruleId } }`);
  strangers = [];
  for (const [org, env] of [
    ['another-org', 'live'],
    ['default', 'test'],
  ] as const) {
    const { key } = await gw.app.services.auth.createKey({ org, env, permissions: ['read'] });
    const client = wsClient(gw.baseUrl, key);
    strangerClients.push(client);
    strangers.push(wsSubscribe(client, 'alertEvents', `subscription { alertEvents { kind } }`));
  }
  await subscriptionsOpen(gw.app, 4);
});

afterAll(async () => {
  await Promise.all([live?.close(), sse?.close(), ...(strangers ?? []).map((s) => s.close())]);
  await Promise.all([ws?.dispose(), ...strangerClients.map((c) => c.dispose())]);
  await gw?.close();
  await Promise.all([webhook?.close(), slack?.close(), pagerduty?.close(), smtp?.close()]);
});

describe('an error-rate rule on payment-svc, end to end', () => {
  it('stays ok while payment-svc is healthy', async () => {
    await ingestRequests(gw, gw.apiKey, { service: SERVICE, total: 40, errors: 0 });
    const created = await rest<{ id: string; status: string }>(gw, 'POST', '/v1/alerts/rules', {
      body: {
        name: 'Payment service high error rate',
        condition: { metric: 'error_rate', service: SERVICE, operator: '>', threshold: 0.05, window: '1m' },
        channels: ['slack', 'pagerduty', 'webhook', 'email'],
        severity: 'critical',
      },
    });
    expect(created.status).toBe(201);
    ruleId = created.body.id;
    await expect.poll(async () => (await ruleState(gw, ruleId)).lastEvaluatedAt, { timeout: 5000 }).not.toBeNull();
    expect(await ruleState(gw, ruleId)).toMatchObject({ state: 'OK', lastValue: 0 });
    expect(webhook.requests.length + slack.requests.length + pagerduty.requests.length + smtp.messages.length).toBe(0);
  });

  it('fires within an evaluation interval once the error rate passes 5 %, notifying each channel exactly once', async () => {
    const pushed = Date.now();
    await ingestRequests(gw, gw.apiKey, { service: SERVICE, total: 10, errors: 10 });
    await webhook.waitForAccepted(1);
    // One interval to reach the next evaluation slot, plus delivery; generous for a loaded CI machine.
    expect(Date.now() - pushed).toBeLessThan(INTERVAL_S * 1000 + 4000);
    await expectExactly(1);
    expect(await ruleState(gw, ruleId)).toMatchObject({ state: 'FIRING', lastValue: 0.2 });
  });

  it('signs the webhook body with HMAC-SHA256 over the timestamp and the body', () => {
    const [request] = webhook.accepted;
    const timestamp = String(request!.headers['x-mesh-timestamp']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${request!.body}`).digest('hex')}`;
    expect(request!.headers['x-mesh-signature']).toBe(expected);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(request!.headers['content-type']).toBe('application/json');
    const body = json(request!);
    expect(body).toMatchObject({
      type: 'alert.firing',
      status: 'firing',
      org: 'default',
      env: 'live',
      rule: {
        id: ruleId,
        name: 'Payment service high error rate',
        severity: 'critical',
        condition: { metric: 'error_rate', service: SERVICE, operator: '>', threshold: 0.05, window: '1m', for: null },
      },
      incident: { resolved_at: null },
      value: 0.2,
    });
    expect(request!.headers['x-mesh-event-id']).toBe(body.id);
  });

  it('posts a Slack message with fallback text and blocks', () => {
    const body = json(slack.accepted[0]!);
    expect(body.text).toBe(`[FIRING] Payment service high error rate: ${SERVICE} error_rate is 20 % (error_rate > 5 % over 1m)`);
    const [attachment] = body.attachments as Record<string, any>[];
    expect(attachment!.color).toBe('#d62728');
    const blocks = attachment!.blocks as Record<string, any>[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(blocks[0]!.text).toEqual({ type: 'plain_text', text: 'FIRING: Payment service high error rate' });
    expect(blocks[1]!.fields).toContainEqual({ type: 'mrkdwn', text: `*Target*\n${SERVICE}` });
  });

  it('triggers a PagerDuty Events API v2 alert deduplicated per rule and incident', () => {
    const body = json(pagerduty.accepted[0]!);
    const webhookIncident = json(webhook.accepted[0]!).incident.id as string;
    expect(body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: `${ruleId}:${webhookIncident}`,
      payload: {
        severity: 'critical',
        source: SERVICE,
        component: SERVICE,
        class: 'error_rate',
        custom_details: { rule_id: ruleId, value: 0.2 },
      },
    });
    expect(body.payload.summary).toContain('[FIRING] Payment service high error rate');
    expect(Date.parse(body.payload.timestamp)).not.toBeNaN();
  });

  it('emails the configured recipients', () => {
    const [mail] = smtp.messages;
    expect(mail!.envelopeFrom).toBe('alerts@mesh.example');
    expect(mail!.envelopeTo).toEqual(['oncall@shop.example', 'payments@shop.example']);
    expect(mail!.subject).toBe('[FIRING] [critical] Payment service high error rate');
    expect(mail!.text).toContain('Payment service high error rate is FIRING.');
    expect(mail!.text).toContain(`Target:    ${SERVICE}`);
    expect(mail!.text).toContain('Observed:  error_rate = 20 %');
    expect(mail!.text).toContain(`Rule:      ${ruleId}`);
  });

  it('resolves once healthy traffic brings the rate under 5 %, notifying each channel exactly once more', async () => {
    await ingestRequests(gw, gw.apiKey, { service: SERVICE, total: 190, errors: 0 });
    await expectExactly(2);
    expect(await ruleState(gw, ruleId)).toMatchObject({ state: 'OK' });

    const firing = json(webhook.accepted[0]!);
    const resolved = json(webhook.accepted[1]!);
    expect(resolved).toMatchObject({
      type: 'alert.resolved',
      status: 'resolved',
      incident: { id: firing.incident.id, started_at: firing.incident.started_at },
    });
    expect(resolved.incident.resolved_at).toBe(resolved.occurred_at);
    // Healthy traffic arrives in several exports: the rule resolves at the first evaluation that sees ≤ 5 %.
    expect(resolved.value).toBeLessThanOrEqual(0.05);
    expect(resolved.value).toBeGreaterThanOrEqual(10 / 240);

    expect(json(pagerduty.accepted[1]!)).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: json(pagerduty.accepted[0]!).dedup_key,
      client: 'Mesh-Trace Gateway',
    });
    expect(json(slack.accepted[1]!).text).toMatch(
      /^\[RESOLVED\] Payment service high error rate: payment-svc error_rate is [\d.]+ % \(error_rate > 5 % over 1m\)$/,
    );
    expect(json(slack.accepted[1]!).attachments[0].color).toBe('#2ca02c');
    expect(smtp.messages[1]!.subject).toBe('[RESOLVED] [critical] Payment service high error rate');
    expect(smtp.messages[1]!.text).toContain('Payment service high error rate is RESOLVED.');
  });

  it('publishes both transitions on the alertEvents subscription, once each', async () => {
    const events = await live.waitFor(2);
    expect(events.map((e) => [e.kind, e.ruleId])).toEqual([
      ['FIRING', ruleId],
      ['RESOLVED', ruleId],
    ]);
    expect(events[0]!.incidentId).toBe(events[1]!.incidentId);
    expect(live.received).toHaveLength(2);
  });

  it('streams the same events over Server-Sent Events', async () => {
    expect((await sse.waitFor(2)).map((e) => [e.kind, e.ruleId])).toEqual([
      ['FIRING', ruleId],
      ['RESOLVED', ruleId],
    ]);
  });

  it("never sends them to another organization's or partition's subscribers", () => {
    expect(strangers.map((s) => [s.received.length, s.errors.length])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('keeps the history with every delivery attempt', async () => {
    const events: EventView[] = await eventsOf(gw, ruleId);
    expect(events.map((e) => e.kind)).toEqual(['FIRING', 'RESOLVED']);
    for (const event of events) {
      expect(event.deliveries.map((d) => [d.channel, d.attempt, d.status, d.error])).toEqual(
        expect.arrayContaining([
          ['WEBHOOK', 1, 'SUCCEEDED', null],
          ['SLACK', 1, 'SUCCEEDED', null],
          ['PAGERDUTY', 1, 'SUCCEEDED', null],
          ['EMAIL', 1, 'SUCCEEDED', null],
        ]),
      );
      expect(event.deliveries).toHaveLength(4);
      expect(event.notifications.map((n) => [n.channel, n.status, n.attempts, n.nextAttemptAt])).toEqual([
        ['WEBHOOK', 'DELIVERED', 1, null],
        ['SLACK', 'DELIVERED', 1, null],
        ['PAGERDUTY', 'DELIVERED', 1, null],
        ['EMAIL', 'DELIVERED', 1, null],
      ]);
    }
  });

  it('lists the history over GraphQL for read keys too, newest first', async () => {
    const { key } = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] });
    const { body } = await gw.graphql<{ alertEvents: { totalCount: number; edges: { node: { kind: string } }[] } }>(
      `{ alertEvents(first: 10) { totalCount edges { node { ${EVENT_FIELDS} } } } }`,
      {},
      key,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.alertEvents.totalCount).toBe(2);
    expect(body.data!.alertEvents.edges.map((e) => e.node.kind)).toEqual(['RESOLVED', 'FIRING']);
  });
});
