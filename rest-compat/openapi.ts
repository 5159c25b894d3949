import { Kind } from 'graphql';
import { z } from 'zod';
import { familyOf, type ApiFamily } from './families.js';
import { OTLP_EXPORT_OPERATION, OTLP_SCHEMAS } from './openapi-otlp.js';
import type { InputSchema, RestRoute } from './route.js';

/**
 * The OpenAPI 3.1 document of the REST routes (/v1, /api/v0, /api, /jaeger/api, /tempo), generated from the route
 * declarations: parameters and bodies from their input schemas, responses from
 * their response schemas. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
 * what zod emits; every `$defs` entry is hoisted into `components.schemas` so
 * that references resolve from the document root.
 */

type JsonSchema = { [key: string]: unknown };

export type OpenApiDocument = {
  readonly openapi: '3.1.0';
  readonly info: JsonSchema;
  readonly paths: Record<string, Record<string, JsonSchema>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> } & JsonSchema;
} & JsonSchema;

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'param', 'request_id'],
      additionalProperties: false,
      properties: {
        code: {
          type: 'string',
          description:
            'invalid_parameter, unauthorized, forbidden, not_found, method_not_allowed, conflict, rate_limited, unavailable, internal_error, …',
        },
        message: { type: 'string' },
        param: { type: ['string', 'null'], description: 'The parameter at fault, if any' },
        request_id: { type: 'string', description: 'Also sent as the X-Request-Id header' },
      },
    },
  },
};

/** Jaeger query's error envelope (rest-compat/families.ts). */
const JAEGER_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['data', 'total', 'limit', 'offset', 'errors'],
  additionalProperties: false,
  properties: {
    data: { type: 'null' },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'msg'],
        additionalProperties: false,
        properties: { code: { type: 'integer', description: 'The HTTP status' }, msg: { type: 'string' } },
      },
    },
  },
};

/** How each family's errors are documented: the component prefix and the content of an error response. */
const FAMILY_ERRORS: Readonly<Record<ApiFamily, { readonly prefix: string; readonly content: JsonSchema }>> = {
  rest: { prefix: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  jaeger: { prefix: 'Jaeger', content: { 'application/json': { schema: { $ref: '#/components/schemas/JaegerError' } } } },
  tempo: { prefix: 'Tempo', content: { 'text/plain': { schema: { type: 'string', description: 'The error message' } } } },
};

const ERROR_RESPONSES: Readonly<Record<number, { readonly name: string; readonly description: string }>> = {
  400: { name: 'BadRequest', description: 'Invalid parameters or malformed JSON' },
  401: { name: 'Unauthorized', description: 'Missing or invalid API key' },
  403: { name: 'Forbidden', description: 'API key lacks required permissions' },
  404: { name: 'NotFound', description: 'Resource does not exist' },
  409: { name: 'Conflict', description: 'The request conflicts with the current state of the resource' },
  413: { name: 'PayloadTooLarge', description: 'The answer would be over a documented size limit (see the message)' },
  429: { name: 'RateLimited', description: 'Too many requests — back off and retry' },
  500: { name: 'ServerError', description: 'Internal error — contact support if persistent' },
  503: { name: 'Unavailable', description: 'Service temporarily unavailable' },
};

/** Errors every authenticated route can answer, whatever it declares. */
const COMMON_ERRORS = [401, 403, 429, 500, 503] as const;

class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA, JaegerError: JAEGER_ERROR_SCHEMA };

  /** A zod schema as an OpenAPI schema; named sub-schemas (`.meta({ id })`) become components. */
  convert(schema: InputSchema, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = converted;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const hoisted = rewriteRefs(def) as JsonSchema;
      const existing = this.schemas[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(hoisted)) {
        throw new Error(`OpenAPI: two different schemas are named '${name}'`);
      }
      this.schemas[name] = hoisted;
    }
    return rewriteRefs(rest) as JsonSchema;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(inner),
    ]),
  );
}

