import type { Document } from 'mongodb';
import { benchGateway, benchStores, printTable, timeIt, type Row } from './harness.js';
import { protobufBatches, sdkSpans } from './otlp-payloads.js';

const SPANS = Number(process.env.BENCH_QUERY_SPANS ?? 100_000);
const ITERATIONS = 100;

/**
 * Query latency at SPANS stored spans, and each API call's ratio to the bare
 * driver query it issues: mongo-java-server scans instead of using indexes,
 * so absolute times there say little; the ratio shows the gateway's overhead.
 */
export async function runQueryBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const store of await benchStores()) {
    const gw = await benchGateway(store.uri);
    try {
      for (const body of protobufBatches(sdkSpans(SPANS), 1000)) {
        const res = await fetch(`${gw.baseUrl}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${gw.apiKey}` },
          body: new Blob([new Uint8Array(body)]),
        });
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
      }
      const gql = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(`${gw.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
          body: JSON.stringify({ query, variables }),
        });
        const json = (await res.json()) as { data?: { traces?: { edges: { node: { traceId: string } }[] } }; errors?: unknown };
        if (json.errors) throw new Error(JSON.stringify(json.errors));
        return json;
      };
      const org = { org: 'default', env: 'live' };
      const from = new Date(Date.now() - 3_600_000);
      const to = new Date();
      const traces = gw.db.collection('traces');
      const spans = gw.db.collection('spans');
      const sample = await gql(`{ traces(first: 1) { edges { node { traceId } } } }`);
      const traceId = sample.data!.traces!.edges[0]!.node.traceId;

      const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
        [
          'traces(first: 50)',
          () =>
            gql(
              `{ traces(first: 50) { edges { cursor node { traceId rootServiceName rootOperation durationMs spanCount status services startTime } } } }`,
            ),
          () =>
            traces
              .find({ ...org, start: { $gte: from, $lte: to } } as Document, { projection: { sids: 0 } })
              .sort({ start: -1, traceId: -1 })
              .limit(51)
              .toArray(),
        ],
        [
          'traces(service, first: 50)',
          () => gql(`{ traces(first: 50, filter: { service: "svc-3" }) { edges { node { traceId durationMs } } } }`),
          () =>
            traces
              .find({ ...org, svcs: 'svc-3', start: { $gte: from, $lte: to } } as Document, { projection: { sids: 0 } })
              .sort({ start: -1, traceId: -1 })
              .limit(51)
              .toArray(),
        ],
        [
          'trace(id) { spans }',
          () =>
            gql(`query($id: String!) { trace(traceId: $id) { traceId spans { spanId name durationMs attributes { key valueType } } } }`, {
              id: traceId,
            }),
          // What the API reads: the summary, its span ids, then the spans by _id.
          async () => {
            const id = `default:live:${traceId}`;
            await traces.find({ _id: id } as Document, { projection: { sids: 0 } }).toArray();
            const [members] = await traces.find({ _id: id } as Document, { projection: { sids: 1 } }).toArray();
            await spans.find({ _id: { $in: (members?.sids as string[]).map((sid) => `${id}:${sid}`) } } as Document).toArray();
          },
        ],
      ];
      for (const [name, api, bare] of cases) {
        const a = await timeIt(ITERATIONS, api);
        const b = await timeIt(ITERATIONS, bare);
        rows.push({
          store: store.label,
          spans: SPANS,
          call: name,
          'api p50 ms': a.p50,
          'api p99 ms': a.p99,
          'driver p50 ms': b.p50,
          'driver p99 ms': b.p99,
          'p50 ratio': a.p50 / b.p50,
        });
      }
    } finally {
      await gw.close();
      await store.close();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(`Query latency at ${SPANS} spans (GraphQL over HTTP vs the bare driver query)`, await runQueryBench());
}
