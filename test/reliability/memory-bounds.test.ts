import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomApiKey } from '../helpers/gateway.js';
import { memoryOf, spawnGateway, type GatewayProcess } from '../helpers/gateway-process.js';
import { otlpJson } from '../helpers/otlp.js';
import { directDb } from '../helpers/store-gateway.js';

/**
 * Floods of oversized and malicious bodies are refused without the heap
 * taking them in. The gateway runs in its own process so that its resident
 * memory can be read from /proc: with a 1 MiB body limit and 16 MiB of
 * in-flight ingest, its peak RSS (VmHWM) stays under RSS_BOUND however much
 * is thrown at it.
 */
const RSS_BOUND = 400 * 1024 * 1024;
const MAX_BODY = 1024 * 1024;
const dbName = `t_${randomBytes(8).toString('hex')}`;
const apiKey = randomApiKey();
let gw: GatewayProcess;

beforeAll(async () => {
  gw = await spawnGateway({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: dbName,
    MESH_BOOTSTRAP_API_KEY: apiKey,
    MESH_MAX_BODY_BYTES: String(MAX_BODY),
    MESH_MAX_INGEST_INFLIGHT_BYTES: String(16 * MAX_BODY),
  });
});
afterAll(async () => {
  gw.child.kill('SIGTERM');
  await gw.exited;
  await (await directDb(inject('mongoUri'), dbName)).close();
});

/** POSTs `body` to /v1/traces; `chunked` leaves out Content-Length so only the streaming bound can stop it. */
function post(body: Buffer, headers: Record<string, string>, chunked = false): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: gw.port,
      method: 'POST',
      path: '/v1/traces',
      agent: false,
      headers: { authorization: `Bearer ${apiKey}`, ...headers, ...(chunked ? {} : { 'content-length': String(body.length) }) },
    });
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once('error', reject);
    if (!chunked) {
      req.end(body);
      return;
    }
    for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}

/** `size` bytes of zeros, gzipped as a stream (a ~1000:1 bomb; never whole in this process's memory either). */
async function gzipBomb(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => gzip.once('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += zeros.length) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

describe('memory bounds under hostile bodies', () => {
  it('accepts an ordinary batch first (the baseline)', async () => {
    const ok = await post(Buffer.from(otlpJson([{ startMs: Date.now(), durationMs: 2 }])), { 'content-type': 'application/json' });
    expect(ok.status).toBe(200);
  });

  it('refuses a gzip bomb with 413 once inflation passes the body limit', async () => {
    const bomb = await gzipBomb(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const res = await post(bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/after decompression/);
    expect(memoryOf(gw.pid).peak).toBeLessThan(RSS_BOUND);
  });

  // 503 is the store's pool refusing to queue more authentication lookups (waitQueueTimeoutMS): refused too, with Retry-After.
  it('refuses 200 concurrent oversized posts (declared and chunked) with 413, 429 or 503 and stays under the RSS bound', async () => {
    const oversized = randomBytes(MAX_BODY + MAX_BODY / 2);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post(oversized, { 'content-type': 'application/x-protobuf' }, i % 2 === 1)),
    );
    const statuses = new Set(results.map((r) => r.status));
    expect(
      [...statuses].every((s) => s === 413 || s === 429 || s === 503),
      JSON.stringify([...statuses]),
    ).toBe(true);
    console.log(
      `oversized flood: ${JSON.stringify(Object.fromEntries([...statuses].map((s) => [s, results.filter((r) => r.status === s).length])))}, peak RSS ${Math.round(memoryOf(gw.pid).peak / 2 ** 20)} MiB`,
    );
    expect(results.filter((r) => r.status === 413).length).toBeGreaterThan(100);
    const { rss, peak } = memoryOf(gw.pid);
    expect(peak, `peak RSS ${Math.round(peak / 2 ** 20)} MiB`).toBeLessThan(RSS_BOUND);
    expect(rss).toBeLessThan(RSS_BOUND);
    // Still serving afterwards.
    const ok = await post(Buffer.from(otlpJson([{ startMs: Date.now(), durationMs: 2 }])), { 'content-type': 'application/json' });
    expect(ok.status).toBe(200);
  });
});
