import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { constants as fsConstants, type Stats } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, isAbsolute, join, resolve as resolvePath } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { publishStoreUri, withdrawStoreUri } from './uri-file.js';

export const EMBEDDED_BACKENDS = ['mongod', 'java', 'download'] as const;
export type EmbeddedBackend = (typeof EMBEDDED_BACKENDS)[number];

export interface EmbeddedMongo {
  readonly uri: string;
  readonly backend: EmbeddedBackend;
  /** Process id of the server, for diagnostics; undefined when the backend does not expose it. */
  readonly pid: number | undefined;
  /** Stops the server and withdraws `<dataDir>/mongodb.uri`. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  force?: EmbeddedBackend;
  mongodPath?: string;
  log: (msg: string) => void;
}

export class EmbeddedMongoError extends Error {
  override readonly name = 'EmbeddedMongoError';

  constructor(
    readonly backend: EmbeddedBackend,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isEmbeddedBackend(value: string): value is EmbeddedBackend {
  return (EMBEDDED_BACKENDS as readonly string[]).includes(value);
}

const JAVA_SERVER_DIR = fileURLToPath(new URL('../../mongo-java-server/', import.meta.url));
const JAVA_POM = join(JAVA_SERVER_DIR, 'pom.xml');
const JAVA_LAUNCHER = join(JAVA_SERVER_DIR, 'Launcher.java');
const JAVA_URI_LINE = /^mongodb:\/\/127\.0\.0\.1:\d+\/$/;

const JAVA_START_TIMEOUT_MS = 60_000;
const MONGOD_START_TIMEOUT_MS = 60_000;
const MAVEN_TIMEOUT_MS = 300_000;
const JAVA_STOP_DEADLINE_MS = 5_000;
// mongod flushes its journal and data files on SIGTERM; give it time before SIGKILL.
const MONGOD_STOP_DEADLINE_MS = 15_000;
const OUTPUT_TAIL_CHARS = 4_000;
const OUTPUT_DRAIN_MS = 500;

/**
 * Starts a MongoDB for a gateway that has no MONGODB_URI: `force`, or else the first available of
 * a local mongod, mongo-java-server (java on PATH), mongodb-memory-server (downloads mongod).
 * Publishes the URI in `<dataDir>/mongodb.uri` until `stop()`.
 *
 * The server never outlives this process: whatever way it ends (stop(), exit, a signal, SIGKILL),
 * the server process ends too.
 */
export async function startEmbeddedMongo(given: EmbeddedOptions): Promise<EmbeddedMongo> {
  // Absolute, because Maven resolves relative output paths against the pom's folder, not our cwd.
  const options = { ...given, dataDir: resolvePath(given.dataDir) };
  await mkdir(options.dataDir, { recursive: true });
  const { backend, candidate } = await chooseBackend(options);
  options.log(`embedded MongoDB: starting ${backend} (${candidate.detail})`);

  const server = await candidate.start();
  try {
    await publishStoreUri(options.dataDir, server.uri);
  } catch (error) {
    await server.stop();
    throw error;
  }
  options.log(`embedded MongoDB: ${backend} listening at ${server.uri}${server.pid === undefined ? '' : ` (pid ${server.pid})`}`);

  let stopped: Promise<void> | undefined;
  const stopOnce = async (): Promise<void> => {
    try {
      await withdrawStoreUri(options.dataDir, server.uri);
    } finally {
      await server.stop();
    }
  };
  return {
    uri: server.uri,
    backend,
    pid: server.pid,
    stop: () => (stopped ??= stopOnce()),
  };
}

interface RunningServer {
  readonly uri: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

type Candidate =
  | { readonly available: true; readonly detail: string; start(): Promise<RunningServer> }
  | { readonly available: false; readonly reason: string };

type AvailableCandidate = Extract<Candidate, { available: true }>;

async function chooseBackend(options: EmbeddedOptions): Promise<{ backend: EmbeddedBackend; candidate: AvailableCandidate }> {
  if (options.force) {
    const candidate = await probe(options.force, options);
    if (!candidate.available) {
      throw new EmbeddedMongoError(options.force, `Embedded MongoDB backend "${options.force}" was requested but is unavailable: ${candidate.reason}.`);
    }
    return { backend: options.force, candidate };
  }

  const skipped: string[] = [];
  for (const backend of ['mongod', 'java'] as const) {
    const candidate = await probe(backend, options);
    if (candidate.available) {
      logSkipped(skipped, options);
      return { backend, candidate };
    }
    skipped.push(`${backend}: ${candidate.reason}`);
  }
  logSkipped(skipped, options);
  return { backend: 'download', candidate: probeDownload() };
}

function logSkipped(skipped: readonly string[], options: EmbeddedOptions): void {
  if (skipped.length > 0) options.log(`embedded MongoDB: skipped ${skipped.join('; ')}`);
}

function probe(backend: EmbeddedBackend, options: EmbeddedOptions): Promise<Candidate> {
  switch (backend) {
    case 'mongod':
      return probeMongod(options);
    case 'java':
      return probeJava(options);
    case 'download':
      return Promise.resolve(probeDownload());
  }
}

// ---------------------------------------------------------------------------------------------
// mongod

async function probeMongod(options: EmbeddedOptions): Promise<Candidate> {
  if (options.mongodPath !== undefined) {
    const mongod = await findExecutable(options.mongodPath);
    if (mongod === undefined) {
      // An operator who names a binary means it: fail instead of quietly using another backend.
      throw new EmbeddedMongoError('mongod', `MONGOD_PATH ${options.mongodPath} is not an executable file.`);
    }
    return { available: true, detail: mongod, start: () => startMongod(mongod, options) };
  }
  const mongod = await findExecutable('mongod');
  if (mongod === undefined) return { available: false, reason: 'no mongod on PATH and MONGOD_PATH is not set' };
  return { available: true, detail: mongod, start: () => startMongod(mongod, options) };
}

/**
 * Runs beside mongod and stops it when its stdin pipe closes. mongod does not watch its stdin, so
 * without this a SIGKILLed gateway would leave mongod running and holding the lock on the dbpath.
 */
const MONGOD_WATCHDOG_SOURCE = `
const pid = Number(process.argv[1]);
const stopMongod = () => { try { process.kill(pid, 'SIGTERM'); } catch {} process.exit(0); };
process.stdin.on('end', stopMongod).on('error', stopMongod).resume();
`;

async function startMongod(mongod: string, options: EmbeddedOptions): Promise<RunningServer> {
  const dbPath = join(options.dataDir, 'db');
  await mkdir(dbPath, { recursive: true });
  const port = await freeLoopbackPort();
  const uri = `mongodb://127.0.0.1:${port}/`;

  const server = SupervisedProcess.spawn(mongod, ['--bind_ip', '127.0.0.1', '--port', String(port), '--dbpath', dbPath], {
    exitSignal: 'SIGTERM',
    onUnexpectedExit: (description) => options.log(`embedded MongoDB: mongod ${description}`),
  });
  const watchdog = SupervisedProcess.spawn(process.execPath, ['-e', MONGOD_WATCHDOG_SOURCE, String(server.pid)], {
    exitSignal: 'SIGKILL',
  });
  // Once mongod is gone its pid may be reused; the watchdog must not outlive it.
  void server.exited.then(() => watchdog.kill());

  const ready = new AbortController();
  try {
    await server.awaitStartup(untilMongodAnswers(uri, ready.signal), MONGOD_START_TIMEOUT_MS, `mongod ${mongod}`, 'mongod');
  } catch (error) {
    await watchdog.kill();
    throw error;
  } finally {
    ready.abort();
  }

  return {
    uri,
    pid: server.pid,
    stop: async () => {
      await watchdog.kill();
      await server.terminate(() => server.signal('SIGTERM'), MONGOD_STOP_DEADLINE_MS);
    },
  };
}

async function untilMongodAnswers(uri: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const client = new MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      // Not listening yet; awaitStartup() bounds the wait and notices if mongod exits.
    } finally {
      await client.close();
    }
    await delay(200);
  }
}

