import type { ApiKeyRecord, ApiKeysRepository } from './api-keys.repository.js';
import { ConfirmedCache } from './confirmed-cache.js';

/**
 * The API keys this gateway instance has authenticated, so that a request
 * costs no store round trip for its key. Revocation still takes effect on
 * every instance within 2 s, however it was made (any instance, the CLI, the
 * database): each refresh reads which cached keys are still active and drops
 * the others (ConfirmedCache states the bounds). The instance that revokes a
 * key drops it at once.
 *
 * Only active keys are cached: an unknown or revoked key is looked up each
 * time, so a key created anywhere works on its first request everywhere.
 */
export class KeyCache extends ConfirmedCache<string, ApiKeyRecord> {
  constructor(keys: ApiKeysRepository, now?: () => number) {
    super(
      {
        read: (hash) => keys.findActiveByHash(hash),
        confirm: async (entries) => {
          const active = await keys.findActiveIds([...new Set(entries.map(([, record]) => record.id))]);
          return new Map(entries.filter(([, record]) => active.has(record.id)));
        },
      },
      now,
    );
  }

  /** Drops a key (revoked through this instance): its next request reads the store. */
  forget(keyId: string): void {
    this.deleteWhere((record) => record.id === keyId);
  }
}
