/**
 * Demo collector nodes: two per demo cluster, reporting heartbeats through
 * the documented REST route (POST /v1/nodes/{node_id}/heartbeat) as real
 * collectors would. One of them drops spans in bursts, so the demo shows
 * trace completeness (docs/trace-analysis.md): traces of its cluster that ran
 * during a burst are flagged "may be incomplete".
 */
import { seededRandom } from '../seeded-random.js';

export interface DemoCollectorOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Between heartbeats of each node; default 10 s. */
  readonly intervalMs?: number;
  readonly seed?: number;
  readonly log?: (msg: string) => void;
}

export interface DemoCollectors {
  stop(): Promise<void>;
}

interface DemoNode {
  readonly nodeId: string;
  readonly cluster: string;
  /** Chance that a heartbeat reports a burst of drops. */
  readonly dropChance: number;
  spans: number;
  dropped: number;
}

const DEFAULT_INTERVAL_MS = 10_000;
/** Up for a day when the demo starts: the first heartbeat is a baseline, not an hour's worth of drops. */
const START_UPTIME_S = 86_400;

export function startDemoCollectors(options: DemoCollectorOptions): DemoCollectors {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const random = seededRandom(options.seed ?? 20);
  const log = options.log ?? ((msg: string) => console.log(msg));
  const nodes: DemoNode[] = [
    { nodeId: 'otel-collector-eu-1a', cluster: 'prod-eu-1', dropChance: 0, spans: 0, dropped: 0 },
    { nodeId: 'otel-collector-eu-1b', cluster: 'prod-eu-1', dropChance: 0, spans: 0, dropped: 0 },
    { nodeId: 'otel-collector-us-1a', cluster: 'prod-us-1', dropChance: 0, spans: 0, dropped: 0 },
    { nodeId: 'otel-collector-us-1b', cluster: 'prod-us-1', dropChance: 0.06, spans: 0, dropped: 0 },
  ];
  const started = Date.now();
  let failing = false;

  const beat = async (node: DemoNode) => {
    const rate = 40 + Math.round(random() * 20);
    node.spans += Math.round((rate * intervalMs) / 1000);
    const burst = random() < node.dropChance;
    if (burst) node.dropped += 5 + Math.floor(random() * 40);
    const res = await fetch(`${options.baseUrl}/v1/nodes/${node.nodeId}/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        cluster: node.cluster,
        version: '0.128.0',
        cpu_percent: Math.round((burst ? 70 : 15) + random() * 10),
        memory_mb: 180 + Math.round(random() * 40),
        uptime_seconds: START_UPTIME_S + Math.floor((Date.now() - started) / 1000),
        ingestion_rate_sps: rate,
        spans_ingested_total: node.spans,
        dropped_spans_total: node.dropped,
        otlp_grpc_active: true,
        otlp_http_active: true,
        sampling_rate: 1,
        buffer_utilization_pct: burst ? 85 + Math.round(random() * 10) : 10 + Math.round(random() * 20),
      }),
    });
    if (!res.ok) throw new Error(`heartbeat of ${node.nodeId} answered ${res.status}`);
  };

  const round = async () => {
    try {
      for (const node of nodes) await beat(node);
      if (failing) log('demo collectors: heartbeats recovered');
      failing = false;
    } catch (error) {
      if (!failing) log(`demo collectors: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
    }
  };

  let inFlight = round();
  const timer = setInterval(() => {
    inFlight = inFlight.then(round);
  }, intervalMs);
  // The demo must never be what keeps the process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
