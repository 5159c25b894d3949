import type { Collection, Db } from 'mongodb';
import type { Redis } from 'ioredis';
import type { CollectionSpec } from '../../db/collections.js';
import { STORE_RETRY_AFTER_S } from '../../db/store-errors.js';
import { UnavailableError } from '../../errors.js';

/**
 * Where the per-key bucket counters of the sliding windows live, shared by
 * every gateway instance: one counter document (or Redis hash) per key and
 * budget, holding a count per time bucket. A request costs one round trip:
 * an atomic increment of its bucket that answers the counts of the whole
 * window as they are right after it.
 */
export interface WindowCounter {
  /**
   * Adds one to bucket `current` of counter `id`, raises that bucket's
   * latest instant to `at`, and returns the buckets from `oldest` to
   * `current`: their counts after the increment (absent: zero) and their
   * latest instants before it, with the current bucket's latest instant
   * before it (`previousLast`, for a give-back). Buckets older than `oldest`
   * are dropped on the way: no window reaches them any more. The counter
   * expires `lifetimeMs` from now unless used again (relative, so that clocks
   * need not agree on it).
   */
  increment(id: string, current: number, oldest: number, lifetimeMs: number, at: number): Promise<WindowCounts>;
  /** Takes back the unit a refused request at `at` added to bucket `bucket`, and its latest instant if no later request moved it. */
  giveBack(id: string, bucket: number, at: number, previousLast: number | undefined): Promise<void>;
}

/** A bucket's count and the instant of its latest request (epoch ms; absent on counters written before it was kept). */
export interface BucketState {
  readonly n: number;
  readonly last: number | undefined;
}

export interface WindowCounts {
  readonly buckets: Map<number, BucketState>;
  readonly previousLast: number | undefined;
}

const COLLECTION = 'rate_windows';
/** Counters whose stale buckets an instance remembers at most; beyond it the oldest memory goes (its buckets age out with the TTL). */
const MAX_REMEMBERED = 10_000;
/**
 * Buckets are dropped this many buckets after they left the window, not at
 * once: instances bucket by their own clocks, and one a little behind still
 * counts a bucket another has just seen leave.
 */
const PRUNE_MARGIN = 5;

/**
 * `rate_windows`: `{ _id: "<budget>:<keyId>", b: { t<bucket>: count }, l: { t<bucket>: latest ms }, exp }`.
 * Every read and write is by `_id`; `exp` carries the TTL.
 */
export const rateWindowsCollection: CollectionSpec = {
  name: COLLECTION,
  indexes: [{ name: 'expire_ttl', key: { exp: 1 }, expireAfterSeconds: 0, serves: 'drops counters whose buckets have left every window' }],
};

interface WindowDocument {
  _id: string;
  b?: Record<string, number>;
  l?: Record<string, number>;
  exp: Date;
}

/**
 * Counters in MongoDB: one findOneAndUpdate per request ($inc of the bucket,
 * upsert, the document after). Buckets are named `t<bucket number>`; the
 * update also unsets the buckets this instance saw leave the window in that
 * counter's previous answer, so that a counter holds about one window of
 * buckets however long its key is used.
 */
export class MongoWindowCounter implements WindowCounter {
  private readonly windows: Collection<WindowDocument>;
  /** Per counter, the stale bucket fields seen in its last answer: unset by its next increment. */
  private readonly stale = new Map<string, string[]>();

  constructor(db: Db) {
    this.windows = db.collection<WindowDocument>(COLLECTION);
  }

  async increment(id: string, current: number, oldest: number, lifetimeMs: number, at: number): Promise<WindowCounts> {
    const field = `t${current}`;
    const update: Record<string, unknown> = {
      $inc: { [`b.${field}`]: 1 },
      $max: { exp: new Date(Date.now() + lifetimeMs), [`l.${field}`]: at },
    };
    const stale = this.stale.get(id);
    if (stale !== undefined)
      update.$unset = Object.fromEntries(
        stale.flatMap((f) => [
          [`b.${f}`, ''],
          [`l.${f}`, ''],
        ]),
      );
    // The document before: the current bucket's latest instant as it was, for a give-back; counts add this request.
    const doc = await this.windows.findOneAndUpdate({ _id: id }, update, { upsert: true, returnDocument: 'before' });
    const buckets = new Map<number, BucketState>();
    const leaving: string[] = [];
    const lasts = doc?.l ?? {};
    for (const [name, n] of Object.entries(doc?.b ?? {})) {
      const bucket = Number(name.slice(1));
      if (bucket >= oldest && bucket <= current)
        buckets.set(bucket, { n: Number(n), last: lasts[name] === undefined ? undefined : Number(lasts[name]) });
      else if (bucket < oldest - PRUNE_MARGIN) leaving.push(name);
    }
    const mine = buckets.get(current);
    buckets.set(current, { n: (mine?.n ?? 0) + 1, last: mine?.last });
    this.stale.delete(id);
    if (leaving.length > 0) {
      this.stale.set(id, leaving);
      if (this.stale.size > MAX_REMEMBERED) this.stale.delete(this.stale.keys().next().value!);
    }
    return { buckets, previousLast: mine?.last };
  }

