import { builder } from '../../graphql/builder.js';
import { connectionOf, rejectBackwardPaging, totalCountField } from '../paging.js';
import { Trace } from '../traces/traces.graphql.js';
import { MAX_PAGE_SIZE } from '../traces/traces.service.js';
import { AnyValueRef } from '../../graphql/any-value.js';
import { DEFAULT_FIELD_LIST, DEFAULT_SEARCH_PAGE_SIZE, FIELD_SAMPLE_SPANS, MAX_FIELD_LIST } from './search.service.js';

const AttributeScope = builder.enumType('AttributeScope', {
  description: "Whose attributes: the span's own, or its resource's.",
  values: { SPAN: { value: 'span' }, RESOURCE: { value: 'resource' } } as const,
});

const SAMPLED =
  `Read from the latest ${FIELD_SAMPLE_SPANS.toLocaleString('en-US')} spans of [from, to] (default: the last hour) that match \`where\` ` +
  '(a span-level search expression, docs/search-language.md), so a rare value of a busy window may be missing.';

builder.queryFields((t) => ({
  spanAttributeKeys: t.stringList({
    authScopes: { read: true },
    description: `Attribute keys seen on spans (or on their resources), sorted. ${SAMPLED}`,
    args: {
      scope: t.arg({ type: AttributeScope, required: true }),
      where: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      limit: t.arg.int({ description: `1–${MAX_FIELD_LIST}. Default: ${DEFAULT_FIELD_LIST}.` }),
    },
    complexity: { field: 20, multiplier: 1 },
    resolve: (_root, args, ctx) => ctx.services.search.attributeKeys(ctx.principal, { ...args, limit: args.limit ?? DEFAULT_FIELD_LIST }),
  }),
  spanFieldValues: t.field({
    type: [AnyValueRef],
    authScopes: { read: true },
    description:
      'The distinct scalar values of a search-language field (name, service.name, status, kind, resource.<key>, attr.<key>, or a bare ' +
      `span attribute key; written without backticks), by type then value; status and kind as their names. ${SAMPLED}`,
    args: {
      field: t.arg.string({ required: true }),
      where: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      limit: t.arg.int({ description: `1–${MAX_FIELD_LIST}. Default: ${DEFAULT_FIELD_LIST}.` }),
    },
    complexity: { field: 20, multiplier: 1 },
    resolve: (_root, args, ctx) => ctx.services.search.fieldValues(ctx.principal, { ...args, limit: args.limit ?? DEFAULT_FIELD_LIST }),
  }),
  searchTraces: t.connection(
    {
      type: Trace,
      authScopes: { read: true },
      description:
        'Traces in [from, to] (by trace start) matching a search expression (docs/search-language.md), newest first. ' +
        'A syntax error is an invalid_parameter error on `query` whose message gives the position. Cursors are stable while new traces arrive.',
      args: {
        query: t.arg.string({ required: true, description: 'Search expression, e.g. service.name = "api-gateway" AND duration > 100ms' }),
        from: t.arg({ type: 'DateTime', required: true }),
        to: t.arg({ type: 'DateTime', required: true }),
      },
      complexity: (args) => ({ field: 10, multiplier: Math.min(args.first ?? DEFAULT_SEARCH_PAGE_SIZE, MAX_PAGE_SIZE) }),
      resolve: async (_root, args, ctx) => {
        rejectBackwardPaging(args);
        const page = await ctx.services.search.searchTraces(ctx.principal, {
          query: args.query,
          from: args.from,
          to: args.to,
          first: args.first ?? DEFAULT_SEARCH_PAGE_SIZE,
          after: args.after ?? null,
        });
        return connectionOf(page);
      },
    },
    {
      name: 'TraceSearchConnection',
      // The page size is already the connection's multiplier; counting edges ×10 again
      // would put the documented limit of 500 far beyond the complexity limit.
      edgesField: { complexity: { field: 1, multiplier: 1 } },
      fields: (c) => ({
        totalCount: c.int(
          totalCountField('Number of traces matching the expression in the window (a separate count; select it only when needed).'),
        ),
      }),
    },
    { name: 'TraceSearchEdge' },
  ),
}));
