import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { presentedKey } from '../src/domain/keys/auth.service.js';
import { COMPLEXITY_LIMITS } from '../src/graphql/builder.js';
import { sendError } from '../src/http/respond.js';
import { startTestGateway, type TestGateway } from '../test/helpers/gateway.js';
import { rest, type ErrorBody } from '../test/helpers/rest.js';
import { createRestCompat } from './rest-handler.js';
import { defineRoute, type RestRoute } from './route.js';

/**
 * The adapter runs each route's operation through the gateway's own yoga/envelop
 * pipeline, so the schema's rules apply to REST exactly as to /graphql. These
 * tests mount routes that exist only here on a second server that shares the
 * gateway's yoga instance, and show the rules at work.
 */

let gw: TestGateway;
let server: Server;
let baseUrl: string;

const listRoute = (path: `/v1/${string}`, query: string): RestRoute =>
  defineRoute<Record<string, unknown>, Record<string, never>>({
    method: 'GET',
    path,
    tag: 'Test',
    summary: 'test route',
    operation: parse(query),
    input: {},
    variables: () => ({}),
    respond: (data) => ({ body: data }),
    response: { status: 200, schema: z.record(z.string(), z.unknown()) },
    errors: [400],
  });

const TEST_ROUTES = [
  // Far beyond the complexity limit: 500 traces × their spans × attributes.
  listRoute(
    '/v1/test/expensive',
    'query RestTestExpensive { traces(first: 500) { edges { node { spans { name events { name } links { spanId } } } } } }',
  ),
  // Within the limits: a root field guarded by the `read` scope.
  listRoute('/v1/test/cheap', 'query RestTestCheap { traces(first: 1) { totalCount } }'),
];

beforeAll(async () => {
  gw = await startTestGateway();
  const compat = createRestCompat({ yoga: gw.app.yoga, routes: TEST_ROUTES, maxBodyBytes: 1024 });
  server = createServer((req, res) => {
    const requestId = 'req_test_route';
    void gw.app.services.auth
      .authenticate(presentedKey({ get: (name) => (req.headers[name.toLowerCase()] as string | undefined) ?? null }))
      .then((principal) => compat.handle(req, res, { requestId, principal }))
      .catch((error: unknown) => sendError(res, error, requestId));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await gw.close();
});

const onTestServer = (key: string | null, path: string) =>
  rest<ErrorBody & Record<string, unknown>>({ ...gw, baseUrl }, 'GET', path, { key });

describe('REST routes run through the GraphQL executor', () => {
  it('applies the schema-level `read` scope: a key without read gets 403 naming the scope its root field declares', async () => {
    const writer = await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['write'] });
    for (const path of ['/v1/traces', '/v1/traces/4bf92f3577b34da6a3ce929d0e0e4736', '/v1/test/cheap']) {
      const res = await rest<ErrorBody>({ ...gw, baseUrl: path.startsWith('/v1/test') ? baseUrl : gw.baseUrl }, 'GET', path, {
        key: writer.key,
      });
      expect(res.status).toBe(403);
      // Read from the root field's `authScopes` (rest-compat/route-scopes.ts), before the route reads its input.
      expect(res.body.error.message).toBe("API key lacks the 'read' permission required for this route");
    }
  });

  it('applies the complexity limit of the schema to a route’s operation', async () => {
    const res = await onTestServer(gw.apiKey, '/v1/test/expensive');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param: 'complexity' });
    expect(res.body.error.message).toMatch(new RegExp(`^Query complexity \\d+ exceeds the limit of ${COMPLEXITY_LIMITS.complexity}$`));
  });

  it('answers data through the shared context and DataLoaders when the operation is within limits', async () => {
    const res = await onTestServer(gw.apiKey, '/v1/test/cheap');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ traces: { totalCount: 0 } });
  });

  it('reports the request id of the HTTP request in the envelope', async () => {
    const res = await onTestServer(null, '/v1/test/cheap');
    expect(res.status).toBe(401);
    expect(res.body.error.request_id).toBe('req_test_route');
  });
});

describe('createRestCompat at start-up', () => {
  it('refuses an operation that does not validate against the schema', () => {
    const broken = listRoute('/v1/test/broken', 'query RestTestBroken { traces(first: 1) { noSuchField } }');
    expect(() => createRestCompat({ yoga: gw.app.yoga, routes: [broken], maxBodyBytes: 1024 })).toThrow(
      /REST route GET \/v1\/test\/broken: operation RestTestBroken is invalid against the schema: Cannot query field "noSuchField"/,
    );
  });

  it('refuses an anonymous operation and a document with two operations', () => {
    const anonymous = listRoute('/v1/test/anonymous', '{ traces(first: 1) { totalCount } }');
    const two = listRoute('/v1/test/two', 'query A { traces(first: 1) { totalCount } } query B { traces(first: 1) { totalCount } }');
    for (const route of [anonymous, two]) {
      expect(() => createRestCompat({ yoga: gw.app.yoga, routes: [route], maxBodyBytes: 1024 })).toThrow(/exactly one named operation/);
    }
  });

  it('refuses two routes with the same method and path', () => {
    const route = listRoute('/v1/test/twice', 'query RestTestTwice { traces(first: 1) { totalCount } }');
    expect(() => createRestCompat({ yoga: gw.app.yoga, routes: [route, route], maxBodyBytes: 1024 })).toThrow(/declared twice/);
  });
});
