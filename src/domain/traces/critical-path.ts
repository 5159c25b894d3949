import type { SpanTree } from './span-tree.js';

/** A stretch of time, in nanoseconds from the trace origin, during which the trace waited on one span's own work. */
export interface CriticalSegment {
  readonly startNs: number;
  readonly endNs: number;
}

export interface CriticalPathEntry<S> {
  readonly span: S;
  /** Sum of the segments: the span's self time on the critical path. */
  readonly selfTimeNs: number;
  /** Ordered by start, never overlapping. */
  readonly segments: readonly CriticalSegment[];
}

const VIRTUAL = -1;

/**
 * The critical path: walking back from the end of the trace, at each moment
 * the span the caller was waiting on. Within a span, the child that finished
 * last before the cursor is on the path; the cursor then moves to that
 * child's start, and the span's own time between children is its segment
 * (the algorithm of Jaeger's UI, which the console ran in the browser before
 * this moved into the API). Top-level spans (roots and spans whose parent is
 * missing) are the children of a virtual root spanning the whole trace, so
 * the segments cover the trace from its first start to its last end.
 *
 * Clock skew: a child is clamped to the part of it that lies within its
 * parent's time on the path (after the parent's start, before the cursor); a
 * child lying entirely outside is not on the path. So segments never overlap,
 * and they cover the trace end to end whenever the top-level spans do (time
 * only a skewed child claims, outside its parent, belongs to no one).
 * Iterative, so a deep trace cannot overflow the stack; O(n log n).
 *
 * Entries are ordered by their first segment, i.e. in the order the path
 * reaches them reading the trace left to right.
 */
export function criticalPath<S>(tree: SpanTree<S>): CriticalPathEntry<S>[] {
  const { nodes } = tree;
  const endOf = (i: number) => nodes[i]!.endNs;
  // Children latest-ending first; ties by tree order, so the result does not depend on input order.
  const byEndDesc = (list: readonly number[]) =>
    list
      .map((c, order) => ({ c, order }))
      .sort((x, y) => endOf(y.c) - endOf(x.c) || x.order - y.order)
      .map((x) => x.c);
  const sortedChildren = new Map<number, number[]>();
  const kidsOf = (i: number) => {
    let list = sortedChildren.get(i);
    if (list === undefined) {
      list = byEndDesc(i === VIRTUAL ? tree.roots : nodes[i]!.children);
      sortedChildren.set(i, list);
    }
    return list;
  };

  const segments = new Map<number, CriticalSegment[]>();
  const add = (node: number, startNs: number, endNs: number) => {
    if (node === VIRTUAL || endNs <= startNs) return;
    const list = segments.get(node);
    if (list === undefined) segments.set(node, [{ startNs, endNs }]);
    else list.push({ startNs, endNs });
  };

  interface Frame {
    readonly node: number;
    /** This span is on the path up to here… */
    cursor: number;
    /** …and from here: its start, clamped to its parent's floor. */
    readonly floor: number;
    next: number;
  }
  const stack: Frame[] = [{ node: VIRTUAL, cursor: tree.durationNs, floor: 0, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const kids = kidsOf(frame.node);
    let descended = false;
    while (frame.next < kids.length) {
      const child = kids[frame.next++]!;
      const childStart = nodes[child]!.startNs;
      if (childStart >= frame.cursor) continue;
      const childEnd = Math.min(endOf(child), frame.cursor);
      // Children are sorted by end, latest first: once one ends before this span's floor, all the rest do.
      if (childEnd <= frame.floor) {
        frame.next = kids.length;
        break;
      }
      add(frame.node, childEnd, frame.cursor);
      const childFloor = Math.max(childStart, frame.floor);
      frame.cursor = childFloor;
      stack.push({ node: child, cursor: childEnd, floor: childFloor, next: 0 });
      descended = true;
      break;
    }
    if (descended) continue;
    add(frame.node, frame.floor, frame.cursor);
    stack.pop();
  }

  return [...segments]
    .map(([node, list]) => {
      const ordered = list.sort((a, b) => a.startNs - b.startNs);
      return { span: nodes[node]!.span, selfTimeNs: ordered.reduce((sum, s) => sum + (s.endNs - s.startNs), 0), segments: ordered };
    })
    .sort((a, b) => a.segments[0]!.startNs - b.segments[0]!.startNs);
}
