import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketKey, bucketValue, GAMMA, LatencyHistogram, RELATIVE_ACCURACY, ZERO_KEY } from './latency-histogram.js';
import { seededRandom } from '../../seeded-random.js';

/** Latency-shaped distributions in integer nanoseconds, as span durations are. */
const DISTRIBUTIONS: Record<string, (r: () => number) => number> = {
  'log-normal around 12 ms': (r) => Math.round(12e6 * Math.exp(0.8 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))) + 1,
  'uniform 1 µs – 10 s': (r) => Math.round(1e3 + r() * 1e10),
  'bimodal cache hit / miss': (r) => (r() < 0.7 ? Math.round(200e3 + r() * 100e3) : Math.round(40e6 + r() * 60e6)),
  'pareto tail (α = 1.2) from 1 ms': (r) => Math.round(1e6 / (1 - r()) ** (1 / 1.2)),
  'many ties at few values': (r) => [1_000, 5_000_000, 250_000_000][Math.floor(r() * 3)]!,
};

const QUANTILES = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** The definition the histogram promises to approximate: the value of rank ⌊q·(n−1)⌋. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

function relativeError(estimate: number, exact: number): number {
  return exact === 0 ? Math.abs(estimate) : Math.abs(estimate - exact) / exact;
}

// Rounding of Math.log at exact bucket boundaries may add a few ulps to α.
const TOLERANCE = RELATIVE_ACCURACY + 1e-9;

describe('bucket mapping', () => {
  it('uses γ = (1+α)/(1−α) with α = 2 %', () => {
    expect(RELATIVE_ACCURACY).toBe(0.02);
    expect(GAMMA).toBeCloseTo(1.02 / 0.98, 15);
  });

  it('answers every value of a bucket within α of it', () => {
    const r = seededRandom(1);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const v = Math.ceil(10 ** (r() * 12));
      worst = Math.max(worst, relativeError(bucketValue(bucketIndex(v)!), v));
    }
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  });

  it('counts zero durations apart and answers them as 0', () => {
    expect(bucketIndex(0)).toBeNull();
    expect(bucketKey(0)).toBe(ZERO_KEY);
    const h = new LatencyHistogram().record(0, 3).record(1e6);
    expect(h.quantile(0)).toBe(0);
    expect(h.quantile(0.5)).toBe(0);
    expect(relativeError(h.quantile(1)!, 1e6)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('answers null for an empty histogram', () => {
    expect(new LatencyHistogram().quantile(0.5)).toBeNull();
  });
});

describe('quantiles against exact quantiles (property test, 120k values per distribution)', () => {
  for (const [name, draw] of Object.entries(DISTRIBUTIONS)) {
    it(`stays within 2 % for ${name}`, () => {
      const r = seededRandom(name.length * 7919);
      const n = 120_000;
      const values = new Float64Array(n);
      const histogram = new LatencyHistogram();
      for (let i = 0; i < n; i++) {
        values[i] = draw(r);
        histogram.record(values[i]!);
      }
      values.sort();
      expect(histogram.count).toBe(n);
      for (const q of QUANTILES) {
        expect(relativeError(histogram.quantile(q)!, exactQuantile(values, q)), `q=${q}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('stays within 2 % for 200 random small sets of random sizes', () => {
    const r = seededRandom(42);
    const draws = Object.values(DISTRIBUTIONS);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(r() * 500);
      const draw = draws[trial % draws.length]!;
      const values = Float64Array.from({ length: n }, () => draw(r));
      const histogram = new LatencyHistogram();
      for (const v of values) histogram.record(v);
      values.sort();
      const q = r();
      expect(relativeError(histogram.quantile(q)!, exactQuantile(values, q)), `trial ${trial}, n=${n}, q=${q}`).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  });
});

describe('merging', () => {
  it('gives the same histogram whatever the split and merge order (as $inc of bucket counters does)', () => {
    const r = seededRandom(7);
    const values = Array.from({ length: 30_000 }, () => DISTRIBUTIONS['log-normal around 12 ms']!(r));
    const whole = new LatencyHistogram();
    for (const v of values) whole.record(v);

    const parts = Array.from({ length: 37 }, () => new LatencyHistogram());
    for (const v of values) parts[Math.floor(r() * parts.length)]!.record(v);
    const shuffled = [...parts].sort(() => r() - 0.5);
    const merged = shuffled.reduce((acc, part) => acc.merge(part), new LatencyHistogram());

    expect(merged.toDocument()).toEqual(whole.toDocument());
    for (const q of QUANTILES) expect(merged.quantile(q)).toBe(whole.quantile(q));
  });

  it('round-trips through its document form, and merges stored documents by adding counters', () => {
    const a = new LatencyHistogram().record(0).record(1_500).record(2e6).record(2e6);
    const b = new LatencyHistogram().record(2e6).record(9e9);
    const stored = { ...a.toDocument() };
    for (const [key, count] of Object.entries(b.toDocument())) stored[key] = (stored[key] ?? 0) + count;

    const read = LatencyHistogram.fromDocument(stored);
    expect(read.count).toBe(6);
    expect(read.toDocument()).toEqual(new LatencyHistogram().merge(a).merge(b).toDocument());
  });

  it('ignores keys it never writes', () => {
    const read = LatencyHistogram.fromDocument({ '100': 2, foo: 5, '1.5': 1, '101': 0 });
    expect(read.count).toBe(2);
    expect(read.toDocument()).toEqual({ '100': 2 });
  });
});