// ---------------------------------------------------------------------------------------------
// mongo-java-server

async function probeJava(options: EmbeddedOptions): Promise<Candidate> {
  const java = await findExecutable('java');
  if (java === undefined) return { available: false, reason: 'no java on PATH' };

  const classpathFile = join(options.dataDir, 'java-classpath.txt');
  const cached = await readFreshClasspath(classpathFile);
  if (cached !== undefined) {
    return { available: true, detail: `${java}, cached classpath`, start: () => startJavaServer(java, cached, options) };
  }

  const mvn = await findExecutable('mvn');
  if (mvn === undefined) {
    return { available: false, reason: `no mvn on PATH to fetch mongo-java-server (${JAVA_POM}) and no cached classpath in ${classpathFile}` };
  }
  return {
    available: true,
    detail: `${java}, resolving the classpath with ${mvn}`,
    start: async () => {
      options.log('embedded MongoDB: resolving mongo-java-server with Maven (first start or pom.xml changed)');
      const classpath = await resolveClasspathWithMaven(mvn, classpathFile);
      return startJavaServer(java, classpath, options);
    },
  };
}

/** The cached classpath, unless pom.xml is newer or a listed jar is gone (e.g. ~/.m2 was cleaned). */
async function readFreshClasspath(classpathFile: string): Promise<string | undefined> {
  const [cache, pom] = await Promise.all([statIfExists(classpathFile), stat(JAVA_POM)]);
  if (cache === undefined || cache.mtimeMs < pom.mtimeMs) return undefined;

  const classpath = (await readFile(classpathFile, 'utf8')).trim();
  if (!classpath) return undefined;
  const entries = classpath.split(delimiter);
  const present = await Promise.all(entries.map((entry) => isReadable(entry)));
  return present.every(Boolean) ? classpath : undefined;
}

