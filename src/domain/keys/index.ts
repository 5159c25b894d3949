import { Redis } from 'ioredis';
import type { Db } from 'mongodb';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Module } from '../module.js';
import { apiKeysCollection, ApiKeysRepository } from './api-keys.repository.js';
import { AllowListCache } from './allow-list-cache.js';
import { AuthService } from './auth.service.js';
import { KeyCache } from './key-cache.js';
import { OrgsRepository, orgsCollection } from './orgs.repository.js';
import { RateLimits } from './rate-limit.js';
import { MongoWindowCounter, RedisWindowCounter, rateWindowsCollection } from './rate-windows.js';

export interface KeysServices {
  /** API keys and organizations: authentication and key management. */
  readonly auth: AuthService;
  /** Per-key budgets; routes with an extra documented limit charge it: `limits.admit(principal, 'mackerel-list')`. */
  readonly limits: RateLimits;
}

/**
 * The rate-limit counters' client when REDIS_URL is set: connected on first
 * use; while Redis is away a check fails after one reconnection attempt
 * (503, see RedisWindowCounter) instead of waiting for it.
 */
function redisClient(url: string, log: Logger): Redis {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  let failing = false;
  redis.on('error', (error: Error) => {
    if (failing) return;
    failing = true;
    log.warn('redis connection lost (rate limits); reconnecting', { error: error.message });
  });
  redis.on('ready', () => (failing = false));
  return redis;
}

/** API keys, their organizations and their rate budgets (in MongoDB, or in Redis with REDIS_URL). */
export function createKeysModule({
  db,
  config,
  log,
}: {
  readonly db: Db;
  readonly config: Pick<Config, 'rateLimitPerMin' | 'redisUrl'>;
  readonly log: Logger;
}): Module<KeysServices> {
  const keys = new ApiKeysRepository(db);
  const cache = new KeyCache(keys);
  const orgs = new OrgsRepository(db);
  const allowLists = new AllowListCache(orgs);
  const redis = config.redisUrl === undefined ? null : redisClient(config.redisUrl, log);
  const counter = redis === null ? new MongoWindowCounter(db) : new RedisWindowCounter(redis);
  return {
    services: {
      auth: new AuthService(keys, orgs, cache, allowLists, { defaultRateLimit: config.rateLimitPerMin }),
      limits: new RateLimits(counter),
    },
    collections: [apiKeysCollection, orgsCollection, rateWindowsCollection],
    loaders: {},
    start: () => {
      cache.start();
      allowLists.start();
    },
    async stop() {
      await Promise.all([cache.stop(), allowLists.stop()]);
      if (redis?.status === 'ready') await redis.quit();
      else redis?.disconnect();
    },
  };
}

declare module '../../graphql/context.js' {
  interface Services extends KeysServices {}
}
