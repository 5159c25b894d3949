import { createHash } from 'node:crypto';
import { tenantKey, type Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';

/**
 * Keyset cursors of the alert lists: (time, id) of the last item seen plus a
 * tenant tag. Rules are listed in creation order and events newest first;
 * items added between page requests never shift a page, and a cursor of
 * another organization, partition or list is refused instead of read.
 */
export interface AlertCursor {
  readonly atMs: number;
  readonly id: string;
}

export type CursorList = 'rules' | 'events';

function tag(tenant: Tenant, list: CursorList): string {
  return createHash('sha256').update(`alerts|${list}|${tenantKey(tenant)}`).digest('base64url').slice(0, 8);
}

export function encodeAlertCursor(tenant: Tenant, list: CursorList, cursor: AlertCursor): string {
  return Buffer.from(`${cursor.atMs}|${cursor.id}|${tag(tenant, list)}`).toString('base64url');
}

export function decodeAlertCursor(tenant: Tenant, list: CursorList, text: string, param: string): AlertCursor {
  const invalid = () => new ValidationError(`Parameter '${param}' is not a valid pagination cursor for this query`, param);
  if (text.length > 512 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3 || parts[2] !== tag(tenant, list)) throw invalid();
  const [at, id] = parts as [string, string];
  const atMs = Number(at);
  if (!/^\d{1,16}$/.test(at) || !Number.isSafeInteger(atMs) || !/^alert_(rule|event)_[0-9a-f]{8,16}$/.test(id)) throw invalid();
  return { atMs, id };
}
