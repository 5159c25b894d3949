/**
 * Revocation must also end what a key opened before it was revoked: open
 * WebSockets and SSE subscriptions. Each registers its key here; every
 * interval (MESH_WS_AUTH_RECHECK_S) the keys of everything still open are
 * checked in one query, and whatever belongs to a key that is no longer valid
 * is told so (and forgotten). A store outage skips a round rather than ending
 * anything.
 */
export class KeyWatch {
  private readonly watched = new Map<symbol, { readonly keyId: string; readonly onRevoked: () => void }>();
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly activeKeyIds: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.round(), intervalMs);
    this.timer.unref();
  }

  /** Calls `onRevoked` once, at the first round after `keyId` stops being valid; the returned function stops watching. */
  watch(keyId: string, onRevoked: () => void): () => void {
    const handle = Symbol(keyId);
    this.watched.set(handle, { keyId, onRevoked });
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
      const active = await this.activeKeyIds([...new Set([...this.watched.values()].map((w) => w.keyId))]);
      for (const [handle, { keyId, onRevoked }] of this.watched) {
        if (active.has(keyId)) continue;
        this.watched.delete(handle);
        onRevoked();
      }
    } catch {
      // The store is away: nothing is known to be revoked; the next round asks again.
    } finally {
      this.running = false;
    }
  }
}
