import {
  Metadata,
  Server,
  ServerCredentials,
  status as GrpcStatus,
  type sendUnaryData,
  type ServerErrorResponse,
  type ServerUnaryCall,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { assertCan } from '../auth/policy.js';
import type { StoreHealth } from '../db/store-health.js';
import { rateLimitedError, rateLimitHeaders, type RateLimits } from '../domain/keys/rate-limit.js';
import type { Logger } from '../logger.js';
import { encodeExportTraceResponse, encodeRpcStatus } from '../otlp/otlp-protobuf-response.js';
import type { Authenticate } from './client-address.js';
import { logRequestError } from './error-log.js';
import { decode, storeExport, type OtlpHandlerDeps } from './otlp-handler.js';
import { requestIdFor } from './request-id.js';
import { errorResponse } from './respond.js';

const TRACE_SERVICE_METHOD = 'opentelemetry.proto.collector.trace.v1.TraceService/Export';

/**
 * TraceService with raw bytes in and out: grpc-js frames, decompresses and
 * bounds the message; the gateway's own codecs (src/otlp) decode the request
 * and encode the response, exactly as on OTLP/HTTP. No generated code.
 */
const TRACE_SERVICE: ServiceDefinition = {
  Export: {
    path: `/${TRACE_SERVICE_METHOD}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (message: Buffer) => message,
    requestDeserialize: (bytes: Buffer) => bytes,
    responseSerialize: (message: Uint8Array) => Buffer.from(message.buffer, message.byteOffset, message.byteLength),
    responseDeserialize: (bytes: Buffer) => bytes,
  },
};

/**
 * The status an HTTP error status becomes, as the OTLP specification pairs them: bad data is
 * INVALID_ARGUMENT (not retried), throttling RESOURCE_EXHAUSTED and a missing store UNAVAILABLE (both
 * with RetryInfo, so exporters retry after the advised delay). Anything else is INTERNAL.
 */
const GRPC_STATUS_OF_HTTP: Readonly<Record<number, GrpcStatus>> = {
  400: GrpcStatus.INVALID_ARGUMENT,
  401: GrpcStatus.UNAUTHENTICATED,
  403: GrpcStatus.PERMISSION_DENIED,
  413: GrpcStatus.RESOURCE_EXHAUSTED,
  429: GrpcStatus.RESOURCE_EXHAUSTED,
  503: GrpcStatus.UNAVAILABLE,
};

/** What one OTLP/gRPC call knows about its caller; `peer` is the client's address (host:port) as the socket reports it. */
interface GrpcCallContext {
  readonly requestId: string;
  readonly peer: string;
}

export interface OtlpGrpcDeps {
  readonly otlp: OtlpHandlerDeps;
  /** The caller, from the key its metadata presents (null without one), within the store deadline: the HTTP router's. */
  readonly authenticate: Authenticate;
  /** Per-key budgets, charged within the store deadline: the same ones HTTP requests are charged to. */
  readonly limits: Pick<RateLimits, 'consume'>;
  readonly health: Pick<StoreHealth, 'assertAvailable'>;
  readonly log: Logger;
}

export interface OtlpGrpcListener {
  /** Binds `host:port` (0: a free port) with TLS when given; resolves with the bound port. */
  listen(host: string, port: number, tls?: { cert: Buffer; key: Buffer }): Promise<number>;
  /**
   * Refuses new calls at once and lets calls in flight finish; whatever still runs after `graceMs`
   * is cancelled. Resolves when the server is closed.
   */
  drain(graceMs: number): Promise<void>;
}

/** gRPC metadata read like HTTP headers: the first string value of a key, as `presentedKey` expects. */
function metadataHeaders(metadata: Metadata): { get(name: string): string | null } {
  return {
    get(name: string): string | null {
      const value = metadata.get(name.toLowerCase()).find((v): v is string => typeof v === 'string');
      return value ?? null;
    },
  };
}

/**
 * An error as an OTLP/gRPC status: the message the HTTP envelope carries (domain errors as they are,
 * store outages as the one 503 message, everything else masked), and, when the error advises a
 * retry delay (Retry-After over HTTP), a google.rpc.RetryInfo in `grpc-status-details-bin`.
 */
function grpcErrorOf(error: unknown, requestId: string, trailer: Metadata): ServerErrorResponse {
  const { status, body, headers } = errorResponse(error, requestId);
  const code = GRPC_STATUS_OF_HTTP[status] ?? GrpcStatus.INTERNAL;
  const message = `${body.error.message} (request_id ${requestId})`;
  const retryAfter = headers['retry-after'];
  const metadata = trailer.clone();
  metadata.set(
    'grpc-status-details-bin',
    Buffer.from(encodeRpcStatus(code, message, retryAfter === undefined ? undefined : Number(retryAfter))),
  );
  return Object.assign(new Error(message), { code, details: message, metadata });
}

/**
 * OTLP/gRPC ingest: `TraceService/Export` on its own port, through the same steps as POST /v1/traces —
 * store health, the key (metadata `authorization: Bearer …` or `x-api-key`), one unit of the key's
 * per-minute budget, the write permission, the in-flight ingest budget, the protobuf decoder and the
 * ingest service — with grpc-js bounding each message (compressed and decompressed) by `maxMessageBytes`.
 */
export function createOtlpGrpcServer(deps: OtlpGrpcDeps, options: { readonly maxMessageBytes: number }): OtlpGrpcListener {
  const server = new Server({
    'grpc.max_receive_message_length': options.maxMessageBytes,
  });

  /** The call's work; rejects with what its status reports. */
  async function exportTraces(call: ServerUnaryCall<Buffer, Uint8Array>, trailer: Metadata, started: bigint): Promise<Uint8Array> {
    // Store first, as on HTTP: while it is known down, every call gets UNAVAILABLE at once.
    deps.health.assertAvailable();
    const headers = metadataHeaders(call.metadata);
    // grpc-js reports the peer as `address:port` (an IPv6 address unbracketed).
    const principal = await deps.authenticate(headers, { peer: call.getPeer().replace(/:\d+$/, ''), headers });
    if (principal !== null) {
      const decision = await deps.limits.consume(principal);
      for (const [name, value] of Object.entries(rateLimitHeaders(decision))) trailer.set(name, value);
      if (!decision.allowed) throw rateLimitedError(decision, 'requests');
    }
    assertCan(principal, 'traces:write');
    const release = deps.otlp.budget.acquire(call.request.byteLength);
    let decoded;
    try {
      decoded = decode('protobuf', call.request);
    } catch (error) {
      release();
      throw error;
    }
    return encodeExportTraceResponse(await storeExport(deps.otlp, principal, decoded, release, started));
  }

  server.addService(TRACE_SERVICE, {
    Export(call: ServerUnaryCall<Buffer, Uint8Array>, callback: sendUnaryData<Uint8Array>) {
      const started = process.hrtime.bigint();
      const context: GrpcCallContext = {
        requestId: requestIdFor(metadataHeaders(call.metadata).get('x-request-id') ?? undefined),
        peer: call.getPeer(),
      };
      const trailer = new Metadata();
      trailer.set('x-request-id', context.requestId);
      const observe = (code: GrpcStatus) =>
        deps.otlp.metrics.grpcRequestDuration.observe(
          { method: TRACE_SERVICE_METHOD, code: GrpcStatus[code] },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      exportTraces(call, trailer, started).then(
        (response) => {
          observe(GrpcStatus.OK);
          callback(null, response, trailer);
        },
        (error: unknown) => {
          // The status never carries a driver's message (errorResponse); the log keeps it, with the request id.
          logRequestError(deps.log, error, context.requestId, { transport: 'grpc', peer: context.peer });
          const failure = grpcErrorOf(error, context.requestId, trailer);
          observe(failure.code ?? GrpcStatus.INTERNAL);
          callback(failure);
        },
      );
    },
  });

  return {
    listen(host, port, tls) {
      const credentials =
        tls === undefined
          ? ServerCredentials.createInsecure()
          : ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }]);
      const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      return new Promise<number>((resolve, reject) => {
        server.bindAsync(address, credentials, (error, bound) => {
          if (error) reject(new Error(`OTLP/gRPC cannot listen on ${address} (MESH_OTLP_GRPC_PORT): ${error.message}`));
          else resolve(bound);
        });
      });
    },
    drain(graceMs) {
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          deps.log.warn('shutdown grace period over: cancelling OTLP/gRPC calls still in flight', { graceMs });
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
