import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_RETENTION, ingestFixture, rest, type ErrorBody } from './helpers/rest.js';

/**
 * The trace search language end to end: the scenarios of
 * test/fixtures/search-language.json, sent as OTLP through POST /v1/traces
 * (so attributes carry the BSON types ingest gives them), then searched through
 * POST /v1/traces/search and the GraphQL `searchTraces` field. Expectations name
 * the scenarios (trace ids in the fixture's `traceIds`).
 */

const WINDOW = { start_time: '2026-03-15T08:00:00Z', end_time: '2026-03-15T10:00:00Z' };

let gw: TestGateway;
let nameOf: Map<string, string>;

beforeAll(async () => {
  gw = await startTestGateway(EXAMPLE_RETENTION);
  const fixture = await ingestFixture(gw, 'search-language.otlp.json');
  nameOf = new Map(Object.entries(fixture.traceIds as Record<string, string>).map(([name, id]) => [id, name]));
});
afterAll(async () => {
  await gw.close();
});

interface SearchPage {
  traces: { trace_id: string }[];
  next_cursor: string | null;
  total_matched: number;
}

async function search(query: string, extra: Record<string, unknown> = {}) {
  return rest<SearchPage & ErrorBody>(gw, 'POST', '/v1/traces/search', { body: { query, ...WINDOW, ...extra } });
}

