import { builder } from '../../graphql/builder.js';
import { exceptionOf, type IssueGroup } from './issue.js';
import { Span } from './traces.graphql.js';
import { MAX_ISSUES } from './traces.service.js';

const Issue = builder.objectRef<IssueGroup>('Issue').implement({
  description:
    'Error spans that share an issue fingerprint (exception type + normalised message + top stack frames of their first ' +
    'exception event), within the queried window. Filter traces by it with `TraceFilter.issueFingerprint`.',
  fields: (t) => ({
    fingerprint: t.exposeString('fingerprint'),
    count: t.exposeInt('count', { description: 'Error spans with this fingerprint in the window.' }),
    firstSeen: t.expose('firstSeen', { type: 'DateTime', description: 'Start of the earliest occurrence in the window.' }),
    lastSeen: t.expose('lastSeen', { type: 'DateTime', description: 'Start of the latest occurrence in the window.' }),
    services: t.exposeStringList('services', { description: 'Services with an occurrence in the window, sorted.' }),
    sampleTraceId: t.string({ description: 'The trace of the latest occurrence.', resolve: (i) => i.sample.traceId }),
    sampleSpan: t.field({
      type: Span,
      nullable: true,
      description: 'The latest occurrence (null once retention has removed it).',
      resolve: (i, _a, ctx) => ctx.loaders.spanById.load(i.sample),
    }),
    exceptionType: t.string({
      nullable: true,
      description: "exception.type of the latest occurrence's first exception event.",
      resolve: async (i, _a, ctx) => {
        const span = await ctx.loaders.spanById.load(i.sample);
        return span === null ? null : exceptionOf(span).type;
      },
    }),
    message: t.string({
      nullable: true,
      description: 'exception.message of the latest occurrence, as sent (the fingerprint uses it normalised).',
      resolve: async (i, _a, ctx) => {
        const span = await ctx.loaders.spanById.load(i.sample);
        return span === null ? null : exceptionOf(span).message;
      },
    }),
  }),
});

const DEFAULT_ISSUES = 20;

builder.queryFields((t) => ({
  issues: t.field({
    type: [Issue],
    authScopes: { read: true },
    description: 'Issues seen in [from, to] (by span start), optionally of one service, most frequent first (then most recent).',
    args: {
      service: t.arg.string(),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      first: t.arg.int({ defaultValue: DEFAULT_ISSUES, description: `1–${MAX_ISSUES}. Default: ${DEFAULT_ISSUES}.` }),
    },
    complexity: (args) => ({ field: 10, multiplier: Math.min(Math.max(args.first ?? DEFAULT_ISSUES, 1), MAX_ISSUES) }),
    resolve: (_root, args, ctx) =>
      ctx.services.traces.listIssues(ctx.principal, {
        service: args.service ?? null,
        from: args.from,
        to: args.to,
        first: args.first ?? DEFAULT_ISSUES,
      }),
  }),
}));
