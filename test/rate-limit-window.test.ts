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
 * admitted requests than the key's limit — and that no refused request is
 * told to wait longer than the window.
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
    // The burst leaves the window exactly 60 s later: no request ever waits longer than the window.
    expect(refused.retryAfterS).toBe(60);
    expect(refused.resetAtS).toBe((T0 + 70_000) / 1000);
    expect(decisions[19]!.resetAtS).toBe(refused.resetAtS);
    const { decisions: after } = await replay(who, [T0 + 69_999, T0 + 70_000]);
    expect(after.map((d) => d.allowed)).toEqual([false, true]);
    expect(after[0]).toMatchObject({ retryAfterS: 1, resetAtS: (T0 + 70_000) / 1000 });
  });

  it('never answers a Retry-After beyond the 60 s window, and a retry after it is admitted', async () => {
    // 20 requests spread over second 10 (10.000 … 10.950), then a refused one at its very end and one early in second 11.
    const who = principal(20);
    const { decisions } = await replay(who, [...burst(T0 + 10_000, 20, 1_000), T0 + 10_999, T0 + 11_000]);
    const refused = decisions.slice(20);
    expect(refused.map((d) => d.allowed)).toEqual([false, false]);
    // The latest admitted request (10.950) leaves the window at 70.950: the whole budget is back then.
    expect(refused.map((d) => d.retryAfterS)).toEqual([60, 60]);
    expect(refused.map((d) => d.resetAtS)).toEqual([(T0 + 71_000) / 1000, (T0 + 71_000) / 1000]);
    // At 70.000 the oldest (10.000) is 60 s old, but second 10 counts while its latest request (10.950) is in the window;
    // the refused request at 10.999, told 60 s, is admitted when it retries then.
    const retries = await replay(who, [T0 + 70_000, T0 + 70_949, T0 + 70_950, T0 + 10_999 + 60_000]);
    expect(retries.decisions.map((d) => d.allowed)).toEqual([false, false, true, true]);
  });

  it('answers a Retry-After consistent with the reset and the window under random traffic', async () => {
    const who = principal(15);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let t = T0 + 400_000;
    const schedule: number[] = [];
    for (let i = 0; i < 150; i++) schedule.push((t += Math.floor(random() * (random() < 0.2 ? 9_000 : 300))));
    const { decisions } = await replay(who, schedule);
    decisions.forEach((d, i) => {
      const at = schedule[i]!;
      expect(d.resetAtS * 1000).toBeGreaterThan(at);
      expect(d.resetAtS * 1000).toBeLessThanOrEqual(Math.ceil((at + 60_000) / 1000) * 1000);
      if (d.allowed) return;
      expect(d.retryAfterS).toBeGreaterThanOrEqual(1);
      expect(d.retryAfterS).toBeLessThanOrEqual(60);
      expect(Math.floor(at / 1000) + d.retryAfterS).toBeLessThanOrEqual(d.resetAtS);
    });
    expect(decisions.some((d) => !d.allowed)).toBe(true);
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
    const schedule = [...burst(T0 + 5_000, 10), ...burst(T0 + 30_000, 10), T0 + 64_999, T0 + 65_000, T0 + 65_001];
    const { admitted } = await replay(who, schedule);
    // 10 at 0:05; the 10 retries at 0:30 are refused and not counted (nor do they delay anything); at 1:05 the burst is 60 s old.
    expect(admitted).toEqual([...burst(T0 + 5_000, 10), T0 + 65_000, T0 + 65_001]);
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
