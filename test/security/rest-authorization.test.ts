import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../src/auth/principal.js';
import { familyOf } from '../../rest-compat/families.js';
import { REST_ROUTES } from '../../rest-compat/routes/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Finding 10 of issue #16: a read key posting an invalid heartbeat got 400 and
 * so learned the body rules. On every REST route the permission is checked
 * before any input is validated: a key without it gets 403 whatever it sends.
 */
const JAEGER_ROUTES = ['/services', '/services/{service}/operations', '/operations', '/traces', '/traces/{traceID}', '/dependencies'];
const TEMPO_READ_ROUTES = [
  '/tempo/api/traces/{traceID}',
  '/tempo/api/v2/traces/{traceID}',
  '/tempo/api/search',
  '/tempo/api/search/tags',
  '/tempo/api/v2/search/tags',
  '/tempo/api/v2/search/tag/{tag}/values',
  '/tempo/api/search/tag/{tag}/values',
];

/** null: the route reads no data and takes no input (Grafana's data-source test), so any valid key may call it. */
const PERMISSION: Readonly<Record<string, Permission | null>> = {
  'GET /v1/traces': 'read',
  'GET /v1/traces/{trace_id}': 'read',
  'POST /v1/traces/search': 'read',
  'POST /v1/nodes/{node_id}/heartbeat': 'write',
  'GET /v1/nodes': 'read',
  'GET /v1/nodes/{node_id}/health': 'read',
  'POST /api/v0/traces': 'read',
  'GET /api/v0/traces/{traceId}': 'read',
  'GET /v1/services': 'read',
  'GET /v1/topology': 'read',
  'POST /v1/alerts/rules': 'admin',
  'GET /v1/alerts/rules': 'admin',
  'GET /v1/alerts/rules/{id}': 'admin',
  'PATCH /v1/alerts/rules/{id}': 'admin',
  'DELETE /v1/alerts/rules/{id}': 'admin',
  ...Object.fromEntries(JAEGER_ROUTES.flatMap((path) => [`GET /api${path}`, `GET /jaeger/api${path}`]).map((name) => [name, 'read'])),
  ...Object.fromEntries(TEMPO_READ_ROUTES.map((path) => [`GET ${path}`, 'read'])),
  'GET /tempo/api/echo': null,
  'GET /tempo/api/status/buildinfo': null,
};

/** A key holding every permission but `permission`. */
const WITHOUT: Readonly<Record<Permission, Permission[]>> = {
  read: ['write', 'admin'],
  write: ['read', 'admin'],
  admin: ['read', 'write'],
};

let gw: TestGateway;
const keysWithout = new Map<Permission, string>();
const keysWith = new Map<Permission, string>();

beforeAll(async () => {
  gw = await startTestGateway();
  for (const permission of ['read', 'write', 'admin'] as const) {
    const auth = gw.app.services.auth;
    keysWithout.set(permission, (await auth.createKey({ org: 'default', env: 'live', permissions: WITHOUT[permission] })).key);
    keysWith.set(permission, (await auth.createKey({ org: 'default', env: 'live', permissions: [permission] })).key);
  }
});
afterAll(async () => {
  await gw.close();
});

type Route = (typeof REST_ROUTES)[number];

/** Routes whose only input is a path segment any text satisfies (a service name). */
const ANY_TEXT_INPUT = new Set(['GET /api/services/{service}/operations', 'GET /jaeger/api/services/{service}/operations']);

/** Whether the route takes any input a request could get wrong. */
const takesInput = (route: Route) =>
  !ANY_TEXT_INPUT.has(`${route.method} ${route.path}`) &&
  (route.input.path !== undefined || route.input.query !== undefined || route.input.body !== undefined);

/** The route with every input part invalid: path segments, an unknown query parameter, a body of the wrong shape. */
function invalidRequest(route: Route): { path: string; body?: unknown } {
  const path = route.path.replace(/\{[^}]+\}/g, '!bad!');
  return {
    path: route.input.query === undefined && route.input.body === undefined ? path : `${path}?bogus=1`,
    ...(route.input.body === undefined ? {} : { body: { bogus: true } }),
  };
}

/** The status and error message, read from the error shape of the route's family (rest-compat/families.ts). */
async function call(route: Route, key: string): Promise<{ status: number; message: string }> {
  const { path, body } = invalidRequest(route);
  const res = await fetch(`${gw.baseUrl}${path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status < 400) return { status: res.status, message: '' };
  switch (familyOf(route.path)) {
    case 'rest': {
      const { error } = JSON.parse(text) as { error: { code: string; message: string; param: string | null } };
      expect(error).toMatchObject({ code: res.status === 403 ? 'forbidden' : 'invalid_parameter' });
      if (res.status === 403) expect(error.param).toBeNull();
      return { status: res.status, message: error.message };
    }
    case 'jaeger': {
      const { errors } = JSON.parse(text) as { errors: { code: number; msg: string }[] };
      expect(errors[0]?.code).toBe(res.status);
      return { status: res.status, message: errors[0]!.msg };
    }
    default:
      return { status: res.status, message: text };
  }
}

describe('REST authorization comes before input validation', () => {
  it('knows the permission of every route', () => {
    expect(REST_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(PERMISSION).sort());
  });

  for (const route of REST_ROUTES) {
    const name = `${route.method} ${route.path}`;
    const permission = PERMISSION[name];
    if (permission === null) {
      it(`${name}: takes no input and reads no data, so any valid key is answered`, async () => {
        expect(route.input).toEqual({});
        expect((await call(route, keysWith.get('write')!)).status).toBe(200);
      });
      continue;
    }
    it(`${name}: 403 for a key without '${permission}', however invalid the request`, async () => {
      const refused = await call(route, keysWithout.get(permission!)!);
      expect(refused.status).toBe(403);
      expect(refused.message).toContain(`'${permission}'`);
      // The same request from a key holding the permission is judged on its input (a route without input answers).
      const judged = await call(route, keysWith.get(permission!)!);
      expect(judged.status).toBe(takesInput(route) ? 400 : 200);
    });
  }
});
