import { RateLimitedError } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import type { WindowCounter } from './rate-windows.js';

/**
 * Per-key sliding-window rate limits, shared by every gateway instance
 * through MongoDB, or through Redis where REDIS_URL is set (rate-windows.ts).
 *
 * Why not rate-limiter-flexible's own limiter: its windows are fixed (a
 * counter that restarts every `duration`), so a client may spend a whole
 * budget at the end of one window and another at the start of the next — 2×
 * the limit within a second. The common two-window weighted estimate fixes
 * that boundary but still admits up to ~2× in a 60-second interval that is
 * offset from the minute (a burst at 0:59, another at 1:58), and a token
 * bucket does the same by design. Neither is the documented "sliding window".
 *
 * What this does instead: time is cut into small buckets (1 s for the
 * per-minute budget). Each request increments its bucket's counter in the
 * key's counter document and raises the bucket's latest instant (`last`),
 * atomically and in one round trip that answers the counts and latest
 * instants of every bucket of the window. A request at `at` is admitted iff
 * the requests admitted in (at − window, at] are at most the limit: the
 * buckets after the one the window's start falls in lie wholly inside it and
 * count; that edge bucket counts while its `last` is inside the window (all of
 * its requests then, which may over-count its earlier ones, never
 * under-count). So **no 60-second interval, aligned or not, ever contains
 * more admitted requests than the limit**, and a refused client never waits
 * more than the window: a bucket stops counting exactly `window` after its
 * latest request, so Retry-After and X-RateLimit-Reset are at most 60 s away.
 *
 * Concurrency: the increment and the read are one atomic operation, so the
 * counts a request sees include every request incremented before it; two
 * racing requests can both be refused but never both admitted past the limit.
 * A refused request gives its unit back, and its bucket's `last` when no later
 * request has moved it (after its 429 is answered, off the request's path;
 * the next request of that key on this instance waits for it), so a client
 * that keeps retrying while limited does not extend its own ban. Two refused
 * requests racing in one bucket may leave one's instant recorded: that only
 * ever errs towards refusing, by less than one bucket.
 */
export interface SlidingWindow {
  readonly windowMs: number;
  readonly bucketMs: number;
}

/** The budgets a request can be charged to. */
export const RATE_BUDGETS = {
  /** Every authenticated request (REST, GraphQL over HTTP, each WebSocket operation, OTLP ingest). */
  requests: { windowMs: 60_000, bucketMs: 1_000 },
  /** Mackerel's list-traces route: 1 request per second per key (mackerel-traces-v0, POST /api/v0/traces). */
  'mackerel-list': { windowMs: 1_000, bucketMs: 100, limit: 1 },
} as const satisfies Record<string, SlidingWindow & { limit?: number }>;

export type RateBudget = keyof typeof RATE_BUDGETS;

export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests still admissible in the current window after this one. */
  readonly remaining: number;
  /** Epoch seconds at which the whole budget is available again if no further request is made. */
  readonly resetAtS: number;
  /** Seconds until one more request would be admitted; 0 when this one was. */
  readonly retryAfterS: number;
}

export class RateLimits {
  private readonly rejectionObservers: ((budget: RateBudget) => void)[] = [];
  /** Give-backs of refused requests still on their way, per counter: the next request of that key on this instance waits for them. */
  private readonly givingBack = new Map<string, Promise<void>>();