describe('POST /v1/traces/search: expressions and the traces they match', () => {
  it.each<[string, string[]]>([
    // The examples of the REST document.
    ['service.name = "api-gateway" AND duration > 100ms', ['orders', 'staging']],
    ['service.name = "payment-svc" AND status = ERROR', ['payment']],
    // Intrinsic span fields.
    ['service.namespace = "shop"', ['health', 'items', 'kafka', 'orders', 'payment', 'staging']],
    ['service.namespace = "warehouse"', ['inventory']],
    ['name = "GET /api/orders"', ['orders', 'staging']],
    ['span.name != "GET /healthz"', ['inventory', 'items', 'kafka', 'legacy', 'orders', 'payment', 'staging']],
    ['service.name IN ("payment-svc", "billing-svc")', ['kafka', 'payment']],
    ['service.name NOT IN ("api-gateway", "order-svc")', ['inventory', 'kafka', 'legacy', 'payment']],
    ['status = ok', ['health']],
    ['status = "error"', ['kafka', 'payment', 'staging']],
    ['status != unset', ['health', 'kafka', 'payment', 'staging']],
    ['kind = server', ['health', 'items', 'orders', 'payment', 'staging']],
    ['kind IN (producer, consumer)', ['kafka']],
    ['kind = unspecified', ['legacy']],
    ['span.kind = internal AND status = error', ['payment']],
    // Durations: exact nanoseconds, a bare number is milliseconds.
    ['duration > 250', ['inventory', 'staging']],
    ['duration >= 250ms', ['inventory', 'orders', 'staging']],
    ['duration < 5ms', ['health', 'legacy']],
    ['duration = 1.5s', ['inventory']],
    ['duration <= 10ns', ['legacy']],
    ['duration IN (2ms, 5ms)', ['health', 'kafka']],
    ['duration > 0.5m', []],
    // Attributes keep their OTLP types: int64 and double compare numerically, strings only with strings.
    ['http.method = "GET"', ['health', 'orders', 'staging']],
    ['http.method != "GET"', ['items', 'payment']],
    ['NOT http.method = "GET"', ['inventory', 'items', 'kafka', 'legacy', 'orders', 'payment']],
    ['http.status_code >= 500', ['payment', 'staging']],
    ['http.status_code = 404', ['inventory']],
    ['http.status_code IN (200, 404)', ['health', 'inventory', 'items', 'orders']],
    ['http.status_code = "200"', []],
    ['payment.amount > 12', ['payment']],
    ['payment.retry = false', ['kafka']],
    ['flag = true', []],
    ['flag = "true"', ['legacy']],
    ['big.counter = 9007199254740993', ['inventory']],
    ['big.counter = 9007199254740992', ['legacy']],
    ['attr.`weird key` = "x y"', ['health']],
    ['attr.status = "weird" AND attr.name = "attr-name"', ['legacy']],
    ['payload EXISTS AND empty EXISTS', ['staging']],
    ['error.type NOT EXISTS AND service.name = "api-gateway"', ['health', 'items', 'orders', 'payment', 'staging']],
    // Resource attributes.
    ['resource.k8s.cluster.name = "staging-us-1"', ['staging']],
    ['resource.deployment.environment = "production" AND kind = client', ['orders']],
    ['resource.service.version EXISTS', ['orders', 'payment']],
    ['resource.service.version = "2.0.0" AND status = error', ['payment']],
    // String matching: STARTS WITH and CONTAINS are literal, MATCHES is a regex.
    ['name STARTS WITH "GET /api/"', ['items', 'orders', 'staging']],
    ['name STARTS WITH "GET /api/(v2)"', ['items']],
    ['sku STARTS WITH "A.B*"', ['inventory']],
    ['db.statement CONTAINS "(id = $1)"', ['orders']],
    ['name CONTAINS "orders"', ['kafka', 'orders', 'staging']],
    ['name MATCHES "^(GET|POST) /api/"', ['items', 'orders', 'payment', 'staging']],
    ['name =~ "(?i)^get /healthz$"', ['health']],
    ['http.method MATCHES "^get$"', ['items']],
    ['name NOT CONTAINS "api"', ['health', 'inventory', 'kafka', 'legacy', 'orders', 'payment']],
    // The single-span rule: all span-level conditions hold on one span.
    ['service.name = "api-gateway" AND db.system = "postgresql"', []],
    ['service.name = "order-svc" AND db.system = "postgresql"', ['orders']],
    ['(service.name = "payment-svc" OR service.name = "billing-svc") AND error.type = "timeout"', ['kafka']],
    ['messaging.system = "kafka" AND NOT status = error', ['kafka']],
    ['NOT (kind = server OR kind = client)', ['inventory', 'kafka', 'legacy', 'payment']],
    ['kind = server AND NOT resource.k8s.cluster.name STARTS WITH "prod-"', ['staging']],
    // Trace-level conjuncts are answered from the trace summaries that ingest maintains.
    ['trace.duration > 1s', ['inventory']],
    ['trace.duration >= 130ms AND kind = consumer', ['kafka']],
    ['trace.status = error AND service.name = "api-gateway"', ['payment', 'staging']],
    ['trace.span_count >= 2 AND kind = server', ['orders', 'payment']],
    ['NOT trace.status = error AND http.method = "GET"', ['health', 'orders']],
    ['(trace.duration < 50ms OR trace.status = ok) AND kind = server', ['health']],
    ['trace.status = ok', ['health']],
  ])('%s', async (query, expected) => {
    const { status, body } = await search(query, { limit: 500 });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.traces.map((t) => nameOf.get(t.trace_id)).sort()).toEqual(expected);
    expect(body.total_matched).toBe(expected.length);
  });

  it('only searches the window', async () => {
    const { body } = await search('service.name = "api-gateway"', { start_time: '2026-03-15T09:01:30Z', end_time: '2026-03-15T09:05:30Z' });
    expect(body.traces.map((t) => nameOf.get(t.trace_id)).sort()).toEqual(['health', 'items']);
  });

  it('never returns another organization’s traces', async () => {
    const other = await gw.app.services.auth.createKey({ org: 'search-other', env: 'live', permissions: ['read'] });
    const res = await rest<SearchPage>(gw, 'POST', '/v1/traces/search', { key: other.key, body: { query: 'status = error', ...WINDOW } });
    expect(res.body).toEqual({ traces: [], next_cursor: null, total_matched: 0 });
  });

  it('pages newest first with next_cursor, each trace once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: SearchPage } = await search('service.namespace = "shop"', {
        limit: 4,
        ...(cursor !== null ? { cursor } : {}),
      });
      seen.push(...body.traces.map((t) => nameOf.get(t.trace_id)!));
      cursor = body.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(['staging', 'items', 'kafka', 'health', 'payment', 'orders']);
  });

  it('answers the same traces through GraphQL searchTraces', async () => {
    const { body } = await gw.graphql<{ searchTraces: { totalCount: number; edges: { node: { traceId: string } }[] } }>(
      'query($q: String!, $from: DateTime!, $to: DateTime!) { searchTraces(query: $q, from: $from, to: $to) { totalCount edges { node { traceId } } } }',
      { q: 'service.name = "payment-svc" AND status = ERROR', from: '2026-03-15T08:00:00Z', to: '2026-03-15T10:00:00Z' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.searchTraces.edges.map((e) => nameOf.get(e.node.traceId))).toEqual(['payment']);
    expect(body.data?.searchTraces.totalCount).toBe(1);
  });

  it('answers a GraphQL syntax error as invalid_parameter on query', async () => {
    const { body } = await gw.graphql(
      '{ searchTraces(query: "kind IN (server client)", from: "2026-03-15T08:00:00Z", to: "2026-03-15T10:00:00Z") { totalCount } }',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'query' });
    expect(body.errors?.[0]?.message).toBe("Expected ',' or ')' after 'server' at position 16, found 'client'");
  });
});

