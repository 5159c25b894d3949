import { readFile } from 'node:fs/promises';
import { BSON, type Collection, type Db, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/helpers/mongo.js';
import { compileSearch, type CompiledSearch } from './search.compiler.js';
import { parseSearch } from './search.parser.js';

/**
 * Runs compiled filters on the MongoDB-wire server the test suite runs against,
 * so that every operator, BSON type comparison and regex escape the compiler
 * emits is proven on a real query engine, not only by the shape of the filter.
 */

interface Fixture {
  readonly spans: Document[];
  readonly traces: Document[];
}

async function loadFixture(): Promise<Fixture> {
  const text = await readFile(new URL('../../../test/fixtures/search-language.json', import.meta.url), 'utf8');
  // Canonical EJSON keeps int64 (as bigint), double and int32 apart, as ingest stores them.
  const parsed: unknown = BSON.EJSON.parse(text, { relaxed: false, useBigInt64: true });
  const documents = (key: keyof Fixture): Document[] => {
    const value: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, key) : undefined;
    if (!Array.isArray(value)) throw new Error(`search-language.json has no "${key}" array`);
    return value.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) throw new Error(`search-language.json: ${key} holds a non-document`);
      return item;
    });
  };
  return { spans: documents('spans'), traces: documents('traces') };
}

