import { benchGateway, benchStores, printTable, type Row } from './harness.js';
import { jsonBatches, protobufBatches, sdkSpans } from './otlp-payloads.js';

const CONTENT_TYPE = { protobuf: 'application/x-protobuf', json: 'application/json' } as const;
/** Spans sent per case: enough requests for a stable rate, small enough to finish in seconds. */
const SPANS_PER_CASE: Readonly<Record<number, number>> = { 1: 300, 100: 5_000, 1000: 20_000 };
const CONCURRENCY = 4;

async function send(baseUrl: string, apiKey: string, encoding: keyof typeof CONTENT_TYPE, bodies: readonly Uint8Array[]): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const res = await fetch(`${baseUrl}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': CONTENT_TYPE[encoding], authorization: `Bearer ${apiKey}` },
          body: new Blob([new Uint8Array(body)]),
        });
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return performance.now() - t0;
}

export async function runIngestBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const store of await benchStores()) {
    try {
      for (const batchSize of [1, 100, 1000]) {
        for (const encoding of ['protobuf', 'json'] as const) {
          const gw = await benchGateway(store.uri);
          try {
            const spans = sdkSpans(SPANS_PER_CASE[batchSize]!);
            const bodies = encoding === 'protobuf' ? protobufBatches(spans, batchSize) : jsonBatches(spans, batchSize);
            const ms = await send(gw.baseUrl, gw.apiKey, encoding, bodies);
            const stored = await gw.db.collection('spans').countDocuments();
            if (stored !== spans.length) throw new Error(`stored ${stored} of ${spans.length} spans`);
            rows.push({
              store: store.label,
              encoding,
              batch: batchSize,
              spans: spans.length,
              'spans/s': Math.round((spans.length / ms) * 1000),
              'ms/request': ms / bodies.length,
            });
          } finally {
            await gw.close();
          }
        }
      }
    } finally {
      await store.close();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(`OTLP/HTTP ingest (${CONCURRENCY} concurrent senders)`, await runIngestBench());
}
