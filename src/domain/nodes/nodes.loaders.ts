import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
import type { TraceSummary } from '../traces/trace.js';
import type { TraceCompleteness } from './completeness.js';
import type { CompletenessService } from './completeness.service.js';
import type { NodeWindowTotals } from './node.js';
import type { NodesService } from './nodes.service.js';

export interface NodeLoaders {
  /** 1 h counter sums by node id: one aggregation for a whole page of nodes. */
  readonly nodeWindowTotals: DataLoader<string, NodeWindowTotals>;
  /** Completeness of every trace of a page in one batch: two reads whatever the page size (no N+1). */
  readonly traceCompleteness: DataLoader<TraceSummary, TraceCompleteness, string>;
}

const NO_HEARTBEATS: NodeWindowTotals = { spansIngested: 0, droppedSpans: 0 };

/** Per-request loaders bound to the caller; results are mapped back to their keys (aggregation order is arbitrary). */
export function nodeLoaders(service: NodesService, completeness: CompletenessService): LoaderFactories<NodeLoaders> {
  return {
    nodeWindowTotals: (principal) =>
      new DataLoader(async (nodeIds) => {
        const totals = await service.windowTotals(principal, nodeIds);
        return nodeIds.map((id) => totals.get(id) ?? NO_HEARTBEATS);
      }),
    // The service answers in key order.
    traceCompleteness: (principal) =>
      new DataLoader((traces) => completeness.ofTraces(principal, traces), { cacheKeyFn: (trace) => trace.traceId }),
  };
}
