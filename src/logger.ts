import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * The gateway's logging surface. Callers pass ids, counts and error messages:
 * never API keys, request bodies or span payloads (the redaction below is a
 * safety net for header-shaped fields, not a licence to log them).
 */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (e.g. `{ requestId }`). */
  child(bindings: Record<string, unknown>): Logger;
}

/** Field names whose values are credentials wherever they appear (one level deep, as headers and params are). */
const SECRET_FIELDS = ['authorization', 'x-api-key', 'apiKey', 'api_key', 'key', 'password', 'token'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [`["${f}"]`, `*["${f}"]`]);

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where JSON lines go; stderr by default (stdout stays free for CLI output such as `apikey --json`). */
  readonly destination?: DestinationStream;
}

function wrap(log: PinoLogger): Logger {
  return {
    debug: (msg, fields) => (fields === undefined ? log.debug(msg) : log.debug(fields, msg)),
    info: (msg, fields) => (fields === undefined ? log.info(msg) : log.info(fields, msg)),
    warn: (msg, fields) => (fields === undefined ? log.warn(msg) : log.warn(fields, msg)),
    error: (msg, fields) => (fields === undefined ? log.error(msg) : log.error(fields, msg)),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

/**
 * JSON lines through pino: `{"level":"info","time":"<ISO-8601>","pid":…,"msg":…, …fields}`.
 * Writes are synchronous, so the last lines before a crash or `process.exit`
 * are not lost; the gateway logs per state change and per failure, not per
 * successful request (that is what /metrics is for), so the cost is small.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 2, sync: true });
  return wrap(
    pino(
      {
        level: options.level ?? 'info',
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      },
      destination,
    ),
  );
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silentLogger };

/** The message of a thrown value, for a log field (stacks only for unexpected errors, by the caller's choice). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