  async giveBack(id: string, bucket: number, at: number, previousLast: number | undefined): Promise<void> {
    const field = `t${bucket}`;
    await this.windows.updateOne({ _id: id }, { $inc: { [`b.${field}`]: -1 } });
    const restore: Record<string, unknown> =
      previousLast === undefined ? { $unset: { [`l.${field}`]: '' } } : { $set: { [`l.${field}`]: previousLast } };
    await this.windows.updateOne({ _id: id, [`l.${field}`]: at }, restore);
  }
}

/**
 * Counters in Redis (REDIS_URL): a hash per counter, bucket → count. One Lua
 * script per request increments the bucket, drops buckets that left every
 * window, refreshes the expiry and answers the window's counts, atomically
 * and in one round trip; MongoDB is not involved.
 */
const INCREMENT_SCRIPT = `
local current, oldest, margin, lifetime, at = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local previous = redis.call('HGET', KEYS[1], 'l' .. ARGV[1])
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
if not previous or tonumber(previous) < at then redis.call('HSET', KEYS[1], 'l' .. ARGV[1], ARGV[5]) end
local all = redis.call('HGETALL', KEYS[1])
local counts, lasts = {}, {}
for i = 1, #all, 2 do
  local field = all[i]
  local isLast = string.sub(field, 1, 1) == 'l'
  local bucket = tonumber(isLast and string.sub(field, 2) or field)
  if bucket < oldest - margin then
    redis.call('HDEL', KEYS[1], field)
  elseif bucket >= oldest and bucket <= current then
    if isLast then lasts[bucket] = tonumber(all[i + 1]) else counts[bucket] = tonumber(all[i + 1]) end
  end
end
redis.call('PEXPIRE', KEYS[1], lifetime)
local window = { previous and tonumber(previous) or -1 }
for bucket, n in pairs(counts) do
  window[#window + 1] = bucket
  window[#window + 1] = n
  window[#window + 1] = lasts[bucket] or -1
end
return window
`;

/** The give-back, atomically: the unit, and the bucket's latest instant when it is still the refused request's. */
const GIVE_BACK_SCRIPT = `
redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if redis.call('HGET', KEYS[1], 'l' .. ARGV[1]) == ARGV[2] then
  if ARGV[3] == '' then redis.call('HDEL', KEYS[1], 'l' .. ARGV[1]) else redis.call('HSET', KEYS[1], 'l' .. ARGV[1], ARGV[3]) end
end
return 0
`;

type RedisWithWindow = Redis & {
  rateWindowIncrement(key: string, current: string, oldest: string, margin: string, lifetime: string, at: string): Promise<number[]>;
  rateWindowGiveBack(key: string, bucket: string, at: string, previous: string): Promise<number>;
};

export class RedisWindowCounter implements WindowCounter {
  private readonly redis: RedisWithWindow;

  constructor(redis: Redis) {
    redis.defineCommand('rateWindowIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
    redis.defineCommand('rateWindowGiveBack', { numberOfKeys: 1, lua: GIVE_BACK_SCRIPT });
    this.redis = redis as RedisWithWindow;
  }

  async increment(id: string, current: number, oldest: number, lifetimeMs: number, at: number): Promise<WindowCounts> {
    const flat = await this.call(() =>
      this.redis.rateWindowIncrement(
        this.key(id),
        String(current),
        String(oldest),
        String(PRUNE_MARGIN),
        String(Math.ceil(lifetimeMs)),
        String(at),
      ),
    );
    const known = (value: number | undefined) => (value === undefined || Number(value) < 0 ? undefined : Number(value));
    const buckets = new Map<number, BucketState>();
    for (let i = 1; i < flat.length; i += 3) buckets.set(Number(flat[i]), { n: Number(flat[i + 1]), last: known(flat[i + 2]) });
    const previousLast = known(flat[0]);
    // The latest instants as they were before this request, as the MongoDB counter answers them.
    const mine = buckets.get(current);
    buckets.set(current, { n: mine?.n ?? 1, last: previousLast });
    return { buckets, previousLast };
  }

  async giveBack(id: string, bucket: number, at: number, previousLast: number | undefined): Promise<void> {
    await this.call(() =>
      this.redis.rateWindowGiveBack(this.key(id), String(bucket), String(at), previousLast === undefined ? '' : String(previousLast)),
    );
  }

  private key(id: string): string {
    return `mesh:rate:${id}`;
  }

  /** Redis away: the documented 503 with Retry-After, as for the store. */
  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new UnavailableError(
        `The rate-limit store (REDIS_URL) cannot be reached (${error instanceof Error ? error.message : String(error)}); retry after the indicated delay`,
        STORE_RETRY_AFTER_S,
      );
    }
  }
}
