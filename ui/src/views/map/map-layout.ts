/**
 * A layered (Sugiyama-style) layout for the service map, small enough to own:
 * 1. ranks: longest path from the callers that nothing calls, after dropping
 *    the edges that close cycles (found by depth-first search);
 * 2. order within a rank: a few barycenter sweeps to reduce crossings;
 * 3. coordinates: ranks left to right, each column centred vertically.
 * Pure and deterministic: the same graph always gets the same picture.
 */

export interface MapNodeInput {
  readonly id: string;
  readonly type: string;
}

export interface MapEdgeInput {
  readonly source: string;
  readonly target: string;
}

export interface PlacedNode<N> {
  readonly node: N;
  readonly rank: number;
  readonly order: number;
  /** Centre of the node box. */
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge<E> {
  readonly edge: E;
  /** SVG path (one cubic Bézier) from the source box's right side to the target box's left side. */
  readonly path: string;
  /** Centre of the label box: on the curve, where it overlaps no node and no earlier label if such a place exists. */
  readonly labelX: number;
  readonly labelY: number;
  /** Points against the flow (a call that closes a cycle, or a self call). */
  readonly backward: boolean;
}

export interface MapLayout<N, E> {
  readonly nodes: readonly PlacedNode<N>[];
  readonly edges: readonly PlacedEdge<E>[];
  readonly width: number;
  readonly height: number;
}

export interface MapLayoutOptions<E> {
  /** The label box of an edge (its text measured by the caller); without it labels are placed at the middle of the curve. */
  readonly labelSize?: (edge: E) => { readonly width: number; readonly height: number };
}

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 44;
const COLUMN_GAP = 190;
const ROW_GAP = 46;
const MARGIN = 24;
const SWEEPS = 4;

export function layoutMap<N extends MapNodeInput, E extends MapEdgeInput>(
  nodes: readonly N[],
  edges: readonly E[],
  options: MapLayoutOptions<E> = {},
): MapLayout<N, E> {
  const ids = [...new Set([...nodes.map((n) => n.id), ...edges.flatMap((e) => [e.source, e.target])])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const out: number[][] = ids.map(() => []);
  const inn: number[][] = ids.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source) as number;
    const t = index.get(e.target) as number;
    if (s !== t && !out[s]?.includes(t)) {
      out[s]?.push(t);
      inn[t]?.push(s);
    }
  }
  for (const list of out) list.sort((a, b) => a - b);

  const back = findBackEdges(ids.length, out, inn);
  const rank = longestPathRanks(ids.length, out, back);

