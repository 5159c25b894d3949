import { compareText } from '../traces/span-tree.js';
import type { TraceSummary } from '../traces/trace.js';
import type { DropHeartbeat, WatchingNode } from './node.js';

/*
 * Data completeness of a trace: did the collector nodes that may have carried
 * its spans report dropping spans while it ran? Pure rules here; the store
 * reads are in completeness.service.ts, the operator's view in
 * docs/trace-analysis.md.
 */

/** The heartbeats that may cover a trace's spans. */
export interface CompletenessWindow {
  readonly traceStart: Date;
  readonly traceEnd: Date;
  /** Heartbeats received in [from, to] count: the trace's start to its end plus the slack. */
  readonly from: Date;
  readonly to: Date;
  /** The trace's clusters; empty when its spans name none, and then every cluster's nodes count. */
  readonly clusters: readonly string[];
}

/** A read of drop reports: heartbeats of one cluster (null: any cluster) received in [from, to]. */
export interface DropRange {
  readonly cluster: string | null;
  readonly from: Date;
  readonly to: Date;
}

export type CompletenessStatus = 'DROPS_REPORTED' | 'NO_DROPS_REPORTED' | 'UNKNOWN';
export type UnknownReason = 'NO_REPORTING_NODE' | 'HISTORY_EXPIRED';

/** What one node reported for the window. */
export interface NodeDropReport {
  readonly nodeId: string;
  readonly cluster: string;
  readonly droppedSpans: number;
  /** Heartbeats in the window that reported drops. */
  readonly heartbeats: number;
  readonly firstReportedAt: Date;
  readonly lastReportedAt: Date;
}

export interface TraceCompleteness {
  readonly status: CompletenessStatus;
  /** Why the status is UNKNOWN; null otherwise. */
  readonly unknownReason: UnknownReason | null;
  readonly window: CompletenessWindow;
  readonly droppedSpans: number;
  /** Nodes of the trace's clusters whose heartbeats began before the trace started and went on past its end. */
  readonly reportingNodes: number;
  /** Per node, by cluster then node id. */
  readonly reports: readonly NodeDropReport[];
}

export interface CompletenessRules {
  /**
   * How long after the trace's end a heartbeat may arrive and still count: a
   * heartbeat reports the drops since the node's previous one, so the first
   * heartbeat after the trace covers its last moments. MESH_NODE_OFFLINE_AFTER_S:
   * a node silent for longer is offline anyway.
   */
  readonly slackMs: number;
  /** How long heartbeats are kept (MESH_NODE_HISTORY_HOURS): older windows cannot be checked. */
  readonly historyMs: number;
}

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));

export function completenessWindow(trace: TraceSummary, rules: CompletenessRules): CompletenessWindow {
  const traceStart = nsToDate(trace.startTimeUnixNano);
  const traceEnd = nsToDate(trace.endTimeUnixNano);
  return {
    traceStart,
    traceEnd,
    from: traceStart,
    to: new Date(traceEnd.getTime() + rules.slackMs),
    clusters: [...trace.clusters].sort(compareText),
  };
}

/**
 * The reads that find every drop report of a batch of windows: per cluster
 * (or for any cluster), overlapping time ranges merged, so a page of traces
 * costs a handful of index ranges rather than one per trace.
 */
export function dropRanges(windows: readonly CompletenessWindow[]): DropRange[] {
  const byCluster = new Map<string | null, { from: number; to: number }[]>();
  for (const w of windows) {
    for (const cluster of w.clusters.length === 0 ? [null] : w.clusters) {
      const list = byCluster.get(cluster) ?? [];
      list.push({ from: w.from.getTime(), to: w.to.getTime() });
      byCluster.set(cluster, list);
    }
  }
  const ranges: DropRange[] = [];
  for (const [cluster, list] of byCluster) {
    list.sort((x, y) => x.from - y.from);
    let current = { ...list[0]! };
    for (const next of list.slice(1)) {
      if (next.from <= current.to) current.to = Math.max(current.to, next.to);
      else {
        ranges.push({ cluster, from: new Date(current.from), to: new Date(current.to) });
        current = { ...next };
      }
    }
    ranges.push({ cluster, from: new Date(current.from), to: new Date(current.to) });
  }
  return ranges;
}

