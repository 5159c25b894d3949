import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomApiKey } from './helpers/gateway.js';

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
  it('serves /readyz and the API, writes mongodb.uri, and leaves no process or file behind on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesh-proc-'));
    const key = randomApiKey();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', MESH_DATA_DIR: dataDir, MESH_BOOTSTRAP_API_KEY: key, MESH_EMBEDDED_MONGO: 'java', MONGODB_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    const listening = await waitFor(() => /"msg":"gateway listening"/.test(log), 90_000);
    expect(listening, log).toBe(true);
    const port = Number(/"port":(\d+)/.exec(log.split('\n').find((l) => l.includes('gateway listening'))!)![1]);
    expect(log).toMatch(/"backend":"java"/);
    expect(readFileSync(join(dataDir, 'mongodb.uri'), 'utf8')).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\n$/);

    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ traces(first: 1) { edges { cursor } } }' }),
    });
    expect(res.status).toBe(200);

    const tree = descendants(child.pid!);
    expect(tree.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await waitFor(() => tree.every((pid) => !alive(pid)), 10_000)).toBe(true);
    expect(existsSync(join(dataDir, 'mongodb.uri'))).toBe(false);
  });
});
