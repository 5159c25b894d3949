import { createHash } from 'node:crypto';
import { tenantKey, type Tenant } from '../../auth/tenant.js';
import { ValidationError } from '../../errors.js';
import type { TraceCursor } from './traces.repository.js';
import type { TraceOrder } from './trace.js';

/**
 * An opaque keyset cursor: base64url of (order, sort value, trace id, query
 * window, tenant tag). Keyset, not offset, so traces ingested between page
 * requests never shift a page; the window is pinned so a defaulted "last hour"
 * does not slide under a walk; the tenant tag makes a cursor from another
 * organization or partition an invalid cursor instead of a position.
 */
export interface DecodedCursor extends TraceCursor {
  readonly order: TraceOrder;
  readonly fromMs: number;
  readonly toMs: number;
}

function tenantTag(tenant: Tenant): string {
  return createHash('sha256').update(tenantKey(tenant)).digest('base64url').slice(0, 8);
}

const ORDER_CODES = { 'START_TIME:DESC': 's-', 'START_TIME:ASC': 's+', 'DURATION:DESC': 'd-', 'DURATION:ASC': 'd+' } as const;

export function encodeTraceCursor(tenant: Tenant, cursor: DecodedCursor): string {
  const code = ORDER_CODES[`${cursor.order.field}:${cursor.order.direction}`];
  const text = [code, cursor.value, cursor.traceId, cursor.fromMs, cursor.toMs, tenantTag(tenant)].join('|');
  return Buffer.from(text).toString('base64url');
}

export function decodeTraceCursor(tenant: Tenant, text: string, param: string): DecodedCursor {
  const invalid = () => new ValidationError(`Parameter '${param}' is not a valid pagination cursor for this query`, param);
  if (text.length > 512 || !/^[A-Za-z0-9_-]+={0,2}$/.test(text)) throw invalid();
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== 6) throw invalid();
  const [code, value, traceId, from, to, tag] = parts as [string, string, string, string, string, string];
  const entry = Object.entries(ORDER_CODES).find(([, c]) => c === code);
  if (!entry || !/^-?\d{1,20}$/.test(value) || !/^[0-9a-f]{32}$/.test(traceId) || tag !== tenantTag(tenant)) throw invalid();
  const fromMs = Number(from);
  const toMs = Number(to);
  if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs)) throw invalid();
  const [field, direction] = entry[0].split(':') as [TraceOrder['field'], TraceOrder['direction']];
  return { order: { field, direction }, value, traceId, fromMs, toMs };
}