describe('POST /v1/traces/search: malformed expressions answer 400 on query with the position', () => {
  it.each<[string, string]>([
    ['   ', 'Expected a condition at position 3, found end of input'],
    ['service.name =', "Expected a value after '=' at position 14, found end of input"],
    ['service.name = "api-gateway" AND', "Expected a condition after 'AND' at position 32, found end of input"],
    ['a = 1 b = 2', "Expected 'AND', 'OR' or end of input after '1' at position 6, found 'b'"],
    ['kind IN (server client)', "Expected ',' or ')' after 'server' at position 16, found 'client'"],
    ['(status = error', "Expected 'AND', 'OR' or ')' after 'error' at position 15, found end of input"],
    ['status = error)', "Expected 'AND', 'OR' or end of input after 'error' at position 14, found ')'"],
    ['service.name = "unterminated', "Expected '\"' to close the string that starts at position 15, found end of input"],
    ['AND status = error', "Expected a condition at position 0, found 'AND'"],
    ['http.method == "GET"', "Expected a value after '=' at position 13, found '='"],
    ['NOT', "Expected a condition after 'NOT' at position 3, found end of input"],
    ['kind IN ()', "Expected a value after '(' at position 9, found ')'"],
    ['name STARTS "x"', "Expected 'WITH' after 'STARTS' at position 12, found '\"x\"'"],
    ['a.. = 1', "Expected a key after '.' at position 2, found '.'"],
    ['x = 1 AND (y = 2 OR)', "Expected a condition after 'OR' at position 19, found ')'"],
    ['"field" = 1', 'Expected a condition at position 0, found \'"field"\''],
    ['attr.`unterminated = 1', "Expected '`' to close the key that starts at position 5, found end of input"],
    ['x = 12abc', "Expected a duration unit after '12' at position 6, found 'abc'"],
    ['status = bogus', "'status' takes one of unset, ok, error; found bogus at position 9"],
    ['http.method = GET', '\'http.method\' takes a string, number or boolean (quote text: "GET"); found GET at position 14'],
    ['kind > server', "'kind' at position 0 can only be compared with = or !="],
    ['duration > "fast"', '\'duration\' takes a duration such as 100ms or a number of milliseconds; found "fast" at position 11'],
    [
      'trace.nope = 1',
      "Unknown trace field 'trace.nope' at position 0; trace-level fields are trace.duration, trace.status, trace.span_count",
    ],
    [
      'service.name = "a" OR trace.duration > 1s',
      "Trace-level field 'trace.duration' at position 22 is combined with span-level conditions under OR or NOT; trace-level conditions must be joined to the rest of the expression with a top-level AND",
    ],
  ])('%s', async (query, message) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'query', message });
  });
});
