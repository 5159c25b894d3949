/** What the embedded MongoDB backends share: their names, options and errors, and the server one starts. */

export const EMBEDDED_BACKENDS = ['mongod', 'java', 'download'] as const;
export type EmbeddedBackend = (typeof EMBEDDED_BACKENDS)[number];

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

export interface RunningServer {
  readonly uri: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export type Candidate =
  | { readonly available: true; readonly detail: string; start(): Promise<RunningServer> }
  | { readonly available: false; readonly reason: string };

export type AvailableCandidate = Extract<Candidate, { available: true }>;
