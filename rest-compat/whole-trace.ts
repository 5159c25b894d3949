import { PayloadTooLargeError } from '../src/errors.js';
import { MAX_TRACE_SPANS } from '../src/domain/traces/traces.service.js';

/**
 * The REST routes that answer a trace "with all spans" (REST v1 GET
 * /v1/traces/{trace_id}, Mackerel GET /api/v0/traces/{traceId}) ask for
 * MAX_TRACE_SPANS spans, the largest page of Trace.spans and the span budget
 * of one request. A trace that holds more cannot be answered whole: rather
 * than a silently truncated list, the route answers 413 payload_too_large
 * naming the trace (docs/rest-v1.md, docs/mackerel.md).
 */
export const WHOLE_TRACE_SPANS = MAX_TRACE_SPANS;

export function assertWholeTrace(
  trace: { readonly spanCount: number; readonly spans: readonly unknown[] },
  id: string,
  param: string,
): void {
  if (trace.spanCount <= trace.spans.length) return;
  throw new PayloadTooLargeError(
    `Trace '${id}' has ${trace.spanCount} spans; this route answers traces of at most ${WHOLE_TRACE_SPANS} spans whole. ` +
      'Read larger traces page by page with the GraphQL field Trace.spans(first, after)',
    param,
  );
}
