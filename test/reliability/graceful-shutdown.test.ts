import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { randomApiKey } from '../helpers/gateway.js';
import { descendantsOf, isAlive, spawnGateway } from '../helpers/gateway-process.js';
import { otlpJson } from '../helpers/otlp.js';

/** An export request whose body is sent in two halves, so that it is provably in flight in between. */
function halfSentExport(port: number, apiKey: string): { finish(): void; status: Promise<number> } {
  const body = Buffer.from(otlpJson(Array.from({ length: 20 }, (_, i) => ({ startMs: Date.now() - 1_000 + i, durationMs: 4 }))));
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/v1/traces',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'content-length': body.length },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return { finish: () => req.end(body.subarray(half)), status };
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, completes requests in flight, stops the embedded store and exits 0', async () => {
    const apiKey = randomApiKey();
    const gw = await spawnGateway({
      MONGODB_URI: '',
      MESH_EMBEDDED_MONGO: 'java',
      MESH_DATA_DIR: mkdtempSync(join(tmpdir(), 'mesh-shutdown-')),
      MESH_BOOTSTRAP_API_KEY: apiKey,
    });
    const tree = descendantsOf(gw.pid);
    expect(tree.length).toBeGreaterThan(0);

    const inFlight = Array.from({ length: 5 }, () => halfSentExport(gw.port, apiKey));
    // Let the gateway take the requests (headers read, body under way) before the signal.
    await delay(1_000);
    gw.child.kill('SIGTERM');
    await delay(500);

    // No new connection is accepted once the drain began...
    const refused = await fetch(`${gw.baseUrl}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    // ...while the requests already in flight are served to the end.
    for (const r of inFlight) r.finish();
    expect(await Promise.all(inFlight.map((r) => r.status))).toEqual([200, 200, 200, 200, 200]);

    const exit = await gw.exited;
    expect(exit, gw.output()).toEqual({ code: 0, signal: null });
    expect(gw.output()).toMatch(/"msg":"stopped"/);
    const until = Date.now() + 10_000;
    while (tree.some(isAlive) && Date.now() < until) await delay(100);
    expect(tree.filter(isAlive)).toEqual([]);
  });
});
