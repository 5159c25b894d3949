import type { Principal } from '../auth/principal.js';

/** Why something a key opened has to end: its key was revoked, or its organization's IP allow-list no longer admits its address. */
export type KeyWatchEnd = 'revoked' | 'address';

/**
 * Revocation must also end what a key opened before it was revoked: open
 * WebSockets and SSE subscriptions. Each registers its principal here; every
 * interval (MESH_WS_AUTH_RECHECK_S) the keys of everything still open are
 * checked in one query, and the address of each still-valid one against its
 * organization's IP allow-list; whatever fails is told why (and forgotten).
 * A store outage skips a round rather than ending anything.
 */
export class KeyWatch {
  private readonly watched = new Map<symbol, { readonly principal: Principal; readonly onEnd: (why: KeyWatchEnd) => void }>();
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly activeKeyIds: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
    private readonly addressAllowed: (principal: Principal) => Promise<boolean>,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.round(), intervalMs);
    this.timer.unref();
  }

  /** Calls `onEnd` once, at the first round after the principal's key stops being valid or its address admitted; the returned function stops watching. */
  watch(principal: Principal, onEnd: (why: KeyWatchEnd) => void): () => void {
    const handle = Symbol(principal.keyId);
    this.watched.set(handle, { principal, onEnd });
    return () => this.watched.delete(handle);
  }

  stop(): void {
    clearInterval(this.timer);
    this.watched.clear();
  }

  private async round(): Promise<void> {
    if (this.running || this.watched.size === 0) return;
    this.running = true;
    try {
      const active = await this.activeKeyIds([...new Set([...this.watched.values()].map((w) => w.principal.keyId))]);
      for (const [handle, { principal, onEnd }] of this.watched) {
        const why = !active.has(principal.keyId) ? 'revoked' : (await this.addressAllowed(principal)) ? null : 'address';
        if (why === null || !this.watched.has(handle)) continue;
        this.watched.delete(handle);
        onEnd(why);
      }
    } catch {
      // The store is away: nothing is known to be revoked; the next round asks again.
    } finally {
      this.running = false;
    }
  }
}
