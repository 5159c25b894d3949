import { ValidationError } from '../../errors.js';

/**
 * The real-size half of the GraphQL cost model (docs/auth-and-limits.md,
 * "Response size"). Static complexity is computed before anything runs, so it
 * can only count `Trace.spans` at a typical size; a trace's real size is its
 * stored span count, known once its summary is loaded and before any span
 * is. Every field that loads spans charges that real number (at most its
 * `first`) to its request here first, and a request that would load more
 * than MAX_SPANS_PER_REQUEST spans in all is refused at that field, before the
 * load: ten aliases of a 20,000-span trace can no longer pull 200,000 spans.
 */
export const MAX_SPANS_PER_REQUEST = 10_000;

const charged = new WeakMap<object, number>();

/** Charges `count` spans to the request whose context is `ctx`; throws the coded refusal past the budget. */
export function chargeSpans(ctx: object, count: number, what: string): void {
  const total = (charged.get(ctx) ?? 0) + count;
  if (total > MAX_SPANS_PER_REQUEST) {
    throw new ValidationError(
      `Request would load ${total} spans (${what}: ${count}); at most ${MAX_SPANS_PER_REQUEST} spans are loaded per request: ` +
        'select fewer traces, or page a trace with spans(first, after)',
      'spans',
    );
  }
  charged.set(ctx, total);
}

/** Per request: the traces whose whole load was charged, and those a Trace.spans field already listed whole. */
const wholeTraces = new WeakMap<object, { readonly loaded: Set<string>; readonly listed: Set<string> }>();

function wholeTracesOf(ctx: object): { readonly loaded: Set<string>; readonly listed: Set<string> } {
  let state = wholeTraces.get(ctx);
  if (state === undefined) {
    state = { loaded: new Set(), listed: new Set() };
    wholeTraces.set(ctx, state);
  }
  return state;
}

/**
 * Whole-trace work that returns no spans (criticalPath, compareTraces): the
 * trace's load — the per-request spansByTraceId DataLoader, shared by every
 * whole-trace field — is charged its stored span count once per request.
 */
export function chargeTraceLoad(ctx: object, traceId: string, spanCount: number, what: string): void {
  const { loaded } = wholeTracesOf(ctx);
  if (loaded.has(traceId)) return;
  chargeSpans(ctx, spanCount, what);
  loaded.add(traceId);
}

/**
 * A Trace.spans field that returns a whole trace: its first listing shares the
 * trace's load with the analyses (the console's trace page asks for a trace's
 * spans and its critical path: one charge), while every further listing of
 * the same trace (an alias) adds its spans to the answer again and is charged
 * again.
 */
export function chargeWholeTraceListing(ctx: object, traceId: string, spanCount: number, what: string): void {
  const { listed } = wholeTracesOf(ctx);
  if (listed.has(traceId)) {
    chargeSpans(ctx, spanCount, what);
    return;
  }
  chargeTraceLoad(ctx, traceId, spanCount, what);
  listed.add(traceId);
}
