import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertCan } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { DomainError, PayloadTooLargeError, RateLimitedError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { IngestService } from '../domain/traces/ingest.service.js';
import { OtlpDecodeError } from '../otlp/otlp-errors.js';
import { decodeOtlpJson } from '../otlp/otlp-json.js';
import { decodeOtlpProtobuf } from '../otlp/otlp-protobuf.js';
import { encodeExportTraceResponse, encodeRpcStatus, type ExportTracePartialSuccess } from '../otlp/otlp-protobuf-response.js';
import type { ExportTraceRequest } from '../otlp/otlp.types.js';
import { withDeadline } from '../db/request-deadline.js';
import type { StoreHealth } from '../db/store-health.js';
import type { Logger } from '../logger.js';
import type { GatewayMetrics, ShedReason } from '../observability/metrics.js';
import { logRequestError } from './error-log.js';
import { errorResponse, readBody } from './respond.js';

type Encoding = 'protobuf' | 'json';

/** google.rpc.Code values the OTLP spec pairs with HTTP statuses in error bodies. */
const RPC_CODE: Readonly<Record<number, number>> = { 400: 3, 401: 16, 403: 7, 413: 11, 415: 3, 429: 8, 503: 14 };

function encodingOf(contentType: string | undefined): Encoding {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  throw new UnsupportedMediaTypeError(
    `Unsupported Content-Type '${mediaType || '(none)'}': OTLP/HTTP accepts application/x-protobuf or application/json`,
    'content-type',
  );
}

/**
 * Bounds the OTLP work in progress across all requests: the body bytes being
 * read, decoded and written (compressed bodies count at the decompressed
 * limit, since that is what they may grow to) and the number of batches.
 * Past either bound, senders get 429 + Retry-After and back off, which OTLP
 * exporters do by specification. A reservation is released when the store
 * work of its batch settles, even when the request was already answered by
 * the store deadline, so slow store writes cannot pile up behind the bound.
 */
export class IngestBudget {
  private bytes = 0;
  private batches = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly maxBatches: number,
    private readonly onShed: (bound: ShedReason) => void = () => undefined,
  ) {}

  get inFlight(): { readonly bytes: number; readonly batches: number } {
    return { bytes: this.bytes, batches: this.batches };
  }

  acquire(bytes: number): () => void {
    // One batch is always admitted, however large, so a lone sender is never refused for good.
    const bound: ShedReason | null =
      this.batches >= this.maxBatches ? 'inflight_batches' : this.bytes > 0 && this.bytes + bytes > this.maxBytes ? 'inflight_bytes' : null;
    if (bound !== null) {
      this.onShed(bound);
      throw new RateLimitedError('The gateway is ingesting at capacity; retry after the indicated delay', 1);
    }
    this.bytes += bytes;
    this.batches += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.bytes -= bytes;
      this.batches -= 1;
    };
  }
}

export interface OtlpHandlerDeps {
  readonly ingest: IngestService;
  readonly budget: IngestBudget;
  readonly maxBodyBytes: number;
  /** Bounds the store writes: past `storeTimeoutMs` per write batch the sender gets 503 + Retry-After and retries. */
  readonly store: Pick<StoreHealth, 'within'>;
  readonly storeTimeoutMs: number;
  readonly metrics: GatewayMetrics;
  /** Failures the answer leaves out (a store's detail, an unexpected error), logged with the request id. */
  readonly log: Logger;
}

/** What a body may occupy once read: its declared length, or the limit when it is compressed or its length unknown. */
function reservation(req: IncomingMessage, maxBodyBytes: number): number {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if ((encoding === 'identity' || encoding === '') && Number.isFinite(declared) && declared > 0) return Math.min(declared, maxBodyBytes);
  return maxBodyBytes;
}

function spanCount(request: ExportTraceRequest): number {
  let n = 0;
  for (const rs of request.resourceSpans) for (const ss of rs.scopeSpans) n += ss.spans.length;
  return n;
}

