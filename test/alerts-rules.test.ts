import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from './helpers/alerts.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { rest, type ErrorBody } from './helpers/rest.js';

/**
 * Alert rules over REST (/v1/alerts/rules) and GraphQL: the documented create
 * request and 201 response, the other CRUD routes, validation with `param`,
 * the admin permission, tenant scoping, and the SSRF check of notification
 * channels when they are configured. No outbound range is allowed on this
 * gateway (MESH_OUTBOUND_ALLOW unset), as in production.
 */

interface InvalidCase {
  readonly case: string;
  readonly change: Record<string, unknown>;
  readonly param: string;
}
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/alert-rule-invalid-bodies.json', import.meta.url), 'utf8')) as {
  valid: Record<string, unknown> & { condition: Record<string, unknown> };
  cases: InvalidCase[];
};
const DOCUMENTED_REQUEST = FIXTURE.valid;

interface RuleJson {
  id: string;
  name: string;
  condition: Record<string, unknown>;
  channels: string[];
  severity: string;
  status: string;
  state: string;
  created_at: string;
  updated_at: string;
  last_evaluated_at: string | null;
}

let gw: TestGateway;
let readKey: string;
let otherOrgKey: string;

/** The valid body with a fixture change applied (null deletes a key; `condition` merges one level deep). */
function changed(change: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...DOCUMENTED_REQUEST, condition: { ...DOCUMENTED_REQUEST.condition } };
  for (const [key, value] of Object.entries(change)) {
    if (key === 'condition' && value !== null) {
      const condition = body.condition as Record<string, unknown>;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null) delete condition[k];
        else condition[k] = v;
      }
    } else if (value === null) delete body[key];
    else body[key] = value;
  }
  return body;
}

beforeAll(async () => {
  gw = await startTestGateway();
  readKey = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read', 'write'] })).key;
  otherOrgKey = (await gw.app.services.auth.createKey({ org: 'other-org', env: 'live', permissions: ['read', 'write', 'admin'] })).key;
});

afterAll(async () => {
  await gw?.close();
});

describe('POST /v1/alerts/rules', () => {
  it('creates the documented example and answers exactly the documented 201 body', async () => {
    const res = await rest<Record<string, unknown>>(gw, 'POST', '/v1/alerts/rules', { body: DOCUMENTED_REQUEST });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['created_at', 'id', 'name', 'status']);
    expect(res.body).toMatchObject({ name: 'Payment service high error rate', status: 'active' });
    expect(res.body.id).toMatch(/^alert_rule_[0-9a-f]{8}$/);
    expect(Math.abs(Date.parse(res.body.created_at as string) - Date.now())).toBeLessThan(60_000);
  });

  it('defaults the severity to warning and accepts an edge, a for-duration and every operator', async () => {
    for (const operator of ['>', '>=', '<', '<=', '==', '!=']) {
      const body = {
        name: `edge latency ${operator}`,
        condition: {
          metric: 'p99_latency_ms',
          edge: { source: 'order-svc', target: 'payment-svc' },
          operator,
          threshold: 250,
          window: '1h',
          for: '2m',
        },
        channels: ['webhook'],
      };
      const created = await rest<{ id: string }>(gw, 'POST', '/v1/alerts/rules', { body });
      expect(created.status).toBe(201);
      const rule = await rest<RuleJson>(gw, 'GET', `/v1/alerts/rules/${created.body.id}`);
      expect(rule.body).toMatchObject({ severity: 'warning', condition: { ...body.condition, for: '2m' } });
      expect(rule.body.condition).not.toHaveProperty('service');
    }
  });

  it.each(FIXTURE.cases)('refuses a body with $case: 400 naming $param', async ({ change, param }) => {
    const res = await rest<ErrorBody>(gw, 'POST', '/v1/alerts/rules', { body: changed(change) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param });
    expect(res.body.error.message).toContain(`'${param}'`);
    expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a body that is not JSON', async () => {
    const res = await rest<ErrorBody>(gw, 'POST', '/v1/alerts/rules', {
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('body');
  });

  it('requires the admin permission', async () => {
    const res = await rest<ErrorBody>(gw, 'POST', '/v1/alerts/rules', { key: readKey, body: DOCUMENTED_REQUEST });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await rest(gw, 'GET', '/v1/alerts/rules', { key: readKey })).status).toBe(403);
    expect((await rest(gw, 'POST', '/v1/alerts/rules', { key: null, body: DOCUMENTED_REQUEST })).status).toBe(401);
  });
});

