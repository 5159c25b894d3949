import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Permission, Principal } from './principal.js';

/**
 * Every action the API performs, mapped to the key permission that allows it.
 * This table is the single authorization policy: GraphQL scopes, REST routes
 * (which run GraphQL operations) and the ingest endpoints all ask `can`.
 */
const ACTION_PERMISSION = {
  'traces:read': 'read',
  'traces:write': 'write',
  'nodes:read': 'read',
  'nodes:write': 'write',
  'services:read': 'read',
  'keys:admin': 'admin',
  'alerts:read': 'read',
  'alerts:admin': 'admin',
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof ACTION_PERMISSION;

export function can(principal: Principal | null, action: Action): boolean {
  return principal !== null && principal.permissions.has(ACTION_PERMISSION[action]);
}

/** Throws the documented 401/403 unless the principal may perform the action. */
export function assertCan(principal: Principal | null, action: Action): Principal {
  if (principal === null) throw new UnauthorizedError('Missing or invalid API key');
  if (!can(principal, action)) {
    throw new ForbiddenError(`API key lacks the '${ACTION_PERMISSION[action]}' permission required for this request`);
  }
  return principal;
}

/**
 * The scopes GraphQL fields are declared with (`authScopes: { read: true }`),
 * each granted by one action of the policy above. The schema builder and the
 * REST adapter (which checks a route's scopes before reading its input) both
 * evaluate them here.
 */
const SCOPE_ACTIONS = { read: 'traces:read', write: 'traces:write', admin: 'keys:admin' } as const satisfies Record<Permission, Action>;

export type AuthScope = keyof typeof SCOPE_ACTIONS;

export function scopesOf(principal: Principal | null): Record<AuthScope, boolean> {
  return {
    read: can(principal, SCOPE_ACTIONS.read),
    write: can(principal, SCOPE_ACTIONS.write),
    admin: can(principal, SCOPE_ACTIONS.admin),
  };
}

export function isAuthScope(name: string): name is AuthScope {
  return Object.hasOwn(SCOPE_ACTIONS, name);
}
