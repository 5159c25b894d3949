import { describe, expect, it } from 'vitest';
import { randomTrace, shuffled, span, type TestSpan } from '../../../test/helpers/trace-trees.js';
import { criticalPath } from './critical-path.js';
import { buildSpanTree } from './span-tree.js';

const MS = 1e6;

/** [span id, start ms, end ms] of every segment, in time order. */
function segments(spans: readonly TestSpan[]): [string, number, number][] {
  return criticalPath(buildSpanTree(spans))
    .flatMap((e) => e.segments.map((s) => [e.span.spanId, s.startNs / MS, s.endNs / MS] as [string, number, number]))
    .sort((a, b) => a[1] - b[1]);
}

const selfTimes = (spans: readonly TestSpan[]) => criticalPath(buildSpanTree(spans)).map((e) => [e.span.spanId, e.selfTimeNs / MS]);

describe('buildSpanTree', () => {
  it('nests children under their parent, siblings by start then span id, whatever the arrival order', () => {
    const tree = buildSpanTree(shuffled([span('a', null, 0, 100), span('c', 'a', 10, 5), span('b', 'a', 10, 5), span('d', 'a', 5, 1)], 3));
    const a = tree.nodes.find((n) => n.span.spanId === 'a')!;
    expect(a.children.map((c) => tree.nodes[c]!.span.spanId)).toEqual(['d', 'b', 'c']);
    expect(tree.roots.map((r) => tree.nodes[r]!.span.spanId)).toEqual(['a']);
  });

  it('puts a span whose parent is missing at the top level, detached', () => {
    const tree = buildSpanTree([span('a', null, 0, 10), span('orphan', 'not-here', 5, 10), span('child', 'orphan', 6, 1)]);
    expect(tree.roots.map((r) => [tree.nodes[r]!.span.spanId, tree.nodes[r]!.detached])).toEqual([
      ['a', false],
      ['orphan', true],
    ]);
  });

  it('keeps every span exactly once when parent links loop', () => {
    const tree = buildSpanTree([span('a', 'b', 0, 10), span('b', 'a', 1, 5), span('self', 'self', 2, 1), span('c', 'b', 3, 1)]);
    const seen: string[] = [];
    const stack = [...tree.roots];
    while (stack.length > 0) {
      const node = tree.nodes[stack.pop()!]!;
      seen.push(node.span.spanId);
      stack.push(...node.children);
    }
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'self']);
    expect(tree.roots.every((r) => tree.nodes[r]!.detached)).toBe(true);
  });
});

describe('criticalPath', () => {
  it('follows sequential children and gives the parent the gaps between them', () => {
    expect(segments([span('root', null, 0, 100), span('a', 'root', 10, 20), span('b', 'root', 50, 30)])).toEqual([
      ['root', 0, 10],
      ['a', 10, 30],
      ['root', 30, 50],
      ['b', 50, 80],
      ['root', 80, 100],
    ]);
  });

  it('reports each span once with its self time on the path, in the order the path reaches them', () => {
    expect(selfTimes([span('root', null, 0, 100), span('a', 'root', 10, 20), span('b', 'root', 50, 30)])).toEqual([
      ['root', 50],
      ['a', 20],
      ['b', 30],
    ]);
  });

  it('takes the child that finishes last among parallel children, and what ran before it', () => {
    const path = segments([
      span('root', null, 0, 100),
      span('fast', 'root', 10, 20),
      span('slow', 'root', 10, 80),
      span('slow-db', 'slow', 20, 50),
    ]);
    expect(path).toEqual([
      ['root', 0, 10],
      ['slow', 10, 20],
      ['slow-db', 20, 70],
      ['slow', 70, 90],
      ['root', 90, 100],
    ]);
  });

  it('follows one of two siblings with equal names and equal times deterministically (by span id)', () => {
    const spans = [
      span('root', null, 0, 100),
      span('q2', 'root', 10, 50, { name: 'SELECT' }),
      span('q1', 'root', 10, 50, { name: 'SELECT' }),
    ];
    for (const seed of [1, 2, 3, 4]) expect(segments(shuffled(spans, seed)).map(([id]) => id)).toEqual(['root', 'q1', 'root']);
  });

  it('clock skew: clamps a child ending after its parent, skips a child lying wholly before its parent', () => {
    expect(segments([span('root', null, 10, 50), span('late', 'root', 40, 35), span('before', 'root', 0, 5)])).toEqual([
      ['root', 10, 40],
      ['late', 40, 60],
    ]);
  });

  it('clock skew: a child starting before its parent is on the path only from the parent start', () => {
    // Times are from the earliest start (the skewed child's, at 5 ms): the root spans 5–55.
    expect(segments([span('root', null, 10, 50), span('early', 'root', 5, 20)])).toEqual([
      ['early', 5, 20],
      ['root', 20, 55],
    ]);
  });

  it('missing parents: top-level spans are children of a virtual root spanning the trace', () => {
    // The root was never received: two orphans, the later-ending one decides the end of the trace.
    expect(segments([span('o1', 'gone', 0, 40), span('o2', 'gone', 30, 50), span('o2-db', 'o2', 35, 10)])).toEqual([
      ['o1', 0, 30],
      ['o2', 30, 35],
      ['o2-db', 35, 45],
      ['o2', 45, 80],
    ]);
  });

  it('is empty for an empty trace', () => {
    expect(criticalPath(buildSpanTree([]))).toEqual([]);
  });

  describe('5,000 spans', () => {
    function expectGapFree(spans: readonly TestSpan[]) {
      const tree = buildSpanTree(spans);
      const path = criticalPath(tree);
      const byTime = path.flatMap((e) => e.segments).sort((a, b) => a.startNs - b.startNs);
      // The path covers the trace end to end, without overlapping itself.
      expect(byTime[0]?.startNs).toBe(0);
      expect(byTime.at(-1)?.endNs).toBe(tree.durationNs);
      byTime.forEach((s, i) => i > 0 && expect(s.startNs).toBe(byTime[i - 1]!.endNs));
      expect(path.reduce((sum, e) => sum + e.selfTimeNs, 0)).toBe(tree.durationNs);
      return path;
    }

    it('covers a random tree with skew end to end, the same whatever the arrival order', () => {
      const spans = randomTrace(5_000, 7);
      const path = expectGapFree(spans);
      expect(criticalPath(buildSpanTree(shuffled(spans, 99)))).toEqual(path);
    });

    it('walks a chain 5,000 spans deep without recursion', () => {
      const chain = Array.from({ length: 5_000 }, (_, i) => span(`c${i}`, i === 0 ? null : `c${i - 1}`, i * 0.01, 100 - i * 0.01));
      const path = expectGapFree(chain);
      expect(path).toHaveLength(5_000);
    });
  });
});
