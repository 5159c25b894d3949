import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
import type { Span } from './span.js';
import type { ServiceSegment } from './service-segment.js';
import type { TraceSummary } from './trace.js';
import { sortSpans } from './spans.repository.js';
import type { SpanPageRequest, TracesService } from './traces.service.js';

export interface SpanKey {
  readonly traceId: string;
  readonly spanId: string;
}

export interface TraceLoaders {
  readonly traceById: DataLoader<string, TraceSummary | null>;
  /** Per trace: its service segments by service name, one per namespace/environment (one aggregation per batch of traces). */
  readonly serviceSegmentsByTraceId: DataLoader<string, ReadonlyMap<string, readonly ServiceSegment[]>>;
  /** Every span of each trace, in start order: for whole-trace work, after the trace's span count is charged (span-budget.ts). */
  readonly spansByTraceId: DataLoader<string, readonly Span[]>;
  /** One page of a trace's spans (Trace.spans) that is not the whole trace (that one is spansByTraceId). */
  readonly spanPages: DataLoader<SpanPageRequest, readonly Span[], string>;
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
        const byTrace = new Map<string, Map<string, ServiceSegment[]>>(ids.map((id) => [id, new Map()]));
        for (const segment of await service.loadServiceSegments(principal, ids)) {
          const services = byTrace.get(segment.traceId);
          const parts = services?.get(segment.serviceName);
          if (parts !== undefined) parts.push(segment);
          else services?.set(segment.serviceName, [segment]);
        }
        return ids.map((id) => byTrace.get(id) ?? new Map());
      }),
    spansByTraceId: (principal) =>
      new DataLoader(async (ids) => {
        const byTrace = await service.loadSpansOfTraces(principal, ids);
        return ids.map((id) => sortSpans([...(byTrace.get(id) ?? [])]));
      }),
    spanPages: (principal) =>
      new DataLoader(async (keys) => Promise.all(keys.map((k) => service.loadSpanPage(principal, k))), {
        cacheKeyFn: (k) => `${k.traceId}:${k.first}:${k.after ?? ''}`,
      }),
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
