import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { benchGateway, benchStores, printTable, type Row } from './harness.js';
import { protobufBatches, sdkSpans } from './otlp-payloads.js';

/**
 * OTLP ingest over gRPC beside OTLP/HTTP: the same SDK-serialized protobuf
 * batches sent to TraceService/Export (identity and gzip) and to POST
 * /v1/traces, by CONCURRENCY senders, each case on a fresh gateway and
 * database. Every case runs BENCH_GRPC_ROUNDS times (default 3), the
 * transports interleaved, and the median is printed; BENCH_GRPC_SCALE
 * (default 1) scales the span counts. Nothing is asserted beyond "every span
 * was stored".
 */
const CONCURRENCY = 4;
const SCALE = Number(process.env.BENCH_GRPC_SCALE ?? 1);
const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_GRPC_ROUNDS ?? 3)));
const SPANS_PER_CASE: Readonly<Record<number, number>> = { 1: 300, 100: 5_000, 1000: 20_000 };
export const GRPC_INGEST_TITLE = `OTLP ingest, gRPC beside HTTP (protobuf, ${CONCURRENCY} concurrent senders, spans/s median of ${ROUNDS})`;
const EXPORT_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';

type Transport = 'http' | 'grpc' | 'grpc-gzip';
const TRANSPORTS: readonly Transport[] = ['http', 'grpc', 'grpc-gzip'];

async function sendHttp(baseUrl: string, apiKey: string, body: Uint8Array): Promise<void> {
  const res = await fetch(`${baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${apiKey}` },
    body: new Blob([new Uint8Array(body)]),
  });
  if (res.status !== 200) throw new Error(`OTLP/HTTP answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** A sender's own channel, as each exporter process holds one. */
function grpcSender(target: string, apiKey: string, gzip: boolean): { send(body: Uint8Array): Promise<void>; close(): void } {
  const client = new Client(target, credentials.createInsecure(), { 'grpc.default_compression_algorithm': gzip ? 2 : 0 });
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${apiKey}`);
  const raw = (bytes: Buffer) => bytes;
  return {
    send: (body) =>
      new Promise<void>((resolve, reject) => {
        client.makeUnaryRequest<Buffer, Buffer>(EXPORT_PATH, raw, raw, Buffer.from(body), metadata, (error: ServiceError | null) =>
          error === null ? resolve() : reject(new Error(`OTLP/gRPC answered ${error.code}: ${error.details}`)),
        );
      }),
    close: () => client.close(),
  };
}

/** Sends every body with CONCURRENCY senders; resolves with the elapsed milliseconds. */
async function sendAll(transport: Transport, gw: { baseUrl: string; grpcTarget: string; apiKey: string }, bodies: readonly Uint8Array[]) {
  let next = 0;
  const senders = Array.from({ length: CONCURRENCY }, () =>
    transport === 'http'
      ? { send: (body: Uint8Array) => sendHttp(gw.baseUrl, gw.apiKey, body), close: () => undefined }
      : grpcSender(gw.grpcTarget, gw.apiKey, transport === 'grpc-gzip'),
  );
  const t0 = performance.now();
  try {
    await Promise.all(
      senders.map(async (sender) => {
        while (next < bodies.length) await sender.send(bodies[next++]!);
      }),
    );
    return performance.now() - t0;
  } finally {
    for (const sender of senders) sender.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export async function runGrpcIngestBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const store of await benchStores()) {
    try {
      for (const batchSize of [1, 100, 1000]) {
        const count = Math.max(batchSize, Math.round(SPANS_PER_CASE[batchSize]! * SCALE));
        const rates: Record<Transport, number[]> = { http: [], grpc: [], 'grpc-gzip': [] };
        for (let round = 0; round < ROUNDS; round++) {
          for (const transport of TRANSPORTS) {
            const gw = await benchGateway(store.uri);
            try {
              const spans = sdkSpans(count);
              const ms = await sendAll(transport, gw, protobufBatches(spans, batchSize));
              const stored = await gw.db.collection('spans').countDocuments();
              if (stored !== spans.length) throw new Error(`${transport}: stored ${stored} of ${spans.length} spans`);
              rates[transport].push((spans.length / ms) * 1000);
            } finally {
              await gw.close();
            }
          }
        }
        rows.push({
          store: store.label,
          batch: batchSize,
          spans: count,
          'HTTP protobuf spans/s': Math.round(median(rates.http)),
          'gRPC spans/s': Math.round(median(rates.grpc)),
          'gRPC gzip spans/s': Math.round(median(rates['grpc-gzip'])),
          'gRPC / HTTP': median(rates.grpc) / median(rates.http),
        });
      }
    } finally {
      await store.close();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(
    `OTLP ingest, gRPC beside HTTP (protobuf, ${CONCURRENCY} concurrent senders, median of ${ROUNDS})`,
    await runGrpcIngestBench(),
  );
  process.exit(0);
}