/** The clusters whose nodes a batch of windows needs; null when some window needs every cluster. */
export function watchedClusters(windows: readonly CompletenessWindow[]): string[] | null {
  if (windows.some((w) => w.clusters.length === 0)) return null;
  return [...new Set(windows.flatMap((w) => w.clusters))].sort(compareText);
}

const inClusters = (window: CompletenessWindow, cluster: string) => window.clusters.length === 0 || window.clusters.includes(cluster);

/**
 * Whether a heartbeat's drops may have hit the trace: it arrived in the
 * window, from a node of the trace's clusters, and the interval its delta
 * covers, (since, at], overlaps the trace. With `since` unknown (a node's
 * first heartbeat), any drop report received in the window counts.
 */
function overlaps(window: CompletenessWindow, hb: DropHeartbeat): boolean {
  const at = hb.at.getTime();
  return (
    hb.droppedSpans > 0 &&
    at >= window.from.getTime() &&
    at <= window.to.getTime() &&
    (hb.since === null || hb.since.getTime() < window.traceEnd.getTime()) &&
    inClusters(window, hb.cluster)
  );
}

/**
 * The verdict for one window:
 * - DROPS_REPORTED: some node of its clusters reported drops while it ran;
 * - UNKNOWN (HISTORY_EXPIRED): no drops found, but the window begins before
 *   the oldest heartbeat kept, so reports may be gone;
 * - UNKNOWN (NO_REPORTING_NODE): no drops found, and no node of its clusters
 *   sent heartbeats from before the trace's start to after its end;
 * - NO_DROPS_REPORTED otherwise.
 */
export function assessCompleteness(
  window: CompletenessWindow,
  heartbeats: readonly DropHeartbeat[],
  nodes: readonly WatchingNode[],
  rules: CompletenessRules,
  now: Date,
): TraceCompleteness {
  const byNode = new Map<
    string,
    { nodeId: string; cluster: string; droppedSpans: number; heartbeats: number; first: number; last: number }
  >();
  for (const hb of heartbeats) {
    const at = hb.at.getTime();
    if (!overlaps(window, hb)) continue;
    const entry = byNode.get(hb.nodeId);
    if (entry === undefined)
      byNode.set(hb.nodeId, { nodeId: hb.nodeId, cluster: hb.cluster, droppedSpans: hb.droppedSpans, heartbeats: 1, first: at, last: at });
    else {
      entry.droppedSpans += hb.droppedSpans;
      entry.heartbeats++;
      entry.first = Math.min(entry.first, at);
      entry.last = Math.max(entry.last, at);
    }
  }
  const reports: NodeDropReport[] = [...byNode.values()]
    .sort((x, y) => compareText(x.cluster, y.cluster) || compareText(x.nodeId, y.nodeId))
    .map((e) => ({
      nodeId: e.nodeId,
      cluster: e.cluster,
      droppedSpans: e.droppedSpans,
      heartbeats: e.heartbeats,
      firstReportedAt: new Date(e.first),
      lastReportedAt: new Date(e.last),
    }));
  const droppedSpans = reports.reduce((sum, r) => sum + r.droppedSpans, 0);
  const reportingNodes = nodes.filter(
    (n) =>
      inClusters(window, n.cluster) &&
      n.firstSeen.getTime() <= window.traceStart.getTime() &&
      n.lastHeartbeat.getTime() >= window.traceEnd.getTime(),
  ).length;
  const historyExpired = window.from.getTime() < now.getTime() - rules.historyMs;
  const unknownReason: UnknownReason | null =
    droppedSpans > 0 ? null : historyExpired ? 'HISTORY_EXPIRED' : reportingNodes === 0 ? 'NO_REPORTING_NODE' : null;
  const status: CompletenessStatus = droppedSpans > 0 ? 'DROPS_REPORTED' : unknownReason !== null ? 'UNKNOWN' : 'NO_DROPS_REPORTED';
  return { status, unknownReason, window, droppedSpans, reportingNodes, reports };
}
