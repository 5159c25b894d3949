import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The gateway's package directory, the nearest one above this file holding package.json: the
 * repository when it runs from src/ (tsx) and also when it runs compiled from dist/src/, and the
 * image's /app. Files shipped beside the code (the console build, mongo-java-server) are found from here.
 */
export const PACKAGE_ROOT = packageRootAbove(dirname(fileURLToPath(import.meta.url)));

function packageRootAbove(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) throw new Error(`No package.json above ${dir}`);
  }
}

/** Named address ranges MESH_OUTBOUND_ALLOW may open (their CIDR blocks: src/domain/alerts/outbound.ts). */
export const OUTBOUND_RANGE_NAMES = ['loopback', 'private', 'link-local', 'cgnat'] as const;
export type OutboundRangeName = (typeof OUTBOUND_RANGE_NAMES)[number];

function isOutboundAllowToken(token: string): boolean {
  if ((OUTBOUND_RANGE_NAMES as readonly string[]).includes(token)) return true;
  const [address, prefix, ...rest] = token.split('/');
  const family = isIP(address ?? '');
  if (rest.length > 0 || family === 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `*`, or an origin exactly as a browser sends it: scheme, host and port when not the default, no path. */
function isCorsOrigin(token: string): boolean {
  if (token === '*') return true;
  try {
    const url = new URL(token);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === token;
  } catch {
    return false;
  }
}

const envKey = z
  .string()
  .regex(
    /^mtk_(live|test)_[A-Za-z0-9_-]{16,128}$/,
    'must look like mtk_live_… or mtk_test_… (16–128 url-safe characters after the prefix)',
  );

const intFrom = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
/** Hours with decimals (0.01 = 36 s), so that a test can run retention in seconds; at least one second. */
const hoursFrom = (def: number, maxHours: number) =>
  z.coerce
    .number()
    .min(1 / 3600, 'must be at least one second (0.0003 hours)')
    .max(maxHours)
    .default(def);

/**
 * The embedded store's defaults (docs/operations.md, "Embedded store"). Measured with `npm run bench`: a
 * span costs about 2.5 KB of the store's heap with its share of trace summaries and join entries, a rollup
 * document about 2 KB; unless MESH_EMBEDDED_MAX_SPANS is set, the capacity follows the memory at
 * SPANS_PER_MIB, which leaves the rest of the heap to rollups, caches and the collector's headroom.
 */
export const SPANS_PER_MIB = 150;
export const EMBEDDED_DEFAULTS = { heapMb: 2048, snapshotIntervalS: 300 } as const;

const schema = z
  .object({
    PORT: intFrom(4000, 0, 65535),
    HOST: z.string().min(1).default('127.0.0.1'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
      .optional(),
    MONGODB_DB: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/)
      .default('mesh_trace'),
    MESH_DATA_DIR: z.string().min(1).default('.mesh'),
    MESH_EMBEDDED_MONGO: z.enum(['mongod', 'java', 'download']).optional(),
    MONGOD_PATH: z.string().min(1).optional(),
    MESH_EMBEDDED_HEAP_MB: intFrom(EMBEDDED_DEFAULTS.heapMb, 256, 1_048_576),
    // Unset: MESH_EMBEDDED_HEAP_MB × SPANS_PER_MIB.
    MESH_EMBEDDED_MAX_SPANS: z.coerce.number().int().min(1000).max(1_000_000_000).optional(),
    MESH_EMBEDDED_SNAPSHOT_S: intFrom(EMBEDDED_DEFAULTS.snapshotIntervalS, 0, 7 * 86_400),
    MESH_BOOTSTRAP_API_KEY: envKey.optional(),
    MESH_RETENTION_HOURS: hoursFrom(168, 24 * 365 * 10),
    MESH_INGEST_MAX_FUTURE_SKEW_S: intFrom(600, 1, 365 * 86_400),
    MESH_NODE_OFFLINE_AFTER_S: intFrom(90, 1, 86_400),
    // Unset: derived from MESH_NODE_OFFLINE_AFTER_S (a sixth of it, 250 ms to 15 s).
    MESH_NODE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).optional(),
    MESH_NODE_HISTORY_HOURS: hoursFrom(24, 24 * 365),
    MESH_NODE_DEGRADED_CPU_PCT: z.coerce.number().min(0).max(100).default(90),
    MESH_NODE_DEGRADED_BUFFER_PCT: z.coerce.number().min(0).max(100).default(80),
    MESH_NODE_UNHEALTHY_BUFFER_PCT: z.coerce.number().min(0).max(100).default(100),
    MESH_SUBSCRIPTION_BUFFER: intFrom(256, 1, 65_536),
    MESH_ALERT_EVAL_INTERVAL_S: intFrom(30, 1, 86_400),
    MESH_ALERT_DELIVERY_ATTEMPTS: intFrom(6, 1, 20),
    MESH_ALERT_RETRY_BASE_MS: intFrom(2000, 10, 3_600_000),
    MESH_ALERT_SEND_TIMEOUT_MS: intFrom(10_000, 100, 120_000),
    MESH_OUTBOUND_ALLOW: z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter((t) => t !== ''),
      )
      .refine((tokens) => tokens.every(isOutboundAllowToken), {
        message: `must be a comma-separated list of ${OUTBOUND_RANGE_NAMES.join(', ')} or CIDR blocks (e.g. 10.1.0.0/16)`,
      })
      .optional(),
    // Unset: 4317, the OTLP/gRPC port of every exporter's default, or an ephemeral port when PORT=0 (tests). 0 disables.
    MESH_OTLP_GRPC_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    MESH_TLS_CERT: z.string().min(1).optional(),
    MESH_TLS_KEY: z.string().min(1).optional(),
    MESH_MAX_BODY_BYTES: intFrom(8 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    MESH_MAX_INGEST_INFLIGHT_BYTES: intFrom(64 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    MESH_GRAPHIQL: z.enum(['true', 'false']).optional(),
    MESH_GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
    MESH_GRAPHQL_MAX_ALIASES: intFrom(30, 1, 1000),
    MESH_GRAPHQL_MAX_DIRECTIVES: intFrom(50, 1, 1000),
    MESH_GRAPHQL_MAX_TOKENS: intFrom(5000, 100, 100_000),
    MESH_GRAPHQL_MAX_BATCH: intFrom(10, 0, 100),
    MESH_GRAPHQL_MAX_BODY_BYTES: intFrom(1024 * 1024, 1024, 64 * 1024 * 1024),
    MESH_GRAPHQL_MAX_RESPONSE_BYTES: intFrom(16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    MESH_CORS_ORIGINS: z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      )
      .refine((tokens) => tokens.every(isCorsOrigin), {
        message: 'must be a comma-separated list of origins (https://app.example.com, http://localhost:5173) or *',
      })
      .optional(),
    MESH_RATE_LIMIT_PER_MIN: intFrom(1000, 1, 10_000),
    MESH_WS_AUTH_RECHECK_S: intFrom(5, 1, 3600),
    MESH_TRUSTED_PROXIES: z.string().default(''),
    // Reliability and operations (docs/operations.md).
    MESH_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    MESH_STORE_TIMEOUT_MS: intFrom(5000, 100, 600_000),
    MESH_MAX_INGEST_INFLIGHT_BATCHES: intFrom(64, 1, 100_000),
    MESH_WS_MAX_CONNECTIONS: intFrom(10_000, 1, 1_000_000),
    MESH_WS_MAX_OPERATIONS: intFrom(100, 1, 10_000),
    MESH_WS_MAX_BUFFERED_BYTES: intFrom(4 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    MESH_WS_MAX_UNAUTHENTICATED: intFrom(256, 1, 1_000_000),
    MESH_WS_MAX_UNAUTHENTICATED_PER_ADDRESS: intFrom(16, 1, 1_000_000),
    MESH_WS_INIT_TIMEOUT_MS: intFrom(3_000, 100, 600_000),
    MESH_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    MESH_METRICS_HOST: z.string().min(1).optional(),
    MESH_SHUTDOWN_GRACE_MS: intFrom(10_000, 0, 600_000),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//)
      .optional(),
  })
  .refine((e) => (e.MESH_TLS_CERT === undefined) === (e.MESH_TLS_KEY === undefined), {
    message: 'MESH_TLS_CERT and MESH_TLS_KEY go together: set both (PEM files) or neither',
    path: ['MESH_TLS_CERT'],
  });

export type Config = Readonly<{
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  mongodbUri: string | undefined;
  mongodbDb: string;
  dataDir: string;
  embeddedMongo: 'mongod' | 'java' | 'download' | undefined;
  mongodPath: string | undefined;
  /**
   * The embedded store (no MONGODB_URI): memory of the mongo-java-server process in MiB, span capacity
   * (the oldest whole traces are evicted beyond it), and seconds between snapshots into the data dir
   * (0: no snapshots at all, neither periodic nor at shutdown, and none restored).
   */
  embedded: Readonly<{ heapMb: number; maxSpans: number; snapshotIntervalS: number }>;
  bootstrapApiKey: string | undefined;
  retentionHours: number;
  /** How far in the future a span may start or end before ingest refuses it (clock skew between senders and gateway). */
  ingestMaxFutureSkewS: number;
  nodeOfflineAfterS: number;
  /** How often each instance looks for nodes whose heartbeat is overdue. */
  nodeSweepIntervalMs: number;
  /** TTL of the heartbeat history (charts, 1h figures); at least the 1 h window. */
  nodeHistoryHours: number;
  /** Status thresholds, documented in docs/nodes.md. */
  nodeHealth: Readonly<{ degradedCpuPct: number; degradedBufferPct: number; unhealthyBufferPct: number }>;
  /** Events queued per subscription before the oldest is dropped. */
  subscriptionBuffer: number;
  alertEvalIntervalS: number;
  /** Alert notification delivery (docs/alerts.md): attempts per notification, first retry delay, per-attempt timeout. */
  alertDelivery: Readonly<{ maxAttempts: number; retryBaseMs: number; sendTimeoutMs: number }>;
  /** Ranges that outbound notifications may reach although the SSRF guard refuses them by default (MESH_OUTBOUND_ALLOW). */
  outboundAllow: readonly string[];
  /**
   * OTLP/gRPC (TraceService/Export) on HOST: `{ port }` (0 asks the OS for a free port), or null when
   * MESH_OTLP_GRPC_PORT=0 disables it.
   */
  otlpGrpc: Readonly<{ port: number }> | null;
  /** PEM files of the certificate chain and its key: HTTPS and gRPC over TLS on both ports when set. */
  tls: Readonly<{ certPath: string; keyPath: string }> | undefined;
  maxBodyBytes: number;
  maxIngestInflightBytes: number;
  graphiql: boolean;
  /** Origins whose pages may call the API (MESH_CORS_ORIGINS); empty: no cross-origin access. */
  corsOrigins: readonly string[];
  /** Whether `__schema`/`__type` are answered; default on outside production. */
  graphqlIntrospection: boolean;
  /** Operation limits enforced before execution (see src/schema.limits.ts). */
  graphqlLimits: Readonly<{
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxBatch: number;
    maxBodyBytes: number;
    maxResponseBytes: number;
  }>;
  /** Default requests per minute per API key, when the key record has no override. */
  rateLimitPerMin: number;
  /** How often each open WebSocket's key is re-checked, so a revocation closes it. */
  wsAuthRecheckS: number;
  /** CIDR blocks of the proxies whose X-Forwarded-For / Forwarded headers name the client (checked when the app is built). */
  trustedProxies: readonly string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Deadline of each store step on the request path (authentication, rate limit, ingest write): past it, 503. */
  storeTimeoutMs: number;
  maxIngestInflightBatches: number;
  /**
   * WebSocket bounds: authenticated sockets per instance, sockets not yet authenticated (per instance and
   * per remote address), concurrent operations per socket, bytes queued per socket, time to connection_init.
   */
  wsLimits: Readonly<{
    maxConnections: number;
    maxUnauthenticated: number;
    maxUnauthenticatedPerAddress: number;
    maxOperations: number;
    maxBufferedBytes: number;
    initTimeoutMs: number;
  }>;
  /** Set: /metrics is served on this port only (on metricsHost), not on the API port. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** How long shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  redisUrl: string | undefined;
}>;

/** A retention in hours as the whole seconds of a TTL index (MongoDB's `expireAfterSeconds`). */
export function ttlSeconds(hours: number): number {
  return Math.max(1, Math.round(hours * 3600));
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The OTLP default port for gRPC (OTLP/HTTP uses 4318; the gateway serves it on PORT). */
export const OTLP_GRPC_DEFAULT_PORT = 4317;

/**
 * Unset follows PORT's intent: a fixed API port gets the OTLP default beside it, an ephemeral one
 * (PORT=0, as tests and benchmarks start gateways) an ephemeral gRPC port too, so that several
 * gateways on one machine never race for 4317. An explicit 0 disables gRPC.
 */
function otlpGrpcOf(setting: number | undefined, apiPort: number): { port: number } | null {
  if (setting === 0) return null;
  return Object.freeze({ port: setting ?? (apiPort === 0 ? 0 : OTLP_GRPC_DEFAULT_PORT) });
}

/** Reads the environment once, validates every variable and returns a frozen config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO=) means unset, as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    nodeEnv: e.NODE_ENV,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    dataDir: resolve(e.MESH_DATA_DIR),
    embeddedMongo: e.MESH_EMBEDDED_MONGO,
    mongodPath: e.MONGOD_PATH,
    embedded: Object.freeze({
      heapMb: e.MESH_EMBEDDED_HEAP_MB,
      maxSpans: e.MESH_EMBEDDED_MAX_SPANS ?? e.MESH_EMBEDDED_HEAP_MB * SPANS_PER_MIB,
      snapshotIntervalS: e.MESH_EMBEDDED_SNAPSHOT_S,
    }),
    bootstrapApiKey: e.MESH_BOOTSTRAP_API_KEY,
    retentionHours: e.MESH_RETENTION_HOURS,
    ingestMaxFutureSkewS: e.MESH_INGEST_MAX_FUTURE_SKEW_S,
    nodeOfflineAfterS: e.MESH_NODE_OFFLINE_AFTER_S,
    nodeSweepIntervalMs:
      e.MESH_NODE_SWEEP_INTERVAL_MS ?? Math.min(15_000, Math.max(250, Math.round((e.MESH_NODE_OFFLINE_AFTER_S * 1000) / 6))),
    nodeHistoryHours: e.MESH_NODE_HISTORY_HOURS,
    nodeHealth: Object.freeze({
      degradedCpuPct: e.MESH_NODE_DEGRADED_CPU_PCT,
      degradedBufferPct: e.MESH_NODE_DEGRADED_BUFFER_PCT,
      unhealthyBufferPct: e.MESH_NODE_UNHEALTHY_BUFFER_PCT,
    }),
    subscriptionBuffer: e.MESH_SUBSCRIPTION_BUFFER,
    alertEvalIntervalS: e.MESH_ALERT_EVAL_INTERVAL_S,
    alertDelivery: Object.freeze({
      maxAttempts: e.MESH_ALERT_DELIVERY_ATTEMPTS,
      retryBaseMs: e.MESH_ALERT_RETRY_BASE_MS,
      sendTimeoutMs: e.MESH_ALERT_SEND_TIMEOUT_MS,
    }),
    outboundAllow: Object.freeze([...(e.MESH_OUTBOUND_ALLOW ?? [])]),
    otlpGrpc: otlpGrpcOf(e.MESH_OTLP_GRPC_PORT, e.PORT),
    tls:
      e.MESH_TLS_CERT !== undefined && e.MESH_TLS_KEY !== undefined
        ? Object.freeze({ certPath: resolve(e.MESH_TLS_CERT), keyPath: resolve(e.MESH_TLS_KEY) })
        : undefined,
    maxBodyBytes: e.MESH_MAX_BODY_BYTES,
    maxIngestInflightBytes: e.MESH_MAX_INGEST_INFLIGHT_BYTES,
    graphiql: e.MESH_GRAPHIQL === undefined ? e.NODE_ENV !== 'production' : e.MESH_GRAPHIQL === 'true',
    corsOrigins: Object.freeze([...(e.MESH_CORS_ORIGINS ?? [])]),
    graphqlIntrospection:
      e.MESH_GRAPHQL_INTROSPECTION === undefined ? e.NODE_ENV !== 'production' : e.MESH_GRAPHQL_INTROSPECTION === 'true',
    graphqlLimits: Object.freeze({
      maxAliases: e.MESH_GRAPHQL_MAX_ALIASES,
      maxDirectives: e.MESH_GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.MESH_GRAPHQL_MAX_TOKENS,
      maxBatch: e.MESH_GRAPHQL_MAX_BATCH,
      maxBodyBytes: e.MESH_GRAPHQL_MAX_BODY_BYTES,
      maxResponseBytes: e.MESH_GRAPHQL_MAX_RESPONSE_BYTES,
    }),
    rateLimitPerMin: e.MESH_RATE_LIMIT_PER_MIN,
    wsAuthRecheckS: e.MESH_WS_AUTH_RECHECK_S,
    trustedProxies: e.MESH_TRUSTED_PROXIES.split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    logLevel: e.MESH_LOG_LEVEL,
    storeTimeoutMs: e.MESH_STORE_TIMEOUT_MS,
    maxIngestInflightBatches: e.MESH_MAX_INGEST_INFLIGHT_BATCHES,
    wsLimits: Object.freeze({
      maxConnections: e.MESH_WS_MAX_CONNECTIONS,
      maxUnauthenticated: e.MESH_WS_MAX_UNAUTHENTICATED,
      maxUnauthenticatedPerAddress: e.MESH_WS_MAX_UNAUTHENTICATED_PER_ADDRESS,
      maxOperations: e.MESH_WS_MAX_OPERATIONS,
      maxBufferedBytes: e.MESH_WS_MAX_BUFFERED_BYTES,
      initTimeoutMs: e.MESH_WS_INIT_TIMEOUT_MS,
    }),
    metricsPort: e.MESH_METRICS_PORT,
    metricsHost: e.MESH_METRICS_HOST ?? e.HOST,
    shutdownGraceMs: e.MESH_SHUTDOWN_GRACE_MS,
    redisUrl: e.REDIS_URL,
  });
}
