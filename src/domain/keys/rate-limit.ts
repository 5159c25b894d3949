import type { Collection, Db } from 'mongodb';
import { RateLimiterMongo } from 'rate-limiter-flexible';
import type { CollectionSpec } from '../../db/collections.js';
import { RateLimitedError } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

/**
 * Per-key sliding-window rate limits, shared by every gateway instance through
 * MongoDB.
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
 * per-minute budget). Each admitted request increments its bucket's counter —
 * an atomic upsert by rate-limiter-flexible's RateLimiterMongo, which also
 * handles the insert race between instances and stamps the TTL that lets
 * MongoDB delete the counter once it has left every window — and records its
 * instant as the bucket's `last`. A request at `at` is admitted iff the
 * requests admitted in (at − window, at] are at most the limit: the buckets
 * after the one the window's start falls in lie wholly inside it and count;
 * that edge bucket counts while its `last` is inside the window (all of its
 * requests then, which may over-count its earlier ones, never under-count).
 * So **no 60-second interval, aligned or not, ever contains more admitted
 * requests than the limit**, and a refused client never waits more than the
 * window: a bucket stops counting exactly `window` after its latest admitted
 * request, so Retry-After and X-RateLimit-Reset are at most 60 s away.
 *
 * Concurrency: the request increments first, then reads; the counter it reads
 * for its own bucket therefore includes every request incremented before it,
 * so two racing requests can both be refused but never both admitted past the
 * limit. A refused request gives its unit back, so a client that keeps
 * retrying while limited does not extend its own ban.
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

const COLLECTION = 'rate_limits';

/**
 * Counter documents are rate-limiter-flexible's: `{ key, points, expire }`.
 * Its unique `key` index is what makes concurrent first increments converge
 * on one document; `expire` carries the TTL.
 */
export const rateLimitsCollection: CollectionSpec = {
  name: COLLECTION,
  indexes: [
    { name: 'key_unique', key: { key: 1 }, unique: true, serves: 'bucket counter upserts and the window read ($in on bucket keys)' },
    { name: 'expire_ttl', key: { expire: 1 }, expireAfterSeconds: 0, serves: 'drops bucket counters once they have left every window' },
  ],
};

interface CounterDocument {
  key: string;
  points: number;
  expire: Date | null;
  /** Epoch ms of the bucket's latest admitted request; set after admission, so a refused request never moves it. */
  last?: number;
}

/** A bucket's admitted requests, and the instant after which none of them is in a window any more. */
interface BucketCount {
  readonly n: number;
  readonly leavesAt: number;
}

/** Far above any limit: the library only counts; admission is decided over the window here. */
const COUNTER_CEILING = 1_000_000_000;

export class RateLimits {
  private readonly counter: RateLimiterMongo;
  private readonly counters: Collection<CounterDocument>;
  private readonly rejectionObservers: ((budget: RateBudget) => void)[] = [];

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    const longest = Math.max(...Object.values(RATE_BUDGETS).map((b) => b.windowMs + 2 * b.bucketMs));
    this.counter = new RateLimiterMongo({
      storeClient: db,
      tableName: COLLECTION,
      keyPrefix: 'rl',
      points: COUNTER_CEILING,
      // Each bucket counter lives until it has left the longest window; MongoDB's TTL index removes it after.
      duration: Math.ceil(longest / 1000),
      // Indexes are declared in rateLimitsCollection and created with every other collection's at start.
      disableIndexesCreation: true,
    });
    this.counters = db.collection<CounterDocument>(COLLECTION);
  }

  /** Charges one request to the key's budget and reports whether it is admitted. */
  async consume(principal: Principal, budget: RateBudget = 'requests'): Promise<RateDecision> {
    const policy: SlidingWindow & { limit?: number } = RATE_BUDGETS[budget];
    const limit = policy.limit ?? principal.rateLimit;
    const at = this.now();
    const current = Math.floor(at / policy.bucketMs);
    const span = Math.ceil(policy.windowMs / policy.bucketMs);
    const keyOf = (bucket: number) => `${budget}:${principal.keyId}:${bucket}`;
    const earlier = Array.from({ length: span }, (_, i) => current - span + i);

    const [mine, older] = await Promise.all([this.counter.consume(keyOf(current), 1), this.readBuckets(earlier.map(keyOf))]);
    const counts = earlier.map((bucket): BucketCount => {
      const doc = older.get(this.counter.getKey(keyOf(bucket)));
      // Without a recorded `last`, the latest instant the bucket can hold.
      const last = doc?.last ?? (bucket + 1) * policy.bucketMs - 1;
      // The oldest is the bucket the window's start (at − window) falls in: it counts while its latest request is inside.
      const inWindow = bucket > current - span || last > at - policy.windowMs;
      return { n: inWindow ? (doc?.points ?? 0) : 0, leavesAt: last + policy.windowMs };
    });
    // The current bucket's requests are all at or before now.
    const leavesAt = at + policy.windowMs;
    const total = counts.reduce((sum, c) => sum + c.n, mine.consumedPoints);

    if (total <= limit) {
      // findAndModify on the unique `key`, as the library's own upsert (index coverage admits no update by another field).
      await this.counters.findOneAndUpdate(
        { key: this.counter.getKey(keyOf(current)) },
        { $max: { last: at } },
        { projection: { _id: 1 } },
      );
      // This request is the newest: the whole budget is back once it has left the window.
      return { allowed: true, limit, remaining: limit - total, resetAtS: Math.ceil(leavesAt / 1000), retryAfterS: 0 };
    }
    await this.counter.reward(keyOf(current), 1);
    for (const observer of this.rejectionObservers) observer(budget);
    const freed = this.whenFreed([...counts, { n: mine.consumedPoints - 1, leavesAt }], limit, at);
    return { allowed: false, limit, remaining: 0, ...freed };
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

  private async readBuckets(keys: readonly string[]): Promise<Map<string, Pick<CounterDocument, 'points' | 'last'>>> {
    const docs = await this.counters
      .find({ key: { $in: keys.map((k) => this.counter.getKey(k)) } }, { projection: { _id: 0, key: 1, points: 1, last: 1 } })
      .toArray();
    return new Map(docs.map((d) => [d.key, d]));
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
  private whenFreed(counts: readonly BucketCount[], limit: number, at: number): { resetAtS: number; retryAfterS: number } {
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
