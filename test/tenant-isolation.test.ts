import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { reportHeartbeat } from './helpers/nodes.js';
import { hex, postOtlpJson } from './helpers/otlp.js';
import { rest } from './helpers/rest.js';
import { wsClient, wsSubscribe } from './helpers/subscriptions.js';

/**
 * Two organizations, each with a live and a sandbox partition: four tenants
 * that share one gateway and one database. Every tenant writes the same kinds
 * of data — including a trace id and a node id that all four use — and every
 * read path (each GraphQL root field, each subscription, each REST route) is
 * asked, with each tenant's key, for every other tenant's ids, cursors and
 * names. The answer is always "nothing" (null, empty, 404, or an invalid
 * cursor), never the other tenant's data.
 */
const TENANTS = [
  { org: 'iso-a', env: 'live' },
  { org: 'iso-a', env: 'test' },
  { org: 'iso-b', env: 'live' },
  { org: 'iso-b', env: 'test' },
] as const;
type TenantName = `${(typeof TENANTS)[number]['org']}/${(typeof TENANTS)[number]['env']}`;

interface TenantData {
  readonly name: TenantName;
  readonly env: 'live' | 'test';
  readonly key: string;
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly node: string;
  readonly cluster: string;
  /** A cursor from this tenant's own first page of traces. */
  traceCursor: string;
  restCursor: string;
  alertRuleId: string;
  /** A trace sent just before this tenant's node reported drops: its completeness names that node. */
  readonly freshTraceId: string;
  /** What this tenant's node reports dropping in the set-up. */
  readonly dropped: number;
}

/** Ids every tenant uses at once: the partitions must keep them apart. */
const SHARED_TRACE = hex(16);
const SHARED_NODE = 'node-shared-01';
/** Traces each tenant ingests in the set-up: its own, the shared id, a second one, a failed one and a fresh one. */
const OWN_TRACES = 5;

let gw: TestGateway;
const tenants: TenantData[] = [];
const from = new Date(Date.now() - 60 * 60_000).toISOString();
const to = new Date(Date.now() + 60_000).toISOString();

async function gql<T>(key: string, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await gw.graphql<T>(query, variables, key);
  return body;
}

beforeAll(async () => {
  // Alert channels are checked against the SSRF guard when configured; the tenants' SMTP servers are on loopback.
  gw = await startTestGateway({ MESH_OUTBOUND_ALLOW: 'loopback' });
  for (const [index, { org, env }] of TENANTS.entries()) {
    const slug = `${org}-${env}`;
    const { key } = await gw.app.services.auth.createKey({ org, env, permissions: ['read', 'write', 'admin'], name: `isolation ${slug}` });
    const tenant: TenantData = {
      name: `${org}/${env}`,
      env,
      key,
      service: `svc-${slug}`,
      traceId: hex(16),
      spanId: hex(8),
      node: `node-${slug}`,
      cluster: `cluster-${slug}`,
      traceCursor: '',
      restCursor: '',
      alertRuleId: '',
      freshTraceId: hex(16),
      dropped: (index + 1) * 10,
    };
    const now = Date.now() - 5 * 60_000;
    const ingested = await postOtlpJson(gw.baseUrl, key, [
      {
        traceId: tenant.traceId,
        spanId: tenant.spanId,
        service: tenant.service,
        name: `op-${slug}`,
        startMs: now,
        durationMs: 40,
        kind: 2,
      },
      {
        traceId: tenant.traceId,
        parentSpanId: tenant.spanId,
        service: tenant.service,
        name: `db-${slug}`,
        startMs: now + 1,
        durationMs: 10,
        kind: 3,
        attributes: { 'db.system': 'postgresql', 'peer.service': `db-${slug}` },
      },
      { traceId: SHARED_TRACE, service: tenant.service, name: `shared-${slug}`, startMs: now + 2, durationMs: 20 },
      { traceId: hex(16), service: tenant.service, name: `second-${slug}`, startMs: now + 3, durationMs: 20 },
    ]);
    expect(ingested.status).toBe(200);
    expect((await postErrorSpan(key, tenant.service, `${slug}Error`)).status).toBe(200);
    await reportHeartbeat(gw, tenant.node, { cluster: tenant.cluster }, key);
    expect(
      (await postOtlpJson(gw.baseUrl, key, [{ traceId: tenant.freshTraceId, service: tenant.service, startMs: Date.now(), durationMs: 5 }]))
        .status,
    ).toBe(200);
    await reportHeartbeat(gw, SHARED_NODE, { cluster: tenant.cluster }, key);
    // Each tenant's node reports a different number of dropped spans, counted since its heartbeat before the fresh trace.
    await reportHeartbeat(gw, tenant.node, { cluster: tenant.cluster, droppedSpansTotal: String(tenant.dropped) }, key);
    tenant.alertRuleId = await setUpAlerting(key, slug, tenant.service, smtpPort(index));
    tenants.push(tenant);
  }
  for (const t of tenants) {
    const page = await gql<{ traces: { pageInfo: { endCursor: string } } }>(t.key, `{ traces(first: 1) { pageInfo { endCursor } } }`);
    t.traceCursor = page.data!.traces.pageInfo.endCursor;
    const restPage = await rest<{ next_cursor: string }>(gw, 'GET', `/v1/traces?limit=1&start_time=${from}&end_time=${to}`, { key: t.key });
    t.restCursor = restPage.body.next_cursor;
  }
});