describe('GET, PATCH and DELETE /v1/alerts/rules/{id}', () => {
  let id: string;

  beforeAll(async () => {
    id = (await rest<{ id: string }>(gw, 'POST', '/v1/alerts/rules', { body: { ...DOCUMENTED_REQUEST, name: 'crud subject' } })).body.id;
  });

  it('reads a rule with its condition, channels and evaluation state', async () => {
    const res = await rest<RuleJson>(gw, 'GET', `/v1/alerts/rules/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      name: 'crud subject',
      condition: { metric: 'error_rate', service: 'payment-svc', operator: '>', threshold: 0.05, window: '5m', for: null },
      channels: ['slack', 'pagerduty'],
      severity: 'critical',
      status: 'active',
      state: 'ok',
      created_at: res.body.created_at,
      updated_at: res.body.created_at,
      last_evaluated_at: null,
    });
  });

  it('lists the rules in creation order with the total', async () => {
    const res = await rest<{ rules: RuleJson[]; total: number }>(gw, 'GET', '/v1/alerts/rules');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.rules.length);
    expect(res.body.rules.map((r) => r.id)).toContain(id);
    const created = res.body.rules.map((r) => r.created_at);
    expect([...created].sort()).toEqual(created);
  });

  it('pages the list with limit and a Link header', async () => {
    const first = await rest<{ rules: RuleJson[]; total: number }>(gw, 'GET', '/v1/alerts/rules?limit=2');
    expect(first.body.rules).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const second = await rest<{ rules: RuleJson[] }>(gw, 'GET', next!);
    expect(second.body.rules[0]!.id).not.toBe(first.body.rules[1]!.id);
    expect((await rest<ErrorBody>(gw, 'GET', '/v1/alerts/rules?limit=0')).body.error.param).toBe('limit');
    expect((await rest<ErrorBody>(gw, 'GET', '/v1/alerts/rules?cursor=bm9wZQ')).body.error.param).toBe('cursor');
  });

  it('updates only the fields a PATCH names, merging condition fields', async () => {
    const res = await rest<RuleJson>(gw, 'PATCH', `/v1/alerts/rules/${id}`, {
      body: { name: 'renamed', condition: { window: '10m', for: '1m' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'renamed',
      severity: 'critical',
      channels: ['slack', 'pagerduty'],
      condition: { metric: 'error_rate', service: 'payment-svc', threshold: 0.05, window: '10m', for: '1m' },
    });
    expect(Date.parse(res.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(res.body.created_at));
  });

  it('retargets a rule to an edge and removes the for-duration with null', async () => {
    const res = await rest<RuleJson>(gw, 'PATCH', `/v1/alerts/rules/${id}`, {
      body: { condition: { edge: { source: 'api-gateway', target: 'payment-svc' }, for: null } },
    });
    expect(res.body.condition).toEqual({
      metric: 'error_rate',
      edge: { source: 'api-gateway', target: 'payment-svc' },
      operator: '>',
      threshold: 0.05,
      window: '10m',
      for: null,
    });
  });

  it('pauses and resumes a rule through its status', async () => {
    expect((await rest<RuleJson>(gw, 'PATCH', `/v1/alerts/rules/${id}`, { body: { status: 'paused' } })).body.status).toBe('paused');
    expect((await rest<RuleJson>(gw, 'PATCH', `/v1/alerts/rules/${id}`, { body: { status: 'active' } })).body.status).toBe('active');
  });

  it.each([
    [{ condition: { threshold: 2 } }, 'condition.threshold'],
    [{ condition: { window: null } }, 'condition.window'],
    [{ channels: [] }, 'channels'],
    [{ status: 'stopped' }, 'status'],
    [{ name: '' }, 'name'],
  ])('refuses the PATCH %j naming %s', async (body, param) => {
    const res = await rest<ErrorBody>(gw, 'PATCH', `/v1/alerts/rules/${id}`, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
  });

  it.each(['GET', 'PATCH', 'DELETE'])(
    '%s answers 404 for a well-formed id that names no rule, and for another organization',
    async (method) => {
      const body = method === 'PATCH' ? { name: 'x' } : undefined;
      const unknown = await rest<ErrorBody>(gw, method, '/v1/alerts/rules/alert_rule_00000000', { ...(body ? { body } : {}) });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({
        code: 'not_found',
        param: 'id',
        message: "Alert rule 'alert_rule_00000000' does not exist",
      });
      const other = await rest<ErrorBody>(gw, method, `/v1/alerts/rules/${id}`, { key: otherOrgKey, ...(body ? { body } : {}) });
      expect(other.status).toBe(404);
      expect((await rest<{ total: number }>(gw, 'GET', '/v1/alerts/rules', { key: otherOrgKey })).body.total).toBe(0);
    },
  );

  it('documents the id shape in the OpenAPI document, on every route of a rule', async () => {
    const doc = (await (await fetch(`${gw.baseUrl}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters: { name: string; in: string; schema: { pattern?: string } }[] }>>;
    };
    for (const method of ['get', 'patch', 'delete']) {
      const [param] = doc.paths['/v1/alerts/rules/{id}']![method]!.parameters;
      expect(param).toMatchObject({ name: 'id', in: 'path', schema: { pattern: '^alert_rule_[0-9a-f]{8}$' } });
    }
  });

  it.each(
    ['GET', 'PATCH', 'DELETE'].flatMap((method) =>
      ['rule-1', 'alert_rule_7F3A8B2E', 'alert_rule_7f3a8b2', `alert_rule_${'a'.repeat(80)}`].map((bad) => [method, bad]),
    ),
  )('%s answers 400 invalid_parameter on id for the malformed id %s, before reading the body', async (method, bad) => {
    // An invalid body too: the path is checked first, so the answer is about the id.
    const body = method === 'PATCH' ? { name: '' } : undefined;
    const res = await rest<ErrorBody>(gw, method, `/v1/alerts/rules/${bad}`, { ...(body ? { body } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_parameter',
      param: 'id',
      message: "Parameter 'id' must be an alert rule id (alert_rule_ followed by 8 hex digits)",
    });
  });

  it('deletes with 204 and no body; the rule is gone afterwards', async () => {
    const res = await fetch(`${gw.baseUrl}/v1/alerts/rules/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${gw.apiKey}` } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('content-length')).toBeNull();
    expect((await rest(gw, 'GET', `/v1/alerts/rules/${id}`)).status).toBe(404);
    expect((await rest(gw, 'DELETE', `/v1/alerts/rules/${id}`)).status).toBe(404);
  });
});

