import { seededRandom } from '../../src/seeded-random.js';
import type { TreeSpanInput } from '../../src/domain/traces/span-tree.js';

/*
 * Hand-built spans for the unit tests of the trace analyses (span tree,
 * critical path, comparison): plain data with millisecond offsets.
 */

export const T0 = 1_773_562_961_000_000_000n; // 2026-03-15T08:22:41Z in ns

export interface TestSpan extends TreeSpanInput {
  readonly serviceName: string;
  readonly name: string;
  readonly status: { readonly code: 0 | 1 | 2 };
}

export interface TestSpanOptions {
  readonly service?: string;
  readonly name?: string;
  readonly error?: boolean;
}

/** A span starting `startMs` after T0 and lasting `durationMs`; its operation defaults to its id. */
export function span(
  spanId: string,
  parentSpanId: string | null,
  startMs: number,
  durationMs: number,
  options: TestSpanOptions = {},
): TestSpan {
  const start = T0 + BigInt(Math.round(startMs * 1e6));
  return {
    spanId,
    parentSpanId,
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(Math.round(durationMs * 1e6)),
    serviceName: options.service ?? 'svc',
    name: options.name ?? spanId,
    status: { code: options.error ? 2 : 0 },
  };
}

/** The same spans in a seeded random order: arrival order is never tree order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A random tree of `count` spans: each span's parent is an earlier span,
 * children start within their parent, 2 % with clock skew; operation names
 * repeat (one of 12 per service), so siblings with equal names are common.
 */
export function randomTrace(count: number, seed: number, prefix = 's'): TestSpan[] {
  const next = seededRandom(seed);
  const spans: TestSpan[] = [span(`${prefix}0`, null, 0, 10_000, { service: 'svc-0', name: 'root' })];
  const bounds = [{ start: 0, duration: 10_000 }];
  for (let i = 1; i < count; i++) {
    const parent = Math.floor(next() * i);
    const p = bounds[parent]!;
    const skew = next() < 0.02 ? (next() - 0.5) * p.duration : 0;
    const start = Math.max(0, p.start + next() * p.duration * 0.5 + skew);
    const duration = Math.min(next() * p.duration * 0.5, 10_000 - start);
    bounds.push({ start, duration });
    const service = `svc-${Math.floor(next() * 5)}`;
    spans.push(
      span(`${prefix}${i}`, `${prefix}${parent}`, start, duration, {
        service,
        name: `op-${Math.floor(next() * 12)}`,
        error: next() < 0.03,
      }),
    );
  }
  return shuffled(spans, seed + 1);
}