afterAll(async () => {
  await gw.close();
});

/** One failed span with an exception event: an issue (fingerprinted) of this tenant's service. */
function postErrorSpan(key: string, service: string, exceptionType: string): Promise<Response> {
  const startNs = BigInt(Date.now() - 4 * 60_000) * 1_000_000n;
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: hex(16),
                spanId: hex(8),
                name: 'failing',
                kind: 2,
                startTimeUnixNano: String(startNs),
                endTimeUnixNano: String(startNs + 5_000_000n),
                status: { code: 2 },
                events: [
                  {
                    name: 'exception',
                    timeUnixNano: String(startNs),
                    attributes: [
                      { key: 'exception.type', value: { stringValue: exceptionType } },
                      { key: 'exception.message', value: { stringValue: `${exceptionType} happened` } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
  return fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

/** Each tenant's email channel points at its own (never contacted) SMTP port. */
const smtpPort = (tenantIndex: number) => 2525 + tenantIndex;

/** An email channel and an alert rule of this tenant; returns the rule id. */
async function setUpAlerting(key: string, slug: string, service: string, port: number): Promise<string> {
  const channel = await gql(key, `mutation($input: ConfigureEmailChannelInput!) { configureEmailChannel(input: $input) { kind } }`, {
    input: { from: `alerts@${slug}.example`, host: '127.0.0.1', port, to: [`ops@${slug}.example`] },
  });
  expect(channel.errors).toBeUndefined();
  const rule = await gql<{ createAlertRule: { id: string } }>(
    key,
    `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id } }`,
    {
      input: {
        name: `rule-${slug}`,
        channels: ['EMAIL'],
        condition: { metric: 'ERROR_RATE', operator: 'GT', threshold: 0.5, window: '5m', service },
      },
    },
  );
  expect(rule.errors).toBeUndefined();
  return rule.data!.createAlertRule.id;
}

/** Every (viewer, owner) pair of distinct tenants. */
const PAIRS = TENANTS.flatMap((_, v) => TENANTS.map((__, o) => [v, o] as const)).filter(([v, o]) => v !== o);
const pairName = ([v, o]: readonly [number, number]) =>
  `${TENANTS[v]!.org}/${TENANTS[v]!.env} asking for ${TENANTS[o]!.org}/${TENANTS[o]!.env}'s data`;

/**
 * One row per read path: given the viewer and the owner of the data, assert
 * the viewer learns nothing of it. Each row also checks that the viewer does
 * see its own data through the same path, so "nothing" is not an artefact.
 */
const READ_PATHS: readonly { path: string; check: (viewer: TenantData, owner: TenantData) => Promise<void> }[] = [
  {
    path: 'Query.trace',
    async check(viewer, owner) {
      const q = `query($id: String!) { trace(traceId: $id) { traceId services spanCount } }`;
      expect((await gql(viewer.key, q, { id: owner.traceId })).data).toEqual({ trace: null });
      expect((await gql(viewer.key, q, { id: viewer.traceId })).data).toEqual({
        trace: { traceId: viewer.traceId, services: [viewer.service], spanCount: 2 },
      });
      // The id all tenants used resolves to the viewer's own trace only.
      expect((await gql(viewer.key, q, { id: SHARED_TRACE })).data).toEqual({
        trace: { traceId: SHARED_TRACE, services: [viewer.service], spanCount: 1 },
      });
    },
  },
  {
    path: 'Query.span',
    async check(viewer, owner) {
      const q = `query($t: String!, $s: String!) { span(traceId: $t, spanId: $s) { spanId serviceName trace { traceId } } }`;
      expect((await gql(viewer.key, q, { t: owner.traceId, s: owner.spanId })).data).toEqual({ span: null });
      expect((await gql(viewer.key, q, { t: viewer.traceId, s: viewer.spanId })).data).toMatchObject({
        span: { serviceName: viewer.service },
      });
    },
  },
  {
    path: 'Query.traces',
    async check(viewer, owner) {
      const q = `query($filter: TraceFilter, $after: String) {
        traces(first: 100, filter: $filter, after: $after) { totalCount edges { node { traceId services spans { serviceName } } } }
      }`;
      const all = await gql<{
        traces: { totalCount: number; edges: { node: { traceId: string; services: string[]; spans: { serviceName: string }[] } }[] };
      }>(viewer.key, q, { filter: { from, to } });
      expect(all.data!.traces.totalCount).toBe(OWN_TRACES);
      const services = all.data!.traces.edges.flatMap((e) => [...e.node.services, ...e.node.spans.map((s) => s.serviceName)]);
      expect(new Set(services)).toEqual(new Set([viewer.service]));
      for (const filter of [
        { from, to, traceId: owner.traceId },
        { from, to, service: owner.service },
        { from, to, spanName: `op-${owner.name.replace('/', '-')}` },
      ]) {
        expect((await gql<{ traces: { totalCount: number } }>(viewer.key, q, { filter })).data!.traces.totalCount).toBe(0);
      }
      const stolen = await gql(viewer.key, q, { filter: { from, to }, after: owner.traceCursor });
      expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'after' });
    },
  },
  {
    path: 'Query.tracePage',
    async check(viewer, owner) {
      const q = `query($filter: TraceFilter!) { tracePage(filter: $filter, perPage: 100) { results { traceId services } } }`;
      const mine = await gql<{ tracePage: { results: { services: string[] }[] } }>(viewer.key, q, { filter: { from, to } });
      expect(mine.errors).toBeUndefined();
      expect(new Set(mine.data!.tracePage.results.flatMap((t) => t.services))).toEqual(new Set([viewer.service]));
      const theirs = await gql<{ tracePage: { results: unknown[] } }>(viewer.key, q, { filter: { from, to, service: owner.service } });
      expect(theirs.data!.tracePage.results).toEqual([]);
    },
  },
  {
    path: 'Query.issues',
    async check(viewer, owner) {
      const q = `query($service: String) { issues(from: "${from}", to: "${to}", service: $service) { exceptionType services sampleTraceId } }`;
      const mine = await gql<{ issues: { exceptionType: string; services: string[] }[] }>(viewer.key, q);
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.issues.map((i) => i.exceptionType)).toEqual([`${viewer.name.replace('/', '-')}Error`]);
      expect((await gql(viewer.key, q, { service: owner.service })).data).toEqual({ issues: [] });
    },
  },
  {
    path: 'Query.compareTraces, Trace.criticalPath, Trace.completeness',
    async check(viewer, owner) {
      const q = `query($a: String!, $b: String!) { compareTraces(a: $a, b: $b) { a { traceId services } nodes { serviceName } } }`;
      const theirsA = await gql(viewer.key, q, { a: owner.traceId, b: viewer.traceId });
      expect(theirsA.data ?? null).toBeNull();
      expect(theirsA.errors?.[0]?.extensions).toMatchObject({ code: 'not_found', param: 'a' });
      const theirsB = await gql(viewer.key, q, { a: viewer.traceId, b: owner.traceId });
      expect(theirsB.errors?.[0]?.extensions).toMatchObject({ code: 'not_found', param: 'b' });
      // The id all tenants used compares the viewer's own trace.
      const shared = await gql<{ compareTraces: { a: { services: string[] }; nodes: { serviceName: string }[] } }>(viewer.key, q, {
        a: SHARED_TRACE,
        b: viewer.traceId,
      });
      expect(shared.data!.compareTraces.a.services).toEqual([viewer.service]);
      expect(new Set(shared.data!.compareTraces.nodes.map((n) => n.serviceName))).toEqual(new Set([viewer.service]));
      const analysis = `query($id: String!) { trace(traceId: $id) { criticalPath { span { serviceName } } completeness { status droppedSpans reports { nodeId cluster droppedSpans } } } }`;
      expect((await gql(viewer.key, analysis, { id: owner.freshTraceId })).data).toEqual({ trace: null });
      const mine = await gql<{ trace: { criticalPath: { span: { serviceName: string } }[]; completeness: unknown } }>(
        viewer.key,
        analysis,
        { id: viewer.freshTraceId },
      );
      expect(mine.data!.trace.criticalPath.map((e) => e.span.serviceName)).toEqual([viewer.service]);
      // The trace names no cluster, so every cluster's nodes count: only the viewer's own node, with its own figure.
      expect(mine.data!.trace.completeness).toEqual({
        status: 'DROPS_REPORTED',
        droppedSpans: String(viewer.dropped),
        reports: [{ nodeId: viewer.node, cluster: viewer.cluster, droppedSpans: String(viewer.dropped) }],
      });
    },
  },
  {
    path: 'Query.alertRules / Query.alertRule / Query.alertEvents / Query.alertChannels',
    async check(viewer, owner) {
      const rules = await gql<{ alertRules: { edges: { node: { id: string } }[] } }>(
        viewer.key,
        `{ alertRules(first: 50) { edges { node { id } } } }`,
      );
      expect(rules.data!.alertRules.edges.map((e) => e.node.id)).toEqual([viewer.alertRuleId]);
      const one = `query($id: ID!) { alertRule(id: $id) { id name } }`;
      expect((await gql(viewer.key, one, { id: owner.alertRuleId })).data).toEqual({ alertRule: null });
      const events = await gql<{ alertEvents: { totalCount: number } }>(
        viewer.key,
        `query($id: ID) { alertEvents(first: 10, ruleId: $id) { totalCount } }`,
        { id: owner.alertRuleId },
      );
      expect(events.data?.alertEvents.totalCount ?? 0).toBe(0);
      const channels = await gql<{ alertChannels: { kind: string; port?: number }[] }>(
        viewer.key,
        `{ alertChannels { kind ... on EmailAlertChannel { port } } }`,
      );
      expect(channels.data!.alertChannels).toEqual([{ kind: 'EMAIL', port: smtpPort(tenants.indexOf(viewer)) }]);
    },
  },
  {
    path: 'Query.searchTraces',
    async check(viewer, owner) {
      const q = `query($query: String!, $after: String) { searchTraces(query: $query, from: "${from}", to: "${to}", first: 50, after: $after) { totalCount edges { cursor node { traceId services } } } }`;
      const theirs = await gql<{ searchTraces: { totalCount: number } }>(viewer.key, q, { query: `service.name = "${owner.service}"` });
      expect(theirs.data!.searchTraces.totalCount).toBe(0);
      const mine = await gql<{ searchTraces: { edges: { cursor: string; node: { services: string[] } }[] } }>(viewer.key, q, {
        query: `service.name = "${viewer.service}"`,
      });
      expect(mine.data!.searchTraces.edges).toHaveLength(OWN_TRACES);
      // A cursor from the owner's own search is no position in the viewer's.
      const ownerPage = await gql<{ searchTraces: { edges: { cursor: string }[] } }>(owner.key, q, {
        query: `service.name = "${owner.service}"`,
      });
      const stolen = await gql(viewer.key, q, {
        query: `service.name = "${owner.service}"`,
        after: ownerPage.data!.searchTraces.edges[0]!.cursor,
      });
      expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter' });
    },
  },
  {
    path: 'Query.services / Query.service',
    async check(viewer, owner) {
      const list = await gql<{ services: { services: { name: string }[] } }>(
        viewer.key,
        `{ services(from: "${from}", to: "${to}") { services { name } } }`,
      );
      expect(list.errors).toBeUndefined();
      expect(list.data!.services.services.map((s) => s.name)).toEqual([viewer.service]);
      const one = `query($name: String!) { service(name: $name, from: "${from}", to: "${to}") { name requestCount } }`;
      expect((await gql(viewer.key, one, { name: owner.service })).data).toEqual({ service: null });
      expect((await gql<{ service: { name: string } }>(viewer.key, one, { name: viewer.service })).data!.service.name).toBe(viewer.service);
    },
  },
  {
    path: 'Query.topology',
    async check(viewer, owner) {
      const body = await gql<{ topology: { nodes: { id: string }[]; edges: { source: string; target: string }[] } }>(
        viewer.key,
        `{ topology(from: "${from}", to: "${to}") { nodes { id } edges { source target } } }`,
      );
      expect(body.errors).toBeUndefined();
      const ids = body.data!.topology.nodes.map((n) => n.id);
      expect(ids).toContain(viewer.service);
      expect(ids.some((id) => id.includes(owner.name.replace('/', '-')))).toBe(false);
    },
  },
  {
    path: 'Query.nodes / Query.node',
    async check(viewer, owner) {
      const list = await gql<{ nodes: { edges: { node: { nodeId: string; cluster: string } }[] } }>(
        viewer.key,
        `{ nodes(first: 50) { edges { node { nodeId cluster } } } }`,
      );
      expect(list.data!.nodes.edges.map((e) => e.node).sort((a, b) => a.nodeId.localeCompare(b.nodeId))).toEqual(
        [
          { nodeId: viewer.node, cluster: viewer.cluster },
          { nodeId: SHARED_NODE, cluster: viewer.cluster },
        ].sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
      );
      const one = `query($id: String!) { node(nodeId: $id) { nodeId cluster } }`;
      expect((await gql(viewer.key, one, { id: owner.node })).data).toEqual({ node: null });
      expect((await gql(viewer.key, one, { id: SHARED_NODE })).data).toEqual({ node: { nodeId: SHARED_NODE, cluster: viewer.cluster } });
    },
  },
  {
    path: 'Query.apiKeys',
    async check(viewer, owner) {
      const body = await gql<{ apiKeys: { name: string; env: string }[] }>(viewer.key, `{ apiKeys { name env } }`);
      const names = body.data!.apiKeys.map((k) => k.name);
      expect(names).toContain(`isolation ${viewer.name.replace('/', '-')}`);
      const sameOrg = viewer.name.split('/')[0] === owner.name.split('/')[0];
      // Keys are the organization's: a live admin key manages both partitions' keys, a sandbox one only sandbox keys.
      const visible = sameOrg && viewer.env === 'live';
      expect(names.includes(`isolation ${owner.name.replace('/', '-')}`)).toBe(visible);
      if (viewer.env === 'test') expect(body.data!.apiKeys.every((k) => k.env === 'TEST')).toBe(true);
    },
  },
  {
    path: 'Query.organization',
    async check(viewer) {
      // The caller's own organization only, whatever the owner's settings.
      const body = await gql<{ organization: { id: string; ipAllowList: string[] } }>(viewer.key, `{ organization { id ipAllowList } }`);
      expect(body.data!.organization).toEqual({ id: viewer.name.split('/')[0], ipAllowList: [] });
    },
  },
  {
    path: 'Query.tracesByIds',
    async check(viewer, owner) {
      const q = `query($ids: [String!]!) { tracesByIds(traceIds: $ids) { traceId services } }`;
      expect((await gql(viewer.key, q, { ids: [owner.traceId, SHARED_TRACE, viewer.traceId] })).data).toEqual({
        tracesByIds: [null, { traceId: SHARED_TRACE, services: [viewer.service] }, { traceId: viewer.traceId, services: [viewer.service] }],
      });
    },
  },
  {
    path: 'Query.spanAttributeKeys / Query.spanFieldValues',
    async check(viewer, owner) {
      const q = `query($from: DateTime!, $to: DateTime!) {
        keys: spanAttributeKeys(scope: SPAN, from: $from, to: $to)
        services: spanFieldValues(field: "service.name", from: $from, to: $to) { ... on StringValue { stringValue } }
        peers: spanFieldValues(field: "peer.service", from: $from, to: $to) { ... on StringValue { stringValue } }
        theirs: spanFieldValues(field: "name", where: "service.name = \\"${owner.service}\\"", from: $from, to: $to) { __typename }
      }`;
      const body = await gql<{ keys: string[]; services: { stringValue: string }[]; peers: { stringValue: string }[]; theirs: unknown[] }>(
        viewer.key,
        q,
        { from, to },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.keys).toEqual(['db.system', 'peer.service']);
      expect(body.data!.services).toEqual([{ stringValue: viewer.service }]);
      expect(body.data!.peers).toEqual([{ stringValue: `db-${viewer.name.replace('/', '-')}` }]);
      expect(body.data!.theirs).toEqual([]);
    },
  },
  {
    path: 'Jaeger /api/services, /api/traces/{traceID}, /api/operations and Tempo /tempo/api/v2/search/tag/{tag}/values',
    async check(viewer, owner) {
      const services = await rest<{ data: string[] }>(gw, 'GET', '/api/services', { key: viewer.key });
      expect(services.body.data).toEqual([viewer.service]);
      expect((await rest(gw, 'GET', `/api/traces/${owner.traceId}`, { key: viewer.key })).status).toBe(404);
      expect((await rest(gw, 'GET', `/api/operations?service=${owner.service}`, { key: viewer.key })).body).toMatchObject({
        data: [],
        total: 0,
      });
      const shared = await rest<{ data: { processes: Record<string, { serviceName: string }> }[] }>(
        gw,
        'GET',
        `/api/traces/${SHARED_TRACE}`,
        { key: viewer.key },
      );
      expect(Object.values(shared.body.data[0]!.processes).map((p) => p.serviceName)).toEqual([viewer.service]);
      const values = await rest<{ tagValues: { value: string }[] }>(gw, 'GET', '/tempo/api/v2/search/tag/resource.service.name/values', {
        key: viewer.key,
      });
      expect(values.body.tagValues.map((v) => v.value)).toEqual([viewer.service]);
      const theirs = await fetch(`${gw.baseUrl}/tempo/api/v2/traces/${owner.traceId}`, {
        headers: { authorization: `Bearer ${viewer.key}` },
      });
      expect([theirs.status, await theirs.text()]).toEqual([404, 'trace not found\n']);
    },
  },
  {
    path: 'GET /v1/traces and /v1/traces/{trace_id}',
    async check(viewer, owner) {
      const list = await rest<{ traces: { trace_id: string; services: string[] }[] }>(
        gw,
        'GET',
        `/v1/traces?limit=200&start_time=${from}&end_time=${to}`,
        { key: viewer.key },
      );
      expect(list.status).toBe(200);
      expect(new Set(list.body.traces.flatMap((t) => t.services))).toEqual(new Set([viewer.service]));
      expect(
        (await rest(gw, 'GET', `/v1/traces?service=${owner.service}&start_time=${from}&end_time=${to}`, { key: viewer.key })).body,
      ).toMatchObject({ traces: [] });
      expect((await rest(gw, 'GET', `/v1/traces/${owner.traceId}`, { key: viewer.key })).status).toBe(404);
      const shared = await rest<{ spans: { service_name: string }[] }>(gw, 'GET', `/v1/traces/${SHARED_TRACE}`, { key: viewer.key });
      expect(shared.body.spans.map((s) => s.service_name)).toEqual([viewer.service]);
      const stolen = await rest<{ error: { code: string; param: string } }>(gw, 'GET', `/v1/traces?cursor=${owner.restCursor}`, {
        key: viewer.key,
      });
      expect(stolen.status).toBe(400);
      expect(stolen.body.error).toMatchObject({ code: 'invalid_parameter', param: 'cursor' });
    },
  },
  {
    path: 'POST /v1/traces/search',
    async check(viewer, owner) {
      const search = (query: string) =>
        rest<{ traces: { trace_id: string }[] }>(gw, 'POST', '/v1/traces/search', {
          key: viewer.key,
          body: { query, start_time: from, end_time: to, limit: 50 },
        });
      const theirs = await search(`service.name = "${owner.service}"`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.traces).toEqual([]);
      expect((await search(`service.name = "${viewer.service}"`)).body.traces).toHaveLength(OWN_TRACES);
    },
  },
  {
    path: 'GET /v1/nodes and /v1/nodes/{node_id}/health',
    async check(viewer, owner) {
      const list = await rest<{ nodes: { node_id: string }[] }>(gw, 'GET', '/v1/nodes', { key: viewer.key });
      expect(list.body.nodes.map((n) => n.node_id).sort()).toEqual([viewer.node, SHARED_NODE].sort());
      expect((await rest(gw, 'GET', `/v1/nodes/${owner.node}/health`, { key: viewer.key })).status).toBe(404);
      expect((await rest(gw, 'GET', `/v1/nodes/${viewer.node}/health`, { key: viewer.key })).status).toBe(200);
    },
  },
];

describe('tenant isolation: two organizations × live and sandbox', () => {
  for (const { path, check } of READ_PATHS) {
    describe(path, () => {
      for (const pair of PAIRS) {
        it(`returns nothing for ${pairName(pair)}`, async () => {
          await check(tenants[pair[0]]!, tenants[pair[1]]!);
        });
      }
    });
  }

  it('covers every root query field of the schema', async () => {
    const body = await gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(
      tenants[0]!.key,
      `{ __schema { queryType { fields { name } } } }`,
    );
    const covered = READ_PATHS.flatMap((r) => [...r.path.matchAll(/Query\.(\w+)/g)].map((m) => m[1]));
    expect(body.data!.__schema.queryType.fields.map((f) => f.name).filter((f) => !covered.includes(f))).toEqual([]);
  });

  it('delivers subscription events of one tenant to none of the others', async () => {
    const clients = tenants.map((t) => wsClient(gw.baseUrl, t.key));
    const traceSubs = clients.map((c) =>
      wsSubscribe<{ traceId: string; services: string[] }>(c, 'traceIngested', `subscription { traceIngested { traceId services } }`),
    );
    const beatSubs = clients.map((c) =>
      wsSubscribe<{ nodeId: string; cluster: string }>(c, 'nodeHeartbeat', `subscription { nodeHeartbeat { nodeId cluster } }`),
    );
    try {
      // Give every server-side subscription time to start before publishing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const t of tenants) {
        expect(
          (await postOtlpJson(gw.baseUrl, t.key, [{ traceId: SHARED_TRACE, service: t.service, startMs: Date.now(), durationMs: 3 }]))
            .status,
        ).toBe(200);
        await reportHeartbeat(gw, SHARED_NODE, { cluster: t.cluster }, t.key);
      }
      for (const [i, t] of tenants.entries()) {
        const traces = await traceSubs[i]!.waitFor(1);
        const beats = await beatSubs[i]!.waitFor(1);
        expect(traces[0]!.services).toEqual([t.service]);
        expect(beats[0]).toEqual({ nodeId: SHARED_NODE, cluster: t.cluster });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const [i, t] of tenants.entries()) {
        expect(traceSubs[i]!.received.every((e) => e.services.every((s) => s === t.service))).toBe(true);
        expect(beatSubs[i]!.received.every((e) => e.cluster === t.cluster)).toBe(true);
      }
    } finally {
      for (const s of [...traceSubs, ...beatSubs]) await s.close();
      for (const c of clients) await c.dispose();
    }
  });

  it('keeps a write with another tenant’s trace id inside the writer’s own partition', async () => {
    const [a, b] = [tenants[0]!, tenants[3]!];
    expect(
      (
        await postOtlpJson(gw.baseUrl, a.key, [
          { traceId: b.traceId, spanId: b.spanId, service: 'intruder', startMs: Date.now() - 60_000, durationMs: 1 },
        ])
      ).status,
    ).toBe(200);
    const q = `query($id: String!) { trace(traceId: $id) { services spanCount } }`;
    expect((await gql(b.key, q, { id: b.traceId })).data).toEqual({ trace: { services: [b.service], spanCount: 2 } });
    expect((await gql(a.key, q, { id: b.traceId })).data).toEqual({ trace: { services: ['intruder'], spanCount: 1 } });
  });
});
