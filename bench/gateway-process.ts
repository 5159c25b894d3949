import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt } from '../scripts/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A gateway started as its own process with the command of `npm start` (package.json), watched from outside. */
export interface GatewayProcess {
  readonly baseUrl: string;
  /** The process that runs the gateway (under whatever wrapper `npm start` uses). */
  readonly gatewayPid: number;
  /** The embedded store's process, a child of the gateway; undefined with MONGODB_URI. */
  readonly storePid: number | undefined;
  /** Everything the gateway wrote (JSON log lines). */
  log(): string;
  running(): boolean;
  /** SIGTERM, then the exit code once it has stopped. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * `scripts.start` of package.json (`node dist/src/main.js`), split into a command and its arguments: run directly rather than through
 * npm or a shell, so that SIGTERM reaches the gateway as it does from a process manager.
 */
function startCommand(): [string, string[]] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  return [command!, args];
}

/** Resident set size in bytes, from /proc. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

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

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** The gateway is the node process that runs no further node process (a wrapper such as tsx's CLI does). */
function processesBelow(root: number): { gateway: number; store: number | undefined } {
  let gateway = root;
  for (;;) {
    const next = childrenOf(gateway).find((pid) => commOf(pid) === 'node');
    if (next === undefined) break;
    gateway = next;
  }
  return { gateway, store: childrenOf(gateway).find((pid) => commOf(pid) === 'java') };
}

export async function startGateway(env: Record<string, string>, readyTimeoutMs = 600_000): Promise<GatewayProcess> {
  // What `prestart` does for the server: compile src/ to dist/ when the sources changed since the last build.
  ensureServerBuilt({ log: () => {} });
  const port = await freePort();
  const [command, args] = startCommand();
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // The benches send OTLP/HTTP; no gRPC listener on the shared default 4317 beside it.
      MESH_OTLP_GRPC_PORT: '0',
      ...env,
      PORT: String(port),
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2_000_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyTimeoutMs;
  while (!output.includes('"msg":"gateway listening"')) {
    if (child.exitCode !== null) throw new Error(`gateway exited before listening:\n${output.slice(-5000)}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not listen within ${readyTimeoutMs} ms:\n${output.slice(-5000)}`);
    }
    await delay(100);
  }
  const { gateway, store } = processesBelow(child.pid!);
  return {
    baseUrl,
    gatewayPid: gateway,
    storePid: store,
    log: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
