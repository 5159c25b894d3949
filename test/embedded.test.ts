import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EmbeddedMongoError, startEmbeddedMongo, type EmbeddedMongo } from '../src/db/embedded.js';
import { mongoUriFilePath, resolveStoreUri, StoreUriUnavailableError } from '../src/db/uri-file.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/embedded-gateway.ts', import.meta.url));
const FAKE_MONGOD = fileURLToPath(new URL('./fixtures/fake-mongod.mjs', import.meta.url));
const CLASSPATH_FILE = 'java-classpath.txt';
const quiet = (): void => undefined;

const scratchDirs: string[] = [];
const gateways: ChildProcessWithoutNullStreams[] = [];
let resolvedClasspath: Promise<string> | undefined;

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mesh-embedded-test-'));
  scratchDirs.push(dir);
  return dir;
}

/** A fresh data directory holding a classpath some cold start already resolved, so it starts warm. */
async function warmDataDir(): Promise<string> {
  resolvedClasspath ??= coldStart().then((dataDir) => join(dataDir, CLASSPATH_FILE));
  const dir = await scratchDir();
  await copyFile(await resolvedClasspath, join(dir, CLASSPATH_FILE));
  return dir;
}

async function coldStart(): Promise<string> {
  const dataDir = await scratchDir();
  const mongo = await startEmbeddedMongo({ dataDir, force: 'java', log: quiet });
  await mongo.stop();
  return dataDir;
}

afterEach(() => {
  // A failed test must not leave its fixture gateway (and so its server) running.
  for (const gateway of gateways.splice(0)) gateway.kill('SIGKILL');
});

