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
