import { NotFoundError } from '../../errors.js';
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { criticalPath, type CriticalPathEntry, type CriticalSegment } from './critical-path.js';
import type { Span as SpanModel } from './span.js';
import { chargeTraceLoad } from './span-budget.js';
import { buildSpanTree } from './span-tree.js';
import { compareTraces, type ComparedSide, type ComparisonNode, type TraceComparisonResult } from './trace-compare.js';
import type { TraceSummary } from './trace.js';
import { Span, Trace } from './traces.graphql.js';
import { assertTraceId } from './traces.service.js';

/*
 * Trace analysis (docs/trace-analysis.md): the critical path of a trace and
 * the comparison of two traces, computed from the stored spans at read time;
 * spans come through the per-request loader, so selecting `spans` and
 * `criticalPath` together reads them once. Whether collectors reported
 * dropping spans while a trace ran is the nodes area's `Trace.completeness`
 * (domain/nodes/trace-completeness.graphql.ts).
 */

const NS_PER_MS = 1e6;

interface CriticalPathEntryModel {
  readonly entry: CriticalPathEntry<SpanModel>;
  readonly originNs: bigint;
  readonly traceDurationNs: number;
}

interface CriticalSegmentModel {
  readonly segment: CriticalSegment;
  readonly originNs: bigint;
}

const CriticalPathSegment = builder.objectRef<CriticalSegmentModel>('CriticalPathSegment').implement({
  description: 'A stretch of time during which the trace waited on this span’s own work (not on one of its children).',
  fields: (t) => ({
    startTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.originNs + BigInt(s.segment.startNs) }),
    endTimeUnixNano: t.field({ type: 'Int64', resolve: (s) => s.originNs + BigInt(s.segment.endNs) }),
    startOffsetMs: t.float({ description: 'From the earliest span start of the trace.', resolve: (s) => s.segment.startNs / NS_PER_MS }),
    endOffsetMs: t.float({ resolve: (s) => s.segment.endNs / NS_PER_MS }),
    durationMs: t.float({ resolve: (s) => (s.segment.endNs - s.segment.startNs) / NS_PER_MS }),
  }),
});

const CriticalPathSpan = builder.objectRef<CriticalPathEntryModel>('CriticalPathSpan').implement({
  description: 'A span on the critical path, with the time the trace spent waiting on its own work.',
  fields: (t) => ({
    spanId: t.string({ resolve: (e) => e.entry.span.spanId }),
    span: t.field({ type: Span, resolve: (e) => e.entry.span }),
    selfTimeMs: t.float({
      description: 'Sum of the segments: this span’s self time on the critical path.',
      resolve: (e) => e.entry.selfTimeNs / NS_PER_MS,
    }),
    selfTimeNs: t.field({ type: 'Int64', resolve: (e) => BigInt(e.entry.selfTimeNs) }),
    share: t.float({
      description: 'selfTime / the trace duration (earliest span start to latest span end), 0–1; 0 for a trace of zero duration.',
      resolve: (e) => (e.traceDurationNs === 0 ? 0 : e.entry.selfTimeNs / e.traceDurationNs),
    }),
    segments: t.field({
      type: [CriticalPathSegment],
      description: 'In time order, never overlapping.',
      resolve: (e) => e.entry.segments.map((segment) => ({ segment, originNs: e.originNs })),
    }),
  }),
});

builder.objectField(Trace, 'criticalPath', (t) =>
  t.field({
    type: [CriticalPathSpan],
    description:
      'The critical path: walking back from the end of the trace, the span the caller was waiting on at each moment. Within a span, ' +
      'the child that finished last before the cursor is on the path, then the span’s own time between children (the algorithm of ' +
      'Jaeger’s UI). Top-level spans (the root and spans whose parent is missing) are children of a virtual root spanning the trace. ' +
      'Clock skew: a child counts only within its parent’s time on the path. Spans in the order the path reaches them.',
    complexity: { field: 5, multiplier: 20 },
    resolve: async (trace, _a, ctx) => {
      // The whole trace is read: charged its stored span count first, once per request (span-budget.ts).
      chargeTraceLoad(ctx, trace.traceId, trace.spanCount, `the critical path of trace ${trace.traceId}`);
      const tree = buildSpanTree(await ctx.loaders.spansByTraceId.load(trace.traceId));
      return criticalPath(tree).map((entry) => ({ entry, originNs: tree.originNs, traceDurationNs: tree.durationNs }));
    },
  }),
);

const PresenceEnum = builder.enumType('ComparisonPresence', {
  values: {
    BOTH: { description: 'A span at this path in both traces.' },
    ONLY_IN_A: { description: 'Only trace `a` has a span at this path (removed in `b`).' },
    ONLY_IN_B: { description: 'Only trace `b` has a span at this path (added in `b`).' },
  } as const,
});

const ErrorChangeEnum = builder.enumType('ErrorChange', {
  values: {
    NONE: { description: 'Same error status on both sides, or the node is on one side only.' },
    ADDED: { description: 'The span failed in `b` but not in `a`.' },
    REMOVED: { description: 'The span failed in `a` but not in `b`.' },
  } as const,
});

