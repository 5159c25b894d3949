import type { OtlpSpan } from '../../otlp/otlp.types.js';

/**
 * Which span times ingest refuses, span by span (reported through OTLP
 * partial success, the rest of the batch is stored):
 *
 * - a time beyond the int64 range of nanoseconds (≥ 2^63, e.g. 2^64−1):
 *   stored as BSON int64 it would wrap to a negative number, which read back
 *   as 1915 or 1970;
 * - a start or end more than MESH_INGEST_MAX_FUTURE_SKEW_S in the future
 *   (a clock that is wrong, or a unit mix-up): such a trace sorts first among
 *   the newest forever and the retention TTL, counted from its start, never
 *   removes it;
 * - an end before the start by more than NEGATIVE_DURATION_TOLERANCE_MS
 *   (clock steps while a span runs make small negative durations, which are
 *   kept and stored as 0 ns; anything larger is not a span).
 */
export const NEGATIVE_DURATION_TOLERANCE_MS = 1_000;
const INT64_LIMIT = 2n ** 63n;
const NANOS_PER_MILLI = 1_000_000n;

export type SpanTimeProblem = 'beyond_int64' | 'in_the_future' | 'negative_duration';

export interface SpanTimeRules {
  /** Epoch ms now. */
  readonly nowMs: number;
  readonly maxFutureSkewS: number;
}

/** The first rule the span's times break, or null when they are sane. */
export function spanTimeProblem(span: OtlpSpan, rules: SpanTimeRules): SpanTimeProblem | null {
  const { startTimeUnixNano: start, endTimeUnixNano: end } = span;
  if (start >= INT64_LIMIT || end >= INT64_LIMIT || span.events.some((e) => e.timeUnixNano >= INT64_LIMIT)) return 'beyond_int64';
  const latest = BigInt(rules.nowMs + rules.maxFutureSkewS * 1000) * NANOS_PER_MILLI;
  if (start > latest || end > latest) return 'in_the_future';
  if (start - end > BigInt(NEGATIVE_DURATION_TOLERANCE_MS) * NANOS_PER_MILLI) return 'negative_duration';
  return null;
}

/** The partial-success message part for `count` spans refused for `problem`, naming the setting or bound behind it. */
export function spanTimeMessage(problem: SpanTimeProblem, count: number, rules: SpanTimeRules): string {
  const spans = count === 1 ? '1 span' : `${count} spans`;
  switch (problem) {
    case 'beyond_int64':
      return `${spans} had a time beyond the int64 range of Unix nanoseconds (2^63 - 1) and were dropped`;
    case 'in_the_future':
      return `${spans} started or ended more than ${rules.maxFutureSkewS}s in the future (MESH_INGEST_MAX_FUTURE_SKEW_S) and were dropped`;
    case 'negative_duration':
      return `${spans} ended more than ${NEGATIVE_DURATION_TOLERANCE_MS}ms before they started and were dropped`;
  }
}
