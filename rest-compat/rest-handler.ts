import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Principal } from '../src/auth/principal.js';
import type { RateBudget, RateLimits } from '../src/domain/keys/rate-limit.js';
import { MethodNotAllowedError, NotFoundError, UnauthorizedError, ValidationError } from '../src/errors.js';
import type { GraphQLServer } from '../src/http/yoga.js';
import { readBody, sendJson } from '../src/http/respond.js';
import { domainErrorOf, issueMessage, validationErrorOf } from './envelope.js';
import { jsonText } from './json-text.js';
import { buildOpenApiDocument } from './openapi.js';
import { REST_PREFIXES, type HttpMethod, type InputSchema, type RestRoute, type RouteInput } from './route.js';
import { assertRouteScopes, routeScopes } from './route-scopes.js';

export const OPENAPI_PATH = '/v1/openapi.json';

export interface RestCompatOptions {
  readonly yoga: GraphQLServer;
  readonly routes: readonly RestRoute[];
  readonly maxBodyBytes: number;
  /** /v1 routes served outside rest-compat (OTLP ingest), so that a 405 lists them in `Allow` too. */
  readonly external?: readonly { readonly method: HttpMethod; readonly path: string }[];
  /** Charges the routes' own `budget`s; required when a route declares one. */
  readonly limits?: Pick<RateLimits, 'admit'>;
}

export interface RequestScope {
  readonly requestId: string;
  readonly principal: Principal | null;
}

export interface RestCompat {
  /** Answers every request under a REST_PREFIXES prefix (route, 404 or 405) and returns true; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<boolean>;
}

/** A route ready to serve: its path as a pattern, its operation validated once. */
interface PreparedRoute {
  readonly route: RestRoute;
  readonly pattern: RegExp;
  readonly pathParams: readonly string[];
  readonly operationName: string;
  readonly document: DocumentNode;
  /** The operation's text, for plugins that read `params.query` from the initial context. */
  readonly query: string;
  /** Charges the route's own rate budget, if it declares one. */
  readonly charge: ((principal: Principal) => Promise<unknown>) | null;
  /** The permissions its operation's root fields declare, checked before the input is read. */
  readonly scopes: ReturnType<typeof routeScopes>;
}

function pathPattern(template: string): { pattern: RegExp; pathParams: string[] } {
  const pathParams: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment)?.[1];
      if (param === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      pathParams.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), pathParams };
}

function operationNameOf(route: RestRoute): string {
  const operations = route.operation.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || operation === undefined || operation.name === undefined) {
    throw new Error(`REST route ${route.method} ${route.path}: the operation document must hold exactly one named operation`);
  }
  return operation.name.value;
}

/**
 * Builds the /v1 adapter. Runs once at start-up: every operation is checked to
 * be a single named operation and validated against the served schema through
 * the same envelop `validate` as any request, so a route whose operation drifts
 * from the schema stops the gateway from starting instead of failing per request.
 */
export function createRestCompat(options: RestCompatOptions): RestCompat {
  const { yoga } = options;
  const startup = yoga.getEnveloped({ requestId: 'startup', principal: null });
  const seen = new Set<string>();
  const prepared: PreparedRoute[] = options.routes.map((route) => {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`REST route ${key} is declared twice`);
    seen.add(key);
    const operationName = operationNameOf(route);
    const errors = startup.validate(startup.schema, route.operation);
    if (errors.length > 0) {
      throw new Error(
        `REST route ${key}: operation ${operationName} is invalid against the schema: ${errors.map((e: { message: string }) => e.message).join('; ')}`,
      );
    }
    const charge = route.budget === undefined ? null : budgetCharge(options.limits, route.budget, key);
    return {
      route,
      ...pathPattern(route.path),
      operationName,
      document: route.operation,
      query: print(route.operation),
      charge,
      scopes: routeScopes(startup.schema, route.operation),
    };
  });
  const external = (options.external ?? []).map((e) => ({ ...e, ...pathPattern(e.path) }));
  // Built once, at start-up too: a declaration OpenAPI cannot describe stops the gateway from starting.
  const openApiText = JSON.stringify(buildOpenApiDocument(options.routes));

  async function execute(entry: PreparedRoute, variables: unknown, req: IncomingMessage, scope: RequestScope): Promise<unknown> {
    const variableValues = variables as Record<string, unknown>;
    // The same pipeline as /graphql and graphql-ws: one createContext, Pothos scope
    // auth and complexity limits inside execution, error masking on the result.
    const enveloped = yoga.getEnveloped({
      requestId: scope.requestId,
      principal: scope.principal,
      req,
      params: { query: entry.query, operationName: entry.operationName, variables: variableValues },
    });
    const contextValue = await enveloped.contextFactory();
    const result = (await enveloped.execute({
      schema: enveloped.schema,
      document: entry.document,
      operationName: entry.operationName,
      variableValues,
      contextValue,
    })) as ExecutionResult | AsyncIterable<ExecutionResult>;
    if (Symbol.asyncIterator in result) throw new Error(`REST operation ${entry.operationName} returned a stream`);
    const [first] = result.errors ?? [];
    if (first !== undefined) throw domainErrorOf(first.toJSON(), entry.route.errorParams ?? {});
    if (result.data == null) throw new Error(`REST operation ${entry.operationName} returned no data`);
    return result.data;
  }

  return {
    async handle(req, res, scope) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (!REST_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
      const method = req.method ?? 'GET';

      if (path === OPENAPI_PATH) {
        if (method !== 'GET') throw new MethodNotAllowedError(`Method ${method} is not allowed on ${path}`, ['GET']);
        sendJson(res, 200, openApiText);
        return true;
      }

      const matching = prepared.filter((entry) => entry.pattern.test(path));
      // A literal path wins over a template: /v1/traces/search is never read as a trace id.
      const literal = matching.filter((entry) => entry.pathParams.length === 0);
      const candidates = literal.length > 0 ? literal : matching;
      const entry = candidates.find((c) => c.route.method === method);
      if (entry === undefined) {
        const allow = [...candidates.map((c) => c.route.method), ...external.filter((e) => e.pattern.test(path)).map((e) => e.method)];
        if (allow.length === 0) throw new NotFoundError(`No route for ${method} ${path}`);
        throw new MethodNotAllowedError(`Method ${method} is not allowed on ${path}`, [...new Set(allow)].sort());
      }
      // Before any validation: a caller without a key, or without the route's permission, learns nothing about its inputs.
      if (scope.principal === null) throw new UnauthorizedError('Missing or invalid API key');
      assertRouteScopes(scope.principal, entry.scopes);
      if (entry.charge !== null) await entry.charge(scope.principal);

      const input = await readInput(entry, path, url.searchParams, req, options.maxBodyBytes);
      const data = await execute(entry, entry.route.variables(input), req, scope);
      const response = entry.route.respond(data, input);
      const status = response.status ?? entry.route.response.status;
      if (status === 204) {
        // No Content carries no body and no content headers (RFC 9110 §15.3.5), e.g. DELETE /v1/alerts/rules/{id}.
        res.writeHead(204, { ...response.headers });
        res.end();
        return true;
      }
      if (response.encoded !== undefined) {
        const { contentType, bytes } = response.encoded;
        res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.byteLength, ...response.headers });
        res.end(bytes);
      } else if (entry.route.response.mediaType === 'text/plain') {
        const text = String(response.body);
        res.writeHead(status, {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': Buffer.byteLength(text),
          ...response.headers,
        });
        res.end(text);
      } else {
        sendJson(res, status, jsonText(response.body), { ...response.headers });
      }
      return true;
    },
  };
}

