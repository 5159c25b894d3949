import { criticalPath } from '../src/domain/traces/critical-path.js';
import { buildSpanTree } from '../src/domain/traces/span-tree.js';
import { compareTraces } from '../src/domain/traces/trace-compare.js';
import { randomTrace, T0, type TestSpan } from '../test/helpers/trace-trees.js';
import { benchGateway, benchStores, printTable, timeIt, type Row } from './harness.js';

const SPANS = Number(process.env.BENCH_ANALYSIS_SPANS ?? 5_000);
const ITERATIONS = 20;

/** One OTLP/JSON request (one resource per service) with spans of a trace, moved so that T0 lies at `t0Ms`. */
function otlpTrace(spans: readonly TestSpan[], traceId: string, cluster: string, t0Ms = Date.now() - 60_000): string {
  const shift = BigInt(t0Ms) * 1_000_000n - T0;
  const byService = new Map<string, TestSpan[]>();
  for (const s of spans) byService.set(s.serviceName, [...(byService.get(s.serviceName) ?? []), s]);
  const hex16 = (id: string) => Buffer.from(id).toString('hex').padStart(16, '0').slice(-16);
  return JSON.stringify({
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: service } },
          { key: 'k8s.cluster.name', value: { stringValue: cluster } },
        ],
      },
      scopeSpans: [
        {
          spans: list.map((s) => ({
            traceId,
            spanId: hex16(s.spanId),
            parentSpanId: s.parentSpanId === null ? '' : hex16(s.parentSpanId),
            name: s.name,
            kind: 2,
            startTimeUnixNano: String(s.startTimeUnixNano + shift),
            endTimeUnixNano: String(s.endTimeUnixNano + shift),
            status: { code: s.status.code },
          })),
        },
      ],
    })),
  });
}

/**
 * Trace analysis cost: the pure critical path and comparison on SPANS-span
 * trees, then the GraphQL fields over HTTP next to the query they extend
 * (the spans alone; a page of traces without completeness), so the ratio is
 * what the analysis adds.
 */
export async function runTraceAnalysisBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const a = randomTrace(SPANS, 11, 'a');
  const b = randomTrace(SPANS, 12, 'b');
  const chain = Array.from({ length: SPANS }, (_, i) => ({ ...a[0]!, spanId: `c${i}`, parentSpanId: i === 0 ? null : `c${i - 1}` }));
  const pure: [string, () => unknown][] = [
    [`criticalPath, random tree of ${SPANS}`, () => criticalPath(buildSpanTree(a))],
    [`criticalPath, chain of ${SPANS}`, () => criticalPath(buildSpanTree(chain))],
    [`compareTraces, ${SPANS} × ${SPANS}`, () => compareTraces(a, b)],
  ];
  for (const [name, fn] of pure) {
    const t = await timeIt(ITERATIONS, async () => fn());
    rows.push({ store: 'in process', call: name, 'p50 ms': t.p50, 'p99 ms': t.p99, 'baseline p50 ms': '', 'p50 ratio': '' });
  }

  for (const store of await benchStores()) {
    const gw = await benchGateway(store.uri);
    try {
      const post = async (path: string, body: string) => {
        const res = await fetch(`${gw.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
          body,
        });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      };
      const ids = ['a'.repeat(32), 'b'.repeat(32)];
      for (const [spans, id] of [
        [a, ids[0]!],
        [b, ids[1]!],
      ] as const) {
        const shift = Date.now() - 60_000;
        for (let i = 0; i < spans.length; i += 500)
          await post('/v1/traces', otlpTrace(spans.slice(i, i + 500), id, 'bench-cluster-0', shift));
      }
      // A page's worth of small traces in five clusters, and heartbeats of a node per cluster (the reads do not depend on what they say).
      for (let i = 0; i < 50; i++)
        await post('/v1/traces', otlpTrace([{ ...a[0]!, spanId: `p${i}` }], i.toString(16).padStart(32, 'c'), `bench-cluster-${i % 5}`));
      for (let node = 0; node < 5; node++) {
        for (const dropped of [0, 17]) {
          const report = {
            cluster: `bench-cluster-${node}`,
            version: '1.0.0',
            cpu_percent: 10,
            memory_mb: 100,
            uptime_seconds: 86_400,
            ingestion_rate_sps: 100,
          };
          const counters = {
            spans_ingested_total: 1000,
            dropped_spans_total: dropped,
            otlp_grpc_active: true,
            otlp_http_active: true,
            sampling_rate: 1,
            buffer_utilization_pct: 5,
          };
          await post(`/v1/nodes/bench-node-${node}/heartbeat`, JSON.stringify({ ...report, ...counters }));
        }
      }
      const gql = async (query: string) => {
        const res = await fetch(`${gw.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.apiKey}` },
          body: JSON.stringify({ query }),
        });
        const json = (await res.json()) as { errors?: unknown };
        if (json.errors) throw new Error(JSON.stringify(json.errors));
      };
      const cases: [string, string, string][] = [
        [
          `trace { criticalPath } (${SPANS} spans)`,
          `{ trace(traceId: "${ids[0]}") { spans { spanId } criticalPath { spanId selfTimeMs } } }`,
          `{ trace(traceId: "${ids[0]}") { spans { spanId } } }`,
        ],
        [
          `compareTraces (${SPANS} × ${SPANS})`,
          `{ compareTraces(a: "${ids[0]}", b: "${ids[1]}") { matchedCount nodes { presence durationDeltaMs } } }`,
          `{ a: trace(traceId: "${ids[0]}") { spans { spanId } } b: trace(traceId: "${ids[1]}") { spans { spanId } } }`,
        ],
        [
          'traces(first: 50) { completeness }',
          `{ traces(first: 50) { edges { node { traceId completeness { status droppedSpans } } } } }`,
          `{ traces(first: 50) { edges { node { traceId } } } }`,
        ],
      ];
      for (const [name, query, baseline] of cases) {
        const t = await timeIt(ITERATIONS, () => gql(query));
        const base = await timeIt(ITERATIONS, () => gql(baseline));
        rows.push({
          store: store.label,
          call: name,
          'p50 ms': t.p50,
          'p99 ms': t.p99,
          'baseline p50 ms': base.p50,
          'p50 ratio': t.p50 / base.p50,
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
  printTable('Trace analysis (pure functions, then GraphQL over HTTP vs the query it extends)', await runTraceAnalysisBench());
  process.exit(0);
}
