import { builder } from '../../graphql/builder.js';
import type { IngestedTrace as IngestedTraceModel } from './traces.events.js';

const IngestedTrace = builder.objectRef<IngestedTraceModel>('IngestedTrace').implement({
  description:
    'What one ingested batch added to a trace (a trace whose spans arrive in several batches appears once per batch). ' +
    'Query `trace(traceId)` for the stored summary and spans.',
  fields: (t) => ({
    traceId: t.exposeString('traceId'),
    services: t.exposeStringList('services', { description: 'Services of the spans in this batch.' }),
    spanCount: t.exposeInt('spanCount', { description: 'Spans of this trace in this batch.' }),
    errorCount: t.exposeInt('errorCount'),
    rootServiceName: t.exposeString('rootServiceName', { nullable: true, description: 'Set when the root span is in this batch.' }),
    rootOperation: t.exposeString('rootOperation', { nullable: true }),
    startTime: t.field({ type: 'DateTime', resolve: (r) => new Date(r.startTimeMs) }),
    endTime: t.field({ type: 'DateTime', resolve: (r) => new Date(r.endTimeMs) }),
    ingestedAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.ingestedAtMs) }),
  }),
});

const TraceIngestedFilter = builder.inputType('TraceIngestedFilter', {
  fields: (t) => ({
    service: t.string({ description: 'Only traces with a span of this service in the batch.' }),
  }),
});

builder.subscriptionFields((t) => ({
  traceIngested: t.field({
    type: IngestedTrace,
    authScopes: { read: true },
    description: 'Live tail: every trace of your tenant as its spans are stored.',
    args: { filter: t.arg({ type: TraceIngestedFilter }) },
    subscribe: (_root, args, ctx) => ctx.services.liveTail.subscribe(ctx.principal, { service: args.filter?.service ?? null }),
    resolve: (row) => row,
  }),
}));
