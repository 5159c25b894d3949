import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { wsUrl } from './helpers/subscriptions.js';

/**
 * Key management over GraphQL (admin only) and what a key's life means for
 * the rest of the API: shown once, stored as a hash, revoked everywhere (within 2 s).
 */
let gw: TestGateway;
/** A second gateway instance on the same database. */
let other: App;
let otherUrl: string;

beforeAll(async () => {
  gw = await startTestGateway({ MESH_WS_AUTH_RECHECK_S: '1' });
  other = buildApp({ config: loadConfig({ NODE_ENV: 'test', PORT: '0' }), db: gw.store.db, log: silentLogger });
  otherUrl = `http://127.0.0.1:${(await other.start()).port}`;
});
afterAll(async () => {
  await other.stop();
  await gw.close();
});

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { id name env prefix permissions rateLimit createdAt lastUsedAt revokedAt } }
}`;
const LIST = `{ apiKeys { id name env prefix permissions rateLimit revokedAt } }`;
const REVOKE = `mutation($id: String!) { revokeApiKey(id: $id) { id revokedAt } }`;
const PROBE = `{ __typename }`;

interface Created {
  createApiKey: {
    key: string;
    apiKey: { id: string; name: string; env: string; prefix: string; permissions: string[]; rateLimit: number; revokedAt: string | null };
  };
}

async function create(input: Record<string, unknown>, key = gw.apiKey): Promise<Created['createApiKey']> {
  const { body } = await gw.graphql<Created>(CREATE, { input }, key);
  expect(body.errors).toBeUndefined();
  return body.data!.createApiKey;
}

async function statusAt(baseUrl: string, key: string): Promise<number> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: PROBE }),
  });
  await res.text();
  return res.status;
}

describe('createApiKey / apiKeys / revokeApiKey', () => {
  it('creates a key in the caller organization and shows its plaintext once', async () => {
    const created = await create({ name: 'ci reader', env: 'LIVE', permissions: ['READ'], rateLimit: 2500 });
    expect(created.key).toMatch(/^mtk_live_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'ci reader', env: 'LIVE', permissions: ['READ'], rateLimit: 2500, revokedAt: null });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect(await statusAt(gw.baseUrl, created.key)).toBe(200);

    const { body } = await gw.graphql<{ apiKeys: { id: string; rateLimit: number }[] }>(LIST);
    const listed = body.data!.apiKeys.find((k) => k.id === created.apiKey.id);
    expect(listed).toMatchObject({ rateLimit: 2500 });
    expect(JSON.stringify(body)).not.toContain(created.key);
  });

  it('stores no plaintext key anywhere in the database', async () => {
    const created = await create({ env: 'TEST', permissions: ['READ', 'WRITE'] });
    expect(await statusAt(gw.baseUrl, created.key)).toBe(200);
    const dump: string[] = [];
    for (const { name } of await gw.store.db.listCollections().toArray()) {
      for (const doc of await gw.store.db.collection(name).find().toArray())
        dump.push(JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    }
    const text = dump.join('\n');
    expect(text).toContain(created.apiKey.id);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(created.key.slice(9));
    expect(text).not.toContain(gw.apiKey);
  });

  // The other instances follow within 2 s: test/key-revocation.test.ts.
  it('revokes a key from the very next request on the instance that revoked it', async () => {
    const created = await create({ env: 'LIVE', permissions: ['READ'] });
    expect(await statusAt(gw.baseUrl, created.key)).toBe(200);
    expect(await statusAt(otherUrl, created.key)).toBe(200);

    const { body } = await gw.graphql<{ revokeApiKey: { id: string; revokedAt: string } }>(REVOKE, { id: created.apiKey.id });
    expect(body.data!.revokeApiKey.revokedAt).not.toBeNull();
    expect(await statusAt(gw.baseUrl, created.key)).toBe(401);

    // Revoking again is harmless and keeps the first revocation time.
    const again = await gw.graphql<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: created.apiKey.id });
    expect(again.body.data!.revokeApiKey.revokedAt).toBe(body.data!.revokeApiKey.revokedAt);
  });

  it("closes a revoked key's open WebSockets with 4403, whichever instance revoked it", async () => {
    const created = await create({ env: 'LIVE', permissions: ['READ'] });
    const socket = new WebSocket(wsUrl(gw.baseUrl), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (m) => JSON.parse(m.toString()).type === 'connection_ack' && resolve()),
    );
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${created.key}` } }));
    await acked;

    await other.services.auth.revokeKey(created.apiKey.id, { org: 'default' });
    const outcome = await Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
    expect(outcome).toEqual({ code: 4403, reason: 'Forbidden: API key revoked' });
  });

  it('answers revokeApiKey for an unknown id, or another organization’s key, with not_found on id', async () => {
    const foreign = await gw.app.services.auth.createKey({ org: 'someone-else', env: 'live', permissions: ['read'] });
    for (const id of ['key_0000000000000000', foreign.record.id]) {
      const { body } = await gw.graphql(REVOKE, { id });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'not_found', param: 'id' });
    }
    expect(await statusAt(gw.baseUrl, foreign.key)).toBe(200);
    const malformed = await gw.graphql(REVOKE, { id: '{"$ne": null}' });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'id' });
  });

  it('rejects a rate limit above 10,000 or no permission with invalid_parameter', async () => {
    const tooHigh = await gw.graphql(CREATE, { input: { env: 'LIVE', permissions: ['READ'], rateLimit: 10_001 } });
    expect(tooHigh.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'rate_limit' });
    const none = await gw.graphql(CREATE, { input: { env: 'LIVE', permissions: [] } });
    expect(none.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid_parameter', param: 'permissions' });
  });
});

describe('who may manage keys', () => {
  it('refuses a key without admin (403 forbidden) and a request without a key (401)', async () => {
    const reader = await create({ env: 'LIVE', permissions: ['READ', 'WRITE'] });
    for (const query of [LIST, `mutation { revokeApiKey(id: "key_0000000000000000") { id } }`]) {
      const { body } = await gw.graphql(query, {}, reader.key);
      expect(body.errors?.[0]?.extensions?.code).toBe('forbidden');
      expect(body.data ?? null).toBeNull();
    }
    const anonymous = await fetch(`${gw.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LIST }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('keeps a sandbox admin key to sandbox keys: it cannot create, see or revoke live ones', async () => {
    const sandboxAdmin = await create({ env: 'TEST', permissions: ['ADMIN'] });
    const live = await create({ env: 'LIVE', permissions: ['READ'] });

    const mint = await gw.graphql(CREATE, { input: { env: 'LIVE', permissions: ['ADMIN'] } }, sandboxAdmin.key);
    expect(mint.body.errors?.[0]?.extensions).toMatchObject({ code: 'forbidden', param: 'env' });

    const listed = await gw.graphql<{ apiKeys: { env: string }[] }>(LIST, {}, sandboxAdmin.key);
    expect(listed.body.data!.apiKeys.length).toBeGreaterThan(0);
    expect(listed.body.data!.apiKeys.every((k) => k.env === 'TEST')).toBe(true);

    const revoke = await gw.graphql(REVOKE, { id: live.apiKey.id }, sandboxAdmin.key);
    expect(revoke.body.errors?.[0]?.extensions?.code).toBe('not_found');
    expect(await statusAt(gw.baseUrl, live.key)).toBe(200);

    // A live admin key sees both partitions of its organization.
    const all = await gw.graphql<{ apiKeys: { env: string }[] }>(LIST);
    expect(new Set(all.body.data!.apiKeys.map((k) => k.env))).toEqual(new Set(['LIVE', 'TEST']));
  });
});
