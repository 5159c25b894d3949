import { randomBytes } from 'node:crypto';
import { stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { graphqlClient, randomApiKey } from './helpers/gateway.js';
import type { GatewayProcess } from './helpers/gateway-process.js';
import { embeddedDataDir, spawnEmbeddedGateway, stopGateway } from './helpers/embedded-gateway.js';
import { hex, postOtlpJson, type SimpleSpan } from './helpers/otlp.js';

/**
 * Persistence of the embedded store across restarts: a snapshot in MESH_DATA_DIR at shutdown (after the
 * drain) and every MESH_EMBEDDED_SNAPSHOT_S, restored at the next start; a damaged snapshot never keeps the
 * gateway from starting.
 */
const SPANS_PER_TRACE = 5;
const running: GatewayProcess[] = [];
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const gateway of running.splice(0)) gateway.child.kill('SIGKILL');
  for (const step of cleanup.splice(0)) await step();
});

async function start(dataDir: string, env: Record<string, string>): Promise<GatewayProcess> {
  const gateway = await spawnEmbeddedGateway(dataDir, env);
  running.push(gateway);
  return gateway;
}

async function stop(gateway: GatewayProcess): Promise<void> {
  expect((await stopGateway(gateway)).code, gateway.output()).toBe(0);
  running.splice(running.indexOf(gateway), 1);
}

/** Ingests `count` traces of SPANS_PER_TRACE spans; resolves with the ids of the acknowledged ones. */
async function ingestTraces(gateway: GatewayProcess, apiKey: string, count: number): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let i = 0; i < count; i++) {
    const traceId = hex(16);
    const spans: SimpleSpan[] = Array.from({ length: SPANS_PER_TRACE }, (_, j) => ({
      traceId,
      service: `svc-${j}`,
      startMs: Date.now() - 60_000 + j,
      durationMs: 3,
    }));
    const res = await postOtlpJson(gateway.baseUrl, apiKey, spans);
    if (res.status === 200) acknowledged.push(traceId);
  }
  return acknowledged;
}

