/** mongo-java-server (an in-memory MongoDB in the JVM), its classpath resolved by Maven once and cached in the data dir. */
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';
import { PACKAGE_ROOT } from '../../config.js';
import {
  EmbeddedMongoError,
  type Candidate,
  type EmbeddedOptions,
  type HeapReport,
  type RunningServer,
  type SnapshotReport,
} from './backend.js';
import { findExecutable, isReadable, statIfExists } from './files.js';
import { describeExit, formatTail, SupervisedProcess } from './supervised-process.js';

const JAVA_SERVER_DIR = join(PACKAGE_ROOT, 'mongo-java-server');
const JAVA_POM = join(JAVA_SERVER_DIR, 'pom.xml');
const JAVA_LAUNCHER = join(JAVA_SERVER_DIR, 'Launcher.java');

const JAVA_START_TIMEOUT_MS = 60_000;
/**
 * A restore reads 0.9 to 1.3 MB of snapshot per second on a loaded 2-core machine (volume bench: 360,000
 * documents, 38 MB, in 44 s; 430,000 documents, 48 MB, in 36 s); the start is allowed under half the slower rate.
 */
const RESTORE_BYTES_PER_MS = 400;
const MAVEN_TIMEOUT_MS = 300_000;
const JAVA_STOP_DEADLINE_MS = 5_000;

