/**
 * A mergeable latency histogram with logarithmic buckets (the DDSketch
 * mapping, Masson et al., VLDB 2019), small enough to live inside a rollup
 * document and merged in MongoDB by `$inc` of bucket counters.
 *
 * Bucket `i` holds the durations `v` (nanoseconds) with γ^(i−1) < v ≤ γ^i,
 * where γ = (1+α)/(1−α). A quantile is answered with the bucket's
 * representative value 2γ^i/(γ+1), which lies within a relative distance α of
 * every value of that bucket; so every quantile is within α (2 %) of the exact
 * quantile of the recorded values, whatever their distribution or how many
 * partial histograms were merged, and in whatever order.
 *
 * Durations of exactly 0 ns (start = end, which some SDKs send for very short
 * operations) have their own counter under the key `z` and are answered as 0.
 */

/** The relative accuracy of every quantile. */
export const RELATIVE_ACCURACY = 0.02;
export const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LN_GAMMA = Math.log(GAMMA);

/** Document key of the zero-duration counter. */
export const ZERO_KEY = 'z';

/**
 * How a histogram is stored: bucket index (as a decimal string) → count, plus
 * `z` for zero durations. Only non-empty buckets are present, so a typical
 * service latency distribution spanning two decades takes about 120 keys.
 */
export type HistogramDocument = Readonly<Record<string, number>>;

/** The bucket of a positive duration in nanoseconds; durations below 1 ns map to the zero counter. */
export function bucketIndex(durationNs: number): number | null {
  if (!(durationNs >= 1)) return null;
  return Math.ceil(Math.log(durationNs) / LN_GAMMA);
}

/** The value a bucket answers with: within α of every value the bucket holds. */
export function bucketValue(index: number): number {
  return (2 * GAMMA ** index) / (GAMMA + 1);
}

/** The document key a duration is counted under. */
export function bucketKey(durationNs: number): string {
  const index = bucketIndex(durationNs);
  return index === null ? ZERO_KEY : String(index);
}

export class LatencyHistogram {
  readonly #buckets = new Map<number, number>();
  #zero = 0;
  #count = 0;

  static fromDocument(doc: HistogramDocument | null | undefined): LatencyHistogram {
    const histogram = new LatencyHistogram();
    histogram.mergeDocument(doc);
    return histogram;
  }

  get count(): number {
    return this.#count;
  }

  record(durationNs: number, count = 1): this {
    const index = bucketIndex(durationNs);
    if (index === null) this.#zero += count;
    else this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + count);
    this.#count += count;
    return this;
  }

  merge(other: LatencyHistogram): this {
    for (const [index, count] of other.#buckets) this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + count);
    this.#zero += other.#zero;
    this.#count += other.#count;
    return this;
  }

  /** Adds a stored histogram; keys that are neither `z` nor an integer are ignored (they cannot have been written here). */
  mergeDocument(doc: HistogramDocument | null | undefined): this {
    if (doc === null || doc === undefined) return this;
    for (const [key, raw] of Object.entries(doc)) {
      const count = Number(raw);
      if (!(count > 0)) continue;
      if (key === ZERO_KEY) {
        this.#zero += count;
      } else {
        const index = Number(key);
        if (!Number.isInteger(index)) continue;
        this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + count);
      }
      this.#count += count;
    }
    return this;
  }

  toDocument(): Record<string, number> {
    const doc: Record<string, number> = {};
    if (this.#zero > 0) doc[ZERO_KEY] = this.#zero;
    for (const [index, count] of this.#buckets) doc[String(index)] = count;
    return doc;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) in nanoseconds, null when empty: the value of
   * rank ⌊q·(n−1)⌋ (0-based) among the recorded values, within α.
   */
  quantile(q: number): number | null {
    if (this.#count === 0) return null;
    const rank = Math.floor(Math.min(1, Math.max(0, q)) * (this.#count - 1));
    if (rank < this.#zero) return 0;
    let seen = this.#zero;
    const indices = [...this.#buckets.keys()].sort((a, b) => a - b);
    for (const index of indices) {
      seen += this.#buckets.get(index) ?? 0;
      if (seen > rank) return bucketValue(index);
    }
    // Invariant: #count = #zero + Σ buckets, and rank < #count, so the loop has returned.
    throw new RangeError(`histogram counts are inconsistent (count ${this.#count}, rank ${rank})`);
  }
}