describe('alert rules over GraphQL', () => {
  const RULE = `id name status state severity channels condition { metric service edge { source target } operator threshold window windowSeconds for forSeconds }`;

  it('creates, pauses, resumes, lists and deletes a rule', async () => {
    const { createAlertRule: rule } = await gqlData<{
      createAlertRule: { id: string; status: string; severity: string; condition: Record<string, unknown> };
    }>(gw, `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { ${RULE} } }`, {
      input: {
        name: 'checkout p95',
        channels: ['EMAIL'],
        condition: { metric: 'P95_LATENCY_MS', service: 'checkout', operator: 'GTE', threshold: 800, window: '15m', for: '5m' },
      },
    });
    expect(rule).toMatchObject({
      status: 'ACTIVE',
      severity: 'WARNING',
      condition: { metric: 'P95_LATENCY_MS', operator: 'GTE', windowSeconds: 900, for: '5m', forSeconds: 300, edge: null },
    });
    const paused = await gqlData<{ pauseAlertRule: { status: string } }>(gw, `mutation($id: ID!) { pauseAlertRule(id: $id) { status } }`, {
      id: rule.id,
    });
    expect(paused.pauseAlertRule.status).toBe('PAUSED');
    const resumed = await gqlData<{ resumeAlertRule: { status: string } }>(
      gw,
      `mutation($id: ID!) { resumeAlertRule(id: $id) { status } }`,
      { id: rule.id },
    );
    expect(resumed.resumeAlertRule.status).toBe('ACTIVE');
    const updated = await gqlData<{ updateAlertRule: { severity: string; channels: string[] } }>(
      gw,
      `mutation($id: ID!, $input: UpdateAlertRuleInput!) { updateAlertRule(id: $id, input: $input) { severity channels } }`,
      { id: rule.id, input: { severity: 'INFO', channels: ['EMAIL', 'WEBHOOK'] } },
    );
    expect(updated.updateAlertRule).toEqual({ severity: 'INFO', channels: ['EMAIL', 'WEBHOOK'] });
    const list = await gqlData<{ alertRules: { totalCount: number; edges: { node: { id: string } }[] } }>(
      gw,
      `{ alertRules(first: 500) { totalCount edges { node { id } } } }`,
    );
    expect(list.alertRules.edges.map((e) => e.node.id)).toContain(rule.id);
    expect(list.alertRules.totalCount).toBe(list.alertRules.edges.length);
    expect(
      (await gqlData<{ deleteAlertRule: string }>(gw, `mutation($id: ID!) { deleteAlertRule(id: $id) }`, { id: rule.id })).deleteAlertRule,
    ).toBe(rule.id);
    expect((await gqlData<{ alertRule: null }>(gw, `query($id: ID!) { alertRule(id: $id) { id } }`, { id: rule.id })).alertRule).toBeNull();
  });

  it('reports validation errors with the same param as REST', async () => {
    const { body } = await gw.graphql(`mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id } }`, {
      input: {
        name: 'x',
        channels: ['SLACK'],
        condition: { metric: 'ERROR_RATE', service: 'a', operator: 'GT', threshold: 0.1, window: '2d' },
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'condition.window' });
  });

  it('keeps rules and channels to admin keys', async () => {
    for (const query of ['{ alertRules(first: 1) { totalCount } }', '{ alertChannels { kind } }']) {
      const { body } = await gw.graphql(query, {}, readKey);
      expect(body.errors?.[0]?.extensions?.code).toBe('forbidden');
    }
  });
});

describe('notification channels', () => {
  const WEBHOOK = `mutation($input: ConfigureWebhookChannelInput!) { configureWebhookChannel(input: $input) { kind url updatedAt } }`;

  it.each([
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', /link-local or cloud metadata address/],
    ['http://10.0.0.1/hook', /private-network address/],
    ['http://[::ffff:10.0.0.1]/hook', /private-network address/],
    ['http://192.168.1.20:8080/hook', /private-network address/],
    ['http://127.0.0.1:9000/hook', /loopback address/],
    ['http://[::1]/hook', /loopback address/],
    ['http://100.64.1.1/hook', /carrier-grade NAT address/],
    ['http://0.0.0.0/hook', /reserved or non-unicast address/],
    ['ftp://93.184.216.34/hook', /http or https URL/],
    ['not a url', /absolute http or https URL/],
  ])('refuses the webhook URL %s when it is configured: 400 on url', async (url, why) => {
    const { body } = await gw.graphql(WEBHOOK, { input: { url, secret: 'whsec_0123456789abcdef' } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'url' });
    expect(body.errors?.[0]?.message).toMatch(why);
  });

  it('refuses private targets for every kind of channel, naming the parameter', async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['configureSlackChannel', 'ConfigureSlackChannelInput', { webhookUrl: 'http://10.1.2.3/services/T/B/X' }, 'webhookUrl'],
      [
        'configurePagerDutyChannel',
        'ConfigurePagerDutyChannelInput',
        { routingKey: 'abc123', endpoint: 'http://169.254.169.254/v2/enqueue' },
        'endpoint',
      ],
      [
        'configureEmailChannel',
        'ConfigureEmailChannelInput',
        { host: '10.0.0.1', port: 25, from: 'a@b.example', to: ['c@d.example'] },
        'host',
      ],
      [
        'configureEmailChannel',
        'ConfigureEmailChannelInput',
        { host: '127.0.0.1', port: 25, from: 'a@b.example', to: ['c@d.example'] },
        'host',
      ],
    ];
    for (const [field, type, input, param] of cases) {
      const { body } = await gw.graphql(`mutation($input: ${type}!) { ${field}(input: $input) { kind } }`, { input });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'invalid_parameter', param });
    }
  });

  it('validates secrets, keys and addresses', async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['configureWebhookChannel', 'ConfigureWebhookChannelInput', { url: 'https://93.184.216.34/hook', secret: 'short' }, 'secret'],
      ['configurePagerDutyChannel', 'ConfigurePagerDutyChannelInput', { routingKey: 'not a key!' }, 'routingKey'],
      [
        'configureEmailChannel',
        'ConfigureEmailChannelInput',
        { host: '93.184.216.34', port: 70000, from: 'a@b.example', to: ['c@d.example'] },
        'port',
      ],
      [
        'configureEmailChannel',
        'ConfigureEmailChannelInput',
        { host: '93.184.216.34', port: 25, from: 'nobody', to: ['c@d.example'] },
        'from',
      ],
      [
        'configureEmailChannel',
        'ConfigureEmailChannelInput',
        { host: '93.184.216.34', port: 25, from: 'a@b.example', to: ['c@d.example', 'x y'] },
        'to.1',
      ],
      ['configureEmailChannel', 'ConfigureEmailChannelInput', { host: '93.184.216.34', port: 25, from: 'a@b.example', to: [] }, 'to'],
    ];
    for (const [field, type, input, param] of cases) {
      const { body } = await gw.graphql(`mutation($input: ${type}!) { ${field}(input: $input) { kind } }`, { input });
      expect(body.errors?.[0]?.extensions, `${field} ${param}`).toMatchObject({ code: 'invalid_parameter', param });
    }
  });

  it('stores a public webhook and never shows its secret', async () => {
    const data = await gqlData<{ configureWebhookChannel: { kind: string; url: string } }>(gw, WEBHOOK, {
      input: { url: 'https://93.184.216.34/hooks/mesh', secret: 'whsec_0123456789abcdef' },
    });
    expect(data.configureWebhookChannel).toMatchObject({ kind: 'WEBHOOK', url: 'https://93.184.216.34/hooks/mesh' });
    await gqlData(gw, `mutation($input: ConfigurePagerDutyChannelInput!) { configurePagerDutyChannel(input: $input) { kind } }`, {
      input: { routingKey: 'R0UT1NGKEY0123456789abcdefABCDEF' },
    });
    const { body } = await gw.graphql(
      `{ alertChannels { kind updatedAt ... on PagerDutyAlertChannel { endpoint routingKeyHint } ... on WebhookAlertChannel { url } } }`,
    );
    expect(JSON.stringify(body)).not.toContain('whsec_0123456789abcdef');
    expect(JSON.stringify(body)).not.toContain('R0UT1NGKEY0123456789abcdefABCDEF');
    expect((body.data as { alertChannels: unknown[] }).alertChannels).toEqual([
      { kind: 'PAGERDUTY', updatedAt: expect.any(String), endpoint: 'https://events.pagerduty.com/v2/enqueue', routingKeyHint: '…CDEF' },
      { kind: 'WEBHOOK', updatedAt: expect.any(String), url: 'https://93.184.216.34/hooks/mesh' },
    ]);
    const removed = await gqlData<{ deleteAlertChannel: string }>(gw, `mutation { deleteAlertChannel(kind: PAGERDUTY) }`);
    expect(removed.deleteAlertChannel).toBe('PAGERDUTY');
    const { body: again } = await gw.graphql(`mutation { deleteAlertChannel(kind: PAGERDUTY) }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('not_found');
  });
});
