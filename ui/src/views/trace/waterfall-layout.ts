/**
 * Waterfall layout: the spans of one trace as rows in depth-first order
 * (children under their parent, siblings by start time), with times relative
 * to the trace start. Pure and iterative (no recursion), so a trace of any
 * depth or size lays out in one pass of O(n log n).
 *
 * Times are kept as reported. A child that starts before its parent or ends
 * after it (clock skew between hosts) is drawn where its own clock puts it and
 * flagged, never shifted: the console shows the data, it does not repair it.
 * Outliving the parent is not skew across a messaging hop (a CONSUMER span,
 * or any child of a PRODUCER span): asynchronous work may end after the send.
 */

export interface WaterfallSpanInput {
  readonly spanId: string;
  readonly parentSpanId: string | null | undefined;
  /** Int64 as a decimal string, as the API returns it. */
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  /** SpanKind (SERVER, CLIENT, PRODUCER, CONSUMER, …), to tell asynchronous children from skewed ones. */
  readonly kind?: string;
}

export interface WaterfallRow<S> {
  readonly span: S;
  /** Position in `rows` (depth-first order). */
  readonly index: number;
  readonly depth: number;
  /** Row of the parent; null for a top-level row. */
  readonly parentIndex: number | null;
  readonly childCount: number;
  /** Rows below this one that belong to its subtree: they are rows index+1 … index+descendantCount. */
  readonly descendantCount: number;
  /** Milliseconds from the trace start. */
  readonly startMs: number;
  /** Never before startMs (a span reported to end before it starts is drawn with zero length). */
  readonly endMs: number;
  /** Shown at the top level although it names a parent: the parent is not in the trace (or the parent chain loops). */
  readonly detached: boolean;
  readonly startsBeforeParent: boolean;
  /** Ends after its parent, other than across a messaging hop. */
  readonly endsAfterParent: boolean;
}

export interface WaterfallLayout<S> {
  readonly rows: readonly WaterfallRow<S>[];
  /** Earliest start of any span (ns since epoch). */
  readonly traceStartNs: bigint;
  /** From the earliest start to the latest end, in milliseconds. */
  readonly durationMs: number;
}

interface Node<S> {
  readonly span: S;
  readonly order: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly children: number[];
}

const NS_PER_MS = 1_000_000n;

/** Nanoseconds after `origin`, in (fractional) milliseconds; exact to the nanosecond below 2^53 ns (~104 days). */
function msSince(ns: bigint, origin: bigint): number {
  const delta = ns - origin;
  return Number(delta / NS_PER_MS) + Number(delta % NS_PER_MS) / 1e6;
}

function parseNs(value: string): bigint {
  try {
    return BigInt(value);
  } catch {
    return 0n;
  }
}

export function layoutWaterfall<S extends WaterfallSpanInput>(spans: readonly S[]): WaterfallLayout<S> {
  if (spans.length === 0) return { rows: [], traceStartNs: 0n, durationMs: 0 };

  const starts = spans.map((s) => parseNs(s.startTimeUnixNano));
  const ends = spans.map((s) => parseNs(s.endTimeUnixNano));
  let origin = starts[0] ?? 0n;
  for (const start of starts) if (start < origin) origin = start;

  const nodes: Node<S>[] = spans.map((span, order) => {
    const startMs = msSince(starts[order] ?? origin, origin);
    return { span, order, startMs, endMs: Math.max(startMs, msSince(ends[order] ?? origin, origin)), children: [] };
  });

  // The first span with an id owns it: children attach there (span ids are unique within a trace; this only keeps bad data deterministic).
  const byId = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!byId.has(node.span.spanId)) byId.set(node.span.spanId, i);
  });

  const roots: number[] = [];
  const namesParent: boolean[] = [];
  nodes.forEach((node, i) => {
    const parentId = node.span.parentSpanId;
    const parent = parentId ? byId.get(parentId) : undefined;
    namesParent[i] = Boolean(parentId);
    if (parent === undefined || parent === i) roots.push(i);
    else nodes[parent]?.children.push(i);
  });

  const byStart = (a: number, b: number) => {
    const na = nodes[a];
    const nb = nodes[b];
    if (na === undefined || nb === undefined) return 0;
    return na.startMs - nb.startMs || na.order - nb.order;
  };
  for (const node of nodes) node.children.sort(byStart);
  roots.sort(byStart);

  const rows: MutableRow<S>[] = [];
  const visited = new Uint8Array(nodes.length);
  const emit = (top: number) => {
    // Pre-order walk with an explicit stack; the stack holds [node, parent row, depth].
    const stack: [number, number | null, number][] = [[top, null, 0]];
    while (stack.length > 0) {
      const [i, parentRow, depth] = stack.pop() as [number, number | null, number];
      const node = nodes[i];
      if (node === undefined || visited[i] === 1) continue;
      visited[i] = 1;
      const parent = parentRow === null ? undefined : rows[parentRow];
      const row: MutableRow<S> = {
        span: node.span,
        index: rows.length,
        depth,
        parentIndex: parentRow,
        childCount: 0,
        descendantCount: 0,
        startMs: node.startMs,
        endMs: node.endMs,
        detached: parentRow === null && namesParent[i] === true,
        startsBeforeParent: parent !== undefined && node.startMs < parent.startMs,
        endsAfterParent: parent !== undefined && node.endMs > parent.endMs && !isMessagingHop(parent.span, node.span),
      };
      rows.push(row);
      if (parent !== undefined) parent.childCount++;
      for (let c = node.children.length - 1; c >= 0; c--) {
        const child = node.children[c];
        if (child !== undefined && visited[child] === 0) stack.push([child, row.index, depth + 1]);
      }
    }
  };
  for (const root of roots) emit(root);
  // Spans whose parent chain loops are reachable from no root: each unvisited one, earliest first, starts a subtree of its own.
  if (rows.length < nodes.length) {
    const rest = nodes
      .map((_, i) => i)
      .filter((i) => visited[i] === 0)
      .sort(byStart);
    for (const i of rest) emit(i);
  }

  // Subtrees are contiguous in pre-order, so a reverse pass sums descendant counts.
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    if (row === undefined || row.parentIndex === null) continue;
    const parent = rows[row.parentIndex];
    if (parent !== undefined) parent.descendantCount += row.descendantCount + 1;
  }

  let durationMs = 0;
  for (const node of nodes) if (node.endMs > durationMs) durationMs = node.endMs;
  return { rows, traceStartNs: origin, durationMs };
}

function isMessagingHop(parent: WaterfallSpanInput, child: WaterfallSpanInput): boolean {
  return parent.kind === 'PRODUCER' || child.kind === 'CONSUMER';
}

type MutableRow<S> = { -readonly [K in keyof WaterfallRow<S>]: WaterfallRow<S>[K] };

/**
 * Indices of the rows to show when the rows in `collapsed` hide their
 * subtrees; skips each hidden subtree in one step.
 */
export function visibleRows(rows: readonly WaterfallRow<unknown>[], collapsed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length;) {
    const row = rows[i];
    if (row === undefined) break;
    out.push(i);
    i += collapsed.has(i) ? row.descendantCount + 1 : 1;
  }
  return out;
}
