import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers/gateway.js';
import { postOtlpJson } from './helpers/otlp.js';

/**
 * GET /metrics read by Prometheus' own linter, `promtool check metrics`
 * (Debian's `prometheus` package, installed by scripts/test-deps.sh): every
 * exposed name must pass its naming rules — counters end in `_total`, nothing
 * else does, base units, no reserved suffixes — after traffic has created the
 * labelled series too.
 */

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
  expect((await postOtlpJson(gw.baseUrl, gw.apiKey, [{ service: 'metrics-lint', startMs: Date.now(), durationMs: 2 }])).status).toBe(200);
  expect((await gw.graphql('{ __typename }')).status).toBe(200);
  expect((await fetch(`${gw.baseUrl}/v1/traces`)).status).toBe(401);
});
afterAll(async () => {
  await gw.close();
});

describe('GET /metrics', () => {
  it('passes promtool check metrics without a single finding', async () => {
    const res = await fetch(`${gw.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    const exposition = await res.text();
    expect(exposition).toContain('mesh_http_request_duration_seconds_bucket');
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
    expect(lint.error, 'promtool must be on PATH (scripts/test-deps.sh installs Debian package prometheus)').toBeUndefined();
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });
});
