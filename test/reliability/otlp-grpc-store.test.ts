import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sdkSpans } from '../../bench/otlp-payloads.js';
import { FaultProxy, NO_FAULTS } from '../helpers/fault-proxy.js';
import { grpcExport, type GrpcFailure } from '../helpers/otlp-grpc.js';
import { directDb, startGatewayOnStore, type StoreGateway } from '../helpers/store-gateway.js';

/**
 * OTLP/gRPC when the store is away, slow, or the gateway stops: the statuses
 * an exporter retries on (UNAVAILABLE and RESOURCE_EXHAUSTED, each with
 * RetryInfo), and calls in flight at shutdown finishing. The store sits
 * behind a TCP proxy that cuts and delays its traffic.
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
  const db = await directDb(inject('mongoUri'), gw.dbName);
  await db.close();
  await proxy.close();
});

function batch(spans = 10): { body: Uint8Array; traceIds: string[] } {
  const made = sdkSpans(spans, Date.now() - 60_000);
  return { body: ProtobufTraceSerializer.serializeRequest(made)!, traceIds: [...new Set(made.map((s) => s.spanContext().traceId))] };
}

async function stored(traceIds: readonly string[]): Promise<number> {
  const db = await directDb(inject('mongoUri'), gw.dbName);
  try {
    return await db.db.collection('spans').countDocuments({ traceId: { $in: [...traceIds] } });
  } finally {
    // directDb's close drops the database: close only the client here.
    await db.db.client.close();
  }
}

describe('OTLP/gRPC while the store is away or slow', () => {
  it('answers UNAVAILABLE with RetryInfo while the store is away, stores nothing, and OK again once it is back', async () => {
    const metadata = { authorization: `Bearer ${gw.apiKey}` };
    expect((await grpcExport(gw.grpcTarget, batch().body, { metadata })).ok).toBe(true);

    proxy.outage();
    const refused = batch();
    const outageEnds = Date.now() + 3_000;
    while (Date.now() < outageEnds) {
      const started = Date.now();
      const result = await grpcExport(gw.grpcTarget, refused.body, { metadata });
      expect(result).toMatchObject({ ok: false, codeName: 'UNAVAILABLE', retryDelayS: 2 });
      expect((result as GrpcFailure).details).toMatch(/trace store/);
      expect(Date.now() - started).toBeLessThan(2_000);
      await delay(200);
    }

    proxy.restore();
    const restored = Date.now();
    let ok = false;
    const later = batch();
    while (!ok && Date.now() - restored < 5_000) {
      const result = await grpcExport(gw.grpcTarget, later.body, { metadata });
      ok = result.ok;
      if (!ok) await delay(((result as GrpcFailure).retryDelayS ?? 0.25) * 500);
    }
    expect(ok).toBe(true);
    expect(await stored(refused.traceIds)).toBe(0);
    expect(await stored(later.traceIds)).toBe(10);
  });

  it('answers RESOURCE_EXHAUSTED with RetryInfo past MESH_MAX_INGEST_INFLIGHT_BATCHES, and stores the admitted batch', async () => {
    const bounded = await startGatewayOnStore(inject('mongoUri'), {
      MESH_MAX_INGEST_INFLIGHT_BATCHES: '1',
      MESH_STORE_TIMEOUT_MS: '60000',
    });
    const metadata = { authorization: `Bearer ${bounded.apiKey}` };
    const inFlight = async () => {
      const text = await (await fetch(`${bounded.baseUrl}/metrics`)).text();
      return Number(/^mesh_ingest_inflight_batches (\d+)$/m.exec(text)?.[1]);
    };
    try {
      // A large batch holds the one slot while it is decoded and written; a small one arrives meanwhile.
      const large = batch(3_000);
      const small = batch();
      const first = grpcExport(bounded.grpcTarget, large.body, { metadata });
      while ((await inFlight()) === 0) await delay(5);
      const shed = await grpcExport(bounded.grpcTarget, small.body, { metadata });
      expect(shed).toMatchObject({ ok: false, codeName: 'RESOURCE_EXHAUSTED', retryDelayS: 1 });
      expect((shed as GrpcFailure).details).toMatch(/ingesting at capacity/);
      expect(await first).toMatchObject({ ok: true });
      const db = bounded.store.db.collection('spans');
      expect(await db.countDocuments({ traceId: { $in: large.traceIds } })).toBe(3_000);
      expect(await db.countDocuments({ traceId: { $in: small.traceIds } })).toBe(0);
      expect(await (await fetch(`${bounded.baseUrl}/metrics`)).text()).toMatch(/^mesh_ingest_shed_total\{bound="inflight_batches"\} 1$/m);
    } finally {
      await bounded.close();
      await (await directDb(inject('mongoUri'), bounded.dbName)).close();
    }
  });
});

describe('OTLP/gRPC at shutdown', () => {
  it('finishes a call in flight when the gateway stops, and refuses calls after', async () => {
    const stopping = await startGatewayOnStore(proxy.uri, { MESH_SHUTDOWN_GRACE_MS: '10000' });
    const metadata = { authorization: `Bearer ${stopping.apiKey}` };
    proxy.setFaults({ ...NO_FAULTS, delayMs: [100, 150] });
    const inFlight = batch();
    try {
      const call = grpcExport(stopping.grpcTarget, inFlight.body, { metadata });
      await delay(100);
      const stopped = stopping.app.stop();
      expect(await call).toMatchObject({ ok: true });
      await stopped;
      const after = await grpcExport(stopping.grpcTarget, batch().body, { metadata });
      expect(after).toMatchObject({ ok: false, codeName: 'UNAVAILABLE' });
    } finally {
      proxy.setFaults(NO_FAULTS);
      await stopping.store.close();
    }
    const db = await directDb(inject('mongoUri'), stopping.dbName);
    try {
      expect(await db.db.collection('spans').countDocuments({ traceId: { $in: inFlight.traceIds } })).toBe(10);
    } finally {
      await db.close();
    }
  });
});
