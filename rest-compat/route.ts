import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { z } from 'zod';
import type { RateBudget } from '../src/domain/keys/rate-limit.js';

/**
 * One documented REST route, declared once: the GraphQL operation it runs, how
 * the request becomes the operation's variables, and how the operation's data
 * becomes the documented JSON. The adapter (rest-handler.ts) does everything
 * else the same way for every route: matching, input validation, auth, running
 * the operation through the yoga/envelop pipeline, the error envelope, OpenAPI.
 *
 * Adding a route = one `defineRoute({...})` in a `rest-compat/routes/<area>.routes.ts`
 * file, listed in `rest-compat/routes/index.ts`. See traces.routes.ts for a model.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The path prefixes the adapter answers under: the REST document's `/v1`, the
 * Mackerel-compatible trace API's `/api/v0` (docs/mackerel.md), the Jaeger query
 * API at `/api` and `/jaeger/api` and the Tempo HTTP API at `/tempo`
 * (docs/grafana.md). Every request under one of them gets a route, a 404 or a
 * 405, in the error shape of its family (families.ts).
 */
export const REST_PREFIXES = ['/v1', '/api/v0', '/api', '/jaeger/api', '/tempo'] as const;
export type RestPath = `${(typeof REST_PREFIXES)[number]}/${string}`;

/** A zod schema for one part of the request; `strictObject` so unknown parameters are rejected. */
export type InputSchema = z.ZodType<unknown, unknown>;

/** The validated request parts, typed by the route's schemas (absent schema → empty object). */
export interface RouteInput<P extends InputSchema, Q extends InputSchema, B extends InputSchema> {
  readonly path: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
  /** The request's Accept header ('' when absent), for routes that answer in more than one media type. */
  readonly accept: string;
}

export interface RouteResponse<Body> {
  /** Defaults to the route's `response.status`. */
  readonly status?: number;
  readonly body: Body;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Another representation of `body`, negotiated from `accept` (Tempo's traces
   * in OTLP protobuf): written instead of the JSON text of `body`. Its media
   * type must be one of the route's `response.alternatives`.
   */
  readonly encoded?: { readonly contentType: string; readonly bytes: Uint8Array };
}

export interface RouteDefinition<
  TData,
  TVariables,
  P extends InputSchema,
  Q extends InputSchema,
  B extends InputSchema,
  R extends InputSchema,
> {
  readonly method: HttpMethod;
  /** Path template with `{name}` segments, e.g. `/v1/traces/{trace_id}`; each name must be a key of `input.path`. */
  readonly path: RestPath;
  /** OpenAPI operationId; defaults to the operation's name without `Rest` (set it when one operation serves two paths). */
  readonly operationId?: string;
  /** Short summary for OpenAPI (`summary`), in the words of the REST document. */
  readonly summary: string;
  readonly description?: string;
  /** OpenAPI tag: the section of the REST document (Traces, Collector Nodes, Services, Alerts). */
  readonly tag: string;
  /**
   * A named GraphQL operation typed by codegen: `graphql(\`query RestListTraces(...) {...}\`)`
   * from `rest-compat/__generated__/gql.js` (run `npm run codegen` after editing it).
   * Validated against the schema once when the gateway starts.
   */
  readonly operation: TypedDocumentNode<TData, TVariables>;
  /**
   * Validation of the request. Each failure becomes 400 `invalid_parameter` with
   * `param` = the failing key (dotted path inside a body) and the message
   * `Parameter '<param>' <issue message>`, so write issue messages as predicates
   * ("must be an integer from 1 to 200"). The helpers in params.ts do.
   */
  readonly input: {
    readonly path?: P;
    readonly query?: Q;
    readonly body?: B;
  };
  /**
   * Query parameters that may be given more than once (Jaeger's `traceID` and
   * `tag`): the query schema receives each of them as an array of its values.
   * Any other parameter given twice is ambiguous and refused.
   */
  readonly repeatable?: readonly string[];
  /** Validated input → the operation's variables. Throw a DomainError for what schemas cannot say. */
  readonly variables: (input: RouteInput<P, Q, B>) => TVariables;
  /**
   * A rate budget of src/domain/keys/rate-limit.ts charged for every authenticated
   * request to this route, on top of the per-minute budget every request pays:
   * for a route whose document sets its own limit (Mackerel's list: 1 request
   * per second → `'mackerel-list'`). Charged before the input is validated, so
   * invalid requests count too; over the budget → 429 with Retry-After.
   */
  readonly budget?: RateBudget;
  /**
   * Operation data → the documented JSON (its type is checked against `response.schema`).
   * Throw `NotFoundError` when the operation answered null for the addressed resource.
   * A `bigint` in the body is written as a JSON integer of its exact digits (int64 attribute
   * values that a JS number would round); everything else as JSON.stringify writes it.
   */
  readonly respond: (data: TData, input: RouteInput<P, Q, B>) => RouteResponse<z.input<R>>;
  readonly response: {
    /** The success status of the document (200, or 201 Created). */
    readonly status: 200 | 201 | 204;
    /** The documented body, for OpenAPI and for the type of `respond`. */
    readonly schema: R;
    /** `text/plain` writes the body (a string) as it is; default `application/json`. */
    readonly mediaType?: 'application/json' | 'text/plain';
    /** Media types a response may take instead, through `encoded` (OpenAPI lists them). */
    readonly alternatives?: readonly string[];
  };
  /**
   * GraphQL argument names whose validation errors should be reported under the
   * REST parameter name, e.g. `{ after: 'cursor', traceId: 'trace_id' }`: the
   * envelope's `param`, and the quoted name in the message, are rewritten.
   */
  readonly errorParams?: Readonly<Record<string, string>>;
  /** Error statuses this route can answer besides 401/403/429/500/503, for OpenAPI (e.g. [400, 404]). */
  readonly errors: readonly (400 | 404 | 409 | 413)[];
}

/** A route with its type parameters erased, as the registry and the adapter hold it. */
export interface RestRoute {
  readonly method: HttpMethod;
  readonly path: RestPath;
  readonly operationId?: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly operation: TypedDocumentNode<unknown, unknown>;
  readonly input: { readonly path?: InputSchema; readonly query?: InputSchema; readonly body?: InputSchema };
  readonly repeatable?: readonly string[];
  readonly variables: (input: RouteInput<InputSchema, InputSchema, InputSchema>) => unknown;
  readonly respond: (data: unknown, input: RouteInput<InputSchema, InputSchema, InputSchema>) => RouteResponse<unknown>;
  readonly response: {
    readonly status: 200 | 201 | 204;
    readonly schema: InputSchema;
    readonly mediaType?: 'application/json' | 'text/plain';
    readonly alternatives?: readonly string[];
  };
  readonly errorParams?: Readonly<Record<string, string>>;
  readonly errors: readonly (400 | 404 | 409 | 413)[];
  readonly budget?: RateBudget;
}

/**
 * Declares a route. The type parameters tie the operation's codegen types to
 * `variables` and `respond`, and the schemas to the validated input; the result
 * is erased to `RestRoute` so that routes of every area sit in one list.
 */
export function defineRoute<
  TData,
  TVariables,
  P extends InputSchema = InputSchema,
  Q extends InputSchema = InputSchema,
  B extends InputSchema = InputSchema,
  R extends InputSchema = InputSchema,
>(route: RouteDefinition<TData, TVariables, P, Q, B, R>): RestRoute {
  return route as unknown as RestRoute;
}
