import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Finding 9 of issue #16: /graphql reflected any Origin with
 * Access-Control-Allow-Credentials: true. Cross-origin access is now an
 * allow-list (MESH_CORS_ORIGINS), none by default, for every route alike.
 */
let closed: TestGateway;
let open: TestGateway;
const APP = 'https://console.example.com';
const EVIL = 'https://evil.example';

beforeAll(async () => {
  closed = await startTestGateway();
  open = await startTestGateway({ MESH_CORS_ORIGINS: `${APP}, http://localhost:5173` });
});
afterAll(async () => {
  await closed.close();
  await open.close();
});

const QUERY = JSON.stringify({ query: '{ __typename }' });

function graphql(gw: TestGateway, origin: string): Promise<Response> {
  return fetch(`${gw.baseUrl}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
    body: QUERY,
  });
}

function preflight(gw: TestGateway, path: string, origin: string): Promise<Response> {
  return fetch(`${gw.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('CORS (MESH_CORS_ORIGINS)', () => {
  it('gives no origin access by default, and never reflects an origin with credentials', async () => {
    const res = await graphql(closed, EVIL);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a preflight from an origin that is not listed, before authentication', async () => {
    for (const path of ['/graphql', '/v1/traces', '/v1/nodes']) {
      const res = await preflight(closed, path, EVIL);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden', param: 'origin' } });
    }
  });

  it('echoes a listed origin, on GraphQL, REST and OTLP alike, without Allow-Credentials', async () => {
    const res = await graphql(open, APP);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    const restAnswer = await fetch(`${open.baseUrl}/v1/nodes`, { headers: { origin: APP, authorization: `Bearer ${open.apiKey}` } });
    expect(restAnswer.headers.get('access-control-allow-origin')).toBe(APP);
    for (const path of ['/graphql', '/v1/traces', '/v1/nodes']) {
      const answer = await preflight(open, path, APP);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('answers an origin that is not listed without CORS headers although others are listed', async () => {
    const res = await graphql(open, EVIL);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(open, '/graphql', EVIL)).status).toBe(403);
  });

  it('refuses a malformed MESH_CORS_ORIGINS at start-up', () => {
    for (const bad of ['console.example.com', 'https://console.example.com/', 'https://a.example/path', 'ftp://a.example']) {
      expect(() => loadConfig({ MESH_CORS_ORIGINS: bad })).toThrow(/MESH_CORS_ORIGINS/);
    }
    expect(loadConfig({ MESH_CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });
});
