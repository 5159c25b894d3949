import DataLoader from 'dataloader';
import type { Principal } from '../../auth/principal.js';
import type { TraceCompleteness } from './completeness.js';
import type { CompletenessService } from './completeness.service.js';
import type { TraceSummary } from './trace.js';

export interface TraceAnalysisLoaders {
  /** Completeness of every trace of a page in one batch: two reads whatever the page size (no N+1). */
  readonly traceCompleteness: DataLoader<TraceSummary, TraceCompleteness, string>;
}

/** Per-request loaders bound to the caller; the service answers in key order. */
export function createTraceAnalysisLoaders(service: CompletenessService, principal: Principal | null): TraceAnalysisLoaders {
  return {
    traceCompleteness: new DataLoader<TraceSummary, TraceCompleteness, string>((traces) => service.ofTraces(principal, traces), {
      cacheKeyFn: (trace) => trace.traceId,
    }),
  };
}