export function decode(encoding: Encoding, body: Buffer): ExportTraceRequest {
  try {
    return encoding === 'protobuf' ? decodeOtlpProtobuf(body) : decodeOtlpJson(body.toString('utf8'));
  } catch (error) {
    if (error instanceof OtlpDecodeError) {
      const where = error.path === '' ? '' : ` at ${error.path}`;
      throw new ValidationError(
        `Invalid OTLP ${encoding === 'protobuf' ? 'protobuf' : 'JSON'} payload${where}: ${error.message}`,
        error.path || 'body',
      );
    }
    throw error;
  }
}

function sendOtlp(
  res: ServerResponse,
  encoding: Encoding,
  status: number,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): void {
  const contentType = encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json';
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** An OTLP error response: a google.rpc.Status in the request's encoding, as the OTLP/HTTP spec requires. */
export function sendOtlpError(res: ServerResponse, encoding: Encoding, error: unknown, requestId: string): void {
  const { status, body, headers } = errorResponse(error, requestId);
  const message = `${body.error.message} (request_id ${requestId})`;
  const code = RPC_CODE[status] ?? 13;
  const payload = encoding === 'protobuf' ? encodeRpcStatus(code, message) : JSON.stringify({ code, message, error: body.error });
  sendOtlp(res, encoding, status, payload, headers);
}

/**
 * Stores one decoded export request: the step OTLP/HTTP and OTLP/gRPC share. Resolves with the partial
 * success to report (refused spans), or rejects as the ingest did (past the store deadline: 503). The
 * batch's budget reservation is released when the store work settles, even after a deadline answered.
 * Counts the spans and times the batch in /metrics whichever transport carried it.
 */
export async function storeExport(
  deps: OtlpHandlerDeps,
  principal: Principal | null,
  decoded: ExportTraceRequest,
  release: () => void,
  started: bigint,
): Promise<ExportTracePartialSuccess | undefined> {
  try {
    // Its reads carry the store deadline to the server too (db/request-deadline.ts).
    const work = withDeadline(deps.storeTimeoutMs, () => deps.ingest.ingest(principal, decoded));
    void work.then(release, release);
    const result = await deps.store.within(work, deps.ingest.storeDeadlineMs(decoded, deps.storeTimeoutMs));
    deps.metrics.ingestSpans.inc({ outcome: 'accepted' }, result.accepted);
    deps.metrics.ingestSpans.inc({ outcome: 'duplicate' }, result.duplicates);
    deps.metrics.ingestSpans.inc({ outcome: 'rejected' }, result.rejected);
    deps.metrics.ingestBatchDuration.observe({ result: 'ok' }, seconds(started));
    return result.rejected > 0 ? { rejectedSpans: BigInt(result.rejected), errorMessage: result.rejectionMessage } : undefined;
  } catch (error) {
    deps.metrics.ingestSpans.inc({ outcome: 'failed' }, spanCount(decoded));
    deps.metrics.ingestBatchDuration.observe({ result: 'error' }, seconds(started));
    throw error;
  }
}

export async function handleOtlpTraces(
  deps: OtlpHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { principal: Principal | null; requestId: string },
): Promise<void> {
  let encoding: Encoding = 'json';
  let release: (() => void) | null = null;
  const started = process.hrtime.bigint();
  try {
    encoding = encodingOf(req.headers['content-type']);
    // Authorize before reading a byte of the body: unauthenticated senders cost nothing.
    assertCan(ctx.principal, 'traces:write');
    // Declared too large: refused before anything is reserved or read.
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > deps.maxBodyBytes) {
      throw new PayloadTooLargeError(`Request body of ${declared} bytes exceeds the limit of ${deps.maxBodyBytes} bytes`);
    }
    release = deps.budget.acquire(reservation(req, deps.maxBodyBytes));
    const body = await readBody(req, deps.maxBodyBytes);
    const decoded = decode(encoding, body);
    const held = release;
    release = null;
    const partial = await storeExport(deps, ctx.principal, decoded, held, started);
    const payload =
      encoding === 'protobuf'
        ? encodeExportTraceResponse(partial)
        : JSON.stringify(
            partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {},
          );
    sendOtlp(res, encoding, 200, payload);
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof PayloadTooLargeError || error instanceof RateLimitedError) req.resume();
    logRequestError(deps.log, error, ctx.requestId);
    sendOtlpError(res, encoding, error, ctx.requestId);
  } finally {
    release?.();
  }
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}