/** Charges one unit of a route's own budget; over it, `admit` throws the documented 429 with Retry-After. */
function budgetCharge(limits: RestCompatOptions['limits'], budget: RateBudget, route: string): (principal: Principal) => Promise<unknown> {
  if (limits === undefined) throw new Error(`REST route ${route} declares the rate budget '${budget}' but the adapter was given no limits`);
  return (principal) => limits.admit(principal, budget);
}

function parsePart(schema: InputSchema, value: unknown, part: 'path' | 'query' | 'body'): unknown {
  const result = schema.safeParse(value, { error: issueMessage });
  if (!result.success) {
    const [issue] = result.error.issues;
    throw issue === undefined ? new ValidationError(`Parameter '${part}' is invalid`, part) : validationErrorOf(issue, part);
  }
  return result.data;
}

function pathValues(entry: PreparedRoute, path: string): Record<string, string> {
  const match = entry.pattern.exec(path);
  const values: Record<string, string> = {};
  entry.pathParams.forEach((name, i) => {
    const raw = match?.[i + 1] ?? '';
    try {
      values[name] = decodeURIComponent(raw);
    } catch {
      throw new ValidationError(`Parameter '${name}' is not a valid URL path segment`, name);
    }
  });
  return values;
}

/**
 * Query parameters as plain strings; a repeated parameter is ambiguous and
 * rejected, never turned into an array, except those the route declares
 * `repeatable`, which arrive as arrays of strings (however often given).
 */
function queryValues(params: URLSearchParams, repeatable: readonly string[]): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const previous = Object.hasOwn(values, key) ? values[key] : undefined;
    let next: string | string[] = value;
    if (repeatable.includes(key)) next = [...(Array.isArray(previous) ? previous : []), value];
    else if (previous !== undefined) throw new ValidationError(`Parameter '${key}' must be given once`, key);
    Object.defineProperty(values, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return values;
}

async function bodyValue(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const raw = await readBody(req, maxBytes);
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError('Request body must be valid JSON', 'body');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('Request body must be a JSON object', 'body');
  }
  return parsed;
}

const NO_INPUT = {} as const;

async function readInput(
  entry: PreparedRoute,
  path: string,
  query: URLSearchParams,
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<RouteInput<InputSchema, InputSchema, InputSchema>> {
  const { input } = entry.route;
  const queryRaw = queryValues(query, entry.route.repeatable ?? []);
  if (input.query === undefined && Object.keys(queryRaw).length > 0) {
    const [key] = Object.keys(queryRaw) as [string];
    throw new ValidationError(`Parameter '${key}' is not a parameter of this route`, key);
  }
  const pathRaw = pathValues(entry, path);
  return {
    path: input.path === undefined ? NO_INPUT : parsePart(input.path, pathRaw, 'path'),
    query: input.query === undefined ? NO_INPUT : parsePart(input.query, queryRaw, 'query'),
    body: input.body === undefined ? NO_INPUT : parsePart(input.body, await bodyValue(req, maxBodyBytes), 'body'),
    accept: req.headers.accept ?? '',
  };
}
