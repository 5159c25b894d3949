import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmedCache, MAX_AGE_MS, REFRESH_MS, type CacheSource } from './confirmed-cache.js';

/** A store of string values that counts its reads and can hold a confirm read open. */
function store(initial: Record<string, string>) {
  const values = new Map(Object.entries(initial));
  let reads = 0;
  let confirms = 0;
  let held: Promise<void> | null = null;
  const source: CacheSource<string, string> = {
    read: async (key) => {
      reads += 1;
      return values.get(key) ?? null;
    },
    confirm: async (entries) => {
      confirms += 1;
      const answer = new Map<string, string>();
      for (const [key] of entries) if (values.has(key)) answer.set(key, values.get(key)!);
      await held;
      return answer;
    },
  };
  return {
    source,
    values,
    reads: () => reads,
    confirms: () => confirms,
    hold: (until: Promise<void>) => (held = until),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ConfirmedCache', () => {
  it('answers from the cache while confirmed, and reads again once an entry is older than MAX_AGE_MS', async () => {
    let now = 1_000;
    const s = store({ a: 'one' });
    const cache = new ConfirmedCache(s.source, () => now);
    expect(await cache.get('a')).toBe('one');
    now += MAX_AGE_MS;
    expect(await cache.get('a')).toBe('one');
    expect(s.reads()).toBe(1);
    s.values.set('a', 'two');
    now += 1;
    expect(await cache.get('a')).toBe('two');
    expect(s.reads()).toBe(2);
  });

  it('never caches a missing key: it is read on every use, so a key created anywhere works at once', async () => {
    const s = store({});
    const cache = new ConfirmedCache(s.source);
    expect(await cache.get('x')).toBeNull();
    s.values.set('x', 'new');
    expect(await cache.get('x')).toBe('new');
    expect(s.reads()).toBe(2);
  });

  it('a refresh drops what the store no longer has and takes changed values, in one read', async () => {
    vi.useFakeTimers();
    const s = store({ a: 'one', b: 'two' });
    const cache = new ConfirmedCache(s.source);
    await cache.get('a');
    await cache.get('b');
    s.values.delete('a');
    s.values.set('b', 'changed');
    cache.start();
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    await cache.stop();
    expect(s.confirms()).toBe(1);
    expect(await cache.get('b')).toBe('changed');
    expect(s.reads()).toBe(2);
    expect(await cache.get('a')).toBeNull();
    expect(s.reads()).toBe(3);
  });

  it('a value set while a refresh reads is neither dropped nor overwritten by that older read', async () => {
    vi.useFakeTimers();
    const s = store({ a: 'old' });
    const cache = new ConfirmedCache(s.source);
    await cache.get('a');
    s.values.delete('a');
    let release!: () => void;
    s.hold(new Promise<void>((resolve) => (release = resolve)));
    cache.start();
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    cache.set('a', 'written here');
    release();
    await cache.stop();
    expect(await cache.get('a')).toBe('written here');
    expect(s.reads()).toBe(1);
  });

  it('deleteWhere drops matching entries: their next use reads the store', async () => {
    const s = store({ a: 'k1', b: 'k2' });
    const cache = new ConfirmedCache(s.source);
    await cache.get('a');
    await cache.get('b');
    cache.deleteWhere((value) => value === 'k1');
    await cache.get('a');
    await cache.get('b');
    expect(s.reads()).toBe(3);
  });
});
