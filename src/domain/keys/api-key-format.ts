import { hash, randomBytes } from 'node:crypto';
import type { Tenant } from '../../auth/tenant.js';

const KEY_PATTERN = /^mtk_(live|test)_([A-Za-z0-9_-]{16,128})$/;

/** 32 bytes from the CSPRNG, base64url: 256 bits, far beyond guessing. */
export function generateApiKey(env: Tenant['env']): string {
  return `mtk_${env}_${randomBytes(32).toString('base64url')}`;
}

/** The partition a key's prefix selects, or null when the text is not a key at all. */
export function apiKeyEnv(key: string): Tenant['env'] | null {
  const match = KEY_PATTERN.exec(key);
  return match ? (match[1] as Tenant['env']) : null;
}

/**
 * Keys are random 256-bit secrets, so an unsalted SHA-256 is a sound verifier:
 * there is no dictionary to attack, and a fast hash keeps per-request lookups cheap.
 */
export function hashApiKey(key: string): string {
  // The one-shot hash: a Hash object per request cost about 20 µs of each authenticated request.
  return hash('sha256', key, 'hex');
}

/** What may be shown after creation: enough to recognise a key, not to use it. */
export function displayPrefix(key: string): string {
  return key.slice(0, 13);
}
