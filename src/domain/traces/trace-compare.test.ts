import { describe, expect, it } from 'vitest';
import { randomTrace, shuffled, span, type TestSpan } from '../../../test/helpers/trace-trees.js';
import { compareTraces, type ComparisonNode } from './trace-compare.js';

const MS = 1e6;

/** Each merged node as one line: indentation, service:operation#occurrence, presence, delta (ms), error change. */
function lines(a: readonly TestSpan[], b: readonly TestSpan[]): string[] {
  return compareTraces(a, b).nodes.map(describe_);
}

function describe_(n: ComparisonNode<TestSpan>): string {
  const delta = n.durationDeltaNs === null ? '' : ` ${n.durationDeltaNs >= 0 ? '+' : ''}${n.durationDeltaNs / MS}`;
  const error = n.errorChange === 'NONE' ? '' : ` error ${n.errorChange}`;
  return `${'  '.repeat(n.depth)}${n.serviceName}:${n.operation}#${n.occurrence} ${n.presence}${delta}${error}`;
}

const checkout = (opts: { payMs: number; retry?: boolean; payError?: boolean; email?: boolean }): TestSpan[] => [
  span('gw', null, 0, 200, { service: 'gateway', name: 'POST /checkout' }),
  span('ord', 'gw', 5, 190, { service: 'orders', name: 'createOrder' }),
  span('q1', 'ord', 10, 5, { service: 'orders', name: 'SELECT' }),
  span('q2', 'ord', 20, 8, { service: 'orders', name: 'SELECT' }),
  span('pay', 'ord', 30, opts.payMs, { service: 'payments', name: 'charge', error: opts.payError ?? false }),
  ...(opts.retry ? [span('pay2', 'ord', 40 + opts.payMs, 20, { service: 'payments', name: 'charge' })] : []),
  ...(opts.email ? [span('mail', 'gw', 196, 3, { service: 'notify', name: 'send' })] : []),
];

