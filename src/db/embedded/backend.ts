/** What the embedded MongoDB backends share: their names, options and errors, and the server one starts. */

export const EMBEDDED_BACKENDS = ['mongod', 'java', 'download'] as const;
export type EmbeddedBackend = (typeof EMBEDDED_BACKENDS)[number];

export interface EmbeddedOptions {
  dataDir: string;
  force?: EmbeddedBackend;
  mongodPath?: string;
  /** mongo-java-server: memory of the store process in MiB, Java heap and the JVM's own; absent: the JVM's default heap. */
  memoryMb?: number;
  /** mongo-java-server: restore the snapshot in the data dir at start, and take snapshots on request. */
  snapshots?: boolean;
  log: (msg: string) => void;
  /** Problems the store recovered from by itself (a damaged snapshot); `log` when absent. */
  warn?: (msg: string) => void;
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

export interface SnapshotReport {
  readonly documents: number;
  readonly bytes: number;
  readonly ms: number;
}

/** How much of its heap the store's data holds (mongo-java-server; see HeapWatch in Launcher.java). */
export interface HeapReport {
  /** Least heap in use right after a collection over the last minute: an upper bound of the live data. */
  readonly liveBytes: number;
  readonly maxBytes: number;
}

export interface RunningServer {
  readonly uri: string;
  readonly pid: number | undefined;
  /**
   * Whether the server deletes what TTL indexes declare expired. mongo-java-server accepts TTL indexes
   * but never expires anything, so the gateway's own sweeper does it there (src/db/ttl-sweeper.ts).
   */
  readonly expiresTtlIndexes: boolean;
  /** Writes a snapshot of the whole store into the data dir, atomically; absent when the server takes none. */
  readonly snapshot?: () => Promise<SnapshotReport>;
  /** The latest heap report of a server that holds its data in a JVM heap; absent for the others. */
  readonly heap?: () => HeapReport | undefined;
  stop(): Promise<void>;
}

export type Candidate =
  | { readonly available: true; readonly detail: string; start(): Promise<RunningServer> }
  | { readonly available: false; readonly reason: string };

export type AvailableCandidate = Extract<Candidate, { available: true }>;