  constructor(
    private readonly counter: WindowCounter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Charges one request to the key's budget and reports whether it is admitted. */
  async consume(principal: Principal, budget: RateBudget = 'requests'): Promise<RateDecision> {
    const policy: SlidingWindow & { limit?: number } = RATE_BUDGETS[budget];
    const limit = policy.limit ?? principal.rateLimit;
    const id = `${budget}:${principal.keyId}`;
    await this.givingBack.get(id);
    const at = this.now();
    const current = Math.floor(at / policy.bucketMs);
    const span = Math.ceil(policy.windowMs / policy.bucketMs);
    // Each counter lives until its newest bucket has left the window; the TTL (or Redis) removes it after.
    const { buckets, previousLast } = await this.counter.increment(
      id,
      current,
      current - span,
      (current + span + 2) * policy.bucketMs - at,
      at,
    );
    let mine = 0;
    const counts: BucketCount[] = [];
    for (const [bucket, { n, last }] of buckets) {
      if (bucket === current) {
        mine = n;
        continue;
      }
      // Without a recorded latest instant, the latest the bucket can hold.
      const latest = last ?? (bucket + 1) * policy.bucketMs - 1;
      // The oldest is the bucket the window's start (at − window) falls in: it counts while its latest request is inside.
      const inWindow = bucket > current - span || latest > at - policy.windowMs;
      counts.push({ n: inWindow ? n : 0, leavesAt: latest + policy.windowMs });
    }
    // The current bucket's requests are all at or before now.
    const leavesAt = at + policy.windowMs;
    const total = counts.reduce((sum, c) => sum + c.n, mine);

    if (total <= limit) {
      // This request is the newest: the whole budget is back once it has left the window.
      return { allowed: true, limit, remaining: limit - total, resetAtS: Math.ceil(leavesAt / 1000), retryAfterS: 0 };
    }
    this.giveBack(id, current, at, previousLast);
    for (const observer of this.rejectionObservers) observer(budget);
    return { allowed: false, limit, remaining: 0, ...whenFreed([...counts, { n: mine - 1, leavesAt }], limit, at) };
  }

  /** Calls `observer` on every refusal, whichever transport charged the budget (the rate-limit rejection metric). */
  onRejected(observer: (budget: RateBudget) => void): void {
    this.rejectionObservers.push(observer);
  }

  /** Like consume, but a refusal is thrown as the documented 429. */
  async admit(principal: Principal, budget: RateBudget = 'requests'): Promise<RateDecision> {
    const decision = await this.consume(principal, budget);
    if (!decision.allowed) throw rateLimitedError(decision, budget);
    return decision;
  }

  /** Off the request's path; a failed give-back leaves the unit counted, which only ever errs towards refusing. */
  private giveBack(id: string, bucket: number, at: number, previousLast: number | undefined): void {
    const done = this.counter
      .giveBack(id, bucket, at, previousLast)
      .catch(() => undefined)
      .finally(() => {
        if (this.givingBack.get(id) === done) this.givingBack.delete(id);
      });
    this.givingBack.set(id, done);
  }
}

/** A bucket's admitted requests, and the instant after which none of them is in a window any more. */
interface BucketCount {
  readonly n: number;
  readonly leavesAt: number;
}

/**
 * A bucket stops counting `window` after its latest admitted request.
 * Dropping buckets in that order, the first moment the remaining total leaves
 * room for one request is when the next request is admissible (Retry-After);
 * the moment they are all gone is when the whole budget is back
 * (X-RateLimit-Reset). Both instants are at most `window` after `at` (each
 * rounded up to a whole second: Retry-After counts from now, the reset is an
 * epoch second), and the first is never after the second.
 */
function whenFreed(counts: readonly BucketCount[], limit: number, at: number): { resetAtS: number; retryAfterS: number } {
  const counting = counts.filter((c) => c.n > 0).sort((a, b) => a.leavesAt - b.leavesAt);
  let total = counting.reduce((sum, c) => sum + c.n, 0);
  let freeAt = at;
  for (const bucket of counting) {
    if (total + 1 <= limit) break;
    total -= bucket.n;
    freeAt = bucket.leavesAt;
  }
  const resetAt = counting.at(-1)?.leavesAt ?? at;
  return { retryAfterS: Math.max(1, Math.ceil((freeAt - at) / 1000)), resetAtS: Math.ceil(resetAt / 1000) };
}

export function rateLimitedError(decision: RateDecision, budget: RateBudget): RateLimitedError {
  const what = budget === 'requests' ? `${decision.limit} requests per minute` : `${decision.limit} request per second on this route`;
  return new RateLimitedError(
    `Rate limit of ${what} for this API key exceeded; retry after ${decision.retryAfterS} s`,
    decision.retryAfterS,
  );
}

/** The documented headers, sent on every authenticated response. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetAtS),
  };
}
