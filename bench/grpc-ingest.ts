import { setTimeout as delay } from 'node:timers/promises';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { benchGateway, benchStores, printTable, type Row } from './harness.js';
import { protobufBatches, sdkSpans } from './otlp-payloads.js';

/**
 * OTLP ingest over gRPC beside OTLP/HTTP: the same SDK-serialized protobuf
 * batches sent to TraceService/Export (identity and gzip) and to POST
 * /v1/traces, by CONCURRENCY senders, each case on a fresh gateway and
 * database. Every case runs BENCH_GRPC_ROUNDS times (default 3), the
 * transports interleaved, and the median is printed; BENCH_GRPC_SCALE
 * (default 1) scales the span counts. Senders retry what OTLP calls
 * retryable (HTTP 429/503, gRPC RESOURCE_EXHAUSTED/UNAVAILABLE) after
 * RETRY_DELAY_MS, as exporters do, and the retries are counted. Nothing is
 * asserted beyond "every span was stored".
 */
const CONCURRENCY = 4;
const SCALE = Number(process.env.BENCH_GRPC_SCALE ?? 1);
const ROUNDS = Math.max(1, Math.round(Number(process.env.BENCH_GRPC_ROUNDS ?? 3)));
const SPANS_PER_CASE: Readonly<Record<number, number>> = { 1: 300, 100: 5_000, 1000: 20_000 };
export const GRPC_INGEST_TITLE = `OTLP ingest, gRPC beside HTTP (protobuf, ${CONCURRENCY} concurrent senders, spans/s median of ${ROUNDS})`;
const RETRY_DELAY_MS = 1_000;
const MAX_ATTEMPTS = 10;
const EXPORT_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';

type Transport = 'http' | 'grpc' | 'grpc-gzip';
const TRANSPORTS: readonly Transport[] = ['http', 'grpc', 'grpc-gzip'];

/** What one attempt came to: done, retry (an answer OTLP calls retryable), or a failure that ends the bench. */
type Attempt = 'done' | 'retry';

async function sendHttp(baseUrl: string, apiKey: string, body: Uint8Array): Promise<Attempt> {
  const res = await fetch(`${baseUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${apiKey}` },
    body: new Blob([new Uint8Array(body)]),
  });
  await res.arrayBuffer();
  if (res.status === 429 || res.status === 503) return 'retry';
  if (res.status !== 200) throw new Error(`OTLP/HTTP answered ${res.status}`);
  return 'done';
}

/** A sender's own channel, as each exporter process holds one. */
function grpcSender(target: string, apiKey: string, gzip: boolean): { send(body: Uint8Array): Promise<Attempt>; close(): void } {
  const client = new Client(target, credentials.createInsecure(), { 'grpc.default_compression_algorithm': gzip ? 2 : 0 });
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${apiKey}`);
  const raw = (bytes: Buffer) => bytes;
  return {
    send: (body) =>
      new Promise<Attempt>((resolve, reject) => {
        client.makeUnaryRequest<Buffer, Buffer>(EXPORT_PATH, raw, raw, Buffer.from(body), metadata, (error: ServiceError | null) => {
          if (error === null) resolve('done');
          else if (error.code === status.RESOURCE_EXHAUSTED || error.code === status.UNAVAILABLE) resolve('retry');
          else reject(new Error(`OTLP/gRPC answered ${status[error.code]}: ${error.details}`));
        });
      }),
    close: () => client.close(),
  };
}

/** Sends every body with CONCURRENCY senders; resolves with the elapsed milliseconds and the retries it took. */
async function sendAll(
  transport: Transport,
  gw: { baseUrl: string; grpcTarget: string; apiKey: string },
  bodies: readonly Uint8Array[],
): Promise<{ ms: number; retries: number }> {
  let next = 0;
  let retries = 0;
  const senders = Array.from({ length: CONCURRENCY }, () =>
    transport === 'http'
      ? { send: (body: Uint8Array) => sendHttp(gw.baseUrl, gw.apiKey, body), close: () => undefined }
      : grpcSender(gw.grpcTarget, gw.apiKey, transport === 'grpc-gzip'),
  );
  const t0 = performance.now();
  try {
    await Promise.all(
      senders.map(async (sender) => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          for (let attempt = 1; (await sender.send(body)) === 'retry'; attempt++) {
            if (attempt === MAX_ATTEMPTS) throw new Error(`${transport}: still refused after ${MAX_ATTEMPTS} attempts`);
            retries++;
            await delay(RETRY_DELAY_MS);
          }
        }
      }),
    );
    return { ms: performance.now() - t0, retries };
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
        let retries = 0;
        for (let round = 0; round < ROUNDS; round++) {
          for (const transport of TRANSPORTS) {
            const gw = await benchGateway(store.uri);
            try {
              const spans = sdkSpans(count);
              const sent = await sendAll(transport, gw, protobufBatches(spans, batchSize));
              retries += sent.retries;
              const stored = await gw.db.collection('spans').countDocuments();
              if (stored !== spans.length) throw new Error(`${transport}: stored ${stored} of ${spans.length} spans`);
              rates[transport].push((spans.length / sent.ms) * 1000);
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
          retries,
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