describe('compiled search filters on a MongoDB-wire server', () => {
  let close: () => Promise<void>;
  let spans: Collection;
  let traces: Collection;
  let allTraceIds: string[];

  beforeAll(async () => {
    const fixture = await loadFixture();
    let db: Db;
    ({ db, close } = await testDb());
    spans = db.collection('spans');
    traces = db.collection('traces');
    await spans.insertMany(fixture.spans);
    await traces.insertMany(fixture.traces);
    allTraceIds = fixture.traces.map((trace) => String(trace['traceId'])).sort();
  });

  afterAll(async () => {
    await close();
  });

  const traceIds = async (collection: Collection, filter: Document): Promise<Set<string>> => {
    const documents = await collection.find(filter, { projection: { _id: 0, traceId: 1 } }).toArray();
    return new Set(documents.map((document) => String(document['traceId'])));
  };

  /** The documented semantics: the summary matches `trace` and at least one span matches `span`. */
  async function matchingTraces({ span, trace }: CompiledSearch): Promise<string[]> {
    const bySpan = span === null ? null : await traceIds(spans, span);
    const byTrace = trace === null ? null : await traceIds(traces, trace);
    return allTraceIds.filter((id) => (bySpan?.has(id) ?? true) && (byTrace?.has(id) ?? true));
  }

  it('stores the fixture with its BSON types intact', async () => {
    const inventory = await spans.findOne({ spanId: 'i1' });
    expect(inventory?.['durNs']).toBe(1_500_000_000n);
    expect(await spans.countDocuments()).toBe(11);
  });

  it.each<[string, string[]]>([
    // The two examples of POST /v1/traces/search; `items` is exactly 100ms, so not > 100ms.
    ['service.name = "api-gateway" AND duration > 100ms', ['orders', 'staging']],
    ['service.name = "payment-svc" AND status = ERROR', ['payment']],
    // Intrinsic fields.
    ['service.namespace = "shop"', ['health', 'items', 'kafka', 'orders', 'payment', 'staging']],
    ['name = "GET /api/orders"', ['orders', 'staging']],
    ['span.name != "GET /healthz"', ['inventory', 'items', 'kafka', 'legacy', 'orders', 'payment', 'staging']],
    ['service.name IN ("payment-svc", "billing-svc")', ['kafka', 'payment']],
    ['service.name >= "m"', ['kafka', 'orders', 'payment']],
    ['status = ok', ['health']],
    ['status = error', ['kafka', 'payment', 'staging']],
    ['status != unset', ['health', 'kafka', 'payment', 'staging']],
    ['kind = server', ['health', 'items', 'orders', 'payment', 'staging']],
    ['kind IN (producer, consumer)', ['kafka']],
    ['kind = unspecified', ['legacy']],
    ['span.kind = internal AND status = error', ['payment']],
    // Durations are int64 nanoseconds; a bare number is milliseconds.
    ['duration > 250', ['inventory', 'staging']],
    ['duration >= 250', ['inventory', 'orders', 'staging']],
    ['duration <= 0.00001', ['legacy']],
    ['duration < 5ms', ['health', 'legacy']],
    ['duration = 1.5s', ['inventory']],
    ['duration IN (2ms, 5ms)', ['health', 'kafka']],
    // Attributes keep their BSON type: strings match strings, numbers match int64 and double numerically.
    ['http.method = "GET"', ['health', 'orders', 'staging']],
    ['http.method != "GET"', ['items', 'payment']],
    ['NOT http.method = "GET"', ['inventory', 'items', 'kafka', 'legacy', 'orders', 'payment']],
    ['http.status_code >= 500', ['payment', 'staging']],
    ['http.status_code = 404', ['inventory']],
    ['http.status_code > 403.5', ['inventory', 'payment', 'staging']],
    ['http.status_code IN (200, 404)', ['health', 'inventory', 'items', 'orders']],
    ['http.status_code = "200"', []],
    ['payment.amount > 12', ['payment']],
    ['payment.amount = 12.5', ['payment']],
    ['payment.retry = false', ['kafka']],
    ['flag = true', []],
    ['flag = "true"', ['legacy']],
    ['big.counter = 9007199254740993', ['inventory']],
    ['attr.`weird key` = "x y"', ['health']],
    ['attr.status = "weird" AND attr.name = "attr-name"', ['legacy']],
    ['payload EXISTS AND empty EXISTS', ['staging']],
    ['payload CONTAINS "GET"', []],
    // Resource attributes.
    ['resource.k8s.cluster.name = "staging-us-1"', ['staging']],
    ['resource.deployment.environment = "production" AND kind = client', ['orders']],
    ['resource.service.version EXISTS', ['orders', 'payment']],
    ['error.type EXISTS', ['kafka', 'payment']],
    ['error.type NOT EXISTS AND service.name = "api-gateway"', ['health', 'items', 'orders', 'payment', 'staging']],
    // String matching: literal text is escaped, MATCHES is a real regex.
    ['name STARTS WITH "GET /api/"', ['items', 'orders', 'staging']],
    ['name STARTS WITH "GET /api/(v2)"', ['items']],
    ['sku STARTS WITH "A.B*"', ['inventory']],
    ['db.statement CONTAINS "(id = $1)"', ['orders']],
    ['name CONTAINS "orders"', ['kafka', 'orders', 'staging']],
    ['http.user_agent CONTAINS "/"', ['items']],
    ['name MATCHES "^(GET|POST) /api/"', ['items', 'orders', 'payment', 'staging']],
    ['name =~ "(?i)^get /healthz$"', ['health']],
    ['http.method MATCHES "^get$"', ['items']],
    ['service.name =~ "-svc$" AND NOT kind = internal', ['kafka', 'legacy', 'orders']],
    // The single-span rule: every span-level condition holds on the same span.
    ['service.name = "api-gateway" AND db.system = "postgresql"', []],
    ['service.name = "order-svc" AND db.system = "postgresql"', ['orders']],
    ['(service.name = "payment-svc" OR service.name = "billing-svc") AND error.type = "timeout"', ['kafka']],
    ['messaging.system = "kafka" AND NOT status = error', ['kafka']],
    ['NOT (kind = server OR kind = client)', ['inventory', 'kafka', 'legacy', 'payment']],
    ['kind = server AND NOT resource.k8s.cluster.name STARTS WITH "prod-"', ['staging']],
    // Trace-level conjuncts are evaluated on the summary.
    ['trace.duration > 1s', ['inventory']],
    ['trace.status = error AND service.name = "api-gateway"', ['payment', 'staging']],
    ['trace.span_count >= 2 AND kind = server', ['orders', 'payment']],
    ['NOT trace.status = error AND http.method = "GET"', ['health', 'orders']],
    ['(trace.duration < 50ms OR trace.status = ok) AND kind = server', ['health']],
  ])('%s', async (expression, expected) => {
    expect(await matchingTraces(compileSearch(parseSearch(expression)))).toEqual(expected);
  });
});
