import { expect } from 'vitest';
import type { GatewayPeer } from './gateway.js';
import { postOtlpJson, type SimpleSpan } from './otlp.js';

/** What the alerting helpers need of a gateway (a TestGateway, or a second instance over its database). */
export type GatewayClient = Pick<GatewayPeer, 'baseUrl' | 'graphql'>;

/** GraphQL data, failing the test on any error. */
export async function gqlData<T>(gw: GatewayClient, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> {
  const { body } = await gw.graphql<T>(query, variables, key);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

export interface ChannelSetup {
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly slack?: { readonly webhookUrl: string };
  readonly pagerduty?: { readonly routingKey: string; readonly endpoint: string };
  readonly email?: { readonly host: string; readonly port: number; readonly from: string; readonly to: readonly string[] };
}

/** Configures the organization's channels through the public GraphQL mutations. */
export async function configureChannels(gw: GatewayClient, setup: ChannelSetup, key?: string): Promise<void> {
  const mutations: [string, string, unknown][] = [];
  if (setup.webhook) mutations.push(['configureWebhookChannel', 'ConfigureWebhookChannelInput', setup.webhook]);
  if (setup.slack) mutations.push(['configureSlackChannel', 'ConfigureSlackChannelInput', setup.slack]);
  if (setup.pagerduty) mutations.push(['configurePagerDutyChannel', 'ConfigurePagerDutyChannelInput', setup.pagerduty]);
  if (setup.email) mutations.push(['configureEmailChannel', 'ConfigureEmailChannelInput', setup.email]);
  for (const [field, type, input] of mutations) {
    await gqlData(gw, `mutation($input: ${type}!) { ${field}(input: $input) { kind } }`, { input }, key);
  }
}

const INGEST_BATCH = 50;

/**
 * `total` requests served by `service` (server spans, each its own trace),
 * the first `errors` of them failed, all started `agoMs` ago: one OTLP
 * export through the real ingest endpoint.
 */
export async function ingestRequests(
  gw: Pick<GatewayClient, 'baseUrl'>,
  apiKey: string,
  options: { service: string; total: number; errors: number; agoMs?: number; durationMs?: number },
): Promise<void> {
  const startMs = Date.now() - (options.agoMs ?? 1000);
  const spans: SimpleSpan[] = Array.from({ length: options.total }, (_, i) => ({
    service: options.service,
    name: 'POST /api/payments',
    kind: 2,
    startMs: startMs + i,
    durationMs: options.durationMs ?? 20,
    statusCode: i < options.errors ? 2 : 1,
  }));
  // Modest batches: the test store (mongo-java-server) is slow, and the gateway bounds each store operation.
  for (let i = 0; i < spans.length; i += INGEST_BATCH) {
    const res = await postOtlpJson(gw.baseUrl, apiKey, spans.slice(i, i + INGEST_BATCH));
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

export interface EventView {
  readonly id: string;
  readonly kind: 'FIRING' | 'RESOLVED';
  readonly incidentId: string;
  readonly value: number | null;
  readonly deliveries: readonly { channel: string; attempt: number; status: string; error: string | null; at: string }[];
  readonly notifications: readonly { channel: string; status: string; attempts: number; nextAttemptAt: string | null }[];
}

export const EVENT_FIELDS = `id kind incidentId value ruleId ruleName severity at firedAt
  deliveries { channel attempt status error at }
  notifications { channel status attempts nextAttemptAt }`;

/** The rule's events, oldest first. */
export async function eventsOf(gw: GatewayClient, ruleId: string): Promise<EventView[]> {
  const data = await gqlData<{ alertEvents: { edges: { node: EventView }[] } }>(
    gw,
    `query($ruleId: ID) { alertEvents(ruleId: $ruleId, first: 100) { edges { node { ${EVENT_FIELDS} } } } }`,
    { ruleId },
  );
  return data.alertEvents.edges.map((e) => e.node).reverse();
}

export async function ruleState(
  gw: GatewayClient,
  id: string,
): Promise<{ state: string; lastEvaluatedAt: string | null; lastValue: number | null }> {
  const data = await gqlData<{ alertRule: { state: string; lastEvaluatedAt: string | null; lastValue: number | null } }>(
    gw,
    `query($id: ID!) { alertRule(id: $id) { state lastEvaluatedAt lastValue } }`,
    { id },
  );
  return data.alertRule;
}
