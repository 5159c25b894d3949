import { LatencyHistogram } from './latency-histogram.js';
import type { BucketCounts } from './rollups.repository.js';

/** Rate, errors, duration of a set of requests, from merged rollup buckets. */
export interface RedStats {
  readonly requestCount: number;
  readonly errorCount: number;
  /** errors / requests; 0 when there were no requests. */
  readonly errorRate: number;
  /** Latency quantiles in milliseconds (within 2 %); null when there were no requests. */
  readonly p50LatencyMs: number | null;
  readonly p90LatencyMs: number | null;
  readonly p95LatencyMs: number | null;
  readonly p99LatencyMs: number | null;
}

const NS_PER_MS = 1_000_000;

function quantileMs(histogram: LatencyHistogram, q: number): number | null {
  const ns = histogram.quantile(q);
  return ns === null ? null : ns / NS_PER_MS;
}

/** Sums buckets (counters add, histograms merge), then answers the RED figures of the sum. */
export class RedAccumulator {
  #requests = 0;
  #errors = 0;
  readonly #histogram = new LatencyHistogram();

  add(bucket: BucketCounts): this {
    this.#requests += bucket.requests;
    this.#errors += bucket.errors;
    this.#histogram.mergeDocument(bucket.histogram);
    return this;
  }

  get requests(): number {
    return this.#requests;
  }

  stats(): RedStats {
    return {
      requestCount: this.#requests,
      errorCount: this.#errors,
      errorRate: this.#requests === 0 ? 0 : this.#errors / this.#requests,
      p50LatencyMs: quantileMs(this.#histogram, 0.5),
      p90LatencyMs: quantileMs(this.#histogram, 0.9),
      p95LatencyMs: quantileMs(this.#histogram, 0.95),
      p99LatencyMs: quantileMs(this.#histogram, 0.99),
    };
  }
}

export const EMPTY_RED_STATS: RedStats = new RedAccumulator().stats();
