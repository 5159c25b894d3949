import type { Tenant } from './tenant.js';

export const PERMISSIONS = ['read', 'write', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who is calling: an API key resolved to its tenant and permissions. */
export interface Principal {
  readonly keyId: string;
  readonly tenant: Tenant;
  readonly permissions: ReadonlySet<Permission>;
  /** Requests per minute for this key. */
  readonly rateLimit: number;
  /** The address the request comes from (after trusted proxies); null when unknown, absent where there is no request. */
  readonly clientAddress?: string | null;
}
