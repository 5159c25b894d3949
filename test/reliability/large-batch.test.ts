import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protobufBatches, sdkSpans } from '../../bench/otlp-payloads.js';
import { randomApiKey } from '../helpers/gateway.js';
import { spawnGateway, type GatewayProcess } from '../helpers/gateway-process.js';

/**
 * A legal large request on the embedded store (issue #14, item 5): a
 * 10,000-span OTLP/protobuf export (about 2 MB, well inside the 8 MiB body
 * limit) is either stored whole and answered 200, or refused with 429 +
 * Retry-After before anything is written; never answered 503 while its spans
 * end up stored. The gateway runs as `npm start` runs it, on its own
 * embedded store.
 */
const SPANS = 10_000;
const dataDir = mkdtempSync(join(tmpdir(), 'mesh-large-'));
const apiKey = randomApiKey();
let gw: GatewayProcess;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  gw = await spawnGateway({ MESH_DATA_DIR: dataDir, MESH_EMBEDDED_MONGO: 'java', MONGODB_URI: '', MESH_BOOTSTRAP_API_KEY: apiKey });
  client = new MongoClient(readFileSync(join(dataDir, 'mongodb.uri'), 'utf8').trim());
  db = client.db('mesh_trace');
}, 180_000);

afterAll(async () => {
  await client?.close();
  gw?.child.kill('SIGTERM');
  await gw?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

/** One SDK-shaped request of SPANS spans (10 per trace) and its trace ids. */
function largeRequest(): { body: Uint8Array; traceIds: string[] } {
  const spans = sdkSpans(SPANS);
  return { body: protobufBatches(spans, SPANS)[0]!, traceIds: [...new Set(spans.map((s) => s.spanContext().traceId))] };
}

/** Sends until answered 200, as an exporter does on 429; every 429 must have written nothing. */
async function exportOnce(request: { body: Uint8Array; traceIds: string[] }): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${apiKey}` },
      body: new Blob([new Uint8Array(request.body)]),
    });
    await res.arrayBuffer();
    statuses.push(res.status);
    if (res.status !== 429) return statuses;
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await db.collection('spans').countDocuments({ traceId: { $in: request.traceIds } })).toBe(0);
    await delay(Number(res.headers.get('retry-after')) * 1000);
  }
  return statuses;
}

describe('a 10,000-span request on the embedded store', () => {
  it('is stored whole and answered 200 (or 429 with nothing written), never 503', async () => {
    const request = largeRequest();
    expect(request.body.byteLength).toBeGreaterThan(1_500_000);
    const statuses = await exportOnce(request);
    expect(statuses.at(-1), `answers: ${statuses.join(', ')}`).toBe(200);
    expect(await db.collection('spans').countDocuments({ traceId: { $in: request.traceIds } })).toBe(SPANS);
    const summaries = await db
      .collection('traces')
      .find({ traceId: { $in: request.traceIds } })
      .toArray();
    expect(summaries).toHaveLength(SPANS / 10);
    expect(summaries.every((t) => t.spanCount === 10)).toBe(true);
  }, 240_000);

  it('answers three such requests at once with 200, or 429 with nothing of it written, never 503', async () => {
    const requests = [largeRequest(), largeRequest(), largeRequest()];
    const answers = await Promise.all(requests.map((r) => exportOnce(r)));
    for (const [i, statuses] of answers.entries()) {
      expect(statuses.at(-1), `answers: ${statuses.join(', ')}`).toBe(200);
      expect(await db.collection('spans').countDocuments({ traceId: { $in: requests[i]!.traceIds } })).toBe(SPANS);
    }
  }, 300_000);
});
