import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * How a gateway process is started: compiled, as `npm start` and the image run it (`node
 * dist/src/main.js`, built by test/server-build-global-setup.ts), or with MESH_TEST_GATEWAY=source
 * from the TypeScript sources through tsx (`npm run dev`).
 */
export const GATEWAY_ARGS: readonly string[] =
  process.env.MESH_TEST_GATEWAY === 'source' ? ['--import', 'tsx', 'src/main.ts'] : ['dist/src/main.js'];

/** A gateway started the way operators start it, its own process. */
export interface GatewayProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  /** OTLP/gRPC `host:port`, or null when MESH_OTLP_GRPC_PORT=0 disabled it. */
  readonly grpcTarget: string | null;
  /** Everything the process wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a gateway process and waits for its "gateway listening" line. */
export async function spawnGateway(env: Record<string, string>, timeoutMs = 90_000): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [...GATEWAY_ARGS], {
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const until = Date.now() + timeoutMs;
  let line: string | undefined;
  while ((line = log.split('\n').find((l) => l.includes('"msg":"gateway listening"'))) === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited before listening:\n${log}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not listen within ${timeoutMs} ms:\n${log}`);
    }
    await delay(50);
  }
  const port = Number(/"port":(\d+)/.exec(line)![1]);
  const grpcPort = /"grpcPort":(\d+)/.exec(line)?.[1];
  return {
    child,
    pid: child.pid!,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    grpcTarget: grpcPort === undefined ? null : `127.0.0.1:${grpcPort}`,
    output: () => log,
    exited,
  };
}

/** Resident set size and its high-water mark, in bytes, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Every process below `pid` (children, grandchildren…). */
export function descendantsOf(pid: number): number[] {
  let direct: number[];
  try {
    direct = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    direct = [];
  }
  return [...direct, ...direct.flatMap(descendantsOf)];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
