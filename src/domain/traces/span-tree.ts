/**
 * The parent/child tree of one trace's spans, the shared ground of the trace
 * analyses (critical path, comparison). Pure and iterative: a trace of any
 * depth builds in O(n log n) without recursion.
 *
 * Times are kept as reported, relative to the earliest span start, in
 * nanoseconds (exact as numbers below 2^53 ns, about 104 days). A span that
 * ends before it starts is given zero length. Clock skew is not repaired.
 *
 * Bad data stays deterministic: a span whose parent is not in the trace (or
 * names itself) is top-level and `detached`; spans whose parent links form a
 * loop are reachable from no root, so the earliest of them (by start, then
 * span id) is cut from its parent and made top-level, until every span is in
 * the tree exactly once. The first span with an id owns it.
 */

export interface TreeSpanInput {
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
}

export interface TreeNode<S> {
  readonly span: S;
  /** Position in `SpanTree.nodes` (the input order). */
  readonly index: number;
  /** Parent node, null for a top-level node. */
  readonly parent: number | null;
  /** Children ordered by start, then span id. */
  readonly children: readonly number[];
  /** Nanoseconds from the trace origin. */
  readonly startNs: number;
  /** Never before startNs. */
  readonly endNs: number;
  /** Top-level although it names a parent: the parent is missing, or the parent links loop. */
  readonly detached: boolean;
}

export interface SpanTree<S> {
  readonly nodes: readonly TreeNode<S>[];
  /** Top-level nodes ordered by start, then span id: the children of a virtual root spanning the trace. */
  readonly roots: readonly number[];
  /** Earliest span start (ns since the epoch). */
  readonly originNs: bigint;
  /** From the earliest start to the latest end, in nanoseconds. */
  readonly durationNs: number;
}

interface MutableNode<S> {
  span: S;
  index: number;
  parent: number | null;
  children: number[];
  startNs: number;
  endNs: number;
  detached: boolean;
}

export function buildSpanTree<S extends TreeSpanInput>(spans: readonly S[]): SpanTree<S> {
  if (spans.length === 0) return { nodes: [], roots: [], originNs: 0n, durationNs: 0 };
  let origin = spans[0]!.startTimeUnixNano;
  for (const s of spans) if (s.startTimeUnixNano < origin) origin = s.startTimeUnixNano;

  const nodes: MutableNode<S>[] = spans.map((span, index) => {
    const startNs = Number(span.startTimeUnixNano - origin);
    const endNs = Math.max(startNs, Number(span.endTimeUnixNano - origin));
    return { span, index, parent: null, children: [], startNs, endNs, detached: false };
  });

  const byId = new Map<string, number>();
  for (const node of nodes) if (!byId.has(node.span.spanId)) byId.set(node.span.spanId, node.index);

  const roots: number[] = [];
  for (const node of nodes) {
    const parentId = node.span.parentSpanId;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent === undefined || parent === node.index) {
      node.detached = Boolean(parentId);
      roots.push(node.index);
    } else {
      node.parent = parent;
      nodes[parent]!.children.push(node.index);
    }
  }

  const byStart = (a: number, b: number) => {
    const na = nodes[a]!;
    const nb = nodes[b]!;
    return na.startNs - nb.startNs || compareText(na.span.spanId, nb.span.spanId) || a - b;
  };
  for (const node of nodes) node.children.sort(byStart);

  const visited = new Uint8Array(nodes.length);
  const visit = (top: number) => {
    const stack = [top];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (visited[i] === 1) continue;
      visited[i] = 1;
      for (const child of nodes[i]!.children) stack.push(child);
    }
  };
  for (const root of roots) visit(root);
  if (roots.length < nodes.length) {
    const unreached = nodes
      .map((n) => n.index)
      .filter((i) => visited[i] === 0)
      .sort(byStart);
    for (const i of unreached) {
      if (visited[i] === 1) continue;
      const node = nodes[i]!;
      const parent = nodes[node.parent!]!;
      parent.children = parent.children.filter((c) => c !== i);
      node.parent = null;
      node.detached = true;
      roots.push(i);
      visit(i);
    }
  }
  roots.sort(byStart);

  let durationNs = 0;
  for (const node of nodes) if (node.endNs > durationNs) durationNs = node.endNs;
  return { nodes, roots, originNs: origin, durationNs };
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