const ComparedSpan = builder.objectRef<ComparedSide<SpanModel>>('ComparedSpan').implement({
  description: 'One side of a comparison node: the span of that trace at this path.',
  fields: (t) => ({
    spanId: t.string({ resolve: (s) => s.span.spanId }),
    span: t.field({ type: Span, resolve: (s) => s.span }),
    durationMs: t.float({ resolve: (s) => s.durationNs / NS_PER_MS }),
    startOffsetMs: t.float({ description: 'From the earliest span start of its own trace.', resolve: (s) => s.startOffsetNs / NS_PER_MS }),
    error: t.boolean({ description: 'Span status ERROR.', resolve: (s) => s.error }),
  }),
});

const TraceComparisonNode = builder.objectRef<ComparisonNode<SpanModel>>('TraceComparisonNode').implement({
  description:
    'A node of the merged tree of two traces: a path of (service, operation, occurrence) from the root, and the span of each trace at it.',
  fields: (t) => ({
    parentIndex: t.int({
      nullable: true,
      description: 'Position of the parent node in `nodes`; null for a top-level node.',
      resolve: (n) => n.parentIndex,
    }),
    depth: t.exposeInt('depth'),
    serviceName: t.exposeString('serviceName'),
    operation: t.exposeString('operation', { description: 'The span name.' }),
    occurrence: t.exposeInt('occurrence', {
      description: '0-based rank among the siblings with the same service and operation, by start time (then span id).',
    }),
    presence: t.field({ type: PresenceEnum, resolve: (n) => n.presence }),
    a: t.field({ type: ComparedSpan, nullable: true, resolve: (n) => n.a }),
    b: t.field({ type: ComparedSpan, nullable: true, resolve: (n) => n.b }),
    durationDeltaMs: t.float({
      nullable: true,
      description: 'b − a: positive when the span took longer in `b`. Null unless both sides exist.',
      resolve: (n) => (n.durationDeltaNs === null ? null : n.durationDeltaNs / NS_PER_MS),
    }),
    durationRatio: t.float({
      nullable: true,
      description: 'b / a. Null unless both sides exist and `a` took longer than zero.',
      resolve: (n) => (n.a === null || n.b === null || n.a.durationNs === 0 ? null : n.b.durationNs / n.a.durationNs),
    }),
    errorChange: t.field({ type: ErrorChangeEnum, resolve: (n) => n.errorChange }),
  }),
});

interface TraceComparisonModel {
  readonly a: TraceSummary;
  readonly b: TraceSummary;
  readonly result: TraceComparisonResult<SpanModel>;
}

const TraceComparison = builder.objectRef<TraceComparisonModel>('TraceComparison').implement({
  description: 'Two traces compared span by span, as one merged tree (docs/trace-analysis.md).',
  fields: (t) => ({
    a: t.field({ type: Trace, resolve: (c) => c.a }),
    b: t.field({ type: Trace, resolve: (c) => c.b }),
    durationDeltaMs: t.float({
      description: 'b’s duration − a’s (earliest span start to latest span end).',
      resolve: (c) => c.result.durationDeltaNs / NS_PER_MS,
    }),
    matchedCount: t.int({ description: 'Nodes present in both traces.', resolve: (c) => c.result.matched }),
    onlyInACount: t.int({ resolve: (c) => c.result.onlyInA }),
    onlyInBCount: t.int({ resolve: (c) => c.result.onlyInB }),
    errorsAddedCount: t.int({ description: 'Matched nodes that failed in `b` only.', resolve: (c) => c.result.errorsAdded }),
    errorsRemovedCount: t.int({ description: 'Matched nodes that failed in `a` only.', resolve: (c) => c.result.errorsRemoved }),
    nodes: t.field({
      type: [TraceComparisonNode],
      description:
        'The merged tree in depth-first order (each node after its parent, its subtree right after it); siblings by start offset in their own trace.',
      complexity: { field: 5, multiplier: 40 },
      resolve: (c) => [...c.result.nodes],
    }),
  }),
});

async function storedTrace(ctx: Context, traceId: string, param: 'a' | 'b'): Promise<TraceSummary> {
  const trace = await ctx.loaders.traceById.load(assertTraceId(traceId, param));
  if (trace === null) throw new NotFoundError(`No trace '${traceId}' is stored (argument '${param}')`, param);
  return trace;
}

builder.queryFields((t) => ({
  compareTraces: t.field({
    type: TraceComparison,
    authScopes: { read: true },
    description:
      'Compares trace `b` with trace `a`: spans matched by their path of (service, operation) from the root, siblings with equal names by ' +
      'their rank in start order; per-node duration deltas (b − a), nodes only in a, only in b, and error changes. Works for traces of any ' +
      'sizes; deterministic. A trace that is not stored is a not_found error naming its argument.',
    args: {
      a: t.arg.string({ required: true, description: 'Trace ID of the baseline.' }),
      b: t.arg.string({ required: true, description: 'Trace ID compared with the baseline.' }),
    },
    complexity: { field: 20, multiplier: 1 },
    resolve: async (_root, args, ctx) => {
      const [a, b] = await Promise.all([storedTrace(ctx, args.a, 'a'), storedTrace(ctx, args.b, 'b')]);
      chargeTraceLoad(ctx, a.traceId, a.spanCount, `trace ${a.traceId} of the comparison`);
      chargeTraceLoad(ctx, b.traceId, b.spanCount, `trace ${b.traceId} of the comparison`);
      const [spansA, spansB] = await Promise.all([ctx.loaders.spansByTraceId.load(a.traceId), ctx.loaders.spansByTraceId.load(b.traceId)]);
      return { a, b, result: compareTraces(spansA, spansB) };
    },
  }),
}));
