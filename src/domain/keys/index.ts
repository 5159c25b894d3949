import type { Db } from 'mongodb';
import type { Config } from '../../config.js';
import type { Module } from '../module.js';
import { apiKeysCollection, ApiKeysRepository } from './api-keys.repository.js';
import { AllowListCache } from './allow-list-cache.js';
import { AuthService } from './auth.service.js';
import { KeyCache } from './key-cache.js';
import { OrgsRepository, orgsCollection } from './orgs.repository.js';
import { RateLimits, rateLimitsCollection } from './rate-limit.js';

export interface KeysServices {
  /** API keys and organizations: authentication and key management. */
  readonly auth: AuthService;
  /** Per-key budgets; routes with an extra documented limit charge it: `limits.admit(principal, 'mackerel-list')`. */
  readonly limits: RateLimits;
}

/** API keys, their organizations and their rate budgets. */
export function createKeysModule({
  db,
  config,
}: {
  readonly db: Db;
  readonly config: Pick<Config, 'rateLimitPerMin'>;
}): Module<KeysServices> {
  const keys = new ApiKeysRepository(db);
  const cache = new KeyCache(keys);
  const orgs = new OrgsRepository(db);
  const allowLists = new AllowListCache(orgs);
  return {
    services: {
      auth: new AuthService(keys, orgs, cache, allowLists, { defaultRateLimit: config.rateLimitPerMin }),
      limits: new RateLimits(db),
    },
    collections: [apiKeysCollection, orgsCollection, rateLimitsCollection],
    loaders: {},
    start: () => {
      cache.start();
      allowLists.start();
    },
    stop: async () => {
      await Promise.all([cache.stop(), allowLists.stop()]);
    },
  };
}

declare module '../../graphql/context.js' {
  interface Services extends KeysServices {}
}