async function resolveClasspathWithMaven(mvn: string, classpathFile: string): Promise<string> {
  // Written under a temporary name and renamed, so that a concurrent start never reads half a file.
  const partial = `${classpathFile}.${process.pid}.tmp`;
  const maven = SupervisedProcess.spawn(
    mvn,
    ['-q', '-B', '-Dstyle.color=never', '-f', JAVA_POM, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`],
    { exitSignal: 'SIGKILL' },
  );
  try {
    const status = await maven.awaitExit(MAVEN_TIMEOUT_MS, 'java');
    if (status.code !== 0) {
      throw new EmbeddedMongoError('java', `Maven could not resolve mongo-java-server (${describeExit(status)}).${formatTail(maven.output())}`);
    }
    await rename(partial, classpathFile);
  } finally {
    await rm(partial, { force: true });
  }
  const classpath = await readFreshClasspath(classpathFile);
  if (classpath === undefined) {
    throw new EmbeddedMongoError('java', `Maven wrote an empty or incomplete classpath to ${classpathFile}.`);
  }
  return classpath;
}

async function startJavaServer(java: string, classpath: string, options: EmbeddedOptions): Promise<RunningServer> {
  // An out-of-memory JVM would keep a half-working server up; exiting makes it an unexpected exit.
  const server = SupervisedProcess.spawn(java, ['-XX:+ExitOnOutOfMemoryError', '-cp', classpath, JAVA_LAUNCHER], {
    // Memory backend: nothing to flush, so the quickest end is the right one.
    exitSignal: 'SIGKILL',
    onUnexpectedExit: (description) => options.log(`embedded MongoDB: mongo-java-server ${description}`),
  });
  const uri = await server.awaitStartup(firstLineMatching(server.stdout, JAVA_URI_LINE), JAVA_START_TIMEOUT_MS, 'mongo-java-server', 'java');
  return {
    uri,
    pid: server.pid,
    // EOF on stdin is the launcher's shutdown command.
    stop: () => server.terminate(() => server.closeStdin(), JAVA_STOP_DEADLINE_MS),
  };
}

// ---------------------------------------------------------------------------------------------
// mongodb-memory-server

function probeDownload(): AvailableCandidate {
  return { available: true, detail: 'mongodb-memory-server, downloads mongod on first use', start: startDownloadedMongod };
}

async function startDownloadedMongod(): Promise<RunningServer> {
  // Imported lazily: most gateways never take this path and need not load the downloader.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  let server: InstanceType<typeof MongoMemoryServer>;
  try {
    server = await MongoMemoryServer.create({ instance: { ip: '127.0.0.1' } });
  } catch (error) {
    throw new EmbeddedMongoError('download', `mongodb-memory-server could not download or start mongod: ${errorMessage(error)}`, { cause: error });
  }
  return {
    uri: server.getUri(),
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    stop: async () => {
      await server.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child processes

interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: Error;
}

interface SupervisedOptions {
  /** Sent synchronously from process.on('exit'), where nothing asynchronous can run any more. */
  readonly exitSignal: NodeJS.Signals;
  /** Called when the process ends after startup without terminate() having been asked. */
  readonly onUnexpectedExit?: (description: string) => void;
}

/**
 * A child process that cannot outlive this one (exit handler) and whose output tail is kept for
 * error messages. Detached into its own process group so that a Ctrl-C in the terminal reaches
 * only the gateway, which then drains and stops the child itself.
 */
class SupervisedProcess {
  readonly exited: Promise<ExitStatus>;
  private readonly killOnExit: () => void;
  private tail = '';
  private started = false;
  private stopping = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    options: SupervisedOptions,
  ) {
    this.killOnExit = () => {
      this.child.kill(options.exitSignal);
    };
    process.on('exit', this.killOnExit);

    // Pipe errors (EPIPE once the child died) are expected; the exit status tells what happened.
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.on('error', () => undefined);
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.tail = (this.tail + chunk).slice(-OUTPUT_TAIL_CHARS);
      });
    }

    this.exited = new Promise<ExitStatus>((resolve) => {
      // 'close' follows 'exit' once the output is drained, so error messages get the last lines.
      // A grandchild that inherited the pipes could hold them open forever and keep this process
      // alive, so they are cut shortly after the exit.
      child.once('exit', () => {
        setTimeout(() => {
          for (const stream of [child.stdin, child.stdout, child.stderr]) stream.destroy();
        }, OUTPUT_DRAIN_MS).unref();
      });
      child.once('close', (code, signal) => resolve({ code, signal }));
      child.on('error', (error) => {
        // 'error' also reports failed kill() calls on a running child; only a failed spawn ends it.
        if (child.pid === undefined) resolve({ code: null, signal: null, error });
      });
    });
    void this.exited.then((status) => {
      process.off('exit', this.killOnExit);
      if (this.started && !this.stopping) {
        options.onUnexpectedExit?.(`exited unexpectedly (${describeExit(status)}).${formatTail(this.output())}`);
      }
    });
  }

  static spawn(command: string, args: readonly string[], options: SupervisedOptions): SupervisedProcess {
    return new SupervisedProcess(spawn(command, args, { stdio: 'pipe', detached: true }), options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdout(): Readable {
    return this.child.stdout;
  }

  output(): string {
    return this.tail.trim();
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  closeStdin(): void {
    this.child.stdin.end();
  }

  /** Resolves with `ready` once the process is up; kills it if it exits or times out first. */
  async awaitStartup<T>(ready: Promise<T>, timeoutMs: number, what: string, backend: EmbeddedBackend): Promise<T> {
    const timeout = new AbortController();
    const died = this.exited.then((status): never => {
      throw new EmbeddedMongoError(backend, `${what} ${startFailure(status)} before accepting connections.${formatTail(this.output())}`, {
        cause: status.error,
      });
    });
    const timedOut = delay(timeoutMs, undefined, { signal: timeout.signal }).then((): never => {
      throw new EmbeddedMongoError(backend, `${what} did not accept connections within ${timeoutMs / 1000} s.${formatTail(this.output())}`);
    });
    try {
      const value = await Promise.race([ready, died, timedOut]);
      this.started = true;
      return value;
    } catch (error) {
      await this.kill();
      throw error;
    } finally {
      timeout.abort();
    }
  }

  /** Waits for the process to end on its own; kills it after `timeoutMs`. */
  async awaitExit(timeoutMs: number, backend: EmbeddedBackend): Promise<ExitStatus> {
    const timeout = new AbortController();
    try {
      const status = await Promise.race([this.exited, delay(timeoutMs, undefined, { signal: timeout.signal }).then(() => undefined)]);
      if (status === undefined) {
        await this.kill();
        throw new EmbeddedMongoError(backend, `${this.child.spawnargs.join(' ')} did not finish within ${timeoutMs / 1000} s.${formatTail(this.output())}`);
      }
      if (status.error) throw new EmbeddedMongoError(backend, `Could not run ${this.child.spawnfile}: ${status.error.message}`, { cause: status.error });
      return status;
    } finally {
      timeout.abort();
    }
  }

  /** Asks the process to end, SIGKILLs it after `deadlineMs`, and resolves once it has exited. */
  async terminate(ask: () => void, deadlineMs: number): Promise<void> {
    this.stopping = true;
    if (this.hasExited()) return;
    ask();
    const deadline = new AbortController();
    const endedInTime = await Promise.race([
      this.exited.then(() => true),
      delay(deadlineMs, false, { signal: deadline.signal }).catch(() => false),
    ]);
    deadline.abort();
    if (!endedInTime) await this.kill();
  }

  async kill(): Promise<void> {
    this.stopping = true;
    if (!this.hasExited()) this.child.kill('SIGKILL');
    await this.exited;
  }

  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined;
  }
}

function firstLineMatching(stream: Readable, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let pending = '';
    const onData = (chunk: string): void => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const match = lines.map((line) => line.trim()).find((line) => pattern.test(line));
      if (match !== undefined) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
  });
}

function startFailure(status: ExitStatus): string {
  return status.error ? `could not be started (${status.error.message})` : `exited (${describeExit(status)})`;
}

function describeExit(status: ExitStatus): string {
  if (status.error) return status.error.message;
  return status.signal ? `signal ${status.signal}` : `exit code ${status.code ?? 'unknown'}`;
}

function formatTail(output: string): string {
  return output ? `\n--- last output ---\n${output}` : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Files, ports

/** `name` if it is a path, else the first match on PATH; undefined unless an executable file. */
async function findExecutable(name: string): Promise<string | undefined> {
  const candidates = isAbsolute(name) || name.includes('/') ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    const info = await statIfExists(candidate);
    if (info?.isFile() && (await isAccessible(candidate, fsConstants.X_OK))) return candidate;
  }
  return undefined;
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

function isReadable(path: string): Promise<boolean> {
  return isAccessible(path, fsConstants.R_OK);
}

async function isAccessible(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new EmbeddedMongoError('mongod', 'Could not reserve a loopback port for mongod.');
  }
  return address.port;
}
