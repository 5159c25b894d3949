import type { Tenant } from '../../auth/tenant.js';
import { RedAccumulator, type RedStats } from '../services/red-stats.js';
import type { RollupsRepository } from '../services/rollups.repository.js';
import { planWindow } from '../services/time-buckets.js';
import type { AlertCondition, AlertMetric } from './alert-rule.js';

const METRIC_OF: Readonly<Record<AlertMetric, (stats: RedStats) => number | null>> = {
  error_rate: (s) => (s.requestCount === 0 ? null : s.errorRate),
  p50_latency_ms: (s) => s.p50LatencyMs,
  p90_latency_ms: (s) => s.p90LatencyMs,
  p95_latency_ms: (s) => s.p95LatencyMs,
  p99_latency_ms: (s) => s.p99LatencyMs,
  request_count: (s) => s.requestCount,
};

/**
 * The value of a rule's metric over its window, read from the per-minute
 * (and per-hour) rollups, never from spans: O(buckets in the window) per rule.
 * The window is [now − window, now], widened to the minute buckets it
 * overlaps (time-buckets.ts). A service's figures count its entry spans
 * (the requests it served), an edge's the calls from source to target.
 *
 * Rates and latencies have no value without requests (null: "no data"), so
 * an idle service neither fires nor keeps firing an error-rate rule; a
 * request count of an idle service is 0.
 */
export class AlertMetrics {
  constructor(private readonly rollups: RollupsRepository) {}

  async observe(tenant: Tenant, condition: AlertCondition, now: Date): Promise<number | null> {
    const ranges = planWindow({ from: new Date(now.getTime() - condition.windowS * 1000), to: now });
    const red = new RedAccumulator();
    const { target } = condition;
    if (target.kind === 'service') {
      for (const bucket of await this.rollups.serviceBuckets(tenant, ranges, { services: [target.service] })) red.add(bucket);
    } else {
      for (const bucket of await this.rollups.edgeBucketsOf(tenant, ranges, target)) red.add(bucket);
    }
    return METRIC_OF[condition.metric](red.stats());
  }
}
