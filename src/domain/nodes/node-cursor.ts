import { createHash } from 'node:crypto';
import { tenantKey, type Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';
import { assertNodeId } from './heartbeat.js';

/**
 * Node pages are keyset pages in node id order, so a cursor is the last node
 * id seen plus a tenant tag: nodes appearing between page requests never
 * shift a page, and a cursor from another organization or partition is
 * rejected instead of being read as a position.
 */
function tenantTag(tenant: Tenant): string {
  return createHash('sha256').update(`nodes|${tenantKey(tenant)}`).digest('base64url').slice(0, 8);
}

export function encodeNodeCursor(tenant: Tenant, nodeId: string): string {
  return Buffer.from(`n|${nodeId}|${tenantTag(tenant)}`).toString('base64url');
}

export function decodeNodeCursor(tenant: Tenant, text: string, param: string): string {
  const invalid = () => new ValidationError(`Parameter '${param}' is not a valid pagination cursor for this query`, param);
  if (text.length > 512 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3 || parts[0] !== 'n' || parts[2] !== tenantTag(tenant)) throw invalid();
  try {
    return assertNodeId(parts[1]!, param);
  } catch {
    throw invalid();
  }
}
