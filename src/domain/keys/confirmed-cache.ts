import { PeriodicTask } from '../../periodic-task.js';

/** How often the cached entries are checked against the store (one query for all of them). */
export const REFRESH_MS = 500;
/** An entry not confirmed for this long is read from the store again: the bound on how late a change takes effect. */
export const MAX_AGE_MS = 2_000;
const MAX_ENTRIES = 10_000;

/** Where a ConfirmedCache reads its values. */
export interface CacheSource<K, V> {
  /** One key's value from the store; null: nothing to cache (the key is read again on its next use). */
  read(key: K): Promise<V | null>;
  /** The current values of these cached entries in one read; an entry missing from the answer is dropped. */
  confirm(entries: ReadonlyArray<readonly [K, V]>): Promise<Map<K, V>>;
}

interface Entry<V> {
  value: V;
  /** When the store last gave this value: the start of that read. */
  verifiedAt: number;
}

/**
 * Values this instance read from the store, kept so that a request costs no
 * round trip for them, yet a change made anywhere (any instance, a CLI, the
 * database) takes effect on every instance within MAX_AGE_MS (2 s): every
 * REFRESH_MS (500 ms, so that a check may take up to 1.5 s) one query confirms
 * every cached entry, and an entry whose last confirmation is older than
 * MAX_AGE_MS (the store was slow or away) is read again on its next use
 * instead of being trusted. Confirmation times are taken before the read that
 * confirms, so a change committed while that read runs is never reported as
 * confirmed after it. At most MAX_ENTRIES, least recently used dropped first.
 */
export class ConfirmedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly task = new PeriodicTask(() => ({ delayMs: REFRESH_MS, run: () => this.refresh() }));

  constructor(
    private readonly source: CacheSource<K, V>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key's value, from the cache when confirmed recently enough, else from the store. */
  async get(key: K): Promise<V | null> {
    const at = this.now();
    const entry = this.entries.get(key);
    if (entry !== undefined && at - entry.verifiedAt <= MAX_AGE_MS) {
      // Least recently used first: a hit moves to the end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const value = await this.source.read(key);
    if (value === null) this.entries.delete(key);
    else this.set(key, value, at);
    return value;
  }

  /** A value known as of `at` (read, or written through this instance): used from the next lookup. */
  set(key: K, value: V, at = this.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, verifiedAt: at });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops the entries whose value matches (changed through this instance): their next use reads the store. */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: confirms every cached entry in one read. A failed read confirms nothing. */
  private async refresh(): Promise<void> {
    if (this.entries.size === 0) return;
    const started = this.now();
    const snapshot = [...this.entries];
    let fresh: Map<K, V>;
    try {
      fresh = await this.source.confirm(snapshot.map(([key, entry]) => [key, entry.value] as const));
    } catch {
      return;
    }
    for (const [key, entry] of snapshot) {
      // Replaced or set since this read started: what is there now is at least as new.
      if (this.entries.get(key) !== entry || entry.verifiedAt > started) continue;
      const value = fresh.get(key);
      if (value === undefined) {
        this.entries.delete(key);
        continue;
      }
      entry.value = value;
      entry.verifiedAt = started;
    }
  }
}
