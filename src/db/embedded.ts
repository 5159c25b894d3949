import { mkdir } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import {
  EmbeddedMongoError,
  type AvailableCandidate,
  type Candidate,
  type EmbeddedBackend,
  type EmbeddedOptions,
  type HeapReport,
  type SnapshotReport,
} from './embedded/backend.js';
import { probeDownload } from './embedded/download.js';
import { probeJava } from './embedded/java.js';
import { probeMongod } from './embedded/mongod.js';
import { publishStoreUri, withdrawStoreUri } from './uri-file.js';

export { EmbeddedMongoError, isEmbeddedBackend, type EmbeddedBackend, type HeapReport, type SnapshotReport } from './embedded/backend.js';

export interface EmbeddedMongo {
  readonly uri: string;
  readonly backend: EmbeddedBackend;
  /** Process id of the server, for diagnostics; undefined when the backend does not expose it. */
  readonly pid: number | undefined;
  /** False for mongo-java-server: the gateway then enforces the TTL indexes itself (src/db/ttl-sweeper.ts). */
  readonly expiresTtlIndexes: boolean;
  /** Snapshots the whole store into the data dir (mongo-java-server with `snapshots`); absent otherwise. */
  readonly snapshot?: () => Promise<SnapshotReport>;
  /** The store's latest heap report (mongo-java-server); absent for stores that do not hold their data in a heap. */
  readonly heap?: () => HeapReport | undefined;
  /** Stops the server and withdraws `<dataDir>/mongodb.uri`. Idempotent. */
  stop(): Promise<void>;
}

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
    expiresTtlIndexes: server.expiresTtlIndexes,
    ...(server.snapshot === undefined ? {} : { snapshot: server.snapshot }),
    ...(server.heap === undefined ? {} : { heap: server.heap }),
    stop: () => (stopped ??= stopOnce()),
  };
}

async function chooseBackend(options: EmbeddedOptions): Promise<{ backend: EmbeddedBackend; candidate: AvailableCandidate }> {
  if (options.force) {
    const candidate = await probe(options.force, options);
    if (!candidate.available) {
      throw new EmbeddedMongoError(
        options.force,
        `Embedded MongoDB backend "${options.force}" was requested but is unavailable: ${candidate.reason}.`,
      );
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
