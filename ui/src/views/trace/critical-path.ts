import type { WaterfallRow } from './waterfall-layout';

export interface CriticalSegment {
  readonly row: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface CriticalPath {
  /** Time intervals, each on the row whose own work (not a child's) the trace was waiting for. */
  readonly segments: readonly CriticalSegment[];
  readonly rows: ReadonlySet<number>;
}

/**
 * The critical path: walking back from the end of the trace, at each moment
 * the span that the caller was waiting on. Within a span, the child that
 * finished last before the cursor is on the path; the cursor then moves to
 * that child's start, and the span's own time between children is its
 * segment (the algorithm Jaeger's UI uses). Top-level rows act as the
 * children of a virtual root spanning the whole trace.
 *
 * Clock-skewed children are clamped to the part that lies within the
 * cursor; a child lying entirely before its parent's start is not on the path.
 * Iterative, so deep traces cannot overflow the stack.
 */
export function criticalPath(rows: readonly WaterfallRow<unknown>[], durationMs: number): CriticalPath {
  const VIRTUAL = -1;
  const children = new Map<number, number[]>([[VIRTUAL, []]]);
  for (const row of rows) {
    const key = row.parentIndex ?? VIRTUAL;
    let list = children.get(key);
    if (list === undefined) {
      list = [];
      children.set(key, list);
    }
    list.push(row.index);
  }
  const endOf = (i: number) => rows[i]?.endMs ?? 0;
  const startOf = (i: number) => (i === VIRTUAL ? 0 : (rows[i]?.startMs ?? 0));
  for (const list of children.values()) list.sort((a, b) => endOf(b) - endOf(a) || a - b);

  const segments: CriticalSegment[] = [];
  const onPath = new Set<number>();
  const add = (row: number, startMs: number, endMs: number) => {
    if (row === VIRTUAL || endMs <= startMs) return;
    segments.push({ row, startMs, endMs });
    onPath.add(row);
  };

  interface Frame {
    readonly row: number;
    /** The cursor: this span is on the path up to here. */
    cursor: number;
    next: number;
  }
  const stack: Frame[] = [{ row: VIRTUAL, cursor: durationMs, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const kids = children.get(frame.row) ?? [];
    const ownStart = startOf(frame.row);
    let descended = false;
    while (frame.next < kids.length) {
      const child = kids[frame.next++] as number;
      const childStart = startOf(child);
      if (childStart >= frame.cursor) continue;
      const childEnd = Math.min(endOf(child), frame.cursor);
      // Children are sorted by end, latest first: once one ends before this span starts, all the rest do.
      if (childEnd <= ownStart && frame.row !== VIRTUAL) {
        frame.next = kids.length;
        break;
      }
      add(frame.row, childEnd, frame.cursor);
      frame.cursor = Math.max(childStart, ownStart);
      stack.push({ row: child, cursor: childEnd, next: 0 });
      descended = true;
      break;
    }
    if (descended) continue;
    add(frame.row, ownStart, frame.cursor);
    stack.pop();
  }
  segments.sort((a, b) => a.row - b.row || a.startMs - b.startMs);
  return { segments, rows: onPath };
}
