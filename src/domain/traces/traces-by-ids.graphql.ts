import { builder } from '../../graphql/builder.js';
import { ValidationError } from '../../errors.js';
import { Trace } from './traces.graphql.js';
import { assertTraceId } from './traces.service.js';

/** Most trace ids one `tracesByIds` takes (Jaeger UI compares a handful of traces at once). */
export const MAX_TRACE_IDS = 100;

builder.queryFields((t) => ({
  tracesByIds: t.field({
    type: [Trace],
    nullable: { list: false, items: true },
    authScopes: { read: true },
    description: `Several traces by id at once (1–${MAX_TRACE_IDS} ids), in the order asked; null for an id with no trace. Batched into one read.`,
    args: { traceIds: t.arg.stringList({ required: true }) },
    complexity: (args) => ({ field: 1, multiplier: Math.min(args.traceIds.length, MAX_TRACE_IDS) }),
    resolve: (_root, args, ctx) => {
      if (args.traceIds.length === 0 || args.traceIds.length > MAX_TRACE_IDS) {
        throw new ValidationError(`Parameter 'traceIds' must hold 1 to ${MAX_TRACE_IDS} trace ids`, 'traceIds');
      }
      return Promise.all(args.traceIds.map((id, i) => ctx.loaders.traceById.load(assertTraceId(id, `traceIds.${i}`))));
    },
  }),
}));
