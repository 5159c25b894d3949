import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A gateway run as operators run it: `npm start` does, its `prestart` script
 * first (the build of dist/ when its sources changed), then the command of the
 * `start` script (`node dist/src/main.js`; `tsx src/main.ts` in older
 * checkouts), in its own process tree, reached only over its port and its
 * published store URI.
 * Nothing here imports the gateway, so the benchmark runs unchanged against
 * another checkout (BENCH_GATEWAY_DIR) for a before/after comparison.
 */
export interface GatewayProcess {
  readonly baseUrl: string;
  /** MONGODB_URI when given, else the embedded store's URI the gateway published in its data dir. */
  readonly storeUri: string;
  /** The `start` script's command line, as run. */
  readonly command: string;
  /** CPU seconds (user + system) used so far by the gateway's processes and by the embedded store's. */
  cpu(): { gateway: number; store: number };
  /** Resident set size in bytes of the gateway's processes and of the embedded store's (0 with MONGODB_URI). */
  rss(): { gateway: number; store: number };
  running(): boolean;
  /** Process ids of the gateway's own processes (not the store's). */
  gatewayPids(): number[];
  output(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`): the exit code, null when killed by a signal. */
  stop(graceMs?: number): Promise<number | null>;
}

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Checkouts whose `prestart` script already ran in this process. */
const prepared = new Set<string>();

/** Runs the checkout's `prestart` script as `npm start` would (once per checkout): the gateway measured is the one built from its sources. */
function prestart(dir: string): void {
  if (prepared.has(dir)) return;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (pkg.scripts?.prestart !== undefined)
    execFileSync('npm', ['run', '--silent', 'prestart'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  prepared.add(dir);
}

/** The `start` script as argv: `node` is this Node binary, any other command the checkout's node_modules/.bin one. */
function startCommand(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.start;
  if (script === undefined) throw new Error(`${dir}/package.json has no start script`);
  const argv = script.trim().split(/\s+/);
  const [command, ...args] = argv as [string, ...string[]];
  if (command === 'node') return [process.execPath, ...args];
  const local = join(dir, 'node_modules', '.bin', command);
  if (!existsSync(local)) throw new Error(`start script command ${command} not found in ${dir}/node_modules/.bin (run npm ci there)`);
  return [local, ...args];
}

function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function tree(pid: number): number[] {
  return [pid, ...children(pid).flatMap(tree)];
}

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

function rssBytes(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function isStoreProcess(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)(java|mongod)$/.test(cmdline[0] ?? '');
  } catch {
    return false;
  }
}

export async function startGatewayProcess(options: {
  readonly dir: string;
  readonly dataDir: string;
  readonly env: Record<string, string>;
  /** Node flags put right after the command (`node` and `tsx` both take them there), e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  readonly timeoutMs?: number;
}): Promise<GatewayProcess> {
  prestart(options.dir);
  const [command, ...script] = startCommand(options.dir);
  const args = [...(options.nodeFlags ?? []), ...script];
  const child: ChildProcess = spawn(command!, args, {
    cwd: options.dir,
    env: { ...process.env, MESH_DATA_DIR: options.dataDir, HOST: '127.0.0.1', PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // The last 2 MB: long runs keep what a report quotes (shutdown, snapshot, restore lines) without growing.
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2_000_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + (options.timeoutMs ?? 300_000);
  let line: string | undefined;
  while ((line = log.split('\n').find((l) => l.includes('"msg":"gateway listening"'))) === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited before listening:\n${log}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not listen in time:\n${log}`);
    }
    await delay(50);
  }
  const port = Number(/"port":(\d+)/.exec(line)![1]);
  const storeUri = process.env.MONGODB_URI ?? readFileSync(join(options.dataDir, 'mongodb.uri'), 'utf8').trim();
  const root = child.pid!;
  const split = () => {
    const all = tree(root);
    const store = new Set(all.filter(isStoreProcess).flatMap(tree));
    return { gateway: all.filter((p) => !store.has(p)), store: [...store] };
  };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    storeUri,
    command: [command, ...args].join(' '),
    cpu() {
      const { gateway, store } = split();
      const sum = (pids: number[]) => pids.reduce((s, p) => s + cpuSeconds(p), 0);
      return { gateway: sum(gateway), store: sum(store) };
    },
    rss() {
      const { gateway, store } = split();
      const sum = (pids: number[]) => pids.reduce((s, p) => s + rssBytes(p), 0);
      return { gateway: sum(gateway), store: sum(store) };
    },
    running: () => child.exitCode === null && child.signalCode === null,
    gatewayPids: () => split().gateway,
    output: () => log,
    async stop(graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