describe('compareTraces', () => {
  it('matches spans by (service, operation) path and reports per-node duration deltas', () => {
    expect(lines(checkout({ payMs: 50 }), checkout({ payMs: 80 }))).toEqual([
      'gateway:POST /checkout#0 BOTH +0',
      '  orders:createOrder#0 BOTH +0',
      '    orders:SELECT#0 BOTH +0',
      '    orders:SELECT#1 BOTH +0',
      '    payments:charge#0 BOTH +30',
    ]);
  });

  it('tells siblings with equal names apart by their rank in start order, not by arrival order', () => {
    const a = checkout({ payMs: 50 });
    // In b the second SELECT is the slow one; the spans arrive shuffled.
    const b = checkout({ payMs: 50 }).map((s) =>
      s.spanId === 'q2' ? span('q2', 'ord', 20, 30, { service: 'orders', name: 'SELECT' }) : s,
    );
    for (const seed of [1, 2, 3]) {
      const result = compareTraces(shuffled(a, seed), shuffled(b, seed + 10));
      const selects = result.nodes.filter((n) => n.operation === 'SELECT');
      expect(selects.map((n) => [n.occurrence, n.a?.span.spanId, n.b?.span.spanId, n.durationDeltaNs! / MS])).toEqual([
        [0, 'q1', 'q1', 0],
        [1, 'q2', 'q2', 22],
      ]);
    }
  });

  it('lists nodes only in a and only in b, at their place in the merged tree', () => {
    expect(lines(checkout({ payMs: 50, email: true }), checkout({ payMs: 50, retry: true }))).toEqual([
      'gateway:POST /checkout#0 BOTH +0',
      '  orders:createOrder#0 BOTH +0',
      '    orders:SELECT#0 BOTH +0',
      '    orders:SELECT#1 BOTH +0',
      '    payments:charge#0 BOTH +0',
      '    payments:charge#1 ONLY_IN_B',
      '  notify:send#0 ONLY_IN_A',
    ]);
    const result = compareTraces(checkout({ payMs: 50, email: true }), checkout({ payMs: 50, retry: true }));
    expect([result.matched, result.onlyInA, result.onlyInB]).toEqual([5, 1, 1]);
  });

  it('reports errors that appear in b and errors that are gone in b', () => {
    expect(lines(checkout({ payMs: 50 }), checkout({ payMs: 50, payError: true })).at(-1)).toBe(
      '    payments:charge#0 BOTH +0 error ADDED',
    );
    const fixed = compareTraces(checkout({ payMs: 50, payError: true }), checkout({ payMs: 50 }));
    expect([fixed.errorsAdded, fixed.errorsRemoved]).toEqual([0, 1]);
    expect(fixed.nodes.at(-1)?.errorChange).toBe('REMOVED');
  });

  it('matches nothing under a root that one trace is missing: its children are top-level there, not guessed', () => {
    const withoutRoot = checkout({ payMs: 50 }).filter((s) => s.spanId !== 'gw');
    expect(lines(checkout({ payMs: 50 }), withoutRoot)).toEqual([
      'gateway:POST /checkout#0 ONLY_IN_A',
      '  orders:createOrder#0 ONLY_IN_A',
      '    orders:SELECT#0 ONLY_IN_A',
      '    orders:SELECT#1 ONLY_IN_A',
      '    payments:charge#0 ONLY_IN_A',
      'orders:createOrder#0 ONLY_IN_B',
      '  orders:SELECT#0 ONLY_IN_B',
      '  orders:SELECT#1 ONLY_IN_B',
      '  payments:charge#0 ONLY_IN_B',
    ]);
  });

  it('matches orphans of both traces with each other (their parent missing in both)', () => {
    const a = [span('o', 'gone', 0, 10, { service: 's', name: 'work' })];
    const b = [span('x', 'also-gone', 100, 15, { service: 's', name: 'work' })];
    expect(lines(a, b)).toEqual(['s:work#0 BOTH +5']);
  });

  it('clock skew: deltas use each span’s own duration, wherever another host’s clock puts it', () => {
    const a = checkout({ payMs: 50 });
    // In b the payment host's clock runs 500 ms ahead: the span starts after its parent ended.
    const b = checkout({ payMs: 50 }).map((s) =>
      s.spanId === 'pay' ? span('pay', 'ord', 530, 60, { service: 'payments', name: 'charge' }) : s,
    );
    const pay = compareTraces(a, b).nodes.find((n) => n.operation === 'charge')!;
    expect(pay.durationDeltaNs! / MS).toBe(10);
    expect(pay.b?.startOffsetNs).toBe(530 * MS);
  });

  it('compares traces of very different sizes, the same whatever the order of their spans', () => {
    const small = randomTrace(20, 5);
    const large = randomTrace(5_000, 5);
    const result = compareTraces(small, large);
    expect(result.matched + result.onlyInA).toBe(20);
    expect(result.matched + result.onlyInB).toBe(5_000);
    expect(result.nodes).toHaveLength(result.matched + result.onlyInA + result.onlyInB);
    // Every node comes after its parent, one level deeper.
    result.nodes.forEach((n, i) => {
      if (n.parentIndex === null) expect(n.depth).toBe(0);
      else {
        expect(n.parentIndex).toBeLessThan(i);
        expect(n.depth).toBe(result.nodes[n.parentIndex]!.depth + 1);
      }
    });
    expect(compareTraces(shuffled(small, 8), shuffled(large, 9))).toEqual(result);
  });

  it('compares two 5,000-span traces deterministically, and a trace with itself as all matched and unchanged', () => {
    const a = randomTrace(5_000, 11, 'a');
    const b = randomTrace(5_000, 12, 'b');
    const result = compareTraces(a, b);
    expect(result.matched).toBeGreaterThan(0);
    expect(compareTraces(shuffled(a, 1), shuffled(b, 2))).toEqual(result);
    const self = compareTraces(a, shuffled(a, 3));
    expect([self.matched, self.onlyInA, self.onlyInB, self.errorsAdded, self.errorsRemoved]).toEqual([5_000, 0, 0, 0, 0]);
    expect(self.nodes.every((n) => n.durationDeltaNs === 0 && n.a?.span.spanId === n.b?.span.spanId)).toBe(true);
  });

  it('compares a 5,000-deep chain without recursion', () => {
    const chain = (extra: number) =>
      Array.from({ length: 5_000 }, (_, i) =>
        span(`c${i}`, i === 0 ? null : `c${i - 1}`, i * 0.01, 100 + extra - i * 0.01, { name: 'step' }),
      );
    const result = compareTraces(chain(0), chain(1));
    expect(result.nodes.at(-1)?.depth).toBe(4_999);
    expect(result.nodes.every((n) => n.durationDeltaNs === MS)).toBe(true);
  });

  it('compares empty traces', () => {
    expect(compareTraces([], [])).toEqual({
      nodes: [],
      matched: 0,
      onlyInA: 0,
      onlyInB: 0,
      errorsAdded: 0,
      errorsRemoved: 0,
      durationDeltaNs: 0,
    });
  });
});