export async function probeJava(options: EmbeddedOptions): Promise<Candidate> {
  const java = await findExecutable('java');
  if (java === undefined) return { available: false, reason: 'no java on PATH' };

  const classpathFile = join(options.dataDir, 'java-classpath.txt');
  const cached = await readFreshClasspath(classpathFile);
  if (cached !== undefined) {
    return { available: true, detail: `${java}, cached classpath`, start: () => startJavaServer(java, cached, options) };
  }

  const mvn = await findExecutable('mvn');
  if (mvn === undefined) {
    return {
      available: false,
      reason: `no mvn on PATH to fetch mongo-java-server (${JAVA_POM}) and no cached classpath in ${classpathFile}`,
    };
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
      throw new EmbeddedMongoError(
        'java',
        `Maven could not resolve mongo-java-server (${describeExit(status)}).${formatTail(maven.output())}`,
      );
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

/**
 * The Java heap (-Xmx) for a store of `memoryMb`. Measured with -XX:NativeMemoryTracking on a store at
 * capacity, the JVM needs besides its heap about 150 MiB (classes, compiled code, threads, Netty's network
 * buffers, the C heap) and 6 % of the heap for G1's bookkeeping; the heap gets the rest with a margin, so
 * that the process's RSS stays within `memoryMb`.
 */
export function javaHeapMb(memoryMb: number): number {
  return Math.max(64, Math.floor(memoryMb * 0.88) - 160);
}

function jvmOptions(memoryMb: number | undefined): string[] {
  return [
    ...(memoryMb === undefined ? [] : [`-Xmx${javaHeapMb(memoryMb)}m`, '-XX:MaxMetaspaceSize=128m', '-XX:MaxDirectMemorySize=128m']),
    // G1 explicitly: on a small machine the JVM would pick the serial collector, whose full collections of a
    // large heap stop the store for seconds.
    '-XX:+UseG1GC',
    // An out-of-memory JVM would keep a half-working server up; exiting makes it an unexpected exit.
    '-XX:+ExitOnOutOfMemoryError',
  ];
}

/** The snapshot of the embedded store (docs/operations.md, "Embedded store"). */
export function snapshotPath(dataDir: string): string {
  return join(dataDir, 'embedded-store.snapshot');
}

/** Restoring reads and inserts every document: allow time in proportion to the snapshot's size. */
async function startTimeoutMs(snapshotFile: string | undefined): Promise<number> {
  const size = snapshotFile === undefined ? 0 : ((await statIfExists(snapshotFile))?.size ?? 0);
  return JAVA_START_TIMEOUT_MS + Math.ceil(size / RESTORE_BYTES_PER_MS);
}

async function startJavaServer(java: string, classpath: string, options: EmbeddedOptions): Promise<RunningServer> {
  const snapshotFile = options.snapshots ? snapshotPath(options.dataDir) : undefined;
  const args = [...jvmOptions(options.memoryMb), '-cp', classpath, JAVA_LAUNCHER, ...(snapshotFile ? ['--snapshot', snapshotFile] : [])];
  const timeoutMs = await startTimeoutMs(snapshotFile);
  const server = SupervisedProcess.spawn(java, args, {
    // Memory backend: nothing to flush (snapshots are asked for explicitly), so the quickest end is the right one.
    exitSignal: 'SIGKILL',
    // glibc gives each of the server's many threads its own malloc arena; two keep the C heap (G1's remembered
    // sets, the compilers) from holding 300 MB more than it uses.
    env: { MALLOC_ARENA_MAX: '2' },
    onUnexpectedExit: (description) => options.log(`embedded MongoDB: mongo-java-server ${description}`),
  });
  const output = new LauncherOutput(server.stdout);
  let heap: HeapReport | undefined;
  output.onEvery('heap ', (line) => {
    const report = /^heap live=(\d+) max=(\d+)$/.exec(line);
    if (report) heap = { liveBytes: Number(report[1]), maxBytes: Number(report[2]) };
  });
  const restored = snapshotFile === undefined ? undefined : output.next('restore ');
  const uri = await server.awaitStartup(output.next('mongodb://'), timeoutMs, 'mongo-java-server', 'java');
  if (restored !== undefined && snapshotFile !== undefined) reportRestore(await restored, snapshotFile, options);

  let snapshots: Promise<unknown> = Promise.resolve();
  const snapshot = (): Promise<SnapshotReport> => {
    const taken = snapshots.then(async () => {
      const reply = output.next('snapshot ');
      server.send('snapshot');
      return parseSnapshotReply(await Promise.race([reply, server.exited.then(() => 'snapshot failed reason=the store exited')]));
    });
    snapshots = taken.catch(() => undefined);
    return taken;
  };
  return {
    uri,
    pid: server.pid,
    expiresTtlIndexes: false,
    ...(snapshotFile === undefined ? {} : { snapshot }),
    heap: () => heap,
    // EOF on stdin is the launcher's shutdown command.
    stop: () => server.terminate(() => server.closeStdin(), JAVA_STOP_DEADLINE_MS),
  };
}

function reportRestore(line: string, file: string, options: EmbeddedOptions): void {
  const ok = /^restore ok documents=(\d+) collections=(\d+) ms=(\d+)$/.exec(line);
  if (ok) {
    options.log(`embedded MongoDB: restored ${ok[1]} documents (${ok[2]} collections) from ${file} in ${ok[3]} ms`);
    return;
  }
  const failed = /^restore failed kept=(.*) reason=(.*)$/.exec(line);
  if (failed) {
    (options.warn ?? options.log)(`embedded MongoDB: snapshot ${file} is unreadable (${failed[2]}); kept as ${failed[1]}, starting empty`);
    return;
  }
  options.log(`embedded MongoDB: no snapshot at ${file}, starting empty`);
}

function parseSnapshotReply(line: string): SnapshotReport {
  const ok = /^snapshot ok documents=(\d+) bytes=(\d+) ms=(\d+)$/.exec(line);
  if (!ok) throw new EmbeddedMongoError('java', `Snapshot failed: ${line.replace(/^snapshot failed reason=/, '')}`);
  return { documents: Number(ok[1]), bytes: Number(ok[2]), ms: Number(ok[3]) };
}

/**
 * The launcher's stdout as lines, each handed to the first waiter whose prefix it starts with, or to the
 * listener of lines the launcher sends on its own (heap reports).
 */
class LauncherOutput {
  private pending = '';
  private readonly waiters: { readonly prefix: string; readonly resolve: (line: string) => void }[] = [];
  private readonly listeners: { readonly prefix: string; readonly receive: (line: string) => void }[] = [];

  constructor(stream: Readable) {
    stream.on('data', (chunk: string) => this.push(chunk));
  }

  next(prefix: string): Promise<string> {
    return new Promise((resolve) => this.waiters.push({ prefix, resolve }));
  }

  onEvery(prefix: string, receive: (line: string) => void): void {
    this.listeners.push({ prefix, receive });
  }

  private push(chunk: string): void {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines.map((l) => l.trim())) {
      const i = this.waiters.findIndex((w) => line.startsWith(w.prefix));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(line);
      else for (const listener of this.listeners) if (line.startsWith(listener.prefix)) listener.receive(line);
    }
  }
}
