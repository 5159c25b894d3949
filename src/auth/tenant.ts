/**
 * The unit of isolation: an organization and, within it, the live or the
 * sandbox (test) partition. Every repository method takes one; no query runs
 * without it.
 */
export interface Tenant {
  readonly org: string;
  readonly env: 'live' | 'test';
}

export function tenantKey(tenant: Tenant): string {
  return `${tenant.org}:${tenant.env}`;
}
