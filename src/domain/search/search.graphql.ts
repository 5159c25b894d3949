import { builder } from '../../graphql/builder.js';
import { connectionOf, rejectBackwardPaging, totalCountField } from '../paging.js';
import { Trace } from '../traces/traces.graphql.js';
import { MAX_PAGE_SIZE } from '../traces/traces.service.js';
import { DEFAULT_SEARCH_PAGE_SIZE } from './search.service.js';

builder.queryFields((t) => ({
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
