import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { hex } from './helpers/otlp.js';

/**
 * Mackerel's official Go client (mackerel-client-go) pointed at a real
 * gateway: examples/mackerel-go is built and run against it. Runs where `go`
 * is on PATH (developer machines and CI); the build fetches the client module
 * through the Go module proxy on first use.
 */

const run = promisify(execFile);
const goAvailable = spawnSync('go', ['version']).status === 0;
const exampleDir = fileURLToPath(new URL('../examples/mackerel-go/', import.meta.url));

describe.skipIf(!goAvailable)('examples/mackerel-go (mackerel-client-go against the gateway)', () => {
  let gw: TestGateway;
  let binDir: string;
  let binary: string;
  let key: string;
  const service = 'go-client';
  const nowMs = Date.now();
  const traceIds = Array.from({ length: 5 }, () => hex(16));
  const INT64_MAX = '9223372036854775807';

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'mackerel-go-'));
    binary = join(binDir, 'mackerel-go');
    const build = run('go', ['build', '-buildvcs=false', '-o', binary, '.'], { cwd: exampleDir, timeout: 240_000 });
    gw = await startTestGateway();
    key = (await gw.app.services.auth.createKey({ org: 'default', env: 'live', permissions: ['read'] })).key;
    // Five traces of one root span each, 10 s apart, newest first in traceIds; latencies 100..500 ms.
    const request = {
      resourceSpans: traceIds.map((traceId, i) => ({
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId,
                spanId: hex(8),
                name: `GET /items/${i}`,
                kind: 2,
                startTimeUnixNano: String(BigInt(nowMs - 60_000 - i * 10_000) * 1_000_000n),
                endTimeUnixNano: String(BigInt(nowMs - 60_000 - i * 10_000 + (i + 1) * 100) * 1_000_000n),
                attributes: [{ key: 'counter', value: { intValue: INT64_MAX } }],
              },
            ],
          },
        ],
      })),
    };
    const res = await fetch(`${gw.baseUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
      body: JSON.stringify(request),
    });
    expect(res.status).toBe(200);
    await build;
  }, 300_000);

  afterAll(async () => {
    await gw?.close();
    if (binDir !== undefined) await rm(binDir, { recursive: true, force: true });
  });

  const client = (args: string[]) =>
    run(binary, args, { env: { ...process.env, MACKEREL_APIBASE: gw.baseUrl, MACKEREL_APIKEY: key }, timeout: 60_000 });

  it('lists every trace of a service with ListTracesSeq, walking pages of 2 within the 1 request/second limit', async () => {
    const { stdout } = await client(['-service', service, '-per-page', '2']);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(traceIds);
    expect(lines.map((l) => l[2])).toEqual(traceIds.map((_, i) => `GET /items/${i}`));
    expect(lines.map((l) => l[3])).toEqual(traceIds.map((_, i) => `trace ${(i + 1) * 100} ms`));
    expect(lines.map((l) => l[4])).toEqual(traceIds.map((_, i) => `${service} ${(i + 1) * 100} ms`));
  });

  it('reads a trace with GetTrace, the int64 attribute exact through the client’s int64', async () => {
    const { stdout } = await client(['-trace', traceIds[0]!]);
    expect(stdout).toContain(`"intValue": ${INT64_MAX}`);
    const trace = JSON.parse(stdout) as { spans: { traceId: string; name: string; kind: string; startTime: string; status: unknown }[] };
    expect(trace.spans).toEqual([
      expect.objectContaining({ traceId: traceIds[0], name: 'GET /items/0', kind: 'server', status: { message: '', code: 'unset' } }),
    ]);
    // The client decoded startTime into a time.Time (and re-encodes it in RFC 3339 with trailing zeros trimmed).
    expect(Date.parse(trace.spans[0]!.startTime)).toBe(nowMs - 60_000);
  });

  it('reports the gateway’s errors as the client’s APIError', async () => {
    await expect(client(['-trace', 'ab'.repeat(16)])).rejects.toMatchObject({ stderr: expect.stringContaining('does not exist') });
  });
});
