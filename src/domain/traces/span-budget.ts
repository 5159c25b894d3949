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
