import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FaultProxy, NO_FAULTS } from '../helpers/fault-proxy.js';
import { storedCounts, steadyIngest } from '../helpers/otlp-retry.js';
import { directDb, startGatewayOnStore, type StoreGateway } from '../helpers/store-gateway.js';

/**
 * The delivery contract: a 2xx from POST /v1/traces means the spans are
 * durably stored, exactly once, however the network between the gateway and
 * MongoDB misbehaves. Faults come from a TCP proxy in the store's path.
 */
let proxy: FaultProxy;
let gw: StoreGateway;

beforeAll(async () => {
  proxy = await FaultProxy.start(inject('mongoUri'));
  gw = await startGatewayOnStore(proxy.uri);
});
afterAll(async () => {
  proxy.setFaults(NO_FAULTS);
  await gw.close();
  await proxy.close();
});

describe('delivery contract under store network faults', () => {
  it('stores every span of every acknowledged batch exactly once while connections are reset, cut and delayed at random', async () => {
    const tag = `dc${randomBytes(4).toString('hex')}`;
    proxy.setFaults({ dropRate: 0.1, cutRate: 0.01, delayMs: [0, 30] });
    const stopAt = Date.now() + 20_000;
    const statuses = new Map<string, number>();
    const { acknowledged } = await steadyIngest({
      url: `${gw.baseUrl}/v1/traces`,
      apiKey: gw.apiKey,
      tag,
      workers: 6,
      batchSize: 25,
      until: () => Date.now() > stopAt,
      retryDeadlineMs: 60_000,
      onOutcome: (o) => statuses.set(String(o.status), (statuses.get(String(o.status)) ?? 0) + 1),
    });
    proxy.setFaults(NO_FAULTS);

    // The faults really happened, and ingest still made progress through them.
    expect(proxy.stats.cut).toBeGreaterThan(0);
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    expect(acknowledged.length, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(200);

    const store = await directDb(inject('mongoUri'), gw.dbName);
    try {
      const counts = await storedCounts(store.db, tag);
      const missing = acknowledged.filter((name) => counts.get(name) !== 1);
      expect(missing, `acknowledged but not stored exactly once: ${missing.slice(0, 5).join(', ')}`).toEqual([]);
      // Nothing is stored twice, acknowledged or not (a retried batch that had committed is deduplicated).
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await store.db.client.close();
    }
  });
});
