import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../src/auth/principal.js';
import { REST_ROUTES } from '../../rest-compat/routes/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { rest, type ErrorBody } from '../helpers/rest.js';

/**
 * Finding 10 of issue #16: a read key posting an invalid heartbeat got 400 and
 * so learned the body rules. On every REST route the permission is checked
 * before any input is validated: a key without it gets 403 whatever it sends.
 */
const PERMISSION: Readonly<Record<string, Permission>> = {
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

/** The route with every input part invalid: path segments, an unknown query parameter, a body of the wrong shape. */
function invalidRequest(route: (typeof REST_ROUTES)[number]): { path: string; body?: unknown } {
  const path = route.path.replace(/\{[^}]+\}/g, '!bad!');
  return {
    path: route.input.query === undefined && route.input.body === undefined ? path : `${path}?bogus=1`,
    ...(route.input.body === undefined ? {} : { body: { bogus: true } }),
  };
}

describe('REST authorization comes before input validation', () => {
  it('knows the permission of every route', () => {
    expect(REST_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(PERMISSION).sort());
  });

  for (const route of REST_ROUTES) {
    const name = `${route.method} ${route.path}`;
    it(`${name}: 403 for a key without '${PERMISSION[name]}', however invalid the request`, async () => {
      const permission = PERMISSION[name]!;
      const { path, body } = invalidRequest(route);
      const refused = await rest<ErrorBody>(gw, route.method, path, { key: keysWithout.get(permission)!, body });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'forbidden', param: null });
      expect(refused.body.error.message).toContain(`'${permission}'`);
      // The same request from a key holding the permission is judged on its input.
      const judged = await rest<ErrorBody>(gw, route.method, path, { key: keysWith.get(permission)!, body });
      expect(judged.status).toBe(400);
    });
  }
});
