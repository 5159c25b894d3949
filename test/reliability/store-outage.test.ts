import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FaultProxy, NO_FAULTS } from '../helpers/fault-proxy.js';
import { otlpJson } from '../helpers/otlp.js';
import { startGatewayOnStore, type StoreGateway } from '../helpers/store-gateway.js';

/**
 * When MongoDB goes away the gateway degrades loudly and quickly (503 with
 * Retry-After, coded `unavailable` errors, /readyz 503) and recovers by
 * itself when it returns; the gateway process is never restarted. The outage
 * is a TCP proxy in the store's path that cuts every connection and resets
 * new ones, as a dead host or a partition looks to the driver.
 */
let proxy: FaultProxy;
let gw: StoreGateway;

beforeAll(async () => {
  proxy = await FaultProxy.start(inject('mongoUri'));
  gw = await startGatewayOnStore(proxy.uri, { MESH_STORE_TIMEOUT_MS: '1000' });
});
afterAll(async () => {
  proxy.restore();
  proxy.setFaults(NO_FAULTS);
  await gw.close();
  await proxy.close();
});

function ingest(): Promise<Response> {
  return fetch(`${gw.baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
    body: otlpJson([{ startMs: Date.now(), durationMs: 3 }]),
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
}

describe('store outage', () => {
  it('answers ingest 503 with Retry-After within 2 s while the store is away, and 200 again within 5 s of its return', async () => {
    expect((await ingest()).status).toBe(200);

    proxy.outage();
    const outageEnds = Date.now() + 4_000;
    let answered = 0;
    while (Date.now() < outageEnds) {
      const { value: res, ms } = await timed(ingest);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { code: number }).code).toBe(14); // google.rpc.Code UNAVAILABLE
      expect(ms).toBeLessThan(2_000);
      answered++;
      await delay(200);
    }
    expect(answered).toBeGreaterThan(5);

    proxy.restore();
    const restored = Date.now();
    let status = 0;
    while (Date.now() - restored < 5_000) {
      const res = await ingest();
      status = res.status;
      if (status === 200) break;
      await delay(Math.min(Number(res.headers.get('retry-after')) * 1000 || 250, 1_000));
    }
    expect(status).toBe(200);
    expect(Date.now() - restored).toBeLessThan(5_000);
  });

  it('turns /readyz 503 within 2 s and back to 200 once the store answers', async () => {
    expect((await fetch(`${gw.baseUrl}/readyz`)).status).toBe(200);
    proxy.outage();
    try {
      const { value: res, ms } = await timed(() => fetch(`${gw.baseUrl}/readyz`));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
      expect(ms).toBeLessThan(2_000);
      expect(await fetch(`${gw.baseUrl}/healthz`).then((r) => r.status)).toBe(200);
    } finally {
      proxy.restore();
    }
    const until = Date.now() + 5_000;
    let status = 0;
    while (Date.now() < until && (status = (await fetch(`${gw.baseUrl}/readyz`)).status) !== 200) await delay(100);
    expect(status).toBe(200);
  });

  it('answers GraphQL with code unavailable and REST with the 503 envelope while the store is away', async () => {
    proxy.outage();
    try {
      const graphql = await timed(() =>
        fetch(`${gw.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
          body: JSON.stringify({ query: '{ traces(first: 1) { edges { cursor } } }' }),
        }),
      );
      expect(graphql.ms).toBeLessThan(2_000);
      expect(graphql.value.status).toBe(503);
      const body = (await graphql.value.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions).toMatchObject({
        code: 'unavailable',
        retry_after: Number(graphql.value.headers.get('retry-after')),
      });

      const rest = await timed(() => fetch(`${gw.baseUrl}/v1/traces`, { headers: { authorization: `Bearer ${gw.apiKey}` } }));
      expect(rest.ms).toBeLessThan(2_000);
      expect(rest.value.status).toBe(503);
      expect(rest.value.headers.get('retry-after')).not.toBeNull();
      expect(((await rest.value.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    } finally {
      proxy.restore();
    }
  });

  it('answers ingest 503 within the store deadline when the store is reachable but too slow', async () => {
    const until = Date.now() + 5_000;
    while (Date.now() < until && (await fetch(`${gw.baseUrl}/readyz`)).status !== 200) await delay(100);
    // Every chunk from and to the store is held 3 s: connected, but far slower than MESH_STORE_TIMEOUT_MS (1 s).
    proxy.setFaults({ ...NO_FAULTS, delayMs: [3_000, 3_000] });
    try {
      const { value: res, ms } = await timed(ingest);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).not.toBeNull();
      expect(ms).toBeLessThan(2_000);
    } finally {
      proxy.setFaults(NO_FAULTS);
    }
  });
});