afterAll(async () => {
  await Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('startEmbeddedMongo with the java backend', () => {
  it('resolves the classpath with Maven on a cold start and caches it in <dataDir>/java-classpath.txt', async () => {
    const dataDir = await scratchDir();
    const mongo = await startEmbeddedMongo({ dataDir, force: 'java', log: quiet });
    resolvedClasspath ??= Promise.resolve(join(dataDir, CLASSPATH_FILE));
    try {
      expect(mongo.backend).toBe('java');
      expect(mongo.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      const classpath = await readFile(join(dataDir, CLASSPATH_FILE), 'utf8');
      expect(classpath).toContain('mongo-java-server-1.47.0.jar');
      expect(classpath).toContain('mongo-java-server-memory-backend-1.47.0.jar');
    } finally {
      await mongo.stop();
    }
  });

  it('serves a driver insertOne/find round trip that keeps int64 values exact', async () => {
    const mongo = await startEmbeddedMongo({ dataDir: await warmDataDir(), force: 'java', log: quiet });
    const client = new MongoClient(mongo.uri, { useBigInt64: true });
    try {
      const spans = client.db('embedded_test').collection<{ _id: string; startNs: bigint }>('spans');
      const startNs = 1_732_000_000_123_456_789n; // above 2^53: a double would round it
      await spans.insertOne({ _id: 'a', startNs });
      await expect(spans.find({ _id: 'a' }).toArray()).resolves.toEqual([{ _id: 'a', startNs }]);
    } finally {
      await client.close();
      await mongo.stop();
    }
  });

  it('publishes its URI in <dataDir>/mongodb.uri while running and removes it on stop', async () => {
    const dataDir = await warmDataDir();
    const mongo = await startEmbeddedMongo({ dataDir, force: 'java', log: quiet });
    await expect(readFile(mongoUriFilePath(dataDir), 'utf8')).resolves.toBe(`${mongo.uri}\n`);
    await mongo.stop();
    await expect(stat(mongoUriFilePath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves a URI file that another server has since published on the same data directory', async () => {
    const dataDir = await warmDataDir();
    const mongo = await startEmbeddedMongo({ dataDir, force: 'java', log: quiet });
    await writeFile(mongoUriFilePath(dataDir), 'mongodb://127.0.0.1:1/\n');
    await mongo.stop();
    await expect(readFile(mongoUriFilePath(dataDir), 'utf8')).resolves.toBe('mongodb://127.0.0.1:1/\n');
  });

  it('makes stop() idempotent', async () => {
    const mongo = await startEmbeddedMongo({ dataDir: await warmDataDir(), force: 'java', log: quiet });
    await Promise.all([mongo.stop(), mongo.stop()]);
    await mongo.stop();
    expect(isRunning(pidOf(mongo))).toBe(false);
  });

  it('logs the chosen backend', async () => {
    const lines: string[] = [];
    const mongo = await startEmbeddedMongo({ dataDir: await warmDataDir(), force: 'java', log: (msg) => lines.push(msg) });
    await mongo.stop();
    expect(lines).toContainEqual(expect.stringMatching(/starting java .*cached classpath/));
    expect(lines).toContainEqual(expect.stringContaining(`java listening at ${mongo.uri}`));
  });

  it('resolves the classpath again when pom.xml is newer than the cache', async () => {
    const dataDir = await warmDataDir();
    const cache = join(dataDir, CLASSPATH_FILE);
    await utimes(cache, new Date(0), new Date(0));
    const mongo = await startEmbeddedMongo({ dataDir, force: 'java', log: quiet });
    await mongo.stop();
    expect((await stat(cache)).mtimeMs).toBeGreaterThan(Date.now() - 120_000);
  });

  it('fails with EmbeddedMongoError when MONGOD_PATH names no executable', async () => {
    const dataDir = await scratchDir();
    const start = startEmbeddedMongo({ dataDir, mongodPath: join(dataDir, 'no-such-mongod'), log: quiet });
    await expect(start).rejects.toBeInstanceOf(EmbeddedMongoError);
    await expect(start).rejects.toMatchObject({ backend: 'mongod', message: expect.stringContaining('no-such-mongod') });
  });
});

describe('the java server never outlives its gateway', () => {
  it('ends when the gateway calls stop()', async () => {
    const gateway = await startGateway(await warmDataDir());
    gateway.process.stdin.write('stop\n');
    await expect(gateway.nextLine()).resolves.toBe('stopped');
    expect(isRunning(gateway.serverPid)).toBe(false);
    // Nothing of the stopped server may keep the gateway's event loop alive.
    gateway.process.stdin.end();
    const [code] = await once(gateway.process, 'exit');
    expect(code).toBe(0);
  });

  it('ends when the gateway exits without calling stop()', async () => {
    const gateway = await startGateway(await warmDataDir());
    gateway.process.stdin.write('exit\n');
    await once(gateway.process, 'exit');
    await expectGoneWithin(gateway.serverPid, 10_000);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('ends when the gateway is killed with %s', async (signal) => {
    const gateway = await startGateway(await warmDataDir());
    expect(isRunning(gateway.serverPid)).toBe(true);
    gateway.process.kill(signal);
    await once(gateway.process, 'exit');
    await expectGoneWithin(gateway.serverPid, 10_000);
  });
});

describe('startEmbeddedMongo with the mongod backend (stand-in binary)', () => {
  it('runs MONGOD_PATH on 127.0.0.1, a free port and <dataDir>/db, and waits until it answers', async () => {
    const dataDir = await warmDataDir();
    const mongo = await startEmbeddedMongo({ dataDir, mongodPath: FAKE_MONGOD, log: quiet });
    const client = new MongoClient(mongo.uri);
    try {
      expect(mongo.backend).toBe('mongod');
      await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      expect((await stat(join(dataDir, 'db'))).isDirectory()).toBe(true);
    } finally {
      await client.close();
      await mongo.stop();
    }
    expect(isRunning(pidOf(mongo))).toBe(false);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('ends mongod, which ignores its stdin, when the gateway is killed with %s', async (signal) => {
    const gateway = await startGateway(await warmDataDir(), FAKE_MONGOD);
    gateway.process.kill(signal);
    await once(gateway.process, 'exit');
    await expectGoneWithin(gateway.serverPid, 10_000);
  });
});

describe('resolveStoreUri', () => {
  it('prefers MONGODB_URI over the URI file', async () => {
    const dataDir = await scratchDir();
    await writeFile(mongoUriFilePath(dataDir), 'mongodb://127.0.0.1:1/\n');
    await expect(resolveStoreUri({ mongodbUri: 'mongodb://db.example:27017/', dataDir })).resolves.toBe('mongodb://db.example:27017/');
  });

  it('reads the URI a running gateway published in <dataDir>/mongodb.uri', async () => {
    const dataDir = await scratchDir();
    await writeFile(mongoUriFilePath(dataDir), 'mongodb://127.0.0.1:27999/\n');
    await expect(resolveStoreUri({ dataDir })).resolves.toBe('mongodb://127.0.0.1:27999/');
  });

  it('treats a blank MONGODB_URI as unset', async () => {
    const dataDir = await scratchDir();
    await writeFile(mongoUriFilePath(dataDir), 'mongodb://127.0.0.1:27999/\n');
    await expect(resolveStoreUri({ mongodbUri: '  ', dataDir })).resolves.toBe('mongodb://127.0.0.1:27999/');
  });

  it('tells the operator to start the gateway or set MONGODB_URI when neither is there', async () => {
    const dataDir = await scratchDir();
    const resolving = resolveStoreUri({ dataDir });
    await expect(resolving).rejects.toBeInstanceOf(StoreUriUnavailableError);
    await expect(resolving).rejects.toMatchObject({
      uriFile: mongoUriFilePath(dataDir),
      message: expect.stringMatching(/Start the gateway.*set MONGODB_URI/),
    });
  });

  it('rejects an empty URI file', async () => {
    const dataDir = await scratchDir();
    await writeFile(mongoUriFilePath(dataDir), '\n');
    await expect(resolveStoreUri({ dataDir })).rejects.toBeInstanceOf(StoreUriUnavailableError);
  });
});

interface FixtureGateway {
  readonly process: ChildProcessWithoutNullStreams;
  readonly serverPid: number;
  nextLine(): Promise<string>;
}

/** Runs test/fixtures/embedded-gateway.ts as a separate Node process, as a real gateway would run. */
async function startGateway(dataDir: string, mongodPath?: string): Promise<FixtureGateway> {
  const args = ['--import', 'tsx', FIXTURE, dataDir, ...(mongodPath === undefined ? [] : [mongodPath])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'pipe' });
  gateways.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const next = await lines.next();
    if (next.done) throw new Error(`fixture gateway ended its output; stderr:\n${stderr}`);
    return next.value;
  };
  const ready: unknown = JSON.parse(await nextLine());
  if (!isFixtureReady(ready)) throw new Error(`fixture gateway printed an unexpected first line; stderr:\n${stderr}`);
  return { process: child, serverPid: ready.pid, nextLine };
}

function isFixtureReady(value: unknown): value is { pid: number; uri: string } {
  return typeof value === 'object' && value !== null && 'pid' in value && typeof value.pid === 'number';
}

function pidOf(mongo: EmbeddedMongo): number {
  if (mongo.pid === undefined) throw new Error('the java backend reports its pid');
  return mongo.pid;
}

async function expectGoneWithin(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(isRunning(pid), `server pid ${pid} still running ${timeoutMs} ms after its gateway ended`).toBe(false);
}

/** Signal 0 probes the pid; a zombie (exited, not yet reaped by a container's init) counts as gone. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