  // Columns, then barycenter sweeps: left to right by the callers' positions, right to left by the callees'.
  const columns: number[][] = [];
  ids.forEach((_, i) => (columns[rank[i] ?? 0] ??= []).push(i));
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];
  const position = new Float64Array(ids.length);
  const renumber = () => columns.forEach((col) => col.forEach((v, p) => (position[v] = p)));
  renumber();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const forward = sweep % 2 === 0;
    for (let step = 1; step < columns.length; step++) {
      const c = forward ? step : columns.length - 1 - step;
      const neighbours = forward ? inn : out;
      const col = columns[c] as number[];
      const key = new Map(
        col.map((v) => {
          const ns = neighbours[v] ?? [];
          return [v, ns.length === 0 ? (position[v] ?? 0) : ns.reduce((sum, n) => sum + (position[n] ?? 0), 0) / ns.length];
        }),
      );
      col.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || a - b);
      col.forEach((v, p) => (position[v] = p));
    }
  }

  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const loops = edges.some((e) => (rank[index.get(e.target) as number] ?? 0) <= (rank[index.get(e.source) as number] ?? 0));
  // Backward edges loop below the boxes: room for them under the tallest column.
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP + (loops ? ROW_GAP : 0);
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  const centre = new Map<number, { x: number; y: number }>();
  const placed: PlacedNode<N>[] = [];
  columns.forEach((col, c) => {
    const top = (height - (loops ? ROW_GAP : 0) - (col.length * NODE_HEIGHT + (col.length - 1) * ROW_GAP)) / 2;
    col.forEach((v, p) => {
      const x = MARGIN + c * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH / 2;
      const y = top + p * (NODE_HEIGHT + ROW_GAP) + NODE_HEIGHT / 2;
      centre.set(v, { x, y });
      const id = ids[v] as string;
      placed.push({ node: nodeOf.get(id) ?? ({ id, type: 'SERVICE' } as N), rank: c, order: p, x, y });
    });
  });

  const occupied: Box[] = [...centre.values()].map(({ x, y }) => ({
    x: x - NODE_WIDTH / 2,
    y: y - NODE_HEIGHT / 2,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));
  const placedEdges = edges.map((edge) => {
    const s = index.get(edge.source) as number;
    const t = index.get(edge.target) as number;
    const backward = (rank[t] ?? 0) <= (rank[s] ?? 0);
    const curve = edgeCurve(centre.get(s) ?? { x: 0, y: 0 }, centre.get(t) ?? { x: 0, y: 0 }, backward);
    const size = options.labelSize?.(edge);
    const label = size === undefined ? pointAt(curve, 0.5) : placeLabel(curve, size, occupied);
    return { edge, path: curvePath(curve), labelX: label.x, labelY: label.y, backward };
  });
  return { nodes: placed, edges: placedEdges, width, height };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Cubic Bézier control points. */
type Curve = readonly [Point, Point, Point, Point];

/** Where along the curve a label may sit, best first: the middle, then outwards. */
const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

function pointAt([p0, p1, p2, p3]: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The first position on the curve whose label box is free; the middle when none is. The chosen box is then occupied. */
function placeLabel(curve: Curve, size: { width: number; height: number }, occupied: Box[]): Point {
  const boxAt = (p: Point): Box => ({ x: p.x - size.width / 2, y: p.y - size.height / 2, width: size.width, height: size.height });
  const free = LABEL_POSITIONS.map((t) => pointAt(curve, t)).find((p) => !occupied.some((box) => overlaps(boxAt(p), box)));
  const chosen = free ?? pointAt(curve, 0.5);
  occupied.push(boxAt(chosen));
  return chosen;
}

function curvePath([p0, p1, p2, p3]: Curve): string {
  const f = (p: Point) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`;
  return `M${f(p0)} C${f(p1)} ${f(p2)} ${f(p3)}`;
}

function edgeCurve(from: Point, to: Point, backward: boolean): Curve {
  if (!backward) {
    const x1 = from.x + NODE_WIDTH / 2;
    const x2 = to.x - NODE_WIDTH / 2;
    const dx = (x2 - x1) / 2;
    return [
      { x: x1, y: from.y },
      { x: x1 + dx, y: from.y },
      { x: x2 - dx, y: to.y },
      { x: x2, y: to.y },
    ];
  }
  // Against the flow: leave from the bottom, loop below both boxes, enter from the bottom.
  const y1 = from.y + NODE_HEIGHT / 2;
  const y2 = to.y + NODE_HEIGHT / 2;
  const dip = Math.max(y1, y2) + ROW_GAP * 0.9;
  if (from.x === to.x && from.y === to.y) {
    return [
      { x: from.x - 20, y: y1 },
      { x: from.x - 40, y: dip },
      { x: from.x + 40, y: dip },
      { x: from.x + 20, y: y2 },
    ];
  }
  return [
    { x: from.x, y: y1 },
    { x: from.x, y: dip },
    { x: to.x, y: dip },
    { x: to.x, y: y2 },
  ];
}

function isForward(back: ReadonlySet<string>, s: number, t: number): boolean {
  return !back.has(`${s}>${t}`);
}

/** Edges that close a cycle in a depth-first search from every unvisited node (in id order, so the choice is deterministic). */
function findBackEdges(n: number, out: readonly number[][], inn: readonly number[][]): Set<string> {
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const back = new Set<string>();
  // Start from nodes nothing calls, so cycles are cut as far from the entry points as possible.
  const starts = [...Array(n).keys()].sort((a, b) => (inn[a]?.length ?? 0) - (inn[b]?.length ?? 0) || a - b);
  for (const start of starts) {
    if (state[start] !== 0) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as [number, number];
      const [v, next] = frame;
      const targets = out[v] ?? [];
      if (next >= targets.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      frame[1] = next + 1;
      const t = targets[next] as number;
      if (state[t] === 1) back.add(`${v}>${t}`);
      else if (state[t] === 0) {
        state[t] = 1;
        stack.push([t, 0]);
      }
    }
  }
  return back;
}

/** Rank = length of the longest forward path reaching the node (Kahn's order over the acyclic part). */
function longestPathRanks(n: number, out: readonly number[][], back: ReadonlySet<string>): number[] {
  const indegree = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) for (const t of out[v] ?? []) if (isForward(back, v, t)) indegree[t] = (indegree[t] ?? 0) + 1;
  const rank = new Array<number>(n).fill(0);
  const queue = [...Array(n).keys()].filter((v) => indegree[v] === 0);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const t of out[v] ?? []) {
      if (!isForward(back, v, t)) continue;
      rank[t] = Math.max(rank[t] ?? 0, (rank[v] ?? 0) + 1);
      indegree[t] = (indegree[t] ?? 0) - 1;
      if (indegree[t] === 0) queue.push(t);
    }
  }
  return rank;
}
