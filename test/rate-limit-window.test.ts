import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../src/auth/principal.js';
import { RateLimits, rateLimitsCollection, type RateBudget } from '../src/domain/keys/rate-limit.js';
import { ensureIndexes } from '../src/db/collections.js';
import { testDb, type TestDb } from './helpers/mongo.js';

/**
 * The sliding window itself, on the real store, with a controlled clock:
 * every scenario replays a request schedule and then checks the invariant the
 * README documents — no 60-second interval, wherever it starts, contains more
 * admitted requests than the key's limit.
 */
let store: TestDb;
let clock = 0;
let limits: RateLimits;
let keySeq = 0;

beforeAll(async () => {
  store = await testDb();
  await ensureIndexes(store.db, [rateLimitsCollection]);
  limits = new RateLimits(store.db, () => clock);
});
afterAll(async () => {
  await store.close();
});

/** A fresh key (so scenarios never share a budget) with the given per-minute limit. */
function principal(rateLimit: number): Principal {
  return { keyId: `key_window_${++keySeq}`, tenant: { org: 'o', env: 'live' }, permissions: new Set(['read']), rateLimit };
}

/** A minute boundary well away from zero, so "the previous minute" exists. */
const T0 = Date.UTC(2026, 2, 15, 12, 0, 0);

async function replay(who: Principal, schedule: readonly number[], budget: RateBudget = 'requests') {
  const admitted: number[] = [];
  const decisions = [];
  for (const at of schedule) {
    clock = at;
    const decision = await limits.consume(who, budget);
    decisions.push(decision);
    if (decision.allowed) admitted.push(at);
  }
  return { admitted, decisions };
}

/** The most admitted requests found in any interval of `windowMs` (checked at every admitted instant, the worst case). */
function busiestWindow(admitted: readonly number[], windowMs: number): number {
  return Math.max(0, ...admitted.map((end) => admitted.filter((t) => t > end - windowMs && t <= end).length));
}

const burst = (at: number, n: number, spreadMs = 0) =>
  Array.from({ length: n }, (_, i) => at + Math.floor((i * spreadMs) / Math.max(1, n)));

describe('per-key sliding window (60 s)', () => {
  it('admits exactly the limit in a burst, then refuses with remaining 0 and a Retry-After', async () => {
    const who = principal(20);
    const { decisions } = await replay(who, burst(T0 + 10_000, 21));
    expect(decisions.slice(0, 20).every((d) => d.allowed)).toBe(true);
    expect(decisions.map((d) => d.remaining).slice(0, 3)).toEqual([19, 18, 17]);
    expect(decisions[19]).toMatchObject({ allowed: true, remaining: 0, limit: 20 });
    const refused = decisions[20]!;
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 20 });
    // The burst's bucket (second 10) stops counting when second 71 begins: 61 s later.
    expect(refused.retryAfterS).toBe(61);
    expect(refused.resetAtS).toBe((T0 + 71_000) / 1000);
  });

  it('lets no burst straddling a window boundary exceed the limit, where a fixed window admits 2×', async () => {
    const schedule = [...burst(T0 + 59_900, 50, 90), ...burst(T0 + 60_050, 50, 90)];
    const { admitted } = await replay(principal(50), schedule);
    expect(admitted).toHaveLength(50);
    expect(busiestWindow(admitted, 60_000)).toBe(50);

    // The same schedule against rate-limiter-flexible's own (fixed) 60 s window, whose window
    // starts at a key's first request: start it 60 s before the boundary.
    const fixed = new RateLimiterMemory({ points: 50, duration: 60 });
    const fixedAdmitted: number[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(T0);
      await fixed.consume('k', 0);
      for (const at of schedule) {
        vi.setSystemTime(at);
        if (
          await fixed.consume('k').then(
            () => true,
            () => false,
          )
        )
          fixedAdmitted.push(at);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(busiestWindow(fixedAdmitted, 60_000)).toBe(100);
  });

  it('lets no burst offset from the minute boundary exceed the limit either', async () => {
    const who = principal(50);
    // 50 at 0:59.9 and 50 at 1:58: a two-window weighted estimate counts only ~3% of the first burst by then.
    const schedule = [...burst(T0 + 59_900, 50, 50), ...burst(T0 + 118_000, 50, 50)];
    const { admitted, decisions } = await replay(who, schedule);
    expect(admitted).toHaveLength(50);
    expect(busiestWindow(admitted, 60_000)).toBe(50);
    // Refused requests report when the first burst leaves: its second-59 bucket stops counting at 2:00.
    const firstRefused = decisions[50]!;
    expect(firstRefused.allowed).toBe(false);
    expect(firstRefused.retryAfterS).toBe(2);
  });

  it('admits again as soon as the old burst has left the window, and a refused request does not use budget', async () => {
    const who = principal(10);
    const schedule = [...burst(T0 + 5_000, 10), ...burst(T0 + 30_000, 10), T0 + 65_999, T0 + 66_000, T0 + 66_001];
    const { admitted } = await replay(who, schedule);
    // 10 at 0:05; the 10 retries at 0:30 are refused and not counted; at 1:06 second 5 has left the window.
    expect(admitted).toEqual([...burst(T0 + 5_000, 10), T0 + 66_000, T0 + 66_001]);
  });

  it('does not hold back traffic below the limit, however it is spread', async () => {
    const who = principal(20);
    // 19 requests per minute for ten minutes, evenly spaced.
    const schedule = Array.from({ length: 190 }, (_, i) => T0 + Math.round((i * 60_000) / 19));
    const { admitted } = await replay(who, schedule);
    expect(admitted).toHaveLength(190);
  });

  it('keeps the invariant under adversarial random traffic', async () => {
    const who = principal(30);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const schedule: number[] = [];
    let t = T0;
    for (let i = 0; i < 400; i++) {
      t += random() < 0.1 ? Math.floor(random() * 30_000) : Math.floor(random() * 400);
      schedule.push(t);
    }
    const { admitted } = await replay(who, schedule);
    expect(busiestWindow(admitted, 60_000)).toBeLessThanOrEqual(30);
    expect(admitted.length).toBeGreaterThan(30);
  });

  it('is one budget for every RateLimits instance on the same database (gateway instances)', async () => {
    const who = principal(10);
    const other = new RateLimits(store.db, () => clock);
    clock = T0 + 200_000;
    const results = [];
    for (let i = 0; i < 12; i++) results.push((await (i % 2 === 0 ? limits : other).consume(who)).allowed);
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(results.slice(10)).toEqual([false, false]);
  });
});

describe('Mackerel list budget (1 request per second)', () => {
  it('admits one request in any second and the next once a full second has passed', async () => {
    const who = principal(1000);
    const start = T0 + 300_000;
    const { decisions } = await replay(who, [start, start + 400, start + 999, start + 1_100, start + 1_500], 'mackerel-list');
    expect(decisions.map((d) => d.allowed)).toEqual([true, false, false, true, false]);
    expect(decisions[1]).toMatchObject({ limit: 1, retryAfterS: 1 });
  });
});
