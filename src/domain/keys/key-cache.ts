import { PeriodicTask } from '../../periodic-task.js';
import type { ApiKeyRecord, ApiKeysRepository } from './api-keys.repository.js';

/** How often the cached keys are checked against the store (one query for all of them). */
export const REFRESH_MS = 500;
/** A key not confirmed for this long is read from the store again: the bound on how late a revocation takes effect. */
export const MAX_AGE_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly record: ApiKeyRecord;
  /** When the store last said this key was active: the start of that read. */
  verifiedAt: number;
}

/**
 * The API keys this gateway instance has authenticated, so that a request
 * costs no store round trip for its key. Revocation still takes effect on
 * every instance within MAX_AGE_MS (2 s), however it was made (any instance,
 * the CLI, the database): every REFRESH_MS (500 ms, so that a check may take
 * up to 1.5 s) one query reads which cached keys are still active and drops
 * the others, and a key whose last confirmation is older than MAX_AGE_MS (the
 * store was slow or away) is read from the store on its next use instead of
 * being trusted. Confirmation times are taken before the read that confirms,
 * so a revocation committed while that read runs is never reported as
 * confirmed after it. The instance that revokes a key drops it at once.
 *
 * Only active keys are cached: an unknown or revoked key is looked up each
 * time, so a key created anywhere works on its first request everywhere.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly task = new PeriodicTask(() => ({ delayMs: REFRESH_MS, run: () => this.refresh() }));

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** The active key with this hash, from the cache when confirmed recently enough, else from the store. */
  async lookup(hash: string): Promise<ApiKeyRecord | null> {
    const at = this.now();
    const entry = this.entries.get(hash);
    if (entry !== undefined && at - entry.verifiedAt <= MAX_AGE_MS) {
      // Least recently used first: a hit moves to the end.
      this.entries.delete(hash);
      this.entries.set(hash, entry);
      return entry.record;
    }
    const record = await this.keys.findActiveByHash(hash);
    if (record === null) {
      this.entries.delete(hash);
      return null;
    }
    this.entries.delete(hash);
    this.entries.set(hash, { record, verifiedAt: at });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return record;
  }

  /** Drops a key (revoked through this instance): its next request reads the store. */
  forget(keyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.record.id === keyId) this.entries.delete(hash);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: confirms the cached keys still active, drops the others. A failed read confirms nothing. */
  private async refresh(): Promise<void> {
    if (this.entries.size === 0) return;
    const started = this.now();
    const snapshot = [...this.entries];
    let active: Set<string>;
    try {
      active = await this.keys.findActiveIds([...new Set(snapshot.map(([, entry]) => entry.record.id))]);
    } catch {
      return;
    }
    for (const [hash, entry] of snapshot) {
      if (this.entries.get(hash) !== entry) continue;
      if (active.has(entry.record.id)) entry.verifiedAt = Math.max(entry.verifiedAt, started);
      else this.entries.delete(hash);
    }
  }
}
