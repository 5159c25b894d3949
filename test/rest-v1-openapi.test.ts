import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { EXAMPLE_RETENTION, ingestFixture, rest } from './helpers/rest.js';

/**
 * GET /v1/openapi.json is the typed description of the /v1 routes; these tests
 * hold it to the live gateway: every answer of every route (successes and the
 * error envelope) validates against the schema the document declares for it.
 */

type Json = { [key: string]: unknown };

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, Json> }>
  >;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

let gw: TestGateway;
let doc: OpenApi;
const validators = new Map<string, ValidateFunction>();

const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

/** Resolves a `#/components/…` reference of the document. */
function resolve(value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc);
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolve(target as Json);
}

/** The validator of the documented answer of `method path` with `status`; references resolve against the document's components. */
function validatorFor(method: string, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  if (response === undefined) throw new Error(`${key} is not documented`);
  const schema = ((resolve(response).content as Json)['application/json'] as Json).schema as Json;
  const validate = ajv.compile({ ...schema, components: doc.components });
  validators.set(key, validate);
  return validate;
}

async function expectDocumented(method: string, template: string, path: string, body?: unknown): Promise<number> {
  const res = await rest(gw, method, path, { body });
  const validate = validatorFor(method, template, res.status);
  expect(validate(res.body), `${method} ${path} → ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  return res.status;
}

beforeAll(async () => {
  gw = await startTestGateway(EXAMPLE_RETENTION);
  await ingestFixture(gw, 'rest-v1-examples.otlp.json');
  const res = await rest<OpenApi>(gw, 'GET', '/v1/openapi.json', { key: null });
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await gw.close();
});

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without an API key', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/traces', '/v1/traces/{trace_id}', '/v1/traces/search']));
  });

  it('declares the documented parameters of GET /v1/traces, none required', () => {
    const parameters = doc.paths['/v1/traces']?.get?.parameters ?? [];
    expect(parameters.map((p) => p.name).sort()).toEqual([
      'cursor',
      'end_time',
      'limit',
      'min_duration_ms',
      'service',
      'start_time',
      'status',
    ]);
    expect(parameters.every((p) => p.in === 'query' && !p.required)).toBe(true);
  });

  it('compiles every schema it declares, and every $ref in it resolves', () => {
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value))
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
      }
    };
    walk(doc);
    for (const ref of refs) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const status of Object.keys(operation.responses)) {
          // JSON answers here; the text and protobuf ones of the Tempo routes: test/jaeger-tempo-openapi.test.ts.
          const content = resolve(operation.responses[status]!).content as Json | undefined;
          if (content === undefined || !('application/json' in content)) continue;
          expect(() => validatorFor(method, path, Number(status)), `${method} ${path} ${status}`).not.toThrow();
        }
      }
    }
  });
});

describe('live answers match the OpenAPI document', () => {
  const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const search = {
    query: 'service.name = "payment-svc" AND status = ERROR',
    start_time: '2026-03-15T00:00:00Z',
    end_time: '2026-03-15T12:00:00Z',
    limit: 50,
  };

  it.each<[string, string, string, unknown, number]>([
    ['GET', '/v1/traces', '/v1/traces?start_time=2026-03-15T08:00:00Z&end_time=2026-03-15T09:00:00Z&limit=1', undefined, 200],
    ['GET', '/v1/traces', '/v1/traces', undefined, 200],
    ['GET', '/v1/traces', '/v1/traces?limit=0', undefined, 400],
    ['GET', '/v1/traces/{trace_id}', `/v1/traces/${trace}`, undefined, 200],
    ['GET', '/v1/traces/{trace_id}', `/v1/traces/${'ab'.repeat(16)}`, undefined, 404],
    ['GET', '/v1/traces/{trace_id}', '/v1/traces/nope', undefined, 400],
    ['POST', '/v1/traces/search', '/v1/traces/search', search, 200],
    ['POST', '/v1/traces/search', '/v1/traces/search', { ...search, query: 'status =' }, 400],
    // The Mackerel-compatible routes are described in the same document (one list request: 1 per second per key).
    ['POST', '/api/v0/traces', '/api/v0/traces', { serviceName: 'api-gateway', from: 1773532800, to: 1773619200 }, 200],
    ['GET', '/api/v0/traces/{traceId}', `/api/v0/traces/${trace}`, undefined, 200],
    ['GET', '/api/v0/traces/{traceId}', `/api/v0/traces/${'ab'.repeat(16)}`, undefined, 404],
    ['GET', '/api/v0/traces/{traceId}', '/api/v0/traces/nope', undefined, 400],
  ])('%s %s (%s) answers %i as documented', async (method, template, path, body, status) => {
    expect(await expectDocumented(method, template, path, body)).toBe(status);
  });

  it('answers every parameterless GET route of the document as documented', async () => {
    // The Jaeger and Tempo routes (their own error shapes and media types) are held to the document by test/jaeger-tempo-openapi.test.ts.
    const routes = Object.entries(doc.paths).filter(
      ([path, item]) => /^\/(v1|api\/v0)\//.test(path) && !path.includes('{') && item.get !== undefined && path !== '/v1/openapi.json',
    );
    expect(routes.length).toBeGreaterThan(0);
    for (const [path] of routes) await expectDocumented('GET', path, path);
  });

  it('answers 401 and 403 with the documented envelope', async () => {
    const writer = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'] });
    for (const [key, status] of [
      [null, 401],
      [writer.key, 403],
    ] as const) {
      const res = await rest(gw, 'GET', '/v1/traces', { key });
      expect(res.status).toBe(status);
      const validate = validatorFor('GET', '/v1/traces', status);
      expect(validate(res.body), ajv.errorsText(validate.errors)).toBe(true);
    }
  });
});

describe('POST /v1/traces (OTLP/HTTP) in the document', () => {
  /** Spans made by the OpenTelemetry SDK, serialized as its OTLP/HTTP JSON exporter sends them. */
  async function sdkExport(): Promise<string> {
    const recorded = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'openapi-otlp', 'deployment.environment.name': 'test' }),
      spanProcessors: [new SimpleSpanProcessor(recorded)],
    });
    const tracer = provider.getTracer('openapi-test', '1.0.0');
    tracer.startActiveSpan('parent', (parent) => {
      const child = tracer.startSpan('child', { attributes: { 'http.status_code': 500, ratio: 0.5, tags: ['a', 'b'], ok: false } });
      child.addEvent('retry', { attempt: 2 });
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
      child.end();
      parent.end();
    });
    await provider.forceFlush();
    const json = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(recorded.getFinishedSpans()));
    await provider.shutdown();
    return json;
  }

  const schema = (name: string) => ajv.compile({ $ref: `#/components/schemas/${name}`, components: doc.components });

  it('is documented, with JSON and protobuf bodies and the OTLP error statuses', () => {
    const post = doc.paths['/v1/traces']?.post as unknown as { requestBody: { content: Json }; responses: Json };
    expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/json', 'application/x-protobuf']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '415', '429', '503']));
  });

  it("describes the OpenTelemetry SDK's JSON export as its request body, and the answers to it", async () => {
    const body = await sdkExport();
    const request = schema('OtlpExportTraceServiceRequest');
    expect(request(JSON.parse(body)), ajv.errorsText(request.errors)).toBe(true);

    const post = (text: string) =>
      fetch(`${gw.baseUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
        body: text,
      });
    const stored = await post(body);
    expect(stored.status).toBe(200);
    const ok = schema('OtlpExportTraceServiceResponse');
    expect(ok(await stored.json()), ajv.errorsText(ok.errors)).toBe(true);

    const refused = await post('{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz","spanId":"00f067aa0ba902b7"}]}]}]}');
    expect(refused.status).toBe(400);
    const status = schema('OtlpStatus');
    expect(status(await refused.json()), ajv.errorsText(status.errors)).toBe(true);
  });
});
