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
   * Adds one to bucket `current` of counter `id` and returns the counts of
   * the buckets from `oldest` to `current` after the increment (absent:
   * zero). Buckets older than `oldest` are dropped on the way: no window
   * reaches them any more. The counter expires `lifetimeMs` from now unless
   * used again (relative, so that clocks need not agree on it).
   */
  increment(id: string, current: number, oldest: number, lifetimeMs: number): Promise<Map<number, number>>;
  /** Takes back the unit a refused request added to bucket `bucket`. */
  giveBack(id: string, bucket: number): Promise<void>;
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
 * `rate_windows`: `{ _id: "<budget>:<keyId>", b: { t<bucket>: count }, exp }`.
 * Every read and write is by `_id`; `exp` carries the TTL.
 */
export const rateWindowsCollection: CollectionSpec = {
  name: COLLECTION,
  indexes: [{ name: 'expire_ttl', key: { exp: 1 }, expireAfterSeconds: 0, serves: 'drops counters whose buckets have left every window' }],
};

interface WindowDocument {
  _id: string;
  b?: Record<string, number>;
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

  async increment(id: string, current: number, oldest: number, lifetimeMs: number): Promise<Map<number, number>> {
    const update: Record<string, unknown> = { $inc: { [`b.t${current}`]: 1 }, $max: { exp: new Date(Date.now() + lifetimeMs) } };
    const stale = this.stale.get(id);
    if (stale !== undefined) update.$unset = Object.fromEntries(stale.map((field) => [`b.${field}`, '']));
    const doc = await this.windows.findOneAndUpdate({ _id: id }, update, { upsert: true, returnDocument: 'after' });
    const counts = new Map<number, number>();
    const leaving: string[] = [];
    for (const [field, n] of Object.entries(doc?.b ?? {})) {
      const bucket = Number(field.slice(1));
      if (bucket >= oldest && bucket <= current) counts.set(bucket, Number(n));
      else if (bucket < oldest - PRUNE_MARGIN) leaving.push(field);
    }
    this.stale.delete(id);
    if (leaving.length > 0) {
      this.stale.set(id, leaving);
      if (this.stale.size > MAX_REMEMBERED) this.stale.delete(this.stale.keys().next().value!);
    }
    return counts;
  }

  async giveBack(id: string, bucket: number): Promise<void> {
    await this.windows.updateOne({ _id: id }, { $inc: { [`b.t${bucket}`]: -1 } });
  }
}

/**
 * Counters in Redis (REDIS_URL): a hash per counter, bucket → count. One Lua
 * script per request increments the bucket, drops buckets that left every
 * window, refreshes the expiry and answers the window's counts, atomically
 * and in one round trip; MongoDB is not involved.
 */
const INCREMENT_SCRIPT = `
local current, oldest, margin, lifetime = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
local all = redis.call('HGETALL', KEYS[1])
local window = {}
for i = 1, #all, 2 do
  local bucket = tonumber(all[i])
  if bucket < oldest - margin then
    redis.call('HDEL', KEYS[1], all[i])
  elseif bucket >= oldest and bucket <= current then
    window[#window + 1] = bucket
    window[#window + 1] = tonumber(all[i + 1])
  end
end
redis.call('PEXPIRE', KEYS[1], lifetime)
return window
`;

type RedisWithWindow = Redis & {
  rateWindowIncrement(key: string, current: string, oldest: string, margin: string, lifetime: string): Promise<number[]>;
};

export class RedisWindowCounter implements WindowCounter {
  private readonly redis: RedisWithWindow;

  constructor(redis: Redis) {
    redis.defineCommand('rateWindowIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
    this.redis = redis as RedisWithWindow;
  }

  async increment(id: string, current: number, oldest: number, lifetimeMs: number): Promise<Map<number, number>> {
    const flat = await this.call(() =>
      this.redis.rateWindowIncrement(this.key(id), String(current), String(oldest), String(PRUNE_MARGIN), String(Math.ceil(lifetimeMs))),
    );
    const counts = new Map<number, number>();
    for (let i = 0; i < flat.length; i += 2) counts.set(Number(flat[i]), Number(flat[i + 1]));
    return counts;
  }

  async giveBack(id: string, bucket: number): Promise<void> {
    await this.call(() => this.redis.hincrby(this.key(id), String(bucket), -1));
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
