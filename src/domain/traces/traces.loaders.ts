import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
import type { Span } from './span.js';
import type { ServiceSegment } from './service-segment.js';
import type { TraceSummary } from './trace.js';
import { sortSpans } from './spans.repository.js';
import type { SpanPageRequest, TracesService } from './traces.service.js';

/** A page of Trace.spans, with the trace's stored span count: a first page at least that large is the whole trace. */
export interface SpanPageKey extends SpanPageRequest {
  readonly spanCount: number;
}

export interface SpanKey {
  readonly traceId: string;
  readonly spanId: string;
}

export interface TraceLoaders {
  readonly traceById: DataLoader<string, TraceSummary | null>;
  /** Per trace: its service segments by service name (one aggregation per batch of traces). */
  readonly serviceSegmentsByTraceId: DataLoader<string, ReadonlyMap<string, ServiceSegment>>;
  /** Every span of each trace, in start order: for whole-trace work, after the trace's span count is charged (span-budget.ts). */
  readonly spansByTraceId: DataLoader<string, readonly Span[]>;
  /** One page of a trace's spans (Trace.spans): traces that fit in their page in one read, the others page by page. */
  readonly spanPages: DataLoader<SpanPageKey, readonly Span[], string>;
  readonly spanById: DataLoader<SpanKey, Span | null, string>;
}

/**
 * Per-request loaders bound to the caller. MongoDB `$in` returns documents in
 * any order, so each batch is mapped back to its keys explicitly.
 */
export function traceLoaders(service: TracesService): LoaderFactories<TraceLoaders> {
  return {
    traceById: (principal) =>
      new DataLoader(async (ids) => {
        const byId = new Map((await service.loadTraces(principal, ids)).map((t) => [t.traceId, t]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    serviceSegmentsByTraceId: (principal) =>
      new DataLoader(async (ids) => {
        const byTrace = new Map<string, Map<string, ServiceSegment>>(ids.map((id) => [id, new Map()]));
        for (const segment of await service.loadServiceSegments(principal, ids)) {
          byTrace.get(segment.traceId)?.set(segment.serviceName, segment);
        }
        return ids.map((id) => byTrace.get(id) ?? new Map());
      }),
    spansByTraceId: (principal) =>
      new DataLoader(async (ids) => {
        const byTrace = await service.loadSpansOfTraces(principal, ids);
        return ids.map((id) => byTrace.get(id) ?? []);
      }),
    spanPages: (principal) =>
      new DataLoader(
        async (keys) => {
          const whole = (k: SpanPageKey) => k.after === null && k.spanCount <= k.first;
          const wholeIds = [...new Set(keys.filter(whole).map((k) => k.traceId))];
          const byTrace = wholeIds.length === 0 ? new Map<string, Span[]>() : await service.loadSpansOfTraces(principal, wholeIds);
          return Promise.all(
            keys.map((k) =>
              whole(k) ? sortSpans([...(byTrace.get(k.traceId) ?? [])]).slice(0, k.first) : service.loadSpanPage(principal, k),
            ),
          );
        },
        { cacheKeyFn: (k) => `${k.traceId}:${k.first}:${k.after ?? ''}` },
      ),
    spanById: (principal) =>
      new DataLoader(
        async (keys) => {
          const byKey = new Map((await service.loadSpans(principal, keys)).map((s) => [`${s.traceId}:${s.spanId}`, s]));
          return keys.map((k) => byKey.get(`${k.traceId}:${k.spanId}`) ?? null);
        },
        { cacheKeyFn: (k) => `${k.traceId}:${k.spanId}` },
      ),
  };
}
