import { describe, expect, it } from 'vitest';
import { layoutWaterfall, visibleRows, type WaterfallSpanInput } from './waterfall-layout';

const T0 = 1_773_562_961_000_000_000n; // 2026-03-15T08:22:41Z in ns

interface TestSpan extends WaterfallSpanInput {
  readonly name: string;
}

/** A span starting `startMs` after T0 and lasting `durationMs`. */
function span(spanId: string, parentSpanId: string | null, startMs: number, durationMs: number): TestSpan {
  const start = T0 + BigInt(Math.round(startMs * 1e6));
  return {
    spanId,
    parentSpanId,
    name: spanId,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + BigInt(Math.round(durationMs * 1e6))),
  };
}

const order = (spans: readonly TestSpan[]) => layoutWaterfall(spans).rows.map((r) => `${'  '.repeat(r.depth)}${r.span.spanId}`);

/** A deterministic pseudo-random sequence (mulberry32), so the large-trace tests are reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('layoutWaterfall', () => {
  it('nests children under their parent depth-first, siblings by start time, whatever order the spans arrive in', () => {
    const spans = [span('c2', 'b', 30, 5), span('b', 'a', 10, 40), span('a', null, 0, 100), span('d', 'a', 60, 30), span('c1', 'b', 12, 5)];
    expect(order(spans)).toEqual(['a', '  b', '    c1', '    c2', '  d']);
  });

  it('gives each row its parent row, child count and the size of its subtree', () => {
    const { rows } = layoutWaterfall([span('a', null, 0, 100), span('b', 'a', 10, 40), span('c', 'b', 12, 5), span('d', 'a', 60, 30)]);
    expect(rows.map((r) => [r.span.spanId, r.parentIndex, r.childCount, r.descendantCount])).toEqual([
      ['a', null, 2, 3],
      ['b', 0, 1, 1],
      ['c', 1, 0, 0],
      ['d', 0, 0, 0],
    ]);
  });

  it('measures times from the earliest start, exact to the nanosecond', () => {
    const start = T0 + 1_500n;
    const layout = layoutWaterfall([
      { spanId: 'a', parentSpanId: null, startTimeUnixNano: String(start), endTimeUnixNano: String(start + 2_000_001n) },
      { spanId: 'b', parentSpanId: 'a', startTimeUnixNano: String(start + 1n), endTimeUnixNano: String(start + 3n) },
    ]);
    expect(layout.traceStartNs).toBe(start);
    expect(layout.rows.map((r) => [r.startMs, r.endMs])).toEqual([
      [0, 2.000001],
      [0.000001, 0.000003],
    ]);
    expect(layout.durationMs).toBe(2.000001);
  });

  it('keeps a clock-skewed child where its own clock puts it and flags it: starting before the parent, ending after it', () => {
    const layout = layoutWaterfall([
      span('root', null, 10, 50),
      span('early', 'root', 4, 10),
      span('late', 'root', 40, 35),
      span('inside', 'root', 20, 5),
    ]);
    const byId = Object.fromEntries(layout.rows.map((r) => [r.span.spanId, r]));
    // The trace starts with the earliest span (the skewed child), not with the root.
    expect(layout.traceStartNs).toBe(T0 + 4_000_000n);
    expect(byId.root).toMatchObject({ startMs: 6, endMs: 56, depth: 0 });
    expect(byId.early).toMatchObject({ startMs: 0, endMs: 10, depth: 1, startsBeforeParent: true, endsAfterParent: false });
    expect(byId.late).toMatchObject({ startMs: 36, endMs: 71, depth: 1, startsBeforeParent: false, endsAfterParent: true });
    expect(byId.inside).toMatchObject({ startsBeforeParent: false, endsAfterParent: false });
    expect(layout.durationMs).toBe(71);
    expect(order([span('root', null, 10, 50), span('early', 'root', 4, 10), span('late', 'root', 40, 35)])).toEqual([
      'root',
      '  early',
      '  late',
    ]);
  });

  it('does not call a consumer outliving the producer that sent its message skew', () => {
    const layout = layoutWaterfall([
      span('root', null, 0, 100),
      { ...span('send', 'root', 50, 2), kind: 'PRODUCER' },
      { ...span('process', 'send', 60, 300), kind: 'CONSUMER' },
      { ...span('late-client', 'root', 90, 50), kind: 'CLIENT' },
    ]);
    const byId = Object.fromEntries(layout.rows.map((r) => [r.span.spanId, r]));
    expect(byId.process).toMatchObject({ endsAfterParent: false, startsBeforeParent: false });
    expect(byId['late-client']).toMatchObject({ endsAfterParent: true });
  });

  it('shows a span whose parent is missing at the top level, marked detached', () => {
    const { rows } = layoutWaterfall([span('a', null, 0, 10), span('orphan', 'not-in-trace', 5, 10), span('child', 'orphan', 6, 1)]);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.detached])).toEqual([
      ['a', 0, false],
      ['orphan', 0, true],
      ['child', 1, false],
    ]);
  });

  it('shows every span exactly once when parent links loop (a ↔ b, a span that is its own parent)', () => {
    const rows = layoutWaterfall([span('a', 'b', 0, 10), span('b', 'a', 1, 5), span('self', 'self', 2, 1), span('c', 'b', 3, 1)]).rows;
    expect(rows.map((r) => r.span.spanId).sort()).toEqual(['a', 'b', 'c', 'self']);
    expect(rows.filter((r) => r.parentIndex === null).every((r) => r.detached)).toBe(true);
    expect(order([span('a', 'b', 0, 10), span('b', 'a', 1, 5), span('c', 'b', 3, 1)])).toEqual(['a', '  b', '    c']);
  });

  it('draws a span that ends before it starts with zero length', () => {
    const [row] = layoutWaterfall([
      { spanId: 'x', parentSpanId: null, startTimeUnixNano: String(T0 + 5n), endTimeUnixNano: String(T0) },
    ]).rows;
    expect(row).toMatchObject({ startMs: 0, endMs: 0 });
  });

  it('lays out an empty trace', () => {
    expect(layoutWaterfall([])).toEqual({ rows: [], traceStartNs: 0n, durationMs: 0 });
  });
});

describe('visibleRows', () => {
  it('hides the subtree of a collapsed row and nothing else', () => {
    const { rows } = layoutWaterfall([
      span('a', null, 0, 100),
      span('b', 'a', 10, 40),
      span('c', 'b', 12, 5),
      span('e', 'c', 13, 1),
      span('d', 'a', 60, 30),
    ]);
    expect(visibleRows(rows, new Set())).toEqual([0, 1, 2, 3, 4]);
    expect(visibleRows(rows, new Set([1]))).toEqual([0, 1, 4]);
    expect(visibleRows(rows, new Set([0]))).toEqual([0]);
    expect(visibleRows(rows, new Set([2, 1]))).toEqual([0, 1, 4]);
  });
});

describe('traces of 5,000 spans', () => {
  /** A random tree: each span's parent is an earlier span; children start within their parent, 2 % with clock skew. */
  function randomTrace(count: number, seed: number): TestSpan[] {
    const next = random(seed);
    const spans: TestSpan[] = [span('s0', null, 0, 10_000)];
    const bounds = [{ start: 0, duration: 10_000 }];
    for (let i = 1; i < count; i++) {
      const parent = Math.floor(next() * i);
      const p = bounds[parent] ?? { start: 0, duration: 1 };
      const skew = next() < 0.02 ? (next() - 0.5) * p.duration : 0;
      // Skewed spans may leave their parent but stay within the root, so the root spans the whole trace.
      const start = Math.max(0, p.start + next() * p.duration * 0.5 + skew);
      const duration = Math.min(next() * p.duration * 0.5, 10_000 - start);
      bounds.push({ start, duration });
      spans.push(span(`s${i}`, `s${parent}`, start, duration));
    }
    // Arrival order is not tree order.
    for (let i = spans.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [spans[i], spans[j]] = [spans[j] as TestSpan, spans[i] as TestSpan];
    }
    return spans;
  }

  function expectConsistent(spans: readonly TestSpan[]) {
    const started = performance.now();
    const layout = layoutWaterfall(spans);
    const laidOut = performance.now();

    expect(layout.rows).toHaveLength(spans.length);
    expect(new Set(layout.rows.map((r) => r.span.spanId)).size).toBe(spans.length);
    for (const row of layout.rows) {
      const parent = row.parentIndex === null ? undefined : layout.rows[row.parentIndex];
      expect(row.parentIndex === null ? row.span.parentSpanId : parent?.span.spanId).toBe(row.span.parentSpanId);
      if (parent !== undefined) {
        expect(row.index).toBeGreaterThan(parent.index);
        expect(row.index).toBeLessThanOrEqual(parent.index + parent.descendantCount);
        expect(row.depth).toBe(parent.depth + 1);
      }
    }
    return { layoutMs: laidOut - started };
  }

  it('lays out a wide random tree with every span in its parent subtree', () => {
    const timing = expectConsistent(randomTrace(5_000, 7));
    console.info(`5,000-span random tree: layout ${timing.layoutMs.toFixed(1)} ms`);
  });

  it('lays out a chain 5,000 spans deep without recursion', () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => span(`c${i}`, i === 0 ? null : `c${i - 1}`, i * 0.01, 100 - i * 0.01));
    const timing = expectConsistent(chain);
    expect(layoutWaterfall(chain).rows.at(-1)?.depth).toBe(4_999);
    console.info(`5,000-span chain: layout ${timing.layoutMs.toFixed(1)} ms`);
  });
});
