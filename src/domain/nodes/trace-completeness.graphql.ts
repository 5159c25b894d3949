import { builder } from '../../graphql/builder.js';
import { Trace } from '../traces/traces.graphql.js';
import type { NodeDropReport, TraceCompleteness as TraceCompletenessModel } from './completeness.js';

/*
 * `Trace.completeness` (docs/trace-analysis.md): whether the collector nodes
 * that may have carried a trace's spans reported dropping spans while it ran.
 * Read from the heartbeat history, so it lives with the nodes; the traces
 * area, below, knows nothing of it.
 */

const CompletenessStatusEnum = builder.enumType('TraceCompletenessStatus', {
  description: 'Whether collector nodes reported dropping spans while a trace ran (docs/trace-analysis.md).',
  values: {
    DROPS_REPORTED: {
      description: 'A node of the trace’s clusters reported dropped spans in its window: spans of this trace may be missing.',
    },
    NO_DROPS_REPORTED: { description: 'Nodes of its clusters sent heartbeats from before the trace to after it, and none reported drops.' },
    UNKNOWN: { description: 'No drops on record, but nothing to vouch for the window either (see `unknownReason`).' },
  } as const,
});

const UnknownReasonEnum = builder.enumType('TraceCompletenessUnknownReason', {
  values: {
    NO_REPORTING_NODE: {
      description: 'No collector node of the trace’s clusters sent heartbeats from before the trace’s start to after its end.',
    },
    HISTORY_EXPIRED: { description: 'The window is older than the heartbeat history (MESH_NODE_HISTORY_HOURS).' },
  } as const,
});

const DroppedSpansReport = builder.objectRef<NodeDropReport>('DroppedSpansReport').implement({
  description: 'What one collector node reported dropping during a trace’s window.',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId'),
    cluster: t.exposeString('cluster'),
    droppedSpans: t.field({
      type: 'Int64',
      description: 'Sum of the `dropped_spans_total` deltas of its heartbeats in the window.',
      resolve: (r) => BigInt(r.droppedSpans),
    }),
    heartbeats: t.exposeInt('heartbeats', { description: 'Heartbeats in the window that reported drops.' }),
    firstReportedAt: t.field({ type: 'DateTime', resolve: (r) => r.firstReportedAt }),
    lastReportedAt: t.field({ type: 'DateTime', resolve: (r) => r.lastReportedAt }),
  }),
});

const TraceCompleteness = builder.objectRef<TraceCompletenessModel>('TraceCompleteness').implement({
  description:
    'Whether the collectors that may have carried this trace’s spans reported dropping spans while it ran: heartbeats of the nodes ' +
    'of its clusters (every cluster when its spans name none) received from the trace’s start to its end plus ' +
    'MESH_NODE_OFFLINE_AFTER_S whose `dropped_spans_total` delta (the drops since the node’s previous heartbeat) covers part of the trace.',
  fields: (t) => ({
    status: t.field({ type: CompletenessStatusEnum, resolve: (c) => c.status }),
    unknownReason: t.field({
      type: UnknownReasonEnum,
      nullable: true,
      description: 'Set when status is UNKNOWN.',
      resolve: (c) => c.unknownReason,
    }),
    droppedSpans: t.field({
      type: 'Int64',
      description: 'Spans reported dropped in the window, all nodes together.',
      resolve: (c) => BigInt(c.droppedSpans),
    }),
    from: t.field({ type: 'DateTime', description: 'Start of the window checked: the trace start.', resolve: (c) => c.window.from }),
    to: t.field({
      type: 'DateTime',
      description: 'End of the window checked: the trace end plus MESH_NODE_OFFLINE_AFTER_S.',
      resolve: (c) => c.window.to,
    }),
    clusters: t.field({
      type: ['String'],
      description:
        'The clusters checked (the trace’s, from k8s.cluster.name or `cluster`); empty when its spans name none and every cluster was checked.',
      resolve: (c) => [...c.window.clusters],
    }),
    reportingNodes: t.exposeInt('reportingNodes', {
      description: 'Nodes of those clusters whose heartbeats began before the trace started and continued past its end.',
    }),
    reports: t.field({
      type: [DroppedSpansReport],
      description: 'Per node that reported drops, by cluster then node id.',
      resolve: (c) => [...c.reports],
    }),
  }),
});

builder.objectField(Trace, 'completeness', (t) =>
  t.field({
    type: TraceCompleteness,
    description:
      'Whether collector nodes reported dropped spans while this trace ran, with the figures. Batched: a page of traces costs two reads.',
    resolve: (trace, _a, ctx) => ctx.loaders.traceCompleteness.load(trace),
  }),
);
