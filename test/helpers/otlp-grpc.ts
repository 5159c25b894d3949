import { Client, credentials, Metadata, status as GrpcStatus, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { parse } from 'protobufjs';

/**
 * A plain grpc-js client of TraceService/Export that sends bytes as given
 * (what an exporter would serialize) and reads the status the gateway
 * answers, with its google.rpc.Status details decoded by protobufjs — an
 * independent codec, not the gateway's own.
 */
const EXPORT_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
const raw = (bytes: Buffer) => bytes;

const PROTOS = parse(`syntax = "proto3";
  package google.rpc;
  message Status { int32 code = 1; string message = 2; repeated Any details = 3; }
  message Any { string type_url = 1; bytes value = 2; }
  message RetryInfo { Duration retry_delay = 1; }
  message Duration { int64 seconds = 1; int32 nanos = 2; }
  message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
  message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }`).root;

export interface GrpcOk {
  readonly ok: true;
  /** ExportTraceServiceResponse.partial_success, when the gateway set it. */
  readonly partialSuccess: { rejectedSpans: string; errorMessage: string } | null;
  readonly trailer: Metadata;
}

export interface GrpcFailure {
  readonly ok: false;
  readonly code: GrpcStatus;
  readonly codeName: string;
  readonly details: string;
  /** The google.rpc.RetryInfo delay in `grpc-status-details-bin`, in seconds; null without one. */
  readonly retryDelayS: number | null;
  /** The code and message inside `grpc-status-details-bin`, which must agree with the status itself. */
  readonly statusDetails: { code: number; message: string } | null;
  readonly trailer: Metadata;
}

export interface ExportOptions {
  /** `authorization: Bearer <key>`, `x-api-key` or any other metadata. */
  readonly metadata?: Record<string, string>;
  readonly gzip?: boolean;
  /** TLS: the CA that signed the gateway's certificate. */
  readonly ca?: Buffer;
}

function decodeStatusDetails(trailer: Metadata): { retryDelayS: number | null; statusDetails: { code: number; message: string } | null } {
  const raw = trailer.get('grpc-status-details-bin')[0];
  if (!(raw instanceof Buffer)) return { retryDelayS: null, statusDetails: null };
  const Status = PROTOS.lookupType('google.rpc.Status');
  const status = Status.toObject(Status.decode(raw), { defaults: true }) as {
    code: number;
    message: string;
    details: { typeUrl: string; value: Uint8Array }[];
  };
  const retry = status.details.find((d) => d.typeUrl === 'type.googleapis.com/google.rpc.RetryInfo');
  let retryDelayS: number | null = null;
  if (retry !== undefined) {
    const RetryInfo = PROTOS.lookupType('google.rpc.RetryInfo');
    const info = RetryInfo.toObject(RetryInfo.decode(retry.value), { longs: Number, defaults: true }) as {
      retryDelay?: { seconds: number; nanos: number };
    };
    retryDelayS = info.retryDelay === undefined ? null : info.retryDelay.seconds + info.retryDelay.nanos / 1e9;
  }
  return { retryDelayS, statusDetails: { code: status.code, message: status.message } };
}

/** One Export call on its own channel (closed after), as a fresh exporter would make it. */
export function grpcExport(target: string, body: Uint8Array, options: ExportOptions = {}): Promise<GrpcOk | GrpcFailure> {
  const channelCredentials: ChannelCredentials =
    options.ca === undefined ? credentials.createInsecure() : credentials.createSsl(options.ca);
  const client = new Client(target, channelCredentials, {
    'grpc.default_compression_algorithm': options.gzip ? 2 : 0,
    // A request larger than the gateway's limit must reach it, to see the gateway refuse it.
    'grpc.max_send_message_length': -1,
  });
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(options.metadata ?? {})) metadata.set(key, value);
  return new Promise((resolve) => {
    let outcome: { error: ServiceError | null; response: Buffer | undefined } | null = null;
    const call = client.makeUnaryRequest<Buffer, Buffer>(
      EXPORT_PATH,
      raw,
      raw,
      Buffer.from(body),
      metadata,
      { deadline: Date.now() + 30_000 },
      (error: ServiceError | null, response: Buffer | undefined) => (outcome = { error, response }),
    );
    // grpc-js calls back first and emits the status (with the trailers) right after.
    call.on('status', (status: { metadata: Metadata }) => {
      client.close();
      const { error, response } = outcome!;
      if (error === null) {
        const Response = PROTOS.lookupType('google.rpc.ExportTraceServiceResponse');
        const decoded = Response.toObject(Response.decode(response ?? Buffer.alloc(0)), { longs: String }) as {
          partialSuccess?: { rejectedSpans?: string; errorMessage?: string };
        };
        const partial = decoded.partialSuccess;
        resolve({
          ok: true,
          partialSuccess:
            partial === undefined ? null : { rejectedSpans: partial.rejectedSpans ?? '0', errorMessage: partial.errorMessage ?? '' },
          trailer: status.metadata,
        });
        return;
      }
      resolve({
        ok: false,
        code: error.code,
        codeName: GrpcStatus[error.code],
        details: error.details,
        ...decodeStatusDetails(error.metadata),
        trailer: error.metadata,
      });
    });
  });
}
