import { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTtlOptionsConflict, type IndexDeclaration } from '../src/db/collections.js';
import { startPeer, startTestGateway, type GatewayPeer, type TestGateway } from './helpers/gateway.js';

/**
 * MESH_RETENTION_HOURS changed between starts: the TTL indexes already exist
 * with the old expireAfterSeconds. Real MongoDB answers createIndex with
 * IndexOptionsConflict (85); the gateway must change the index with collMod
 * and start. mongo-java-server accepts the conflicting createIndex instead
 * and then holds two indexes of one name (which breaks dropping the
 * collection), and has no collMod: there the index must be replaced. The
 * restart test checks, on either server, that the gateway starts and that each
 * declared TTL index is there once, with the new expireAfterSeconds; the
 * IndexOptionsConflict path itself needs a server that reports it
 * (TEST_MONGODB_URI pointing at a real mongod) and is checked here by the
 * decision on the driver's own error.
 */

const ttl: IndexDeclaration = { name: 'retention_ttl', key: { start: 1 }, expireAfterSeconds: 3600, serves: 'retention' };

/** The reply real MongoDB sends for the conflict, as the driver raises it. */
const conflict = new MongoServerError({
  ok: 0,
  code: 85,
  codeName: 'IndexOptionsConflict',
  errmsg:
    'An equivalent index already exists with the same name but different options. Requested index: ' +
    '{ v: 2, key: { start: 1 }, name: "retention_ttl", expireAfterSeconds: 7200 }, existing index: ' +
    '{ v: 2, key: { start: 1 }, name: "retention_ttl", expireAfterSeconds: 3600 }',
});

describe('which createIndex failure is a TTL to change in place', () => {
  it('is IndexOptionsConflict (85) on a declared TTL index, by the error code alone', () => {
    expect(isTtlOptionsConflict(conflict, ttl)).toBe(true);
  });

  it('is nothing else: another code, a non-TTL index, or an error that is not the server’s', () => {
    const keySpecs = new MongoServerError({ ok: 0, code: 86, codeName: 'IndexKeySpecsConflict', errmsg: 'same name, other key' });
    expect(isTtlOptionsConflict(keySpecs, ttl)).toBe(false);
    expect(isTtlOptionsConflict(conflict, { name: 'key_unique', key: { key: 1 }, unique: true, serves: 'x' })).toBe(false);
    expect(isTtlOptionsConflict(new Error('IndexOptionsConflict'), ttl)).toBe(false);
  });
});

describe('a restart with another MESH_RETENTION_HOURS', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ MESH_RETENTION_HOURS: '168' });
  });
  afterAll(async () => {
    await gw.close();
  });

  /** Every declared TTL index of the instance, as the store lists it: one index of that name, with the declared TTL. */
  async function expectDeclaredTtls(peer: GatewayPeer): Promise<number> {
    let checked = 0;
    for (const spec of peer.app.collections) {
      const listed = await gw.store.db.collection(spec.name).listIndexes().toArray();
      for (const index of spec.indexes.filter((i) => i.expireAfterSeconds !== undefined)) {
        const found = listed.filter((i) => i.name === index.name).map((i) => i.expireAfterSeconds as number);
        expect(found, `${spec.name}.${index.name}`).toEqual([index.expireAfterSeconds]);
        checked++;
      }
    }
    return checked;
  }

  it('starts, serves, and leaves every retention TTL index with the new expireAfterSeconds', async () => {
    for (const hours of ['24', '1', '24']) {
      const peer = await startPeer(gw, { MESH_RETENTION_HOURS: hours });
      try {
        expect((await fetch(`${peer.baseUrl}/readyz`)).status).toBe(200);
        const spans = peer.app.collections.find((c) => c.name === 'spans')!.indexes.find((i) => i.name === 'retention_ttl');
        expect(spans?.expireAfterSeconds).toBe(Number(hours) * 3600);
        expect(await expectDeclaredTtls(peer)).toBeGreaterThanOrEqual(2);
      } finally {
        await peer.app.stop();
      }
    }
  });
});