async function spanCounts(gateway: GatewayProcess, apiKey: string, traceIds: readonly string[]): Promise<(number | null)[]> {
  return Promise.all(
    traceIds.map(async (id) => {
      const res = await fetch(`${gateway.baseUrl}/v1/traces/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
      return res.status === 200 ? ((await res.json()) as { spans: unknown[] }).spans.length : null;
    }),
  );
}

function logged(gateway: GatewayProcess, pattern: RegExp): boolean {
  return gateway
    .output()
    .split('\n')
    .some((line) => pattern.test(line));
}

describe('embedded store snapshots', () => {
  it('brings back every acknowledged trace, API key and alert rule after SIGTERM and a restart on the same MESH_DATA_DIR', async () => {
    const { dir, remove } = await embeddedDataDir();
    cleanup.push(remove);
    const apiKey = randomApiKey();
    const first = await start(dir, { MESH_BOOTSTRAP_API_KEY: apiKey });
    expect(logged(first, /"msg":"embedded MongoDB: no snapshot at .*embedded-store\.snapshot, starting empty"/), first.output()).toBe(true);
    const graphql = graphqlClient(first.baseUrl, apiKey);
    const created = await graphql<{ createApiKey: { key: string } }>(
      `
        mutation ($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            key
          }
        }
      `,
      { input: { name: 'reader', env: 'LIVE', permissions: ['READ'] } },
    );
    expect(created.body.errors).toBeUndefined();
    const readerKey = created.body.data!.createApiKey.key;
    const rule = await graphql<{ createAlertRule: { id: string } }>(
      `
        mutation ($input: CreateAlertRuleInput!) {
          createAlertRule(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          name: 'checkout errors',
          channels: ['SLACK'],
          condition: { metric: 'ERROR_RATE', service: 'checkout', operator: 'GT', threshold: 0.05, window: '5m' },
        },
      },
    );
    expect(rule.body.errors).toBeUndefined();
    const traces = await ingestTraces(first, apiKey, 40);
    expect(traces).toHaveLength(40);
    await stop(first);
    expect(logged(first, /"reason":"shutdown".*"msg":"store snapshot written"/), first.output()).toBe(true);

    // The bootstrap key is not given again: the restored store must hold it.
    const second = await start(dir, {});
    expect(logged(second, /"msg":"embedded MongoDB: restored \d+ documents \(\d+ collections\) from .* in \d+ ms"/), second.output()).toBe(
      true,
    );
    expect(await spanCounts(second, apiKey, traces)).toEqual(traces.map(() => SPANS_PER_TRACE));
    const asReader = await fetch(`${second.baseUrl}/v1/traces/${traces[0]}`, { headers: { authorization: `Bearer ${readerKey}` } });
    expect(asReader.status).toBe(200);
    const rules = await graphqlClient(
      second.baseUrl,
      apiKey,
    )<{ alertRules: { edges: { node: { id: string; name: string } }[] } }>(`{ alertRules(first: 10) { edges { node { id name } } } }`);
    expect(rules.body.data!.alertRules.edges.map((e) => e.node)).toEqual([
      { id: rule.body.data!.createAlertRule.id, name: 'checkout errors' },
    ]);
    await stop(second);
  }, 300_000);

  it('restores the last periodic snapshot after the gateway is killed', async () => {
    const { dir, remove } = await embeddedDataDir();
    cleanup.push(remove);
    const apiKey = randomApiKey();
    const first = await start(dir, { MESH_BOOTSTRAP_API_KEY: apiKey, MESH_EMBEDDED_SNAPSHOT_S: '1' });
    const traces = await ingestTraces(first, apiKey, 20);
    // A periodic snapshot that began after the last acknowledged trace holds it.
    const written = () =>
      first
        .output()
        .split('\n')
        .filter((l) => /"reason":"periodic".*"msg":"store snapshot written"/.test(l)).length;
    const before = written();
    const until = Date.now() + 60_000;
    while (written() < before + 2 && Date.now() < until) await delay(200);
    expect(written()).toBeGreaterThanOrEqual(before + 2);
    first.child.kill('SIGKILL');
    await first.exited;
    running.splice(running.indexOf(first), 1);

    const second = await start(dir, { MESH_EMBEDDED_SNAPSHOT_S: '1' });
    expect(await spanCounts(second, apiKey, traces)).toEqual(traces.map(() => SPANS_PER_TRACE));
    await stop(second);
  }, 300_000);

  it('starts empty when the snapshot is truncated, and keeps the damaged file aside', async () => {
    const { dir, remove } = await embeddedDataDir();
    cleanup.push(remove);
    const apiKey = randomApiKey();
    const first = await start(dir, { MESH_BOOTSTRAP_API_KEY: apiKey });
    const traces = await ingestTraces(first, apiKey, 10);
    await stop(first);
    const snapshot = join(dir, 'embedded-store.snapshot');
    const { size } = await stat(snapshot);
    await truncate(snapshot, Math.floor(size / 2));

    const second = await start(dir, { MESH_BOOTSTRAP_API_KEY: apiKey });
    expect(
      logged(
        second,
        /"level":"warn".*snapshot .* is unreadable \(.*truncated.*\); kept as .*embedded-store\.snapshot\.bad, starting empty/,
      ),
      second.output(),
    ).toBe(true);
    expect((await stat(`${snapshot}.bad`)).size).toBe(Math.floor(size / 2));
    expect(await spanCounts(second, apiKey, traces)).toEqual(traces.map(() => null));
    // An empty store that works: ingest and read back.
    const fresh = await ingestTraces(second, apiKey, 1);
    expect(await spanCounts(second, apiKey, fresh)).toEqual([SPANS_PER_TRACE]);
    await stop(second);

    // Not a snapshot at all: the same.
    await writeFile(snapshot, randomBytes(4096));
    const third = await start(dir, { MESH_BOOTSTRAP_API_KEY: apiKey });
    expect(
      logged(third, /"level":"warn".*snapshot .* is unreadable .*; kept as .*embedded-store\.snapshot\.bad, starting empty/),
      third.output(),
    ).toBe(true);
    expect(await spanCounts(third, apiKey, fresh)).toEqual([null]);
    await stop(third);
  }, 300_000);
});
