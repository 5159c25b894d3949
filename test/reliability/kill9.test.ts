import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomApiKey } from '../helpers/gateway.js';
import { freePort, spawnGateway, type GatewayProcess } from '../helpers/gateway-process.js';
import { storedCounts, steadyIngest } from '../helpers/otlp-retry.js';
import { directDb } from '../helpers/store-gateway.js';

/**
 * A 2xx is only sent once the spans are durable: killing the gateway with
 * SIGKILL in the middle of steady ingest (no shutdown code runs) loses no
 * acknowledged span. The senders retry through the outage as OTLP exporters
 * do, and the restarted gateway deduplicates what the dead one had written.
 */
const dbName = `t_${randomBytes(8).toString('hex')}`;
let current: GatewayProcess | undefined;

afterAll(async () => {
  current?.child.kill('SIGKILL');
  const store = await directDb(inject('mongoUri'), dbName);
  await store.close();
});

describe('kill -9 during steady ingest', () => {
  it('loses no acknowledged span across a SIGKILL and a restart on the same port', async () => {
    const port = await freePort();
    const apiKey = randomApiKey();
    // A fixed API port would put gRPC on its default 4317, which a developer's own gateway may hold: only HTTP here.
    const env = {
      PORT: String(port),
      MESH_OTLP_GRPC_PORT: '0',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      MESH_BOOTSTRAP_API_KEY: apiKey,
    };
    current = await spawnGateway(env);

    const tag = `k9${randomBytes(4).toString('hex')}`;
    let stop = false;
    let networkFailures = 0;
    const ingesting = steadyIngest({
      url: `http://127.0.0.1:${port}/v1/traces`,
      apiKey,
      tag,
      workers: 4,
      batchSize: 20,
      until: () => stop,
      retryDeadlineMs: 90_000,
      onOutcome: (o) => (networkFailures += o.attempts > 1 ? 1 : 0),
    });

    await delay(4_000);
    current.child.kill('SIGKILL');
    expect((await current.exited).signal).toBe('SIGKILL');
    current = await spawnGateway(env);
    await delay(4_000);
    stop = true;
    const { acknowledged } = await ingesting;
    current.child.kill('SIGTERM');
    expect((await current.exited).code).toBe(0);
    current = undefined;

    expect(acknowledged.length).toBeGreaterThan(100);
    // Some batches were in flight when the process died and had to be retried.
    expect(networkFailures).toBeGreaterThan(0);
    const store = await directDb(inject('mongoUri'), dbName);
    try {
      const counts = await storedCounts(store.db, tag);
      const missing = acknowledged.filter((name) => counts.get(name) !== 1);
      expect(missing, `acknowledged but not stored exactly once: ${missing.slice(0, 5).join(', ')}`).toEqual([]);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await store.db.client.close();
    }
    // Two gateway starts and senders that retry with backoff through the outage (up to 90 s): under a loaded
    // suite this takes longer than the default 60 s test timeout.
  }, 180_000);
});
