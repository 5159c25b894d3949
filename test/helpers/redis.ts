import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface TestRedis {
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Idempotent. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/** A port the OS just handed out on loopback; redis-server cannot pick one itself (`--port 0` disables TCP). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}

/**
 * A throwaway redis-server (Debian's package; REDIS_SERVER overrides the
 * binary) on a free loopback port, with persistence off. Retries with a new
 * port when another process took the chosen one in between.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = process.env.REDIS_SERVER ?? 'redis-server';
  let lastOutput = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline && !output.includes('Ready to accept connections')) {
      const outcome = await Promise.race([exited, spawnError, delay(50).then(() => 'waiting' as const)]);
      if (outcome instanceof Error) {
        throw new Error(`Cannot run ${binary} (${outcome.message}): install it with "apt-get install -y redis-server" or set REDIS_SERVER`);
      }
      if (outcome === 'exited') break;
    }
    if (output.includes('Ready to accept connections')) {
      let stopped: Promise<void> | null = null;
      return {
        url: `redis://127.0.0.1:${port}`,
        stop() {
          stopped ??= (async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(killer);
          })();
          return stopped;
        },
      };
    }
    lastOutput = output;
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  throw new Error(`redis-server did not start:\n${lastOutput.slice(-2000)}`);
}