function parameters(components: SchemaComponents, schema: InputSchema | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = components.convert(schema, 'input');
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries((object.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function operationId(route: RestRoute): string {
  const operation = route.operation.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
  return route.operationId ?? (name ?? `${route.method}${route.path}`).replace(/^Rest/, '').replace(/^./, (c) => c.toLowerCase());
}

function successContent(components: SchemaComponents, route: RestRoute): JsonSchema {
  const schema = components.convert(route.response.schema, 'output');
  const alternatives = (route.response.alternatives ?? []).map((mediaType) => [
    mediaType,
    { schema: { type: 'string', contentMediaType: mediaType } },
  ]);
  return { [route.response.mediaType ?? 'application/json']: { schema }, ...Object.fromEntries(alternatives) };
}

function operationObject(components: SchemaComponents, route: RestRoute): JsonSchema {
  const body = route.input.body === undefined ? undefined : components.convert(route.input.body, 'input');
  const errors = [...new Set([...route.errors, ...COMMON_ERRORS])].sort((a, b) => a - b);
  const { prefix } = FAMILY_ERRORS[familyOf(route.path) ?? 'rest'];
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description !== undefined ? { description: route.description } : {}),
    tags: [route.tag],
    parameters: [...parameters(components, route.input.path, 'path'), ...parameters(components, route.input.query, 'query')],
    ...(body !== undefined ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: {
      [String(route.response.status)]: {
        description: route.response.status === 201 ? 'Created' : 'OK',
        ...(route.response.status === 204 ? {} : { content: successContent(components, route) }),
      },
      ...Object.fromEntries(
        errors.map((status) => [String(status), { $ref: `#/components/responses/${prefix}${ERROR_RESPONSES[status]?.name}` }]),
      ),
    },
  };
}

export function buildOpenApiDocument(routes: readonly RestRoute[]): OpenApiDocument {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, JsonSchema>> = {
    '/v1/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This OpenAPI document',
        tags: ['Meta'],
        security: [],
        responses: {
          '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } },
          // Public, but a request that does present a key is charged like any other (and the store holds the keys).
          '429': { $ref: '#/components/responses/RateLimited' },
          '503': { $ref: '#/components/responses/Unavailable' },
        },
      },
    },
  };
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operationObject(components, route);
  }
  // OTLP ingest is served by the OTLP handler, not declared as a route: described by hand (openapi-otlp.ts).
  (paths['/v1/traces'] ??= {}).post = OTLP_EXPORT_OPERATION;
  const errorResponses = Object.fromEntries(
    Object.values(FAMILY_ERRORS).flatMap(({ prefix, content }) =>
      Object.values(ERROR_RESPONSES).map(({ name, description }) => [`${prefix}${name}`, { description, content }]),
    ),
  );
  // Only the error responses some operation refers to: an unused component is noise to generators and linters.
  const referenced = new Set([...JSON.stringify(paths).matchAll(/"#\/components\/responses\/([A-Za-z]+)"/g)].map((m) => m[1]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mesh-Trace REST API',
      version: '3.2.1',
      description:
        'The documented /v1 REST API, the Mackerel-compatible trace API under /api/v0 (docs/mackerel.md), ' +
        'and the Jaeger query API (/api, /jaeger/api) and Tempo HTTP API (/tempo) subsets Grafana uses (docs/grafana.md), ' +
        'served by the Mesh-Trace Gateway as a thin adapter over its GraphQL schema. ' +
        'Errors use the envelope {"error": {"code", "message", "param", "request_id"}} (Jaeger and Tempo routes: their own shapes). ' +
        'See docs/rest-v1.md.',
      // The license of the client libraries generated from this document (sdk/).
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative to the document's own URL: the gateway that serves it (paths are absolute from its root).
    servers: [{ url: '/', description: 'The gateway serving this document' }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    paths,
    components: {
      schemas: { ...components.schemas, ...OTLP_SCHEMAS },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Authorization: Bearer mtk_live_… (mtk_test_… keys see sandbox data only)',
        },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      responses: Object.fromEntries(Object.entries(errorResponses).filter(([name]) => referenced.has(name))),
    },
  };
}
