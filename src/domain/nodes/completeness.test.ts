import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../traces/trace.js';
import { assessCompleteness, completenessWindow, dropRanges, watchedClusters, type CompletenessRules } from './completeness.js';
import type { DropHeartbeat, WatchingNode } from './node.js';

const T = Date.parse('2026-03-15T09:00:00Z');
const RULES: CompletenessRules = { slackMs: 90_000, historyMs: 24 * 3_600_000 };
const NOW = new Date(T + 3_600_000);
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

function trace(startMs: number, durationMs: number, clusters: string[]): TraceSummary {
  return {
    traceId: 'a'.repeat(32),
    startTimeUnixNano: ns(T + startMs),
    endTimeUnixNano: ns(T + startMs + durationMs),
    durationNs: ns(durationMs),
    spanCount: 1,
    errorCount: 0,
    status: 'ok',
    rootSpanId: null,
    rootServiceName: null,
    rootServiceNamespace: null,
    rootOperation: null,
    services: [],
    namespaces: [],
    environments: [],
    clusters,
  };
}

/** A heartbeat received at `atMs` whose deltas cover the 10 s before it (or an unknown stretch, with `sinceMs` null). */
const beat = (
  nodeId: string,
  cluster: string,
  atMs: number,
  droppedSpans: number,
  sinceMs: number | null = atMs - 10_000,
): DropHeartbeat => ({
  nodeId,
  cluster,
  since: sinceMs === null ? null : new Date(T + sinceMs),
  at: new Date(T + atMs),
  droppedSpans,
});
const node = (nodeId: string, cluster: string, firstMs: number, lastMs: number): WatchingNode => ({
  nodeId,
  cluster,
  firstSeen: new Date(T + firstMs),
  lastHeartbeat: new Date(T + lastMs),
});
const WATCHERS = [node('eu-a', 'prod-eu-1', -600_000, 600_000), node('us-a', 'prod-us-1', -600_000, 600_000)];

describe('completenessWindow', () => {
  it('runs from the trace start to its end plus the slack, over the trace clusters', () => {
    const w = completenessWindow(trace(0, 2_000, ['prod-us-1', 'prod-eu-1']), RULES);
    expect(w).toEqual({
      traceStart: new Date(T),
      traceEnd: new Date(T + 2_000),
      from: new Date(T),
      to: new Date(T + 92_000),
      clusters: ['prod-eu-1', 'prod-us-1'],
    });
  });
});

describe('assessCompleteness', () => {
  const window = completenessWindow(trace(0, 2_000, ['prod-eu-1']), RULES);

  it('reports the drops of the trace clusters in the window, summed per node', () => {
    const result = assessCompleteness(
      window,
      [beat('eu-a', 'prod-eu-1', 1_000, 5), beat('eu-a', 'prod-eu-1', 11_000, 7), beat('eu-b', 'prod-eu-1', 80_000, 1, null)],
      WATCHERS,
      RULES,
      NOW,
    );
    expect(result).toMatchObject({ status: 'DROPS_REPORTED', unknownReason: null, droppedSpans: 13, reportingNodes: 1 });
    expect(result.reports).toEqual([
      {
        nodeId: 'eu-a',
        cluster: 'prod-eu-1',
        droppedSpans: 12,
        heartbeats: 2,
        firstReportedAt: new Date(T + 1_000),
        lastReportedAt: new Date(T + 11_000),
      },
      {
        nodeId: 'eu-b',
        cluster: 'prod-eu-1',
        droppedSpans: 1,
        heartbeats: 1,
        firstReportedAt: new Date(T + 80_000),
        lastReportedAt: new Date(T + 80_000),
      },
    ]);
  });

  it('ignores drops of other clusters, before the trace, after the slack, and of heartbeat intervals that began after the trace', () => {
    const result = assessCompleteness(
      window,
      [
        beat('us-a', 'prod-us-1', 1_000, 50),
        beat('eu-a', 'prod-eu-1', -1, 9),
        beat('eu-a', 'prod-eu-1', 92_001, 9, null),
        // Received in the window, but counting drops from 2 s on: the trace had ended.
        beat('eu-a', 'prod-eu-1', 12_000, 9, 2_000),
      ],
      WATCHERS,
      RULES,
      NOW,
    );
    expect(result).toMatchObject({ status: 'NO_DROPS_REPORTED', droppedSpans: 0, reports: [], reportingNodes: 1 });
  });

  it('counts every cluster when the trace names none', () => {
    const anywhere = completenessWindow(trace(0, 2_000, []), RULES);
    const result = assessCompleteness(anywhere, [beat('us-a', 'prod-us-1', 1_000, 50)], WATCHERS, RULES, NOW);
    expect(result).toMatchObject({ status: 'DROPS_REPORTED', droppedSpans: 50, reportingNodes: 2 });
  });

  it('is UNKNOWN when no node of its clusters heartbeated from before the trace to after it', () => {
    const late = [node('eu-a', 'prod-eu-1', 500, 600_000)];
    const stopped = [node('eu-a', 'prod-eu-1', -600_000, 1_000)];
    for (const nodes of [[], late, stopped, [node('us-a', 'prod-us-1', -600_000, 600_000)]]) {
      expect(assessCompleteness(window, [], nodes, RULES, NOW)).toMatchObject({
        status: 'UNKNOWN',
        unknownReason: 'NO_REPORTING_NODE',
        reportingNodes: 0,
      });
    }
  });

  it('is UNKNOWN when the window is older than the heartbeat history, unless drops are still on record', () => {
    const later = new Date(T + 25 * 3_600_000);
    expect(assessCompleteness(window, [], WATCHERS, RULES, later)).toMatchObject({ status: 'UNKNOWN', unknownReason: 'HISTORY_EXPIRED' });
    expect(assessCompleteness(window, [beat('eu-a', 'prod-eu-1', 1_000, 2)], WATCHERS, RULES, later)).toMatchObject({
      status: 'DROPS_REPORTED',
    });
  });
});

describe('dropRanges and watchedClusters', () => {
  it('merges overlapping windows per cluster, so a page of traces reads a few ranges', () => {
    const windows = [trace(0, 1_000, ['eu']), trace(30_000, 1_000, ['eu', 'us']), trace(600_000, 1_000, ['eu'])].map((t) =>
      completenessWindow(t, RULES),
    );
    expect(dropRanges(windows)).toEqual([
      { cluster: 'eu', from: new Date(T), to: new Date(T + 121_000) },
      { cluster: 'eu', from: new Date(T + 600_000), to: new Date(T + 691_000) },
      { cluster: 'us', from: new Date(T + 30_000), to: new Date(T + 121_000) },
    ]);
    expect(watchedClusters(windows)).toEqual(['eu', 'us']);
  });

  it('reads any cluster for a trace without one', () => {
    const windows = [trace(0, 1_000, []), trace(5_000, 1_000, ['eu'])].map((t) => completenessWindow(t, RULES));
    expect(dropRanges(windows).map((r) => r.cluster)).toEqual([null, 'eu']);
    expect(watchedClusters(windows)).toBeNull();
  });

  it('reads nothing for no windows', () => {
    expect(dropRanges([])).toEqual([]);
  });
});
