import { buildSpanTree, compareText, type SpanTree, type TreeSpanInput } from './span-tree.js';

/** What a comparison needs of a span: its place in the tree, its identity and whether it failed. */
export interface ComparableSpan extends TreeSpanInput {
  readonly serviceName: string;
  readonly name: string;
  readonly status: { readonly code: number };
}

export type Presence = 'BOTH' | 'ONLY_IN_A' | 'ONLY_IN_B';
/** ADDED: failed in b but not in a; REMOVED: failed in a but not in b. Only matched nodes can change. */
export type ErrorChange = 'NONE' | 'ADDED' | 'REMOVED';

/** One side of a comparison node: the span of that trace at this path. */
export interface ComparedSide<S> {
  readonly span: S;
  readonly durationNs: number;
  /** From the start of its own trace (its earliest span). */
  readonly startOffsetNs: number;
  readonly error: boolean;
}

export interface ComparisonNode<S> {
  /** Position of the parent in `nodes`; null for a top-level node. */
  readonly parentIndex: number | null;
  readonly depth: number;
  readonly serviceName: string;
  readonly operation: string;
  /** 0-based rank among siblings with the same (service, operation), by start time then span id. */
  readonly occurrence: number;
  readonly presence: Presence;
  readonly a: ComparedSide<S> | null;
  readonly b: ComparedSide<S> | null;
  /** b − a in nanoseconds; null unless both sides exist. */
  readonly durationDeltaNs: number | null;
  readonly errorChange: ErrorChange;
}

export interface TraceComparisonResult<S> {
  /** The merged tree in depth-first order: every node after its parent, its subtree right after it. */
  readonly nodes: readonly ComparisonNode<S>[];
  readonly matched: number;
  readonly onlyInA: number;
  readonly onlyInB: number;
  readonly errorsAdded: number;
  readonly errorsRemoved: number;
  /** b's duration − a's (first start to last end), in nanoseconds. */
  readonly durationDeltaNs: number;
}

interface Keyed {
  readonly service: string;
  readonly operation: string;
  readonly occurrence: number;
  readonly node: number;
}

const ROOT = -1;

/**
 * The children of a node (or of the virtual root) with the identity that
 * matches them across traces: (service, operation, occurrence), where the
 * occurrence ranks siblings of the same service and operation by start time
 * (the tree's sibling order: start, then span id). Two `SELECT` children of
 * one parent are thus told apart by which ran first, in both traces alike.
 */
function keyedChildren<S extends ComparableSpan>(tree: SpanTree<S>, parent: number): Map<string, Keyed> {
  const list = parent === ROOT ? tree.roots : tree.nodes[parent]!.children;
  const seen = new Map<string, number>();
  const out = new Map<string, Keyed>();
  for (const node of list) {
    const { serviceName: service, name: operation } = tree.nodes[node]!.span;
    const name = JSON.stringify([service, operation]);
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    out.set(`${name}#${occurrence}`, { service, operation, occurrence, node });
  }
  return out;
}

function side<S extends ComparableSpan>(tree: SpanTree<S>, node: number | undefined): ComparedSide<S> | null {
  if (node === undefined) return null;
  const n = tree.nodes[node]!;
  return { span: n.span, durationNs: n.endNs - n.startNs, startOffsetNs: n.startNs, error: n.span.status.code === 2 };
}

/**
 * Compares two traces span by span. Spans are matched by their path of
 * (service, operation, occurrence) from the root: a span matches the span of
 * the other trace whose parent matched its parent and whose service,
 * operation and rank among equally named siblings are its own. Top-level
 * spans (the root, and spans whose parent is missing) are siblings under a
 * virtual root, so a root that was never received leaves its subtree
 * unmatched rather than guessed.
 *
 * Deterministic: the result depends only on the two sets of spans, never on
 * their order. Siblings in the merged tree are ordered by start offset within
 * their own trace (a's when the node is in a, else b's), then service,
 * operation and occurrence. Durations come from each span's own clock, so
 * clock skew between hosts does not distort the deltas. Iterative; O(n log n)
 * in the total number of spans.
 */
export function compareTraces<S extends ComparableSpan>(spansA: readonly S[], spansB: readonly S[]): TraceComparisonResult<S> {
  const a = buildSpanTree(spansA);
  const b = buildSpanTree(spansB);
  const nodes: ComparisonNode<S>[] = [];
  const counts = { matched: 0, onlyInA: 0, onlyInB: 0, errorsAdded: 0, errorsRemoved: 0 };

  interface Pending {
    readonly a: number | undefined;
    readonly b: number | undefined;
    readonly parentIndex: number | null;
    readonly depth: number;
    readonly keyed: Keyed;
  }
  const childrenOf = (na: number | undefined, nb: number | undefined, parentIndex: number | null, depth: number): Pending[] => {
    const fromA = na === undefined ? new Map<string, Keyed>() : keyedChildren(a, na);
    const fromB = nb === undefined ? new Map<string, Keyed>() : keyedChildren(b, nb);
    const merged: (Pending & { readonly offset: number })[] = [];
    for (const [key, ka] of fromA) {
      const kb = fromB.get(key);
      merged.push({ a: ka.node, b: kb?.node, parentIndex, depth, keyed: ka, offset: a.nodes[ka.node]!.startNs });
    }
    for (const [key, kb] of fromB) {
      if (!fromA.has(key)) merged.push({ a: undefined, b: kb.node, parentIndex, depth, keyed: kb, offset: b.nodes[kb.node]!.startNs });
    }
    return merged.sort(
      (x, y) =>
        x.offset - y.offset ||
        compareText(x.keyed.service, y.keyed.service) ||
        compareText(x.keyed.operation, y.keyed.operation) ||
        x.keyed.occurrence - y.keyed.occurrence,
    );
  };

  // Pre-order with an explicit stack: children are pushed in reverse so they pop in order.
  const stack = childrenOf(ROOT, ROOT, null, 0).reverse();
  while (stack.length > 0) {
    const p = stack.pop()!;
    const sa = side(a, p.a);
    const sb = side(b, p.b);
    const presence: Presence = sa !== null && sb !== null ? 'BOTH' : sa !== null ? 'ONLY_IN_A' : 'ONLY_IN_B';
    const errorChange: ErrorChange = sa === null || sb === null || sa.error === sb.error ? 'NONE' : sb.error ? 'ADDED' : 'REMOVED';
    if (presence === 'BOTH') counts.matched++;
    else if (presence === 'ONLY_IN_A') counts.onlyInA++;
    else counts.onlyInB++;
    if (errorChange === 'ADDED') counts.errorsAdded++;
    if (errorChange === 'REMOVED') counts.errorsRemoved++;
    const index = nodes.length;
    nodes.push({
      parentIndex: p.parentIndex,
      depth: p.depth,
      serviceName: p.keyed.service,
      operation: p.keyed.operation,
      occurrence: p.keyed.occurrence,
      presence,
      a: sa,
      b: sb,
      durationDeltaNs: sa !== null && sb !== null ? sb.durationNs - sa.durationNs : null,
      errorChange,
    });
    const children = childrenOf(p.a, p.b, index, p.depth + 1);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { nodes, ...counts, durationDeltaNs: b.durationNs - a.durationNs };
}
