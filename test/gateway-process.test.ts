import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, inject, it } from 'vitest';
import { sdkSpans } from '../bench/otlp-payloads.js';
import { randomApiKey } from './helpers/gateway.js';
import { directDb } from './helpers/store-gateway.js';
import { GATEWAY_ARGS } from './helpers/gateway-process.js';
import { grpcExport } from './helpers/otlp-grpc.js';

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function descendants(pid: number): number[] {
  const direct = childrenOf(pid);
  return [...direct, ...direct.flatMap(descendants)];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('npm start with the embedded MongoDB', () => {
  it('serves /readyz, the API and OTLP/gRPC, writes mongodb.uri, and leaves no process or file behind on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesh-proc-'));
    const key = randomApiKey();
    const child = spawn(process.execPath, [...GATEWAY_ARGS], {
      env: { ...process.env, PORT: '0', MESH_DATA_DIR: dataDir, MESH_BOOTSTRAP_API_KEY: key, MESH_EMBEDDED_MONGO: 'java', MONGODB_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    const listening = await waitFor(() => /"msg":"gateway listening"/.test(log), 90_000);
    expect(listening, log).toBe(true);
    const listeningLine = log.split('\n').find((l) => l.includes('gateway listening'))!;
    const port = Number(/"port":(\d+)/.exec(listeningLine)![1]);
    const grpcPort = Number(/"grpcPort":(\d+)/.exec(listeningLine)![1]);
    // Start-up time to ready, from the process's start.
    expect(log).toMatch(/"startupMs":\d+,"msg":"gateway ready"/);
    expect(log).toMatch(/"backend":"java"/);
    expect(readFileSync(join(dataDir, 'mongodb.uri'), 'utf8')).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\n$/);

    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ traces(first: 1) { edges { cursor } } }' }),
    });
    expect(res.status).toBe(200);
    const spans = sdkSpans(10);
    const exported = await grpcExport(`127.0.0.1:${grpcPort}`, ProtobufTraceSerializer.serializeRequest(spans)!, {
      metadata: { authorization: `Bearer ${key}` },
      gzip: true,
    });
    expect(exported).toMatchObject({ ok: true });

    const tree = descendants(child.pid!);
    expect(tree.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await waitFor(() => tree.every((pid) => !alive(pid)), 10_000)).toBe(true);
    expect(existsSync(join(dataDir, 'mongodb.uri'))).toBe(false);
  });
});

describe('npm start', () => {
  it('runs the compiled build with plain node (no tsx), which serves /readyz', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node dist/src/main.js');
    const key = randomApiKey();
    const dbName = `t_${randomBytes(8).toString('hex')}`;
    // npm runs prestart (the build, up to date after the test setup), then the gateway; its own process group, to stop both.
    const npm = spawn('npm', ['start'], {
      env: {
        ...process.env,
        PORT: '0',
        MONGODB_URI: inject('mongoUri'),
        MONGODB_DB: dbName,
        MESH_BOOTSTRAP_API_KEY: key,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    npm.stdout.on('data', (d: Buffer) => (log += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    try {
      expect(await waitFor(() => /"msg":"gateway ready"/.test(log), 90_000), log).toBe(true);
      const port = Number(/"port":(\d+)/.exec(log.split('\n').find((l) => l.includes('gateway listening'))!)![1]);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const argvOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      // npm runs the script through sh -c; the gateway is the node process below it.
      const gateway = descendants(npm.pid!).find((pid) => argvOf(pid)[1] === 'dist/src/main.js');
      expect(gateway).toBeDefined();
      expect(argvOf(gateway!)).toEqual([expect.stringMatching(/(^|\/)node$/), 'dist/src/main.js']);
      const nodeOptions = readFileSync(`/proc/${gateway}/environ`, 'utf8')
        .split('\0')
        .find((v) => v.startsWith('NODE_OPTIONS='));
      expect(nodeOptions ?? '').not.toMatch(/tsx/);
    } finally {
      process.kill(-npm.pid!, 'SIGTERM');
      await exited;
      await (await directDb(inject('mongoUri'), dbName)).close();
    }
  });
});
