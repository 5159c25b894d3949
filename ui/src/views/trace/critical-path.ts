import type { WaterfallLayout } from './waterfall-layout';

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

/** `Trace.criticalPath` as the console queries it: times as Int64 decimal strings. */
export interface ApiCriticalPathSpan {
  readonly spanId: string;
  readonly segments: readonly { readonly startTimeUnixNano: string; readonly endTimeUnixNano: string }[];
}

const NS_PER_MS = 1_000_000n;

function msSince(ns: string, origin: bigint): number {
  const delta = BigInt(ns) - origin;
  return Number(delta / NS_PER_MS) + Number(delta % NS_PER_MS) / 1e6;
}

/**
 * The API's critical path (computed by the gateway: docs/trace-analysis.md)
 * placed on the waterfall's rows, in the waterfall's time frame (ms from its
 * earliest span start). Spans the waterfall does not show are skipped.
 */
export function placeCriticalPath(
  path: readonly ApiCriticalPathSpan[],
  layout: WaterfallLayout<{ readonly spanId: string }>,
): CriticalPath {
  const rowOf = new Map(layout.rows.map((r) => [r.span.spanId, r.index]));
  const segments: CriticalSegment[] = [];
  for (const entry of path) {
    const row = rowOf.get(entry.spanId);
    if (row === undefined) continue;
    for (const s of entry.segments) {
      segments.push({
        row,
        startMs: msSince(s.startTimeUnixNano, layout.traceStartNs),
        endMs: msSince(s.endTimeUnixNano, layout.traceStartNs),
      });
    }
  }
  segments.sort((a, b) => a.row - b.row || a.startMs - b.startMs);
  return { segments, rows: new Set(segments.map((s) => s.row)) };
}
