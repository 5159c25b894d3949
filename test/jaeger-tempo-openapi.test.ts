import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_RETENTION, ingestFixture } from './helpers/rest.js';

/**
 * GET /v1/openapi.json describes the Jaeger and Tempo routes too: every answer
 * of these routes, successes and each family's errors, validates against the
 * schema the document declares for its status and media type.
 */

type Json = { [key: string]: unknown };
interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, Json> }>>;
  components: Json;
}

let gw: TestGateway;
let doc: OpenApi;
const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

function resolve(value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  return resolve(
    ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Json)[part], doc) as Json,
  );
}

function validator(template: string, status: number, mediaType: string): ValidateFunction {
  const response = doc.paths[template]?.get?.responses[String(status)];
  if (response === undefined) throw new Error(`GET ${template} ${status} is not documented`);
  const content = resolve(response).content as Record<string, { schema: Json }>;
  const schema = content[mediaType]?.schema;
  if (schema === undefined) throw new Error(`GET ${template} ${status} documents no ${mediaType}`);
  return ajv.compile({ ...schema, components: doc.components });
}

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const J = 'start=1773562900000000&end=1773563000000000';
const T = 'start=1773562900&end=1773563000';

const CASES: readonly [template: string, path: string, status: number][] = [
  ['/api/services', '/api/services', 200],
  ['/api/services/{service}/operations', '/api/services/orders/operations', 200],
  ['/api/operations', '/api/operations?service=orders', 200],
  ['/api/operations', '/api/operations', 400],
  ['/api/traces', `/api/traces?service=orders&${J}`, 200],
  ['/api/traces', `/api/traces?traceID=${TRACE_ID}&traceID=1`, 200],
  ['/api/traces', '/api/traces?limit=x', 400],
  ['/api/traces/{traceID}', `/api/traces/${TRACE_ID}`, 200],
  ['/api/traces/{traceID}', '/api/traces/1', 404],
  ['/api/dependencies', '/api/dependencies?endTs=1773563000000', 200],
  ['/jaeger/api/traces/{traceID}', `/jaeger/api/traces/${TRACE_ID}`, 200],
  ['/tempo/api/echo', '/tempo/api/echo', 200],
  ['/tempo/api/status/buildinfo', '/tempo/api/status/buildinfo', 200],
  ['/tempo/api/traces/{traceID}', `/tempo/api/traces/${TRACE_ID}`, 200],
  ['/tempo/api/traces/{traceID}', '/tempo/api/traces/1', 404],
  ['/tempo/api/v2/traces/{traceID}', `/tempo/api/v2/traces/${TRACE_ID}`, 200],
  ['/tempo/api/search', `/tempo/api/search?q=${encodeURIComponent('{ status = error }')}&${T}`, 200],
  ['/tempo/api/search', `/tempo/api/search?q=${encodeURIComponent('{ } | count()')}`, 400],
  ['/tempo/api/search/tags', `/tempo/api/search/tags?${T}`, 200],
  ['/tempo/api/v2/search/tags', `/tempo/api/v2/search/tags?${T}`, 200],
  ['/tempo/api/v2/search/tag/{tag}/values', `/tempo/api/v2/search/tag/status/values?${T}`, 200],
  ['/tempo/api/search/tag/{tag}/values', `/tempo/api/search/tag/service.name/values?${T}`, 200],
];

beforeAll(async () => {
  gw = await startTestGateway(EXAMPLE_RETENTION);
  await ingestFixture(gw, 'jaeger-tempo.otlp.json');
  doc = (await (await fetch(`${gw.baseUrl}/v1/openapi.json`)).json()) as OpenApi;
});
afterAll(async () => {
  await gw.close();
});

describe('OpenAPI entries of the Jaeger and Tempo routes', () => {
  it('lists every route once, with unique operation ids', () => {
    const templates = Object.keys(doc.paths).filter((p) => /^\/(api\/(?!v0)|jaeger|tempo)/.test(p));
    expect(templates.length).toBe(21);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CASES)('GET %s answers as documented: %s → %i', async (template, path, status) => {
    const res = await fetch(`${gw.baseUrl}${path}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
    expect(res.status).toBe(status);
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const text = await res.text();
    const body: unknown = mediaType === 'application/json' ? JSON.parse(text) : text;
    const validate = validator(template, status, mediaType);
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('documents the protobuf alternative of the trace routes', () => {
    const content = resolve(doc.paths['/tempo/api/v2/traces/{traceID}']!.get!.responses['200']!).content as Json;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/protobuf']);
  });
});
